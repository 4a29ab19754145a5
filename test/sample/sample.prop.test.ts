// Property tests of the sample generator: for any valid options (either duplicate difficulty) the base
// is schema-valid, stays inside its window and is deterministic; any other input is refused with a
// JornadaError carrying paths.
// Also the internal time sort the generator relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  safeParseAccount,
  safeParseCustomer,
  safeParseCustomerRecord,
  safeParseFeedbackResponse,
  safeParseInteraction,
  safeParseOrder,
  safeParseSubscription,
} from '../../src/model/index.js';
import { generateSampleBase } from '../../src/sample/index.js';
import { timeOrder } from '../../src/sample/time-grid.js';

const DAY = 86_400_000;

const validOptions = fc.record({
  seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  customers: fc.integer({ min: 0, max: 40 }),
  fromDay: fc.integer({ min: Date.UTC(2019, 0, 1) / DAY, max: Date.UTC(2027, 0, 1) / DAY }),
  days: fc.integer({ min: 1, max: 900 }),
  offsetMinutes: fc.integer({ min: 0, max: 1439 }),
  duplicateRate: fc.double({ min: 0, max: 1, noNaN: true }),
  duplicateDifficulty: fc.constantFrom('easy' as const, 'hard' as const),
});

describe('generateSampleBase (properties)', () => {
  it('any valid options give a schema-valid base inside [from, to], the same twice', () => {
    fc.assert(
      fc.property(validOptions, (o) => {
        const from = new Date(o.fromDay * DAY + o.offsetMinutes * 60_000);
        const to = new Date(from.getTime() + o.days * DAY);
        const options = { seed: o.seed, customers: o.customers, from, to, duplicateRate: o.duplicateRate, duplicateDifficulty: o.duplicateDifficulty };
        const base = generateSampleBase(options);
        expect(base.customers.length).toBe(o.customers);
        const parsers: [unknown[], (x: unknown) => { success: boolean }][] = [
          [base.customers, safeParseCustomer],
          [base.accounts, safeParseAccount],
          [base.orders, safeParseOrder],
          [base.subscriptions, safeParseSubscription],
          [base.interactions, safeParseInteraction],
          [base.feedback, safeParseFeedbackResponse],
          [base.customerRecords, safeParseCustomerRecord],
        ];
        for (const [items, parse] of parsers) for (const x of items) expect(parse(x).success).toBe(true);
        let min = Infinity;
        let max = -Infinity;
        const walk = (v: unknown): void => {
          if (v instanceof Date) {
            min = Math.min(min, v.getTime());
            max = Math.max(max, v.getTime());
          } else if (Array.isArray(v)) for (const x of v) walk(x);
          else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) walk(x);
        };
        walk({ ...base, options: undefined });
        if (Number.isFinite(min)) {
          expect(min).toBeGreaterThanOrEqual(from.getTime());
          expect(max).toBeLessThanOrEqual(to.getTime());
        }
        expect(Object.keys(base.recordOwner).length).toBe(base.customerRecords.length);
        for (const t of base.injectedTraps ?? []) expect(new Set(t.customerIds).size).toBe(t.customerIds.length);
        expect(JSON.stringify(generateSampleBase(options))).toBe(JSON.stringify(base));
      }),
      { numRuns: 40 },
    );
  });

  it('anything that is not valid options is refused with INVALID_OPTION and issue paths, never another error', () => {
    const badOptions = fc.oneof(
      fc.anything().filter((x) => !(typeof x === 'object' && x !== null && typeof (x as { seed?: unknown }).seed === 'number')),
      fc.record({
        seed: fc.oneof(fc.constant(Number.NaN), fc.constant(Infinity), fc.string(), fc.constant(null)),
        customers: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ seed: fc.integer(), customers: fc.oneof(fc.double({ min: -10, max: -0.5 }), fc.integer({ min: 2_000_001 }), fc.string()) }),
      fc.record({ seed: fc.integer(), customers: fc.constant(3), duplicateRate: fc.oneof(fc.double({ min: 1.000001, max: 1e9 }), fc.double({ max: -1e-9, min: -1e9 }), fc.constant(Number.NaN)) }),
      fc.record({ seed: fc.integer(), customers: fc.constant(3), from: fc.oneof(fc.constant(new Date(Number.NaN)), fc.string(), fc.integer()) }),
      fc.record({
        seed: fc.integer(),
        customers: fc.constant(3),
        duplicateDifficulty: fc.oneof(fc.string().filter((x) => x !== 'easy' && x !== 'hard'), fc.integer(), fc.constant('HARD')),
      }),
    );
    fc.assert(
      fc.property(badOptions, (options) => {
        let caught: unknown;
        try {
          generateSampleBase(options as never);
        } catch (e) {
          caught = e;
        }
        expect(isJornadaError(caught)).toBe(true);
        if (!isJornadaError(caught)) return;
        expect(caught.code).toBe('INVALID_OPTION');
        expect(caught.issues.length).toBeGreaterThan(0);
        for (const issue of caught.issues) expect(Array.isArray(issue.path)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('timeOrder (the generator’s stable time sort)', () => {
  it('returns the permutation that sorts by time, ties by index', () => {
    const times = fc.array(
      fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.constantFrom(1_700_000_000_000, 1_700_000_000_000)),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(times, (ts) => {
        const order = Array.from(timeOrder(ts, ts.length));
        const expected = ts.map((_, i) => i).sort((a, b) => (ts[a] ?? 0) - (ts[b] ?? 0) || a - b);
        expect(order).toEqual(expected);
      }),
    );
  });
});
