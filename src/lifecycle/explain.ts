/**
 * Why a customer is where they are: the rules of every stage evaluated on their profile, the
 * transition that brought them to their stage, and the arithmetic of their status.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { explainCondition, type ConditionExplanation } from '../segments/compile.js';
import type { ProfileSources } from '../segments/profile.js';
import {
  groupByCustomer,
  intervalsByCustomer,
  lifecycleProfileAt,
  lifecycleSettings,
  rawStatusAt,
  replayCustomer,
  type LifecycleFacts,
  type LifecycleOptions,
  type LifecycleStageTransition,
  type LifecycleStatus,
} from './replay.js';

/**
 * One rule of the model evaluated on the customer's profile at `asOf`.
 *
 * @category Lifecycle
 */
export interface LifecycleRuleExplanation {
  /** The stage the rule belongs to. */
  stage: string;
  /** The rule. */
  ruleId: string;
  /** Whether the rule holds at `asOf`. */
  passed: boolean;
  /** Every node of the rule's condition with its outcome (from `explainCondition` of `jornada/segments`). */
  nodes: ConditionExplanation['nodes'];
}

/**
 * The status thresholds of one customer, in days since their last purchase.
 *
 * @category Lifecycle
 */
export interface LifecycleStatusThresholds {
  /** `atRiskAfter × rhythmDays`. */
  atRisk: number;
  /** `lapsedAfter × rhythmDays`. */
  lapsed: number;
  /** `churnedAfter × rhythmDays`. */
  churned: number;
}

/**
 * The arithmetic of the status at `asOf`.
 *
 * @category Lifecycle
 */
export interface LifecycleStatusExplanation {
  /** The status. */
  status: LifecycleStatus;
  /** Whether a subscription decided it (`true`) or the purchase rhythm (`false`). */
  contractual: boolean;
  /** The customer's rhythm in days. */
  rhythmDays: number;
  /** Days (fractional) since the last purchase, sign-up, or the end of the last subscription. */
  daysSince: number;
  /** Days at which the customer becomes at risk, lapsed and churned (rhythm multiples). */
  thresholdsDays: LifecycleStatusThresholds;
  /** Whether the last purchase came back from `lapsed` or `churned`. */
  returned: boolean;
}

/**
 * The explanation of one customer's lifecycle position.
 *
 * @category Lifecycle
 */
export interface LifecycleExplanation {
  /** The customer. */
  customerId: string;
  /** The stage at `asOf`. */
  stage: string;
  /** The transition into the current stage (its date and the rule that qualified). */
  enteredBy: LifecycleStageTransition;
  /** The highest stage whose rules hold at `asOf` (`null` when none): lower than `stage` when a forward-only model kept the customer. */
  qualifiesFor: string | null;
  /** Whether the stage is kept only because the model is forward-only. */
  heldByForwardOnly: boolean;
  /** Every rule of every stage, in model order. */
  rules: LifecycleRuleExplanation[];
  /** The lifecycle facts at `asOf`. */
  facts: LifecycleFacts;
  /** The status and its arithmetic. */
  status: LifecycleStatusExplanation;
}

/**
 * Explains why a customer is in their stage and status as of `asOf` (for operators and for data
 * subjects under LGPD art. 20): the rule and date that brought them to the stage, the outcome of every
 * condition node of every rule now, whether the stage is held only by the forward-only policy, and
 * the rhythm arithmetic of the status.
 *
 * @param sources - The customer's records (records of other customers may be present and are ignored).
 * @param customerId - The customer to explain.
 * @param options - As for {@link replayLifecycle}.
 * @returns The explanation.
 * @throws {JornadaError} `INVALID_INPUT` when the customer is not among `sources.customers` or not yet
 *   known at `asOf`; `INVALID_RULE` / `INVALID_OPTION` as {@link replayLifecycle}.
 *
 * @example
 * ```ts
 * const e = explainLifecycle({
 *   customers: [{ id: 'c-1', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o-1', customerId: 'c-1', placedAt: new Date('2026-01-05T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }],
 * }, 'c-1', { asOf: new Date('2026-01-20T00:00:00Z') });
 * [e.stage, e.enteredBy.ruleId, e.status.status]; //=> ['acquisition', 'acquisition.first-purchase', 'active']
 * ```
 * @category Lifecycle
 */
export function explainLifecycle(sources: ProfileSources, customerId: string, options: LifecycleOptions): LifecycleExplanation {
  const st = lifecycleSettings(options);
  const found = groupByCustomer(sources).find((r) => r.customer.id === customerId);
  const replayed = found === undefined ? undefined : replayCustomer(found, st, intervalsByCustomer([found], st));
  if (found === undefined || replayed === undefined) {
    throw new JornadaError('INVALID_INPUT', `No customer "${customerId}" known at asOf`, { issues: [{ path: ['customerId'], message: 'unknown customer or not yet known at asOf' }] });
  }
  const h = replayed.history;
  const rec = replayed.records;
  const profile = lifecycleProfileAt(rec, replayed.rhythm, st, st.asOfMs);
  const asOf = new Date(st.asOfMs);
  const rules: LifecycleRuleExplanation[] = [];
  let qualifies = -1;
  st.model.stages.forEach((stage, i) => {
    for (const rule of stage.rules) {
      const e = explainCondition(rule.condition, profile, asOf, { timeZone: st.zone });
      if (e.passed) qualifies = i;
      rules.push({ stage: stage.id, ruleId: rule.id, passed: e.passed, nodes: e.nodes });
    }
  });
  const stageIndex = st.model.stages.findIndex((s) => s.id === h.stage);
  const facts: LifecycleFacts = { rhythmDays: profile.rhythmDays };
  if (profile.rhythmRatio !== undefined) facts.rhythmRatio = profile.rhythmRatio;
  if (profile.daysSinceFirstOrder !== undefined) facts.daysSinceFirstOrder = profile.daysSinceFirstOrder;
  if (profile.subscriptionDays !== undefined) facts.subscriptionDays = profile.subscriptionDays;
  if (profile.lastPromoterAt !== undefined) facts.lastPromoterAt = profile.lastPromoterAt;
  const raw = rawStatusAt(rec, replayed.rhythm, st, st.asOfMs, h.knownSince.getTime());
  return {
    customerId,
    stage: h.stage,
    enteredBy: h.stageTransitions[h.stageTransitions.length - 1] as LifecycleStageTransition,
    qualifiesFor: qualifies < 0 ? null : (st.model.stages[qualifies] as { id: string }).id,
    heldByForwardOnly: st.forwardOnly && qualifies < stageIndex,
    rules,
    facts,
    status: {
      status: h.status,
      contractual: raw.contractual,
      rhythmDays: raw.rhythmDays,
      daysSince: raw.daysSince,
      thresholdsDays: { atRisk: st.atRisk * raw.rhythmDays, lapsed: st.lapsed * raw.rhythmDays, churned: st.churned * raw.rhythmDays },
      returned: replayed.returned,
    },
  };
}
