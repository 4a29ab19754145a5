/**
 * Identify customers: clean, validate, match and merge customer records from every source into one
 * record per person — the single customer view (*visão única do cliente*).
 *
 * - **Normalise and validate**: e-mail ({@link normalizeEmail}, {@link emailMatchKey}), phones to E.164
 *   with the numbering rules of Brazil, Portugal and NANP ({@link normalizePhone}), names
 *   ({@link normalizePersonName}, {@link personNameKey}, {@link phoneticKeyPt}), CPF and CNPJ — numeric
 *   and the alphanumeric CNPJ of July 2026 ({@link isValidCpf}, {@link isValidCnpj}), CEP.
 * - **Match**: {@link matchRecords} — deterministic keys with priorities, limits and blocked values, then
 *   Jaro–Winkler ({@link jaroWinkler}) on names within blocks, clustered by union-find with guards.
 * - **Merge**: {@link mergeRecords} — survivorship per field, united contacts, consents where a revocation
 *   wins, lineage; {@link resolveIdentities} does the whole step.
 * - **Measure**: {@link dataQualityReport}, {@link evaluateDuplicatePairs}.
 *
 * @example
 * ```ts
 * import { resolveIdentities, dataQualityReport } from 'jornada/identity';
 * const resolution = resolveIdentities(records, { sourcePriority: ['crm_import', 'ecommerce'] });
 * const report = dataQualityReport(records, { asOf: new Date('2026-11-01T03:00:00Z'), resolution });
 * ```
 * @module identity
 */
export { foldAccents } from './text.js';
export * from './documents.js';
export * from './postal.js';
export * from './email.js';
export * from './phone.js';
export * from './name.js';
export * from './phonetic.js';
export * from './jaro-winkler.js';
export { BLOCKED_TOKENS, isBlockedIdentifier, type IdentifierType } from './blocked.js';
export {
  normalizeCustomerRecord,
  type NormalizeOptions,
  type NormalizedCustomerRecord,
  type QualityFinding,
  type QualityFindingCode,
} from './record.js';
export type { RejectedRecord } from './input.js';
export {
  matchRecords,
  type FuzzyThresholds,
  type KeyRule,
  type MatchLink,
  type MatchOptions,
  type MatchResult,
  type MatchStats,
  type NoisyKey,
  type RefusedLink,
} from './match.js';
export {
  mergeRecords,
  mergeConsentLogs,
  type FieldLineage,
  type GoldenRecord,
  type MergeOptions,
  type MergeRecordsOptions,
  type SurvivorField,
  type SurvivorshipRule,
} from './merge.js';
export { resolveIdentities, type IdentityResolution, type ResolveOptions, type SupersededId } from './resolve.js';
export {
  dataQualityReport,
  type DataQualityOptions,
  type DataQualityReport,
  type DuplicateSummary,
  type FieldQuality,
  type FreshnessSummary,
} from './quality.js';
export { evaluateDuplicatePairs, type DuplicatePairMetrics } from './evaluate.js';
