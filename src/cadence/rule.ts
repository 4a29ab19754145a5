/**
 * Cadence rules (*réguas*): versioned JSON documents that say who enters a journey, on which trigger,
 * which contacts and waits follow, when the customer leaves, and who is held out as a control group.
 *
 * @module
 */
import { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from '../core/errors.js';
import { CHANNELS, type Channel } from '../model/index.js';
import { safeParseConditionDocument, type ConditionDocument } from '../segments/index.js';
import { WEEKDAYS, type Weekday } from '../calendar/index.js';

/**
 * What a rule is for. The order of this list is the **objective rank** that breaks ties between rules
 * of equal priority (earlier wins): transactional messages first, then recovery of unhappy customers,
 * then the rest of the relationship.
 *
 * @category Cadence
 */
export const CADENCE_OBJECTIVES = [
  'transactional',
  'detractor_recovery',
  'onboarding',
  'replenishment',
  'nps_survey',
  'reactivation',
  'delight',
  'commercial_date',
  'cross_sell',
  'nurture',
] as const;

/**
 * The objective of a rule: `transactional`, `detractor_recovery`, `onboarding`, `replenishment`,
 * `nps_survey`, `reactivation` (win-back), `delight` (birthdays, anniversaries), `commercial_date`
 * (Dia das Mães, Black Friday offers), `cross_sell` (cross-sell and upsell) or `nurture`.
 *
 * @category Cadence
 */
export type CadenceObjective = (typeof CADENCE_OBJECTIVES)[number];

/**
 * Units of a duration: fixed lengths (a day is 24 hours, whatever the clocks do).
 *
 * @category Cadence
 */
export type CadenceDurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';

/**
 * A fixed duration.
 *
 * @category Cadence
 */
export interface CadenceDuration {
  /** How many units, ≥ 0. */
  amount: number;
  /** The unit. */
  unit: CadenceDurationUnit;
}

/** Fires on each new event of this name among the planner's `events` (e.g. `Order Completed`). @category Cadence */
export interface CadenceEventTrigger {
  /** Discriminator. */
  kind: 'event';
  /** The event name, matched exactly. */
  event: string;
}

/**
 * Fires when a customer enters (or exits) the segment the condition describes, between the previous
 * run (the state's membership) and this one. The first run only records membership.
 *
 * @category Cadence
 */
export interface CadenceSegmentTrigger {
  /** Discriminator. */
  kind: 'segment_entered' | 'segment_exited';
  /** The segment, as a condition on the customer profile. */
  segment: ConditionDocument;
}

/** Fires when `Customer.stageEnteredAt[stage]` is a new instant (the lifecycle stage was entered). @category Cadence */
export interface CadenceLifecycleTrigger {
  /** Discriminator. */
  kind: 'lifecycle_stage_entered';
  /** The lifecycle stage id. */
  stage: string;
}

/**
 * Fires on a customer-relative local day in the customer's zone, at `atLocalTime`:
 * `birthday`, `signup_anniversary` and `first_purchase_anniversary` shifted by `offsetDays`
 * (negative = before); `after_last_purchase` `days` after the last purchase; `before_replenishment`
 * `days` before the expected replenishment (median inter-purchase interval, from the value module).
 *
 * @category Cadence
 */
export interface CadenceCustomerDateTrigger {
  /** Discriminator. */
  kind: 'customer_date';
  /** Which date. */
  date: 'birthday' | 'signup_anniversary' | 'first_purchase_anniversary' | 'after_last_purchase' | 'before_replenishment';
  /** For yearly dates: calendar days from the date (−3 = three days before); default 0. */
  offsetDays?: number;
  /** For `after_last_purchase` and `before_replenishment`: calendar days after / before; default 0. */
  days?: number;
  /** Local wall-clock time of the trigger, `HH:MM`; default `09:00`. */
  atLocalTime?: string;
}

/** Fires `offsetDays` from an occasion of a commercial calendar (−7 = a week before Dia das Mães), in the customer's zone. @category Cadence */
export interface CadenceCalendarTrigger {
  /** Discriminator. */
  kind: 'calendar';
  /** Calendar name among the planner's calendars (`BR`, `US`, `PT` built in); default `BR`. */
  calendar?: string;
  /** The date id (`br.mothers_day`). */
  occasion: string;
  /** Calendar days from the occasion (negative = before); default 0. */
  offsetDays?: number;
  /** Local wall-clock time, `HH:MM`; default `09:00`. */
  atLocalTime?: string;
}

/** Fires when `days` have passed without a purchase (since the last order, or since signup without one). @category Cadence */
export interface CadenceInactivityTrigger {
  /** Discriminator. */
  kind: 'inactivity';
  /** Days without purchase, ≥ 1. */
  days: number;
  /** Local wall-clock time, `HH:MM`; default `09:00`. */
  atLocalTime?: string;
}

/** Fires on a recurring local schedule: every day, on given weekdays, or on a day of the month. @category Cadence */
export interface CadenceScheduleTrigger {
  /** Discriminator. */
  kind: 'schedule';
  /** `daily`, `weekly` (on `weekdays`) or `monthly` (on `dayOfMonth`, clamped to the month's length). */
  every: 'daily' | 'weekly' | 'monthly';
  /** Weekdays of a weekly schedule. */
  weekdays?: Weekday[];
  /** Day of a monthly schedule, 1–31. */
  dayOfMonth?: number;
  /** Local wall-clock time, `HH:MM`; default `09:00`. */
  atLocalTime?: string;
}

/** Fires for each survey answer still waiting for a follow-up (the metrics module's `pendingFollowUps`). @category Cadence */
export interface CadenceFollowUpTrigger {
  /** Discriminator. */
  kind: 'feedback_follow_up';
  /** Which answers; default `['detractor']`. */
  reasons?: Array<'detractor' | 'dissatisfied' | 'high_effort'>;
}

/**
 * What starts a journey (*gatilho*).
 *
 * @category Cadence
 */
export type CadenceTrigger =
  | CadenceEventTrigger
  | CadenceSegmentTrigger
  | CadenceLifecycleTrigger
  | CadenceCustomerDateTrigger
  | CadenceCalendarTrigger
  | CadenceInactivityTrigger
  | CadenceScheduleTrigger
  | CadenceFollowUpTrigger;

/** Waits a fixed duration after the previous step. @category Cadence */
export interface CadenceWaitDurationStep {
  /** Discriminator. */
  kind: 'wait';
  /** How long. */
  duration: CadenceDuration;
}

/** Waits until the next local wall-clock time (on one of the weekdays, when given), in the customer's zone. @category Cadence */
export interface CadenceWaitUntilStep {
  /** Discriminator. */
  kind: 'wait_until';
  /** Local time `HH:MM`. */
  localTime: string;
  /** Allowed weekdays; default every day. */
  weekdays?: Weekday[];
}

/**
 * Purpose of a contact, as the consent log knows it.
 *
 * @category Cadence
 */
export type CadenceContactPurpose = 'marketing' | 'transactional' | 'research' | 'service';

/** A contact (*disparo*). @category Cadence */
export interface CadenceContactStep {
  /** Discriminator. */
  kind: 'contact';
  /** Preferred channel. */
  channel: Channel;
  /** Channels to use, in order, when the preferred one is not allowed. */
  fallbackChannels?: Channel[];
  /** Reference of the content (template id) in your sending system. */
  content: string;
  /** Purpose, for consent: `marketing` needs a granted consent for the channel. */
  purpose: CadenceContactPurpose;
  /** Whether the contact counts toward frequency caps; default `true`. `false` only for non-marketing contacts. */
  countsTowardCaps?: boolean;
  /** A transactional contact that may be sent in quiet hours when the policy allows it; default `false`. */
  bypassQuietHours?: boolean;
}

/**
 * One step of a journey.
 *
 * @category Cadence
 */
export type CadenceStep = CadenceWaitDurationStep | CadenceWaitUntilStep | CadenceContactStep;

/**
 * When a customer leaves a journey before its end (goal reached): `purchased` (an order after entry),
 * `event` (an event of that name after entry), or `condition` (the profile meets a condition).
 *
 * @category Cadence
 */
export type CadenceExitGoal =
  | {
      /** Discriminator. */
      kind: 'purchased';
    }
  | {
      /** Discriminator. */
      kind: 'event';
      /** Event name. */
      event: string;
    }
  | {
      /** Discriminator. */
      kind: 'condition';
      /** Condition on the profile. */
      condition: ConditionDocument;
    };

/**
 * May a customer enter the same rule again? `never`, `after` a duration since the previous entry, or
 * `always` (every trigger occurrence starts a journey, even while one runs).
 *
 * @category Cadence
 */
export type CadenceReEligibility =
  | {
      /** Discriminator. */
      kind: 'never';
    }
  | {
      /** Discriminator. */
      kind: 'after';
      /** Time since the previous entry. */
      duration: CadenceDuration;
    }
  | {
      /** Discriminator. */
      kind: 'always';
    };

/**
 * A cadence rule (*régua*): a versioned JSON document.
 *
 * @example
 * ```ts
 * const winBack: CadenceRule = {
 *   version: 1, id: 'win-back-90', name: 'Win-back after 90 days', objective: 'reactivation', priority: 40,
 *   audience: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } },
 *   trigger: { kind: 'inactivity', days: 90, atLocalTime: '10:00' },
 *   steps: [
 *     { kind: 'contact', channel: 'email', content: 'winback-1', purpose: 'marketing' },
 *     { kind: 'wait', duration: { amount: 3, unit: 'days' } },
 *     { kind: 'contact', channel: 'whatsapp', fallbackChannels: ['sms'], content: 'winback-2', purpose: 'marketing' },
 *   ],
 *   exitGoals: [{ kind: 'purchased' }],
 *   reEligibility: { kind: 'after', duration: { amount: 180, unit: 'days' } },
 *   holdoutShare: 0.1,
 * };
 * ```
 * @category Cadence
 */
export interface CadenceRule {
  /** Version of the rule language; `1`. */
  version: 1;
  /** Stable id (1–128 characters). */
  id: string;
  /** Display name. */
  name: string;
  /** What the rule is for; its rank breaks priority ties. */
  objective: CadenceObjective;
  /** Priority, an integer 0–1000; higher wins when rules compete for a cap. */
  priority: number;
  /** Your labels; caps may be scoped to a tag. */
  tags?: string[];
  /** Who may enter, as a segments condition on the customer profile; default everyone. */
  audience?: ConditionDocument;
  /** What starts a journey. */
  trigger: CadenceTrigger;
  /** Contacts and waits, in order (at least one contact). */
  steps: CadenceStep[];
  /** Goals that end the journey early. */
  exitGoals?: CadenceExitGoal[];
  /** Whether the customer may enter again. */
  reEligibility: CadenceReEligibility;
  /** Share of entering customers held out as a control group (*grupo de controle*), 0–1; default 0. */
  holdoutShare?: number;
  /** A switched-off rule plans nothing; default `true`. */
  enabled?: boolean;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const LocalTimeSchema = /* @__PURE__ */ (() => z.string().regex(LOCAL_TIME, 'must be a local time HH:MM (00:00–23:59)'))();
const IdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .min(1)
    .max(128)
    .refine((s) => !['__proto__', 'constructor', 'prototype'].includes(s), 'this id is reserved')
)();
const ChannelEnum = /* @__PURE__ */ (() => z.enum(CHANNELS))();
const WeekdayEnum = /* @__PURE__ */ (() => z.enum(WEEKDAYS as unknown as [Weekday, ...Weekday[]]))();
/** Schema of a {@link CadenceDuration}. @internal */
export const DurationSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: z.number().finite().min(0).max(3660),
    unit: z.enum(['minutes', 'hours', 'days', 'weeks']),
  })
)();
const ConditionSlot = /* @__PURE__ */ (() => z.unknown())();
const OffsetDays = /* @__PURE__ */ (() => z.number().int().min(-366).max(366))();

const TriggerSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('event'), event: z.string().min(1).max(256) }),
    z.strictObject({ kind: z.enum(['segment_entered', 'segment_exited']), segment: ConditionSlot }),
    z.strictObject({ kind: z.literal('lifecycle_stage_entered'), stage: z.string().min(1).max(128) }),
    z.strictObject({
      kind: z.literal('customer_date'),
      date: z.enum(['birthday', 'signup_anniversary', 'first_purchase_anniversary', 'after_last_purchase', 'before_replenishment']),
      offsetDays: OffsetDays.exactOptional(),
      days: z.number().int().min(0).max(3660).exactOptional(),
      atLocalTime: LocalTimeSchema.exactOptional(),
    }),
    z.strictObject({
      kind: z.literal('calendar'),
      calendar: z.string().min(1).max(64).exactOptional(),
      occasion: z.string().min(1).max(128),
      offsetDays: OffsetDays.exactOptional(),
      atLocalTime: LocalTimeSchema.exactOptional(),
    }),
    z.strictObject({ kind: z.literal('inactivity'), days: z.number().int().min(1).max(3660), atLocalTime: LocalTimeSchema.exactOptional() }),
    z
      .strictObject({
        kind: z.literal('schedule'),
        every: z.enum(['daily', 'weekly', 'monthly']),
        weekdays: z.array(WeekdayEnum).min(1).max(7).exactOptional(),
        dayOfMonth: z.number().int().min(1).max(31).exactOptional(),
        atLocalTime: LocalTimeSchema.exactOptional(),
      })
      .superRefine((t, ctx) => {
        if (t.every === 'weekly' && t.weekdays === undefined) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'a weekly schedule needs weekdays' });
        if (t.every === 'monthly' && t.dayOfMonth === undefined) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'a monthly schedule needs dayOfMonth' });
      }),
    z.strictObject({
      kind: z.literal('feedback_follow_up'),
      reasons: z.array(z.enum(['detractor', 'dissatisfied', 'high_effort'])).min(1).max(3).exactOptional(),
    }),
  ])
)();

const StepSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('wait'), duration: DurationSchema }),
    z.strictObject({ kind: z.literal('wait_until'), localTime: LocalTimeSchema, weekdays: z.array(WeekdayEnum).min(1).max(7).exactOptional() }),
    z
      .strictObject({
        kind: z.literal('contact'),
        channel: ChannelEnum,
        fallbackChannels: z.array(ChannelEnum).max(10).exactOptional(),
        content: z.string().min(1).max(256),
        purpose: z.enum(['marketing', 'transactional', 'research', 'service']),
        countsTowardCaps: z.boolean().exactOptional(),
        bypassQuietHours: z.boolean().exactOptional(),
      })
      .superRefine((s, ctx) => {
        if (s.purpose === 'marketing' && s.countsTowardCaps === false) {
          ctx.addIssue({ code: 'custom', path: ['countsTowardCaps'], message: 'a marketing contact always counts toward caps' });
        }
        if (s.bypassQuietHours === true && s.purpose !== 'transactional') {
          ctx.addIssue({ code: 'custom', path: ['bypassQuietHours'], message: 'only a transactional contact may bypass quiet hours' });
        }
        const all = [s.channel, ...(s.fallbackChannels ?? [])];
        if (new Set(all).size !== all.length) ctx.addIssue({ code: 'custom', path: ['fallbackChannels'], message: 'channels must not repeat' });
      }),
  ])
)();

const ExitGoalSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('purchased') }),
    z.strictObject({ kind: z.literal('event'), event: z.string().min(1).max(256) }),
    z.strictObject({ kind: z.literal('condition'), condition: ConditionSlot }),
  ])
)();

const ReEligibilitySchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('never') }),
    z.strictObject({ kind: z.literal('after'), duration: DurationSchema }),
    z.strictObject({ kind: z.literal('always') }),
  ])
)();

const CadenceRuleShape = /* @__PURE__ */ (() =>
  z
    .strictObject({
      version: z.literal(1),
      id: IdSchema,
      name: z.string().min(1).max(256),
      objective: z.enum(CADENCE_OBJECTIVES),
      priority: z.number().int().min(0).max(1000),
      tags: z.array(z.string().min(1).max(64)).max(32).exactOptional(),
      audience: ConditionSlot.exactOptional(),
      trigger: TriggerSchema,
      steps: z.array(StepSchema).min(1).max(50),
      exitGoals: z.array(ExitGoalSchema).max(20).exactOptional(),
      reEligibility: ReEligibilitySchema,
      holdoutShare: z.number().min(0).max(1).exactOptional(),
      enabled: z.boolean().exactOptional(),
    })
    .superRefine((r, ctx) => {
      if (!r.steps.some((s) => s.kind === 'contact')) ctx.addIssue({ code: 'custom', path: ['steps'], message: 'a rule needs at least one contact step' });
    })
)();

// `audience` and goal conditions are read as unknown here and validated by the segments parser in parseCadenceRule.
/**
 * Schema of the shape of a {@link CadenceRule}; the conditions inside (audience, segment trigger,
 * condition goals) are checked by {@link parseCadenceRule} with the segments language.
 *
 * @category Cadence
 */
export const CadenceRuleSchema: z.ZodType<CadenceRule, unknown> = CadenceRuleShape as z.ZodType<CadenceRule, unknown>;

function toIssues(error: z.ZodError): JornadaIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));
}

/**
 * INVALID_RULE error for `what` with issues.
 *
 * @param what - See the summary.
 * @param issues - See the summary.
 * @returns See the summary.
 * @internal
 */
export function invalidRuleError(what: string, issues: readonly JornadaIssue[]): JornadaError {
  const first = issues[0];
  const where = first === undefined ? '' : ` at ${first.path.length === 0 ? '(root)' : first.path.join('.')}: ${first.message}`;
  return new JornadaError('INVALID_RULE', `Invalid ${what}${where}`, { issues });
}

/**
 * Runs a schema, turning zod issues (and throwing getters) into INVALID_RULE.
 *
 * @param schema - See the summary.
 * @param what - See the summary.
 * @param input - See the summary.
 * @returns See the summary.
 * @internal
 */
export function shapeOf<S extends z.ZodType>(schema: S, what: string, input: unknown): SafeParseResult<z.output<S>> {
  let r: ReturnType<S['safeParse']>;
  try {
    r = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (cause) {
    return { success: false, error: new JornadaError('INVALID_RULE', `Invalid ${what}: the input could not be read`, { cause, issues: [{ path: [], message: 'unreadable', code: 'unreadable' }] }) };
  }
  if (r.success) return { success: true, data: r.data as z.output<S> };
  return { success: false, error: invalidRuleError(what, toIssues(r.error)) };
}

function checkCondition(value: unknown, path: (string | number)[], issues: JornadaIssue[]): ConditionDocument | undefined {
  const r = safeParseConditionDocument(value);
  if (r.success) return r.data;
  for (const i of r.error.issues) issues.push({ ...i, path: [...path, ...i.path] });
  return undefined;
}

/**
 * Validates a cadence rule without throwing.
 *
 * @param input - Untrusted data (a rule document from your database).
 * @returns `{ success: true, data }` or `{ success: false, error }` (`INVALID_RULE` with JSON paths).
 *
 * @example
 * ```ts
 * const r = safeParseCadenceRule({ version: 1, id: 'x', name: 'X', objective: 'nurture', priority: 1,
 *   trigger: { kind: 'inactivity', days: 0 }, steps: [], reEligibility: { kind: 'never' } });
 * r.success; //=> false
 * r.success ? undefined : r.error.issues[0]?.path; //=> ['trigger', 'days']
 * ```
 * @category Cadence
 */
export function safeParseCadenceRule(input: unknown): SafeParseResult<CadenceRule> {
  const shape = shapeOf(CadenceRuleSchema, 'cadence rule', input);
  if (!shape.success) return shape;
  const d = shape.data;
  const issues: JornadaIssue[] = [];
  const rule = { ...d } as unknown as CadenceRule;
  if (d.audience !== undefined) {
    const c = checkCondition(d.audience, ['audience'], issues);
    if (c !== undefined) rule.audience = c;
  }
  if (d.trigger.kind === 'segment_entered' || d.trigger.kind === 'segment_exited') {
    const c = checkCondition(d.trigger.segment, ['trigger', 'segment'], issues);
    if (c !== undefined) rule.trigger = { kind: d.trigger.kind, segment: c };
  }
  if (d.exitGoals !== undefined) {
    rule.exitGoals = d.exitGoals.map((g, i) => {
      if (g.kind !== 'condition') return g;
      const c = checkCondition(g.condition, ['exitGoals', i, 'condition'], issues);
      return { kind: 'condition', condition: c ?? { version: 1, condition: { all: [] } } };
    });
  }
  if (issues.length > 0) return { success: false, error: invalidRuleError(`cadence rule "${d.id}"`, issues) };
  return { success: true, data: rule };
}

/**
 * Validates a cadence rule.
 *
 * @param input - Untrusted data.
 * @returns The typed rule.
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of each problem (conditions included:
 *   `['audience', 'condition', 'all', 0, 'op']`).
 *
 * @example
 * ```ts
 * parseCadenceRule({ version: 1, id: 'bday', name: 'Birthday', objective: 'delight', priority: 50,
 *   trigger: { kind: 'customer_date', date: 'birthday' },
 *   steps: [{ kind: 'contact', channel: 'email', content: 'bday', purpose: 'marketing' }],
 *   reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } } }).trigger.kind;
 * //=> 'customer_date'
 * ```
 * @category Cadence
 */
export function parseCadenceRule(input: unknown): CadenceRule {
  const r = safeParseCadenceRule(input);
  if (r.success) return r.data;
  throw r.error;
}

/**
 * Validates a list of rules: each as {@link parseCadenceRule}, and ids must be unique.
 *
 * @param input - Untrusted array of rule documents.
 * @returns The typed rules, in input order.
 * @throws {JornadaError} `INVALID_RULE` with paths `[index, …]`.
 *
 * @example
 * ```ts
 * parseCadenceRules([]); //=> []
 * ```
 * @category Cadence
 */
export function parseCadenceRules(input: unknown): CadenceRule[] {
  if (!Array.isArray(input)) throw invalidRuleError('cadence rules', [{ path: [], message: 'must be an array of rules' }]);
  const out: CadenceRule[] = [];
  const seen = new Set<string>();
  input.forEach((item: unknown, index) => {
    const r = safeParseCadenceRule(item);
    if (!r.success) throw invalidRuleError('cadence rules', r.error.issues.map((i) => ({ ...i, path: [index, ...i.path] })));
    if (seen.has(r.data.id)) throw invalidRuleError('cadence rules', [{ path: [index, 'id'], message: `duplicate rule id "${r.data.id}"` }]);
    seen.add(r.data.id);
    out.push(r.data);
  });
  return out;
}

/**
 * Milliseconds of a duration.
 *
 * @param d - See the summary.
 * @returns See the summary.
 * @internal
 */
export function durationMs(d: CadenceDuration): number {
  const unit = d.unit === 'minutes' ? 60_000 : d.unit === 'hours' ? 3_600_000 : d.unit === 'days' ? 86_400_000 : 604_800_000;
  return d.amount * unit;
}

/**
 * Minutes after local midnight of `HH:MM`.
 *
 * @param hhmm - See the summary.
 * @returns See the summary.
 * @internal
 */
export function minutesOfLocalTime(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
