import { describe, expect, it } from 'vitest';
import { evaluateDuplicatePairs, matchRecords, normalizeCustomerRecord } from '../../src/identity/index.js';
import { isJornadaErrorLike, rec } from './helpers.js';

describe('normalizeCustomerRecord', () => {
  it('cleans every field and reports what it cannot use', () => {
    const n = normalizeCustomerRecord(
      rec('r1', {
        firstName: ' maria ', lastName: 'DAS GRAÇAS', email: ' Maria@Gmail.com', phone: '(21) 3456-7890', cpf: '529.982.247-25',
        birthday: '15/03/1980', postalCode: '20040-020', city: 'rio de janeiro', state: 'Rio de Janeiro', country: 'Brasil',
      }),
    );
    expect(n).toMatchObject({
      firstName: 'Maria', lastName: 'das Graças', fullName: 'Maria das Graças', nameKey: 'maria gracas', email: 'maria@gmail.com',
      emailKey: 'maria@gmail.com', phone: '+552134567890', phoneCountry: 'BR', cpf: '52998224725',
      birthday: { year: 1980, month: 3, day: 15 }, postalCode: '20040020', city: 'Rio de Janeiro', state: 'RJ', country: 'BR',
    });
    expect(n.findings).toEqual([
      { recordId: 'r1', field: 'birthday', code: 'non_standard_format', reason: 'expected_yyyy_mm_dd', value: '15/03/1980' },
    ]);
    const bad = normalizeCustomerRecord(
      rec('r2', { fullName: 'Cliente 01', email: 'x@', phone: '(20) 1234', cpf: '000.000.000-00', birthday: '1980-02-30', postalCode: '123', state: 'XX', country: 'Narnia' }),
    );
    expect(bad.findings.map((f) => `${f.field}:${f.code}:${f.reason}`)).toEqual([
      'fullName:implausible:not_a_name', 'email:invalid:domain', 'phone:invalid:too_short', 'cpf:placeholder:blocked_value',
      'birthday:invalid:not_a_date', 'country:invalid:not_iso_3166', 'postalCode:invalid:not_a_cep', 'state:invalid:not_a_uf',
    ]);
    expect(bad.nameKey).toBe('');
    expect(bad.cpf).toBeUndefined();
  });
});

describe('matchRecords', () => {
  it('links by CPF, e-mail key and phone, in priority order', () => {
    const m = matchRecords([
      rec('a', { fullName: 'Ana Souza', cpf: '529.982.247-25' }),
      rec('b', { fullName: 'ANA SOUZA', cpf: '52998224725', email: 'ana.souza@gmail.com' }),
      rec('c', { fullName: 'Ana Souza', email: 'anasouza+loja@gmail.com', phone: '(11) 91234-5678' }),
      rec('d', { fullName: 'Ana P. Souza', phone: '11912345678' }),
      rec('e', { fullName: 'Bruno Lima' }),
    ]);
    expect(m.clusters).toEqual([['a', 'b', 'c', 'd'], ['e']]);
    expect(m.links.map((l) => `${l.a}-${l.b}:${l.reason}`)).toEqual(['a-b:cpf', 'b-c:email', 'c-d:phone']);
    expect(m.stats.links).toEqual({ cpf: 1, email: 1, phone: 1, fuzzy: 0 });
    expect(m.stats.duplicateRecords).toBe(3);
  });

  it('never links on placeholder values', () => {
    const m = matchRecords([
      rec('a', { fullName: 'Ana Souza', cpf: '000.000.000-00', email: 'teste@teste.com', phone: '(11) 99999-9999' }),
      rec('b', { fullName: 'Bruno Lima', cpf: '00000000000', email: 'teste@teste.com', phone: '11999999999' }),
      rec('c', { fullName: 'Carla Dias', email: 'null', phone: '-1' }),
      rec('d', { fullName: 'Davi Reis', email: 'null', phone: '-1' }),
    ]);
    expect(m.clusters).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('ignores a key shared by more records than its limit and reports it', () => {
    const shop = '(11) 3456-7890';
    const names = ['Ana Lima', 'Bruno Dias', 'Carla Reis', 'Davi Melo', 'Eva Cruz'];
    const m = matchRecords(names.map((n, i) => rec(`r${i}`, { fullName: n, phone: shop })));
    expect(m.clusters).toHaveLength(5);
    expect(m.noisyKeys).toEqual([{ type: 'phone', value: '+551134567890', records: 5 }]);
  });

  it('refuses a phone link between clearly different names (relatives sharing a number)', () => {
    const m = matchRecords([rec('a', { fullName: 'Maria Souza', phone: '(11) 3456-7890' }), rec('b', { fullName: 'Pedro Souza', phone: '1134567890' })]);
    expect(m.clusters).toEqual([['a'], ['b']]);
    expect(m.refused).toEqual([{ a: 'a', b: 'b', reason: 'phone', guard: 'name_conflict' }]);
  });

  it('never puts two different valid CPFs in one cluster', () => {
    const m = matchRecords([
      rec('a', { fullName: 'Ana Souza', cpf: '529.982.247-25', email: 'ana@gmail.com' }),
      rec('b', { fullName: 'Ana Souza', cpf: '111.444.777-35', email: 'ana@gmail.com' }),
    ]);
    // 111.444.777-35: 1·10+1·9+1·8+4·7+4·6+4·5+7·4+7·3+7·2 = 162, 162 mod 11 = 8 → 3;
    // 1·11+1·10+1·9+4·8+4·7+4·6+7·5+7·4+7·3+3·2 = 204, 204 mod 11 = 6 → 5. A valid CPF.
    expect(m.clusters).toEqual([['a'], ['b']]);
    expect(m.refused[0]).toMatchObject({ guard: 'cpf_conflict', reason: 'email' });
  });

  it('caps cluster size', () => {
    const m = matchRecords(['a', 'b', 'c'].map((id) => rec(id, { fullName: 'Ana Souza', email: 'ana@gmail.com' })), { maxClusterSize: 2 });
    expect(m.clusters).toEqual([['a', 'b'], ['c']]);
    expect(m.refused[0]).toEqual({ a: 'a', b: 'c', reason: 'email', guard: 'cluster_size' });
    expect(m.refused.every((r) => r.guard === 'cluster_size' && r.b === 'c')).toBe(true);
  });

  it('links similar names with agreeing fields, and keeps the rest apart', () => {
    const m = matchRecords([
      rec('a', { fullName: 'Ana Paula Souza', birthday: '1990-04-12', postalCode: '01310-100' }),
      rec('b', { fullName: 'Ana Paula Sousa', birthday: '1990-04-12' }), // JW ≥ 0.92 and birthday agrees
      rec('c', { fullName: 'Ana Paula Souza', birthday: '1991-04-12', postalCode: '01310-100' }), // birthday disagrees: veto
      rec('d', { fullName: 'Ana Paula Souza' }), // nothing agrees: review at most
    ]);
    expect(m.clusters).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(m.links).toEqual([{ a: 'a', b: 'b', reason: 'fuzzy', nameScore: expect.any(Number), agreements: ['birthday'] }]);
    expect(m.links[0]?.nameScore).toBeGreaterThanOrEqual(0.92);
    expect(m.stats.pairsCompared).toBeGreaterThan(0);
  });

  it('needs more agreeing fields as name similarity falls (0.92 / 0.88 / 0.70)', () => {
    // "jose carlos" (11) vs "jose carlos oliveira" (20): all 11 characters match in place, no transpositions:
    // Jaro = (11/11 + 11/20 + 11/11)/3 = 0.85; prefix "jose" → 0.85 + 4·0.1·0.15 = 0.91: below 0.92, above 0.88,
    // so one agreeing field is not enough and two are.
    const base = { birthday: '1985-01-20', postalCode: '30140-071' };
    const one = matchRecords([
      rec('a', { fullName: 'Jose Carlos', postalCode: base.postalCode }),
      rec('b', { fullName: 'Jose Carlos Oliveira', postalCode: base.postalCode }),
    ]);
    expect(one.clusters).toHaveLength(2);
    expect(one.review).toHaveLength(1);
    const two = matchRecords([
      rec('a', { fullName: 'Jose Carlos', birthday: base.birthday, postalCode: base.postalCode }),
      rec('b', { fullName: 'Jose Carlos Oliveira', birthday: base.birthday, postalCode: base.postalCode }),
    ]);
    expect(two.clusters).toEqual([['a', 'b']]);
  });

  it('reports malformed records instead of throwing, and checks options', () => {
    const m = matchRecords([rec('a'), { recordId: '', source: 'x' } as never, rec('a'), 42 as never]);
    expect(m.clusters).toEqual([['a']]);
    expect(m.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(m.rejected[1]?.issues[0]?.path).toEqual([2, 'recordId']);
    expect(() => matchRecords([], { thresholds: { high: 0.5, medium: 0.8 } })).toThrow();
    expect(() => matchRecords([], { maxClusterSize: 1 })).toThrow();
    try {
      matchRecords(5 as never);
    } catch (e) {
      expect(isJornadaErrorLike(e, 'INVALID_INPUT')).toBe(true);
    }
  });
});

describe('evaluateDuplicatePairs', () => {
  it('counts pairs from the contingency table', () => {
    // Truth {a,b,c}{d,e}; predicted {a,b}{c,d,e}. True pairs: ab ac bc de = 4. Predicted: ab cd ce de = 4.
    // Right: ab, de = 2. Precision 2/4, recall 2/4.
    const m = evaluateDuplicatePairs({ a: '1', b: '1', c: '2', d: '2', e: '2' }, { a: 'X', b: 'X', c: 'X', d: 'Y', e: 'Y' });
    expect(m).toMatchObject({ truePairs: 4, predictedPairs: 4, truePositives: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(evaluateDuplicatePairs({}, {})).toMatchObject({ precision: 1, recall: 1, records: 0 });
  });
});
