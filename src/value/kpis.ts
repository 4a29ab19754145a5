/**
 * Value KPIs over a period: average order value, purchase frequency, repeat purchase rate, customer
 * retention rate, churn rate; and gross and net revenue retention of subscriptions.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Subscription } from '../model/order.js';
import {
  createRowFeed,
  createRowReader,
  forEachRow,
  instantOption,
  shownValue,
  type TransactionInputOptions,
  type TransactionSkipCounts,
  type ValueInput,
} from './transactions.js';

/**
 * Options of {@link valueKpis}.
 *
 * @category Value
 */
export interface ValueKpiOptions extends TransactionInputOptions {
  /** Start of the period (inclusive instant). */
  from: Date | string;
  /** End of the period (exclusive instant); rows at or after it are left out and counted. */
  to: Date | string;
  /**
   * A customer is *active* at an instant when they bought within this many days before it; default:
   * the length of the period (so the customers active at `to` are the period's buyers).
   */
  activeWindowDays?: number;
}

/**
 * KPIs of one period. Ratios are `NaN` when their denominator is 0.
 *
 * @category Value
 */
export interface ValueKpiReport {
  /** Start of the period (inclusive). */
  from: Date;
  /** End of the period (exclusive). */
  to: Date;
  /** The activity window used for S and E, in days. */
  activeWindowDays: number;
  /** Orders placed in the period. */
  orders: number;
  /** Revenue of those orders. */
  revenue: number;
  /** Customers with at least one order in the period. */
  customers: number;
  /** AOV = revenue / orders. */
  averageOrderValue: number;
  /** Orders per buying customer = orders / customers. */
  purchaseFrequency: number;
  /** Customers with two or more orders in the period. */
  repeatCustomers: number;
  /** Repeat purchase rate = repeatCustomers / customers. */
  repeatPurchaseRate: number;
  /** S: customers active at the start (bought in the window before `from`). */
  customersAtStart: number;
  /** E: customers active at the end (bought in the window before `to`). */
  customersAtEnd: number;
  /** N: customers whose first purchase (in the data given) falls in the period. */
  newCustomers: number;
  /** Customers of S who bought again in the period. */
  retainedCustomers: number;
  /**
   * CRR = (E − N) / S. E − N also counts reactivated customers who were not in S, so CRR can exceed the
   * share of S that stayed; see `retainedCustomers` for the exact count.
   */
  customerRetentionRate: number;
  /** Churn rate = (S − retained) / S: the share of the customers active at the start who did not buy in the period. */
  churnRate: number;
  /** Rows read, kept and left out. */
  skipped: TransactionSkipCounts;
}

interface CustomerKpiState {
  firstMs: number;
  lastBeforeFromMs: number;
  lastBeforeToMs: number;
  ordersInPeriod: number;
}

/**
 * KPIs of a period from the full purchase history: average order value, purchase frequency, repeat
 * purchase rate, the customer retention rate CRR = (E − N) / S and the churn rate.
 *
 * Rows before `from` are read to know who was active at the start and who is new; rows at or after `to`
 * are left out. Pass the whole history, not only the period.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - The period, the activity window and the input rules.
 * @returns The KPIs of the period.
 * @throws {JornadaError} `INVALID_OPTION` when `to` is not after `from` or the window is not positive;
 *   `INVALID_INPUT` for bad rows unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const k = valueKpis([
 *   { customerId: 'a', at: '2026-01-10T12:00:00Z', amount: 100 },
 *   { customerId: 'a', at: '2026-02-10T12:00:00Z', amount: 50 },
 *   { customerId: 'b', at: '2026-02-12T12:00:00Z', amount: 30 },
 *   { customerId: 'a', at: '2026-02-20T12:00:00Z', amount: 40 },
 * ], { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z', activeWindowDays: 31 });
 * k.averageOrderValue; //=> 40
 * k.repeatPurchaseRate; //=> 0.5
 * k.customerRetentionRate; //=> 1  ((E 2 − N 1) / S 1)
 * ```
 * @category Value
 */
export function valueKpis(input: Iterable<ValueInput>, options: ValueKpiOptions): ValueKpiReport {
  const acc = createValueKpiAccumulator(options);
  acc.addAll(input);
  return acc.result();
}

/**
 * A mergeable accumulator of {@link valueKpis}: feed rows in any order or split them across workers,
 * merge, then read the KPIs.
 *
 * @category Value
 */
export interface ValueKpiAccumulator {
  /** Adds one order or transaction; `index` is its position, used in error paths (default: a running count). */
  add(row: ValueInput, index?: number): void;
  /** Adds every row of an iterable. */
  addAll(rows: Iterable<ValueInput>): void;
  /** Adds everything another accumulator with the same period and window has seen. */
  merge(other: ValueKpiAccumulator): void;
  /** The KPIs of what was added. */
  result(): ValueKpiReport;
  /** Rows read, kept and left out so far. */
  readonly skipped: TransactionSkipCounts;
}

interface KpiInternals {
  fromMs: number;
  toMs: number;
  windowDays: number;
  state: Map<string, CustomerKpiState>;
  totals: { orders: number; revenue: number };
}

const kpiInternals = new WeakMap<ValueKpiAccumulator, KpiInternals>();

/**
 * Creates a mergeable accumulator of the KPIs of a period (see {@link valueKpis}).
 *
 * @param options - The period, the activity window and the input rules.
 * @returns An empty accumulator.
 * @throws {JornadaError} `INVALID_OPTION` when `to` is not after `from` or the window is not positive;
 *   `add` throws `INVALID_INPUT` for a bad row unless `onInvalid: 'skip'`; `merge` throws `INVALID_OPTION`
 *   for an accumulator of another period.
 *
 * @example
 * ```ts
 * const options = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
 * const north = createValueKpiAccumulator(options);
 * const south = createValueKpiAccumulator(options);
 * north.add({ customerId: 'a', at: '2026-02-10T12:00:00Z', amount: 50 });
 * south.add({ customerId: 'a', at: '2026-02-20T12:00:00Z', amount: 30 });
 * north.merge(south);
 * north.result().repeatPurchaseRate; //=> 1
 * ```
 * @category Value
 */
export function createValueKpiAccumulator(options: ValueKpiOptions): ValueKpiAccumulator {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with from and to are required');
  const fromMs = instantOption(options.from, 'from');
  const toMs = instantOption(options.to, 'to');
  if (!(toMs > fromMs)) {
    throw new JornadaError('INVALID_OPTION', '`to` must be after `from`', { issues: [{ path: ['to'], message: 'must be after from' }] });
  }
  const windowDays = options.activeWindowDays ?? (toMs - fromMs) / MS_PER_DAY;
  if (typeof windowDays !== 'number' || !Number.isFinite(windowDays) || windowDays <= 0) {
    throw new JornadaError('INVALID_OPTION', `activeWindowDays must be a positive number, got ${shownValue(windowDays)}`, {
      issues: [{ path: ['activeWindowDays'], message: 'must be a positive number' }],
    });
  }
  const windowMs = windowDays * MS_PER_DAY;
  const reader = createRowReader(options, -Infinity, toMs - 1);
  const state = new Map<string, CustomerKpiState>();
  const totals = { orders: 0, revenue: 0 };
  const visit = (customerId: string, atMs: number, amount: number): void => {
    let s = state.get(customerId);
    if (s === undefined) {
      s = { firstMs: atMs, lastBeforeFromMs: -Infinity, lastBeforeToMs: -Infinity, ordersInPeriod: 0 };
      state.set(customerId, s);
    }
    if (atMs < s.firstMs) s.firstMs = atMs;
    if (atMs > s.lastBeforeToMs) s.lastBeforeToMs = atMs;
    if (atMs < fromMs) {
      if (atMs > s.lastBeforeFromMs) s.lastBeforeFromMs = atMs;
    } else {
      s.ordersInPeriod++;
      totals.orders++;
      totals.revenue += amount;
    }
  };
  const feed = createRowFeed(reader, visit);
  const acc: ValueKpiAccumulator = {
    add: feed.add,
    addAll: feed.addAll,
    merge(other) {
      const theirs = kpiInternals.get(other);
      if (theirs === undefined || theirs.fromMs !== fromMs || theirs.toMs !== toMs || theirs.windowDays !== windowDays) {
        throw new JornadaError('INVALID_OPTION', 'Can only merge a KPI accumulator of the same period and activity window');
      }
      for (const [customerId, o] of theirs.state) {
        const s = state.get(customerId);
        if (s === undefined) state.set(customerId, { ...o });
        else {
          s.firstMs = Math.min(s.firstMs, o.firstMs);
          s.lastBeforeFromMs = Math.max(s.lastBeforeFromMs, o.lastBeforeFromMs);
          s.lastBeforeToMs = Math.max(s.lastBeforeToMs, o.lastBeforeToMs);
          s.ordersInPeriod += o.ordersInPeriod;
        }
      }
      totals.orders += theirs.totals.orders;
      totals.revenue += theirs.totals.revenue;
      feed.mergeSkips(other.skipped);
    },
    result() {
      let customers = 0;
      let repeatCustomers = 0;
      let atStart = 0;
      let atEnd = 0;
      let newCustomers = 0;
      let retained = 0;
      for (const s of state.values()) {
        const bought = s.ordersInPeriod > 0;
        if (bought) customers++;
        if (s.ordersInPeriod >= 2) repeatCustomers++;
        const activeAtStart = s.lastBeforeFromMs >= fromMs - windowMs;
        if (activeAtStart) atStart++;
        if (s.lastBeforeToMs >= toMs - windowMs) atEnd++;
        if (s.firstMs >= fromMs) newCustomers++;
        if (activeAtStart && bought) retained++;
      }
      const { orders, revenue } = totals;
      return {
        from: new Date(fromMs),
        to: new Date(toMs),
        activeWindowDays: windowDays,
        orders,
        revenue,
        customers,
        averageOrderValue: orders === 0 ? NaN : revenue / orders,
        purchaseFrequency: customers === 0 ? NaN : orders / customers,
        repeatCustomers,
        repeatPurchaseRate: customers === 0 ? NaN : repeatCustomers / customers,
        customersAtStart: atStart,
        customersAtEnd: atEnd,
        newCustomers,
        retainedCustomers: retained,
        customerRetentionRate: atStart === 0 ? NaN : (atEnd - newCustomers) / atStart,
        churnRate: atStart === 0 ? NaN : (atStart - retained) / atStart,
        skipped: feed.skipped(),
      };
    },
    get skipped() {
      return feed.skipped();
    },
  };
  kpiInternals.set(acc, { fromMs, toMs, windowDays, state, totals });
  return acc;
}

/**
 * Options of {@link subscriptionRevenueRetention}.
 *
 * @category Value
 */
export interface RevenueRetentionOptions {
  /** Start of the period (instant). */
  from: Date | string;
  /** End of the period (instant), after `from`. */
  to: Date | string;
  /** Only subscriptions in this currency are read; when left out, all priced subscriptions must share one currency. */
  currency?: string;
}

/**
 * Gross and net revenue retention of subscriptions between two instants, in monthly recurring revenue.
 *
 * @category Value
 */
export interface RevenueRetention {
  /** Start of the period. */
  from: Date;
  /** End of the period. */
  to: Date;
  /** Customers with recurring revenue at `from`. */
  customersAtStart: number;
  /** Monthly recurring revenue at `from` (all customers). */
  startingMonthlyRevenue: number;
  /** Monthly recurring revenue at `to` of the customers who had some at `from`. */
  endingMonthlyRevenueOfStartingCustomers: number;
  /** Increases of those customers (upgrades, extra subscriptions). */
  expansion: number;
  /** Decreases of customers who still pay something at `to`. */
  contraction: number;
  /** Revenue of customers who pay nothing at `to`. */
  churned: number;
  /** GRR = (start − contraction − churned) / start; never above 1. */
  grossRevenueRetention: number;
  /** NRR = (start + expansion − contraction − churned) / start. */
  netRevenueRetention: number;
  /** Subscriptions without a price, left out. */
  withoutPrice: number;
  /** Subscriptions in another currency than `currency`, left out. */
  otherCurrency: number;
}

/** Average days in a month of the Gregorian calendar (365.2425 / 12). */
const DAYS_PER_MONTH = 365.2425 / 12;

function monthlyPrice(s: Subscription): number {
  const price = s.price as number;
  const count = s.period.count;
  switch (s.period.unit) {
    case 'day':
      return (price * DAYS_PER_MONTH) / count;
    case 'week':
      return (price * DAYS_PER_MONTH) / 7 / count;
    case 'month':
      return price / count;
    case 'year':
      return price / 12 / count;
  }
}

/**
 * Gross and net revenue retention (GRR, NRR) of subscriptions between `from` and `to`: the monthly
 * recurring revenue at `to` of the customers who paid at `from`, against what they paid at `from`.
 * A subscription pays while `startedAt ≤ t < cancelledAt`; prices are normalised to a month of
 * 365.2425 / 12 days. Pauses are not modelled (the model keeps no pause history).
 *
 * @param subscriptions - Subscriptions (the model's {@link Subscription}), any iterable.
 * @param options - The two instants and an optional currency.
 * @returns Starting revenue, expansion, contraction, churn, GRR and NRR (`NaN` when nothing paid at `from`).
 * @throws {JornadaError} `INVALID_OPTION` when `to` is not after `from`; `INVALID_INPUT` for a subscription
 *   with an invalid start, period or price, or for mixed currencies.
 *
 * @example
 * ```ts
 * const subs = [
 *   { id: 's1', customerId: 'a', plan: 'p', period: { unit: 'month', count: 1 }, price: 100, currency: 'BRL',
 *     startedAt: new Date('2025-01-01T00:00:00Z'), status: 'active' },
 *   { id: 's2', customerId: 'b', plan: 'p', period: { unit: 'month', count: 1 }, price: 100, currency: 'BRL',
 *     startedAt: new Date('2025-01-01T00:00:00Z'), cancelledAt: new Date('2025-06-01T00:00:00Z'), status: 'cancelled' },
 *   { id: 's3', customerId: 'a', plan: 'q', period: { unit: 'year', count: 1 }, price: 600, currency: 'BRL',
 *     startedAt: new Date('2025-03-01T00:00:00Z'), status: 'active' },
 * ] as const;
 * const r = subscriptionRevenueRetention(subs, { from: '2025-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
 * r.grossRevenueRetention; //=> 0.5
 * r.netRevenueRetention; //=> 0.75
 * ```
 * @category Value
 */
export function subscriptionRevenueRetention(subscriptions: Iterable<Subscription>, options: RevenueRetentionOptions): RevenueRetention {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with from and to are required');
  const fromMs = instantOption(options.from, 'from');
  const toMs = instantOption(options.to, 'to');
  if (!(toMs > fromMs)) {
    throw new JornadaError('INVALID_OPTION', '`to` must be after `from`', { issues: [{ path: ['to'], message: 'must be after from' }] });
  }
  const startRevenue = new Map<string, number>();
  const endRevenue = new Map<string, number>();
  let withoutPrice = 0;
  let otherCurrency = 0;
  let seenCurrency: string | undefined;
  const bad = (index: number, field: string, message: string): never => {
    throw new JornadaError('INVALID_INPUT', `Invalid subscription at ${index}.${field}: ${message}`, {
      issues: [{ path: [index, field], message }],
    });
  };
  forEachRow(subscriptions, (row, index) => {
    if (typeof row !== 'object' || row === null) bad(index, 'id', 'a subscription must be an object');
    const s = row as Subscription;
    if (!(s.startedAt instanceof Date) || Number.isNaN(s.startedAt.getTime())) bad(index, 'startedAt', 'must be a valid Date');
    if (s.cancelledAt !== undefined && (!(s.cancelledAt instanceof Date) || Number.isNaN(s.cancelledAt.getTime()))) {
      bad(index, 'cancelledAt', 'must be a valid Date');
    }
    if (typeof s.customerId !== 'string' || s.customerId.length === 0) bad(index, 'customerId', 'must be a non-empty string');
    if (s.price === undefined) {
      withoutPrice++;
      return;
    }
    if (typeof s.price !== 'number' || !Number.isFinite(s.price) || s.price < 0) bad(index, 'price', 'must be a finite number ≥ 0');
    const p = s.period as Subscription['period'] | undefined;
    if (
      typeof p !== 'object' ||
      p === null ||
      !['day', 'week', 'month', 'year'].includes(p.unit) ||
      !Number.isInteger(p.count) ||
      p.count <= 0
    ) {
      bad(index, 'period', 'must be { unit: day|week|month|year, count: positive integer }');
    }
    if (s.currency !== undefined) {
      if (options.currency !== undefined) {
        if (s.currency !== options.currency) {
          otherCurrency++;
          return;
        }
      } else if (seenCurrency === undefined) seenCurrency = s.currency;
      else if (s.currency !== seenCurrency) bad(index, 'currency', `mixed currencies ${seenCurrency} and ${s.currency}; pass the currency option`);
    }
    const monthly = monthlyPrice(s);
    const start = s.startedAt.getTime();
    const end = s.cancelledAt === undefined ? Infinity : s.cancelledAt.getTime();
    if (start <= fromMs && fromMs < end) startRevenue.set(s.customerId, (startRevenue.get(s.customerId) ?? 0) + monthly);
    if (start <= toMs && toMs < end) endRevenue.set(s.customerId, (endRevenue.get(s.customerId) ?? 0) + monthly);
  });
  let starting = 0;
  let ending = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  for (const [customerId, before] of startRevenue) {
    const after = endRevenue.get(customerId) ?? 0;
    starting += before;
    ending += after;
    if (after === 0) churned += before;
    else if (after < before) contraction += before - after;
    else expansion += after - before;
  }
  return {
    from: new Date(fromMs),
    to: new Date(toMs),
    customersAtStart: startRevenue.size,
    startingMonthlyRevenue: starting,
    endingMonthlyRevenueOfStartingCustomers: ending,
    expansion,
    contraction,
    churned,
    grossRevenueRetention: starting === 0 ? NaN : (starting - contraction - churned) / starting,
    netRevenueRetention: starting === 0 ? NaN : (starting + expansion - contraction - churned) / starting,
    withoutPrice,
    otherCurrency,
  };
}
