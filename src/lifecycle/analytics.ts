/**
 * Lifecycle analytics on replayed histories: the stage distribution as of a date (with status), the
 * funnel between stages over a period, time in stage, and transition matrices between snapshots.
 *
 * @module
 */
import { localParts, startOfLocalDay } from '../core/zone-time.js';
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import { kaplanMeier } from '../value/survival.js';
import { LIFECYCLE_STATUSES, type LifecycleHistory, type LifecycleReplay, type LifecycleStatus } from './replay.js';

/**
 * Two instants: a period, or two snapshot dates.
 *
 * @category Lifecycle
 */
export interface LifecyclePeriod {
  /** The start, or the first snapshot. */
  from: Date;
  /** The end (inclusive), or the second snapshot. */
  to: Date;
}

/**
 * The period of {@link monthlyStageTransitionMatrices}.
 *
 * @category Lifecycle
 */
export interface MonthlySnapshotOptions extends LifecyclePeriod {
  /** IANA zone of the calendar months; default `UTC`. */
  timeZone?: string;
}

function instant(value: unknown, name: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(t)) throw new JornadaError('INVALID_OPTION', `${name} must be a valid Date`, { issues: [{ path: [name], message: 'not a valid date' }] });
  return t;
}

function stageIndexAt(h: LifecycleHistory, t: number, index: ReadonlyMap<string, number>): number {
  let out = -1;
  for (const tr of h.stageTransitions) {
    if (tr.at.getTime() > t) break;
    out = index.get(tr.stage) ?? -1;
  }
  return out;
}

function statusAt(h: LifecycleHistory, t: number): LifecycleStatus | undefined {
  let out: LifecycleStatus | undefined;
  for (const tr of h.statusTransitions) {
    if (tr.at.getTime() > t) break;
    out = tr.status;
  }
  return out;
}

function stageIndexMap(replay: LifecycleReplay): Map<string, number> {
  return new Map(replay.model.stages.map((s, i) => [s.id, i]));
}

/**
 * One stage's row of {@link StageDistribution}.
 *
 * @category Lifecycle
 */
export interface StageDistributionRow {
  /** Stage id. */
  stage: string;
  /** Customers in the stage. */
  count: number;
  /** `count / total` (`NaN` when nobody is known). */
  share: number;
  /** Customers in the stage by status. */
  byStatus: Record<LifecycleStatus, number>;
}

/**
 * Result of {@link stageDistribution}.
 *
 * @category Lifecycle
 */
export interface StageDistribution {
  /** The date of the snapshot. */
  asOf: Date;
  /** Customers known at `asOf`: the sum of the rows' counts. */
  total: number;
  /** One row per stage of the model, in model order. */
  rows: StageDistributionRow[];
}

/**
 * How many customers are in each stage, and in which status, as of a date.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @param asOf - The snapshot date, at most the replay's `asOf`; default the replay's `asOf`.
 * @returns One row per stage; customers not yet known at `asOf` are left out.
 * @throws {JornadaError} `INVALID_OPTION` for an invalid date or one after the replay's end.
 *
 * @example
 * ```ts
 * const d = stageDistribution(replayLifecycle({ customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }] },
 *   { asOf: new Date('2026-02-01T00:00:00Z') }));
 * d.rows.map((r) => r.count); //=> [1, 0, 0, 0, 0]
 * ```
 * @category Lifecycle
 */
export function stageDistribution(replay: LifecycleReplay, asOf: Date = replay.asOf): StageDistribution {
  const t = instant(asOf, 'asOf');
  if (t > replay.asOf.getTime()) throw new JornadaError('INVALID_OPTION', 'asOf is after the end of the replay', { issues: [{ path: ['asOf'], message: 'after the replay' }] });
  const index = stageIndexMap(replay);
  const rows: StageDistributionRow[] = replay.model.stages.map((s) => ({
    stage: s.id,
    count: 0,
    share: NaN,
    byStatus: Object.fromEntries(LIFECYCLE_STATUSES.map((x) => [x, 0])) as Record<LifecycleStatus, number>,
  }));
  let total = 0;
  for (const h of replay.histories) {
    const i = stageIndexAt(h, t, index);
    const row = rows[i];
    if (row === undefined) continue;
    total++;
    row.count++;
    const s = statusAt(h, t);
    if (s !== undefined) row.byStatus[s]++;
  }
  for (const row of rows) row.share = total === 0 ? NaN : row.count / total;
  return { asOf: new Date(t), total, rows };
}

/**
 * One step of {@link StageFunnel}.
 *
 * @category Lifecycle
 */
export interface StageFunnelStep {
  /** Stage id. */
  stage: string;
  /** Cohort members (known within the period) who reached this stage or a later one by the period's end. */
  reached: number;
  /** `reached / cohort` (`NaN` for an empty cohort). */
  shareOfCohort: number;
  /** `reached / reached of the previous step` (1 for the first step with a non-empty cohort; `NaN` when the previous step is 0). */
  stepConversion: number;
  /** Customers (any cohort) who reached this stage or a later one within the period. */
  enteredInPeriod: number;
  /** Of those, how many reached the next stage or a later one by the period's end (0 for the last stage). */
  convertedInPeriod: number;
  /** `convertedInPeriod / enteredInPeriod` (`NaN` when none entered, and for the last stage). */
  periodConversion: number;
}

/**
 * Result of {@link stageFunnel}.
 *
 * @category Lifecycle
 */
export interface StageFunnel {
  /** Start of the period (inclusive). */
  from: Date;
  /** End of the period (inclusive). */
  to: Date;
  /** Customers who became known within the period. */
  cohort: number;
  /** One step per stage, in model order. */
  steps: StageFunnelStep[];
}

/**
 * Funnel conversion between stages over a period. A customer "reaches" stage *i* when they first enter
 * stage *i* or any later stage (a customer who jumps from reach to retention passed through
 * acquisition and nurture). Two readings:
 *
 * - the **cohort funnel**: of the customers who became known in `[from, to]`, the share that reached
 *   each stage by `to` (non-increasing along the steps, each step's conversion in [0, 1]);
 * - the **period conversion**: of the customers who reached stage *i* in `[from, to]` (whenever they
 *   became known), the share that reached stage *i + 1* by `to`.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @param period - `from` and `to`, with `to` at most the replay's `asOf`.
 * @returns The funnel.
 * @throws {JornadaError} `INVALID_OPTION` for invalid dates, `from > to`, or `to` after the replay's end.
 *
 * @example
 * ```ts
 * const replay = replayLifecycle({ customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o', customerId: 'c', placedAt: new Date('2026-01-10T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }] }, { asOf: new Date('2026-03-01T00:00:00Z') });
 * // reach 1 Jan → acquisition 10 Jan → nurture 9 Feb
 * stageFunnel(replay, { from: new Date('2026-01-01T00:00:00Z'), to: replay.asOf }).steps.map((s) => s.reached);
 * //=> [1, 1, 1, 0, 0]
 * ```
 * @category Lifecycle
 */
export function stageFunnel(replay: LifecycleReplay, period: LifecyclePeriod): StageFunnel {
  const from = instant(period?.from, 'from');
  const to = instant(period?.to, 'to');
  if (from > to) throw new JornadaError('INVALID_OPTION', 'from is after to', { issues: [{ path: ['from'], message: 'after to' }] });
  if (to > replay.asOf.getTime()) throw new JornadaError('INVALID_OPTION', 'to is after the end of the replay', { issues: [{ path: ['to'], message: 'after the replay' }] });
  const index = stageIndexMap(replay);
  const n = replay.model.stages.length;
  const reached = new Array<number>(n).fill(0);
  const entered = new Array<number>(n).fill(0);
  const converted = new Array<number>(n).fill(0);
  const reachedAt = new Array<number>(n);
  let cohort = 0;
  for (const h of replay.histories) {
    reachedAt.fill(Infinity);
    for (const tr of h.stageTransitions) {
      const i = index.get(tr.stage) ?? -1;
      const t = tr.at.getTime();
      for (let j = 0; j <= i; j++) if (t < (reachedAt[j] as number)) reachedAt[j] = t;
    }
    const known = h.knownSince.getTime();
    const inCohort = known >= from && known <= to;
    if (inCohort) cohort++;
    for (let i = 0; i < n; i++) {
      const ri = reachedAt[i] as number;
      if (inCohort && ri <= to) reached[i] = (reached[i] as number) + 1;
      if (ri >= from && ri <= to) {
        entered[i] = (entered[i] as number) + 1;
        if (i + 1 < n && (reachedAt[i + 1] as number) <= to) converted[i] = (converted[i] as number) + 1;
      }
    }
  }
  const steps: StageFunnelStep[] = replay.model.stages.map((s, i) => {
    const r = reached[i] as number;
    const prev = i === 0 ? cohort : (reached[i - 1] as number);
    const e = entered[i] as number;
    const c = converted[i] as number;
    return {
      stage: s.id,
      reached: r,
      shareOfCohort: cohort === 0 ? NaN : r / cohort,
      stepConversion: prev === 0 ? NaN : r / prev,
      enteredInPeriod: e,
      convertedInPeriod: c,
      periodConversion: e === 0 || i + 1 === n ? NaN : c / e,
    };
  });
  return { from: new Date(from), to: new Date(to), cohort, steps };
}

/**
 * Time in one stage, from {@link timeInStage}.
 *
 * @category Lifecycle
 */
export interface StageDuration {
  /** Stage id. */
  stage: string;
  /** Stays that ended (the customer moved on) by `asOf`. */
  completed: number;
  /** Stays still running at `asOf` (censored). */
  ongoing: number;
  /** Median days of the completed stays (type-7 quantile; `NaN` without any). */
  medianDays: number;
  /** Lower quartile of the completed stays, in days. */
  lowerQuartileDays: number;
  /** Upper quartile of the completed stays, in days. */
  upperQuartileDays: number;
  /**
   * Kaplan–Meier median stay in days, counting the ongoing stays as censored (`kaplanMeier` of
   * `jornada/value`); `null` when fewer than half the stays are seen to end. Less biased than
   * `medianDays`, which ignores the customers still in the stage.
   */
  kaplanMeierMedianDays: number | null;
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * How long customers stay in each stage: median and quartiles (type-7) of the completed stays, and the
 * Kaplan–Meier median with the ongoing stays as censored observations. A stay runs from entering the
 * stage to entering another one.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @returns One entry per stage, in model order, measured up to the replay's `asOf`.
 *
 * @example
 * ```ts
 * const replay = replayLifecycle({ customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o', customerId: 'c', placedAt: new Date('2026-01-10T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }] }, { asOf: new Date('2026-03-01T00:00:00Z') });
 * // reach 1 Jan → acquisition 10 Jan → nurture 9 Feb
 * timeInStage(replay)[1]?.medianDays; //=> 30
 * ```
 * @category Lifecycle
 */
export function timeInStage(replay: LifecycleReplay): StageDuration[] {
  const asOf = replay.asOf.getTime();
  const done = replay.model.stages.map(() => [] as number[]);
  const open = replay.model.stages.map(() => [] as number[]);
  const index = stageIndexMap(replay);
  for (const h of replay.histories) {
    const trs = h.stageTransitions;
    for (let k = 0; k < trs.length; k++) {
      const tr = trs[k] as (typeof trs)[number];
      const i = index.get(tr.stage);
      if (i === undefined) continue;
      const next = trs[k + 1];
      if (next === undefined) (open[i] as number[]).push((asOf - tr.at.getTime()) / MS_PER_DAY);
      else (done[i] as number[]).push((next.at.getTime() - tr.at.getTime()) / MS_PER_DAY);
    }
  }
  return replay.model.stages.map((s, i) => {
    const d = (done[i] as number[]).sort((a, b) => a - b);
    const o = open[i] as number[];
    const km = d.length === 0 ? null : kaplanMeier([...d.map((duration) => ({ duration, event: true })), ...o.map((duration) => ({ duration, event: false }))]).medianLifetime;
    return {
      stage: s.id,
      completed: d.length,
      ongoing: o.length,
      medianDays: quantile(d, 0.5),
      lowerQuartileDays: quantile(d, 0.25),
      upperQuartileDays: quantile(d, 0.75),
      kaplanMeierMedianDays: km,
    };
  });
}

/**
 * Result of {@link stageTransitionMatrix}.
 *
 * @category Lifecycle
 */
export interface StageTransitionMatrix {
  /** First snapshot. */
  from: Date;
  /** Second snapshot. */
  to: Date;
  /** Stage ids, the order of rows and columns. */
  stages: string[];
  /** `counts[i][j]`: customers in stage `i` at `from` and stage `j` at `to`. */
  counts: number[][];
  /** `counts[i][j] / rowTotals[i]`: each row sums to 1 (a row of `NaN` when nobody was in stage `i`). */
  shares: number[][];
  /** Customers in each stage at `from`. */
  rowTotals: number[];
  /** Customers not yet known at `from` and known at `to`, by their stage at `to`. */
  entrants: number[];
}

/**
 * The transition matrix between two snapshots: where the customers of each stage at `from` are at `to`.
 * Rows are the stage at `from`, columns the stage at `to`; row shares sum to 1. Customers who became
 * known between the snapshots are counted apart (`entrants`).
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @param snapshots - `from` and `to`, `from ≤ to ≤` the replay's `asOf`.
 * @returns Counts, row shares and totals.
 * @throws {JornadaError} `INVALID_OPTION` for invalid or out-of-order dates.
 *
 * @example
 * ```ts
 * const replay = replayLifecycle({ customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o', customerId: 'c', placedAt: new Date('2026-01-10T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }] }, { asOf: new Date('2026-03-01T00:00:00Z') });
 * // reach 1 Jan → acquisition 10 Jan → nurture 9 Feb
 * stageTransitionMatrix(replay, { from: new Date('2026-01-05T00:00:00Z'), to: replay.asOf }).shares[0];
 * //=> [0, 0, 1, 0, 0]
 * ```
 * @category Lifecycle
 */
export function stageTransitionMatrix(replay: LifecycleReplay, snapshots: LifecyclePeriod): StageTransitionMatrix {
  const from = instant(snapshots?.from, 'from');
  const to = instant(snapshots?.to, 'to');
  if (from > to) throw new JornadaError('INVALID_OPTION', 'from is after to', { issues: [{ path: ['from'], message: 'after to' }] });
  if (to > replay.asOf.getTime()) throw new JornadaError('INVALID_OPTION', 'to is after the end of the replay', { issues: [{ path: ['to'], message: 'after the replay' }] });
  const index = stageIndexMap(replay);
  const n = replay.model.stages.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const entrants = new Array<number>(n).fill(0);
  for (const h of replay.histories) {
    const j = stageIndexAt(h, to, index);
    if (j < 0) continue;
    const i = stageIndexAt(h, from, index);
    if (i < 0) entrants[j] = (entrants[j] as number) + 1;
    else (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + 1;
  }
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const shares = counts.map((row, i) => row.map((c) => ((rowTotals[i] as number) === 0 ? NaN : c / (rowTotals[i] as number))));
  return { from: new Date(from), to: new Date(to), stages: replay.model.stages.map((s) => s.id), counts, shares, rowTotals, entrants };
}

/**
 * Transition matrices between consecutive monthly snapshots: the first instant of each calendar month
 * (in `timeZone`) from the first month start at or after `from` to the last at or before `to`.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @param period - `from`, `to` (at most the replay's `asOf`) and the IANA `timeZone` of the months (default `UTC`).
 * @returns One matrix per pair of consecutive month starts, oldest first (empty with fewer than two).
 * @throws {JornadaError} `INVALID_OPTION` for invalid dates or an unknown zone.
 *
 * @example
 * ```ts
 * const replay = replayLifecycle({ customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o', customerId: 'c', placedAt: new Date('2026-01-10T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }] }, { asOf: new Date('2026-03-01T00:00:00Z') });
 * // reach 1 Jan → acquisition 10 Jan → nurture 9 Feb
 * monthlyStageTransitionMatrices(replay, { from: new Date('2026-01-01T00:00:00Z'), to: replay.asOf }).length;
 * //=> 2 (1 Jan → 1 Feb, 1 Feb → 1 Mar)
 * ```
 * @category Lifecycle
 */
export function monthlyStageTransitionMatrices(replay: LifecycleReplay, period: MonthlySnapshotOptions): StageTransitionMatrix[] {
  const from = instant(period?.from, 'from');
  const to = instant(period?.to, 'to');
  const zone = period?.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new JornadaError('INVALID_OPTION', `Unknown time zone: ${zone}`, { issues: [{ path: ['timeZone'], message: 'must be an IANA time-zone name' }] });
  }
  if (from > to) throw new JornadaError('INVALID_OPTION', 'from is after to', { issues: [{ path: ['from'], message: 'after to' }] });
  const local = localParts(from, zone);
  let y = local.year;
  let m = local.month;
  const starts: number[] = [];
  for (;;) {
    const t = startOfLocalDay(y, m, 1, zone);
    if (t > to) break;
    if (t >= from) starts.push(t);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  const out: StageTransitionMatrix[] = [];
  for (let k = 0; k + 1 < starts.length; k++) out.push(stageTransitionMatrix(replay, { from: new Date(starts[k] as number), to: new Date(starts[k + 1] as number) }));
  return out;
}
