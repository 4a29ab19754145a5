import { describe, expect, it } from 'vitest';
import {
  cnpjCheckDigits,
  cpfCheckDigits,
  formatCep,
  formatCnpj,
  formatCpf,
  generateCnpjs,
  generateCpfs,
  isJornadaErrorLike,
} from './helpers.js';
import { isValidCep, isValidCnpj, isValidCpf, normalizeCep, normalizeCnpj, normalizeCpf, redactCpf } from '../../src/identity/index.js';

describe('CPF', () => {
  it('accepts 529.982.247-25 (check digits worked by hand)', () => {
    // First digit: 5·10 + 2·9 + 9·8 + 9·7 + 8·6 + 2·5 + 2·4 + 4·3 + 7·2 = 295; 295 mod 11 = 9 → 11 − 9 = 2.
    // Second: 5·11 + 2·10 + 9·9 + 9·8 + 8·7 + 2·6 + 2·5 + 4·4 + 7·3 + 2·2 = 347; 347 mod 11 = 6 → 11 − 6 = 5.
    expect(cpfCheckDigits('529982247')).toBe('25');
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf(' 529 982 247 25 ')).toBe(true);
  });

  it('rejects wrong check digits, wrong lengths and repeated digits', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('529.982.247-52')).toBe(false);
    expect(isValidCpf('5299822472')).toBe(false);
    // 111.111.111-11 satisfies the arithmetic (1·(10+…+2) = 54, 54 mod 11 = 10 → 1; then 65 mod 11 = 10 → 1)
    // but repeated-digit CPFs are never issued.
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('000.000.000-00')).toBe(false);
    expect(isValidCpf(52998224725)).toBe(false);
    expect(isValidCpf(undefined)).toBe(false);
  });

  it('gives 0 as check digit when the remainder is below 2', () => {
    // 100000001: 1·10 + 1·2 = 12, 12 mod 11 = 1 → 0. Second: 1·11 + 1·3 + 0·2 = 14, 14 mod 11 = 3 → 8.
    expect(cpfCheckDigits('100000001')).toBe('08');
  });

  it('masks, strips and redacts', () => {
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
    expect(redactCpf('52998224725')).toBe('***.982.247-**');
    expect(() => formatCpf('123')).toThrow();
    try {
      formatCpf('123');
    } catch (e) {
      expect(isJornadaErrorLike(e, 'INVALID_INPUT')).toBe(true);
    }
  });

  it('generates valid CPFs deterministically', () => {
    const a = generateCpfs(42, 50);
    expect(a).toEqual(generateCpfs(42, 50));
    expect(a.every((c) => isValidCpf(c))).toBe(true);
    expect(new Set(a).size).toBe(50);
  });
});

describe('CNPJ', () => {
  it('accepts 11.222.333/0001-81 (check digits worked by hand)', () => {
    // 1·5 + 1·4 + 2·3 + 2·2 + 2·9 + 3·8 + 3·7 + 3·6 + 0 + 0 + 0 + 1·2 = 102; 102 mod 11 = 3 → 8.
    // 1·6 + 1·5 + 2·4 + 2·3 + 2·2 + 3·9 + 3·8 + 3·7 + 0 + 0 + 0 + 1·3 + 8·2 = 120; 120 mod 11 = 10 → 1.
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
  });

  it('accepts real CNPJs from the public register', () => {
    // Banco do Brasil S.A. (00.000.000/0001-91) and Petróleo Brasileiro S.A. – Petrobras (33.000.167/0001-01),
    // both published in their financial statements and in the Receita Federal register.
    expect(isValidCnpj('00.000.000/0001-91')).toBe(true);
    expect(isValidCnpj('33.000.167/0001-01')).toBe(true);
  });

  it('accepts the alphanumeric example of the Receita Federal, 12.ABC.345/01DE-35', () => {
    // Values: ASCII − 48, so A=17, B=18, C=19, D=20, E=21.
    // 1·5 + 2·4 + 17·3 + 18·2 + 19·9 + 3·8 + 4·7 + 5·6 + 0·5 + 1·4 + 20·3 + 21·2 = 459; 459 mod 11 = 8 → 3.
    // 1·6 + 2·5 + 17·4 + 18·3 + 19·2 + 3·9 + 4·8 + 5·7 + 0·6 + 1·5 + 20·4 + 21·3 + 3·2 = 424; 424 mod 11 = 6 → 5.
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12.abc.345/01de-35')).toBe(true);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-3A')).toBe(false);
  });

  it('rejects wrong shapes and repeated digits', () => {
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false);
    expect(isValidCnpj('11.111.111/1111-11')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
    expect(isValidCnpj('1122233300018')).toBe(false);
    expect(isValidCnpj(null)).toBe(false);
  });

  it('masks and strips', () => {
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(normalizeCnpj('11.222.333/0001-81')).toBe('11222333000181');
    expect(() => formatCnpj('11.222')).toThrow();
  });

  it('generates valid numeric and alphanumeric CNPJs', () => {
    const numeric = generateCnpjs(1, 30);
    expect(numeric.every((c) => /^\d{14}$/.test(c) && isValidCnpj(c) && c.slice(8, 12) === '0001')).toBe(true);
    const alnum = generateCnpjs(1, 30, { alphanumeric: true, branch: '00AB' });
    expect(alnum.every((c) => isValidCnpj(c) && c.slice(8, 12) === '00AB')).toBe(true);
    expect(alnum.some((c) => /[A-Z]/.test(c.slice(0, 8)))).toBe(true);
    expect(() => generateCnpjs(1, 1, { branch: '1' })).toThrow();
    expect(() => generateCnpjs(1, -1)).toThrow();
  });
});

describe('CEP', () => {
  it('normalises, validates and masks', () => {
    // Avenida Paulista, São Paulo: CEP 01310-100 (Correios).
    expect(normalizeCep(' 01310-100 ')).toBe('01310100');
    expect(normalizeCep('01.310-100')).toBe('01310100');
    expect(formatCep('01310100')).toBe('01310-100');
    expect(isValidCep('01310-100')).toBe(true);
    expect(isValidCep('00000-000')).toBe(false);
    expect(isValidCep('00999-999')).toBe(false);
    expect(isValidCep('1310-100')).toBe(false);
    expect(isValidCep('01310-10a')).toBe(false);
    expect(isValidCep(1310100)).toBe(false);
    expect(() => formatCep('123')).toThrow();
  });
});
