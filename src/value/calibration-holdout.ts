/**
 * Calibration/holdout split: the summary of a calibration period plus each customer's purchases in
 * the holdout period that follows, to check a model's forecasts against what happened.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { checkTimeZone, createLocalDayIndexer } from './local-days.js';
import { checkValueTimeUnit, computeColumns, RowStore, type TransactionSummary, type ValueTimeUnit } from './summary.js';
import {
  createRowReader,
  emptySkipCounts,
  forEachRow,
  instantOption,
  type TransactionInputOptions,
  type TransactionSkipCounts,
  type ValueInput,
} from './transactions.js';

/**
 * Options of {@link calibrationHoldoutSplit}.
 *
 * @category Value
 */
export interface CalibrationHoldoutOptions extends TransactionInputOptions {
  /** Last instant of the calibration period (inclusive); the calibration summary is as of this instant. */
  calibrationEnd: Date | string;
  /** Last instant of the holdout period (inclusive); must be on a later local day than `calibrationEnd`. */
  observationEnd: Date | string;
  /** Unit of `recency`, `T` and `holdoutDuration`: `'days'` or `'weeks'`. Required. */
  unit: ValueTimeUnit;
  /** IANA time zone of the calendar days; default `'UTC'`. */
  timeZone?: string;
}

/**
 * A customer's calibration summary and what the customer did in the holdout period.
 *
 * @category Value
 */
export interface CalibrationHoldoutSummary extends TransactionSummary {
  /** Purchase periods (distinct local days with a purchase) in the holdout period. */
  holdoutFrequency: number;
  /** Orders in the holdout period. */
  holdoutPurchases: number;
  /** Sum of the holdout purchases. */
  holdoutSpend: number;
  /** Mean spend per holdout purchase period; 0 when `holdoutFrequency` is 0. */
  holdoutMonetaryValue: number;
  /** Length of the holdout period in `unit` (same for every customer). */
  holdoutDuration: number;
}

/**
 * Result of {@link calibrationHoldoutSplit}.
 *
 * @category Value
 */
export interface CalibrationHoldoutResult {
  /** The unit of recency, T and durations. */
  unit: ValueTimeUnit;
  /** Time zone of the calendar days. */
  timeZone: string;
  /** End of calibration. */
  calibrationEnd: Date;
  /** End of the holdout period. */
  observationEnd: Date;
  /** Length of the holdout period in `unit`. */
  holdoutDuration: number;
  /** One row per customer seen in the calibration period, in order of first appearance. */
  customers: CalibrationHoldoutSummary[];
  /** Customers whose first purchase falls in the holdout period (left out of `customers`). */
  holdoutOnlyCustomers: number;
  /** Rows read, kept and left out (after `observationEnd`, excluded status, bad rows). */
  skipped: TransactionSkipCounts;
}

/**
 * Splits transactions into a calibration period and a holdout period: each customer's summary as of
 * `calibrationEnd` (as {@link summarizeTransactions}), plus purchase periods, orders and spend in the
 * holdout period (`calibrationEnd` < t ≤ `observationEnd`), as `lifetimes`'
 * `calibration_and_holdout_data` does. Customers first seen in the holdout are left out and counted.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - Period ends, `unit`, optional `timeZone` and the input rules.
 * @returns The per-customer rows and the holdout length.
 * @throws {JornadaError} `EMPTY_INPUT` when the holdout period has no whole day (observation end not on a
 *   later local day than calibration end); `INVALID_OPTION` for a bad option; `INVALID_INPUT` for bad rows
 *   unless `onInvalid: 'skip'`.
 *
 * @example
 * ```ts
 * const split = calibrationHoldoutSplit([
 *   { customerId: 'a', at: '2015-01-01T12:00:00Z', amount: 10 },
 *   { customerId: 'a', at: '2015-01-10T12:00:00Z', amount: 20 },
 *   { customerId: 'a', at: '2015-02-03T12:00:00Z', amount: 30 },
 *   { customerId: 'b', at: '2015-02-02T12:00:00Z', amount: 30 },
 * ], { calibrationEnd: '2015-01-31T23:59:59Z', observationEnd: '2015-02-28T23:59:59Z', unit: 'days' });
 * split.customers[0]?.holdoutFrequency; //=> 1
 * split.holdoutOnlyCustomers; //=> 1
 * split.holdoutDuration; //=> 28
 * ```
 * @category Value
 */
export function calibrationHoldoutSplit(input: Iterable<ValueInput>, options: CalibrationHoldoutOptions): CalibrationHoldoutResult {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options are required');
  const unit = checkValueTimeUnit(options.unit);
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC');
  const calMs = instantOption(options.calibrationEnd, 'calibrationEnd');
  const obsMs = instantOption(options.observationEnd, 'observationEnd');
  const dayOf = createLocalDayIndexer(timeZone);
  const calDay = dayOf(calMs);
  const obsDay = dayOf(obsMs);
  if (obsDay <= calDay) {
    throw new JornadaError('EMPTY_INPUT', 'The holdout period is empty: observationEnd must fall on a later day than calibrationEnd', {
      details: { calibrationEnd: new Date(calMs).toISOString(), observationEnd: new Date(obsMs).toISOString() },
    });
  }
  const divisor = unit === 'weeks' ? 7 : 1;
  const reader = createRowReader(options, -Infinity, obsMs);
  const calibration = new RowStore();
  const holdout = new RowStore();
  forEachRow(input, (row, index) =>
    reader.read(row, index, (customerId, atMs, amount) => {
      if (atMs <= calMs) calibration.push(customerId, atMs, dayOf(atMs), amount);
      else holdout.push(customerId, atMs, dayOf(atMs), amount);
    }),
  );
  const cal = computeColumns(calibration, { asOfMs: calMs, asOfDay: calDay, unit, timeZone }, emptySkipCounts());
  const hold = computeColumns(holdout, { asOfMs: obsMs, asOfDay: obsDay, unit, timeZone }, emptySkipCounts());
  const holdIndex = new Map<string, number>();
  for (let i = 0; i < hold.size; i++) holdIndex.set(hold.customerIds[i] as string, i);
  const holdoutDuration = (obsDay - calDay) / divisor;
  const customers: CalibrationHoldoutSummary[] = [];
  let matched = 0;
  for (let i = 0; i < cal.size; i++) {
    const id = cal.customerIds[i] as string;
    const h = holdIndex.get(id);
    let holdoutFrequency = 0;
    let holdoutPurchases = 0;
    let holdoutSpend = 0;
    if (h !== undefined) {
      matched++;
      holdoutFrequency = (hold.frequency[h] as number) + 1;
      holdoutPurchases = hold.purchases[h] as number;
      holdoutSpend = hold.totalSpend[h] as number;
    }
    customers.push({
      customerId: id,
      firstPurchaseAt: new Date(cal.firstPurchaseMs[i] as number),
      lastPurchaseAt: new Date(cal.lastPurchaseMs[i] as number),
      purchases: cal.purchases[i] as number,
      frequency: cal.frequency[i] as number,
      recency: cal.recency[i] as number,
      T: cal.T[i] as number,
      unit,
      monetaryValue: cal.monetaryValue[i] as number,
      totalSpend: cal.totalSpend[i] as number,
      meanSpend: cal.meanSpend[i] as number,
      daysSinceLastPurchase: cal.daysSinceLastPurchase[i] as number,
      holdoutFrequency,
      holdoutPurchases,
      holdoutSpend,
      holdoutMonetaryValue: holdoutFrequency === 0 ? 0 : holdoutSpend / holdoutFrequency,
      holdoutDuration,
    });
  }
  return {
    unit,
    timeZone,
    calibrationEnd: new Date(calMs),
    observationEnd: new Date(obsMs),
    holdoutDuration,
    customers,
    holdoutOnlyCustomers: hold.size - matched,
    skipped: { ...reader.counts },
  };
}
