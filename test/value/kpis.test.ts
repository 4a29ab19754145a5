import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import type { Subscription } from '../../src/model/order.js';
import { subscriptionRevenueRetention, valueKpis, type ValueTransaction } from '../../src/value/index.js';
import { readCsv } from './cdnow.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isJornadaError(e)) return e.code;
    throw e;
  }
  return 'none';
}

describe('valueKpis', () => {
  it('reproduces AOV 94.61, purchase frequency 4.93 and repeat purchase rate 0.9578 on rfm_orders (995 customers)', () => {
    // Reference values of the issue for the R package rfm's order data (4,906 orders, 995 customers,
    // 2001-10-29 .. 2006-12-30): AOV = revenue / orders, frequency = orders / customers,
    // repeat rate = customers with 2+ orders / customers.
    const rows = readCsv('rfm_orders/rfm_data_orders.csv').map((r) => ({
      customerId: r.customer_id as string,
      at: `${r.order_date}T00:00:00Z`,
      amount: Number(r.revenue),
    }));
    const k = valueKpis(rows, { from: '2001-01-01T00:00:00Z', to: '2007-01-01T00:00:00Z' });
    expect(k.orders).toBe(4906);
    expect(k.customers).toBe(995);
    expect(k.averageOrderValue.toFixed(2)).toBe('94.61');
    expect(k.purchaseFrequency.toFixed(2)).toBe('4.93');
    expect(k.repeatPurchaseRate.toFixed(4)).toBe('0.9578');
    expect(k.newCustomers).toBe(995); // all first purchases fall in the period
    expect(Number.isNaN(k.customerRetentionRate)).toBe(true); // S = 0: nobody active before 2001
  });

  it('computes CRR = (E − N) / S and churn on a hand example', () => {
    // Period March 2026, activity window 31 days.
    // a: Feb and Mar (retained); b: Feb only (churned); c: Mar only, first purchase (new);
    // d: bought in 2025 and again in March (reactivated: in E − N but not in S).
    const rows: ValueTransaction[] = [
      { customerId: 'a', at: '2026-02-10T12:00:00Z', amount: 10 },
      { customerId: 'a', at: '2026-03-10T12:00:00Z', amount: 20 },
      { customerId: 'b', at: '2026-02-15T12:00:00Z', amount: 30 },
      { customerId: 'c', at: '2026-03-05T12:00:00Z', amount: 40 },
      { customerId: 'c', at: '2026-03-25T12:00:00Z', amount: 60 },
      { customerId: 'd', at: '2025-06-01T12:00:00Z', amount: 5 },
      { customerId: 'd', at: '2026-03-20T12:00:00Z', amount: 30 },
      { customerId: 'a', at: '2026-04-02T12:00:00Z', amount: 99 },
    ];
    const k = valueKpis(rows, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', activeWindowDays: 31 });
    // By hand: orders in March: a 20, c 40 + 60, d 30 → 4 orders, revenue 150, 3 customers.
    expect([k.orders, k.revenue, k.customers, k.averageOrderValue]).toEqual([4, 150, 3, 37.5]);
    expect(k.repeatCustomers).toBe(1); // c
    // S = {a, b} (bought 2026-01-29..02-28); E = {a, c, d}; N = {c}; retained = {a}.
    expect([k.customersAtStart, k.customersAtEnd, k.newCustomers, k.retainedCustomers]).toEqual([2, 3, 1, 1]);
    expect(k.customerRetentionRate).toBe(1); // (3 − 1) / 2
    expect(k.churnRate).toBe(0.5); // b lost of {a, b}
    expect(k.skipped.outsideWindow).toBe(1); // the April order
  });

  it('refuses an empty or reversed period', () => {
    expect(code(() => valueKpis([], { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }))).toBe('INVALID_OPTION');
    expect(code(() => valueKpis([], { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', activeWindowDays: 0 }))).toBe('INVALID_OPTION');
  });
});

describe('subscriptionRevenueRetention', () => {
  const sub = (id: string, customerId: string, price: number | undefined, start: string, cancel?: string, unit: 'month' | 'year' | 'week' = 'month'): Subscription => ({
    id,
    customerId,
    plan: 'p',
    period: { unit, count: 1 },
    ...(price === undefined ? {} : { price }),
    currency: 'BRL',
    startedAt: new Date(start),
    ...(cancel === undefined ? { status: 'active' as const } : { status: 'cancelled' as const, cancelledAt: new Date(cancel) }),
  });

  it('separates expansion, contraction and churn (hand example)', () => {
    const subs = [
      sub('1', 'a', 100, '2025-01-01T00:00:00Z'), // a keeps 100 and adds 1200/year = 100/month → expansion 100
      sub('2', 'a', 1200, '2025-06-01T00:00:00Z', undefined, 'year'),
      sub('3', 'b', 200, '2025-01-01T00:00:00Z', '2025-05-01T00:00:00Z'), // b moves from 200 to 50 → contraction 150
      sub('4', 'b', 50, '2025-05-01T00:00:00Z'),
      sub('5', 'c', 100, '2025-01-01T00:00:00Z', '2025-12-01T00:00:00Z'), // c leaves → churn 100
      sub('6', 'd', 300, '2025-03-01T00:00:00Z'), // d starts after `from`: not in the base
      sub('7', 'e', undefined, '2025-01-01T00:00:00Z'),
    ];
    const r = subscriptionRevenueRetention(subs, { from: '2025-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    // Start: a 100 + b 200 + c 100 = 400.
    expect([r.customersAtStart, r.startingMonthlyRevenue, r.expansion, r.contraction, r.churned]).toEqual([3, 400, 100, 150, 100]);
    expect(r.grossRevenueRetention).toBe(150 / 400); // (400 − 150 − 100) / 400
    expect(r.netRevenueRetention).toBe(250 / 400); // (400 + 100 − 150 − 100) / 400
    expect(r.withoutPrice).toBe(1);
  });

  it('refuses mixed currencies and invalid subscriptions with a path', () => {
    const a = sub('1', 'a', 100, '2025-01-01T00:00:00Z');
    const b = { ...sub('2', 'b', 100, '2025-01-01T00:00:00Z'), currency: 'USD' };
    expect(code(() => subscriptionRevenueRetention([a, b], { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }))).toBe('INVALID_INPUT');
    expect(subscriptionRevenueRetention([a, b], { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z', currency: 'BRL' }).otherCurrency).toBe(1);
    try {
      subscriptionRevenueRetention([a, { ...a, startedAt: new Date('x') }], { from: '2025-02-01T00:00:00Z', to: '2025-03-01T00:00:00Z' });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.issues[0]?.path).toEqual([1, 'startedAt']);
    }
  });
});
