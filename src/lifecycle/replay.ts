/**
 * Replays customers' histories through a stage model: the dated stage and status transitions, the
 * stage and status as of a date, and the facts the lifecycle adds to profiles.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Customer, FeedbackResponse, Interaction, Order, Subscription } from '../model/index.js';
import { classifyNps } from '../metrics/nps.js';
import { compileCondition, type ConditionPredicate } from '../segments/compile.js';
import { buildCustomerProfiles, type CustomerProfile, type ProfileSources } from '../segments/profile.js';
import { checkTimeZone, createLocalDayIndexer } from '../value/local-days.js';
import { interPurchaseIntervals } from '../value/replenishment.js';
import { DEFAULT_STAGE_MODEL } from './builtin-models.js';
import { parseLifecycleStageModel, type LifecycleStageModel } from './stage-model.js';
import { collectThresholds, interactionsReadBy, modelReadsConsents, thresholdAfter, type ThresholdSpec } from './thresholds.js';
import { showValue } from '../core/show-value.js';

/**
 * The status of a customer, separate from the stage: where they stand against their own purchase
 * rhythm (or their subscription). With `R` the customer's expected inter-purchase interval in days
 * ({@link LifecycleFacts.rhythmDays}) and `e` the days since the last purchase:
 *
 * - `active` — `e < atRiskAfter·R` (default 1.5 R), or a running subscription that is not paused;
 * - `at_risk` — `atRiskAfter·R ≤ e < lapsedAfter·R` (default 1.5 R to 2.5 R), or every running subscription is paused;
 * - `lapsed` — `lapsedAfter·R ≤ e < churnedAfter·R` (default 2.5 R to 4 R);
 * - `churned` — `e ≥ churnedAfter·R` (default 4 R), or every subscription was cancelled and no purchase followed;
 * - `reactivated` — `active`, and the last purchase (or subscription start) was made while the customer was `lapsed` or `churned`; the next purchase makes them `active`.
 *
 * A contact without purchases is measured from the day they became known, with the default rhythm.
 *
 * @category Lifecycle
 */
export type LifecycleStatus = 'active' | 'at_risk' | 'lapsed' | 'churned' | 'reactivated';

/** Every {@link LifecycleStatus}, in order of decreasing engagement (reactivated last). @category Lifecycle */
export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = Object.freeze(['active', 'at_risk', 'lapsed', 'churned', 'reactivated']);

/**
 * The facts the lifecycle adds to each {@link CustomerProfile} before the stage rules run; rules may
 * read them like built-in facts.
 *
 * @category Lifecycle
 */
export interface LifecycleFacts {
  /**
   * The customer's expected inter-purchase interval in days: the median interval between their
   * purchase days (as `typicalIntervalDays` of `expectedNextPurchase` in `jornada/value`) when they have
   * at least `minIntervals` intervals, else `defaultRhythmDays`.
   */
  rhythmDays: number;
  /** Days since the last purchase (fractional) divided by `rhythmDays`; absent without purchases. */
  rhythmRatio?: number;
  /** Whole days since the first purchase; absent without purchases. */
  daysSinceFirstOrder?: number;
  /** Whole days since the start of the oldest running subscription (paused counts as running); absent when none runs. */
  subscriptionDays?: number;
  /** When the customer last gave a promoter answer (NPS 9–10 on the 0–10 scale, as `classifyNps` of `jornada/metrics`); absent without one. */
  lastPromoterAt?: Date;
}

/**
 * Thresholds of the {@link LifecycleStatus}, as multiples of the customer's rhythm, and of the rhythm itself.
 *
 * @category Lifecycle
 */
export interface LifecycleStatusOptions {
  /** `at_risk` from this many rhythms without a purchase; default 1.5. */
  atRiskAfter?: number;
  /** `lapsed` from this many rhythms; default 2.5. */
  lapsedAfter?: number;
  /** `churned` from this many rhythms; default 4. */
  churnedAfter?: number;
  /** Rhythm in days of customers with too few intervals (and of contacts without purchases); default 60. */
  defaultRhythmDays?: number;
  /** Fewest inter-purchase intervals for a personal rhythm; default 2 (as `expectedNextPurchase`). */
  minIntervals?: number;
}

/**
 * Options of {@link replayLifecycle} and {@link classifyLifecycle}.
 *
 * @category Lifecycle
 */
export interface LifecycleOptions {
  /** The end of the replay; nothing after it is read. */
  asOf: Date;
  /** The stage model (validated here); default {@link DEFAULT_STAGE_MODEL}. */
  model?: LifecycleStageModel;
  /** Overrides the model's `forwardOnly`. */
  forwardOnly?: boolean;
  /** Status thresholds and the rhythm. */
  status?: LifecycleStatusOptions;
  /** IANA zone of purchase days (intervals) and of calendar windows in rules; default `UTC`. */
  timeZone?: string;
}

/**
 * A change of stage.
 *
 * @category Lifecycle
 */
export interface LifecycleStageTransition {
  /** The stage entered. */
  stage: string;
  /** The stage left; `null` for the first stage. */
  from: string | null;
  /** When. */
  at: Date;
  /** The rule that qualified the customer; `null` when the stage was entered as the model's first stage. */
  ruleId: string | null;
}

/**
 * A change of status.
 *
 * @category Lifecycle
 */
export interface LifecycleStatusTransition {
  /** The status taken. */
  status: LifecycleStatus;
  /** The status left; `null` for the first. */
  from: LifecycleStatus | null;
  /** When. */
  at: Date;
}

/**
 * One customer's replayed lifecycle up to `asOf`.
 *
 * @category Lifecycle
 */
export interface LifecycleHistory {
  /** The customer. */
  customerId: string;
  /** When the replay started: the customer's `createdAt`, or an earlier first event. */
  knownSince: Date;
  /** The stage at `asOf`. */
  stage: string;
  /** When each stage was last entered, by stage id (for `Customer.stageEnteredAt`). */
  stageEnteredAt: Record<string, Date>;
  /** The status at `asOf`. */
  status: LifecycleStatus;
  /** Since when the status holds. */
  statusSince: Date;
  /** Stage changes, oldest first (the first entry is the starting stage). */
  stageTransitions: LifecycleStageTransition[];
  /** Status changes, oldest first. */
  statusTransitions: LifecycleStatusTransition[];
}

/**
 * The lifecycle replay result.
 *
 * @category Lifecycle
 */
export interface LifecycleReplay {
  /** The end of the replay. */
  asOf: Date;
  /** The model used (validated). */
  model: LifecycleStageModel;
  /** One history per customer known at `asOf`, in the order of `sources.customers`. */
  histories: LifecycleHistory[];
}

/** Validated options and the compiled model. @internal */
export interface Settings {
  model: LifecycleStageModel;
  forwardOnly: boolean;
  atRisk: number;
  lapsed: number;
  churned: number;
  defaultRhythm: number;
  minIntervals: number;
  zone: string;
  asOfMs: number;
  rules: Array<Array<{ id: string; test: ConditionPredicate }>>;
  thresholds: ThresholdSpec[];
  /** Keeps the interactions the model can see. */
  interactionFilter: ((i: Interaction) => boolean) | null;
  readsConsents: boolean;
  readsBirthday: boolean;
  dayOf: (ms: number) => number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new JornadaError('INVALID_OPTION', `status.${name} must be a positive number, got ${showValue(v)}`, { issues: [{ path: ['status', name], message: 'must be a positive number' }] });
  }
  return v;
}

/**
 * Validates options and compiles the model once.
 *
 * @param options - The lifecycle options.
 * @returns The settings.
 * @internal
 */
export function lifecycleSettings(options: LifecycleOptions): Settings {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with asOf are required', { issues: [{ path: ['asOf'], message: 'required' }] });
  const asOfMs = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (Number.isNaN(asOfMs)) throw new JornadaError('INVALID_OPTION', 'asOf must be a valid Date', { issues: [{ path: ['asOf'], message: 'not a valid date' }] });
  const model = options.model === undefined ? DEFAULT_STAGE_MODEL : parseLifecycleStageModel(options.model);
  if (options.forwardOnly !== undefined && typeof options.forwardOnly !== 'boolean') {
    throw new JornadaError('INVALID_OPTION', 'forwardOnly must be a boolean', { issues: [{ path: ['forwardOnly'], message: 'must be a boolean' }] });
  }
  if (options.status !== undefined && (typeof options.status !== 'object' || options.status === null)) {
    throw new JornadaError('INVALID_OPTION', 'status must be an object of thresholds', { issues: [{ path: ['status'], message: 'must be an object' }] });
  }
  if (options.timeZone !== undefined) checkTimeZone(options.timeZone);
  const zone = options.timeZone ?? 'UTC';
  const s = options.status ?? {};
  const atRisk = positive('atRiskAfter', s.atRiskAfter, 1.5);
  const lapsed = positive('lapsedAfter', s.lapsedAfter, 2.5);
  const churned = positive('churnedAfter', s.churnedAfter, 4);
  if (!(atRisk < lapsed && lapsed < churned)) {
    throw new JornadaError('INVALID_OPTION', 'status thresholds must increase: atRiskAfter < lapsedAfter < churnedAfter', { issues: [{ path: ['status'], message: 'thresholds out of order' }] });
  }
  const minIntervals = s.minIntervals ?? 2;
  if (!Number.isInteger(minIntervals) || minIntervals < 1) {
    throw new JornadaError('INVALID_OPTION', `status.minIntervals must be a positive integer, got ${String(minIntervals)}`, { issues: [{ path: ['status', 'minIntervals'], message: 'must be a positive integer' }] });
  }
  const rules = model.stages.map((stage) => stage.rules.map((r) => ({ id: r.id, test: compileCondition(r.condition, { timeZone: zone }) })));
  return {
    model,
    forwardOnly: options.forwardOnly ?? model.forwardOnly ?? true,
    atRisk,
    lapsed,
    churned,
    defaultRhythm: positive('defaultRhythmDays', s.defaultRhythmDays, 60),
    minIntervals,
    zone,
    asOfMs,
    rules,
    thresholds: collectThresholds(model, zone),
    interactionFilter: interactionFilter(model, zone),
    readsConsents: modelReadsConsents(model),
    readsBirthday: /"(age|birthday)"/.test(JSON.stringify(model.stages)),
    dayOf: createLocalDayIndexer(checkTimeZone(zone)),
  };
}

/** One customer's records, sorted by time. @internal */
export interface CustomerRecords {
  customer: Customer;
  orders: Order[];
  interactions: Interaction[];
  feedback: FeedbackResponse[];
  subscriptions: Subscription[];
}

/**
 * Groups the sources by customer (records of unknown customers are ignored), each list sorted by time.
 *
 * @param sources - The sources.
 * @returns One entry per customer, in input order.
 * @throws {JornadaError} `INVALID_INPUT` for a repeated customer id.
 * @internal
 */
export function groupByCustomer(sources: ProfileSources): CustomerRecords[] {
  const byId = new Map<string, CustomerRecords>();
  const out: CustomerRecords[] = [];
  let index = 0;
  for (const customer of sources.customers) {
    if (byId.has(customer.id)) {
      throw new JornadaError('INVALID_INPUT', `The customer id "${customer.id}" is repeated`, { issues: [{ path: ['customers', index, 'id'], message: 'repeated customer id', code: 'duplicate_id' }] });
    }
    index++;
    const r: CustomerRecords = { customer, orders: [], interactions: [], feedback: [], subscriptions: [] };
    byId.set(customer.id, r);
    out.push(r);
  }
  for (const o of sources.orders ?? []) byId.get(o.customerId)?.orders.push(o);
  for (const i of sources.interactions ?? []) if (i.customerId !== undefined) byId.get(i.customerId)?.interactions.push(i);
  for (const f of sources.feedback ?? []) byId.get(f.customerId)?.feedback.push(f);
  for (const s of sources.subscriptions ?? []) byId.get(s.customerId)?.subscriptions.push(s);
  for (const r of out) {
    r.orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
    r.interactions.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    r.feedback.sort((a, b) => a.respondedAt.getTime() - b.respondedAt.getTime());
    r.subscriptions.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  }
  return out;
}

function counted(o: Order): boolean {
  return o.status !== 'cancelled' && o.status !== 'refunded';
}

function interactionFilter(model: LifecycleStageModel, zone: string): ((i: Interaction) => boolean) | null {
  const read = interactionsReadBy(model);
  if (read === 'all') return null;
  if (read === 'none') return () => false;
  const tests = read.map((d) => compileCondition(d, { timeZone: zone }));
  return (i) => {
    // The interaction as a profile holds it (see ProfileInteractionEvent).
    const e: Record<string, unknown> = { id: i.id, at: i.timestamp, event: i.event, direction: i.direction };
    if (i.channel !== undefined) e['channel'] = i.channel;
    if (i.touchpoint !== undefined) e['touchpoint'] = i.touchpoint;
    if (i.campaign?.name !== undefined) e['campaign'] = i.campaign.name;
    if (i.properties !== undefined) e['properties'] = i.properties;
    return tests.some((test) => test(e, i.timestamp));
  };
}

/** The records with only what the model can see: interactions it counts, consents when it reads them. */
function visibleRecords(rec: CustomerRecords, st: Settings): CustomerRecords {
  const filter = st.interactionFilter;
  let customer = rec.customer;
  if (!st.readsConsents && customer.consents !== undefined) {
    const { consents: _unused, ...rest } = customer;
    customer = rest;
  }
  if (!st.readsBirthday && customer.birthday !== undefined) {
    const { birthday: _unused, ...rest } = customer;
    customer = rest;
  }
  return { ...rec, customer, interactions: filter === null ? rec.interactions : rec.interactions.filter(filter) };
}

/** The customer's rhythm after each counted purchase, from `interPurchaseIntervals` of `jornada/value`. */
export interface Rhythm {
  /** Counted purchase instants, oldest first. */
  times: number[];
  /** Rhythm in days after the purchase at the same index. */
  days: number[];
}

function rhythmOf(rec: CustomerRecords, st: Settings, intervals: ReadonlyMap<string, number[]>): Rhythm {
  const times: number[] = [];
  const days: number[] = [];
  const all = intervals.get(rec.customer.id) ?? [];
  let purchaseDays = 0;
  let lastDay = NaN;
  let rhythm = st.defaultRhythm;
  for (const o of rec.orders) {
    const t = o.placedAt.getTime();
    if (!counted(o) || t > st.asOfMs) continue;
    times.push(t);
    const day = st.dayOf(t);
    if (day !== lastDay) {
      // A new purchase day: the rhythm is the median of the intervals so far (value's definition).
      lastDay = day;
      purchaseDays++;
      const m = purchaseDays - 1;
      if (m >= st.minIntervals) {
        const sorted = all.slice(0, m).sort((a, b) => a - b);
        const h = (m - 1) / 2;
        rhythm = ((sorted[Math.floor(h)] as number) + (sorted[Math.ceil(h)] as number)) / 2;
      }
    }
    days.push(rhythm);
  }
  return { times, days };
}

/**
 * Each customer's intervals between purchase days, from `interPurchaseIntervals` of `jornada/value`.
 *
 * @param recs - The customers' records.
 * @param st - The settings.
 * @returns Intervals in days by customer id.
 * @internal
 */
export function intervalsByCustomer(recs: readonly CustomerRecords[], st: Settings): Map<string, number[]> {
  const rows: Array<{ customerId: string; at: Date; amount: number }> = [];
  for (const rec of recs) for (const o of rec.orders) if (counted(o) && o.placedAt.getTime() <= st.asOfMs) rows.push({ customerId: rec.customer.id, at: o.placedAt, amount: 0 });
  const out = new Map<string, number[]>();
  if (rows.length === 0) return out;
  for (const c of interPurchaseIntervals(rows, { asOf: new Date(st.asOfMs), timeZone: st.zone }).customers) out.set(c.customerId, c.intervalsDays);
  return out;
}

/** Index of the last purchase at or before t, or -1. */
function lastPurchaseIndex(r: Rhythm, t: number): number {
  let lo = 0;
  let hi = r.times.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((r.times[mid] as number) <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** The lifecycle facts of {@link LifecycleFacts} at `t`. */
function lifecycleFactsAt(rec: CustomerRecords, r: Rhythm, st: Settings, t: number): LifecycleFacts {
  const k = lastPurchaseIndex(r, t);
  const rhythmDays = k >= 0 ? (r.days[k] as number) : st.defaultRhythm;
  const facts: LifecycleFacts = { rhythmDays };
  if (k >= 0) {
    facts.rhythmRatio = (t - (r.times[k] as number)) / MS_PER_DAY / rhythmDays;
    facts.daysSinceFirstOrder = Math.floor((t - (r.times[0] as number)) / MS_PER_DAY);
  }
  let oldest = NaN;
  for (const s of rec.subscriptions) {
    const start = s.startedAt.getTime();
    if (start > t || ended(s, t)) continue;
    if (Number.isNaN(oldest) || start < oldest) oldest = start;
  }
  if (!Number.isNaN(oldest)) facts.subscriptionDays = Math.floor((t - oldest) / MS_PER_DAY);
  for (const f of rec.feedback) {
    if (f.respondedAt.getTime() > t) break; // sorted by time
    // On the standard 0–10 scale only; other scales are no NPS answers.
    if (f.kind !== 'nps' || !Number.isInteger(f.score) || f.score < 0 || f.score > 10 || f.scale.min !== 0 || f.scale.max !== 10) continue;
    if (classifyNps(f.score) === 'promoter') facts.lastPromoterAt = f.respondedAt;
  }
  return facts;
}

function ended(s: Subscription, t: number): boolean {
  if (s.cancelledAt !== undefined) return s.cancelledAt.getTime() <= t;
  return s.status === 'cancelled';
}

/** Status before the reactivation flag (internal). */
export interface RawStatus {
  status: Exclude<LifecycleStatus, 'reactivated'>;
  contractual: boolean;
  rhythmDays: number;
  anchor: number;
  daysSince: number;
}

/**
 * The status at `t` before the reactivation flag.
 *
 * @param rec - The customer's records.
 * @param r - The customer's rhythm.
 * @param st - The settings.
 * @param t - The instant (ms).
 * @param knownSince - Start of the replay (ms).
 * @returns The status and its arithmetic.
 * @internal
 */
export function rawStatusAt(rec: CustomerRecords, r: Rhythm, st: Settings, t: number, knownSince: number): RawStatus {
  const k = lastPurchaseIndex(r, t);
  let anyStarted = false;
  let running = 0;
  let unpaused = 0;
  let lastEnd = -Infinity;
  for (const s of rec.subscriptions) {
    if (s.startedAt.getTime() > t) continue;
    anyStarted = true;
    if (ended(s, t)) lastEnd = Math.max(lastEnd, s.cancelledAt?.getTime() ?? s.startedAt.getTime());
    else {
      running++;
      if (s.status !== 'paused') unpaused++;
    }
  }
  const rhythmDays = k >= 0 ? (r.days[k] as number) : st.defaultRhythm;
  const anchor = k >= 0 ? (r.times[k] as number) : knownSince;
  const daysSince = (t - anchor) / MS_PER_DAY;
  if (anyStarted) {
    if (running > 0) return { status: unpaused > 0 ? 'active' : 'at_risk', contractual: true, rhythmDays, anchor, daysSince };
    if (k < 0 || (r.times[k] as number) <= lastEnd) return { status: 'churned', contractual: true, rhythmDays, anchor: lastEnd, daysSince: (t - lastEnd) / MS_PER_DAY };
  }
  const e = daysSince / rhythmDays;
  const status = e >= st.churned ? 'churned' : e >= st.lapsed ? 'lapsed' : e >= st.atRisk ? 'at_risk' : 'active';
  return { status, contractual: false, rhythmDays, anchor, daysSince };
}

/** Every instant at which a stage rule or the status may change, in [knownSince, asOf], sorted, and those where a stage rule may. */
function evaluationPoints(rec: CustomerRecords, r: Rhythm, st: Settings, knownSince: number): { points: number[]; stageRelevant: Set<number> } {
  const pts: number[] = [knownSince];
  const created = rec.customer.createdAt.getTime();
  const orderTimes = r.times;
  const feedback = rec.feedback.map((f) => f.respondedAt.getTime());
  const interactions = rec.interactions.map((i) => i.timestamp.getTime());
  const subs: number[] = [];
  for (const s of rec.subscriptions) {
    subs.push(s.startedAt.getTime());
    if (s.cancelledAt !== undefined) subs.push(s.cancelledAt.getTime());
  }
  for (const o of rec.orders) pts.push(o.placedAt.getTime());
  pts.push(created, ...feedback, ...interactions, ...subs);
  const starts = rec.subscriptions.map((s) => s.startedAt.getTime());
  for (const spec of st.thresholds) {
    if (spec.rhythmMultiple !== undefined) {
      for (let k = 0; k < orderTimes.length; k++) {
        const at = thresholdAfter(spec, orderTimes[k] as number, r.days[k] as number);
        pts.push(at, at + 1);
      }
      continue;
    }
    const anchors =
      spec.anchor === 'created' ? [created]
      : spec.anchor === 'firstOrder' ? orderTimes.slice(0, 1)
      : spec.anchor === 'orders' ? orderTimes
      : spec.anchor === 'feedback' ? feedback
      : spec.anchor === 'interactions' ? interactions
      : spec.anchor === 'subscriptions' ? starts
      : [created, ...orderTimes, ...feedback, ...subs, ...interactions];
    for (const a of anchors) {
      const at = thresholdAfter(spec, a, 0);
      pts.push(at);
      if (spec.strict) pts.push(at + 1);
    }
  }
  // Instants up to here may change a stage rule; the status thresholds below change only the status.
  const stageRelevant = new Set(pts);
  // Status thresholds: multiples of the rhythm after sign-up (default rhythm) and after each purchase.
  for (let k = -1; k < orderTimes.length; k++) {
    const anchor = k < 0 ? knownSince : (orderTimes[k] as number);
    const rd = k < 0 ? st.defaultRhythm : (r.days[k] as number);
    for (const m of [st.atRisk, st.lapsed, st.churned]) pts.push(anchor + Math.round(m * rd * MS_PER_DAY));
  }
  // The end of a subscription's bond with no purchase after it.
  for (const s of rec.subscriptions) if (s.cancelledAt !== undefined) pts.push(s.cancelledAt.getTime());
  const kept = pts.filter((t) => Number.isFinite(t) && t >= knownSince && t <= st.asOfMs);
  kept.sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of kept) if (out[out.length - 1] !== t) out.push(t);
  return { points: out, stageRelevant };
}

/**
 * Builds the profile (with lifecycle facts) of one customer at `t`.
 *
 * @param rec - The customer's records.
 * @param r - The customer's rhythm.
 * @param st - The settings.
 * @param t - The instant (ms).
 * @returns The profile.
 * @internal
 */
export function lifecycleProfileAt(rec: CustomerRecords, r: Rhythm, st: Settings, t: number): CustomerProfile & LifecycleFacts {
  const [p] = buildCustomerProfiles(
    { customers: [rec.customer], orders: rec.orders, interactions: rec.interactions, feedback: rec.feedback, subscriptions: rec.subscriptions },
    { asOf: new Date(t), timeZone: st.zone, extend: () => lifecycleFactsAt(rec, r, st, t) as unknown as Record<string, number | Date> },
  );
  return p as unknown as CustomerProfile & LifecycleFacts;
}

/** The highest stage whose rules hold, with the rule; -1 when none. */
function matchedStage(st: Settings, profile: unknown, at: Date): { index: number; ruleId: string | null } {
  for (let i = st.rules.length - 1; i >= 0; i--) {
    for (const rule of st.rules[i] ?? []) if (rule.test(profile, at)) return { index: i, ruleId: rule.id };
  }
  return { index: -1, ruleId: null };
}

/** Result of one customer's replay, with what `explain` needs. @internal */
export interface ReplayedCustomer {
  history: LifecycleHistory;
  records: CustomerRecords;
  rhythm: Rhythm;
  raw: RawStatus;
  returned: boolean;
}

/**
 * Replays one customer.
 *
 * @param rec - The customer's records.
 * @param st - The settings.
 * @param intervals - Intervals between purchase days by customer ({@link intervalsByCustomer}).
 * @returns The replay, or `undefined` when the customer is not known at `asOf`.
 * @internal
 */
export function replayCustomer(rec: CustomerRecords, st: Settings, intervals: ReadonlyMap<string, number[]>): ReplayedCustomer | undefined {
  rec = visibleRecords(rec, st);
  let knownSince = rec.customer.createdAt.getTime();
  for (const o of rec.orders) if (counted(o)) knownSince = Math.min(knownSince, o.placedAt.getTime());
  for (const s of rec.subscriptions) knownSince = Math.min(knownSince, s.startedAt.getTime());
  if (!(knownSince <= st.asOfMs)) return undefined;
  const r = rhythmOf(rec, st, intervals);
  const { points, stageRelevant } = evaluationPoints(rec, r, st, knownSince);
  const stages = st.model.stages;
  const lastIndex = stages.length - 1;
  const purchaseAt = new Set<number>(r.times);
  for (const s of rec.subscriptions) purchaseAt.add(s.startedAt.getTime());
  const stageTransitions: LifecycleStageTransition[] = [];
  const statusTransitions: LifecycleStatusTransition[] = [];
  const stageEnteredAt: Record<string, Date> = {};
  let cur = -1;
  let status: LifecycleStatus | null = null;
  let returned = false;
  let raw: RawStatus | undefined;
  for (const t of points) {
    const at = new Date(t);
    if ((cur < 0 || stageRelevant.has(t)) && !(st.forwardOnly && cur === lastIndex)) {
      const m = matchedStage(st, lifecycleProfileAt(rec, r, st, t), at);
      let next = cur;
      let ruleId = m.ruleId;
      if (cur < 0) {
        next = m.index < 0 ? 0 : m.index;
        if (m.index < 0) ruleId = null;
      } else if (m.index >= 0 && (st.forwardOnly ? m.index > cur : m.index !== cur)) next = m.index;
      if (next !== cur) {
        const id = (stages[next] as { id: string }).id;
        stageTransitions.push({ stage: id, from: cur < 0 ? null : (stages[cur] as { id: string }).id, at, ruleId });
        stageEnteredAt[id] = at;
        cur = next;
      }
    }
    raw = rawStatusAt(rec, r, st, t, knownSince);
    if (purchaseAt.has(t)) returned = status === 'lapsed' || status === 'churned';
    const nextStatus: LifecycleStatus = raw.status === 'active' && returned ? 'reactivated' : raw.status;
    if (nextStatus !== status) {
      statusTransitions.push({ status: nextStatus, from: status, at });
      status = nextStatus;
    }
  }
  const lastStage = stageTransitions[stageTransitions.length - 1] as LifecycleStageTransition;
  const lastStatus = statusTransitions[statusTransitions.length - 1] as LifecycleStatusTransition;
  return {
    records: rec,
    history: {
      customerId: rec.customer.id,
      knownSince: new Date(knownSince),
      stage: lastStage.stage,
      stageEnteredAt,
      status: lastStatus.status,
      statusSince: lastStatus.at,
      stageTransitions,
      statusTransitions,
    },
    rhythm: r,
    raw: raw as RawStatus,
    returned,
  };
}

/**
 * Replays each customer's history (orders, survey answers, interactions, subscriptions) through a stage
 * model and returns the dated stage and status transitions up to `asOf`.
 *
 * The rules are evaluated at every event date and at every date a time threshold elapses (the end of an
 * acquisition window, `k` rhythms after a purchase, a count window sliding past an event…), never day
 * by day; between those instants nothing can change. At each instant the customer qualifies for the
 * last stage (in model order) whose rules hold; forward-only models never move a customer back. A
 * customer who qualifies for nothing at the start is placed in the first stage. The status (see
 * {@link LifecycleStatus}) is computed at the same instants.
 *
 * Customers not yet known at `asOf` are left out. Cancelled and refunded orders are not purchases.
 *
 * @param sources - Customers and their orders, interactions, survey answers and subscriptions.
 * @param options - `asOf`, the model, status thresholds and the time zone.
 * @returns The histories, in the order of `sources.customers`.
 * @throws {JornadaError} `INVALID_RULE` for an invalid model; `INVALID_OPTION` for bad options;
 *   `INVALID_INPUT` for a repeated customer id.
 *
 * @example
 * ```ts
 * const { histories: [h] } = replayLifecycle({
 *   customers: [{ id: 'c-1', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o-1', customerId: 'c-1', placedAt: new Date('2026-02-01T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }],
 * }, { asOf: new Date('2026-06-01T00:00:00Z') });
 * h?.stageTransitions.map((s) => [s.stage, s.at.toISOString().slice(0, 10)]);
 * //=> [['reach', '2026-01-01'], ['acquisition', '2026-02-01'], ['nurture', '2026-03-03']]
 * ```
 * @category Lifecycle
 */
export function replayLifecycle(sources: ProfileSources, options: LifecycleOptions): LifecycleReplay {
  const st = lifecycleSettings(options);
  const histories: LifecycleHistory[] = [];
  const recs = groupByCustomer(sources);
  const intervals = intervalsByCustomer(recs, st);
  for (const rec of recs) {
    const r = replayCustomer(rec, st, intervals);
    if (r !== undefined) histories.push(r.history);
  }
  return { asOf: new Date(st.asOfMs), model: st.model, histories };
}

/**
 * A customer's lifecycle classification as of a date.
 *
 * @category Lifecycle
 */
export interface LifecycleClassification {
  /** The customer. */
  customerId: string;
  /** Stage id (for `Customer.lifecycleStage`). */
  stage: string;
  /** When each stage was last entered (for `Customer.stageEnteredAt`). */
  stageEnteredAt: Record<string, Date>;
  /** The status. */
  status: LifecycleStatus;
  /** Since when the status holds. */
  statusSince: Date;
}

/**
 * Each customer's stage and status as of `asOf`: the end state of {@link replayLifecycle}, so a
 * forward-only stage reflects the whole history, not only the rules that hold today. The result fills
 * `Customer.lifecycleStage` and `Customer.stageEnteredAt`.
 *
 * @param sources - Customers and their records.
 * @param options - As for {@link replayLifecycle}.
 * @returns One classification per customer known at `asOf`, in input order.
 * @throws {JornadaError} `INVALID_RULE` for an invalid model; `INVALID_OPTION` for bad options;
 *   `INVALID_INPUT` for a repeated customer id.
 *
 * @example
 * ```ts
 * const [c] = classifyLifecycle({
 *   customers: [{ id: 'c-1', createdAt: new Date('2026-01-01T00:00:00Z') }],
 * }, { asOf: new Date('2026-01-10T00:00:00Z') });
 * [c?.stage, c?.status]; //=> ['reach', 'active']
 * ```
 * @category Lifecycle
 */
export function classifyLifecycle(sources: ProfileSources, options: LifecycleOptions): LifecycleClassification[] {
  return replayLifecycle(sources, options).histories.map((h) => ({
    customerId: h.customerId,
    stage: h.stage,
    stageEnteredAt: h.stageEnteredAt,
    status: h.status,
    statusSince: h.statusSince,
  }));
}
