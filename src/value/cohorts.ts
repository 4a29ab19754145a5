/**
 * Acquisition cohorts: customers grouped by the day, week, month or quarter of their first purchase
 * (in an IANA time zone), with active customers, retention shares and revenue per period, in calendar
 * layout and in "periods since acquisition" layout.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { checkTimeZone, civilFromDays, createLocalDayIndexer, daysFromCivil, formatDay, localDayStartMs } from './local-days.js';
import {
  createRowFeed,
  createRowReader,
  instantOption,
  shownValue,
  type TransactionInputOptions,
  type TransactionSkipCounts,
  type ValueInput,
} from './transactions.js';

/**
 * The calendar period that groups customers into cohorts and splits time into columns.
 *
 * @category Value
 */
export type CohortPeriod = 'day' | 'week' | 'month' | 'quarter';

/**
 * Options of {@link cohortTable}.
 *
 * @category Value
 */
export interface CohortTableOptions extends TransactionInputOptions {
  /** Cohort and column period. */
  by: CohortPeriod;
  /** End of observation (instant): rows after it are left out; the last column is the period containing it. */
  asOf: Date | string;
  /** IANA time zone of the calendar; default `'UTC'`. */
  timeZone?: string;
  /** First day of the week for `by: 'week'`: 0 = Sunday … 6 = Saturday; default 1 (Monday, ISO 8601). */
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * One column of a cohort table: a calendar period.
 *
 * @category Value
 */
export interface CohortPeriodColumn {
  /** `YYYY-MM-DD` (day, and week by its first day), `YYYY-MM` (month) or `YYYY-Qn` (quarter). */
  label: string;
  /** The instant the period starts (local midnight of its first day in the zone). */
  start: Date;
}

/**
 * One acquisition cohort. Cells that cannot be observed are `null`, never 0: calendar periods before
 * the cohort existed, and ages the cohort has not reached by `asOf`.
 *
 * @category Value
 */
export interface CohortRow {
  /** Label of the acquisition period. */
  label: string;
  /** Start of the acquisition period. */
  start: Date;
  /** Customers acquired (first kept purchase) in the period. */
  size: number;
  /** Calendar layout: customers of the cohort with a purchase in each column of `periods`. */
  activeByPeriod: (number | null)[];
  /** Calendar layout: revenue of the cohort in each column. */
  revenueByPeriod: (number | null)[];
  /** Age layout: customers active k periods after acquisition (index k = 0, 1, …). */
  activeByAge: (number | null)[];
  /** Age layout: `activeByAge[k] / size`, in [0, 1]. */
  retentionByAge: (number | null)[];
  /** Age layout: revenue k periods after acquisition. */
  revenueByAge: (number | null)[];
}

/**
 * A cohort table.
 *
 * @category Value
 */
export interface CohortTableResult {
  /** The period. */
  by: CohortPeriod;
  /** Time zone of the calendar. */
  timeZone: string;
  /** End of observation. */
  asOf: Date;
  /** The calendar columns, from the first acquisition period to the one containing `asOf`. */
  periods: CohortPeriodColumn[];
  /** Whether the last column is complete at `asOf` (false: its counts are partial). */
  lastPeriodComplete: boolean;
  /** Cohorts in calendar order; periods without acquisitions have no row. */
  cohorts: CohortRow[];
  /** Rows read, kept and left out. */
  skipped: TransactionSkipCounts;
}

/** Largest number of calendar columns a table may have. */
const MAX_COLUMNS = 20_000;
/** Largest number of cells (cohorts × columns) a table may have. */
const MAX_CELLS = 25_000_000;

interface PeriodScheme {
  keyOfDay(day: number): number;
  startDayOfKey(key: number): number;
  label(key: number): string;
}

function periodScheme(by: CohortPeriod, weekStartsOn: number): PeriodScheme {
  switch (by) {
    case 'day':
      return { keyOfDay: (d) => d, startDayOfKey: (k) => k, label: (k) => formatDay(k) };
    case 'week':
      // 1970-01-01 (day 0) was a Thursday (weekday 4).
      return {
        keyOfDay: (d) => Math.floor((d + 4 - weekStartsOn) / 7),
        startDayOfKey: (k) => 7 * k - 4 + weekStartsOn,
        label: (k) => formatDay(7 * k - 4 + weekStartsOn),
      };
    case 'month':
      return {
        keyOfDay: (d) => {
          const c = civilFromDays(d);
          return c.year * 12 + c.month - 1;
        },
        startDayOfKey: (k) => daysFromCivil(Math.floor(k / 12), (k % 12) + 1, 1),
        label: (k) => `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`,
      };
    case 'quarter':
      return {
        keyOfDay: (d) => {
          const c = civilFromDays(d);
          return c.year * 4 + Math.floor((c.month - 1) / 3);
        },
        startDayOfKey: (k) => daysFromCivil(Math.floor(k / 4), (k % 4) * 3 + 1, 1),
        label: (k) => `${String(Math.floor(k / 4)).padStart(4, '0')}-Q${(k % 4) + 1}`,
      };
  }
}

/**
 * Builds the acquisition cohort table: each customer joins the cohort of the period of their first
 * kept purchase; a customer is *active* in a period when they bought in it. Returns both layouts —
 * by calendar period, and by periods since acquisition — with counts, retention shares and revenue.
 *
 * Cells that cannot be observed are `null`: before the cohort's acquisition period (calendar layout)
 * and beyond the age a cohort has reached at `asOf` (age layout). The last column may be partial
 * (`lastPeriodComplete`). Pass the whole history: a customer's first purchase in the data is taken as
 * their acquisition.
 *
 * @param input - Orders or light transactions, any iterable.
 * @param options - The period, `asOf`, time zone, week start and the input rules.
 * @returns The table.
 * @throws {JornadaError} `INVALID_OPTION` for an unknown period, time zone or week start, or an invalid
 *   `asOf`; `INVALID_INPUT` for bad rows unless `onInvalid: 'skip'`; `UNSUPPORTED` when the table would
 *   exceed 20,000 columns or 25 million cells (daily cohorts over decades: use a coarser period).
 *
 * @example
 * ```ts
 * const t = cohortTable([
 *   { customerId: 'a', at: '2026-01-05T12:00:00Z', amount: 10 },
 *   { customerId: 'b', at: '2026-01-20T12:00:00Z', amount: 10 },
 *   { customerId: 'a', at: '2026-02-03T12:00:00Z', amount: 10 },
 *   { customerId: 'c', at: '2026-02-04T12:00:00Z', amount: 10 },
 * ], { by: 'month', asOf: '2026-02-28T23:00:00Z' });
 * t.periods.map((p) => p.label); //=> ['2026-01', '2026-02']
 * t.cohorts[0]?.activeByPeriod; //=> [2, 1]
 * t.cohorts[1]?.activeByPeriod; //=> [null, 1]
 * t.cohorts[1]?.retentionByAge; //=> [1, null]
 * ```
 * @category Value
 */
export function cohortTable(input: Iterable<ValueInput>, options: CohortTableOptions): CohortTableResult {
  const acc = createCohortTableAccumulator(options);
  acc.addAll(input);
  return acc.result();
}

/**
 * A mergeable accumulator of a {@link cohortTable}: feed rows in any order or split them across workers,
 * merge, then read the table.
 *
 * @category Value
 */
export interface CohortTableAccumulator {
  /** Adds one order or transaction; `index` is its position, used in error paths (default: a running count). */
  add(row: ValueInput, index?: number): void;
  /** Adds every row of an iterable. */
  addAll(rows: Iterable<ValueInput>): void;
  /** Adds everything another accumulator with the same period, `asOf`, zone and week start has seen. */
  merge(other: CohortTableAccumulator): void;
  /** The cohort table of what was added. */
  result(): CohortTableResult;
  /** Rows read, kept and left out so far. */
  readonly skipped: TransactionSkipCounts;
}

interface CohortRows {
  settingsKey: string;
  customerIds: string[];
  customerIndex: Map<string, number>;
  firstKey: number[];
  rowCustomer: number[];
  rowKey: number[];
  rowAmount: number[];
}

const cohortInternals = new WeakMap<CohortTableAccumulator, CohortRows>();

/**
 * Creates a mergeable accumulator of a cohort table (see {@link cohortTable}).
 *
 * @param options - The period, `asOf`, time zone, week start and the input rules.
 * @returns An empty accumulator.
 * @throws {JornadaError} As {@link cohortTable}; `merge` throws `INVALID_OPTION` for an accumulator with
 *   other settings.
 *
 * @example
 * ```ts
 * const options = { by: 'month', asOf: '2026-02-28T23:00:00Z' } as const;
 * const web = createCohortTableAccumulator(options);
 * const stores = createCohortTableAccumulator(options);
 * web.add({ customerId: 'a', at: '2026-01-05T12:00:00Z', amount: 10 });
 * stores.add({ customerId: 'a', at: '2026-02-03T12:00:00Z', amount: 10 });
 * web.merge(stores);
 * web.result().cohorts[0]?.activeByPeriod; //=> [1, 1]
 * ```
 * @category Value
 */
export function createCohortTableAccumulator(options: CohortTableOptions): CohortTableAccumulator {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with by and asOf are required');
  const by = options.by;
  if (by !== 'day' && by !== 'week' && by !== 'month' && by !== 'quarter') {
    throw new JornadaError('INVALID_OPTION', `by must be 'day', 'week', 'month' or 'quarter', got ${shownValue(by)}`, {
      issues: [{ path: ['by'], message: 'unknown period' }],
    });
  }
  const weekStartsOn = options.weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new JornadaError('INVALID_OPTION', `weekStartsOn must be an integer 0..6, got ${shownValue(weekStartsOn)}`, {
      issues: [{ path: ['weekStartsOn'], message: 'must be 0..6' }],
    });
  }
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC');
  const asOfMs = instantOption(options.asOf, 'asOf');
  const dayOf = createLocalDayIndexer(timeZone);
  const scheme = periodScheme(by, weekStartsOn);
  const reader = createRowReader(options, -Infinity, asOfMs);
  const rows: CohortRows = {
    settingsKey: `${by}|${weekStartsOn}|${timeZone}|${asOfMs}`,
    customerIds: [],
    customerIndex: new Map(),
    firstKey: [],
    rowCustomer: [],
    rowKey: [],
    rowAmount: [],
  };
  const push = (customerId: string, key: number, amount: number): void => {
    let c = rows.customerIndex.get(customerId);
    if (c === undefined) {
      c = rows.firstKey.length;
      rows.customerIndex.set(customerId, c);
      rows.customerIds.push(customerId);
      rows.firstKey.push(key);
    } else if (key < (rows.firstKey[c] as number)) rows.firstKey[c] = key;
    rows.rowCustomer.push(c);
    rows.rowKey.push(key);
    rows.rowAmount.push(amount);
  };
  const visit = (customerId: string, atMs: number, amount: number): void => push(customerId, scheme.keyOfDay(dayOf(atMs)), amount);
  const feed = createRowFeed(reader, visit);
  const acc: CohortTableAccumulator = {
    add: feed.add,
    addAll: feed.addAll,
    merge(other) {
      const theirs = cohortInternals.get(other);
      if (theirs === undefined || theirs.settingsKey !== rows.settingsKey) {
        throw new JornadaError('INVALID_OPTION', 'Can only merge a cohort accumulator with the same period, asOf, time zone and week start');
      }
      for (let i = 0; i < theirs.rowCustomer.length; i++) {
        push(theirs.customerIds[theirs.rowCustomer[i] as number] as string, theirs.rowKey[i] as number, theirs.rowAmount[i] as number);
      }
      feed.mergeSkips(other.skipped);
    },
    result() {
      return buildCohortTable(rows, { by, timeZone, asOfMs, scheme, asOfKey: scheme.keyOfDay(dayOf(asOfMs)) }, feed.skipped());
    },
    get skipped() {
      return feed.skipped();
    },
  };
  cohortInternals.set(acc, rows);
  return acc;
}

interface CohortSettings {
  by: CohortPeriod;
  timeZone: string;
  asOfMs: number;
  asOfKey: number;
  scheme: PeriodScheme;
}

function buildCohortTable(rows: CohortRows, settings: CohortSettings, skipped: TransactionSkipCounts): CohortTableResult {
  const { by, timeZone, asOfMs, asOfKey, scheme } = settings;
  const { firstKey, rowCustomer, rowKey, rowAmount } = rows;
  let minKey = asOfKey;
  for (const k of firstKey) if (k < minKey) minKey = k;
  const columns = asOfKey - minKey + 1;
  let cohortCount = 0;
  const cohortRowOf = new Map<number, number>();
  for (const k of firstKey) if (!cohortRowOf.has(k)) cohortRowOf.set(k, cohortCount++);
  if (columns > MAX_COLUMNS || cohortCount * columns > MAX_CELLS) {
    throw new JornadaError('UNSUPPORTED', `The cohort table would have ${columns} periods and ${cohortCount} cohorts; use a coarser period or a later first purchase`, {
      details: { columns, cohorts: cohortCount, maxColumns: MAX_COLUMNS, maxCells: MAX_CELLS },
    });
  }
  const periods: CohortPeriodColumn[] = [];
  for (let k = minKey; k <= asOfKey; k++) {
    periods.push({ label: scheme.label(k), start: new Date(localDayStartMs(timeZone, scheme.startDayOfKey(k))) });
  }
  const nextStartMs = localDayStartMs(timeZone, scheme.startDayOfKey(asOfKey + 1));
  const lastPeriodComplete = asOfMs >= nextStartMs - 1;

  // Matrices indexed [cohort column][calendar column], one matrix row per cohort that exists.
  const sortedKeys = [...cohortRowOf.keys()].sort((a, b) => a - b);
  sortedKeys.forEach((k, i) => cohortRowOf.set(k, i));
  const sizes = new Float64Array(cohortCount);
  for (const k of firstKey) {
    const r = cohortRowOf.get(k) as number;
    sizes[r] = (sizes[r] as number) + 1;
  }
  const active = new Float64Array(cohortCount * columns);
  const revenue = new Float64Array(cohortCount * columns);
  const seen = new Set<number>();
  for (let i = 0; i < rowCustomer.length; i++) {
    const c = rowCustomer[i] as number;
    const cell = (cohortRowOf.get(firstKey[c] as number) as number) * columns + (rowKey[i] as number) - minKey;
    revenue[cell] = (revenue[cell] as number) + (rowAmount[i] as number);
    const mark = c * columns + (rowKey[i] as number) - minKey;
    if (!seen.has(mark)) {
      seen.add(mark);
      active[cell] = (active[cell] as number) + 1;
    }
  }

  const cohorts: CohortRow[] = [];
  sortedKeys.forEach((key, r) => {
    const cohort = key - minKey; // calendar column of the acquisition period
    const size = sizes[r] as number;
    const activeByPeriod: (number | null)[] = [];
    const revenueByPeriod: (number | null)[] = [];
    const activeByAge: (number | null)[] = [];
    const retentionByAge: (number | null)[] = [];
    const revenueByAge: (number | null)[] = [];
    for (let col = 0; col < columns; col++) {
      const observable = col >= cohort;
      activeByPeriod.push(observable ? (active[r * columns + col] as number) : null);
      revenueByPeriod.push(observable ? (revenue[r * columns + col] as number) : null);
      const ageCol = cohort + col;
      if (ageCol < columns) {
        const a = active[r * columns + ageCol] as number;
        activeByAge.push(a);
        retentionByAge.push(a / size);
        revenueByAge.push(revenue[r * columns + ageCol] as number);
      } else {
        activeByAge.push(null);
        retentionByAge.push(null);
        revenueByAge.push(null);
      }
    }
    const p = periods[cohort] as CohortPeriodColumn;
    cohorts.push({ label: p.label, start: p.start, size, activeByPeriod, revenueByPeriod, activeByAge, retentionByAge, revenueByAge });
  });
  return { by, timeZone, asOf: new Date(asOfMs), periods, lastPeriodComplete, cohorts, skipped };
}
