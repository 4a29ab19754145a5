/**
 * The promise-versus-experience gap: perceived minus expected rating per dimension, with an interval.
 *
 * @module
 */
import type { ExpectationRating } from '../model/feedback.js';
import { checkLevel, invalidAt, normalInterval, type ConfidenceInterval, showValue } from './shared.js';

/**
 * Options of {@link expectationGaps}.
 *
 * @typeParam T - The item type.
 * @category Metrics
 */
export interface ExpectationGapOptions<T> {
  /** The expected and perceived ratings of an item by dimension; default `item.expectations`. */
  expectations?: (item: T) => Readonly<Record<string, ExpectationRating>> | undefined;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

/**
 * The gap on one dimension.
 *
 * @category Metrics
 */
export interface ExpectationGap {
  /** The dimension (delivery, price, service…). */
  dimension: string;
  /** Number of items rating both expectation and perception on it. */
  n: number;
  /** Mean expected rating. */
  meanExpected: number;
  /** Mean perceived rating. */
  meanPerceived: number;
  /** Mean of perceived − expected: negative when experience falls short of the promise. */
  meanGap: number;
  /** Sample standard deviation of the gaps (`NaN` when n < 2). */
  standardDeviation: number;
  /** Standard error of `meanGap`, sd/√n. */
  standardError: number;
  /** Normal-approximation interval of `meanGap` (paired differences). */
  interval: ConfidenceInterval;
  /** Share of items whose perception fell below their expectation. */
  shortfallShare: number;
}

/**
 * Perceived − expected per dimension, after the SERVQUAL idea of service quality as the gap between
 * perception and expectation (Parasuraman, Zeithaml & Berry 1988, *Journal of Retailing* 64(1)).
 * Each item is its own pair, so the interval is that of a mean of paired differences:
 * mean ± z·sd/√n (a normal approximation; with fewer than about 30 answers, read it as indicative).
 *
 * @param items - Responses (any objects; `FeedbackResponse` works with the defaults).
 * @param options - Accessor and level.
 * @returns One entry per dimension, largest shortfall first (most negative `meanGap`), then by name.
 * @throws {JornadaError} `INVALID_INPUT` with path `['responses', i, 'expectations', dimension, side]`
 *   for a rating that is not a finite number; `INVALID_OPTION` for a bad level.
 *
 * @example
 * ```ts
 * const rs = [
 *   { expectations: { delivery: { expected: 5, perceived: 3 } } },
 *   { expectations: { delivery: { expected: 4, perceived: 3 } } },
 * ];
 * expectationGaps(rs).map((g) => [g.dimension, g.meanGap]); //=> [['delivery', -1.5]]
 * ```
 * @category Metrics
 */
export function expectationGaps<T>(items: Iterable<T>, options?: ExpectationGapOptions<T>): ExpectationGap[] {
  const level = checkLevel(options?.level);
  const sums = new Map<string, { n: number; e: number; p: number; g: number; g2: number; short: number }>();
  let index = 0;
  for (const item of items) {
    const map = options?.expectations !== undefined ? options.expectations(item) : (item as { expectations?: Record<string, ExpectationRating> }).expectations;
    if (map !== undefined && map !== null) {
      for (const dimension of Object.keys(map)) {
        const rating = map[dimension];
        for (const side of ['expected', 'perceived'] as const) {
          const v = rating?.[side];
          if (typeof v !== 'number' || !Number.isFinite(v)) {
            throw invalidAt(['responses', index, 'expectations', dimension, side], `expected a finite number, got ${showValue(v)}`);
          }
        }
        const { expected, perceived } = rating as ExpectationRating;
        let s = sums.get(dimension);
        if (s === undefined) sums.set(dimension, (s = { n: 0, e: 0, p: 0, g: 0, g2: 0, short: 0 }));
        const gap = perceived - expected;
        s.n += 1;
        s.e += expected;
        s.p += perceived;
        s.g += gap;
        s.g2 += gap * gap;
        if (gap < 0) s.short += 1;
      }
    }
    index++;
  }
  const out: ExpectationGap[] = [...sums.entries()].map(([dimension, s]) => {
    const meanGap = s.g / s.n;
    const variance = s.n > 1 ? Math.max(0, (s.g2 - s.n * meanGap * meanGap) / (s.n - 1)) : NaN;
    const standardDeviation = Math.sqrt(variance);
    const standardError = standardDeviation / Math.sqrt(s.n);
    return {
      dimension,
      n: s.n,
      meanExpected: s.e / s.n,
      meanPerceived: s.p / s.n,
      meanGap,
      standardDeviation,
      standardError,
      interval: normalInterval(meanGap, standardError, level),
      shortfallShare: s.short / s.n,
    };
  });
  out.sort((a, b) => a.meanGap - b.meanGap || (a.dimension < b.dimension ? -1 : 1));
  return out;
}
