/**
 * Forecast of contact pressure: the planner run day by day over N days, each day's plan appended to
 * the history of the next, before a régua is switched on.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { Channel } from '../model/index.js';
import { buildCustomerProfiles } from '../segments/index.js';
import { localParts } from '../core/zone-time.js';
import { brokenCustomerReason, planContacts, type CadenceJourneyState, type CadencePlannedContact, type CadenceSentContact, type PlanContactsInput } from './plan.js';
import { parseCadencePolicy } from './policy.js';

/**
 * Input of {@link simulateCadence}: the planner's input without `now`, `horizon` and `since`.
 *
 * @category Cadence
 */
export interface SimulateCadenceInput extends Omit<PlanContactsInput, 'now' | 'horizon' | 'since'> {
  /** The first simulated instant (each day starts here plus whole days). */
  start: Date;
  /** Number of days, 1–366. */
  days: number;
}

/**
 * Contacts of one simulated day.
 *
 * @category Cadence
 */
export interface CadenceSimulationDay {
  /** The day, as `YYYY-MM-DD` in the policy's fallback zone at the start of the step. */
  date: string;
  /** Contacts planned that day. */
  contacts: number;
  /** By channel. */
  byChannel: Partial<Record<Channel, number>>;
  /** By rule id. */
  byRule: Record<string, number>;
  /** Suppressed decisions that day, by reason. */
  suppressedByReason: Record<string, number>;
}

/**
 * What {@link simulateCadence} returns.
 *
 * @category Cadence
 */
export interface CadenceSimulation {
  /** Day by day. */
  days: CadenceSimulationDay[];
  /** Totals by channel. */
  byChannel: Partial<Record<Channel, number>>;
  /** Totals by rule id. */
  byRule: Record<string, number>;
  /** Totals of suppressed decisions by reason. */
  suppressedByReason: Record<string, number>;
  /** Pressure per customer: how many customers got k contacts over the period (`{ '0': 4100, '1': 700, … }`). */
  contactsPerCustomer: Record<string, number>;
  /** The most contacts any customer got. */
  maxContactsPerCustomer: number;
  /** Every planned contact, in day order. */
  contacts: CadencePlannedContact[];
  /** The journey state after the last day. */
  state: CadenceJourneyState;
}

function bump<K extends string>(rec: Partial<Record<K, number>>, key: K, by = 1): void {
  rec[key] = (rec[key] ?? 0) + by;
}

/**
 * Simulates the rules N days ahead on a base, one day at a time: each day is planned with a one-day
 * horizon, then its contacts are appended to the history and the state is carried to the next day,
 * as a daily production run would do. Profiles are rebuilt each day from the sources (unless fixed
 * profiles are given); no new purchases or events are invented, so the forecast is of the pressure
 * the rules put on the base as it stands. Without a state, triggers are read from `start` on (no
 * look-back into the day before).
 *
 * @param input - The planner's input, `start` and `days`.
 * @returns Contacts per day, channel and rule, suppressions by reason, and the pressure per customer.
 * @throws {JornadaError} as {@link planContacts}; `INVALID_OPTION` for a bad `start` or `days`.
 *
 * @example
 * ```ts
 * const sim = simulateCadence({
 *   rules: [{ version: 1, id: 'weekly', name: 'Weekly news', objective: 'nurture', priority: 1,
 *     trigger: { kind: 'schedule', every: 'weekly', weekdays: ['tuesday'], atLocalTime: '10:00' },
 *     steps: [{ kind: 'contact', channel: 'push', content: 'news', purpose: 'marketing' }],
 *     reEligibility: { kind: 'always' } }],
 *   policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo' },
 *   customers: [{ id: 'c-1', createdAt: new Date('2025-01-01T00:00:00Z'), consents: [{ channel: 'push',
 *     purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: new Date('2025-01-01T00:00:00Z'), source: 'app' }] }],
 *   start: new Date('2026-11-01T03:00:00Z'), days: 14,
 * });
 * sim.byRule; //=> { weekly: 2 } (Tuesdays 3 and 10 November)
 * ```
 * @category Cadence
 */
export function simulateCadence(input: SimulateCadenceInput): CadenceSimulation {
  if (!(input.start instanceof Date) || Number.isNaN(input.start.getTime())) {
    throw new JornadaError('INVALID_OPTION', 'start must be a valid Date', { issues: [{ path: ['start'], message: 'not a valid date' }] });
  }
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 366) {
    throw new JornadaError('INVALID_OPTION', 'days must be an integer in 1..366', { issues: [{ path: ['days'], message: 'must be an integer in 1..366' }] });
  }
  const zone = parseCadencePolicy(input.policy).fallbackTimeZone;
  const customers = [...input.customers];
  const history: CadenceSentContact[] = [...(input.history ?? [])];
  let state = input.state;
  const out: CadenceSimulation = { days: [], byChannel: {}, byRule: {}, suppressedByReason: {}, contactsPerCustomer: {}, maxContactsPerCustomer: 0, contacts: [], state: { version: 1, asOf: input.start.toISOString(), journeys: [], segmentMembers: {} } };
  const perCustomer = new Map<string, number>();
  const start = input.start.getTime();
  for (let d = 0; d < input.days; d++) {
    const now = new Date(start + d * 86_400_000);
    const dayInput: PlanContactsInput = { ...input, customers, history, now, horizon: { amount: 1, unit: 'days' } };
    if (state !== undefined) dayInput.state = state;
    else dayInput.since = now;
    if (input.profiles === undefined) {
      const ok = customers.filter((c) => brokenCustomerReason(c) === undefined);
      dayInput.profiles = buildCustomerProfiles(
        { customers: ok, orders: input.orders ?? [], interactions: input.interactions ?? [], feedback: input.feedback ?? [], subscriptions: input.subscriptions ?? [] },
        { asOf: now, timeZone: zone },
      );
    }
    const plan = planContacts(dayInput);
    state = plan.state;
    const p = localParts(now.getTime(), zone);
    const day: CadenceSimulationDay = {
      date: `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
      contacts: plan.contacts.length,
      byChannel: {},
      byRule: {},
      suppressedByReason: {},
    };
    for (const c of plan.contacts) {
      history.push(c);
      out.contacts.push(c);
      bump(day.byChannel, c.channel);
      bump(day.byRule, c.ruleId);
      bump(out.byChannel, c.channel);
      bump(out.byRule, c.ruleId);
      perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
    }
    for (const s of plan.suppressed) {
      bump(day.suppressedByReason, s.reason);
      bump(out.suppressedByReason, s.reason);
    }
    out.days.push(day);
  }
  const counted = new Set<string>();
  for (const c of customers) {
    if (typeof c !== 'object' || c === null || counted.has(c.id)) continue;
    counted.add(c.id);
    const n = perCustomer.get(c.id) ?? 0;
    bump(out.contactsPerCustomer, String(n));
    out.maxContactsPerCustomer = Math.max(out.maxContactsPerCustomer, n);
  }
  if (state !== undefined) out.state = state;
  return out;
}
