/**
 * The planner: rules + policy + customers + history + events + journey state → the contacts to send
 * in a horizon, the decisions that suppressed others, and the next journey state.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { hashToUnit } from '../core/random.js';
import {
  canContact,
  type Channel,
  type Consent,
  type Customer,
  type FeedbackResponse,
  type Interaction,
  type Order,
  type Subscription,
} from '../model/index.js';
import {
  buildCustomerProfiles,
  compileCondition,
  compileSegments,
  diffSegmentMemberships,
  evaluateSegments,
  type ConditionPredicate,
  type CustomerProfile,
  type SegmentMembership,
} from '../segments/index.js';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  US_CALENDAR,
  WEEKDAYS,
  addCalendarDays,
  birthdayOccurrences,
  calendarOccurrences,
  daysInCalendarMonth,
  firstPurchaseAnniversaries,
  signupAnniversaries,
  type Calendar,
  type CalendarDay,
  type CustomerDateSubject,
} from '../calendar/index.js';
import { expectedNextPurchase, type NextPurchaseForecast } from '../value/index.js';
import { pendingFollowUps, type PendingFollowUp } from '../metrics/index.js';
import {
  CADENCE_OBJECTIVES,
  durationMs,
  minutesOfLocalTime,
  parseCadenceRules,
  type CadenceContactPurpose,
  type CadenceContactStep,
  type CadenceDuration,
  type CadenceObjective,
  type CadenceRule,
} from './rule.js';
import { consentAllows } from '../model/consent-decision.js';
import { parseCadencePolicy, type CadenceFrequencyCap, type CadencePolicy } from './policy.js';
import { instantAtLocal, localParts } from '../core/zone-time.js';
import { inLocalInterval, localIso, localPeriod, nextLocalTime, startOfNextLocalDay } from './local-time.js';

const DAY_MS = 86_400_000;

/**
 * A contact already sent (or handed to your sender). A {@link CadencePlannedContact} is one: append
 * the plan to the history of the next run.
 *
 * @category Cadence
 */
export interface CadenceSentContact {
  /** The customer. */
  customerId: string;
  /** The channel. */
  channel: Channel;
  /** When it was (or will be) sent. */
  at: Date;
  /** The rule that planned it, when it came from a rule. */
  ruleId?: string;
  /** Its objective (for caps per objective); read from the rule when absent. */
  objective?: CadenceObjective;
  /** Its tags (for caps per tag); read from the rule when absent. */
  tags?: string[];
  /** Whether it counts toward caps; default `true`. */
  countsTowardCaps?: boolean;
  /** The idempotency key it was planned with: a step with this key is never planned again. */
  idempotencyKey?: string;
}

/**
 * A planned contact (*disparo*).
 *
 * @category Cadence
 */
export interface CadencePlannedContact extends CadenceSentContact {
  /** The rule. */
  ruleId: string;
  /** Its objective. */
  objective: CadenceObjective;
  /** Its tags. */
  tags: string[];
  /** Index of the contact step in the rule's `steps`. */
  stepIndex: number;
  /** Content reference of the step. */
  content: string;
  /** Purpose of the contact. */
  purpose: CadenceContactPurpose;
  /** Whether it counts toward caps. */
  countsTowardCaps: boolean;
  /** The instant to send, UTC. */
  at: Date;
  /** The same instant as local time with offset in the customer's zone (`2026-11-02T10:00:00.000-03:00`). */
  localTime: string;
  /** The zone the local time is read in. */
  timeZone: string;
  /** Priority of the rule. */
  priority: number;
  /** The trigger occurrence that started the journey (`event:o-123`, `birthday:2026-11-04`). */
  occurrence: string;
  /** `ruleId/customerId/occurrence/stepIndex` (URI-encoded parts): unique per step of a journey. */
  idempotencyKey: string;
  /** Why this contact, in this channel, at this time. */
  reasons: string[];
}

/**
 * Why a decision did not plan a contact: `not_in_audience`, `not_re_eligible`, `holdout`,
 * `max_concurrent_journeys`, `exited` (an exit goal was met), `suppression_list`, `no_consent`,
 * `unreachable` (no address for the channel), `quiet_hours`, `weekday`, `cap` (see `capId`).
 *
 * @category Cadence
 */
export type CadenceSuppressionReason =
  | 'not_in_audience'
  | 'not_re_eligible'
  | 'holdout'
  | 'max_concurrent_journeys'
  | 'exited'
  | 'suppression_list'
  | 'no_consent'
  | 'unreachable'
  | 'quiet_hours'
  | 'weekday'
  | 'cap';

/**
 * A decision that suppressed a journey entry or a contact.
 *
 * @category Cadence
 */
export interface CadenceSuppressedDecision {
  /** The customer. */
  customerId: string;
  /** The rule. */
  ruleId: string;
  /** The trigger occurrence. */
  occurrence: string;
  /** The contact step, for contact decisions; absent for entry decisions. */
  stepIndex?: number;
  /** The instant the decision is about (the trigger or the contact's due time). */
  at: Date;
  /** The reason. */
  reason: CadenceSuppressionReason;
  /** For `cap`: the cap's id. */
  capId?: string;
  /** The channel, for contact decisions. */
  channel?: Channel;
  /** A readable detail. */
  detail: string;
}

/**
 * A customer left out of the run because of broken data (never the whole run).
 *
 * @category Cadence
 */
export interface CadenceSkippedCustomer {
  /** The customer's id (or `#index` when it has none). */
  customerId: string;
  /** Position in the input. */
  index: number;
  /** What is broken. */
  reason: string;
}

/**
 * One journey of one customer in one rule, as plain JSON.
 *
 * @category Cadence
 */
export interface CadenceJourneyRecord {
  /** The rule. */
  ruleId: string;
  /** The customer. */
  customerId: string;
  /** The trigger occurrence. */
  occurrence: string;
  /** When the trigger happened (ISO 8601). */
  triggeredAt: string;
  /** `active` (steps left), `completed`, `exited` (goal met) or `holdout` (control group). */
  status: 'active' | 'completed' | 'exited' | 'holdout';
  /** Next step index, for active journeys. */
  nextStep: number;
  /** When the next step is due (ISO 8601), for active journeys. */
  nextAt: string;
}

/**
 * The journey state a run hands to the next: plain JSON (store it as is).
 *
 * @category Cadence
 */
export interface CadenceJourneyState {
  /** Version of the state format; `1`. */
  version: 1;
  /** The `now` of the run that produced it (ISO 8601). */
  asOf: string;
  /** Active journeys, and finished ones still needed for re-eligibility or de-duplication. */
  journeys: CadenceJourneyRecord[];
  /** Members of each segment-trigger rule's segment at `asOf`, by rule id. */
  segmentMembers: Record<string, string[]>;
}

/**
 * Input of {@link planContacts}.
 *
 * @category Cadence
 */
export interface PlanContactsInput {
  /** The rules (validated here with {@link parseCadenceRules}). */
  rules: readonly CadenceRule[];
  /** The policy (validated here). */
  policy: CadencePolicy;
  /** The customers. One with broken data is skipped with a reason. */
  customers: Iterable<Customer>;
  /** Profiles as of `now` (by `customerId`); built from the sources below when absent. */
  profiles?: Iterable<CustomerProfile>;
  /** Orders: for profiles and replenishment forecasts. */
  orders?: readonly Order[];
  /** Interactions: for profiles and for follow-ups already made. */
  interactions?: readonly Interaction[];
  /** Survey answers: for profiles and detractor follow-ups. */
  feedback?: readonly FeedbackResponse[];
  /** Subscriptions: for profiles. */
  subscriptions?: readonly Subscription[];
  /** Contacts already sent (append the previous plans). */
  history?: Iterable<CadenceSentContact>;
  /** New events (event triggers and event exit goals), e.g. `Order Completed`. */
  events?: Iterable<Interaction>;
  /** The state returned by the previous run. */
  state?: CadenceJourneyState;
  /** The planning instant. */
  now: Date;
  /** How far ahead to plan. */
  horizon: CadenceDuration;
  /** Start of the trigger window; default the state's `asOf`, or `now` − 1 day without state. */
  since?: Date;
  /** Calendars by name for calendar triggers; default `{ BR, US, PT }`. */
  calendars?: Record<string, Calendar>;
}

/**
 * What {@link planContacts} returns.
 *
 * @category Cadence
 */
export interface CadencePlan {
  /** Contacts to send, by customer (input order), then time. */
  contacts: CadencePlannedContact[];
  /** Decisions that suppressed an entry or a contact. */
  suppressed: CadenceSuppressedDecision[];
  /** Customers skipped for broken data. */
  skipped: CadenceSkippedCustomer[];
  /** The state to pass to the next run. */
  state: CadenceJourneyState;
}

// ---------------------------------------------------------------------------------------------------
// Compiled rules and policy

interface CompiledRule {
  rule: CadenceRule;
  audience: ConditionPredicate | undefined;
  exitConditions: ConditionPredicate[];
  exitEvents: Set<string>;
  exitOnPurchase: boolean;
  objectiveRank: number;
  tags: string[];
  atMinute: number;
  reEligibleMs: number; // -1 never, 0 always, >0 after
  /** The rule id, URI-encoded once for idempotency keys (undefined when it cannot be encoded). */
  encodedId: string | undefined;
  /** The first reason of a contact of each step (`step i of "name" (objective, priority p)`). */
  stepLabels: string[];
  /** The channels of each contact step, the primary first, then the fallbacks in order (empty for waits). */
  stepChannels: Channel[][];
}

interface CompiledCap {
  cap: CadenceFrequencyCap;
  rollingMs: number; // 0 for calendar windows
  weekStart: number;
  /** The last calendar period computed per zone: a period holding t is the period of t. */
  lastPeriod: Map<string, [number, number]>;
}

interface CompiledPolicy {
  policy: CadencePolicy;
  caps: CompiledCap[];
  quiet: Array<{ channels: Set<Channel> | undefined; from: number; to: number }>;
  weekdayMask: number;
  blocked: { drop: boolean; maxMs: number };
  consentRequired: Record<CadenceContactPurpose, boolean>;
  bypassCaps: boolean;
  bypassQuiet: boolean;
  suppressedIds: Set<string>;
  suppressedEmails: Set<string>;
  suppressedPhones: Set<string>;
  maxConcurrent: number;
}

function weekdayIndex(w: string): number {
  return (WEEKDAYS as readonly string[]).indexOf(w);
}

function maskOf(days: readonly string[] | undefined): number {
  if (days === undefined) return 127;
  let m = 0;
  for (const d of days) m |= 1 << weekdayIndex(d);
  return m;
}

/**
 * Precedence of rules: priority (higher first), objective rank, then id.
 *
 * @param a - See the summary.
 * @param b - See the summary.
 * @returns See the summary.
 * @internal
 */
export function compareRulePrecedence(a: CadenceRule, b: CadenceRule): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const ra = CADENCE_OBJECTIVES.indexOf(a.objective);
  const rb = CADENCE_OBJECTIVES.indexOf(b.objective);
  if (ra !== rb) return ra - rb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compileRules(rules: readonly CadenceRule[], zone: string): CompiledRule[] {
  const parsed = parseCadenceRules(rules);
  parsed.sort(compareRulePrecedence);
  return parsed.map((rule) => {
    const t = rule.trigger;
    const at = 'atLocalTime' in t && t.atLocalTime !== undefined ? t.atLocalTime : '09:00';
    const exitConditions: ConditionPredicate[] = [];
    const exitEvents = new Set<string>();
    let exitOnPurchase = false;
    for (const g of rule.exitGoals ?? []) {
      if (g.kind === 'purchased') exitOnPurchase = true;
      else if (g.kind === 'event') exitEvents.add(g.event);
      else exitConditions.push(compileCondition(g.condition, { timeZone: zone }));
    }
    const re = rule.reEligibility;
    return {
      rule,
      audience: rule.audience === undefined ? undefined : compileCondition(rule.audience, { timeZone: zone }),
      exitConditions,
      exitEvents,
      exitOnPurchase,
      objectiveRank: CADENCE_OBJECTIVES.indexOf(rule.objective),
      tags: rule.tags ?? [],
      atMinute: minutesOfLocalTime(at),
      reEligibleMs: re.kind === 'never' ? -1 : re.kind === 'always' ? 0 : Math.max(1, durationMs(re.duration)),
      encodedId: encodeOrUndefined(rule.id),
      stepLabels: rule.steps.map((_, i) => shared(`step ${i} of "${rule.name}" (${rule.objective}, priority ${rule.priority})`)),
      stepChannels: rule.steps.map((step) => (step.kind === 'contact' ? [step.channel, ...(step.fallbackChannels ?? [])] : [])),
    };
  });
}

function encodeOrUndefined(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined; // a lone surrogate: encoded (and failing) where the key is built, as before
  }
}

function compilePolicy(input: CadencePolicy): CompiledPolicy {
  const policy = parseCadencePolicy(input);
  const blocked = policy.blocked ?? { kind: 'defer' };
  return {
    policy,
    caps: (policy.caps ?? []).map((cap) => ({
      cap,
      rollingMs: cap.window.kind === 'rolling' ? cap.window.amount * (cap.window.unit === 'hours' ? 3_600_000 : DAY_MS) : 0,
      weekStart: cap.window.kind === 'calendar' ? weekdayIndex(cap.window.weekStartsOn ?? 'monday') : 1,
      lastPeriod: new Map<string, [number, number]>(),
    })),
    quiet: (policy.quietHours ?? []).map((q) => ({
      channels: q.channels === undefined ? undefined : new Set(q.channels),
      from: minutesOfLocalTime(q.from),
      to: minutesOfLocalTime(q.to),
    })),
    weekdayMask: maskOf(policy.allowedWeekdays),
    blocked: { drop: blocked.kind === 'drop', maxMs: blocked.kind === 'defer' && blocked.maxHours !== undefined ? blocked.maxHours * 3_600_000 : Infinity },
    consentRequired: {
      marketing: true,
      transactional: policy.consentRequired?.transactional ?? false,
      research: policy.consentRequired?.research ?? false,
      service: policy.consentRequired?.service ?? false,
    },
    bypassCaps: policy.transactional?.bypassCaps ?? false,
    bypassQuiet: policy.transactional?.bypassQuietHours ?? false,
    suppressedIds: new Set(policy.suppression?.customerIds ?? []),
    suppressedEmails: new Set((policy.suppression?.emails ?? []).map((e) => e.toLowerCase())),
    suppressedPhones: new Set(policy.suppression?.phones ?? []),
    maxConcurrent: policy.maxConcurrentJourneys ?? Infinity,
  };
}

// ---------------------------------------------------------------------------------------------------
// Customer checks

const zoneOk = new Map<string, boolean>();
function validZone(zone: string): boolean {
  let ok = zoneOk.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = zone.length > 0;
    } catch {
      ok = false;
    }
    if (zoneOk.size < 4096) zoneOk.set(zone, ok);
  }
  return ok;
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/**
 * Why a customer cannot be planned, or undefined when it can.
 *
 * @param c - See the summary.
 * @returns See the summary.
 * @internal
 */
export function brokenCustomerReason(c: unknown): string | undefined {
  try {
    return brokenReason(c);
  } catch (e) {
    return `the record could not be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

function readableId(c: unknown, index: number): string {
  try {
    const id = (c as { id?: unknown }).id;
    if (typeof id === 'string' && id.length > 0) return id;
  } catch {
    // an unreadable record has no id to show
  }
  return `#${index}`;
}

function brokenReason(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return 'not an object';
  const cu = c as Partial<Customer>;
  if (typeof cu.id !== 'string' || cu.id.length === 0) return 'id is missing';
  if (!isValidDate(cu.createdAt)) return 'createdAt is not a valid date';
  if (cu.timeZone !== undefined && (typeof cu.timeZone !== 'string' || !validZone(cu.timeZone))) return `timeZone ${JSON.stringify(cu.timeZone)} is not an IANA zone`;
  if (cu.consents !== undefined) {
    if (!Array.isArray(cu.consents)) return 'consents is not an array';
    for (let i = 0; i < cu.consents.length; i++) {
      const k = cu.consents[i];
      if (typeof k !== 'object' || k === null || !isValidDate(k.recordedAt)) return `consents[${i}].recordedAt is not a valid date`;
      if (k.expiresAt !== undefined && !isValidDate(k.expiresAt)) return `consents[${i}].expiresAt is not a valid date`;
    }
  }
  const b = cu.birthday;
  if (b !== undefined) {
    if (typeof b !== 'object' || b === null || !Number.isInteger(b.month) || !Number.isInteger(b.day) || b.month < 1 || b.month > 12 || b.day < 1 || b.day > 31) {
      return 'birthday is not a valid date';
    }
  }
  if (cu.stageEnteredAt !== undefined) {
    if (typeof cu.stageEnteredAt !== 'object' || cu.stageEnteredAt === null) return 'stageEnteredAt is not an object';
    for (const v of Object.values(cu.stageEnteredAt)) if (!isValidDate(v)) return 'stageEnteredAt holds an invalid date';
  }
  return undefined;
}

function reachable(c: Customer, channel: Channel): boolean {
  if (channel === 'email') return c.email !== undefined || (c.contactPoints ?? []).some((p) => p.kind === 'email');
  if (channel === 'sms' || channel === 'whatsapp' || channel === 'phone') return c.phone !== undefined || (c.contactPoints ?? []).some((p) => p.kind === 'phone');
  return true;
}

function onSuppressionList(c: Customer, p: CompiledPolicy): boolean {
  if (p.suppressedIds.has(c.id)) return true;
  if (p.suppressedEmails.size > 0) {
    if (c.email !== undefined && p.suppressedEmails.has(c.email.toLowerCase())) return true;
    for (const cp of c.contactPoints ?? []) if (cp.kind === 'email' && p.suppressedEmails.has(cp.value.toLowerCase())) return true;
  }
  if (p.suppressedPhones.size > 0) {
    if (c.phone !== undefined && p.suppressedPhones.has(c.phone)) return true;
    for (const cp of c.contactPoints ?? []) if (cp.kind === 'phone' && p.suppressedPhones.has(cp.value)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Trigger occurrences

interface Occurrence {
  key: string;
  at: number;
  detail: string;
  /** `key`, URI-encoded, once it was needed. */
  encoded?: string;
}

interface RunContext {
  now: number;
  since: number;
  horizonEnd: number;
  nowIso: string;
  nowDate: Date;
  calendars: Record<string, Calendar>;
  /** Occurrences shared by a zone, by rule id, then zone. */
  zoneCache: Map<string, Map<string, Occurrence[]>>;
  eventsByCustomer: Map<string, Interaction[]>;
  forecasts: Map<string, NextPurchaseForecast>;
  followUps: Map<string, PendingFollowUp[]>;
  segmentEntered: Map<string, Set<string>>;
  segmentExited: Map<string, Set<string>>;
}

/**
 * The instant of the local day of `t` shifted by `days`, at `minute`, when it falls in [since, end);
 * NaN otherwise. This is the calendar module's `daysAfterLastPurchase` / `daysBeforeReplenishment` day
 * (local day of the instant plus or minus whole calendar days) read at the trigger's local time, from
 * the memoised zone offsets: no calendar object is built for the many customers it concerns.
 */
function localDayAtInWindow(t: number, days: number, minute: number, zone: string, since: number, end: number): number {
  const approx = t + days * DAY_MS;
  if (approx < since - 3 * DAY_MS || approx > end + 3 * DAY_MS) return NaN;
  const p = localParts(t, zone);
  const at = instantAtLocal(p.year, p.month, p.day + days, minute, zone);
  return at >= since && at < end ? at : NaN;
}

function dayAt(day: CalendarDay, minute: number, zone: string): number {
  return instantAtLocal(day.year, day.month, day.day, minute, zone);
}

// Trigger and due instants repeat across customers (a zone's schedule, 08:00 after quiet hours): keep
// the ISO text of recent instants (bounded; the same text either way).
const isoTexts = new Map<number, string>();
function iso(t: number): string {
  let text = isoTexts.get(t);
  if (text === undefined) {
    text = new Date(t).toISOString();
    if (isoTexts.size >= 8192) isoTexts.clear();
    isoTexts.set(t, text);
  }
  return text;
}

function isoDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Occurrences shared by every customer of a zone (calendar occasions, schedules). */
function zoneOccurrences(cr: CompiledRule, zone: string, ctx: RunContext): Occurrence[] {
  let byZone = ctx.zoneCache.get(cr.rule.id);
  if (byZone === undefined) ctx.zoneCache.set(cr.rule.id, (byZone = new Map()));
  const hit = byZone.get(zone);
  if (hit !== undefined) return hit;
  const out: Occurrence[] = [];
  const t = cr.rule.trigger;
  if (t.kind === 'calendar') {
    const cal = ctx.calendars[t.calendar ?? 'BR'];
    if (cal === undefined) throw new JornadaError('INVALID_RULE', `Rule "${cr.rule.id}" names an unknown calendar "${t.calendar ?? 'BR'}"`, { issues: [{ path: ['trigger', 'calendar'], message: 'unknown calendar' }] });
    const off = t.offsetDays ?? 0;
    const occ = calendarOccurrences(cal, { from: new Date(ctx.since - (off + 2) * DAY_MS), to: new Date(ctx.horizonEnd - (off - 2) * DAY_MS), timeZone: zone, ids: [t.occasion] });
    for (const o of occ) {
      const day = addCalendarDays(o.day, off);
      const at = dayAt(day, cr.atMinute, zone);
      if (at >= ctx.since && at < ctx.horizonEnd) out.push({ key: `calendar:${o.id}:${o.isoDate}`, at, detail: `${off === 0 ? '' : `${Math.abs(off)} days ${off < 0 ? 'before' : 'after'} `}${o.definition.names.en} (${o.isoDate})` });
    }
  } else if (t.kind === 'schedule') {
    const first = localParts(ctx.since, zone);
    const mask = maskOf(t.weekdays);
    for (let k = 0; k < 400; k++) {
      const probe = instantAtLocal(first.year, first.month, first.day + k, 12 * 60, zone);
      const p = localParts(probe, zone);
      const at = instantAtLocal(p.year, p.month, p.day, cr.atMinute, zone);
      if (at >= ctx.horizonEnd) break;
      if (at < ctx.since) continue;
      const due =
        t.every === 'daily' ||
        (t.every === 'weekly' && (mask & (1 << p.weekday)) !== 0) ||
        (t.every === 'monthly' && p.day === Math.min(t.dayOfMonth ?? 1, daysInCalendarMonth(p.year, p.month)));
      if (due) {
        const d = isoDay({ year: p.year, month: p.month, day: p.day });
        out.push({ key: `schedule:${d}`, at, detail: `${t.every} schedule on ${d}` });
      }
    }
  }
  byZone.set(zone, out);
  return out;
}

function triggerOccurrences(cr: CompiledRule, c: Customer, p: CustomerProfile, zone: string, ctx: RunContext): Occurrence[] {
  const t = cr.rule.trigger;
  const { since, now, horizonEnd } = ctx;
  switch (t.kind) {
    case 'event': {
      const list = ctx.eventsByCustomer.get(c.id);
      if (list === undefined) return NONE;
      const out: Occurrence[] = [];
      for (const e of list) {
        const at = e.timestamp.getTime();
        if (e.event === t.event && at >= since && at <= now) out.push({ key: `event:${e.id}`, at, detail: `event "${e.event}" at ${iso(at)}` });
      }
      return out;
    }
    case 'segment_entered':
    case 'segment_exited': {
      const set = (t.kind === 'segment_entered' ? ctx.segmentEntered : ctx.segmentExited).get(cr.rule.id);
      return set !== undefined && set.has(c.id) ? [{ key: `${t.kind}:${ctx.nowIso}`, at: now, detail: `${t.kind === 'segment_entered' ? 'entered' : 'exited'} the segment since ${iso(since)}` }] : [];
    }
    case 'lifecycle_stage_entered': {
      const entered = c.stageEnteredAt !== undefined && Object.prototype.hasOwnProperty.call(c.stageEnteredAt, t.stage) ? c.stageEnteredAt[t.stage] : undefined;
      if (entered === undefined || c.lifecycleStage !== t.stage) return [];
      const at = entered.getTime();
      return at >= since && at <= now ? [{ key: `stage:${t.stage}:${iso(at)}`, at, detail: `entered lifecycle stage "${t.stage}" at ${iso(at)}` }] : [];
    }
    case 'calendar':
    case 'schedule':
      return zoneOccurrences(cr, zone, ctx);
    case 'inactivity': {
      const base = p.lastOrderAt ?? c.createdAt;
      const at = localDayAtInWindow(base.getTime(), t.days, cr.atMinute, zone, since, horizonEnd);
      return Number.isNaN(at) ? NONE : [{ key: `inactivity:${iso(base.getTime())}`, at, detail: `${t.days} days without purchase since ${iso(base.getTime())}` }];
    }
    case 'feedback_follow_up': {
      const reasons = t.reasons ?? ['detractor'];
      const out: Occurrence[] = [];
      for (const f of ctx.followUps.get(c.id) ?? []) {
        const at = f.response.respondedAt.getTime();
        if (reasons.includes(f.reason) && at >= since && at <= now) out.push({ key: `follow_up:${f.response.id}`, at, detail: `${f.reason} answer ${f.response.id} awaiting follow-up` });
      }
      return out;
    }
    case 'customer_date':
      return customerDateOccurrences(cr, t, c, p, zone, ctx);
  }
}

function customerDateOccurrences(
  cr: CompiledRule,
  t: Extract<CadenceRule['trigger'], { kind: 'customer_date' }>,
  c: Customer,
  p: CustomerProfile,
  zone: string,
  ctx: RunContext,
): Occurrence[] {
  const { since, horizonEnd } = ctx;
  const minute = cr.atMinute;
  if (t.date === 'after_last_purchase' || t.date === 'before_replenishment') {
    const days = t.days ?? 0;
    if (t.date === 'after_last_purchase') {
      const last = p.lastOrderAt;
      if (last === undefined) return NONE;
      const at = localDayAtInWindow(last.getTime(), days, minute, zone, since, horizonEnd);
      return Number.isNaN(at) ? NONE : [{ key: `after_last_purchase:${iso(last.getTime())}`, at, detail: `${days} days after the purchase of ${iso(last.getTime())}` }];
    }
    const f = ctx.forecasts.get(c.id);
    if (f === undefined) return NONE;
    const at = localDayAtInWindow(f.expectedAt.getTime(), -days, minute, zone, since, horizonEnd);
    return Number.isNaN(at) ? NONE : [{ key: `before_replenishment:${iso(f.lastPurchaseAt.getTime())}`, at, detail: `${days} days before the replenishment expected ${iso(f.expectedAt.getTime())} (every ~${f.typicalIntervalDays} days)` }];
  }
  const off = t.offsetDays ?? 0;
  let occ;
  if (t.date === 'birthday') {
    const b = c.birthday;
    if (b === undefined || !yearlyNear(b.month, b.day, off, minute, zone, since, horizonEnd)) return NONE;
    const fast = b.year === undefined || Number.isInteger(b.year) ? yearlyFast(b.month, b.day, b.year, t.date, off, minute, zone, ctx) : undefined;
    if (fast !== undefined) return fast;
    occ = birthdayOccurrences(dateSubject(c, zone), yearRange(off, zone, ctx));
  } else if (t.date === 'signup_anniversary') {
    const d = localParts(c.createdAt.getTime(), zone);
    if (!yearlyNear(d.month, d.day, off, minute, zone, since, horizonEnd)) return NONE;
    const fast = c.createdAt.getTime() >= 0 ? yearlyFast(d.month, d.day, d.year, t.date, off, minute, zone, ctx) : undefined;
    if (fast !== undefined) return fast;
    occ = signupAnniversaries(dateSubject(c, zone), yearRange(off, zone, ctx));
  } else {
    const first = p.firstOrderAt;
    if (first === undefined) return NONE;
    const d = localParts(first.getTime(), zone);
    if (!yearlyNear(d.month, d.day, off, minute, zone, since, horizonEnd)) return NONE;
    const fast = first.getTime() >= 0 ? yearlyFast(d.month, d.day, d.year, t.date, off, minute, zone, ctx) : undefined;
    if (fast !== undefined) return fast;
    occ = firstPurchaseAnniversaries(dateSubject(c, zone), first, yearRange(off, zone, ctx));
  }
  const out: Occurrence[] = [];
  for (const o of occ) {
    const day = addCalendarDays(o.day, off);
    for (const x of occurrenceOn(day, minute, zone, ctx, `${t.date}:${o.isoDate}`, `${off === 0 ? '' : `${Math.abs(off)} days ${off < 0 ? 'before' : 'after'} `}${t.date.replace(/_/g, ' ')} on ${o.isoDate}`)) out.push(x);
  }
  return out;
}

const NONE: Occurrence[] = [];

const MIN_FAST_YEAR = 1970;

/**
 * The occurrences of a yearly date the calendar module's `birthdayOccurrences` / anniversaries give
 * (years after `originYear`, local days in the range `yearRange` spans), shifted by `off` days, read
 * from the memoised local days: no calendar objects are built. Only for the plain case — a date that
 * exists every year (not 29 February), a window after 1970 — and undefined otherwise, where the
 * calendar module answers (its 29 February policy and its checks).
 */
function yearlyFast(month: number, day: number, originYear: number | undefined, kind: string, off: number, minute: number, zone: string, ctx: RunContext): Occurrence[] | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInCalendarMonth(2001, month))) return undefined;
  const from = ctx.since - (off + 2) * DAY_MS;
  const to = ctx.horizonEnd - (off - 2) * DAY_MS;
  if (!(from >= 0) || !(to > from)) return undefined;
  const a = localParts(from, zone);
  const b = localParts(to - 1, zone);
  if (a.year < MIN_FAST_YEAR || b.year > 9999) return undefined;
  const first = a.year * 10_000 + a.month * 100 + a.day;
  const last = b.year * 10_000 + b.month * 100 + b.day;
  let out: Occurrence[] | undefined;
  for (let y = Math.max(a.year, originYear === undefined ? -Infinity : originYear + 1); y <= b.year; y++) {
    const serial = y * 10_000 + month * 100 + day;
    if (serial < first || serial > last) continue;
    const at = instantAtLocal(y, month, day + off, minute, zone);
    if (!(at >= ctx.since && at < ctx.horizonEnd)) continue;
    const isoDate = isoDay({ year: y, month, day });
    (out ??= []).push({ key: `${kind}:${isoDate}`, at, detail: `${off === 0 ? '' : `${Math.abs(off)} days ${off < 0 ? 'before' : 'after'} `}${kind.replace(/_/g, ' ')} on ${isoDate}` });
  }
  return out ?? NONE;
}

function dateSubject(c: Customer, zone: string): CustomerDateSubject {
  const subject: CustomerDateSubject = { id: c.id, timeZone: zone, createdAt: c.createdAt };
  if (c.birthday !== undefined) subject.birthday = c.birthday;
  return subject;
}

function yearRange(off: number, zone: string, ctx: RunContext): { from: Date; to: Date; defaultTimeZone: string } {
  return { from: new Date(ctx.since - (off + 2) * DAY_MS), to: new Date(ctx.horizonEnd - (off - 2) * DAY_MS), defaultTimeZone: zone };
}

function occurrenceOn(day: CalendarDay, minute: number, zone: string, ctx: RunContext, key: string, detail: string): Occurrence[] {
  const at = dayAt(day, minute, zone);
  return at >= ctx.since && at < ctx.horizonEnd ? [{ key, at, detail }] : NONE;
}

/**
 * Fast pre-check with the memoised zone offsets: does a yearly local date (shifted by `off` days, at
 * the trigger's local time) fall in [since, end)? Only then is the calendar module asked. 29 February
 * also tries 28 February and 1 March (where common years put it).
 */
function yearlyNear(month: number, day: number, off: number, minute: number, zone: string, since: number, end: number): boolean {
  const reach = (Math.abs(off) + 2) * DAY_MS;
  if (since !== yearsFor.since || end !== yearsFor.end || reach !== yearsFor.reach) {
    yearsFor = { since, end, reach, y0: new Date(since - reach).getUTCFullYear(), y1: new Date(end + reach).getUTCFullYear() };
  }
  const { y0, y1 } = yearsFor;
  for (let y = y0; y <= y1; y++) {
    if (localNear(y, month, day + off, minute, zone, since, end)) return true;
    if (month === 2 && day === 29) {
      if (localNear(y, 2, 28 + off, minute, zone, since, end)) return true;
      if (localNear(y, 3, 1 + off, minute, zone, since, end)) return true;
    }
  }
  return false;
}

/** The years {@link yearlyNear} tries, for the last window and reach asked (the same for a whole run). */
let yearsFor = { since: NaN, end: NaN, reach: NaN, y0: 0, y1: -1 };

/**
 * Is the instant of a local date and time in [since, end)? The wall time read as UTC is within a day
 * and a half of the instant (no zone is more than 26 hours from UTC), so dates two days or more outside
 * the window are answered without the zone.
 */
function localNear(year: number, month: number, day: number, minute: number, zone: string, since: number, end: number): boolean {
  const wall = Date.UTC(year, month - 1, day, 0, minute);
  if (wall < since - 2 * DAY_MS || wall >= end + 2 * DAY_MS) return false;
  const at = instantAtLocal(year, month, day, minute, zone);
  return at >= since && at < end;
}

// ---------------------------------------------------------------------------------------------------
// Caps, quiet hours, weekdays

interface TimelineEntry {
  at: number;
  channel: Channel;
  objective: CadenceObjective | undefined;
  tags: readonly string[];
  counts: boolean;
}

interface Block {
  reason: 'quiet_hours' | 'weekday' | 'cap';
  capId?: string;
  next: number;
}

function capApplies(cap: CadenceFrequencyCap, channel: Channel, objective: CadenceObjective | undefined, tags: readonly string[]): boolean {
  if (cap.channel !== undefined && cap.channel !== channel) return false;
  if (cap.objective !== undefined && cap.objective !== objective) return false;
  if (cap.tag !== undefined && !tags.includes(cap.tag)) return false;
  return true;
}

/** Is a contact at t blocked? Returns the first block and a later instant worth trying, or undefined. */
function blockAt(
  t: number,
  channel: Channel,
  rule: CompiledRule,
  counted: boolean,
  bypassQuiet: boolean,
  timeline: readonly TimelineEntry[],
  pol: CompiledPolicy,
  zone: string,
): Block | undefined {
  if (!bypassQuiet) {
    const lp = localParts(t, zone);
    if ((pol.weekdayMask & (1 << lp.weekday)) === 0) return { reason: 'weekday', next: startOfNextLocalDay(t, zone) };
    for (const q of pol.quiet) {
      if (q.channels !== undefined && !q.channels.has(channel)) continue;
      if (!inLocalInterval(lp.minuteOfDay, q.from, q.to)) continue;
      const tomorrow = q.from > q.to && lp.minuteOfDay >= q.from ? 1 : 0;
      let next = instantAtLocal(lp.year, lp.month, lp.day + tomorrow, q.to, zone);
      if (next <= t) next = t + 60_000;
      return { reason: 'quiet_hours', next };
    }
  }
  if (!counted) return undefined;
  const objective = rule.rule.objective;
  for (const cc of pol.caps) {
    if (!capApplies(cc.cap, channel, objective, rule.tags)) continue;
    if (cc.rollingMs > 0) {
      const w = cc.rollingMs;
      // Counted first: the times are gathered only when the cap may be reached.
      let near = 1;
      for (const e of timeline) if (e.counts && e.at > t - w && e.at < t + w && capApplies(cc.cap, e.channel, e.objective, e.tags)) near++;
      if (near <= cc.cap.limit) continue;
      const times: number[] = [t];
      for (const e of timeline) if (e.counts && e.at > t - w && e.at < t + w && capApplies(cc.cap, e.channel, e.objective, e.tags)) times.push(e.at);
      times.sort((a, b) => a - b);
      let violated = false;
      let earliest = Infinity;
      for (let i = 0; i < times.length; i++) {
        const a = times[i] as number;
        if (a > t) break;
        let n = 0;
        for (let j = i; j < times.length && (times[j] as number) < a + w; j++) n++;
        if (n > cc.cap.limit) {
          violated = true;
          earliest = Math.min(earliest, a);
        }
      }
      if (violated) return { reason: 'cap', capId: cc.cap.id, next: Math.max(t + 60_000, earliest + w) };
    } else {
      const win = cc.cap.window;
      if (win.kind !== 'calendar') continue;
      let period = cc.lastPeriod.get(zone);
      if (period === undefined || !(t >= period[0] && t < period[1])) {
        period = localPeriod(t, win.unit, cc.weekStart, zone);
        if (cc.lastPeriod.size >= 1024) cc.lastPeriod.clear();
        cc.lastPeriod.set(zone, period);
      }
      const [start, end] = period;
      let n = 0;
      for (const e of timeline) if (e.counts && e.at >= start && e.at < end && capApplies(cc.cap, e.channel, e.objective, e.tags)) n++;
      if (n + 1 > cc.cap.limit) return { reason: 'cap', capId: cc.cap.id, next: Math.max(t + 60_000, end) };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// The planner

/** Everything computed for one customer; also what the explanation reads. @internal */
export interface CustomerPlanResult {
  contacts: CadencePlannedContact[];
  suppressed: CadenceSuppressedDecision[];
  journeys: CadenceJourneyRecord[];
  notes: Map<string, string[]>;
}

/** Prepared inputs of a run. @internal */
export interface PreparedRun {
  rules: CompiledRule[];
  pol: CompiledPolicy;
  ctx: RunContext;
  profiles: Map<string, CustomerProfile>;
  historyByCustomer: Map<string, CadenceSentContact[]>;
  journeysByCustomer: Map<string, CadenceJourneyRecord[]>;
  segmentMembers: Record<string, string[]>;
  customers: Customer[];
  ruleById: Map<string, CompiledRule>;
  rank: Map<string, number>;
  /** Whether to keep the per-rule notes (explanations only). */
  explain: boolean;
}

function invalidOption(path: string, message: string): JornadaError {
  return new JornadaError('INVALID_OPTION', `Invalid ${path}: ${message}`, { issues: [{ path: [path], message }] });
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list === undefined) m.set(k, [it]);
    else list.push(it);
  }
  return m;
}

/**
 * Validates and indexes the input of a run.
 *
 * @param input - See the summary.
 * @returns See the summary.
 * @internal
 */
export function prepareRun(input: PlanContactsInput): PreparedRun {
  if (typeof input !== 'object' || input === null) throw invalidOption('input', 'must be an object');
  if (!isValidDate(input.now)) throw invalidOption('now', 'must be a valid Date');
  const pol = compilePolicy(input.policy);
  const zone = pol.policy.fallbackTimeZone;
  const rules = compileRules(input.rules, zone);
  const horizonMs = (() => {
    const h = input.horizon as unknown;
    if (typeof h !== 'object' || h === null) throw invalidOption('horizon', 'must be a duration { amount, unit }');
    const { amount, unit } = h as CadenceDuration;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 3660 || !['minutes', 'hours', 'days', 'weeks'].includes(unit)) {
      throw invalidOption('horizon', 'must be a duration { amount 0–3660, unit minutes|hours|days|weeks }');
    }
    return durationMs({ amount, unit });
  })();
  const now = input.now.getTime();
  const state = input.state;
  if (state !== undefined && (typeof state !== 'object' || state === null || state.version !== 1 || !Array.isArray(state.journeys))) {
    throw invalidOption('state', 'must be a state returned by planContacts (version 1)');
  }
  if (state !== undefined) {
    state.journeys.forEach((j, i) => {
      const ok =
        typeof j === 'object' && j !== null && typeof j.ruleId === 'string' && typeof j.customerId === 'string' && typeof j.occurrence === 'string' &&
        Number.isFinite(Date.parse(j.triggeredAt)) && Number.isFinite(Date.parse(j.nextAt)) && Number.isInteger(j.nextStep) && j.nextStep >= 0 &&
        ['active', 'completed', 'exited', 'holdout'].includes(j.status);
      if (!ok) throw new JornadaError('INVALID_OPTION', `Invalid state: journey ${i} is malformed`, { issues: [{ path: ['state', 'journeys', i], message: 'not a journey record returned by planContacts' }] });
    });
  }
  const stateAsOf = state === undefined ? NaN : Date.parse(state.asOf);
  if (input.since !== undefined && !isValidDate(input.since)) throw invalidOption('since', 'must be a valid Date');
  const since = input.since?.getTime() ?? (Number.isNaN(stateAsOf) ? now - DAY_MS : Math.min(stateAsOf, now));

  const customers = [...input.customers];
  let profiles: Map<string, CustomerProfile>;
  if (input.profiles !== undefined) {
    profiles = new Map();
    for (const p of input.profiles) profiles.set(p.customerId, p);
  } else {
    const ok = customers.filter((c) => brokenCustomerReason(c) === undefined);
    const built = buildCustomerProfiles(
      { customers: ok, orders: input.orders ?? [], interactions: input.interactions ?? [], feedback: input.feedback ?? [], subscriptions: input.subscriptions ?? [] },
      { asOf: input.now, timeZone: zone },
    );
    profiles = new Map(built.map((p) => [p.customerId, p]));
  }

  const needs = (kind: string, date?: string): boolean => rules.some((r) => r.rule.trigger.kind === kind && (date === undefined || (r.rule.trigger as { date?: string }).date === date));
  const forecasts = new Map<string, NextPurchaseForecast>();
  if (needs('customer_date', 'before_replenishment') && input.orders !== undefined) {
    // Purchase rhythm only: amounts and currencies do not matter here (orders in several currencies are fine).
    const rows: Array<{ customerId: string; at: Date; amount: number }> = [];
    for (const o of input.orders) {
      if (o.status === 'cancelled' || o.status === 'refunded' || !isValidDate(o.placedAt) || o.placedAt.getTime() > now) continue;
      rows.push({ customerId: o.customerId, at: o.placedAt, amount: 0 });
    }
    for (const f of expectedNextPurchase(rows, { asOf: input.now, timeZone: zone, onInvalid: 'skip' })) forecasts.set(f.customerId, f);
  }
  let followUps = new Map<string, PendingFollowUp[]>();
  if (needs('feedback_follow_up') && input.feedback !== undefined) {
    followUps = groupBy(pendingFollowUps(input.feedback, input.interactions ?? [], { asOf: input.now }), (f) => f.customerId);
  }

  // Segment triggers: membership now, diffed with the state's membership.
  const segmentMembers: Record<string, string[]> = {};
  const segmentEntered = new Map<string, Set<string>>();
  const segmentExited = new Map<string, Set<string>>();
  const segRules = rules.filter((r) => r.rule.trigger.kind === 'segment_entered' || r.rule.trigger.kind === 'segment_exited');
  if (segRules.length > 0) {
    const compiled = compileSegments(
      segRules.map((r) => ({ id: r.rule.id, name: r.rule.name, condition: (r.rule.trigger as { segment: unknown }).segment })),
      { timeZone: zone },
    );
    const population = customers.flatMap((c) => {
      const p = brokenCustomerReason(c) === undefined ? profiles.get(c.id) : undefined;
      return p === undefined ? [] : [p];
    });
    const after = evaluateSegments(compiled, population, input.now);
    const prior = state?.segmentMembers ?? {};
    const known = segRules.filter((r) => Object.prototype.hasOwnProperty.call(prior, r.rule.id)).map((r) => r.rule.id);
    const before: SegmentMembership = { asOf: new Date(Number.isNaN(stateAsOf) ? now : stateAsOf), segmentIds: known, members: {} };
    for (const id of known) before.members[id] = prior[id] ?? [];
    const diff = diffSegmentMemberships(before, { ...after, segmentIds: known });
    for (const r of segRules) {
      segmentMembers[r.rule.id] = after.members[r.rule.id] ?? [];
      const d = diff[r.rule.id];
      if (d !== undefined) {
        segmentEntered.set(r.rule.id, new Set(d.entered));
        segmentExited.set(r.rule.id, new Set(d.exited));
      }
    }
  }

  const ctx: RunContext = {
    now,
    since,
    horizonEnd: now + horizonMs,
    nowIso: iso(now),
    nowDate: new Date(now),
    calendars: input.calendars ?? { BR: BR_CALENDAR, US: US_CALENDAR, PT: PT_CALENDAR },
    zoneCache: new Map(),
    eventsByCustomer: groupBy(input.events ?? [], (e) => (isValidDate(e.timestamp) ? e.customerId : undefined)),
    forecasts,
    followUps,
    segmentEntered,
    segmentExited,
  };
  const historyByCustomer = groupBy(input.history ?? [], (h) => (isValidDate(h.at) ? h.customerId : undefined));
  const journeysByCustomer = groupBy(state?.journeys ?? [], (j) => j.customerId);
  const ruleById = new Map(rules.map((r) => [r.rule.id, r]));
  const rank = new Map(rules.map((r, i) => [r.rule.id, i]));
  return { rules, pol, ctx, profiles, historyByCustomer, journeysByCustomer, segmentMembers, customers, ruleById, rank, explain: false };
}

const PURPOSE_LABEL: Record<CadenceContactPurpose, string> = { marketing: 'marketing', transactional: 'transactional', research: 'research', service: 'service' };

/**
 * Plans one customer (trusted, checked by `brokenCustomerReason`).
 *
 * @param run - See the summary.
 * @param c - See the summary.
 * @returns See the summary.
 * @internal
 */
export function planCustomer(run: PreparedRun, c: Customer): CustomerPlanResult {
  const { rules, pol, ctx } = run;
  const explain = run.explain;
  const zone = c.timeZone ?? pol.policy.fallbackTimeZone;
  const profile = run.profiles.get(c.id);
  const result: CustomerPlanResult = { contacts: [], suppressed: [], journeys: [], notes: explain ? new Map() : NO_NOTES };
  if (profile === undefined) throw new Error('no profile');
  const ruleById = run.ruleById;
  const cid = c.id;

  // History: the timeline for caps and the keys already sent.
  // `sent` is made on the first key (most customers have no history).
  const timeline: TimelineEntry[] = [];
  let sent: Map<string, number> | undefined;
  for (const h of run.historyByCustomer.get(cid) ?? NO_HISTORY) {
    const r = h.ruleId === undefined ? undefined : ruleById.get(h.ruleId);
    timeline.push({ at: h.at.getTime(), channel: h.channel, objective: h.objective ?? r?.rule.objective, tags: h.tags ?? r?.tags ?? [], counts: h.countsTowardCaps !== false });
    if (h.idempotencyKey !== undefined) (sent ??= new Map()).set(h.idempotencyKey, h.at.getTime());
  }
  const events = ctx.eventsByCustomer.get(cid) ?? NO_EVENTS;

  // Journeys from the state; `triggered[k]` is the trigger instant of `journeys[k]` (parsed once).
  // Rule ids are unique, so the last entry and the occurrences seen matter per rule only: they are
  // kept in maps only for customers with journeys from the state.
  const prior = run.journeysByCustomer.get(cid);
  const journeys: CadenceJourneyRecord[] = [];
  const triggered: number[] = [];
  // `nextAtMs[k]` is `journeys[k].nextAt` read once; `occurrenceOf[k]` the trigger occurrence of a
  // journey entered in this run (its URI-encoded key is kept on it, shared by a zone's customers).
  const nextAtMs: number[] = [];
  const occurrenceOf: Array<Occurrence | undefined> = [];
  let priorLastEntry: Map<string, number> | undefined;
  let priorSeen: Set<string> | undefined;
  let mayRepeat = false;
  if (prior !== undefined) {
    priorLastEntry = new Map();
    priorSeen = new Set();
    for (const p of prior) {
      if (!ruleById.has(p.ruleId)) continue;
      const j = { ...p };
      journeys.push(j);
      const t = Date.parse(j.triggeredAt);
      triggered.push(t);
      nextAtMs.push(Date.parse(j.nextAt));
      occurrenceOf.push(undefined);
      priorLastEntry.set(j.ruleId, Math.max(priorLastEntry.get(j.ruleId) ?? -Infinity, t));
      priorSeen.add(`${j.ruleId}\u0000${j.occurrence}`);
    }
    // A state that carries one rule and occurrence twice could plan a key twice: remember the keys
    // planned in this run then (only then).
    mayRepeat = priorSeen.size < journeys.length;
  }

  // Exit goals of the journeys carried over.
  for (let k = 0; k < journeys.length; k++) {
    const j = journeys[k] as CadenceJourneyRecord;
    if (j.status !== 'active') continue;
    const cr = ruleById.get(j.ruleId) as CompiledRule;
    const why = exitMet(cr, triggered[k] as number, profile, events, ctx);
    if (why !== undefined) {
      j.status = 'exited';
      suppressDecision(run, result, { customerId: cid, ruleId: j.ruleId, occurrence: j.occurrence, stepIndex: j.nextStep, at: new Date(ctx.now), reason: 'exited', detail: `exit goal reached: ${why}` });
    }
  }

  // New entries, in rule precedence.
  let active = 0;
  for (const j of journeys) if (j.status === 'active') active++;
  for (const cr of rules) {
    const id = cr.rule.id;
    if (cr.rule.enabled === false) {
      if (explain) addNote(result, id, 'rule is disabled');
      continue;
    }
    const occs = triggerOccurrences(cr, c, profile, zone, ctx);
    if (occs.length === 0) {
      if (explain) addNote(result, id, `no trigger occurrence (${cr.rule.trigger.kind}) between ${iso(ctx.since)} and ${iso(cr.rule.trigger.kind === 'event' || cr.rule.trigger.kind === 'lifecycle_stage_entered' || cr.rule.trigger.kind === 'feedback_follow_up' ? ctx.now : ctx.horizonEnd)}`);
      continue;
    }
    if (occs.length > 1) occs.sort(compareOccurrences);
    let inAudience: boolean | undefined;
    let lastEntry = priorLastEntry?.get(id);
    const seen = occs.length > 1 ? new Set<string>() : undefined;
    for (const o of occs) {
      if ((priorSeen !== undefined && priorSeen.has(`${id}\u0000${o.key}`)) || (seen !== undefined && seen.has(o.key))) {
        if (explain) addNote(result, id, `trigger ${o.key} already handled in an earlier run`);
        continue;
      }
      seen?.add(o.key);
      if (explain) addNote(result, id, `trigger: ${o.detail}`);
      if (cr.audience !== undefined) {
        inAudience ??= cr.audience(profile, ctx.nowDate);
        if (!inAudience) {
          suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'not_in_audience', detail: 'the audience condition does not hold' });
          continue;
        }
      }
      const last = lastEntry;
      if (last !== undefined) {
        if (cr.reEligibleMs < 0) {
          suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'not_re_eligible', detail: `entered before (${iso(last)}); re-eligibility: never` });
          continue;
        }
        if (cr.reEligibleMs > 0 && o.at < last + cr.reEligibleMs) {
          suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'not_re_eligible', detail: `entered ${iso(last)}; eligible again from ${iso(last + cr.reEligibleMs)}` });
          continue;
        }
        if (cr.reEligibleMs > 0 && journeys.some((j) => j.ruleId === id && j.status === 'active')) {
          suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'not_re_eligible', detail: 'a journey of this rule is still running' });
          continue;
        }
      }
      const goal = o.at <= ctx.now ? exitMet(cr, o.at, profile, events, ctx) : undefined;
      if (goal !== undefined) {
        suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'exited', detail: `exit goal already reached after the trigger: ${goal}` });
        continue;
      }
      const share = cr.rule.holdoutShare ?? 0;
      const triggeredAt = iso(o.at);
      const record: CadenceJourneyRecord = { ruleId: id, customerId: cid, occurrence: o.key, triggeredAt, status: 'active', nextStep: 0, nextAt: triggeredAt };
      lastEntry = o.at;
      if (share > 0 && hashToUnit(`${id}\u0000${cid}`) < share) {
        record.status = 'holdout';
        journeys.push(record);
        triggered.push(o.at);
        nextAtMs.push(o.at);
        occurrenceOf.push(o);
        suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'holdout', detail: `in the control group (${Math.round(share * 100)}% held out by a stable hash of rule and customer)` });
        continue;
      }
      if (active >= pol.maxConcurrent) {
        lastEntry = last;
        suppressDecision(run, result, { customerId: cid, ruleId: id, occurrence: o.key, at: new Date(o.at), reason: 'max_concurrent_journeys', detail: `already in ${active} journeys (max ${pol.maxConcurrent})` });
        continue;
      }
      active++;
      journeys.push(record);
      triggered.push(o.at);
      nextAtMs.push(o.at);
      occurrenceOf.push(o);
      if (explain) addNote(result, id, `entered the journey (occurrence ${o.key})`);
    }
  }

  // Walk the active journeys in rule precedence, then trigger time.
  const rank = run.rank;
  const order: number[] = [];
  for (let k = 0; k < journeys.length; k++) if ((journeys[k] as CadenceJourneyRecord).status === 'active') order.push(k);
  if (order.length > 1) {
    order.sort((x, y) => {
      const a = journeys[x] as CadenceJourneyRecord;
      const b = journeys[y] as CadenceJourneyRecord;
      return (rank.get(a.ruleId) as number) - (rank.get(b.ruleId) as number) || (triggered[x] as number) - (triggered[y] as number) || (a.occurrence < b.occurrence ? -1 : 1);
    });
  }
  const suppressedList = onSuppressionList(c, pol);
  let encodedCustomer: string | undefined;
  for (const k of order) {
    const j = journeys[k] as CadenceJourneyRecord;
    const cr = ruleById.get(j.ruleId) as CompiledRule;
    const steps = cr.rule.steps;
    let t = nextAtMs[k] as number;
    let i = j.nextStep;
    let encodedOccurrence: string | undefined;
    const occ = occurrenceOf[k];
    for (; i < steps.length; i++) {
      const step = steps[i] as (typeof steps)[number];
      if (step.kind === 'wait') {
        t += durationMs(step.duration);
        continue;
      }
      if (step.kind === 'wait_until') {
        t = nextLocalTime(t, minutesOfLocalTime(step.localTime), maskOf(step.weekdays), zone);
        continue;
      }
      if (t >= ctx.horizonEnd) break;
      // The parts are encoded once (an unencodable id fails here, as before); the key itself is built
      // only when it is looked up or used (most customers have no history).
      const encodedRule = cr.encodedId ?? encodeURIComponent(cr.rule.id);
      encodedCustomer ??= encodeURIComponent(cid);
      encodedOccurrence ??= occ === undefined ? encodeURIComponent(j.occurrence) : (occ.encoded ??= encodeURIComponent(occ.key));
      let key: string | undefined;
      if (sent !== undefined || explain) {
        key = `${encodedRule}/${encodedCustomer}/${encodedOccurrence}/${i}`;
        const already = sent?.get(key);
        if (already !== undefined) {
          t = already;
          if (explain) addNote(result, cr.rule.id, `step ${i} already sent (${key})`);
          continue;
        }
      }
      const due = Math.max(t, ctx.now);
      const outcome = decideContact(step, i, t, due, cr, c, zone, timeline, pol, ctx, suppressedList);
      if (outcome.kind === 'later') break;
      if (outcome.kind === 'suppressed') {
        const d: CadenceSuppressedDecision = { customerId: cid, ruleId: cr.rule.id, occurrence: j.occurrence, stepIndex: i, at: new Date(due), reason: outcome.reason, detail: outcome.detail };
        if (outcome.capId !== undefined) d.capId = outcome.capId;
        if (outcome.channel !== undefined) d.channel = outcome.channel;
        suppressDecision(run, result, d);
        t = due;
        continue;
      }
      key ??= `${encodedRule}/${encodedCustomer}/${encodedOccurrence}/${i}`;
      const counts = outcome.counts;
      timeline.push({ at: outcome.at, channel: outcome.channel, objective: cr.rule.objective, tags: cr.tags, counts });
      if (mayRepeat) (sent ??= new Map()).set(key, outcome.at);
      const planned: CadencePlannedContact = {
        customerId: cid,
        ruleId: cr.rule.id,
        objective: cr.rule.objective,
        tags: [...cr.tags],
        stepIndex: i,
        content: step.content,
        channel: outcome.channel,
        purpose: step.purpose,
        countsTowardCaps: counts,
        at: new Date(outcome.at),
        localTime: localIso(outcome.at, zone),
        timeZone: zone,
        priority: cr.rule.priority,
        occurrence: j.occurrence,
        idempotencyKey: key,
        reasons: outcome.reasons,
      };
      result.contacts.push(planned);
      if (explain) addNote(result, cr.rule.id, `planned step ${i} on ${outcome.channel} at ${planned.localTime}`);
      t = outcome.at;
    }
    if (i >= steps.length) j.status = 'completed';
    else {
      j.nextStep = i;
      j.nextAt = iso(t);
    }
  }

  // Keep active journeys, and finished ones still needed (future occurrences, re-eligibility).
  // The latest journey of each rule (by trigger time; the first on a tie); a map only when a rule has
  // several.
  let latest: Map<string, number> | undefined;
  for (let k = 1; k < journeys.length && latest === undefined; k++) {
    const id = (journeys[k] as CadenceJourneyRecord).ruleId;
    for (let m = 0; m < k; m++) {
      if ((journeys[m] as CadenceJourneyRecord).ruleId === id) {
        latest = new Map();
        break;
      }
    }
  }
  if (latest !== undefined) {
    for (let k = 0; k < journeys.length; k++) {
      const ruleId = (journeys[k] as CadenceJourneyRecord).ruleId;
      const cur = latest.get(ruleId);
      if (cur === undefined || (triggered[k] as number) > (triggered[cur] as number)) latest.set(ruleId, k);
    }
  }
  for (let k = 0; k < journeys.length; k++) {
    const j = journeys[k] as CadenceJourneyRecord;
    const cr = ruleById.get(j.ruleId) as CompiledRule;
    const t = triggered[k] as number;
    const keep =
      j.status === 'active' ||
      t >= ctx.now ||
      ((latest === undefined || latest.get(j.ruleId) === k) && (cr.reEligibleMs < 0 || (cr.reEligibleMs > 0 && t + cr.reEligibleMs > ctx.now)));
    if (keep) result.journeys.push(j);
  }
  return result;
}

const NO_HISTORY: CadenceSentContact[] = [];
/** The notes of a run without explanations: never written (notes are added only when explaining). */
const NO_NOTES = new Map<string, string[]>();
const NO_EVENTS: Interaction[] = [];
const NO_CONSENTS: Consent[] = [];

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.at - b.at || (a.key < b.key ? -1 : 1);
}

function addNote(result: CustomerPlanResult, ruleId: string, text: string): void {
  const list = result.notes.get(ruleId);
  if (list === undefined) result.notes.set(ruleId, [text]);
  else list.push(text);
}

function suppressDecision(run: PreparedRun, result: CustomerPlanResult, d: CadenceSuppressedDecision): void {
  result.suppressed.push(d);
  if (run.explain) addNote(result, d.ruleId, `suppressed: ${d.reason}${d.capId === undefined ? '' : ` ${d.capId}`} — ${d.detail}`);
}

/** The exit goal of a rule met after `from` (up to now), or undefined. */
function exitMet(cr: CompiledRule, from: number, profile: CustomerProfile, events: readonly Interaction[], ctx: RunContext): string | undefined {
  if (cr.exitOnPurchase && profile.lastOrderAt !== undefined && profile.lastOrderAt.getTime() > from && profile.lastOrderAt.getTime() <= ctx.now) return 'purchased';
  if (cr.exitEvents.size > 0) for (const e of events) if (cr.exitEvents.has(e.event) && e.timestamp.getTime() > from && e.timestamp.getTime() <= ctx.now) return `event "${e.event}"`;
  for (const cond of cr.exitConditions) if (cond(profile, ctx.nowDate)) return 'condition met';
  return undefined;
}

type ContactOutcome =
  | { kind: 'planned'; at: number; channel: Channel; counts: boolean; reasons: string[] }
  | { kind: 'suppressed'; reason: CadenceSuppressionReason; detail: string; capId?: string; channel?: Channel }
  | { kind: 'later' };

function decideContact(
  step: CadenceContactStep,
  stepIndex: number,
  scheduled: number,
  due: number,
  cr: CompiledRule,
  c: Customer,
  zone: string,
  timeline: readonly TimelineEntry[],
  pol: CompiledPolicy,
  ctx: RunContext,
  suppressedList: boolean,
): ContactOutcome {
  const transactional = step.purpose === 'transactional';
  if (suppressedList && !transactional) return { kind: 'suppressed', reason: 'suppression_list', detail: 'the customer or an address is on the suppression list' };
  const needsConsent = pol.consentRequired[step.purpose];
  const channels = cr.stepChannels[stepIndex] as Channel[];
  const consents = c.consents ?? NO_CONSENTS;
  // The usable channels, in order; the common case (the primary alone) shares the step's list.
  let usable: Channel[] | undefined;
  for (let k = 0; k < channels.length; k++) {
    const ch = channels[k] as Channel;
    const ok = reachable(c, ch) && (!needsConsent || consentAllows(consents, ch, step.purpose, due));
    if (ok) {
      if (usable === undefined && k === 0 && channels.length === 1) usable = channels;
      else (usable ??= []).push(ch);
    }
  }
  if (usable === undefined) {
    // Why each channel was refused (the failure path only).
    const refused: string[] = [];
    let anyConsentFail = false;
    for (const ch of channels) {
      if (!reachable(c, ch)) refused.push(`${ch}: no address`);
      else {
        anyConsentFail = true;
        refused.push(`${ch}: consent ${canContact(consents, { channel: ch, purpose: step.purpose, at: new Date(due) }).reason}`);
      }
    }
    return anyConsentFail
      ? { kind: 'suppressed', reason: 'no_consent', detail: `no ${PURPOSE_LABEL[step.purpose]} consent on any channel (${refused.join('; ')})`, channel: step.channel }
      : { kind: 'suppressed', reason: 'unreachable', detail: `no address (${refused.join('; ')})`, channel: step.channel };
  }
  const counted = step.countsTowardCaps !== false || !(transactional && pol.bypassCaps);
  const bypassQuiet = transactional && step.bypassQuietHours === true && pol.bypassQuiet;
  const deferUntil = Math.max(due, scheduled + pol.blocked.maxMs);
  const limit = pol.blocked.drop ? due : Math.min(deferUntil, ctx.horizonEnd - 1);
  let best: { at: number; channel: Channel; firstBlock: Block | undefined } | undefined;
  let primaryBlock: Block | undefined;
  let beyondHorizon = false;
  for (const ch of usable) {
    let t = due;
    let first: Block | undefined;
    let found = false;
    for (let iter = 0; iter < 400 && t <= limit; iter++) {
      if (best !== undefined && t >= best.at) break;
      if (needsConsent && t !== due && !consentAllows(consents, ch, step.purpose, t)) break;
      const b = blockAt(t, ch, cr, counted, bypassQuiet, timeline, pol, zone);
      if (b === undefined) {
        found = true;
        break;
      }
      first ??= b;
      t = b.next;
    }
    if (ch === usable[0]) primaryBlock = first;
    if (found && (best === undefined || t < best.at)) best = { at: t, channel: ch, firstBlock: first };
    if (!found && t > limit && !pol.blocked.drop && deferUntil >= ctx.horizonEnd) beyondHorizon = true;
  }
  if (best === undefined) {
    if (beyondHorizon) return { kind: 'later' };
    const b = primaryBlock;
    const how = pol.blocked.drop
      ? 'dropped (policy: drop)'
      : `no allowed moment within ${pol.blocked.maxMs === Infinity ? 'the horizon' : `${pol.blocked.maxMs / 3_600_000} hours of the scheduled ${localIso(scheduled, zone)}`}`;
    if (b === undefined) return { kind: 'suppressed', reason: 'no_consent', detail: `consent ends before an allowed moment; ${how}`, channel: step.channel };
    return {
      kind: 'suppressed',
      reason: b.reason,
      detail: `${b.reason === 'cap' ? `cap ${b.capId ?? ''} reached` : b.reason === 'quiet_hours' ? 'inside quiet hours' : 'weekday not allowed'} at ${localIso(due, zone)}; ${how}`,
      channel: step.channel,
      ...(b.capId === undefined ? {} : { capId: b.capId }),
    };
  }
  const reasons: string[] = [];
  reasons.push(cr.stepLabels[stepIndex] as string);
  if (best.channel !== step.channel) reasons.push(shared(`fallback channel ${best.channel}: ${refusedOr(step.channel, usable)}`));
  if (needsConsent) reasons.push(consentGrantedText(step.purpose, best.channel));
  if (best.at > due) {
    const b = best.firstBlock;
    reasons.push(`deferred from ${localIso(due, zone)}: ${b?.reason === 'cap' ? `cap ${b.capId ?? ''}` : b?.reason === 'weekday' ? 'weekday not allowed' : 'quiet hours'}`);
  }
  if (bypassQuiet) reasons.push('transactional: quiet hours bypassed (policy allows)');
  if (!counted) reasons.push('transactional: not counted toward caps (policy allows)');
  return { kind: 'planned', at: best.at, channel: best.channel, counts: counted, reasons };
}

// Reason texts repeat across millions of contacts: keep one copy of each (bounded).
const sharedTexts = new Map<string, string>();
function shared(text: string): string {
  const hit = sharedTexts.get(text);
  if (hit !== undefined) return hit;
  if (sharedTexts.size < 10_000) sharedTexts.set(text, text);
  return text;
}

// `<purpose> consent granted on <channel>`, one copy per pair.
const consentGranted = new Map<string, Map<string, string>>();
function consentGrantedText(purpose: CadenceContactPurpose, channel: Channel): string {
  let byChannel = consentGranted.get(purpose);
  if (byChannel === undefined) consentGranted.set(purpose, (byChannel = new Map()));
  let text = byChannel.get(channel);
  if (text === undefined) byChannel.set(channel, (text = `${PURPOSE_LABEL[purpose]} consent granted on ${channel}`));
  return text;
}

function refusedOr(primary: Channel, usable: readonly Channel[]): string {
  return usable.includes(primary) ? `earlier allowed moment than ${primary}` : `${primary} not allowed`;
}

/**
 * Plans contacts: which customer gets which contact, on which channel, when — and why — over a horizon,
 * from cadence rules, the contact policy, the customers' profiles, the contacts already sent, new events
 * and the journey state of the previous run.
 *
 * Decision order for each customer (see the guide for the details):
 * 1. broken data → the customer is skipped with a reason;
 * 2. journeys carried over whose exit goal is met → `exited`;
 * 3. for each rule in precedence order (priority, higher first; then objective rank, see
 *    {@link CADENCE_OBJECTIVES}; then id) and each trigger occurrence: audience → re-eligibility →
 *    holdout → maximum concurrent journeys;
 * 4. the steps of every running journey, in the same precedence: waits move the clock; each contact
 *    meets the suppression list, reachability and consent (trying fallback channels in order), then
 *    weekdays, quiet hours and every cap (history plus what is already planned) at the earliest allowed
 *    moment; a blocked contact is dropped or deferred as the policy says.
 *
 * A contact whose key is in the history is never planned again; appending a plan to the history
 * and running again plans nothing twice.
 *
 * @param input - Rules, policy, customers, profiles or sources, history, events, state, `now`, horizon.
 * @returns Planned contacts, suppressed decisions, skipped customers and the next state.
 * @throws {JornadaError} `INVALID_RULE` for a bad rule or policy (path from the rule list or policy
 *   root); `INVALID_OPTION` for a bad `now`, `horizon`, `since` or `state`.
 *
 * @example
 * ```ts
 * const plan = planContacts({
 *   rules: [{ version: 1, id: 'welcome', name: 'Welcome', objective: 'onboarding', priority: 50,
 *     trigger: { kind: 'event', event: 'Signed Up' },
 *     steps: [{ kind: 'contact', channel: 'email', content: 'welcome-1', purpose: 'marketing' }],
 *     reEligibility: { kind: 'never' } }],
 *   policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo', quietHours: [{ from: '21:00', to: '08:00' }] },
 *   customers: [{ id: 'c-1', email: 'ana@example.com', timeZone: 'America/Sao_Paulo',
 *     createdAt: new Date('2026-11-02T01:00:00Z'),
 *     consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent',
 *       recordedAt: new Date('2026-11-02T01:00:00Z'), source: 'signup' }] }],
 *   events: [{ id: 'e-1', customerId: 'c-1', event: 'Signed Up', direction: 'inbound',
 *     timestamp: new Date('2026-11-02T01:00:00Z') }],
 *   now: new Date('2026-11-02T01:30:00Z'), horizon: { amount: 1, unit: 'days' },
 * });
 * plan.contacts.map((p) => p.localTime); //=> ['2026-11-02T08:00:00.000-03:00'] (22:30 is quiet; deferred)
 * ```
 * @category Cadence
 */
export function planContacts(input: PlanContactsInput): CadencePlan {
  const run = prepareRun(input);
  const contacts: CadencePlannedContact[] = [];
  const suppressed: CadenceSuppressedDecision[] = [];
  const skipped: CadenceSkippedCustomer[] = [];
  const journeys: CadenceJourneyRecord[] = [];
  const done = new Set<string>();
  run.customers.forEach((c, index) => {
    const broken = brokenCustomerReason(c);
    const id = broken === undefined ? c.id : readableId(c, index);
    if (broken !== undefined) {
      skipped.push({ customerId: id, index, reason: broken });
      return;
    }
    if (done.has(c.id)) {
      skipped.push({ customerId: id, index, reason: 'duplicate customer id' });
      return;
    }
    done.add(c.id);
    if (!run.profiles.has(c.id)) {
      skipped.push({ customerId: id, index, reason: 'no profile for this customer' });
      return;
    }
    let r: CustomerPlanResult;
    try {
      r = planCustomer(run, c);
    } catch (e) {
      if (e instanceof JornadaError && e.code === 'INVALID_RULE') throw e;
      skipped.push({ customerId: id, index, reason: e instanceof Error ? e.message : String(e) });
      return;
    }
    r.contacts.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.idempotencyKey < b.idempotencyKey ? -1 : 1));
    for (const x of r.contacts) contacts.push(x);
    for (const x of r.suppressed) suppressed.push(x);
    for (const x of r.journeys) journeys.push(x);
  });
  // Journeys of customers not in this run are carried over untouched.
  for (const [cid, list] of run.journeysByCustomer) if (!done.has(cid)) for (const j of list) journeys.push(j);
  return { contacts, suppressed, skipped, state: { version: 1, asOf: run.ctx.nowIso, journeys, segmentMembers: run.segmentMembers } };
}
