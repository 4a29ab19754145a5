/**
 * Experience metrics — NPS, CSAT and CES with honest statistics: scores with counts and shares,
 * variances and intervals (Wald, adjusted Wald, Tango score, Wilson), the difference of two NPS with
 * its z test, weights with Kish's effective sample size, mergeable accumulators with a columnar fast
 * path, breakdowns by any dimensions, calendar and rolling trends with significance, driver
 * correlations, the closed-loop follow-up list and the expectation gap.
 *
 * Nothing is rounded inside; an empty input gives `NaN` scores with `n = 0`, never a throw.
 * See the guide `docs/metrics.md` for the formulas and their sources.
 *
 * @example
 * ```ts
 * import { npsScore, feedbackBreakdown, pendingFollowUps } from 'jornada/metrics';
 * npsScore([10, 9, 8, 3]).score; //=> 25
 * ```
 * @module metrics
 */
export { wilsonInterval } from './shared.js';
export type { ConfidenceInterval, ExperienceSummary, ExperienceAccumulator } from './shared.js';
export { classifyNps, npsScore, npsFromCounts, npsInterval, npsDifference, npsAccumulator } from './nps.js';
export type { NpsCategory, NpsIntervalMethod, NpsOptions, NpsCounts, NpsResult, NpsState, NpsAccumulator, NpsDifference } from './nps.js';
export { csatScore, csatAccumulator } from './csat.js';
export type { CsatOptions, CsatResult, CsatAccumulator, RatingAccumulatorState } from './csat.js';
export { cesScore, cesAccumulator } from './ces.js';
export type { CesVariant, CesOptions, CesResult, CesAccumulator } from './ces.js';
export type { ResponseAccessors } from './responses.js';
export { feedbackBreakdown } from './breakdown.js';
export type { BreakdownDimension, FeedbackBreakdownOptions, BreakdownCell, FeedbackBreakdown } from './breakdown.js';
export { feedbackTrend, feedbackRollingTrend } from './trend.js';
export type { TrendUnit, TrendBaseOptions, FeedbackTrendOptions, FeedbackRollingTrendOptions, TrendPoint } from './trend.js';
export { driverCorrelations } from './drivers.js';
export type { DriverCorrelationOptions, DriverCorrelation } from './drivers.js';
export { pendingFollowUps } from './follow-up.js';
export type { FollowUpReason, PendingFollowUpOptions, PendingFollowUp } from './follow-up.js';
export { expectationGaps } from './expectation-gap.js';
export type { ExpectationGapOptions, ExpectationGap } from './expectation-gap.js';
