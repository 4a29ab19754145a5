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
export * from './probabilistic/index.js';
