import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  compileCondition,
  describeCondition,
  explainCondition,
  importJsonRulesEngineConditions,
  parseConditionDocument,
  safeParseConditionDocument,
  type ConditionNode,
} from '../../src/segments/index.js';

const asOf = new Date('2026-11-01T03:00:00Z');
const doc = (condition: unknown): unknown => ({ version: 1, condition });
const run = (condition: unknown, subject: unknown, at: Date = asOf, timeZone?: string): boolean =>
  compileCondition(doc(condition), timeZone === undefined ? {} : { timeZone })(subject, at);

function rejection(f: () => unknown): { code: string; paths: (string | number)[][] } {
  try {
    f();
  } catch (e) {
    if (!isJornadaError(e)) throw e;
    return { code: e.code, paths: e.issues.map((i) => [...i.path]) };
  }
  throw new Error('expected a rejection');
}

describe('comparisons', () => {
  const p = { n: 5, s: 'gold', b: true, z: null, list: ['email', 'sms'], d: new Date('2026-10-01T00:00:00Z'), traits: { tier: 'vip' } };
  it.each([
    [{ fact: 'n', op: 'eq', value: 5 }, true],
    [{ fact: 'n', op: 'eq', value: '5' }, false], // no coercion
    [{ fact: 'n', op: 'ne', value: 4 }, true],
    [{ fact: 'missing', op: 'ne', value: 4 }, true], // ne is the negation of eq
    [{ fact: 'missing', op: 'eq', value: null }, false], // missing is not null
    [{ fact: 'z', op: 'eq', value: null }, true],
    [{ fact: 'n', op: 'gt', value: 4 }, true],
    [{ fact: 'n', op: 'gte', value: 5 }, true],
    [{ fact: 'n', op: 'lt', value: 5 }, false],
    [{ fact: 'n', op: 'lte', value: 5 }, true],
    [{ fact: 's', op: 'gt', value: 5 }, false], // type mismatch
    [{ fact: 's', op: 'lt', value: 'silver' }, true], // code-unit order: 'g' < 's'
    [{ fact: 'n', op: 'between', value: [5, 9] }, true],
    [{ fact: 'n', op: 'between', value: [6, 9] }, false],
    [{ fact: 's', op: 'in', value: ['gold', 'silver'] }, true],
    [{ fact: 's', op: 'notIn', value: ['gold', 'silver'] }, false],
    [{ fact: 'missing', op: 'notIn', value: ['gold'] }, true],
    [{ fact: 's', op: 'contains', value: 'ol' }, true],
    [{ fact: 'list', op: 'contains', value: 'sms' }, true],
    [{ fact: 'list', op: 'contains', value: 'push' }, false],
    [{ fact: 's', op: 'startsWith', value: 'go' }, true],
    [{ fact: 's', op: 'endsWith', value: 'ld' }, true],
    [{ fact: 'n', op: 'startsWith', value: '5' }, false],
    [{ fact: 'z', op: 'exists' }, false],
    [{ fact: 'b', op: 'exists' }, true],
    [{ fact: 'traits.tier', op: 'eq', value: 'vip' }, true],
    [{ fact: ['traits', 'tier'], op: 'eq', value: 'vip' }, true],
    [{ fact: 'd', op: 'gt', value: '2026-09-30T23:59:59Z' }, true],
    [{ fact: 'd', op: 'eq', value: '2026-10-01' }, true], // a calendar date literal is UTC midnight
    [{ fact: 'd', op: 'between', value: ['2026-09-01', '2026-10-31'] }, true],
    [{ fact: 'd', op: 'in', value: ['2026-10-01T00:00:00Z'] }, true],
  ])('%j → %s', (node, expected) => {
    expect(run(node, p)).toBe(expected);
  });

  it('groups: empty all is true, empty any is false, not negates', () => {
    expect(run({ all: [] }, {})).toBe(true);
    expect(run({ any: [] }, {})).toBe(false);
    expect(run({ not: { any: [] } }, {})).toBe(true);
    const five = Array.from({ length: 5 }, (_, i) => ({ fact: 'n', op: 'gte', value: i }));
    expect(run({ all: five }, { n: 4 })).toBe(true);
    expect(run({ all: five }, { n: 3 })).toBe(false);
    expect(run({ any: five }, { n: 0 })).toBe(true);
  });
});

describe('own properties only', () => {
  it('never reads the prototype chain', () => {
    class WithGetter {
      get secret(): string {
        return 'x';
      }
    }
    expect(run({ fact: 'toString', op: 'exists' }, {})).toBe(false);
    expect(run({ fact: 'secret', op: 'exists' }, new WithGetter())).toBe(false);
    const child = Object.create({ tier: 'vip' }) as object;
    expect(run({ fact: 'tier', op: 'eq', value: 'vip' }, child)).toBe(false);
    expect(run({ fact: 'length', op: 'eq', value: 3 }, 'abc')).toBe(false); // a non-object subject has no facts
  });

  it.each([['__proto__'], ['constructor'], ['prototype'], ['a.__proto__.b'], [['x', 'constructor']]])('refuses the path %j with INVALID_RULE at the fact', (fact) => {
    const r = rejection(() => compileCondition(doc({ all: [{ fact, op: 'exists' }] })));
    expect(r.code).toBe('INVALID_RULE');
    expect(r.paths[0]).toEqual(['condition', 'all', 0, 'fact']);
  });
});

describe('validation errors carry the JSON path of the offending node', () => {
  it.each([
    [{ version: 2, condition: { all: [] } }, ['version']],
    [doc({ all: [{ fact: 'a', op: 'gt', value: true }] }), ['condition', 'all', 0, 'value']],
    [doc({ any: [{ fact: 'a', op: 'eq', value: 1 }, { fact: 'a', op: 'nope', value: 1 }] }), ['condition', 'any', 1, 'op']],
    [doc({ not: { fact: 'a', op: 'eq', vaule: 1 } }), ['condition', 'not']],
    [doc({ count: 'orders', op: 'gte', value: 1, within: { amount: -1, unit: 'days' } }), ['condition', 'within', 'amount']],
    [doc({ count: 'orders', op: 'between', value: 3 }), ['condition', 'value']],
    [doc({ fact: 'd', op: 'withinLast', amount: 3, unit: 'fortnights' }), ['condition', 'unit']],
    [doc({ fact: 'd', op: 'anniversary', timeZone: 'Mars/Olympus' }), ['condition', 'timeZone']],
    [doc({ wat: 1 }), ['condition']],
  ])('%j → %j', (input, path) => {
    const r = safeParseConditionDocument(input);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('INVALID_RULE');
      expect(r.error.issues.map((i) => i.path)).toContainEqual(path);
    }
  });

  it('refuses documents nested deeper than the limit', () => {
    let node: ConditionNode = { fact: 'a', op: 'exists' };
    for (let i = 0; i < 40; i++) node = { not: node };
    expect(rejection(() => parseConditionDocument(doc(node))).code).toBe('INVALID_RULE');
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(rejection(() => parseConditionDocument(doc(deep))).code).toBe('INVALID_RULE');
  });
});

describe('relative dates', () => {
  const at = new Date('2026-11-01T12:00:00Z');
  it('withinLast includes both ends; moreThanAgo is strict', () => {
    // 30 days of 24 h before 2026-11-01T12:00Z is 2026-10-02T12:00Z.
    const edge = new Date('2026-10-02T12:00:00Z');
    expect(run({ fact: 'd', op: 'withinLast', amount: 30, unit: 'days' }, { d: edge }, at)).toBe(true);
    expect(run({ fact: 'd', op: 'withinLast', amount: 30, unit: 'days' }, { d: new Date(edge.getTime() - 1) }, at)).toBe(false);
    expect(run({ fact: 'd', op: 'withinLast', amount: 30, unit: 'days' }, { d: new Date(at.getTime() + 1) }, at)).toBe(false); // the future is not "in the last 30 days"
    expect(run({ fact: 'd', op: 'moreThanAgo', amount: 30, unit: 'days' }, { d: edge }, at)).toBe(false);
    expect(run({ fact: 'd', op: 'moreThanAgo', amount: 30, unit: 'days' }, { d: '2026-10-02T11:59:59Z' }, at)).toBe(true);
    expect(run({ fact: 'd', op: 'withinLast', amount: 2, unit: 'weeks' }, { d: '2026-10-18T12:00:00Z' }, at)).toBe(true);
    expect(run({ fact: 'd', op: 'withinLast', amount: 3, unit: 'hours' }, { d: '2026-11-01T08:59:59Z' }, at)).toBe(false);
  });
  it('refuses date strings without an offset (they would depend on the machine zone)', () => {
    expect(run({ fact: 'd', op: 'withinLast', amount: 30, unit: 'days' }, { d: '2026-10-20T10:00' }, at)).toBe(false);
    expect(run({ fact: 'd', op: 'withinLast', amount: 30, unit: 'days' }, { d: 'October 20, 2026' }, at)).toBe(false);
  });
  it('months step on the calendar of the zone', () => {
    // asOf = 2026-03-31T02:00Z is 30 March 23:00 in São Paulo (UTC−3); one month earlier there is
    // 28 February 23:00 local (no 30 February) = 2026-03-01T02:00Z.
    const end = new Date('2026-03-31T02:00:00Z');
    const node = { fact: 'd', op: 'withinLast', amount: 1, unit: 'months', timeZone: 'America/Sao_Paulo' };
    expect(run(node, { d: '2026-03-01T02:00:00Z' }, end)).toBe(true);
    expect(run(node, { d: '2026-03-01T01:59:59Z' }, end)).toBe(false);
    // In UTC the same instant is 31 March 02:00; one month earlier is clamped to 28 February 02:00 UTC,
    // so 1 March 01:59 UTC is inside.
    expect(run({ ...node, timeZone: 'UTC' }, { d: '2026-03-01T01:59:59Z' }, end)).toBe(true);
  });
});

describe('anniversaries', () => {
  it('uses the calendar day of the given zone', () => {
    // 2026-05-10T02:00Z is still 9 May in São Paulo (23:00) but 10 May in UTC.
    const at = new Date('2026-05-10T02:00:00Z');
    const node = { fact: 'birthday', op: 'anniversary' };
    expect(run(node, { birthday: '--05-10' }, at, 'UTC')).toBe(true);
    expect(run(node, { birthday: '--05-10' }, at, 'America/Sao_Paulo')).toBe(false);
    expect(run({ ...node, timeZone: 'America/Sao_Paulo' }, { birthday: '--05-09' }, at)).toBe(true);
  });
  it('withinDays looks ahead across the year end; 29 February falls on 28 February in other years', () => {
    const at = new Date('2026-12-29T12:00:00Z');
    expect(run({ fact: 'd', op: 'anniversary', withinDays: 3 }, { d: '--01-01' }, at)).toBe(true); // 29, 30, 31 Dec, 1 Jan
    expect(run({ fact: 'd', op: 'anniversary', withinDays: 2 }, { d: '--01-01' }, at)).toBe(false);
    expect(run({ fact: 'd', op: 'anniversary' }, { d: { month: 2, day: 29 } }, new Date('2027-02-28T12:00:00Z'))).toBe(true);
    expect(run({ fact: 'd', op: 'anniversary' }, { d: { month: 2, day: 29 } }, new Date('2028-02-28T12:00:00Z'))).toBe(false); // leap year: the 29th
  });
  it('a dated fact is not its own anniversary; later years are', () => {
    const created = new Date('2025-11-01T15:00:00Z');
    expect(run({ fact: 'createdAt', op: 'anniversary' }, { createdAt: created }, new Date('2025-11-01T20:00:00Z'))).toBe(false);
    expect(run({ fact: 'createdAt', op: 'anniversary' }, { createdAt: created }, new Date('2026-11-01T20:00:00Z'))).toBe(true);
  });
});

describe('counts over events', () => {
  const at = new Date('2026-11-01T00:00:00Z');
  const profile = {
    orders: [
      { at: new Date('2026-10-30T00:00:00Z'), total: 100 },
      { at: new Date('2026-09-01T00:00:00Z'), total: 50 },
      { at: new Date('2026-01-01T00:00:00Z'), total: 70 },
    ],
    interactions: [
      { at: new Date('2026-10-20T00:00:00Z'), event: 'Email Opened' },
      { at: new Date('2026-08-20T00:00:00Z'), event: 'Email Opened' },
    ],
  };
  it('counts events in the window that match where', () => {
    // Hand count: 2 orders since 2026-08-03 (90 days before asOf); 1 with total ≥ 80.
    expect(run({ count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 }, profile, at)).toBe(true);
    expect(run({ count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 3 }, profile, at)).toBe(false);
    expect(run({ count: 'orders', op: 'eq', value: 3 }, profile, at)).toBe(true);
    expect(run({ count: 'orders', where: { fact: 'total', op: 'gte', value: 80 }, op: 'eq', value: 1 }, profile, at)).toBe(true);
    expect(run({ count: 'orders', op: 'between', value: [1, 2] }, profile, at)).toBe(false);
    expect(run({ count: 'interactions', where: { fact: 'event', op: 'eq', value: 'Email Opened' }, within: { amount: 30, unit: 'days' }, op: 'gte', value: 1 }, profile, at)).toBe(true);
    expect(run({ count: 'missing', op: 'eq', value: 0 }, profile, at)).toBe(true);
    expect(run({ count: 'orders', op: 'lt', value: 1 }, {}, at)).toBe(true);
  });
});

describe('explainCondition', () => {
  it('reports each node', () => {
    const e = explainCondition(doc({ all: [{ fact: 'a', op: 'eq', value: 1 }, { not: { fact: 'b', op: 'exists' } }] }), { a: 1, b: 2 }, asOf);
    expect(e.passed).toBe(false);
    expect(e.nodes).toEqual([
      { path: ['condition'], passed: false },
      { path: ['condition', 'all', 0], passed: true },
      { path: ['condition', 'all', 1], passed: false },
      { path: ['condition', 'all', 1, 'not'], passed: true },
    ]);
  });
});

describe('describeCondition', () => {
  it('reads the issue example in both languages', () => {
    const d = doc({ count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 });
    expect(describeCondition(d, 'pt-BR')).toBe('comprou 2 ou mais vezes nos últimos 90 dias');
    expect(describeCondition(d, 'en')).toBe('placed 2 or more orders in the last 90 days');
  });
  it('keeps the logic with parentheses and labels known facts', () => {
    const d = doc({
      all: [
        { fact: 'monetary', op: 'gte', value: 1000.5 },
        { any: [{ fact: 'state', op: 'in', value: ['SP', 'RJ'] }, { fact: 'traits.tier', op: 'eq', value: 'gold' }] },
        { fact: 'lastOrderAt', op: 'moreThanAgo', amount: 1, unit: 'weeks' },
      ],
    });
    expect(describeCondition(d, 'en')).toBe('total spent is at least 1,000.5 and (state is one of “SP” or “RJ” or trait “tier” is “gold”) and last order date is more than 1 week ago');
    expect(describeCondition(d, 'pt-BR')).toBe('total gasto é pelo menos 1.000,5 e (estado é um de “SP” ou “RJ” ou atributo “tier” é “gold”) e data do último pedido foi há mais de 1 semana');
  });
  it('says which zone decides the calendar day', () => {
    const d = doc({ fact: 'birthday', op: 'anniversary', withinDays: 7, timeZone: 'America/Manaus' });
    expect(describeCondition(d, 'en')).toBe("the customer's birthday falls within the next 7 days (calendar days in America/Manaus)");
    expect(describeCondition(d, 'pt-BR')).toBe('o aniversário do cliente cai nos próximos 7 dias (dias do calendário de America/Manaus)');
  });
  it('uses gendered Portuguese windows and custom labels', () => {
    const d = doc({ count: 'interactions', where: { fact: 'event', op: 'eq', value: 'Email Opened' }, within: { amount: 2, unit: 'weeks' }, op: 'gte', value: 1 });
    expect(describeCondition(d, 'pt-BR')).toBe('teve 1 ou mais interações (em que evento é “Email Opened”) nas últimas 2 semanas');
    expect(describeCondition(doc({ fact: 'pets', op: 'gt', value: 2 }), 'pt', { factLabels: { pets: { en: 'pets', 'pt-BR': 'pets' } } })).toBe('pets é maior que 2');
  });
});

describe('importJsonRulesEngineConditions', () => {
  it('maps all/any/not, operators and simple paths', () => {
    const imported = importJsonRulesEngineConditions({
      conditions: {
        all: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
          { any: [{ fact: 'account', path: '$.tier', operator: 'in', value: ['gold', 'vip'] }, { fact: 'tags', operator: 'doesNotContain', value: 'blocked' }] },
          { not: { fact: 'country', operator: 'notEqual', value: 'BR' } },
          { fact: 'list', path: "$.items[0]['sku']", operator: 'not:equal', value: 'X' },
        ],
      },
      event: { type: 'match' },
    });
    expect(imported).toEqual({
      version: 1,
      condition: {
        all: [
          { fact: 'age', op: 'gte', value: 18 },
          { any: [{ fact: ['account', 'tier'], op: 'in', value: ['gold', 'vip'] }, { not: { fact: 'tags', op: 'contains', value: 'blocked' } }] },
          { not: { fact: 'country', op: 'ne', value: 'BR' } },
          { not: { fact: ['list', 'items', '0', 'sku'], op: 'eq', value: 'X' } },
        ],
      },
    });
  });
  it.each([
    [{ all: [{ condition: 'shared' }] }, ['all', 0, 'condition']],
    [{ all: [{ fact: 'a', operator: 'equal', value: { fact: 'b' } }] }, ['all', 0, 'value']],
    [{ all: [{ fact: 'a', operator: 'startsWithX', value: 1 }] }, ['all', 0, 'operator']],
    [{ all: [{ fact: 'a', operator: 'everyFact:equal', value: 1 }] }, ['all', 0, 'operator']],
    [{ all: [{ fact: 'a', params: { id: 1 }, operator: 'equal', value: 1 }] }, ['all', 0, 'params']],
    [{ any: [{ fact: 'a', path: '$..b', operator: 'equal', value: 1 }] }, ['any', 0, 'path']],
    [{ any: [{ fact: 'a', path: '$.b[?(@.c)]', operator: 'equal', value: 1 }] }, ['any', 0, 'path']],
  ])('refuses %j as UNSUPPORTED at %j', (input, path) => {
    const r = rejection(() => importJsonRulesEngineConditions(input));
    expect(r.code).toBe('UNSUPPORTED');
    expect(r.paths[0]).toEqual(path);
  });
  it('refuses malformed input as INVALID_RULE', () => {
    expect(rejection(() => importJsonRulesEngineConditions({ all: 'x' })).code).toBe('INVALID_RULE');
    expect(rejection(() => importJsonRulesEngineConditions(42)).code).toBe('INVALID_RULE');
    expect(rejection(() => importJsonRulesEngineConditions({ all: [{ fact: '__proto__', operator: 'equal', value: 1 }] })).code).toBe('INVALID_RULE');
  });
});

describe('unreadable input', () => {
  it('a throwing getter or proxy gives JornadaError INVALID_RULE, not the raw error', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); }, has: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    expect(rejection(() => parseConditionDocument(trap)).code).toBe('INVALID_RULE');
    expect(rejection(() => parseConditionDocument({ version: 1, condition: trap })).code).toBe('INVALID_RULE');
    expect(rejection(() => importJsonRulesEngineConditions(trap)).code).toBe('INVALID_RULE');
    expect(rejection(() => importJsonRulesEngineConditions({ all: [trap] })).code).toBe('INVALID_RULE');
  });
});
