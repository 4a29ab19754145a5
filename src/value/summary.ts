/**
 * Per-customer transaction summaries: first and last purchase, the BTYD triple (frequency, recency,
 * T), monetary value, totals, and days since the last purchase — as objects or as typed-array columns.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import {
  createRowFeed,
  createRowReader,
  instantOption,
  type RowReader,
  type TransactionInputOptions,
  type TransactionSkipCounts,
  type ValueInput,
  shownValue,
} from './transactions.js';
import { checkTimeZone, createLocalDayIndexer } from './local-days.js';

/**
 * The time unit of recency and T: `'days'` or `'weeks'` (7 days). Always chosen by the caller, never
 * implied.
 *
 * @category Value
 */
export type ValueTimeUnit = 'days' | 'weeks';

/**
 * Options of {@link summarizeTransactions} and its columnar and accumulator forms.
 *
 * @category Value
 */
export interface TransactionSummaryOptions extends TransactionInputOptions {
  /**
   * End of observation (an instant). Rows placed after it are left out (counted as `outsideWindow`);
   * T runs to the local calendar day that contains it.
   */
  asOf: Date | string;
  /** Unit of `recency` and `T`: `'days'` or `'weeks'` (= days / 7). Required. */
  unit: ValueTimeUnit;
  /** IANA time zone whose calendar days merge purchases and measure time; default `'UTC'`. */
  timeZone?: string;
}

/**
 * One customer's transaction summary as of a date.
 *
 * Purchases on the same local calendar day are first merged into one purchase period (the BTYD
 * convention, as in the `lifetimes` package with daily periods); `frequency`, `recency`, `T` and
 * `monetaryValue` count periods, while `purchases`, `totalSpend` and `meanSpend` count orders.
 *
 * @example
 * ```ts
 * // bought on 2015-02-01 and 2015-02-06, observed to 2015-02-07, in days:
 * // { frequency: 1, recency: 5, T: 6, purchases: 2, daysSinceLastPurchase: 1, … }
 * ```
 * @category Value
 */
export interface TransactionSummary {
  /** The customer. */
  customerId: string;
  /** Instant of the first purchase. */
  firstPurchaseAt: Date;
  /** Instant of the last purchase up to `asOf`. */
  lastPurchaseAt: Date;
  /** Orders counted (not merged by day). */
  purchases: number;
  /** x: repeat purchase periods, i.e. distinct purchase days minus one. */
  frequency: number;
  /** t_x: time from the first to the last purchase day, in `unit`. */
  recency: number;
  /** Time from the first purchase day to the day of `asOf`, in `unit`. */
  T: number;
  /** The unit of `recency` and `T`. */
  unit: ValueTimeUnit;
  /** Mean spend of the repeat purchase periods (first day left out; days merged by summing); 0 when `frequency` is 0. */
  monetaryValue: number;
  /** Sum of all purchases. */
  totalSpend: number;
  /** `totalSpend / purchases`: mean spend per order, first purchase included. */
  meanSpend: number;
  /** Whole local days from the last purchase day to the day of `asOf` (the RFM recency). */
  daysSinceLastPurchase: number;
}

/**
 * The summaries of every customer seen, with what was left out.
 *
 * @category Value
 */
export interface TransactionSummaries {
  /** The unit of `recency` and `T`. */
  unit: ValueTimeUnit;
  /** End of observation. */
  asOf: Date;
  /** Time zone of the calendar days. */
  timeZone: string;
  /** One summary per customer with at least one kept purchase, in order of first appearance in the input. */
  customers: TransactionSummary[];
  /** Rows read, kept and left out, by reason. */
  skipped: TransactionSkipCounts;
}

/**
 * The same summaries as {@link TransactionSummaries}, as typed-array columns (one entry per customer,
 * same index in every column): compact enough for millions of customers.
 *
 * @category Value
 */
export interface TransactionSummaryColumns {
  /** The unit of `recency` and `T`. */
  unit: ValueTimeUnit;
  /** End of observation. */
  asOf: Date;
  /** Time zone of the calendar days. */
  timeZone: string;
  /** Number of customers (length of every column). */
  size: number;
  /** Customer ids, in order of first appearance. */
  customerIds: string[];
  /** First purchase, epoch milliseconds. */
  firstPurchaseMs: Float64Array;
  /** Last purchase, epoch milliseconds. */
  lastPurchaseMs: Float64Array;
  /** Orders counted. */
  purchases: Uint32Array;
  /** x, repeat purchase periods. */
  frequency: Uint32Array;
  /** t_x, in `unit`. */
  recency: Float64Array;
  /** T, in `unit`. */
  T: Float64Array;
  /** Mean spend of repeat purchase periods (0 when x = 0). */
  monetaryValue: Float64Array;
  /** Sum of all purchases. */
  totalSpend: Float64Array;
  /** Mean spend per order. */
  meanSpend: Float64Array;
  /** Whole days since the last purchase day. */
  daysSinceLastPurchase: Int32Array;
  /** Rows read, kept and left out, by reason. */
  skipped: TransactionSkipCounts;
}

/**
 * A mergeable accumulator of transaction summaries: feed rows in any order (or split them across
 * workers and merge), then read the result once or many times.
 *
 * @category Value
 */
export interface TransactionSummaryAccumulator {
  /** Adds one order or transaction; `index` is its position, used in error paths (default: a running count). */
  add(row: ValueInput, index?: number): void;
  /** Adds every row of an iterable. */
  addAll(rows: Iterable<ValueInput>): void;
  /** Adds everything another accumulator (with the same `asOf`, `unit` and `timeZone`) has seen. */
  merge(other: TransactionSummaryAccumulator): void;
  /** The summaries as objects. */
  result(): TransactionSummaries;
  /** The summaries as typed-array columns. */
  resultColumns(): TransactionSummaryColumns;
  /** Rows read, kept and left out so far. */
  readonly skipped: TransactionSkipCounts;
}

const INITIAL_CAPACITY = 1024;
const store = new WeakMap<TransactionSummaryAccumulator, RowStore>();

/** @internal Growable columnar storage of accepted rows. */
export class RowStore {
  ids: string[] = [];
  idIndex = new Map<string, number>();
  customer = new Int32Array(INITIAL_CAPACITY);
  ms = new Float64Array(INITIAL_CAPACITY);
  day = new Int32Array(INITIAL_CAPACITY);
  amount = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  push(customerId: string, atMs: number, day: number, amount: number): void {
    let c = this.idIndex.get(customerId);
    if (c === undefined) {
      c = this.ids.length;
      this.ids.push(customerId);
      this.idIndex.set(customerId, c);
    }
    if (this.length === this.ms.length) this.grow();
    const i = this.length++;
    this.customer[i] = c;
    this.ms[i] = atMs;
    this.day[i] = day;
    this.amount[i] = amount;
  }

  private grow(): void {
    const size = this.ms.length * 2;
    const customer = new Int32Array(size);
    customer.set(this.customer);
    this.customer = customer;
    const ms = new Float64Array(size);
    ms.set(this.ms);
    this.ms = ms;
    const day = new Int32Array(size);
    day.set(this.day);
    this.day = day;
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.amount = amount;
  }
}

/** @internal Validated summary settings. */
export interface SummarySettings {
  asOfMs: number;
  asOfDay: number;
  unit: ValueTimeUnit;
  timeZone: string;
}

/**
 * @internal Returns `unit` if it is `'days'` or `'weeks'`, else throws `INVALID_OPTION` (path `['unit']`).
 * @param unit - The option's value.
 */
export function checkValueTimeUnit(unit: unknown): ValueTimeUnit {
  if (unit !== 'days' && unit !== 'weeks') {
    throw new JornadaError('INVALID_OPTION', `unit must be 'days' or 'weeks', got ${shownValue(unit)}`, {
      issues: [{ path: ['unit'], message: "must be 'days' or 'weeks'", code: 'invalid_unit' }],
    });
  }
  return unit;
}

/**
 * @internal Validates the summary options.
 * @param options - The summary options.
 */
export function summarySettings(options: TransactionSummaryOptions): SummarySettings & { dayOf: (ms: number) => number } {
  if (typeof options !== 'object' || options === null) {
    throw new JornadaError('INVALID_OPTION', 'Options with asOf and unit are required');
  }
  const unit = checkValueTimeUnit(options.unit);
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC');
  const asOfMs = instantOption(options.asOf, 'asOf');
  const dayOf = createLocalDayIndexer(timeZone);
  return { asOfMs, asOfDay: dayOf(asOfMs), unit, timeZone, dayOf };
}

/**
 * Creates a mergeable accumulator of transaction summaries.
 *
 * @param options - `asOf`, `unit`, optional `timeZone` and the input rules ({@link TransactionInputOptions}).
 * @returns An empty accumulator.
 * @throws {JornadaError} `INVALID_OPTION` for a missing unit, an invalid `asOf` or an unknown time zone;
 *   `add` throws `INVALID_INPUT` for a bad row unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const acc = createTransactionSummaryAccumulator({ asOf: '2015-02-07T00:00:00Z', unit: 'days' });
 * acc.add({ customerId: 'a', at: '2015-02-01T10:00:00Z', amount: 10 });
 * acc.add({ customerId: 'a', at: '2015-02-06T10:00:00Z', amount: 30 });
 * acc.result().customers[0]?.monetaryValue; //=> 30
 * ```
 * @category Value
 */
export function createTransactionSummaryAccumulator(options: TransactionSummaryOptions): TransactionSummaryAccumulator {
  const settings = summarySettings(options);
  const reader: RowReader = createRowReader(options, -Infinity, settings.asOfMs);
  const rows = new RowStore();
  const { dayOf } = settings;
  const visit = (customerId: string, atMs: number, amount: number): void => rows.push(customerId, atMs, dayOf(atMs), amount);
  const feed = createRowFeed(reader, visit);
  const acc: TransactionSummaryAccumulator = {
    add: feed.add,
    addAll: feed.addAll,
    merge(other) {
      const theirs = store.get(other);
      const otherSettings = settingsOf.get(other);
      if (theirs === undefined || otherSettings === undefined) {
        throw new JornadaError('INVALID_OPTION', 'Can only merge an accumulator made by createTransactionSummaryAccumulator');
      }
      if (otherSettings.asOfMs !== settings.asOfMs || otherSettings.unit !== settings.unit || otherSettings.timeZone !== settings.timeZone) {
        throw new JornadaError('INVALID_OPTION', 'Cannot merge summary accumulators with different asOf, unit or timeZone');
      }
      for (let i = 0; i < theirs.length; i++) {
        rows.push(theirs.ids[theirs.customer[i] as number] as string, theirs.ms[i] as number, theirs.day[i] as number, theirs.amount[i] as number);
      }
      feed.mergeSkips(other.skipped);
    },
    result() {
      return columnsToSummaries(computeColumns(rows, settings, feed.skipped()));
    },
    resultColumns() {
      return computeColumns(rows, settings, feed.skipped());
    },
    get skipped() {
      return feed.skipped();
    },
  };
  store.set(acc, rows);
  settingsOf.set(acc, settings);
  return acc;
}

const settingsOf = new WeakMap<TransactionSummaryAccumulator, SummarySettings>();

/** Sorts `perm[from..to)` by `ms` ascending (insertion sort for short runs, else a comparator sort). */
function sortRunByTime(perm: Uint32Array, from: number, to: number, ms: Float64Array): void {
  const n = to - from;
  if (n < 2) return;
  if (n <= 24) {
    for (let i = from + 1; i < to; i++) {
      const v = perm[i] as number;
      const t = ms[v] as number;
      let j = i - 1;
      while (j >= from && (ms[perm[j] as number] as number) > t) {
        perm[j + 1] = perm[j] as number;
        j--;
      }
      perm[j + 1] = v;
    }
    return;
  }
  perm.subarray(from, to).sort((a, b) => (ms[a] as number) - (ms[b] as number) || a - b);
}

/**
 * @internal Groups stored rows by customer (counting sort) with each customer's run sorted by time:
 * rows of customer c are `perm[start[c]..start[c + 1])`.
 * @param rows - The accepted rows.
 */
export function groupRowsByCustomer(rows: RowStore): { start: Uint32Array; perm: Uint32Array } {
  const size = rows.ids.length;
  const n = rows.length;
  const { customer, ms } = rows;
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < n; i++) {
    const slot = (customer[i] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let c = 0; c < size; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, size);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = customer[i] as number;
    perm[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  for (let c = 0; c < size; c++) sortRunByTime(perm, start[c] as number, start[c + 1] as number, ms);
  return { start, perm };
}

/**
 * @internal Computes the summary columns of stored rows.
 * @param rows - The accepted rows.
 * @param settings - asOf, unit and zone.
 * @param skipped - The counts to attach.
 */
export function computeColumns(rows: RowStore, settings: SummarySettings, skipped: TransactionSkipCounts): TransactionSummaryColumns {
  const size = rows.ids.length;
  const { ms, day, amount } = rows;
  const { start, perm } = groupRowsByCustomer(rows);
  const divisor = settings.unit === 'weeks' ? 7 : 1;
  const cols: TransactionSummaryColumns = {
    unit: settings.unit,
    asOf: new Date(settings.asOfMs),
    timeZone: settings.timeZone,
    size,
    customerIds: rows.ids.slice(),
    firstPurchaseMs: new Float64Array(size),
    lastPurchaseMs: new Float64Array(size),
    purchases: new Uint32Array(size),
    frequency: new Uint32Array(size),
    recency: new Float64Array(size),
    T: new Float64Array(size),
    monetaryValue: new Float64Array(size),
    totalSpend: new Float64Array(size),
    meanSpend: new Float64Array(size),
    daysSinceLastPurchase: new Int32Array(size),
    skipped,
  };
  for (let c = 0; c < size; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    const first = perm[from] as number;
    const last = perm[to - 1] as number;
    const firstDay = day[first] as number;
    const lastDay = day[last] as number;
    let periods = 1;
    let total = 0;
    let firstDaySpend = 0;
    let prevDay = firstDay;
    for (let k = from; k < to; k++) {
      const r = perm[k] as number;
      const d = day[r] as number;
      const a = amount[r] as number;
      total += a;
      if (d === firstDay) firstDaySpend += a;
      else if (d !== prevDay) periods++;
      prevDay = d;
    }
    const x = periods - 1;
    const count = to - from;
    cols.firstPurchaseMs[c] = ms[first] as number;
    cols.lastPurchaseMs[c] = ms[last] as number;
    cols.purchases[c] = count;
    cols.frequency[c] = x;
    cols.recency[c] = (lastDay - firstDay) / divisor;
    cols.T[c] = (settings.asOfDay - firstDay) / divisor;
    cols.monetaryValue[c] = x === 0 ? 0 : (total - firstDaySpend) / x;
    cols.totalSpend[c] = total;
    cols.meanSpend[c] = total / count;
    cols.daysSinceLastPurchase[c] = settings.asOfDay - lastDay;
  }
  return cols;
}

/**
 * The summary of one customer of a columnar result, as an object.
 *
 * @param columns - A columnar result.
 * @param index - Position of the customer, 0 ≤ index < `columns.size`.
 * @returns The customer's summary.
 * @throws {JornadaError} `INVALID_OPTION` when `index` is out of range.
 *
 * @example
 * ```ts
 * const cols = summarizeTransactionsColumnar(
 *   [{ customerId: 'a', at: '2015-01-01T12:00:00Z', amount: 10 }], { asOf: '2015-02-07T00:00:00Z', unit: 'days' });
 * transactionSummaryAt(cols, 0).T; //=> 37
 * ```
 * @category Value
 */
export function transactionSummaryAt(columns: TransactionSummaryColumns, index: number): TransactionSummary {
  if (!Number.isInteger(index) || index < 0 || index >= columns.size) {
    throw new JornadaError('INVALID_OPTION', `index must be an integer in 0..${columns.size - 1}, got ${index}`);
  }
  return {
    customerId: columns.customerIds[index] as string,
    firstPurchaseAt: new Date(columns.firstPurchaseMs[index] as number),
    lastPurchaseAt: new Date(columns.lastPurchaseMs[index] as number),
    purchases: columns.purchases[index] as number,
    frequency: columns.frequency[index] as number,
    recency: columns.recency[index] as number,
    T: columns.T[index] as number,
    unit: columns.unit,
    monetaryValue: columns.monetaryValue[index] as number,
    totalSpend: columns.totalSpend[index] as number,
    meanSpend: columns.meanSpend[index] as number,
    daysSinceLastPurchase: columns.daysSinceLastPurchase[index] as number,
  };
}

/**
 * @internal Turns columns into objects.
 * @param cols - The columns.
 */
export function columnsToSummaries(cols: TransactionSummaryColumns): TransactionSummaries {
  const customers: TransactionSummary[] = new Array<TransactionSummary>(cols.size);
  for (let i = 0; i < cols.size; i++) customers[i] = transactionSummaryAt(cols, i);
  return { unit: cols.unit, asOf: cols.asOf, timeZone: cols.timeZone, customers, skipped: cols.skipped };
}

/**
 * Summarises each customer's purchases as of a date: first and last purchase, the BTYD triple
 * (`frequency` x, `recency` t_x, `T`) in the unit you choose, monetary value (mean of repeat purchase
 * periods), total and mean spend, and days since the last purchase.
 *
 * Purchases on the same local calendar day (in `timeZone`) are merged first; `recency` and `T` are
 * whole days between calendar days, divided by 7 for weeks — the convention of the `lifetimes`
 * package with daily periods and of the CDNOW summaries of Fader, Hardie & Lee (2005).
 * Cancelled and refunded orders are left out by default; rows after `asOf` are left out and counted.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - `asOf`, `unit`, optional `timeZone` and the input rules.
 * @returns One summary per customer and the counts of rows left out.
 * @throws {JornadaError} `INVALID_OPTION` for a bad option; `INVALID_INPUT` (with the row's path) for a
 *   bad row — negative amount, invalid date, empty or unknown customer id — unless `onInvalid: 'skip'`,
 *   and for mixed currencies.
 *
 * @example
 * ```ts
 * const s = summarizeTransactions([
 *   { customerId: '1', at: '2015-02-01T00:00:00Z', amount: 10 },
 *   { customerId: '1', at: '2015-02-06T00:00:00Z', amount: 20 },
 * ], { asOf: '2015-02-07T00:00:00Z', unit: 'days' });
 * const { frequency, recency, T } = s.customers[0]!; //=> frequency 1, recency 5, T 6
 * ```
 * @category Value
 */
export function summarizeTransactions(input: Iterable<ValueInput>, options: TransactionSummaryOptions): TransactionSummaries {
  const acc = createTransactionSummaryAccumulator(options);
  acc.addAll(input);
  return acc.result();
}

/**
 * Like {@link summarizeTransactions}, with the result as typed-array columns (no object per customer):
 * for millions of customers. Read one row as an object with {@link transactionSummaryAt}.
 *
 * @param input - Orders or light transactions, any iterable (a generator avoids holding the input).
 * @param options - `asOf`, `unit`, optional `timeZone` and the input rules.
 * @returns The columns and the counts of rows left out.
 * @throws {JornadaError} As {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * const cols = summarizeTransactionsColumnar([
 *   { customerId: '3', at: '2015-01-01T00:00:00Z', amount: 5 },
 *   { customerId: '3', at: '2015-01-02T00:00:00Z', amount: 5 },
 *   { customerId: '3', at: '2015-01-05T00:00:00Z', amount: 5 },
 * ], { asOf: '2015-02-07T00:00:00Z', unit: 'days' });
 * [cols.frequency[0], cols.recency[0], cols.T[0]]; //=> [2, 4, 37]
 * ```
 * @category Value
 */
export function summarizeTransactionsColumnar(
  input: Iterable<ValueInput>,
  options: TransactionSummaryOptions,
): TransactionSummaryColumns {
  const acc = createTransactionSummaryAccumulator(options);
  acc.addAll(input);
  return acc.resultColumns();
}
