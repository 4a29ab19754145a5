/**
 * Types and helpers shared by the experience metrics: confidence intervals, the Wilson interval,
 * the summary every score result carries, and validation at the edge.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { twoSidedCriticalValue } from '../core/normal.js';
import { showValue } from '../core/show-value.js';

/**
 * A two-sided confidence interval, in the units of the estimate it belongs to (NPS points, a CSAT
 * share, a CES mean…). Both ends are `NaN` when there is nothing to estimate from.
 *
 * @category Metrics
 */
export interface ConfidenceInterval {
  /** Lower end. */
  lower: number;
  /** Upper end. */
  upper: number;
  /** Confidence level, for example 0.95. */
  level: number;
  /** How the interval was computed (`wald`, `adjusted-wald`, `score`, `wilson`, `normal`). */
  method: string;
}

/**
 * What every score result (NPS, CSAT, CES) has in common, so that breakdowns and trends can treat
 * them alike.
 *
 * @category Metrics
 */
export interface ExperienceSummary {
  /** Number of answers counted. */
  n: number;
  /** Sum of the weights (equals `n` when answers are unweighted). */
  weightTotal: number;
  /** Kish's effective sample size (Σw)²/Σw² (equals `n` when answers are unweighted). */
  effectiveN: number;
  /** The headline figure: NPS points (−100..100), the CSAT satisfied share (0..1) or the CES mean. */
  estimate: number;
  /** Standard error of `estimate`, in its units. */
  estimateStandardError: number;
  /** Confidence interval of `estimate`, in its units. */
  interval: ConfidenceInterval;
}

/**
 * A mergeable accumulator of one experience score: split answers across workers or a stream
 * processor, accumulate each part, merge the states (in any order and grouping), then take the
 * result. States are plain JSON-serialisable objects.
 *
 * @typeParam S - The state.
 * @typeParam R - The result.
 * @category Metrics
 */
export interface ExperienceAccumulator<S, R extends ExperienceSummary> {
  /** Which survey the accumulator scores; responses with another `kind` are skipped by breakdowns and trends. */
  readonly kind: 'nps' | 'csat' | 'ces';
  /** A new, empty state. */
  create(): S;
  /**
   * Adds one answer to `state` (mutating it, so that hot loops do not allocate) and returns it.
   * Throws `JornadaError` `INVALID_INPUT` (path `['answer']`) when the answer is off the scale, and
   * `INVALID_INPUT` (path `['weight']`) when the weight is negative or not finite.
   */
  add(state: S, answer: number, weight?: number): S;
  /**
   * Adds every answer of an array or typed array (the columnar fast path), mutating `state`.
   * Throws `JornadaError` `INVALID_INPUT` with path `['answers', index]` at the first bad answer
   * (the state is then left unchanged).
   */
  addAll(state: S, answers: ArrayLike<number>): S;
  /** A new state holding both inputs; neither input is changed. Associative and commutative. */
  merge(a: S, b: S): S;
  /** The score of a state. */
  result(state: S): R;
}

export { showValue };

/** Default confidence level of every interval. */
export const DEFAULT_LEVEL = 0.95;

/**
 * Validates a confidence level: a number strictly between 0 and 1.
 *
 * @param level - The level given, or `undefined` for the default 0.95.
 * @returns The level.
 * @internal
 */
export function checkLevel(level: number | undefined): number {
  const value = level ?? DEFAULT_LEVEL;
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new JornadaError('INVALID_OPTION', `level must lie strictly between 0 and 1, got ${showValue(value)}`, {
      details: { level: value },
    });
  }
  return value;
}

/**
 * The INVALID_INPUT error for a bad value at `path`.
 *
 * @param path - Where the bad value is, from the root of the input.
 * @param message - What is wrong.
 * @param code - A finer issue code.
 * @returns The error, to throw.
 * @internal
 */
export function invalidAt(path: readonly (string | number)[], message: string, code = 'invalid_value'): JornadaError {
  return new JornadaError('INVALID_INPUT', `Invalid input at ${path.join('.') || '(root)'}: ${message}`, {
    issues: [{ path: [...path], message, code }],
  });
}

/**
 * The INVALID_OPTION error for a bad option.
 *
 * @param name - The option.
 * @param message - What is wrong.
 * @param value - The value given.
 * @returns The error, to throw.
 * @internal
 */
export function invalidOption(name: string, message: string, value: unknown): JornadaError {
  return new JornadaError('INVALID_OPTION', `Invalid option ${name}: ${message}`, { details: { [name]: value } });
}

/**
 * Validates a weight (finite, ≥ 0).
 *
 * @param weight - The weight.
 * @param path - Where it is, for the error.
 * @internal
 */
export function checkWeight(weight: number, path: readonly (string | number)[]): void {
  if (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity) {
    throw invalidAt(path, `a weight must be a finite number ≥ 0, got ${showValue(weight)}`, 'invalid_weight');
  }
}

/**
 * An interval of NaNs, for empty input.
 *
 * @param level - Confidence level.
 * @param method - Method name.
 * @returns An interval with `NaN` ends.
 * @internal
 */
export function emptyInterval(level: number, method: string): ConfidenceInterval {
  return { lower: NaN, upper: NaN, level, method };
}

/**
 * Wilson score interval for a binomial proportion.
 *
 * Wilson (1927), "Probable inference, the law of succession, and statistical inference", *JASA* 22,
 * 209–212; recommended over the Wald interval by Newcombe (1998), *Statistics in Medicine* 17, 857–872.
 * With p̂ = x/n and z = Φ⁻¹((1 + level)/2):
 * centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * `n` may be an effective sample size (not an integer) for weighted data.
 *
 * @param successes - Number (or weighted share × effective n) of successes, 0 ≤ successes ≤ n.
 * @param n - Number of trials (or an effective sample size); 0 gives `NaN` ends.
 * @param level - Confidence level, default 0.95.
 * @returns The interval on the share scale (0..1).
 * @throws {JornadaError} `INVALID_INPUT` when the counts are negative, not finite or successes exceed n;
 *   `INVALID_OPTION` when `level` is not strictly between 0 and 1.
 *
 * @example
 * ```ts
 * // Newcombe (1998), table II: 81 of 263 → 0.2553 to 0.3662
 * const ci = wilsonInterval(81, 263);
 * [ci.lower.toFixed(4), ci.upper.toFixed(4)]; //=> ['0.2553', '0.3662']
 * ```
 * @category Metrics
 */
export function wilsonInterval(successes: number, n: number, level?: number): ConfidenceInterval {
  const lvl = checkLevel(level);
  if (!(n >= 0) || n === Infinity) throw invalidAt(['n'], `must be a finite number ≥ 0, got ${showValue(n)}`);
  if (!(successes >= 0) || successes > n * (1 + 1e-12)) {
    throw invalidAt(['successes'], `must lie between 0 and n, got ${showValue(successes)}`);
  }
  return wilsonUnchecked(successes, n, lvl);
}

/**
 * Wilson interval without validation.
 *
 * @param successes - Successes (may be fractional).
 * @param n - Trials or effective sample size.
 * @param level - Confidence level.
 * @returns The interval on 0..1.
 * @internal
 */
export function wilsonUnchecked(successes: number, n: number, level: number): ConfidenceInterval {
  if (n === 0) return emptyInterval(level, 'wilson');
  const z = twoSidedCriticalValue(level);
  const p = Math.min(1, successes / n);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), level, method: 'wilson' };
}

/**
 * Normal-approximation interval estimate ± z·se, optionally clipped.
 *
 * @param estimate - The estimate.
 * @param se - Its standard error.
 * @param level - Confidence level.
 * @param lo - Lowest possible value (the interval is clipped to it).
 * @param hi - Highest possible value.
 * @returns The interval; `NaN` ends when estimate or se is not finite.
 * @internal
 */
export function normalInterval(estimate: number, se: number, level: number, lo = -Infinity, hi = Infinity): ConfidenceInterval {
  if (!Number.isFinite(estimate) || !Number.isFinite(se)) return emptyInterval(level, 'normal');
  const z = twoSidedCriticalValue(level);
  return { lower: Math.max(lo, estimate - z * se), upper: Math.min(hi, estimate + z * se), level, method: 'normal' };
}
