/**
 * Segments as data: customer profiles, a JSON condition language compiled once into fast predicates,
 * readable descriptions in English and Portuguese, import from json-rules-engine, named segments with
 * membership, diffs and overlap, and RFM scores with the RFM segment map.
 *
 * @example
 * ```ts
 * import { buildCustomerProfiles, compileSegments, evaluateSegments, rfmScores } from 'jornada/segments';
 * ```
 * @module segments
 */
export {
  CONDITION_LIMITS,
  CONDITION_TIME_UNITS,
  ConditionDocumentSchema,
  FORBIDDEN_PATH_KEYS,
  parseConditionDocument,
  safeParseConditionDocument,
} from './condition.js';
export type {
  AllCondition,
  AnniversaryCondition,
  AnyCondition,
  BetweenCondition,
  CompareCondition,
  ConditionDocument,
  ConditionNode,
  ConditionScalar,
  ConditionTimeUnit,
  ConditionTimeWindow,
  ContainsCondition,
  CountCondition,
  ExistsCondition,
  FactCondition,
  FactPath,
  InCondition,
  NotCondition,
  RelativeDateCondition,
  TextAffixCondition,
} from './condition.js';
export { compileCondition, explainCondition } from './compile.js';
export type { CompileConditionOptions, ConditionExplanation, ConditionPredicate } from './compile.js';
export { describeCondition } from './describe.js';
export type { ConditionLocale, DescribeConditionOptions } from './describe.js';
export { importJsonRulesEngineConditions } from './import-json-rules-engine.js';
export { buildCustomerProfiles, PROFILE_FACT_LABELS } from './profile.js';
export type {
  BuildProfilesOptions,
  CustomerProfile,
  FactLabel,
  NpsCategoryName,
  ProfileFactValue,
  ProfileFeedbackEvent,
  ProfileInteractionEvent,
  ProfileOrderEvent,
  ProfileSources,
} from './profile.js';
export {
  compileSegments,
  diffSegmentMemberships,
  evaluateSegments,
  parseSegmentDefinition,
  safeParseSegmentDefinition,
  segmentOverlap,
  segmentSizes,
} from './segment.js';
export type { CompiledSegment, EvaluateSegmentsOptions, SegmentChange, SegmentDefinition, SegmentMembership, SegmentOverlap } from './segment.js';
export {
  RFM_SEGMENT_LABELS,
  RFM_SEGMENT_RULES,
  rfmInputsFromOrders,
  rfmScores,
  rfmSegment,
  rfmSegmentLabel,
  rfmSegments,
  rfmSegmentSummary,
} from './rfm.js';
export type {
  RfmInput,
  RfmOrderLike,
  RfmScore,
  RfmSegmentAssignment,
  RfmScoreOptions,
  RfmScoring,
  RfmSegmentId,
  RfmSegmentOptions,
  RfmSegmentRule,
  RfmSegmentSummaryRow,
  RfmTieConvention,
} from './rfm.js';
