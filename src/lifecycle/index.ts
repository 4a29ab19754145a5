/**
 * The customer lifecycle: stage models as data (the seed's reach → acquisition → nurture → retention →
 * loyalty, and a HubSpot-style model), a status separate from the stage (active, at risk, lapsed,
 * churned, reactivated, measured against each customer's own rhythm), replay of histories into dated
 * transitions, explanations, and analytics (distribution, funnel, time in stage, transition matrices).
 *
 * @example
 * ```ts
 * import { replayLifecycle, stageDistribution, stageFunnel } from 'jornada/lifecycle';
 * ```
 * @module lifecycle
 */
export { parseLifecycleStageModel, safeParseLifecycleStageModel } from './stage-model.js';
export type { LifecycleStageLabel, LifecycleStageRule, LifecycleStageDefinition, LifecycleStageModel } from './stage-model.js';
export { createRetailStageModel, DEFAULT_STAGE_MODEL, HUBSPOT_STAGE_MODEL, HUBSPOT_TO_DEFAULT_STAGE, DEFAULT_TO_HUBSPOT_STAGE } from './builtin-models.js';
export type { RetailStageModelOptions } from './builtin-models.js';
export { LIFECYCLE_STATUSES, replayLifecycle, classifyLifecycle } from './replay.js';
export type {
  LifecycleStatus,
  LifecycleFacts,
  LifecycleStatusOptions,
  LifecycleOptions,
  LifecycleStageTransition,
  LifecycleStatusTransition,
  LifecycleHistory,
  LifecycleReplay,
  LifecycleClassification,
} from './replay.js';
export { explainLifecycle } from './explain.js';
export type { LifecycleRuleExplanation, LifecycleStatusThresholds, LifecycleStatusExplanation, LifecycleExplanation } from './explain.js';
export { stageDistribution, stageFunnel, timeInStage, stageTransitionMatrix, monthlyStageTransitionMatrices } from './analytics.js';
export type { LifecyclePeriod, MonthlySnapshotOptions, StageDistributionRow, StageDistribution, StageFunnelStep, StageFunnel, StageDuration, StageTransitionMatrix } from './analytics.js';
export { lifecycleStageLookup, lifecycleStatusLookup } from './stage-lookup.js';
