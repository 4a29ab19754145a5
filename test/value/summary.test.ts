import { describe, expect, it } from 'vitest';
import { isJornadaError, type JornadaError } from '../../src/core/errors.js';
import type { Order } from '../../src/model/order.js';
import {
  createTransactionSummaryAccumulator,
  summarizeTransactions,
  summarizeTransactionsColumnar,
  transactionSummaryAt,
  type ValueTransaction,
} from '../../src/value/index.js';
import { readCdnowSample, readCsv } from './cdnow.js';

function caught(fn: () => unknown): JornadaError {
  try {
    fn();
  } catch (e) {
    if (isJornadaError(e)) return e;
    throw e;
  }
  throw new Error('expected a JornadaError');
}

// The lifetimes package's unit test of summary_data_from_transaction_data (tests/test_utils.py,
// "test_summary_data_from_transaction_data_returns_correct_results"): observation end 2015-02-07, daily.
const lifetimesExample: ValueTransaction[] = [
  { customerId: '1', at: '2015-02-01T00:00:00Z', amount: 1 },
  { customerId: '1', at: '2015-02-06T00:00:00Z', amount: 1 },
  { customerId: '2', at: '2015-01-01T00:00:00Z', amount: 1 },
  { customerId: '3', at: '2015-01-01T00:00:00Z', amount: 1 },
  { customerId: '3', at: '2015-01-02T00:00:00Z', amount: 1 },
  { customerId: '3', at: '2015-01-05T00:00:00Z', amount: 1 },
];

describe('summarizeTransactions', () => {
  it("reproduces lifetimes' published summary test: (x, t_x, T) = (1,5,6), (0,0,37), (2,4,37)", () => {
    const s = summarizeTransactions(lifetimesExample, { asOf: '2015-02-07T00:00:00Z', unit: 'days' });
    expect(s.customers.map((c) => [c.customerId, c.frequency, c.recency, c.T])).toEqual([
      ['1', 1, 5, 6],
      ['2', 0, 0, 37],
      ['3', 2, 4, 37],
    ]);
    expect(s.unit).toBe('days');
    // daysSinceLastPurchase by hand: 02-07 − 02-06 = 1, 02-07 − 01-01 = 37, 02-07 − 01-05 = 33.
    expect(s.customers.map((c) => c.daysSinceLastPurchase)).toEqual([1, 37, 33]);
  });

  it('merges purchases of the same day before counting periods, and uses weeks = days / 7', () => {
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: '2026-01-01T09:00:00Z', amount: 10 },
      { customerId: 'a', at: '2026-01-08T09:00:00Z', amount: 20 },
      { customerId: 'a', at: '2026-01-08T18:00:00Z', amount: 5 },
      { customerId: 'a', at: '2026-01-15T09:00:00Z', amount: 15 },
    ];
    const [c] = summarizeTransactions(rows, { asOf: '2026-01-29T12:00:00Z', unit: 'weeks' }).customers;
    // By hand: purchase days 01, 08, 15 → x = 2; t_x = 14 days = 2 weeks; T = 28 days = 4 weeks.
    expect(c).toMatchObject({ purchases: 4, frequency: 2, recency: 2, T: 4, totalSpend: 50, meanSpend: 12.5 });
    // Repeat periods: 01-08 (20 + 5 = 25) and 01-15 (15) → mean 20.
    expect(c?.monetaryValue).toBe(20);
  });

  it('counts calendar days in the time zone given', () => {
    // 23:30 and 00:30 UTC are 20:30 and 21:30 of the same day in São Paulo (UTC−3).
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: '2026-03-10T23:30:00Z', amount: 1 },
      { customerId: 'a', at: '2026-03-11T00:30:00Z', amount: 1 },
    ];
    const asOf = '2026-03-12T12:00:00Z';
    expect(summarizeTransactions(rows, { asOf, unit: 'days' }).customers[0]?.frequency).toBe(1);
    const local = summarizeTransactions(rows, { asOf, unit: 'days', timeZone: 'America/Sao_Paulo' }).customers[0];
    expect(local?.frequency).toBe(0);
    expect(local?.T).toBe(2); // 03-10 to 03-12 local
  });

  it('reads model orders and leaves cancelled and refunded ones out by default', () => {
    const order = (id: string, placedAt: string, total: number, status: Order['status']): Order => ({
      id, customerId: 'c-1', placedAt: new Date(placedAt), status, currency: 'BRL', total, items: [],
    });
    const orders = [
      order('o1', '2026-01-01T12:00:00Z', 100, 'fulfilled'),
      order('o2', '2026-01-05T12:00:00Z', 999, 'cancelled'),
      order('o3', '2026-01-09T12:00:00Z', 50, 'paid'),
      order('o4', '2026-01-10T12:00:00Z', 70, 'refunded'),
      order('o5', '2026-02-10T12:00:00Z', 70, 'paid'),
    ];
    const s = summarizeTransactions(orders, { asOf: '2026-01-31T00:00:00Z', unit: 'days' });
    expect(s.customers[0]).toMatchObject({ purchases: 2, frequency: 1, recency: 8, totalSpend: 150 });
    expect(s.skipped).toMatchObject({ read: 5, kept: 2, excludedStatus: 2, outsideWindow: 1 });
    const all = summarizeTransactions(orders, { asOf: '2026-01-31T00:00:00Z', unit: 'days', excludeStatuses: [] });
    expect(all.customers[0]?.purchases).toBe(4);
  });

  it('gives the same result as columns, as objects and through merged accumulators', () => {
    const options = { asOf: '2015-02-07T00:00:00Z', unit: 'days' } as const;
    const cols = summarizeTransactionsColumnar(lifetimesExample, options);
    expect(cols.frequency).toBeInstanceOf(Uint32Array);
    const objects = summarizeTransactions(lifetimesExample, options).customers;
    expect(Array.from({ length: cols.size }, (_, i) => transactionSummaryAt(cols, i))).toEqual(objects);
    const a = createTransactionSummaryAccumulator(options);
    const b = createTransactionSummaryAccumulator(options);
    a.addAll(lifetimesExample.slice(0, 3));
    b.addAll(lifetimesExample.slice(3));
    a.merge(b);
    expect(a.result().customers).toEqual(objects);
    expect(a.skipped.kept).toBe(6);
    expect(caught(() => a.merge(createTransactionSummaryAccumulator({ ...options, unit: 'weeks' }))).code).toBe('INVALID_OPTION');
    expect(caught(() => transactionSummaryAt(cols, 3)).code).toBe('INVALID_OPTION');
  });

  it('rejects bad rows with a path, or skips and counts them', () => {
    const asOf = '2026-12-31T00:00:00Z';
    const negative = caught(() =>
      summarizeTransactions(
        [
          { customerId: 'a', at: '2026-01-01T00:00:00Z', amount: 1 },
          { customerId: 'a', at: '2026-01-02T00:00:00Z', amount: -5 },
        ],
        { asOf, unit: 'days' },
      ),
    );
    expect(negative.code).toBe('INVALID_INPUT');
    expect(negative.issues[0]?.path).toEqual([1, 'amount']);
    const badDate = caught(() => summarizeTransactions([{ customerId: 'a', at: 'yesterday', amount: 1 }], { asOf, unit: 'days' }));
    expect(badDate.issues[0]?.path).toEqual([0, 'at']);
    const unknown = caught(() =>
      summarizeTransactions([{ customerId: 'zz', at: '2026-01-01T00:00:00Z', amount: 1 }], { asOf, unit: 'days', customerIds: ['a'] }),
    );
    expect(unknown.issues[0]?.path).toEqual([0, 'customerId']);
    const mixed = caught(() =>
      summarizeTransactions(
        [
          { customerId: 'a', at: '2026-01-01T00:00:00Z', amount: 1, currency: 'BRL' },
          { customerId: 'a', at: '2026-01-02T00:00:00Z', amount: 1, currency: 'USD' },
        ],
        { asOf, unit: 'days' },
      ),
    );
    expect(mixed.issues[0]?.path).toEqual([1, 'currency']);
    const skipped = summarizeTransactions(
      [
        { customerId: 'a', at: '2026-01-01T00:00:00Z', amount: 10 },
        { customerId: 'a', at: '2026-01-02T00:00:00Z', amount: Number.NaN },
        { customerId: 'a', at: new Date(Number.NaN), amount: 1 },
        { customerId: '', at: '2026-01-01T00:00:00Z', amount: 1 },
        { customerId: 'b', at: '2026-01-01T00:00:00Z', amount: 1 },
        { customerId: 'a', at: '2026-01-03T00:00:00Z', amount: 1, currency: 'USD' },
      ],
      { asOf, unit: 'days', onInvalid: 'skip', customerIds: ['a'], currency: 'BRL' },
    );
    expect(skipped.customers.map((c) => [c.customerId, c.totalSpend])).toEqual([['a', 10]]);
    expect(skipped.skipped).toMatchObject({ read: 6, kept: 1, invalidAmount: 1, invalidDate: 1, invalidCustomerId: 1, unknownCustomer: 1, otherCurrency: 1 });
  });

  it('refuses missing or unknown options', () => {
    const rows = lifetimesExample;
    expect(caught(() => summarizeTransactions(rows, { asOf: '2015-02-07T00:00:00Z' } as never)).code).toBe('INVALID_OPTION');
    expect(caught(() => summarizeTransactions(rows, { asOf: 'soon', unit: 'days' })).code).toBe('INVALID_OPTION');
    expect(caught(() => summarizeTransactions(rows, { asOf: '2015-02-07T00:00:00Z', unit: 'days', timeZone: 'Mars/Olympus' })).code).toBe('INVALID_OPTION');
    expect(caught(() => summarizeTransactions(42 as never, { asOf: '2015-02-07T00:00:00Z', unit: 'days' })).code).toBe('INVALID_INPUT');
  });
});

describe('CDNOW sample (Fader, Hardie & Lee) against lifetimes fixtures', () => {
  // Calibration ends 1997-09-30 (inclusive); times in weeks = days / 7; transactions on one day merged.
  const s = summarizeTransactions(readCdnowSample(), { asOf: '1997-09-30T23:59:59Z', unit: 'weeks' });
  const byId = new Map(s.customers.map((c) => [c.customerId, c]));

  it('reproduces cdnow_customers_summary.csv (x, t_x, T to 2 decimals) for all 2,357 customers', () => {
    const expected = readCsv('cdnow/cdnow_customers_summary.csv');
    expect(expected).toHaveLength(2357);
    expect(s.customers).toHaveLength(2357);
    for (const e of expected) {
      const c = byId.get(e.ID as string);
      expect(c, `customer ${e.ID}`).toBeDefined();
      expect(c?.frequency, `x of ${e.ID}`).toBe(Number(e.frequency));
      expect(c?.recency.toFixed(2), `t_x of ${e.ID}`).toBe(Number(e.recency).toFixed(2));
      expect(c?.T.toFixed(2), `T of ${e.ID}`).toBe(Number(e.T).toFixed(2));
    }
    // README of the fixture: sum of x is 2,457; 1,411 customers have x = 0.
    expect(s.customers.reduce((a, c) => a + c.frequency, 0)).toBe(2457);
    expect(s.customers.filter((c) => c.frequency === 0)).toHaveLength(1411);
  });

  it('reproduces the zbar column of cdnow_customers_summary_with_transactions.csv', () => {
    const expected = readCsv('cdnow/cdnow_customers_summary_with_transactions.csv');
    expect(expected).toHaveLength(2357);
    for (const e of expected) {
      // The file rounds half up to 2 decimals (customer 136: (19.96 + 26.99) / 2 = 23.475 → 23.48), so
      // compare within half a cent rather than through toFixed, whose binary rounding gives 23.47.
      const ours = byId.get(e.ID as string)?.monetaryValue ?? NaN;
      expect(Math.abs(ours - Number(e.zbar)), `zbar of ${e.ID}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("matches Fader, Hardie & Lee's description of repeat buyers' mean spend (946 customers: mean 35, median 27, min 3, max 300)", () => {
    // Fader, Hardie & Lee (2005), "RFM and CLV: Using iso-value curves for customer base analysis",
    // Journal of Marketing Research 42(4), section on the spend model (values rounded to dollars).
    const z = s.customers.filter((c) => c.frequency > 0).map((c) => c.monetaryValue).sort((a, b) => a - b);
    expect(z).toHaveLength(946);
    const mean = z.reduce((a, v) => a + v, 0) / z.length;
    const median = (z[472]! + z[473]!) / 2;
    expect(Math.round(mean)).toBe(35);
    expect(Math.round(median)).toBe(27);
    expect(Math.round(z[0]!)).toBe(3);
    expect(Math.round(z[z.length - 1]!)).toBe(300);
  });
});

describe('rfm_orders (R package rfm) per-customer summary', () => {
  it('reproduces recency_days, transaction_count and amount of rfm_table_order as of 2006-12-31', () => {
    const orders = readCsv('rfm_orders/rfm_data_orders.csv').map((r) => ({
      customerId: r.customer_id as string,
      at: `${r.order_date}T00:00:00Z`,
      amount: Number(r.revenue),
    }));
    const s = summarizeTransactions(orders, { asOf: '2006-12-31T00:00:00Z', unit: 'days' });
    const byId = new Map(s.customers.map((c) => [c.customerId, c]));
    const expected = readCsv('rfm_orders/expected_scores_quintiles.csv');
    expect(expected).toHaveLength(995);
    expect(s.customers).toHaveLength(995);
    for (const e of expected) {
      const c = byId.get(e.customer_id as string);
      expect([c?.daysSinceLastPurchase, c?.purchases, c?.totalSpend], e.customer_id).toEqual([
        Number(e.recency_days),
        Number(e.transaction_count),
        Number(e.amount),
      ]);
    }
  });
});
