/**
 * Weighted moments of ratings on a bounded scale (internal): the state shared by the CSAT and CES
 * accumulators.
 *
 * @internal
 * @module
 */
import type { RatingScale } from '../model/feedback.js';
import type { RatingAccumulatorState } from './csat.js';
import { checkWeight, invalidAt, showValue, type ExperienceAccumulator, type ExperienceSummary } from './shared.js';

/**
 * Weighted sums of a rating and of its favourable indicator: the public {@link RatingAccumulatorState}.
 *
 * @internal
 */
export type RatingState = RatingAccumulatorState;

/**
 * A new empty rating state.
 *
 * @returns A state with every sum 0.
 * @internal
 */
export function emptyRatingState(): RatingState {
  return { n: 0, weightTotal: 0, weightSquares: 0, sum: 0, sumSquares: 0, favourable: 0 };
}

/**
 * Component-wise sum of two states.
 *
 * @param a - One state.
 * @param b - Another state.
 * @returns A new state with the sums of both.
 * @internal
 */
export function mergeRatingStates(a: RatingState, b: RatingState): RatingState {
  return {
    n: a.n + b.n,
    weightTotal: a.weightTotal + b.weightTotal,
    weightSquares: a.weightSquares + b.weightSquares,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    favourable: a.favourable + b.favourable,
  };
}

/**
 * Throws INVALID_INPUT at `path` unless `answer` lies on `scale` (and is an integer when `integer`).
 *
 * @param answer - The answer.
 * @param scale - Its scale.
 * @param integer - Whether the answer must be an integer.
 * @param path - Where it is, for the error.
 * @internal
 */
export function checkRating(answer: number, scale: RatingScale, integer: boolean, path: readonly (string | number)[]): void {
  if (typeof answer !== 'number' || !(answer >= scale.min && answer <= scale.max) || (integer && !Number.isInteger(answer))) {
    throw invalidAt(path, `must be ${integer ? 'an integer' : 'a number'} on the scale ${scale.min}–${scale.max}, got ${showValue(answer)}`, 'out_of_scale');
  }
}

/**
 * Mean, sample standard deviation (with the effective-n correction) and standard error of the mean.
 *
 * @param state - Accumulated sums.
 * @returns Mean, standard deviation, standard error of the mean and effective n; `NaN` without answers.
 * @internal
 */
export function ratingMoments(state: RatingState): { mean: number; standardDeviation: number; standardError: number; effectiveN: number } {
  const { weightTotal, weightSquares, sum, sumSquares } = state;
  if (!(weightTotal > 0)) return { mean: NaN, standardDeviation: NaN, standardError: NaN, effectiveN: 0 };
  const effectiveN = (weightTotal * weightTotal) / weightSquares;
  const mean = sum / weightTotal;
  const populationVariance = Math.max(0, sumSquares / weightTotal - mean * mean);
  const variance = effectiveN > 1 ? (populationVariance * effectiveN) / (effectiveN - 1) : NaN;
  const standardDeviation = Math.sqrt(variance);
  return { mean, standardDeviation, standardError: standardDeviation / Math.sqrt(effectiveN), effectiveN };
}

/**
 * The `create`, `add`, `addAll` and `merge` methods shared by the CSAT and CES accumulators: answers are
 * checked against the scale (all of them before any is added, in `addAll`), then their weighted sums and
 * the weight of the favourable ones are accumulated.
 *
 * @param scale - The answer scale.
 * @param integer - Whether answers must be integers.
 * @param isFavourable - Whether an answer counts as favourable.
 * @returns The four methods.
 * @internal
 */
export function ratingAccumulatorMethods<R extends ExperienceSummary>(
  scale: RatingScale,
  integer: boolean,
  isFavourable: (answer: number) => boolean,
): Pick<ExperienceAccumulator<RatingState, R>, 'create' | 'add' | 'addAll' | 'merge'> {
  const add = (state: RatingState, answer: number, weight: number): void => {
    state.n += 1;
    state.weightTotal += weight;
    state.weightSquares += weight * weight;
    state.sum += weight * answer;
    state.sumSquares += weight * answer * answer;
    if (isFavourable(answer)) state.favourable += weight;
  };
  return {
    create: emptyRatingState,
    add(state, answer, weight = 1) {
      checkRating(answer, scale, integer, ['answer']);
      checkWeight(weight, ['weight']);
      add(state, answer, weight);
      return state;
    },
    addAll(state, answers) {
      for (let i = 0; i < answers.length; i++) checkRating(answers[i] as number, scale, integer, ['answers', i]);
      for (let i = 0; i < answers.length; i++) add(state, answers[i] as number, 1);
      return state;
    },
    merge: mergeRatingStates,
  };
}
