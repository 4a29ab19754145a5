/**
 * Inter-purchase intervals and each customer's expected next purchase date (replenishment): pet food,
 * litter and medicine are bought on a rhythm, and the calendar and cadence modules plan around it.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import { checkTimeZone, createLocalDayIndexer } from './local-days.js';
import { groupRowsByCustomer, RowStore } from './summary.js';
import { createRowReader, forEachRow, instantOption, type TransactionInputOptions, type TransactionSkipCounts, type ValueInput, shownValue } from './transactions.js';

/**
 * Options of {@link interPurchaseIntervals}.
 *
 * @category Value
 */
export interface InterPurchaseOptions extends TransactionInputOptions {
  /** End of observation (instant); rows after it are left out. */
  asOf: Date | string;
  /** IANA time zone whose calendar days merge purchases; default `'UTC'`. */
  timeZone?: string;
  /**
   * Only rows in this ISO 4217 currency are read (the others are skipped and counted). When left out,
   * rows in any currency are read: intervals use purchase times only, so mixed currencies are no error
   * here.
   */
  currency?: string;
}

/**
 * One customer's intervals between purchase days.
 *
 * @category Value
 */
export interface CustomerPurchaseIntervals {
  /** The customer. */
  customerId: string;
  /** Instant of the last purchase. */
  lastPurchaseAt: Date;
  /** Distinct local days with a purchase. */
  purchaseDays: number;
  /** Whole days between consecutive purchase days, in order (empty for a single purchase day). */
  intervalsDays: number[];
  /** Mean interval in days (`NaN` without intervals). */
  meanDays: number;
  /** Median interval in days (`NaN` without intervals). */
  medianDays: number;
  /** Sample standard deviation of the intervals in days (`NaN` with fewer than two). */
  standardDeviationDays: number;
}

/**
 * Result of {@link interPurchaseIntervals}.
 *
 * @category Value
 */
export interface InterPurchaseIntervalsResult {
  /** End of observation. */
  asOf: Date;
  /** Time zone of the calendar days. */
  timeZone: string;
  /** One entry per customer with a kept purchase, in order of first appearance. */
  customers: CustomerPurchaseIntervals[];
  /** Rows read, kept and left out. */
  skipped: TransactionSkipCounts;
}

/** Type-7 quantile (linear interpolation, R's default) of sorted values. */
function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Each customer's intervals between consecutive purchase days (purchases on the same local day
 * merged), with mean, median and standard deviation.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - `asOf`, optional `timeZone` and the input rules.
 * @returns One entry per customer.
 * @throws {JornadaError} `INVALID_OPTION` for a bad `asOf` or time zone; `INVALID_INPUT` for bad rows unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const r = interPurchaseIntervals([
 *   { customerId: 'a', at: '2026-01-01T12:00:00Z', amount: 90 },
 *   { customerId: 'a', at: '2026-01-31T12:00:00Z', amount: 90 },
 *   { customerId: 'a', at: '2026-03-02T12:00:00Z', amount: 90 },
 * ], { asOf: '2026-03-10T00:00:00Z' });
 * r.customers[0]?.intervalsDays; //=> [30, 30]
 * ```
 * @category Value
 */
export function interPurchaseIntervals(input: Iterable<ValueInput>, options: InterPurchaseOptions): InterPurchaseIntervalsResult {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with asOf are required');
  const asOfMs = instantOption(options.asOf, 'asOf');
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC');
  const dayOf = createLocalDayIndexer(timeZone);
  const reader = createRowReader(options, -Infinity, asOfMs, false);
  const rows = new RowStore();
  forEachRow(input, (row, index) => reader.read(row, index, (customerId, atMs, amount) => rows.push(customerId, atMs, dayOf(atMs), amount)));
  const { start, perm } = groupRowsByCustomer(rows);
  const customers: CustomerPurchaseIntervals[] = [];
  for (let c = 0; c < rows.ids.length; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    const intervals: number[] = [];
    let prev = rows.day[perm[from] as number] as number;
    let days = 1;
    for (let k = from + 1; k < to; k++) {
      const d = rows.day[perm[k] as number] as number;
      if (d !== prev) {
        intervals.push(d - prev);
        days++;
        prev = d;
      }
    }
    const m = intervals.length;
    const mean = m === 0 ? NaN : intervals.reduce((s, v) => s + v, 0) / m;
    let ss = 0;
    for (const v of intervals) ss += (v - mean) * (v - mean);
    const sorted = [...intervals].sort((a, b) => a - b);
    customers.push({
      customerId: rows.ids[c] as string,
      lastPurchaseAt: new Date(rows.ms[perm[to - 1] as number] as number),
      purchaseDays: days,
      intervalsDays: intervals,
      meanDays: mean,
      medianDays: quantileSorted(sorted, 0.5),
      standardDeviationDays: m < 2 ? NaN : Math.sqrt(ss / (m - 1)),
    });
  }
  return { asOf: new Date(asOfMs), timeZone, customers, skipped: { ...reader.counts } };
}

/**
 * Options of {@link expectedNextPurchase}.
 *
 * @category Value
 */
export interface ExpectedNextPurchaseOptions extends InterPurchaseOptions {
  /** Fewest intervals a customer needs to get a forecast; default 2 (one interval is no rhythm). */
  minIntervals?: number;
}

/**
 * Where a customer stands against their rhythm at `asOf`.
 *
 * - `upcoming` — `asOf` is before the window opens (`earliestAt`);
 * - `due` — `asOf` is within the window;
 * - `overdue` — `asOf` is past the window's end (`latestAt`).
 *
 * @category Value
 */
export type ReplenishmentStatus = 'upcoming' | 'due' | 'overdue';

/**
 * A customer's expected next purchase.
 *
 * @category Value
 */
export interface NextPurchaseForecast {
  /** The customer. */
  customerId: string;
  /** Instant of the last purchase. */
  lastPurchaseAt: Date;
  /** Intervals the forecast rests on. */
  intervals: number;
  /** Median interval in days: the customer's typical rhythm. */
  typicalIntervalDays: number;
  /** Lower quartile of the intervals in days. */
  lowerIntervalDays: number;
  /** Upper quartile of the intervals in days. */
  upperIntervalDays: number;
  /** Last purchase + median interval. */
  expectedAt: Date;
  /** Last purchase + lower quartile: the window opens. */
  earliestAt: Date;
  /** Last purchase + upper quartile: the window closes. */
  latestAt: Date;
  /** Status at `asOf`. */
  status: ReplenishmentStatus;
  /** Whole days from `latestAt` to `asOf` when overdue, else 0. */
  daysOverdue: number;
}

/**
 * Each customer's expected next purchase from their own rhythm: the last purchase plus the median of
 * their inter-purchase intervals, with a spread from the lower to the upper quartile (type-7
 * quantiles). Medians and quartiles resist the odd long gap (a holiday, a stock-up). Customers with
 * fewer than `minIntervals` intervals get no forecast.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - `asOf`, optional `timeZone`, `minIntervals` and the input rules.
 * @returns One forecast per customer with enough history, in order of first appearance.
 * @throws {JornadaError} `INVALID_OPTION` for a bad `asOf`, time zone or `minIntervals`; `INVALID_INPUT`
 *   for bad rows unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const [next] = expectedNextPurchase([
 *   { customerId: 'a', at: '2026-01-01T12:00:00Z', amount: 90 },
 *   { customerId: 'a', at: '2026-01-29T12:00:00Z', amount: 90 },
 *   { customerId: 'a', at: '2026-02-28T12:00:00Z', amount: 90 },
 *   { customerId: 'a', at: '2026-03-30T12:00:00Z', amount: 90 },
 * ], { asOf: '2026-04-10T00:00:00Z' });
 * next?.typicalIntervalDays; //=> 30
 * next?.expectedAt.toISOString(); //=> '2026-04-29T12:00:00.000Z'
 * next?.status; //=> 'upcoming'
 * ```
 * @category Value
 */
export function expectedNextPurchase(input: Iterable<ValueInput>, options: ExpectedNextPurchaseOptions): NextPurchaseForecast[] {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with asOf are required');
  const minIntervals = options.minIntervals ?? 2;
  if (!Number.isInteger(minIntervals) || minIntervals < 1) {
    throw new JornadaError('INVALID_OPTION', `minIntervals must be a positive integer, got ${shownValue(minIntervals)}`, {
      issues: [{ path: ['minIntervals'], message: 'must be a positive integer' }],
    });
  }
  const all = interPurchaseIntervals(input, options);
  const asOfMs = all.asOf.getTime();
  const out: NextPurchaseForecast[] = [];
  for (const c of all.customers) {
    if (c.intervalsDays.length < minIntervals) continue;
    const sorted = [...c.intervalsDays].sort((a, b) => a - b);
    const typical = quantileSorted(sorted, 0.5);
    const lower = quantileSorted(sorted, 0.25);
    const upper = quantileSorted(sorted, 0.75);
    const last = c.lastPurchaseAt.getTime();
    const earliest = last + lower * MS_PER_DAY;
    const latest = last + upper * MS_PER_DAY;
    const status: ReplenishmentStatus = asOfMs < earliest ? 'upcoming' : asOfMs <= latest ? 'due' : 'overdue';
    out.push({
      customerId: c.customerId,
      lastPurchaseAt: c.lastPurchaseAt,
      intervals: c.intervalsDays.length,
      typicalIntervalDays: typical,
      lowerIntervalDays: lower,
      upperIntervalDays: upper,
      expectedAt: new Date(last + typical * MS_PER_DAY),
      earliestAt: new Date(earliest),
      latestAt: new Date(latest),
      status,
      daysOverdue: status === 'overdue' ? Math.floor((asOfMs - latest) / MS_PER_DAY) : 0,
    });
  }
  return out;
}
