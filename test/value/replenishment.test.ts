import { describe, expect, it } from 'vitest';
import { expectedNextPurchase, interPurchaseIntervals, type ValueTransaction } from '../../src/value/index.js';

const at = (day: string) => `${day}T12:00:00Z`;

describe('interPurchaseIntervals', () => {
  it('measures whole days between purchase days, same-day purchases merged (hand example)', () => {
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: at('2026-03-02'), amount: 1 },
      { customerId: 'a', at: at('2026-01-01'), amount: 1 },
      { customerId: 'a', at: at('2026-01-31'), amount: 1 },
      { customerId: 'a', at: '2026-01-31T20:00:00Z', amount: 1 },
      { customerId: 'b', at: at('2026-01-01'), amount: 1 },
    ];
    const r = interPurchaseIntervals(rows, { asOf: '2026-04-01T00:00:00Z' });
    // Jan 1 → Jan 31 = 30 days; Jan 31 → Mar 2 = 30 days (February 2026 has 28 days).
    expect(r.customers[0]).toMatchObject({ customerId: 'a', purchaseDays: 3, intervalsDays: [30, 30], meanDays: 30, medianDays: 30, standardDeviationDays: 0 });
    expect(r.customers[1]?.intervalsDays).toEqual([]);
    expect(Number.isNaN(r.customers[1]?.meanDays)).toBe(true);
  });

  it('reads purchase times in any currency (amounts are not used); the currency option still filters', () => {
    // A customer who paid in BRL and then in EUR: 10 days apart by hand (1 → 11 March).
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: at('2026-03-01'), amount: 100, currency: 'BRL' },
      { customerId: 'a', at: at('2026-03-11'), amount: 20, currency: 'EUR' },
    ];
    expect(interPurchaseIntervals(rows, { asOf: '2026-04-01T00:00:00Z' }).customers[0]?.intervalsDays).toEqual([10]);
    const brl = interPurchaseIntervals(rows, { asOf: '2026-04-01T00:00:00Z', currency: 'BRL' });
    expect(brl.customers[0]?.purchaseDays).toBe(1);
    expect(brl.skipped.otherCurrency).toBe(1);
  });
});

describe('expectedNextPurchase', () => {
  // Intervals 28, 30, 35, 31 days (hand-chosen): sorted 28, 30, 31, 35.
  // Type-7 quartiles: q25 = 28 + 0.75·2 = 29.5, median = 30.5, q75 = 31 + 0.25·4 = 32.
  const rows: ValueTransaction[] = ['2026-01-01', '2026-01-29', '2026-02-28', '2026-04-04', '2026-05-05'].map((d) => ({
    customerId: 'a',
    at: at(d),
    amount: 90,
  }));

  it('forecasts last purchase + median interval with the interquartile spread', () => {
    const [n] = expectedNextPurchase(rows, { asOf: '2026-05-20T00:00:00Z' });
    expect(n).toMatchObject({ intervals: 4, typicalIntervalDays: 30.5, lowerIntervalDays: 29.5, upperIntervalDays: 32, status: 'upcoming', daysOverdue: 0 });
    expect(n?.expectedAt.toISOString()).toBe('2026-06-05T00:00:00.000Z'); // May 5 12:00 + 30.5 days
    expect(n?.earliestAt.toISOString()).toBe('2026-06-04T00:00:00.000Z');
    expect(n?.latestAt.toISOString()).toBe('2026-06-06T12:00:00.000Z');
  });

  it('says due inside the window and overdue after it', () => {
    expect(expectedNextPurchase(rows, { asOf: '2026-06-05T00:00:00Z' })[0]?.status).toBe('due');
    const late = expectedNextPurchase(rows, { asOf: '2026-06-16T12:00:00Z' })[0];
    expect(late?.status).toBe('overdue');
    expect(late?.daysOverdue).toBe(10);
  });

  it('gives no forecast with fewer intervals than asked', () => {
    expect(expectedNextPurchase(rows.slice(0, 2), { asOf: '2026-06-01T00:00:00Z' })).toEqual([]);
    expect(expectedNextPurchase(rows.slice(0, 2), { asOf: '2026-06-01T00:00:00Z', minIntervals: 1 })).toHaveLength(1);
  });
});
