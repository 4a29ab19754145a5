/**
 * The customer journey (*jornada do cliente*): the touchpoint taxonomy (*pontos de contato*) and its
 * default mapping to lifecycle stages, the journey map (stage × touchpoint with volume, customers,
 * NPS/CSAT and the conversion that follows), omnichannel consistency of satisfaction, customer paths
 * before a conversion, and attribution — first touch, last touch, linear, position-based, time decay
 * and the Markov-chain removal effect computed exactly from the absorbing chain.
 *
 * See the guide `docs/journey.md` for the formulas and their sources.
 *
 * @example
 * ```ts
 * import { customerPaths, attributionPathsFromCustomerPaths, attributionModels } from 'jornada/journey';
 * const paths = attributionPathsFromCustomerPaths(customerPaths(interactions, conversions, { lookbackDays: 30 }));
 * attributionModels(paths).rows; // one row per channel, one column per model
 * ```
 * @module journey
 */
export { JOURNEY_STAGE_IDS, TOUCHPOINT_TAXONOMY, DEFAULT_TOUCHPOINT_STAGES, touchpointStageMapping } from './taxonomy.js';
export type { JourneyStageId, TouchpointDefinition } from './taxonomy.js';
export { journeyMap } from './journey-map.js';
export type { StageAtFunction, StagePlacementOptions, JourneyMapOptions, JourneyMapCell, JourneyMapTotals, JourneyMap } from './journey-map.js';
export { omnichannelConsistency } from './omnichannel.js';
export type { OmnichannelConsistencyOptions, ChannelSatisfaction, StageChannelConsistency, OmnichannelConsistency } from './omnichannel.js';
export { conversionEventsFromOrders, customerPaths, attributionPathsFromCustomerPaths } from './paths.js';
export type {
  ConversionEvent,
  ConversionsFromOrdersOptions,
  PathKey,
  CustomerPathOptions,
  CustomerPath,
  AttributionPathsFromCustomerPathsOptions,
} from './paths.js';
export { AttributionPathSchema, parseAttributionPaths, safeParseAttributionPaths, attributionPathsFromTable } from './attribution-paths.js';
export type { AttributionPath, AttributionTableOptions } from './attribution-paths.js';
export {
  attributeFirstTouch,
  attributeLastTouch,
  attributeLinear,
  attributePositionBased,
  attributeTimeDecay,
} from './attribution-heuristic.js';
export type { ChannelCredit, AttributionModelName, AttributionResult, PositionBasedOptions, TimeDecayOptions } from './attribution-heuristic.js';
export { attributeMarkov, markovAttributionAccumulator, MARKOV_MAX_CHANNELS } from './attribution-markov.js';
export type {
  MarkovAttributionOptions,
  MarkovChannelCredit,
  MarkovAttributionResult,
  MarkovChainState,
  MarkovAttributionAccumulator,
} from './attribution-markov.js';
export { attributionModels } from './attribution-models.js';
export type { AttributionModelsOptions, AttributionComparisonRow, AttributionModelResults, AttributionComparison } from './attribution-models.js';
