/**
 * Net Promoter Score: classification, score, trinomial variance, intervals, the difference of two
 * scores, weights, and a mergeable accumulator with a columnar fast path.
 *
 * @module
 */
import { twoSidedCriticalValue, twoSidedNormalPValue } from '../core/normal.js';
import {
  checkLevel,
  checkWeight,
  emptyInterval,
  invalidAt,
  invalidOption,
  type ConfidenceInterval,
  type ExperienceAccumulator,
  type ExperienceSummary,
  showValue,
} from './shared.js';

/**
 * Where a 0–10 likelihood-to-recommend answer falls: `detractor` (0–6), `passive` (7–8) or
 * `promoter` (9–10), after Reichheld (2003), "The one number you need to grow", *Harvard Business Review*.
 *
 * @category Metrics
 */
export type NpsCategory = 'detractor' | 'passive' | 'promoter';

/**
 * How to compute an NPS interval:
 * - `wald` — score ± z·SE with the trinomial variance (clipped to −100..100);
 * - `adjusted-wald` — the Wald interval after adding ¾ promoter, 1½ passive and ¾ detractor
 *   (3 pseudo-answers), which pulls the centre towards 0 and keeps small samples from a zero-width
 *   interval (Rocks 2016);
 * - `score` — Tango's asymptotic score interval for a difference of two multinomial proportions
 *   (Tango 1998), inverted numerically; well-behaved in small samples and at the ends of the scale.
 *
 * @category Metrics
 */
export type NpsIntervalMethod = 'wald' | 'adjusted-wald' | 'score';

/**
 * Options of NPS results and intervals.
 *
 * @category Metrics
 */
export interface NpsOptions {
  /** Confidence level of the interval; default 0.95. */
  level?: number;
  /** Interval method; default `score`. */
  method?: NpsIntervalMethod;
}

/**
 * Counts (or weight sums) of the three NPS categories.
 *
 * @category Metrics
 */
export interface NpsCounts {
  /** Answers 0–6 (or their weight). */
  detractors: number;
  /** Answers 7–8 (or their weight). */
  passives: number;
  /** Answers 9–10 (or their weight). */
  promoters: number;
}

/**
 * A Net Promoter Score with its parts. Nothing is rounded.
 *
 * @category Metrics
 */
export interface NpsResult extends NpsCounts, ExperienceSummary {
  /** Share of detractors, 0..1 (`NaN` without answers). */
  detractorShare: number;
  /** Share of passives, 0..1. */
  passiveShare: number;
  /** Share of promoters, 0..1. */
  promoterShare: number;
  /** The score in points: (promoterShare − detractorShare) × 100, in −100..100; `NaN` without answers. */
  score: number;
  /**
   * Variance of one answer coded +1 (promoter), 0 (passive), −1 (detractor), on the share scale:
   * p + d − (p − d)² with p, d the promoter and detractor shares.
   */
  variance: number;
  /** Standard error of the score on the share scale, √(variance / effectiveN); 0.304 means ±30.4 points. */
  standardError: number;
}

/**
 * Classifies one likelihood-to-recommend answer.
 *
 * @param answer - An integer 0..10.
 * @returns `detractor` (0–6), `passive` (7–8) or `promoter` (9–10).
 * @throws {JornadaError} `INVALID_INPUT` (path `['answer']`) when the answer is not an integer in 0..10.
 *
 * @example
 * ```ts
 * classifyNps(6); //=> 'detractor'
 * classifyNps(8); //=> 'passive'
 * classifyNps(9); //=> 'promoter'
 * ```
 * @category Metrics
 */
export function classifyNps(answer: number): NpsCategory {
  checkNpsAnswer(answer, ['answer']);
  return answer >= 9 ? 'promoter' : answer >= 7 ? 'passive' : 'detractor';
}

function checkNpsAnswer(answer: number, path: readonly (string | number)[]): void {
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > 10) {
    throw invalidAt(path, `an NPS answer is an integer 0..10, got ${showValue(answer)}`, 'out_of_scale');
  }
}

/**
 * Accumulator state of an NPS: category weight sums, number of answers and the sum of squared weights.
 *
 * @category Metrics
 */
export interface NpsState extends NpsCounts {
  /** Number of answers added. */
  n: number;
  /** Sum of squared weights (equals `n` when unweighted), for Kish's effective sample size. */
  weightSquares: number;
}

function checkNpsOptions(options: NpsOptions | undefined): { level: number; method: NpsIntervalMethod } {
  const level = checkLevel(options?.level);
  const method = options?.method ?? 'score';
  if (method !== 'wald' && method !== 'adjusted-wald' && method !== 'score') {
    throw invalidOption('method', 'must be wald, adjusted-wald or score', method);
  }
  return { level, method };
}

function resultFromState(state: NpsState, level: number, method: NpsIntervalMethod): NpsResult {
  const { n, detractors, passives, promoters, weightSquares } = state;
  const weightTotal = detractors + passives + promoters;
  const effectiveN = weightSquares > 0 ? (weightTotal * weightTotal) / weightSquares : 0;
  const d = weightTotal > 0 ? detractors / weightTotal : NaN;
  const pa = weightTotal > 0 ? passives / weightTotal : NaN;
  const p = weightTotal > 0 ? promoters / weightTotal : NaN;
  const net = p - d;
  const variance = p + d - net * net;
  const standardError = Math.sqrt(variance / effectiveN);
  const interval = intervalOfShares(p, d, effectiveN, level, method);
  return {
    n,
    detractors,
    passives,
    promoters,
    detractorShare: d,
    passiveShare: pa,
    promoterShare: p,
    score: net * 100,
    variance,
    standardError,
    weightTotal,
    effectiveN,
    estimate: net * 100,
    estimateStandardError: standardError * 100,
    interval,
  };
}

/** Interval of an NPS in points from its shares and (effective) sample size. */
function intervalOfShares(p: number, d: number, n: number, level: number, method: NpsIntervalMethod): ConfidenceInterval {
  if (!(n > 0) || Number.isNaN(p) || Number.isNaN(d)) return emptyInterval(level, method);
  const z = twoSidedCriticalValue(level);
  if (method === 'wald') {
    const net = p - d;
    const se = Math.sqrt((p + d - net * net) / n);
    return { lower: Math.max(-100, (net - z * se) * 100), upper: Math.min(100, (net + z * se) * 100), level, method };
  }
  if (method === 'adjusted-wald') {
    const nt = n + 3;
    const pt = (p * n + 0.75) / nt;
    const dt = (d * n + 0.75) / nt;
    const net = pt - dt;
    const se = Math.sqrt((pt + dt - net * net) / nt);
    return { lower: Math.max(-100, (net - z * se) * 100), upper: Math.min(100, (net + z * se) * 100), level, method };
  }
  const [lower, upper] = tangoScoreInterval(p * n, d * n, n, z);
  return { lower: lower * 100, upper: upper * 100, level, method };
}

/**
 * Tango's (1998) score statistic for H0: promoter share − detractor share = Δ, with c promoters,
 * b detractors among n answers: T(Δ) = (c − b − nΔ) / √(n(2d̃ + Δ(1 − Δ))), where d̃ is the detractor
 * share that maximises the trinomial likelihood under H0, the positive root of
 * 2n·d² + (−b − c + (2n − c + b)Δ)·d − bΔ(1 − Δ) = 0.
 */
function tangoStatistic(c: number, b: number, n: number, delta: number): number {
  const B = -b - c + (2 * n - c + b) * delta;
  const C = -b * delta * (1 - delta);
  const dTilde = (Math.sqrt(Math.max(0, B * B - 8 * n * C)) - B) / (4 * n);
  const v = n * (2 * dTilde + delta * (1 - delta));
  return (c - b - n * delta) / Math.sqrt(v);
}

/** The set {Δ : |T(Δ)| ≤ z} found by bisection on each side of the estimate (T decreases in Δ). */
function tangoScoreInterval(c: number, b: number, n: number, z: number): [number, number] {
  const estimate = (c - b) / n;
  const solve = (from: number, to: number, target: number): number => {
    // Finds Δ between `from` (where T is on the inner side of target) and `to` (the end of the scale).
    let inner = from;
    let outer = to;
    for (let i = 0; i < 200 && Math.abs(outer - inner) > 1e-15; i++) {
      const mid = (inner + outer) / 2;
      const t = tangoStatistic(c, b, n, mid);
      const beyond = target < 0 ? t < target : t > target;
      if (beyond || Number.isNaN(t)) outer = mid;
      else inner = mid;
    }
    return (inner + outer) / 2;
  };
  const upper = c >= n ? 1 : solve(estimate, 1, -z);
  const lower = b >= n ? -1 : solve(estimate, -1, z);
  return [Math.max(-1, Math.min(lower, estimate)), Math.min(1, Math.max(upper, estimate))];
}

function addUnchecked(state: NpsState, answer: number, weight: number): void {
  if (answer >= 9) state.promoters += weight;
  else if (answer >= 7) state.passives += weight;
  else state.detractors += weight;
  state.n += 1;
  state.weightSquares += weight * weight;
}

function emptyState(): NpsState {
  return { n: 0, detractors: 0, passives: 0, promoters: 0, weightSquares: 0 };
}

/** Adds `length` unweighted answers given as counts per answer value (index 0..10 used). */
function addCounts(state: NpsState, counts: Float64Array, length: number): NpsState {
  let d = 0;
  for (let v = 0; v <= 6; v++) d += counts[v]!;
  state.detractors += d;
  state.passives += counts[7]! + counts[8]!;
  state.promoters += counts[9]! + counts[10]!;
  state.n += length;
  state.weightSquares += length;
  return state;
}

function addArray(state: NpsState, answers: ArrayLike<number>): NpsState {
  const length = answers.length;
  if (answers instanceof Uint8Array) {
    // Histogram over all 256 byte values: no branch per answer; out-of-scale values are found after.
    const histogram = new Float64Array(256);
    for (let i = 0; i < length; i++) histogram[answers[i] as number]! += 1;
    for (let v = 11; v < 256; v++) {
      if (histogram[v]! > 0) throw invalidAt(['answers', answers.indexOf(v)], `an NPS answer is an integer 0..10, got ${v}`, 'out_of_scale');
    }
    return addCounts(state, histogram, length);
  }
  // Any other array: a histogram of the eleven answers; `k !== a || k > 10` catches negatives,
  // fractions, NaN and values above 10 in one test (k is the unsigned 32-bit conversion of a).
  const counts = new Float64Array(11);
  for (let i = 0; i < length; i++) {
    const a = answers[i] as number;
    const k = typeof a === 'number' ? a >>> 0 : -1; // never coerce a non-number (its toString may throw)
    if (k !== a || k > 10) checkNpsAnswer(a, ['answers', i]);
    counts[k]! += 1;
  }
  return addCounts(state, counts, length);
}

/**
 * The accumulator of {@link npsAccumulator}.
 *
 * @category Metrics
 */
export type NpsAccumulator = ExperienceAccumulator<NpsState, NpsResult>;

/**
 * A mergeable NPS accumulator. Use it to score answers that arrive in parts (workers, streams,
 * partitions): `create` a state per part, `add` or `addAll` answers, `merge` the states, take the
 * `result`. Merging is associative and commutative (exactly so for integer weights).
 *
 * @param options - Interval level and method used by `result`.
 * @returns The accumulator.
 * @throws {JornadaError} `INVALID_OPTION` for a bad level or method.
 *
 * @example
 * ```ts
 * const acc = npsAccumulator();
 * const a = acc.addAll(acc.create(), new Uint8Array([10, 9, 3]));
 * const b = acc.add(acc.create(), 8);
 * acc.result(acc.merge(a, b)).score; //=> 25
 * ```
 * @category Metrics
 */
export function npsAccumulator(options?: NpsOptions): NpsAccumulator {
  const { level, method } = checkNpsOptions(options);
  return {
    kind: 'nps',
    create: emptyState,
    add(state, answer, weight = 1) {
      checkNpsAnswer(answer, ['answer']);
      checkWeight(weight, ['weight']);
      addUnchecked(state, answer, weight);
      return state;
    },
    addAll: addArray,
    merge(a, b) {
      return {
        n: a.n + b.n,
        detractors: a.detractors + b.detractors,
        passives: a.passives + b.passives,
        promoters: a.promoters + b.promoters,
        weightSquares: a.weightSquares + b.weightSquares,
      };
    },
    result: (state) => resultFromState(state, level, method),
  };
}

/**
 * Net Promoter Score of 0–10 answers, optionally weighted: share of promoters (9–10) minus share of
 * detractors (0–6), in points. With weights, shares are weight shares and the standard error uses
 * Kish's effective sample size (Σw)²/Σw² (Kish 1965, *Survey Sampling*).
 *
 * @param answers - Likelihood-to-recommend answers, integers 0..10 (an array, a typed array or any iterable).
 * @param options - Interval level and method, and optional `weights` (one per answer, finite, ≥ 0).
 * @returns Counts, shares, score, variance, standard error and interval; `score` is `NaN` and `n` is 0
 *   without answers.
 * @throws {JornadaError} `INVALID_INPUT` with path `['answers', i]` for an answer that is not an
 *   integer 0..10, `['weights', i]` for a bad weight or a weights array of another length;
 *   `INVALID_OPTION` for a bad level or method.
 *
 * @example
 * ```ts
 * const r = npsScore([10, 9, 8, 3]);
 * r.score; //=> 25
 * r.promoters; //=> 2
 * npsScore([]).score; //=> NaN
 * ```
 * @category Metrics
 */
export function npsScore(answers: Iterable<number> | ArrayLike<number>, options?: NpsOptions & { weights?: ArrayLike<number> }): NpsResult {
  const { level, method } = checkNpsOptions(options);
  const state = emptyState();
  const weights = options?.weights;
  if (weights === undefined) {
    if (isArrayLike(answers)) addArray(state, answers);
    else {
      let i = 0;
      for (const a of answers) {
        checkNpsAnswer(a, ['answers', i]);
        addUnchecked(state, a, 1);
        i++;
      }
    }
  } else {
    const list = isArrayLike(answers) ? answers : Array.from(answers);
    if (weights.length !== list.length) {
      throw invalidAt(['weights'], `expected ${list.length} weights (one per answer), got ${weights.length}`, 'length_mismatch');
    }
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as number;
      const w = weights[i] as number;
      checkNpsAnswer(a, ['answers', i]);
      checkWeight(w, ['weights', i]);
      addUnchecked(state, a, w);
    }
  }
  return resultFromState(state, level, method);
}

function isArrayLike(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

/**
 * Net Promoter Score from category counts (or weight sums treated as counts).
 *
 * @param counts - Detractors, passives and promoters, each finite and ≥ 0.
 * @param options - Interval level and method.
 * @returns The score and its parts; `n` is the total count.
 * @throws {JornadaError} `INVALID_INPUT` (path `['detractors']` etc.) for a negative or non-finite count;
 *   `INVALID_OPTION` for a bad level or method.
 *
 * @example
 * ```ts
 * const r = npsFromCounts({ detractors: 1, passives: 2, promoters: 3 });
 * r.score; //=> 33.333333333333336 (1/3 as a share)
 * r.variance; //=> 0.5555555555555555 (5/9)
 * r.standardError; //=> 0.30429030972509225
 * ```
 * @category Metrics
 */
export function npsFromCounts(counts: NpsCounts, options?: NpsOptions): NpsResult {
  const { level, method } = checkNpsOptions(options);
  for (const key of ['detractors', 'passives', 'promoters'] as const) {
    const v = counts[key];
    if (typeof v !== 'number' || !(v >= 0) || v === Infinity) throw invalidAt([key], `a count must be a finite number ≥ 0, got ${showValue(v)}`);
  }
  const total = counts.detractors + counts.passives + counts.promoters;
  return resultFromState(
    { n: total, detractors: counts.detractors, passives: counts.passives, promoters: counts.promoters, weightSquares: total },
    level,
    method,
  );
}

/**
 * A confidence interval of an NPS, in points, by the method of your choice (see
 * {@link NpsIntervalMethod}). Weighted results use their effective sample size.
 *
 * @param result - An NPS result (from {@link npsScore}, {@link npsFromCounts} or an accumulator).
 * @param options - Level (default 0.95) and method (default `score`).
 * @returns The interval in −100..100; `NaN` ends without answers.
 * @throws {JornadaError} `INVALID_OPTION` for a bad level or method.
 *
 * @example
 * ```ts
 * const r = npsFromCounts({ detractors: 16, passives: 139, promoters: 6 });
 * const ci = npsInterval(r, { method: 'wald' });
 * [ci.lower.toFixed(2), ci.upper.toFixed(2)]; //=> ['-11.84', '-0.58']
 * ```
 * @category Metrics
 */
export function npsInterval(result: NpsResult, options?: NpsOptions): ConfidenceInterval {
  const { level, method } = checkNpsOptions(options);
  return intervalOfShares(result.promoterShare, result.detractorShare, result.effectiveN, level, method);
}

/**
 * Comparison of two independent Net Promoter Scores.
 *
 * @category Metrics
 */
export interface NpsDifference {
  /** `a.score − b.score`, in points. */
  difference: number;
  /** Standard error of the difference on the share scale: √(SE_a² + SE_b²). */
  standardError: number;
  /** The z statistic, difference / standard error (both on the share scale). */
  z: number;
  /** Two-sided p-value of `z` under the standard normal. */
  pValue: number;
  /** Wald interval of the difference, in points. */
  interval: ConfidenceInterval;
}

/**
 * Difference between two NPS from independent samples (two periods, two stores, a test and a control),
 * with its standard error, z statistic and two-sided p-value: z = (NPS_a − NPS_b) / √(Var_a/n_a + Var_b/n_b)
 * with each variance the trinomial p + d − (p − d)².
 *
 * @param a - First result.
 * @param b - Second result.
 * @param options - Confidence level of the interval (default 0.95).
 * @returns The difference in points, its standard error (share scale), z, p-value and interval; all
 *   `NaN` when either side has no answers or both have zero variance.
 * @throws {JornadaError} `INVALID_OPTION` for a bad level.
 *
 * @example
 * ```ts
 * const d = npsDifference(npsFromCounts({ detractors: 10, passives: 30, promoters: 60 }),
 *                         npsFromCounts({ detractors: 20, passives: 30, promoters: 50 }));
 * d.difference; //=> 20
 * d.pValue.toFixed(3); //=> '0.052'
 * ```
 * @category Metrics
 */
export function npsDifference(a: NpsResult, b: NpsResult, options?: { level?: number }): NpsDifference {
  const level = checkLevel(options?.level);
  const difference = a.score - b.score;
  const standardError = Math.sqrt(a.standardError * a.standardError + b.standardError * b.standardError);
  const z = difference / 100 / standardError;
  const zc = twoSidedCriticalValue(level);
  const ok = Number.isFinite(z);
  return {
    difference,
    standardError,
    z: ok ? z : NaN,
    pValue: ok ? twoSidedNormalPValue(z) : NaN,
    interval: ok
      ? { lower: difference - zc * standardError * 100, upper: difference + zc * standardError * 100, level, method: 'wald' }
      : emptyInterval(level, 'wald'),
  };
}
