/**
 * Customer value analytics: per-customer transaction summaries (recency, frequency, monetary value,
 * T), calibration/holdout splits, KPIs (AOV, purchase frequency, repeat purchase rate, retention and
 * churn, revenue retention), cohorts, survival of subscriptions (Kaplan–Meier), inter-purchase
 * intervals and replenishment dates, and simple CLV. The probabilistic CLV models live beside them.
 *
 * @example
 * ```ts
 * import { summarizeTransactions, valueKpis, cohortTable } from 'jornada/value';
 * ```
 * @module value
 */
export type {
  ValueTransaction,
  ValueInput,
  InvalidRowPolicy,
  TransactionInputOptions,
  TransactionSkipCounts,
} from './transactions.js';
export {
  createTransactionSummaryAccumulator,
  summarizeTransactions,
  summarizeTransactionsColumnar,
  transactionSummaryAt,
} from './summary.js';
export type {
  ValueTimeUnit,
  TransactionSummaryOptions,
  TransactionSummary,
  TransactionSummaries,
  TransactionSummaryColumns,
  TransactionSummaryAccumulator,
} from './summary.js';
export { calibrationHoldoutSplit } from './calibration-holdout.js';
export type { CalibrationHoldoutOptions, CalibrationHoldoutSummary, CalibrationHoldoutResult } from './calibration-holdout.js';
export { valueKpis, createValueKpiAccumulator, subscriptionRevenueRetention } from './kpis.js';
export type { ValueKpiOptions, ValueKpiReport, ValueKpiAccumulator, RevenueRetentionOptions, RevenueRetention } from './kpis.js';
export { cohortTable, createCohortTableAccumulator } from './cohorts.js';
export type { CohortPeriod, CohortTableOptions, CohortPeriodColumn, CohortRow, CohortTableResult, CohortTableAccumulator } from './cohorts.js';
export { kaplanMeier, kaplanMeierSurvivalAt, subscriptionLifetimes } from './survival.js';
export type {
  SurvivalObservation,
  KaplanMeierStep,
  KaplanMeierOptions,
  KaplanMeierResult,
  SubscriptionLifetimeOptions,
} from './survival.js';
export { interPurchaseIntervals, expectedNextPurchase } from './replenishment.js';
export type {
  InterPurchaseOptions,
  CustomerPurchaseIntervals,
  InterPurchaseIntervalsResult,
  ExpectedNextPurchaseOptions,
  ReplenishmentStatus,
  NextPurchaseForecast,
} from './replenishment.js';
export { historicalClv, simpleClv } from './clv.js';
export type { HistoricalClvOptions, HistoricalCustomerValue, HistoricalClvResult, SimpleClvInputs } from './clv.js';
export * from './probabilistic/index.js';
