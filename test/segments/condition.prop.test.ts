import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  compileCondition,
  describeCondition,
  importJsonRulesEngineConditions,
  parseConditionDocument,
  safeParseConditionDocument,
  safeParseSegmentDefinition,
  type ConditionDocument,
  type ConditionNode,
} from '../../src/segments/index.js';

// ---------------------------------------------------------------------------------------------------
// A plain reference interpreter, written from the language reference (docs/segments.md), not from the
// compiler: recursive, no pre-computation, no specialisation. Calendar parts are checked in UTC only.
// ---------------------------------------------------------------------------------------------------
const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { hours: 3_600_000, days: DAY, weeks: 7 * DAY };

function lookup(subject: unknown, path: string | string[]): unknown {
  const steps = typeof path === 'string' ? path.split('.') : path;
  let cur: unknown = subject;
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, step)) return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

function toInstant(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string') return NaN;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
  return iso.test(v) ? Date.parse(v) : NaN;
}

function same(v: unknown, x: unknown): boolean {
  if (v === x) return true;
  return v instanceof Date && typeof x === 'string' && !Number.isNaN(toInstant(x)) && v.getTime() === toInstant(x);
}

function ordered(v: unknown, op: string, x: unknown): boolean {
  const cmp = (a: number | string, b: number | string): boolean => (op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b);
  if (typeof x === 'number') return typeof v === 'number' && cmp(v, x);
  if (typeof x !== 'string') return false;
  if (typeof v === 'string') return cmp(v, x);
  if (v instanceof Date) {
    const a = v.getTime();
    const b = toInstant(x);
    return !Number.isNaN(a) && !Number.isNaN(b) && cmp(a, b);
  }
  return false;
}

function anniversaryRef(v: unknown, asOf: Date, withinDays: number): boolean {
  let year: number | undefined;
  let month: number;
  let day: number;
  if (typeof v === 'string' && /^(\d{4}|-)-\d{2}-\d{2}$/.test(v)) {
    year = v.startsWith('--') ? undefined : Number(v.slice(0, 4));
    month = Number(v.slice(-5, -3));
    day = Number(v.slice(-2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  } else {
    const t = toInstant(v);
    if (Number.isNaN(t)) return false;
    const d = new Date(t);
    [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  // Walk the days from asOf's (UTC) day forward; a day matches when it is the anniversary in its year.
  for (let k = 0; k <= withinDays; k++) {
    const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate() + k));
    const y = d.getUTCFullYear();
    if (year !== undefined && y <= year) continue;
    const daysInMonth = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const target = Math.min(day, daysInMonth);
    if (d.getUTCMonth() + 1 === month && d.getUTCDate() === target) return true;
  }
  return false;
}

function reference(node: ConditionNode, s: unknown, asOf: Date): boolean {
  if ('all' in node) return node.all.every((c) => reference(c, s, asOf));
  if ('any' in node) return node.any.some((c) => reference(c, s, asOf));
  if ('not' in node) return !reference(node.not, s, asOf);
  if ('count' in node) {
    const list = lookup(s, node.count);
    const events = Array.isArray(list) ? list : [];
    const matching = events.filter((e: unknown) => {
      if (node.within !== undefined) {
        const t = toInstant(lookup(e, node.dateField ?? 'at'));
        const from = asOf.getTime() - node.within.amount * (UNIT_MS[node.within.unit] as number);
        if (!(t >= from && t <= asOf.getTime())) return false;
      }
      return node.where === undefined || reference(node.where, e, asOf);
    }).length;
    const v = node.value;
    if (Array.isArray(v)) return matching >= v[0] && matching <= v[1];
    return { eq: matching === v, ne: matching !== v, gt: matching > v, gte: matching >= v, lt: matching < v, lte: matching <= v }[node.op as 'eq'];
  }
  const v = lookup(s, node.fact);
  switch (node.op) {
    case 'eq':
      return same(v, node.value);
    case 'ne':
      return !same(v, node.value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ordered(v, node.op, node.value);
    case 'between':
      return ordered(v, 'gte', node.value[0]) && ordered(v, 'lte', node.value[1]);
    case 'in':
      return node.value.some((x) => same(v, x));
    case 'notIn':
      return !node.value.some((x) => same(v, x));
    case 'contains':
      if (typeof v === 'string') return typeof node.value === 'string' && v.includes(node.value);
      return Array.isArray(v) && v.some((e) => same(e, node.value));
    case 'startsWith':
      return typeof v === 'string' && v.startsWith(node.value);
    case 'endsWith':
      return typeof v === 'string' && v.endsWith(node.value);
    case 'exists':
      return v !== undefined && v !== null;
    case 'withinLast': {
      const t = toInstant(v);
      return t >= asOf.getTime() - node.amount * (UNIT_MS[node.unit] as number) && t <= asOf.getTime();
    }
    case 'moreThanAgo':
      return toInstant(v) < asOf.getTime() - node.amount * (UNIT_MS[node.unit] as number);
    case 'anniversary':
      return anniversaryRef(v, asOf, node.withinDays ?? 0);
  }
}

// ---------------------------------------------------------------------------------------------------
// Generators: documents over a small vocabulary of facts, and profiles that hold those facts (or not).
// ---------------------------------------------------------------------------------------------------
const T0 = Date.UTC(2026, 10, 1);
// Day offsets from 2026-11-01 biased towards the edges that matter: windows of 0–400 days, the same
// day a year or two back (anniversaries), and a few days ahead.
const dayOffsetArb = fc.oneof(fc.integer({ min: -800, max: 30 }), fc.constantFrom(-731, -730, -729, -366, -365, -364, -30, -7, -1, 0, 1, 2, 3, 5));
const dateArb = fc.tuple(dayOffsetArb, fc.constantFrom(0, 7, 13, 20)).map(([d, h]) => new Date(T0 + d * DAY + 3_600_000 * h));
const isoArb = fc.oneof(
  dateArb.map((d) => d.toISOString()),
  dateArb.map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('--02-29', '--11-01', '--11-03', '2000-02-29', '1990-11-01', 'not a date', '2026-11-01T10:00'),
);
const strArb = fc.constantFrom('gold', 'silver', 'go', 'ld', '', 'SP', 'email', 'sms');
const intArb = fc.integer({ min: 0, max: 4 });
const scalarArb = fc.oneof(intArb, fc.constant(2.5), strArb, isoArb, fc.boolean(), fc.constant(null));
const factArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('n', 's', 'list', 'd', 'ds', 'b', 'traits.tier', ['traits', 'tier']) },
  { weight: 1, arbitrary: fc.constantFrom('z', 'missing', 'traits.missing') },
);
const numberFactArb = fc.constantFrom('n', 'traits.tier');
const dateFactArb = fc.constantFrom('d', 'ds');
const unitArb = fc.constantFrom('hours', 'days', 'weeks');

const leafArb: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record({ fact: factArb, op: fc.constantFrom('eq', 'ne'), value: scalarArb }),
  fc.record({ fact: numberFactArb, op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: intArb }),
  fc.record({ fact: factArb, op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: fc.oneof(intArb, strArb, isoArb) }),
  fc.record({ fact: dateFactArb, op: fc.constantFrom('eq', 'gt', 'gte', 'lt', 'lte'), value: dateArb.map((d) => d.toISOString()) }),
  fc.record({ fact: numberFactArb, op: fc.constant('between'), value: fc.tuple(intArb, intArb) }),
  fc.record({ fact: factArb, op: fc.constant('between'), value: fc.oneof(fc.tuple(intArb, intArb), fc.tuple(fc.oneof(strArb, isoArb), fc.oneof(strArb, isoArb))) }),
  fc.record({ fact: factArb, op: fc.constantFrom('in', 'notIn'), value: fc.array(scalarArb, { maxLength: 12 }) }),
  fc.record({ fact: factArb, op: fc.constant('contains'), value: scalarArb }),
  fc.record({ fact: factArb, op: fc.constantFrom('startsWith', 'endsWith'), value: strArb }),
  fc.record({ fact: factArb, op: fc.constant('exists') }),
  fc.record({ fact: fc.oneof(dateFactArb, factArb), op: fc.constantFrom('withinLast', 'moreThanAgo'), amount: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(0, 1, 7, 30, 365)), unit: unitArb }),
  fc.record({ fact: fc.oneof(dateFactArb, factArb), op: fc.constant('anniversary'), withinDays: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 2, 3)) }, { requiredKeys: ['fact', 'op'] }),
) as fc.Arbitrary<ConditionNode>;

const { node: nodeArb } = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
    fc.record(
      {
        count: fc.constantFrom('orders', 'missing', 's'),
        where: tie('node'),
        within: fc.record({ amount: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(1, 7, 30, 365)), unit: unitArb }),
        op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'),
        value: fc.integer({ min: 0, max: 3 }),
      },
      { requiredKeys: ['count', 'op', 'value'] },
    ),
  ) as fc.Arbitrary<ConditionNode>,
}));

const docArb: fc.Arbitrary<ConditionDocument> = nodeArb.map((condition) => ({ version: 1 as const, condition }));

const eventArb = fc.record(
  { at: fc.oneof(dateArb, isoArb), n: intArb, s: strArb, d: dateArb, list: fc.array(strArb, { maxLength: 3 }) },
  { requiredKeys: ['at', 'n'] },
);
const profileArb = fc.record(
  {
    n: fc.oneof({ weight: 6, arbitrary: intArb }, { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 2.5, -0) }, { weight: 1, arbitrary: strArb }),
    s: fc.oneof({ weight: 6, arbitrary: strArb }, { weight: 1, arbitrary: intArb }),
    list: fc.oneof(fc.array(fc.oneof(strArb, isoArb, dateArb), { maxLength: 4 }), strArb),
    d: fc.oneof({ weight: 6, arbitrary: dateArb }, { weight: 1, arbitrary: isoArb }, { weight: 1, arbitrary: intArb }),
    ds: fc.oneof(isoArb, dateArb.map((d) => d.toISOString())),
    b: fc.boolean(),
    z: fc.constant(null),
    traits: fc.record({ tier: fc.oneof(strArb, intArb) }, { requiredKeys: [] }),
    orders: fc.array(eventArb, { maxLength: 6 }),
  },
  { requiredKeys: ['n', 's', 'list', 'd', 'ds', 'traits', 'orders'] },
);
const asOfArb = fc.integer({ min: -3, max: 3 }).map((d) => new Date(T0 + d * DAY + 3_600_000 * 13));

describe('compiled evaluation equals the reference interpreter', () => {
  it('on random documents, profiles and dates', () => {
    fc.assert(
      fc.property(docArb, fc.array(profileArb, { minLength: 1, maxLength: 8 }), asOfArb, (doc, profiles, asOf) => {
        const predicate = compileCondition(doc);
        for (const p of profiles) expect(predicate(p, asOf)).toBe(reference(doc.condition, p, asOf));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('documents', () => {
  it('round-trip through JSON unchanged, with the same outcomes', () => {
    fc.assert(
      fc.property(docArb, profileArb, asOfArb, (doc, p, asOf) => {
        const back = parseConditionDocument(JSON.parse(JSON.stringify(doc)));
        expect(back).toEqual(doc);
        expect(compileCondition(back)(p, asOf)).toBe(compileCondition(doc)(p, asOf));
      }),
      { numRuns: 500 },
    );
  });

  it('describeCondition never throws on a valid document and gives text in both languages', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const en = describeCondition(doc, 'en');
        const pt = describeCondition(doc, 'pt-BR');
        expect(en.length).toBeGreaterThan(0);
        expect(pt.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

// Arbitrary input: any value, any JSON, and objects built from the language's own keys (so that the
// fuzzing reaches deep into the schema instead of failing at the first type check).
const keys = ['version', 'condition', 'all', 'any', 'not', 'fact', 'op', 'value', 'count', 'where', 'within', 'amount', 'unit', 'timeZone', 'withinDays', 'dateField', '__proto__', 'constructor'];
const { fuzz } = fc.letrec<{ fuzz: unknown }>((tie) => ({
  fuzz: fc.oneof(
    { depthSize: 'small' },
    fc.anything(),
    fc.jsonValue(),
    fc.constantFrom('eq', 'between', 'in', 'withinLast', 'anniversary', 'days', 'months', 1, 'America/Sao_Paulo', '__proto__'),
    fc.array(tie('fuzz'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...keys), tie('fuzz'), { maxKeys: 5 }),
  ),
}));

function expectOnlyJornadaErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(isJornadaError(e)).toBe(true);
    if (isJornadaError(e)) {
      expect(e.issues.length).toBeGreaterThan(0);
      for (const issue of e.issues) expect(Array.isArray(issue.path)).toBe(true);
    }
  }
}

describe('validation under fuzzing', () => {
  it('never throws anything but JornadaError with paths', () => {
    fc.assert(
      fc.property(fc.oneof(fuzz, fuzz.map((condition) => ({ version: 1, condition }))), (input) => {
        const r = safeParseConditionDocument(input);
        if (!r.success) expect(r.error.code).toBe('INVALID_RULE');
        expectOnlyJornadaErrors(() => parseConditionDocument(input));
        expectOnlyJornadaErrors(() => compileCondition(input));
        expectOnlyJornadaErrors(() => describeCondition(input, 'pt-BR'));
        expectOnlyJornadaErrors(() => importJsonRulesEngineConditions(input));
        expect(safeParseSegmentDefinition({ id: 's', name: 'S', condition: input }).success).toBe(r.success);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The import agrees with json-rules-engine itself where both define the outcome: facts present, order
// comparisons on numbers, contains on arrays.
// ---------------------------------------------------------------------------------------------------
const jreLeaf = fc.oneof(
  fc.record({ fact: fc.constantFrom('n', 's'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'b')) }),
  fc.record({ fact: fc.constant('n'), operator: fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'), value: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ fact: fc.constantFrom('n', 's'), operator: fc.constantFrom('in', 'notIn'), value: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('a', 'b')), { maxLength: 3 }) }),
  fc.record({ fact: fc.constant('tags'), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ fact: fc.constant('obj'), path: fc.constant('$.k'), operator: fc.constant('equal'), value: fc.integer({ min: 0, max: 2 }) }),
);
const { jre } = fc.letrec<{ jre: unknown }>((tie) => ({
  jre: fc.oneof(
    { depthSize: 'small' },
    jreLeaf,
    fc.record({ all: fc.array(tie('jre'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('jre'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('jre') }),
  ),
}));
const jreFacts = fc.record({
  n: fc.integer({ min: 0, max: 4 }),
  s: fc.constantFrom('a', 'b', 'c'),
  tags: fc.subarray(['a', 'b', 'c']),
  obj: fc.record({ k: fc.integer({ min: 0, max: 2 }) }),
});

describe('importJsonRulesEngineConditions agrees with json-rules-engine', () => {
  it('on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(jre, jreFacts, async (condition, facts) => {
        const top = typeof condition === 'object' && condition !== null && ('all' in condition || 'any' in condition || 'not' in condition) ? condition : { all: [condition] };
        const engine = new Engine([{ conditions: top as never, event: { type: 'hit' } }]);
        const { events } = await engine.run({ ...facts });
        const ours = compileCondition(importJsonRulesEngineConditions(top))(facts, new Date(T0));
        expect(ours).toBe(events.length === 1);
      }),
      { numRuns: 300 },
    );
  });
});
