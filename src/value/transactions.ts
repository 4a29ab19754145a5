/**
 * What the value analytics read: orders of the model or light `{ customerId, at, amount }`
 * transactions, with the rules for excluding and rejecting them.
 *
 * @module
 */
import { JornadaError, type JornadaIssue } from '../core/errors.js';
import type { Order, OrderStatus } from '../model/order.js';
import { showValue } from '../core/show-value.js';

/**
 * A light transaction: who bought, when and for how much. Use it when the data do not come as
 * {@link Order}s (a warehouse export, a CSV of invoices).
 *
 * @example
 * ```ts
 * const t: ValueTransaction = { customerId: 'c-1', at: new Date('2026-05-08T13:00:00Z'), amount: 189.9 };
 * ```
 * @category Value
 */
export interface ValueTransaction {
  /** The customer who bought. */
  customerId: string;
  /** When: a `Date`, or an ISO-8601 date-time string with offset or `Z`. */
  at: Date | string;
  /** Amount paid, ≥ 0, in the currency's major unit. */
  amount: number;
  /** Status, when known; transactions with an excluded status are left out like orders. */
  status?: OrderStatus;
  /** ISO 4217 currency, when known; checked like an order's `currency`. */
  currency?: string;
}

/**
 * One input row of the value analytics: an {@link Order} (read through `customerId`, `placedAt`,
 * `total`, `status` and `currency`) or a {@link ValueTransaction}.
 *
 * @category Value
 */
export type ValueInput = Order | ValueTransaction;

/**
 * What to do with a row that cannot be read: throw a `JornadaError` (`'throw'`, the default) or leave
 * it out and count it in {@link TransactionSkipCounts} (`'skip'`).
 *
 * @category Value
 */
export type InvalidRowPolicy = 'throw' | 'skip';

/**
 * Options shared by every function that reads orders or transactions.
 *
 * @category Value
 */
export interface TransactionInputOptions {
  /** Statuses left out of the analytics; default `['cancelled', 'refunded']`. Rows without a status are kept. */
  excludeStatuses?: readonly OrderStatus[];
  /**
   * The known customers. When given, a row of any other customer is bad input (unknown customer);
   * when left out, every customer id is accepted.
   */
  customerIds?: Iterable<string>;
  /**
   * Only rows in this ISO 4217 currency are read; the others are skipped and counted. When left out,
   * every row that carries a currency must carry the same one, or `INVALID_INPUT` is thrown (sums of
   * mixed currencies would be silently wrong).
   */
  currency?: string;
  /** What to do with bad rows (negative or non-finite amount, invalid date, empty or unknown customer id); default `'throw'`. */
  onInvalid?: InvalidRowPolicy;
}

/**
 * How many input rows were left out, and why. Rows with an excluded status, in another currency or
 * outside the window are expected; the `invalid…` and `unknownCustomer` counts are bad rows skipped
 * under `onInvalid: 'skip'`.
 *
 * @category Value
 */
export interface TransactionSkipCounts {
  /** Rows read in all, kept or not. */
  read: number;
  /** Rows kept and counted. */
  kept: number;
  /** Rows whose status is excluded (cancelled and refunded by default). */
  excludedStatus: number;
  /** Rows in a currency other than the `currency` option. */
  otherCurrency: number;
  /** Rows dated outside the observation window (after `asOf`, or outside a requested period). */
  outsideWindow: number;
  /** Bad rows: the date is missing or not a valid instant. */
  invalidDate: number;
  /** Bad rows: the amount is negative, `NaN`, infinite or not a number. */
  invalidAmount: number;
  /** Bad rows: the customer id is missing or empty. */
  invalidCustomerId: number;
  /** Bad rows: the customer is not among the `customerIds` given. */
  unknownCustomer: number;
}

/** @internal A fresh set of zero counts. */
export function emptySkipCounts(): TransactionSkipCounts {
  return {
    read: 0,
    kept: 0,
    excludedStatus: 0,
    otherCurrency: 0,
    outsideWindow: 0,
    invalidDate: 0,
    invalidAmount: 0,
    invalidCustomerId: 0,
    unknownCustomer: 0,
  };
}

/**
 * @internal Adds the counts of `b` into `a`.
 * @param a - Counts to add to.
 * @param b - Counts added.
 */
export function addSkipCounts(a: TransactionSkipCounts, b: TransactionSkipCounts): void {
  a.read += b.read;
  a.kept += b.kept;
  a.excludedStatus += b.excludedStatus;
  a.otherCurrency += b.otherCurrency;
  a.outsideWindow += b.outsideWindow;
  a.invalidDate += b.invalidDate;
  a.invalidAmount += b.invalidAmount;
  a.invalidCustomerId += b.invalidCustomerId;
  a.unknownCustomer += b.unknownCustomer;
}

const DEFAULT_EXCLUDED: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** @internal Receives one accepted row. */
export type RowVisitor = (customerId: string, atMs: number, amount: number) => void;

/**
 * @internal A compiled reader of input rows: checks each row, counts the ones left out, and hands the
 * accepted ones to a visitor. `window` bounds are inclusive instants in ms (`-Infinity`/`Infinity`).
 */
export interface RowReader {
  /** Reads one row at position `index` (for error paths). */
  read(row: unknown, index: number, visit: RowVisitor): void;
  /** The counts so far. */
  readonly counts: TransactionSkipCounts;
}

/**
 * @internal Validates the input options and returns a reader of rows.
 * @param options - The input rules.
 * @param windowStartMs - Earliest instant kept (inclusive).
 * @param windowEndMs - Latest instant kept (inclusive).
 * @param amountsUsed - Whether the caller sums or averages amounts; when not (purchase times only), rows
 *   in different currencies may be mixed and only the `currency` option filters them.
 */
export function createRowReader(
  options: TransactionInputOptions,
  windowStartMs = -Infinity,
  windowEndMs = Infinity,
  amountsUsed = true,
): RowReader {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options are required');
  const excluded = new Set<string>(iterableOption(options.excludeStatuses, 'excludeStatuses') ?? DEFAULT_EXCLUDED);
  const knownIds = iterableOption(options.customerIds, 'customerIds');
  const known = knownIds === undefined ? undefined : new Set<string>(knownIds);
  if (options.currency !== undefined && typeof options.currency !== 'string') {
    throw new JornadaError('INVALID_OPTION', 'currency must be an ISO 4217 code such as BRL', { issues: [{ path: ['currency'], message: 'must be a string' }] });
  }
  const onInvalid = options.onInvalid ?? 'throw';
  if (onInvalid !== 'throw' && onInvalid !== 'skip') {
    throw new JornadaError('INVALID_OPTION', `onInvalid must be 'throw' or 'skip', got ${shownValue(onInvalid)}`);
  }
  const wantedCurrency = options.currency;
  let seenCurrency: string | undefined;
  let seenCurrencyIndex = -1;
  const counts = emptySkipCounts();

  const bad = (index: number, field: string, code: string, message: string): void => {
    if (onInvalid === 'throw') {
      const issue: JornadaIssue = { path: [index, field], message, code };
      throw new JornadaError('INVALID_INPUT', `Invalid transaction at ${index}.${field}: ${message}`, { issues: [issue] });
    }
  };

  return {
    counts,
    read(row, index, visit) {
      counts.read++;
      if (typeof row !== 'object' || row === null) {
        counts.invalidCustomerId++;
        bad(index, 'customerId', 'invalid_row', 'a transaction must be an object');
        return;
      }
      const r = row as { customerId?: unknown; placedAt?: unknown; at?: unknown; total?: unknown; amount?: unknown; status?: unknown; currency?: unknown };
      const isOrder = 'placedAt' in r;
      const status = r.status;
      if (typeof status === 'string' && excluded.has(status)) {
        counts.excludedStatus++;
        return;
      }
      const customerId = r.customerId;
      if (typeof customerId !== 'string' || customerId.length === 0) {
        counts.invalidCustomerId++;
        bad(index, 'customerId', 'invalid_customer_id', 'must be a non-empty string');
        return;
      }
      if (known !== undefined && !known.has(customerId)) {
        counts.unknownCustomer++;
        bad(index, 'customerId', 'unknown_customer', `unknown customer ${customerId}`);
        return;
      }
      const when = isOrder ? r.placedAt : r.at;
      const whenField = isOrder ? 'placedAt' : 'at';
      let atMs: number;
      if (when instanceof Date) atMs = when.getTime();
      else if (typeof when === 'string' && /\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(when)) atMs = Date.parse(when);
      else atMs = NaN;
      if (Number.isNaN(atMs)) {
        counts.invalidDate++;
        bad(index, whenField, 'invalid_date', 'must be a valid Date or an ISO-8601 date-time with offset');
        return;
      }
      const amount = isOrder ? r.total : r.amount;
      const amountField = isOrder ? 'total' : 'amount';
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
        counts.invalidAmount++;
        bad(index, amountField, 'invalid_amount', 'must be a finite number ≥ 0');
        return;
      }
      const currency = r.currency;
      if (typeof currency === 'string') {
        if (wantedCurrency !== undefined) {
          if (currency !== wantedCurrency) {
            counts.otherCurrency++;
            return;
          }
        } else if (!amountsUsed) {
          // Times only: a currency names no unit that matters.
        } else if (seenCurrency === undefined) {
          seenCurrency = currency;
          seenCurrencyIndex = index;
        } else if (currency !== seenCurrency) {
          throw new JornadaError(
            'INVALID_INPUT',
            `Mixed currencies: ${seenCurrency} at ${seenCurrencyIndex} and ${currency} at ${index}; pass the currency option to pick one`,
            { issues: [{ path: [index, 'currency'], message: `expected ${seenCurrency}, got ${currency}`, code: 'mixed_currency' }] },
          );
        }
      }
      if (atMs < windowStartMs || atMs > windowEndMs) {
        counts.outsideWindow++;
        return;
      }
      counts.kept++;
      visit(customerId, atMs, amount);
    },
  };
}

/** @internal The library's safe rendering of a value for an error message (`core/show-value`). */
export const shownValue = showValue;

function iterableOption<T>(value: Iterable<T> | undefined, name: string): Iterable<T> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || value === null || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new JornadaError('INVALID_OPTION', `${name} must be an array or another iterable`, { issues: [{ path: [name], message: 'not iterable' }] });
  }
  return value;
}

/**
 * @internal Reads an instant option (a `Date` or ISO string) or throws `INVALID_OPTION`.
 * @param value - The option's value.
 * @param name - The option's name, for the error path.
 */
export function instantOption(value: unknown, name: string): number {
  let ms = NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new JornadaError('INVALID_OPTION', `${name} must be a valid Date or ISO-8601 string, got ${shownValue(value)}`, {
      issues: [{ path: [name], message: 'not a valid instant', code: 'invalid_date' }],
    });
  }
  return ms;
}

/**
 * @internal Iterates an iterable of rows, refusing a non-iterable with `INVALID_INPUT`.
 * @param input - The rows.
 * @param each - Called with each row and its position.
 */
export function forEachRow(input: Iterable<unknown>, each: (row: unknown, index: number) => void): void {
  if (input === null || input === undefined || typeof (input as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new JornadaError('INVALID_INPUT', 'Transactions must be an iterable (an array or a generator)', {
      issues: [{ path: [], message: 'not iterable', code: 'not_iterable' }],
    });
  }
  let i = 0;
  for (const row of input) each(row, i++);
}

/**
 * @internal The row-feeding part shared by the value accumulators: `add` and `addAll` number rows with
 * a running count (for error paths) and hand them to the reader; the skip counts of merged accumulators
 * are kept beside the reader's own.
 */
export interface RowFeed {
  /** Reads one row; `index` defaults to the running count. */
  readonly add: (row: unknown, index?: number) => void;
  /** Reads every row of an iterable (refusing a non-iterable). */
  readonly addAll: (rows: Iterable<unknown>) => void;
  /** Adds the skip counts of a merged accumulator. */
  readonly mergeSkips: (counts: TransactionSkipCounts) => void;
  /** The reader's counts plus the merged ones, as a new object. */
  readonly skipped: () => TransactionSkipCounts;
}

/**
 * @internal Creates the row feed of an accumulator.
 * @param reader - The accumulator's row reader.
 * @param visit - Receives each accepted row.
 */
export function createRowFeed(reader: RowReader, visit: RowVisitor): RowFeed {
  const merged = emptySkipCounts();
  let running = 0;
  const add = (row: unknown, index?: number): void => {
    reader.read(row, index ?? running, visit);
    running++;
  };
  return {
    add,
    addAll: (rows) => forEachRow(rows, (row) => add(row)),
    mergeSkips: (counts) => addSkipCounts(merged, counts),
    skipped: () => {
      const total = emptySkipCounts();
      addSkipCounts(total, reader.counts);
      addSkipCounts(total, merged);
      return total;
    },
  };
}
