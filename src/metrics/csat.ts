/**
 * Customer satisfaction (CSAT): the share of satisfied answers (top-2-box by default) with a Wilson
 * interval, and the mean rating.
 *
 * @module
 */
import type { RatingScale } from '../model/feedback.js';
import { ratingAccumulatorMethods, ratingMoments } from './moments.js';
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
 * Options of a CSAT score.
 *
 * @category Metrics
 */
export interface CsatOptions {
  /** The answer scale; default 1–5. */
  scale?: RatingScale;
  /** Lowest answer that counts as satisfied; default `scale.max − 1` (top-2-box: 4 and 5 on 1–5). */
  satisfiedFrom?: number;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

/**
 * A CSAT score. Nothing is rounded.
 *
 * @category Metrics
 */
export interface CsatResult extends ExperienceSummary {
  /** The scale the answers were read on. */
  scale: RatingScale;
  /** Lowest satisfied answer. */
  satisfiedFrom: number;
  /** Number (or weight) of satisfied answers. */
  satisfied: number;
  /** Satisfied share, 0..1 (`NaN` without answers); the same as `estimate`. */
  share: number;
  /** Wilson interval of `share` (the same as `interval`). */
  shareInterval: ConfidenceInterval;
  /** Mean rating on the scale. */
  mean: number;
  /** Sample standard deviation of the ratings. */
  standardDeviation: number;
  /** Normal-approximation interval of the mean (mean ± z·sd/√n). */
  meanInterval: ConfidenceInterval;
}

/**
 * Accumulator state of a CSAT or CES score: weighted sums of the rating, its square and the favourable indicator.
 *
 * @category Metrics
 */
export interface RatingAccumulatorState {
  /** Number of answers added. */
  n: number;
  /** Σw. */
  weightTotal: number;
  /** Σw². */
  weightSquares: number;
  /** Σw·x. */
  sum: number;
  /** Σw·x². */
  sumSquares: number;
  /** Σw of the favourable answers (satisfied for CSAT; agreeing or low effort for CES). */
  favourable: number;
}

/**
 * The accumulator of {@link csatAccumulator}.
 *
 * @category Metrics
 */
export type CsatAccumulator = ExperienceAccumulator<RatingAccumulatorState, CsatResult>;

function resolveCsat(options: CsatOptions | undefined): { scale: RatingScale; satisfiedFrom: number; level: number } {
  const level = checkLevel(options?.level);
  const scale = options?.scale ?? { min: 1, max: 5 };
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || !(scale.max > scale.min)) {
    throw invalidOption('scale', 'needs finite min < max', scale);
  }
  const satisfiedFrom = options?.satisfiedFrom ?? scale.max - 1;
  if (!(satisfiedFrom >= scale.min && satisfiedFrom <= scale.max)) {
    throw invalidOption('satisfiedFrom', `must lie on the scale ${scale.min}–${scale.max}`, satisfiedFrom);
  }
  return { scale: { min: scale.min, max: scale.max }, satisfiedFrom, level };
}

/**
 * A mergeable CSAT accumulator (see {@link ExperienceAccumulator}). Answers may be any number on the
 * scale; satisfied means `answer ≥ satisfiedFrom`.
 *
 * @param options - Scale (default 1–5), satisfied threshold (default top-2-box) and level.
 * @returns The accumulator.
 * @throws {JornadaError} `INVALID_OPTION` for a bad scale, threshold or level.
 *
 * @example
 * ```ts
 * const acc = csatAccumulator();
 * const s = acc.addAll(acc.create(), [5, 4, 3, 2]);
 * acc.result(s).share; //=> 0.5
 * ```
 * @category Metrics
 */
export function csatAccumulator(options?: CsatOptions): CsatAccumulator {
  const { scale, satisfiedFrom, level } = resolveCsat(options);
  return {
    kind: 'csat',
    ...ratingAccumulatorMethods<CsatResult>(scale, false, (answer) => answer >= satisfiedFrom),
    result(state) {
      const { mean, standardDeviation, standardError, effectiveN } = ratingMoments(state);
      const share = state.weightTotal > 0 ? state.favourable / state.weightTotal : NaN;
      const shareInterval = wilsonUnchecked(share * effectiveN || 0, effectiveN, level);
      const shareSe = Math.sqrt((share * (1 - share)) / effectiveN);
      return {
        n: state.n,
        weightTotal: state.weightTotal,
        effectiveN,
        estimate: share,
        estimateStandardError: shareSe,
        interval: shareInterval,
        scale,
        satisfiedFrom,
        satisfied: state.favourable,
        share,
        shareInterval,
        mean,
        standardDeviation,
        meanInterval: normalInterval(mean, standardError, level, scale.min, scale.max),
      };
    },
  };
}

/**
 * CSAT of a set of answers: the satisfied share (top-2-box by default) with its Wilson interval, and
 * the mean rating with a normal-approximation interval.
 *
 * @param answers - Ratings on the scale (an array, a typed array or any iterable).
 * @param options - Scale (default 1–5), satisfied threshold (default `max − 1`) and level.
 * @returns The score; `share` and `mean` are `NaN` and `n` is 0 without answers.
 * @throws {JornadaError} `INVALID_INPUT` with path `['answers', i]` for an answer off the scale;
 *   `INVALID_OPTION` for a bad scale, threshold or level.
 *
 * @example
 * ```ts
 * const r = csatScore([5, 4, 4, 3, 1]);
 * r.share; //=> 0.6
 * r.mean; //=> 3.4
 * ```
 * @category Metrics
 */
export function csatScore(answers: Iterable<number> | ArrayLike<number>, options?: CsatOptions): CsatResult {
  const acc = csatAccumulator(options);
  const list = Array.isArray(answers) || ArrayBuffer.isView(answers) ? (answers as ArrayLike<number>) : Array.from(answers as Iterable<number>);
  return acc.result(acc.addAll(acc.create(), list));
}
