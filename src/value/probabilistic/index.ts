/**
 * Probabilistic customer-lifetime-value models: BG/NBD, MBG/NBD and Pareto/NBD for non-contractual
 * purchasing in continuous time, BG/BB for discrete opportunities, Gamma-Gamma for spend per purchase,
 * the shifted-beta-geometric for contract renewals, and CLV as discounted expected margin. See the
 * guide `docs/clv.md`.
 *
 * @module
 */
export type {
  ClvDuration,
  ClvFitOptions,
  ClvFitReport,
  ClvSpendColumns,
  ClvSpendInput,
  ClvSpendRow,
  ClvSummaryColumns,
  ClvSummaryInput,
  ClvSummaryRow,
  ClvTimeUnit,
} from './common.js';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  generateBgNbdSummaries,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdModel,
  type BgNbdParams,
  type ClvGeneratorOptions,
  type ClvSimulatedSummaries,
} from './bg-nbd.js';
export {
  fitMbgNbd,
  generateMbgNbdSummaries,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  mbgNbdPurchaseCountProbability,
  type MbgNbdFit,
  type MbgNbdFitOptions,
  type MbgNbdModel,
  type MbgNbdParams,
} from './mbg-nbd.js';
export {
  fitParetoNbd,
  generateParetoNbdSummaries,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  type ParetoNbdFit,
  type ParetoNbdFitOptions,
  type ParetoNbdModel,
  type ParetoNbdParams,
} from './pareto-nbd.js';
export {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  bgBbPurchaseCountProbability,
  fitBgBb,
  generateBgBbPatterns,
  type BgBbFit,
  type BgBbFitOptions,
  type BgBbModel,
  type BgBbParams,
  type BgBbGeneratorOptions,
  type BgBbPattern,
} from './bg-bb.js';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  generateGammaGammaSpend,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type GammaGammaModel,
  type GammaGammaParams,
  type GammaGammaSimulatedSpend,
} from './gamma-gamma.js';
export {
  fitSbg,
  generateSbgCohort,
  sbgChurnProbability,
  sbgDiscountedResidualLifetime,
  sbgExpectedLifetime,
  sbgRetentionRate,
  sbgSurvival,
  type SbgFit,
  type SbgFitOptions,
  type SbgModel,
  type SbgCohortGeneratorOptions,
  type SbgParams,
} from './sbg.js';
export { probabilisticClv, type ClvPurchaseModel, type ProbabilisticClvOptions } from './clv.js';
