import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  calibrationHoldoutSplit,
  cohortTable,
  createCohortTableAccumulator,
  createValueKpiAccumulator,
  createTransactionSummaryAccumulator,
  expectedNextPurchase,
  historicalClv,
  interPurchaseIntervals,
  kaplanMeier,
  simpleClv,
  subscriptionLifetimes,
  subscriptionRevenueRetention,
  summarizeTransactions,
  summarizeTransactionsColumnar,
  transactionSummaryAt,
  valueKpis,
  type TransactionSummary,
  type ValueTransaction,
} from '../../src/value/index.js';

const START = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
const asOf = new Date(START + 400 * 24 * HOUR);

/** Transactions of a few customers over ~400 days, integer amounts (so sums are exact in any order). */
const transactions = fc.array(
  fc.record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    at: fc.integer({ min: 0, max: 400 * 24 - 1 }).map((h) => new Date(START + h * HOUR)),
    amount: fc.integer({ min: 0, max: 500 }),
  }),
  { maxLength: 60 },
) as fc.Arbitrary<ValueTransaction[]>;

const zone = fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Kolkata');
const byId = (rows: TransactionSummary[]) => [...rows].sort((x, y) => (x.customerId < y.customerId ? -1 : 1));

describe('transaction summary invariants', () => {
  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(transactions, zone, fc.integer(), (rows, timeZone, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0]!;
        const a = summarizeTransactions(rows, { asOf, unit: 'weeks', timeZone }).customers;
        const b = summarizeTransactions(shuffled, { asOf, unit: 'weeks', timeZone }).customers;
        expect(byId(b)).toEqual(byId(a));
      }),
    );
  });

  it('keeps 0 ≤ x ≤ purchases − 1, 0 ≤ t_x ≤ T, and consistent money', () => {
    fc.assert(
      fc.property(transactions, zone, fc.constantFrom('days' as const, 'weeks' as const), (rows, timeZone, unit) => {
        for (const c of summarizeTransactions(rows, { asOf, unit, timeZone }).customers) {
          expect(c.frequency).toBeGreaterThanOrEqual(0);
          expect(c.frequency).toBeLessThanOrEqual(c.purchases - 1);
          expect(c.recency).toBeGreaterThanOrEqual(0);
          expect(c.recency).toBeLessThanOrEqual(c.T);
          if (c.frequency === 0) expect(c.recency).toBe(0);
          expect(c.daysSinceLastPurchase).toBeGreaterThanOrEqual(0);
          expect(c.monetaryValue * c.frequency).toBeLessThanOrEqual(c.totalSpend + 1e-9);
          expect(c.meanSpend * c.purchases).toBeCloseTo(c.totalSpend, 6);
          expect(c.firstPurchaseAt.getTime()).toBeLessThanOrEqual(c.lastPurchaseAt.getTime());
        }
      }),
    );
  });

  it('gives the same numbers as columns and after splitting and merging', () => {
    fc.assert(
      fc.property(transactions, fc.nat(), (rows, cut) => {
        const options = { asOf, unit: 'days' as const };
        const objects = summarizeTransactions(rows, options).customers;
        const cols = summarizeTransactionsColumnar(rows, options);
        expect(Array.from({ length: cols.size }, (_, i) => transactionSummaryAt(cols, i))).toEqual(objects);
        const k = rows.length === 0 ? 0 : cut % rows.length;
        const left = createTransactionSummaryAccumulator(options);
        const right = createTransactionSummaryAccumulator(options);
        left.addAll(rows.slice(0, k));
        right.addAll(rows.slice(k));
        left.merge(right);
        expect(byId(left.result().customers)).toEqual(byId(objects));
      }),
    );
  });
});

describe('cohort invariants', () => {
  it('keeps shares in [0, 1], age 0 equal to the cohort size, and null only where unobservable', () => {
    fc.assert(
      fc.property(transactions, zone, fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const), (rows, timeZone, by) => {
        const t = cohortTable(rows, { by, asOf, timeZone });
        const customers = new Set(rows.map((r) => r.customerId)).size;
        expect(t.cohorts.reduce((s, c) => s + c.size, 0)).toBe(customers);
        const columns = t.periods.length;
        for (const c of t.cohorts) {
          expect(c.activeByAge[0]).toBe(c.size);
          const first = t.periods.findIndex((p) => p.label === c.label);
          c.retentionByAge.forEach((v, k) => {
            if (k < columns - first) {
              expect(v).not.toBeNull();
              expect(v as number).toBeGreaterThanOrEqual(0);
              expect(v as number).toBeLessThanOrEqual(1);
            } else expect(v).toBeNull();
          });
          c.activeByPeriod.forEach((v, col) => expect(v === null).toBe(col < first));
        }
      }),
    );
  });
});

describe('accumulators', () => {
  it('KPIs and cohort tables are the same whole or split into two merged accumulators', () => {
    fc.assert(
      fc.property(transactions, fc.nat(), zone, (rows, cut, timeZone) => {
        const k = rows.length === 0 ? 0 : cut % rows.length;
        const kpiOptions = { from: new Date(START + 200 * 24 * HOUR), to: asOf, activeWindowDays: 90 };
        const a = createValueKpiAccumulator(kpiOptions);
        const b = createValueKpiAccumulator(kpiOptions);
        a.addAll(rows.slice(0, k));
        b.addAll(rows.slice(k));
        a.merge(b);
        expect(a.result()).toEqual(valueKpis(rows, kpiOptions));
        const cohortOptions = { by: 'month' as const, asOf, timeZone };
        const c = createCohortTableAccumulator(cohortOptions);
        const d = createCohortTableAccumulator(cohortOptions);
        c.addAll(rows.slice(k));
        d.addAll(rows.slice(0, k));
        c.merge(d);
        expect(c.result()).toEqual(cohortTable(rows, cohortOptions));
      }),
    );
  });

  it('refuse to merge accumulators with other settings', () => {
    const kpi = createValueKpiAccumulator({ from: new Date(START), to: asOf });
    expect(() => kpi.merge(createValueKpiAccumulator({ from: new Date(START), to: asOf, activeWindowDays: 30 }))).toThrow(/same period/);
    const cohort = createCohortTableAccumulator({ by: 'month', asOf });
    expect(() => cohort.merge(createCohortTableAccumulator({ by: 'week', asOf }))).toThrow(/same period/);
  });
});

describe('Kaplan–Meier invariants', () => {
  it('is non-increasing, in [0, 1], with non-negative standard errors', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ duration: fc.integer({ min: 0, max: 50 }), event: fc.boolean() }), { maxLength: 80 }), (obs) => {
        const km = kaplanMeier(obs);
        let previous = 1;
        for (const s of km.steps) {
          expect(s.survival).toBeLessThanOrEqual(previous);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          expect(s.standardError).toBeGreaterThanOrEqual(0);
          expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
          expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
          previous = s.survival;
        }
        expect(km.events).toBe(obs.filter((o) => o.event).length);
      }),
    );
  });
});

describe('fuzzing the entry points: bad input gets a JornadaError with a path, never a crash', () => {
  const junkRow = fc.oneof(
    fc.anything(),
    fc.record(
      {
        customerId: fc.oneof(fc.string(), fc.anything()),
        at: fc.oneof(fc.date({ noInvalidDate: false }), fc.string(), fc.anything()),
        amount: fc.oneof(fc.double(), fc.anything()),
        status: fc.oneof(fc.constantFrom('paid', 'cancelled', 'refunded'), fc.anything()),
        currency: fc.constantFrom('BRL', 'USD'),
      },
      { requiredKeys: [] },
    ),
    fc.record({ customerId: fc.string(), placedAt: fc.anything(), total: fc.anything(), status: fc.anything() }, { requiredKeys: [] }),
  );
  const expectJornada = (fn: () => unknown, needsPath: boolean): void => {
    try {
      fn();
    } catch (e) {
      expect(isJornadaError(e), String(e)).toBe(true);
      if (needsPath && isJornadaError(e) && e.code === 'INVALID_INPUT') expect(e.issues.length).toBeGreaterThan(0);
    }
  };

  it('summaries, splits, KPIs, cohorts, intervals and historical CLV', () => {
    fc.assert(
      fc.property(fc.array(junkRow, { maxLength: 8 }), (rows) => {
        const input = rows as ValueTransaction[];
        expectJornada(() => summarizeTransactions(input, { asOf, unit: 'days' }), true);
        expectJornada(() => summarizeTransactionsColumnar(input, { asOf, unit: 'weeks', onInvalid: 'skip' }), true);
        expectJornada(() => calibrationHoldoutSplit(input, { calibrationEnd: START + 100 * 24 * HOUR as never, observationEnd: asOf, unit: 'days' }), true);
        expectJornada(() => valueKpis(input, { from: new Date(START), to: asOf }), true);
        expectJornada(() => cohortTable(input, { by: 'month', asOf, onInvalid: 'skip' }), true);
        expectJornada(() => interPurchaseIntervals(input, { asOf }), true);
        expectJornada(() => expectedNextPurchase(input, { asOf, timeZone: 'America/Sao_Paulo' }), true);
        expectJornada(() => historicalClv(input, { asOf }), true);
      }),
    );
  });

  it('survival and subscription functions', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 6 }), (rows) => {
        expectJornada(() => kaplanMeier(rows as never), true);
        expectJornada(() => subscriptionLifetimes(rows as never, { asOf, unit: 'days' }), true);
        expectJornada(() => subscriptionRevenueRetention(rows as never, { from: new Date(START), to: asOf }), true);
      }),
    );
  });

  it('every entry point with junk options', () => {
    const rows: ValueTransaction[] = [{ customerId: 'a', at: new Date(START), amount: 1 }];
    const withJunk = fc.oneof(
      fc.anything(),
      fc.record(
        {
          asOf: fc.oneof(fc.constant(asOf), fc.anything()),
          unit: fc.oneof(fc.constantFrom('days', 'weeks'), fc.anything()),
          timeZone: fc.oneof(fc.constantFrom('UTC', 'America/Sao_Paulo', 'Nowhere/Else', 'constructor'), fc.anything()),
          customerIds: fc.anything(),
          excludeStatuses: fc.anything(),
          currency: fc.anything(),
          onInvalid: fc.anything(),
          from: fc.oneof(fc.constant(new Date(START)), fc.anything()),
          to: fc.oneof(fc.constant(asOf), fc.anything()),
          by: fc.oneof(fc.constantFrom('day', 'week', 'month', 'quarter'), fc.anything()),
          weekStartsOn: fc.anything(),
          activeWindowDays: fc.anything(),
          marginRate: fc.anything(),
          minIntervals: fc.anything(),
          confidenceLevel: fc.anything(),
          calibrationEnd: fc.anything(),
          observationEnd: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(withJunk, (options) => {
        const o = options as never;
        expectJornada(() => summarizeTransactions(rows, o), false);
        expectJornada(() => createTransactionSummaryAccumulator(o).result(), false);
        expectJornada(() => calibrationHoldoutSplit(rows, o), false);
        expectJornada(() => valueKpis(rows, o), false);
        expectJornada(() => cohortTable(rows, o), false);
        expectJornada(() => interPurchaseIntervals(rows, o), false);
        expectJornada(() => expectedNextPurchase(rows, o), false);
        expectJornada(() => historicalClv(rows, o), false);
        expectJornada(() => kaplanMeier([], o), false);
        expectJornada(() => subscriptionLifetimes([], o), false);
        expectJornada(() => subscriptionRevenueRetention([], o), false);
        expectJornada(() => simpleClv(o), false);
      }),
    );
  });
});
