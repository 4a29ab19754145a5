/**
 * Why each rule did or did not fire for one customer: the answer an operator, or a data subject under
 * LGPD art. 20, asks for.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { explainCondition, type ConditionExplanation } from '../segments/index.js';
import {
  brokenCustomerReason,
  planCustomer,
  prepareRun,
  type CadencePlannedContact,
  type CadenceSuppressedDecision,
  type PlanContactsInput,
} from './plan.js';

/**
 * What happened to one rule for one customer.
 *
 * @category Cadence
 */
export interface CadenceRuleExplanation {
  /** The rule. */
  ruleId: string;
  /** Its name. */
  ruleName: string;
  /** Whether it planned at least one contact in this run. */
  fired: boolean;
  /** The audience condition node by node (absent when the rule has no audience). */
  audience?: ConditionExplanation;
  /** The planner's notes in decision order: triggers, entries, steps, suppressions. */
  notes: string[];
  /** The contacts it planned. */
  contacts: CadencePlannedContact[];
  /** The decisions that suppressed its entries or contacts. */
  suppressed: CadenceSuppressedDecision[];
}

/**
 * The explanation of one customer's plan.
 *
 * @category Cadence
 */
export interface CadenceCustomerExplanation {
  /** The customer. */
  customerId: string;
  /** Why the customer was skipped, when they were (broken data). */
  skipped?: string;
  /** The zone local times are read in. */
  timeZone?: string;
  /** One entry per rule, in precedence order. */
  rules: CadenceRuleExplanation[];
}

/**
 * Explains the plan of one customer: for each rule, in precedence order, the trigger occurrences
 * found, the audience condition node by node, entry decisions (re-eligibility, holdout, concurrency,
 * exit goals) and every contact planned or suppressed, with reasons. It runs the same planner as
 * `planContacts` on that customer alone (caps are per customer, so the result is the same).
 *
 * @param input - The same input as `planContacts` (other customers are ignored).
 * @param customerId - The customer to explain.
 * @returns The explanation.
 * @throws {JornadaError} as `planContacts`; `INVALID_OPTION` when the customer is not in the input.
 *
 * @example
 * ```ts
 * const e = explainCadenceCustomer({
 *   rules: [{ version: 1, id: 'bday', name: 'Birthday', objective: 'delight', priority: 10,
 *     trigger: { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' },
 *     steps: [{ kind: 'contact', channel: 'email', content: 'bday', purpose: 'marketing' }],
 *     reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } } }],
 *   policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo' },
 *   customers: [{ id: 'c-1', email: 'a@example.com', birthday: { month: 11, day: 3 }, createdAt: new Date('2025-01-01T00:00:00Z') }],
 *   now: new Date('2026-11-01T12:00:00Z'), horizon: { amount: 7, unit: 'days' },
 * }, 'c-1');
 * e.rules[0]?.suppressed[0]?.reason; //=> 'no_consent'
 * ```
 * @category Cadence
 */
export function explainCadenceCustomer(input: PlanContactsInput, customerId: string): CadenceCustomerExplanation {
  const customers = [...input.customers].filter((c) => typeof c === 'object' && c !== null && c.id === customerId);
  const customer = customers[0];
  if (customer === undefined) {
    throw new JornadaError('INVALID_OPTION', `Customer "${customerId}" is not in the input`, { issues: [{ path: ['customerId'], message: 'not among the customers' }] });
  }
  const narrowed: PlanContactsInput = { ...input, customers: [customer] };
  if (input.profiles !== undefined) narrowed.profiles = [...input.profiles].filter((p) => p.customerId === customerId);
  const run = prepareRun(narrowed);
  run.explain = true;
  const broken = brokenCustomerReason(customer);
  if (broken !== undefined) return { customerId, skipped: broken, rules: [] };
  const profile = run.profiles.get(customerId);
  if (profile === undefined) return { customerId, skipped: 'no profile for this customer', rules: [] };
  const r = planCustomer(run, customer);
  const zone = customer.timeZone ?? run.pol.policy.fallbackTimeZone;
  return {
    customerId,
    timeZone: zone,
    rules: run.rules.map((cr) => {
      const contacts = r.contacts.filter((x) => x.ruleId === cr.rule.id);
      const out: CadenceRuleExplanation = {
        ruleId: cr.rule.id,
        ruleName: cr.rule.name,
        fired: contacts.length > 0,
        notes: r.notes.get(cr.rule.id) ?? [],
        contacts,
        suppressed: r.suppressed.filter((x) => x.ruleId === cr.rule.id),
      };
      if (cr.rule.audience !== undefined) out.audience = explainCondition(cr.rule.audience, profile, input.now, { timeZone: zone });
      return out;
    }),
  };
}
