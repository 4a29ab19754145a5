import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { calibrationHoldoutSplit, summarizeTransactions, type ValueTransaction } from '../../src/value/index.js';
import { readCdnowSample, readCsv } from './cdnow.js';

describe('calibrationHoldoutSplit', () => {
  it('splits a hand example: holdout periods merged by day, holdout-only customers left out', () => {
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: '2015-01-01T12:00:00Z', amount: 10 },
      { customerId: 'a', at: '2015-01-10T12:00:00Z', amount: 20 },
      { customerId: 'a', at: '2015-02-03T09:00:00Z', amount: 30 },
      { customerId: 'a', at: '2015-02-03T18:00:00Z', amount: 10 },
      { customerId: 'a', at: '2015-02-20T12:00:00Z', amount: 20 },
      { customerId: 'b', at: '2015-01-20T12:00:00Z', amount: 5 },
      { customerId: 'c', at: '2015-02-02T12:00:00Z', amount: 30 },
      { customerId: 'a', at: '2015-03-05T12:00:00Z', amount: 99 },
    ];
    const split = calibrationHoldoutSplit(rows, {
      calibrationEnd: '2015-01-31T23:59:59Z',
      observationEnd: '2015-02-28T23:59:59Z',
      unit: 'days',
    });
    // By hand: a: calibration days 01-01, 01-10 → x 1, t_x 9, T 30; holdout days 02-03 (30 + 10) and 02-20 (20).
    expect(split.customers.map((c) => [c.customerId, c.frequency, c.recency, c.T])).toEqual([
      ['a', 1, 9, 30],
      ['b', 0, 0, 11],
    ]);
    expect(split.customers[0]).toMatchObject({ holdoutFrequency: 2, holdoutPurchases: 3, holdoutSpend: 60, holdoutMonetaryValue: 30, holdoutDuration: 28 });
    expect(split.customers[1]).toMatchObject({ holdoutFrequency: 0, holdoutMonetaryValue: 0 });
    expect(split.holdoutOnlyCustomers).toBe(1);
    expect(split.skipped.outsideWindow).toBe(1);
  });

  it('gives the CDNOW calibration summary of the fixture and a 39-week holdout', () => {
    // Fader, Hardie & Lee's CDNOW setup: 39 weeks of calibration (to 1997-09-30) and 39 of holdout (to 1998-06-30).
    const rows = readCdnowSample();
    const split = calibrationHoldoutSplit(rows, { calibrationEnd: '1997-09-30T23:59:59Z', observationEnd: '1998-06-30T23:59:59Z', unit: 'weeks' });
    expect(split.holdoutDuration).toBe(39);
    expect(split.customers).toHaveLength(2357);
    expect(split.holdoutOnlyCustomers).toBe(0); // the cohort's first purchases are all in Q1 1997
    const expected = readCsv('cdnow/cdnow_customers_summary.csv');
    const byId = new Map(split.customers.map((c) => [c.customerId, c]));
    for (const e of expected) expect(byId.get(e.ID as string)?.frequency).toBe(Number(e.frequency));
    // Invariant: holdout orders = all orders to 1998-06-30 minus calibration orders.
    const all = summarizeTransactions(rows, { asOf: '1998-06-30T23:59:59Z', unit: 'weeks' });
    const total = all.customers.reduce((s, c) => s + c.purchases, 0);
    const calibration = split.customers.reduce((s, c) => s + c.purchases, 0);
    expect(split.customers.reduce((s, c) => s + c.holdoutPurchases, 0)).toBe(total - calibration);
  });

  it('refuses an empty holdout period', () => {
    try {
      calibrationHoldoutSplit([], { calibrationEnd: '2015-01-31T10:00:00Z', observationEnd: '2015-01-31T20:00:00Z', unit: 'days' });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.code).toBe('EMPTY_INPUT');
    }
  });
});
