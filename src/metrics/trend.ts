/**
 * Trends of an experience score: by calendar day, week or month in an IANA time zone, and by rolling
 * windows, each point with its change against the previous one and whether that change is significant.
 *
 * @module
 */
import { twoSidedNormalPValue } from '../core/normal.js';
import { MS_PER_DAY } from '../core/time.js';
import { civilFromDays, daysFromCivil } from '../core/civil-days.js';
import { localParts, startOfLocalDay } from '../core/zone-time.js';
import { npsAccumulator, type NpsResult, type NpsState } from './nps.js';
import { addItem, isOfKind, type ResponseAccessors } from './responses.js';
import { invalidAt, invalidOption, type ExperienceAccumulator, type ExperienceSummary, showValue } from './shared.js';

/**
 * Calendar period of a trend.
 *
 * @category Metrics
 */
export type TrendUnit = 'day' | 'week' | 'month';

/**
 * Options shared by {@link feedbackTrend} and {@link feedbackRollingTrend}.
 *
 * @typeParam T - The item type.
 * @typeParam S - The accumulator state.
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface TrendBaseOptions<T, S, R extends ExperienceSummary> extends ResponseAccessors<T> {
  /** The score to compute; default `npsAccumulator()`. Items whose `kind` names another survey are skipped. */
  accumulator?: ExperienceAccumulator<S, R>;
  /** When an item happened; default `item.respondedAt` (a `Date` or an ISO-8601 string). */
  at?: (item: T) => Date | string;
  /** Significance level of the change test (two-sided); default 0.05. */
  alpha?: number;
}

/**
 * Options of {@link feedbackTrend}.
 *
 * @typeParam T - The item type.
 * @typeParam S - The accumulator state.
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface FeedbackTrendOptions<T, S, R extends ExperienceSummary> extends TrendBaseOptions<T, S, R> {
  /** Period length: calendar `day`, `week` or `month`. */
  unit: TrendUnit;
  /** IANA time zone whose calendar defines the periods; default `UTC`. */
  timeZone?: string;
  /** First day of the week (0 = Sunday … 6 = Saturday); default 1 (Monday, as in ISO 8601). */
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Only items at or after this instant; the first period is the one containing it. Default: the earliest item. */
  from?: Date;
  /** Only items before this instant (exclusive); the last period is the one containing the instant just before. Default: the latest item. */
  to?: Date;
}

/**
 * Options of {@link feedbackRollingTrend}.
 *
 * @typeParam T - The item type.
 * @typeParam S - The accumulator state.
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface FeedbackRollingTrendOptions<T, S, R extends ExperienceSummary> extends TrendBaseOptions<T, S, R> {
  /** Window length in days of 24 hours (30 for a "last 30 days" figure). */
  windowDays: number;
  /** Distance between consecutive window ends, in days of 24 hours; default 1. */
  stepDays?: number;
  /** End of the last window (exclusive): the "as of" instant. */
  asOf: Date;
  /** Number of points; default: every window ending after the earliest item (at most 10,000). */
  points?: number;
}

/**
 * One point of a trend.
 *
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface TrendPoint<R> {
  /** Start of the period or window (inclusive). */
  start: Date;
  /** End of the period or window (exclusive). */
  end: Date;
  /** The period in local time: `2026-05-10` (day and week: the first day) or `2026-05` (month); for windows, the last day included, in UTC. */
  label: string;
  /** The score of the period, with its interval. */
  result: R;
  /**
   * Change of `result.estimate` against the previous point (for rolling windows: against the
   * adjacent, non-overlapping window just before this one); `NaN` for the first point or when either
   * side is empty.
   */
  change: number;
  /** Standard error of `change`: √(SE₁² + SE₂²) of two independent samples. */
  changeStandardError: number;
  /** Two-sided p-value of the z test of `change`. */
  pValue: number;
  /** Whether `pValue < alpha`. */
  significant: boolean;
}

interface Timed<T> {
  time: number;
  item: T;
  index: number;
}

function readTime<T>(item: T, index: number, at: ((item: T) => Date | string) | undefined): number {
  const value = at !== undefined ? at(item) : (item as { respondedAt?: unknown }).respondedAt;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw invalidAt(['responses', index, 'respondedAt'], `not a valid instant: ${showValue(value)}`, 'invalid_date');
  return time;
}

function collect<T, S, R extends ExperienceSummary>(items: Iterable<T>, acc: ExperienceAccumulator<S, R>, at: TrendBaseOptions<T, S, R>['at']): Timed<T>[] {
  const out: Timed<T>[] = [];
  let index = 0;
  for (const item of items) {
    if (isOfKind(item, acc.kind)) out.push({ time: readTime(item, index, at), item, index });
    index++;
  }
  out.sort((a, b) => a.time - b.time || a.index - b.index);
  return out;
}

function checkAlpha(alpha: number | undefined): number {
  const a = alpha ?? 0.05;
  if (!(a > 0 && a < 1)) throw invalidOption('alpha', 'must lie strictly between 0 and 1', a);
  return a;
}

function withChange<R extends ExperienceSummary>(result: R, previous: R | undefined, alpha: number): Omit<TrendPoint<R>, 'start' | 'end' | 'label'> {
  if (previous === undefined) return { result, change: NaN, changeStandardError: NaN, pValue: NaN, significant: false };
  const change = result.estimate - previous.estimate;
  const se = Math.sqrt(result.estimateStandardError ** 2 + previous.estimateStandardError ** 2);
  const z = change / se;
  const pValue = Number.isFinite(z) ? twoSidedNormalPValue(z) : NaN;
  return { result, change, changeStandardError: se, pValue, significant: pValue < alpha };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * An experience score per calendar day, week or month in a time zone, with the change against the
 * previous period and a two-sided z test of that change (independent samples). Periods without
 * answers are included (their score is `NaN`), so the series has no gaps.
 *
 * Period boundaries are local midnights in `timeZone` (the IANA database read through `@date-fns/tz`), so a
 * day in São Paulo runs from 03:00 to 03:00 UTC and days across a daylight-saving change last 23 or 25 hours.
 *
 * @param items - Responses (any objects; `FeedbackResponse` works with the defaults).
 * @param options - Unit, time zone, week start, range, accumulator (default NPS), accessors and `alpha`.
 * @returns The points, oldest first; empty when there are no items in range.
 * @throws {JornadaError} `INVALID_INPUT` with a path into `responses` for a bad answer or instant;
 *   `INVALID_OPTION` for an unknown unit or time zone, or a bad `alpha`.
 *
 * @example
 * ```ts
 * const responses = [
 *   { kind: 'nps', score: 10, respondedAt: new Date('2026-05-01T12:00:00Z') },
 *   { kind: 'nps', score: 0, respondedAt: new Date('2026-06-02T12:00:00Z') },
 * ];
 * feedbackTrend(responses, { unit: 'month', timeZone: 'America/Sao_Paulo' })
 *   .map((p) => [p.label, p.result.score, p.change]);
 * //=> [['2026-05', 100, NaN], ['2026-06', -100, -200]]
 * ```
 * @category Metrics
 */
export function feedbackTrend<T, S = NpsState, R extends ExperienceSummary = NpsResult>(
  items: Iterable<T>,
  options: FeedbackTrendOptions<T, S, R>,
): TrendPoint<R>[] {
  const acc = (options.accumulator ?? npsAccumulator()) as ExperienceAccumulator<S, R>;
  const unit = options.unit;
  if (unit !== 'day' && unit !== 'week' && unit !== 'month') throw invalidOption('unit', 'must be day, week or month', unit);
  const timeZone = options.timeZone ?? 'UTC';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw invalidOption('timeZone', 'must be an IANA time-zone name', timeZone);
  const weekStartsOn = options.weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) throw invalidOption('weekStartsOn', 'must be an integer 0..6', weekStartsOn);
  const alpha = checkAlpha(options.alpha);
  const fromMs = options.from?.getTime() ?? -Infinity;
  const toMs = options.to?.getTime() ?? Infinity;
  const timed = collect(items, acc, options.at).filter((t) => t.time >= fromMs && t.time < toMs);
  if (timed.length === 0) return [];

  // Periods are kept as local calendar days (day numbers, so the label is the local date even where a
  // zone skipped it) and turned into instants with the library's one reading of local time.
  const periodStartDay = (ms: number): number => {
    const p = localParts(ms, timeZone);
    const day = daysFromCivil(p.year, p.month, p.day);
    return unit === 'day' ? day : unit === 'week' ? day - ((p.weekday - weekStartsOn + 7) % 7) : day - p.day + 1;
  };
  const nextDay = (day: number): number => {
    if (unit === 'day') return day + 1;
    if (unit === 'week') return day + 7;
    const c = civilFromDays(day);
    return c.month === 12 ? daysFromCivil(c.year + 1, 1, 1) : daysFromCivil(c.year, c.month + 1, 1);
  };
  const instantOfDay = (day: number): number => {
    const c = civilFromDays(day);
    return startOfLocalDay(c.year, c.month, c.day, timeZone);
  };
  const firstMs = Number.isFinite(fromMs) ? fromMs : (timed[0] as Timed<T>).time;
  const lastMs = Number.isFinite(toMs) ? toMs - 1 : (timed[timed.length - 1] as Timed<T>).time;

  const points: TrendPoint<R>[] = [];
  let startDay = periodStartDay(firstMs);
  let startMs = instantOfDay(startDay);
  let cursor = 0;
  let previous: R | undefined;
  while (startMs <= lastMs) {
    const endDay = nextDay(startDay);
    const endMs = instantOfDay(endDay);
    const state = acc.create();
    while (cursor < timed.length && (timed[cursor] as Timed<T>).time < endMs) {
      const t = timed[cursor] as Timed<T>;
      addItem(acc, state, t.item, t.index, options);
      cursor++;
    }
    const result = acc.result(state);
    const c = civilFromDays(startDay);
    const label = unit === 'month' ? `${c.year}-${pad(c.month)}` : `${c.year}-${pad(c.month)}-${pad(c.day)}`;
    points.push({ start: new Date(startMs), end: new Date(endMs), label, ...withChange(result, previous, alpha) });
    previous = result;
    startDay = endDay;
    startMs = endMs;
  }
  return points;
}

/**
 * An experience score over rolling windows ("the last 30 days", recomputed every `stepDays`), each
 * point compared with the adjacent window just before it — not with the previous, overlapping point,
 * whose answers it shares — so that the z test of the change compares independent samples.
 *
 * @param items - Responses (any objects; `FeedbackResponse` works with the defaults).
 * @param options - Window and step in days, `asOf`, number of points, accumulator (default NPS), accessors and `alpha`.
 * @returns The points, oldest first; window `k` covers [end − windowDays, end).
 * @throws {JornadaError} `INVALID_INPUT` with a path into `responses` for a bad answer or instant;
 *   `INVALID_OPTION` for a non-positive window or step, a bad `points`, `asOf` or `alpha`.
 *
 * @example
 * ```ts
 * const responses = [
 *   { kind: 'nps', score: 10, respondedAt: new Date('2026-05-20T12:00:00Z') },
 *   { kind: 'nps', score: 9, respondedAt: new Date('2026-05-30T12:00:00Z') },
 * ];
 * feedbackRollingTrend(responses, { windowDays: 7, stepDays: 7, asOf: new Date('2026-06-01T00:00:00Z'), points: 2 })
 *   .map((p) => [p.label, p.result.n, p.result.score]);
 * //=> [['2026-05-24', 1, 100], ['2026-05-31', 1, 100]]
 * ```
 * @category Metrics
 */
export function feedbackRollingTrend<T, S = NpsState, R extends ExperienceSummary = NpsResult>(
  items: Iterable<T>,
  options: FeedbackRollingTrendOptions<T, S, R>,
): TrendPoint<R>[] {
  const acc = (options.accumulator ?? npsAccumulator()) as ExperienceAccumulator<S, R>;
  const { windowDays } = options;
  const stepDays = options.stepDays ?? 1;
  if (!(windowDays > 0) || windowDays === Infinity) throw invalidOption('windowDays', 'must be a finite number > 0', windowDays);
  if (!(stepDays > 0) || stepDays === Infinity) throw invalidOption('stepDays', 'must be a finite number > 0', stepDays);
  if (!(options.asOf instanceof Date) || Number.isNaN(options.asOf.getTime())) throw invalidOption('asOf', 'must be a valid Date', options.asOf);
  const alpha = checkAlpha(options.alpha);
  const timed = collect(items, acc, options.at);
  const windowMs = windowDays * MS_PER_DAY;
  const stepMs = stepDays * MS_PER_DAY;
  const asOf = options.asOf.getTime();
  let count = options.points;
  if (count === undefined) {
    const first = timed[0]?.time;
    count = first === undefined || first >= asOf ? 0 : Math.min(10_000, Math.floor((asOf - first - 1) / stepMs) + 1);
  } else if (!Number.isInteger(count) || count < 0) {
    throw invalidOption('points', 'must be an integer ≥ 0', count);
  }
  const times = timed.map((t) => t.time);
  const lowerBound = (ms: number): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] as number) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const windowResult = (startMs: number, endMs: number): R => {
    const state = acc.create();
    for (let i = lowerBound(startMs), stop = lowerBound(endMs); i < stop; i++) {
      const t = timed[i] as Timed<T>;
      addItem(acc, state, t.item, t.index, options);
    }
    return acc.result(state);
  };
  const points: TrendPoint<R>[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const endMs = asOf - k * stepMs;
    const startMs = endMs - windowMs;
    const result = windowResult(startMs, endMs);
    const before = windowResult(startMs - windowMs, startMs);
    const change = withChange(result, before, alpha);
    points.push({ start: new Date(startMs), end: new Date(endMs), label: new Date(endMs - 1).toISOString().slice(0, 10), ...change });
  }
  return points;
}
