/**
 * Customer Effort Score (CES): the 7-point "CES 2.0" (agreement that the company made it easy) and the
 * older 5-point, lower-is-better effort question.
 *
 * @module
 */
import type { RatingScale } from '../model/feedback.js';
import { ratingAccumulatorMethods, ratingMoments } from './moments.js';
import type { RatingAccumulatorState } from './csat.js';
import {
  checkLevel,
  invalidOption,
  normalInterval,
  wilsonUnchecked,
  type ConfidenceInterval,
  type ExperienceAccumulator,
  type ExperienceSummary,
} from './shared.js';

/**
 * Which CES question was asked:
 * - `ces2` — "The company made it easy for me to handle my issue", 1 (strongly disagree) to 7
 *   (strongly agree); higher is better; favourable = 5–7 (agree somewhat, agree, strongly agree).
 *   Dixon, Toman & DeLisi (2013), *The Effortless Experience*.
 * - `legacy` — "How much effort did you personally have to put forth to handle your request?", 1 (very
 *   low) to 5 (very high); lower is better; favourable = 1–2 (low effort). Dixon, Freeman & Toman
 *   (2010), "Stop trying to delight your customers", *Harvard Business Review*.
 *
 * @category Metrics
 */
export type CesVariant = 'ces2' | 'legacy';

/**
 * Options of a CES score.
 *
 * @category Metrics
 */
export interface CesOptions {
  /** The question; default `ces2`. */
  variant?: CesVariant;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

/**
 * A CES score. Nothing is rounded.
 *
 * @category Metrics
 */
export interface CesResult extends ExperienceSummary {
  /** The question the answers belong to. */
  variant: CesVariant;
  /** The answer scale: 1–7 for `ces2`, 1–5 for `legacy`. */
  scale: RatingScale;
  /** True for `ces2` (agreement), false for `legacy` (effort: lower is better). */
  higherIsBetter: boolean;
  /** Mean answer; the same as `estimate`. */
  mean: number;
  /** Sample standard deviation of the answers. */
  standardDeviation: number;
  /** Normal-approximation interval of the mean (the same as `interval`). */
  meanInterval: ConfidenceInterval;
  /** Number (or weight) of favourable answers: 5–7 for `ces2`, 1–2 for `legacy`. */
  favourable: number;
  /** Favourable share, 0..1 (for `ces2`, the share agreeing). */
  favourableShare: number;
  /** Wilson interval of `favourableShare`. */
  favourableInterval: ConfidenceInterval;
}

/**
 * The accumulator of {@link cesAccumulator}.
 *
 * @category Metrics
 */
export type CesAccumulator = ExperienceAccumulator<RatingAccumulatorState, CesResult>;

/**
 * A mergeable CES accumulator (see {@link ExperienceAccumulator}). Answers are integers on the
 * variant's scale.
 *
 * @param options - Variant (default `ces2`) and level.
 * @returns The accumulator.
 * @throws {JornadaError} `INVALID_OPTION` for an unknown variant or a bad level.
 *
 * @example
 * ```ts
 * const acc = cesAccumulator();
 * acc.result(acc.addAll(acc.create(), [7, 6, 5, 2])).favourableShare; //=> 0.75
 * ```
 * @category Metrics
 */
export function cesAccumulator(options?: CesOptions): CesAccumulator {
  const level = checkLevel(options?.level);
  const variant = options?.variant ?? 'ces2';
  if (variant !== 'ces2' && variant !== 'legacy') throw invalidOption('variant', 'must be ces2 or legacy', variant);
  const higherIsBetter = variant === 'ces2';
  const scale: RatingScale = higherIsBetter ? { min: 1, max: 7 } : { min: 1, max: 5 };
  return {
    kind: 'ces',
    ...ratingAccumulatorMethods<CesResult>(scale, true, higherIsBetter ? (answer) => answer >= 5 : (answer) => answer <= 2),
    result(state) {
      const { mean, standardDeviation, standardError, effectiveN } = ratingMoments(state);
      const favourableShare = state.weightTotal > 0 ? state.favourable / state.weightTotal : NaN;
      const meanInterval = normalInterval(mean, standardError, level, scale.min, scale.max);
      return {
        n: state.n,
        weightTotal: state.weightTotal,
        effectiveN,
        estimate: mean,
        estimateStandardError: standardError,
        interval: meanInterval,
        variant,
        scale,
        higherIsBetter,
        mean,
        standardDeviation,
        meanInterval,
        favourable: state.favourable,
        favourableShare,
        favourableInterval: wilsonUnchecked(favourableShare * effectiveN || 0, effectiveN, level),
      };
    },
  };
}

/**
 * CES of a set of answers: the mean with a normal-approximation interval, and the favourable share
 * (agreeing 5–7 for `ces2`, low effort 1–2 for `legacy`) with a Wilson interval.
 *
 * @param answers - Integer answers on the variant's scale (an array, a typed array or any iterable).
 * @param options - Variant (default `ces2`) and level.
 * @returns The score; `mean` is `NaN` and `n` is 0 without answers.
 * @throws {JornadaError} `INVALID_INPUT` with path `['answers', i]` for an answer off the scale or not
 *   an integer; `INVALID_OPTION` for an unknown variant or a bad level.
 *
 * @example
 * ```ts
 * cesScore([7, 6, 5, 2]).mean; //=> 5
 * cesScore([1, 2, 4], { variant: 'legacy' }).favourableShare; //=> 0.6666666666666666
 * ```
 * @category Metrics
 */
export function cesScore(answers: Iterable<number> | ArrayLike<number>, options?: CesOptions): CesResult {
  const acc = cesAccumulator(options);
  const list = Array.isArray(answers) || ArrayBuffer.isView(answers) ? (answers as ArrayLike<number>) : Array.from(answers as Iterable<number>);
  return acc.result(acc.addAll(acc.create(), list));
}
