/**
 * Simple customer lifetime value: the value each customer has brought to date (historical), and the
 * closed-form value of a customer under constant margin, retention and discount rates.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { createRowReader, forEachRow, instantOption, type TransactionInputOptions, type TransactionSkipCounts, type ValueInput, shownValue } from './transactions.js';

/**
 * Options of {@link historicalClv}.
 *
 * @category Value
 */
export interface HistoricalClvOptions extends TransactionInputOptions {
  /** End of observation (instant): value to date counts purchases up to it. */
  asOf: Date | string;
  /** Share of revenue kept as gross margin, in [0, 1]; default 1 (value = revenue). */
  marginRate?: number;
}

/**
 * One customer's value to date.
 *
 * @category Value
 */
export interface HistoricalCustomerValue {
  /** The customer. */
  customerId: string;
  /** Orders counted. */
  orders: number;
  /** Revenue to date. */
  revenue: number;
  /** `revenue × marginRate`: the historical CLV. */
  value: number;
  /** Instant of the first purchase. */
  firstPurchaseAt: Date;
  /** Instant of the last purchase. */
  lastPurchaseAt: Date;
}

/**
 * Result of {@link historicalClv}.
 *
 * @category Value
 */
export interface HistoricalClvResult {
  /** End of observation. */
  asOf: Date;
  /** The margin rate applied. */
  marginRate: number;
  /** Customers by value, highest first (ties by customer id). */
  customers: HistoricalCustomerValue[];
  /** Sum of every customer's value. */
  totalValue: number;
  /** Rows read, kept and left out. */
  skipped: TransactionSkipCounts;
}

interface ValueState {
  orders: number;
  revenue: number;
  first: number;
  last: number;
}

/**
 * Historical CLV: each customer's revenue to `asOf` times the margin rate, customers ranked by value.
 * It looks back only; for the value still to come see {@link simpleClv} and the probabilistic models.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - `asOf`, `marginRate` and the input rules.
 * @returns Customers ranked by value, and the total.
 * @throws {JornadaError} `INVALID_OPTION` for a bad `asOf` or a margin rate outside [0, 1]; `INVALID_INPUT`
 *   for bad rows unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const h = historicalClv([
 *   { customerId: 'a', at: '2026-01-01T12:00:00Z', amount: 100 },
 *   { customerId: 'b', at: '2026-01-02T12:00:00Z', amount: 300 },
 *   { customerId: 'a', at: '2026-02-01T12:00:00Z', amount: 100 },
 * ], { asOf: '2026-03-01T00:00:00Z', marginRate: 0.4 });
 * h.customers.map((c) => [c.customerId, c.value]); //=> [['b', 120], ['a', 80]]
 * ```
 * @category Value
 */
export function historicalClv(input: Iterable<ValueInput>, options: HistoricalClvOptions): HistoricalClvResult {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with asOf are required');
  const asOfMs = instantOption(options.asOf, 'asOf');
  const marginRate = options.marginRate ?? 1;
  if (typeof marginRate !== 'number' || !(marginRate >= 0 && marginRate <= 1)) {
    throw new JornadaError('INVALID_OPTION', `marginRate must be in [0, 1], got ${shownValue(marginRate)}`, {
      issues: [{ path: ['marginRate'], message: 'must be in [0, 1]' }],
    });
  }
  const reader = createRowReader(options, -Infinity, asOfMs);
  const state = new Map<string, ValueState>();
  forEachRow(input, (row, index) =>
    reader.read(row, index, (customerId, atMs, amount) => {
      const s = state.get(customerId);
      if (s === undefined) state.set(customerId, { orders: 1, revenue: amount, first: atMs, last: atMs });
      else {
        s.orders++;
        s.revenue += amount;
        if (atMs < s.first) s.first = atMs;
        if (atMs > s.last) s.last = atMs;
      }
    }),
  );
  const customers: HistoricalCustomerValue[] = [];
  let totalValue = 0;
  for (const [customerId, s] of state) {
    const value = s.revenue * marginRate;
    totalValue += value;
    customers.push({
      customerId,
      orders: s.orders,
      revenue: s.revenue,
      value,
      firstPurchaseAt: new Date(s.first),
      lastPurchaseAt: new Date(s.last),
    });
  }
  customers.sort((a, b) => b.value - a.value || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return { asOf: new Date(asOfMs), marginRate, customers, totalValue, skipped: { ...reader.counts } };
}

/**
 * Inputs of {@link simpleClv}, all per the same period (a month, a year — say which in your names).
 *
 * @category Value
 */
export interface SimpleClvInputs {
  /** Margin a retained customer brings in each period, in money. */
  marginPerPeriod: number;
  /** Probability that a customer stays from one period to the next, in [0, 1). */
  retentionRatePerPeriod: number;
  /** Discount rate per period, ≥ 0 (0.01 per month, 0.12 per year…). */
  discountRatePerPeriod: number;
}

/**
 * Simple CLV of a customer with constant margin m, retention r and discount d per period, over an
 * infinite horizon with margins received at the end of each period: CLV = m · r / (1 + d − r)
 * (Gupta & Lehmann, 2003, "Customers as assets", *Journal of Interactive Marketing* 17(1)). The factor
 * r / (1 + d − r) is their "margin multiple". All three inputs must use the same period.
 *
 * @param inputs - Margin, retention rate and discount rate per period.
 * @returns The lifetime value, in the margin's money.
 * @throws {JornadaError} `INVALID_OPTION` when the margin is not finite, the retention rate is outside
 *   [0, 1) or the discount rate is negative or not finite.
 *
 * @example
 * ```ts
 * simpleClv({ marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.12 }).toFixed(2); //=> '250.00'
 * ```
 * @category Value
 */
export function simpleClv(inputs: SimpleClvInputs): number {
  if (typeof inputs !== 'object' || inputs === null) throw new JornadaError('INVALID_OPTION', 'Inputs are required');
  const { marginPerPeriod: m, retentionRatePerPeriod: r, discountRatePerPeriod: d } = inputs;
  if (typeof m !== 'number' || !Number.isFinite(m)) {
    throw new JornadaError('INVALID_OPTION', `marginPerPeriod must be a finite number, got ${shownValue(m)}`, {
      issues: [{ path: ['marginPerPeriod'], message: 'must be a finite number' }],
    });
  }
  if (typeof r !== 'number' || !(r >= 0 && r < 1)) {
    throw new JornadaError('INVALID_OPTION', `retentionRatePerPeriod must be in [0, 1), got ${shownValue(r)}`, {
      issues: [{ path: ['retentionRatePerPeriod'], message: 'must be in [0, 1)' }],
    });
  }
  if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
    throw new JornadaError('INVALID_OPTION', `discountRatePerPeriod must be a finite number ≥ 0, got ${shownValue(d)}`, {
      issues: [{ path: ['discountRatePerPeriod'], message: 'must be a finite number ≥ 0' }],
    });
  }
  return (m * r) / (1 + d - r);
}
