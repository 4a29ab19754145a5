import { describe, expect, it } from 'vitest';
import {
  emailMatchKey,
  foldAccents,
  isBlockedIdentifier,
  isPlausiblePersonName,
  isValidEmail,
  normalizeEmail,
  normalizePersonName,
  personNameKey,
  phoneticKeyPt,
  splitPersonName,
} from '../../src/identity/index.js';

describe('e-mail', () => {
  it('trims and lower-cases the address kept for sending', () => {
    expect(normalizeEmail('  Ana.Souza+Pets@GMAIL.com\u00a0')).toEqual({
      valid: true, address: 'ana.souza+pets@gmail.com', domain: 'gmail.com', matchKey: 'anasouza@gmail.com',
    });
  });
  it('folds Gmail dots and +tags, googlemail.com, and +tags of Outlook and iCloud, only in the key', () => {
    // Gmail ignores dots (Google Help, "Dots don't matter in Gmail addresses") and delivers name+tag@ to name@.
    expect(emailMatchKey('A.Na+promo@googlemail.com')).toBe('ana@gmail.com');
    expect(emailMatchKey('ana+loja@outlook.com')).toBe('ana@outlook.com');
    expect(emailMatchKey('a.na+loja@outlook.com')).toBe('a.na@outlook.com');
    expect(emailMatchKey('ana+x@icloud.com')).toBe('ana@icloud.com');
    // Unknown providers keep dots and tags.
    expect(emailMatchKey('a.na+promo@uol.com.br')).toBe('a.na+promo@uol.com.br');
  });
  it('rejects malformed addresses with a reason', () => {
    expect(normalizeEmail('')).toEqual({ valid: false, reason: 'empty' });
    expect(normalizeEmail('ana.gmail.com')).toEqual({ valid: false, reason: 'no_at_sign' });
    expect(normalizeEmail('ana@')).toEqual({ valid: false, reason: 'domain' });
    expect(normalizeEmail('ana@gmail')).toEqual({ valid: false, reason: 'domain' });
    expect(normalizeEmail('ana@gmail.c')).toEqual({ valid: false, reason: 'domain' });
    expect(normalizeEmail('ana..souza@gmail.com')).toEqual({ valid: false, reason: 'local_part' });
    expect(normalizeEmail('.ana@gmail.com')).toEqual({ valid: false, reason: 'local_part' });
    expect(normalizeEmail('ana@@gmail.com')).toEqual({ valid: false, reason: 'local_part' });
    expect(normalizeEmail(`${'a'.repeat(65)}@gmail.com`)).toEqual({ valid: false, reason: 'local_part' });
    expect(normalizeEmail('ana@-gmail.com')).toEqual({ valid: false, reason: 'domain' });
    expect(isValidEmail('joão@exemplo.com.br')).toBe(true);
    expect(isValidEmail(42)).toBe(false);
  });
});

describe('blocked identifiers', () => {
  it('blocks placeholders of every kind', () => {
    for (const v of ['null', '-1', 'anonymous', 'N/A', '  NULL ']) expect(isBlockedIdentifier('email', v)).toBe(true);
    expect(isBlockedIdentifier('cpf', '000.000.000-00')).toBe(true);
    expect(isBlockedIdentifier('cpf', '11111111111')).toBe(true);
    expect(isBlockedIdentifier('cpf', '123.456.789-09')).toBe(true);
    expect(isBlockedIdentifier('cpf', '529.982.247-25')).toBe(false);
    expect(isBlockedIdentifier('email', 'test@gmail.com')).toBe(true);
    expect(isBlockedIdentifier('email', 'ana@example.com')).toBe(true); // RFC 2606
    expect(isBlockedIdentifier('email', 'ana@loja.test')).toBe(true); // RFC 2606
    expect(isBlockedIdentifier('email', 'sememail@loja.com.br')).toBe(true);
    expect(isBlockedIdentifier('email', 'aaaa@gmail.com')).toBe(true);
    expect(isBlockedIdentifier('email', 'ana@gmail.com')).toBe(false);
    expect(isBlockedIdentifier('phone', '+5511999999999')).toBe(true);
    expect(isBlockedIdentifier('phone', '+5511000000000')).toBe(true);
    expect(isBlockedIdentifier('phone', '+5511123456789')).toBe(true);
    expect(isBlockedIdentifier('phone', '+5511912345678')).toBe(false);
    expect(isBlockedIdentifier('phone', '+5511987654321', new Set(['+5511987654321']))).toBe(true);
  });
});

describe('names', () => {
  it('normalises spacing and case, with particles in lower case', () => {
    expect(normalizePersonName('  MARIA  DAS  GRAÇAS  d’ávila ')).toBe('Maria das Graças D’Ávila');
    expect(normalizePersonName('joão dos santos')).toBe('João dos Santos');
    expect(normalizePersonName('ANA-LUÍSA DE SOUZA E SILVA')).toBe('Ana-Luísa de Souza e Silva');
    expect(normalizePersonName("o'neil da costa")).toBe("O'Neil da Costa");
    expect(normalizePersonName('pedro ii')).toBe('Pedro II');
    expect(normalizePersonName('De Souza')).toBe('De Souza');
    expect(normalizePersonName('  ,, ')).toBe('');
  });
  it('builds keys with accents folded and particles and honorifics dropped', () => {
    expect(personNameKey('Sra. Maria das Graças da Conceição')).toBe('maria gracas conceicao');
    expect(personNameKey('MARIA GRACAS CONCEICAO')).toBe('maria gracas conceicao');
    expect(personNameKey('José-Antônio')).toBe('jose antonio');
    expect(foldAccents('Çãõéíú')).toBe('Caoeiu');
  });
  it('splits full names', () => {
    expect(splitPersonName('ana paula DE souza lima')).toEqual({ firstName: 'Ana', lastName: 'Paula de Souza Lima' });
    expect(splitPersonName('Xuxa')).toEqual({ firstName: 'Xuxa', lastName: '' });
  });
  it('tells names from placeholders', () => {
    expect(isPlausiblePersonName('Ana Souza')).toBe(true);
    expect(isPlausiblePersonName('Cliente 123')).toBe(false);
    expect(isPlausiblePersonName('teste')).toBe(false);
    expect(isPlausiblePersonName('xxxx')).toBe(false);
    expect(isPlausiblePersonName('a')).toBe(false);
    expect(isPlausiblePersonName('ana@gmail.com')).toBe(false);
  });
  it('gives Portuguese spelling variants one phonetic key', () => {
    const same: Array<[string, string]> = [
      ['Souza', 'Sousa'], ['Luiz', 'Luís'], ['Thiago', 'Tiago'], ['Felipe', 'Phelipe'], ['Wagner', 'Vagner'],
      ['Gisele', 'Jizele'], ['Queiroz', 'Keiroz'], ['Conceição', 'Conseissão'], ['Helena', 'Elena'], ['Ramom', 'Ramon'],
      ['Yasmin', 'Iasmin'], ['Cristina', 'Khristina'],
    ];
    for (const [a, b] of same) expect(phoneticKeyPt(a), `${a}/${b}`).toBe(phoneticKeyPt(b));
    expect(phoneticKeyPt('Ana')).not.toBe(phoneticKeyPt('Bruna'));
    expect(phoneticKeyPt('Carla da Silva')).toBe(`${phoneticKeyPt('Carla')} ${phoneticKeyPt('Silva')}`);
    expect(phoneticKeyPt('')).toBe('');
  });
});
