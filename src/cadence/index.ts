/**
 * Cadence rules (*réguas de relacionamento*): rules as versioned JSON documents, a contact policy
 * (frequency caps with explicit windows, quiet hours in the recipient's zone, weekdays, consent,
 * suppression), and the planner that turns rules, customers, history, events and journey state into
 * the contacts to send — with the reasons for every contact and every suppression — plus a per-customer
 * explanation and a day-by-day simulation of contact pressure.
 *
 * @example
 * ```ts
 * import { parseCadenceRule, parseCadencePolicy, planContacts } from 'jornada/cadence';
 * ```
 * @module cadence
 */
export {
  CADENCE_OBJECTIVES,
  CadenceRuleSchema,
  parseCadenceRule,
  parseCadenceRules,
  safeParseCadenceRule,
} from './rule.js';
export type {
  CadenceObjective,
  CadenceDurationUnit,
  CadenceDuration,
  CadenceEventTrigger,
  CadenceSegmentTrigger,
  CadenceLifecycleTrigger,
  CadenceCustomerDateTrigger,
  CadenceCalendarTrigger,
  CadenceInactivityTrigger,
  CadenceScheduleTrigger,
  CadenceFollowUpTrigger,
  CadenceTrigger,
  CadenceWaitDurationStep,
  CadenceWaitUntilStep,
  CadenceContactPurpose,
  CadenceContactStep,
  CadenceStep,
  CadenceExitGoal,
  CadenceReEligibility,
  CadenceRule,
} from './rule.js';
export { CadencePolicySchema, parseCadencePolicy, safeParseCadencePolicy } from './policy.js';
export type {
  CadenceCapWindow,
  CadenceFrequencyCap,
  CadenceQuietHours,
  CadenceBlockedHandling,
  CadenceSuppressionList,
  CadencePolicy,
} from './policy.js';
export { planContacts } from './plan.js';
export type {
  CadenceSentContact,
  CadencePlannedContact,
  CadenceSuppressionReason,
  CadenceSuppressedDecision,
  CadenceSkippedCustomer,
  CadenceJourneyRecord,
  CadenceJourneyState,
  PlanContactsInput,
  CadencePlan,
} from './plan.js';
export { explainCadenceCustomer } from './explain.js';
export type { CadenceRuleExplanation, CadenceCustomerExplanation } from './explain.js';
export { simulateCadence } from './simulate.js';
export type { SimulateCadenceInput, CadenceSimulationDay, CadenceSimulation } from './simulate.js';
