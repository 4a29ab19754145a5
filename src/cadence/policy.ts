/**
 * The contact policy: frequency caps with explicit windows, quiet hours (*janelas de silêncio*) in
 * the recipient's zone, allowed weekdays, consent, suppression and what happens to a blocked contact.
 *
 * @module
 */
import { z } from 'zod';
import type { SafeParseResult } from '../core/errors.js';
import { CHANNELS, type Channel } from '../model/index.js';
import { WEEKDAYS, type Weekday } from '../calendar/index.js';
import { CADENCE_OBJECTIVES, shapeOf, type CadenceContactPurpose, type CadenceObjective } from './rule.js';

/**
 * A cap window. `rolling`: any span of `amount` hours or days (every half-open interval of that
 * length, wherever it starts). `calendar`: the recipient's local day, week (starting on `weekStartsOn`,
 * default Monday) or month, in their zone.
 *
 * @category Cadence
 */
export type CadenceCapWindow =
  | {
      /** Discriminator. */
      kind: 'rolling';
      /** Length, > 0. */
      amount: number;
      /** Unit of the length. */
      unit: 'hours' | 'days';
    }
  | {
      /** Discriminator. */
      kind: 'calendar';
      /** The local calendar period. */
      unit: 'day' | 'week' | 'month';
      /** First day of a calendar week; default `monday`. */
      weekStartsOn?: Weekday;
    };

/**
 * A frequency cap: at most `limit` contacts that count toward caps, in every window, among those
 * the scope selects (all of them for a global cap).
 *
 * @category Cadence
 */
export interface CadenceFrequencyCap {
  /** Id of the cap, named in suppression reasons (`cap:weekly-marketing`). */
  id: string;
  /** Largest number of contacts allowed in a window, ≥ 0. */
  limit: number;
  /** The window. */
  window: CadenceCapWindow;
  /** Only contacts on this channel; absent: every channel. */
  channel?: Channel;
  /** Only contacts of rules with this objective. */
  objective?: CadenceObjective;
  /** Only contacts of rules carrying this tag. */
  tag?: string;
}

/**
 * Quiet hours on some channels: no contact from `from` (inclusive) to `to` (exclusive) in local
 * wall-clock time. `from` later than `to` crosses midnight (`21:00`–`08:00`).
 *
 * @category Cadence
 */
export interface CadenceQuietHours {
  /** Channels it applies to; absent: every channel. */
  channels?: Channel[];
  /** Start, `HH:MM` local. */
  from: string;
  /** End, `HH:MM` local (exclusive). */
  to: string;
}

/**
 * What happens to a contact that is blocked (quiet hours, weekday, cap) at its due time: `drop` it,
 * `defer` it to the next allowed moment (within the horizon; later ones wait for the next run), or
 * `defer` at most `maxHours` and drop it after.
 *
 * @category Cadence
 */
export type CadenceBlockedHandling =
  | {
      /** Discriminator. */
      kind: 'drop';
    }
  | {
      /** Discriminator. */
      kind: 'defer';
      /** Longest deferral in hours; absent: no limit. */
      maxHours?: number;
    };

/**
 * A suppression list: customers and addresses that must never get a non-transactional contact.
 *
 * @category Cadence
 */
export interface CadenceSuppressionList {
  /** Customer ids. */
  customerIds?: string[];
  /** E-mail addresses (compared in lower case). */
  emails?: string[];
  /** Phone numbers in E.164. */
  phones?: string[];
}

/**
 * The contact policy, a JSON document.
 *
 * @example
 * ```ts
 * const policy: CadencePolicy = {
 *   version: 1, fallbackTimeZone: 'America/Sao_Paulo',
 *   caps: [
 *     { id: 'marketing-week', limit: 3, window: { kind: 'calendar', unit: 'week' } },
 *     { id: 'whatsapp-day', limit: 1, channel: 'whatsapp', window: { kind: 'rolling', amount: 24, unit: 'hours' } },
 *   ],
 *   quietHours: [{ from: '21:00', to: '08:00' }],
 *   allowedWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
 *   blocked: { kind: 'defer', maxHours: 48 },
 *   consentRequired: { marketing: true, research: true },
 *   transactional: { bypassCaps: true, bypassQuietHours: true },
 *   maxConcurrentJourneys: 2,
 * };
 * ```
 * @category Cadence
 */
export interface CadencePolicy {
  /** Version of the policy language; `1`. */
  version: 1;
  /** Zone of customers without a (valid) `timeZone`. */
  fallbackTimeZone: string;
  /** Frequency caps. */
  caps?: CadenceFrequencyCap[];
  /** Quiet hours. */
  quietHours?: CadenceQuietHours[];
  /** Local weekdays on which contacts may go out; default every day (transactional bypass included when flagged). */
  allowedWeekdays?: Weekday[];
  /** What happens to a blocked contact; default `{ kind: 'defer' }`. */
  blocked?: CadenceBlockedHandling;
  /**
   * Purposes that need a granted consent for the channel (read by the model's `canContact`).
   * `marketing` always does; default `{ marketing: true }`.
   */
  consentRequired?: Partial<Record<CadenceContactPurpose, boolean>>;
  /** What transactional contacts may skip when their step asks: caps (with `countsTowardCaps: false`) and quiet hours. Default neither. */
  transactional?: {
    /** Transactional contacts with `countsTowardCaps: false` are neither counted nor checked. */
    bypassCaps?: boolean;
    /** Transactional contacts with `bypassQuietHours: true` ignore quiet hours and weekdays. */
    bypassQuietHours?: boolean;
  };
  /** Customers and addresses never contacted except for transactional messages. */
  suppression?: CadenceSuppressionList;
  /** Most journeys a customer may be in at once (held-out ones do not count); default no limit. */
  maxConcurrentJourneys?: number;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const LocalTimeSchema = /* @__PURE__ */ (() => z.string().regex(LOCAL_TIME, 'must be a local time HH:MM (00:00–23:59)'))();
const WeekdayEnum = /* @__PURE__ */ (() => z.enum(WEEKDAYS as unknown as [Weekday, ...Weekday[]]))();
function isZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const CapSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().min(1).max(128),
    limit: z.number().int().min(0).max(10_000),
    window: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('rolling'), amount: z.number().finite().gt(0).max(3660), unit: z.enum(['hours', 'days']) }),
      z.strictObject({ kind: z.literal('calendar'), unit: z.enum(['day', 'week', 'month']), weekStartsOn: WeekdayEnum.exactOptional() }),
    ]),
    channel: z.enum(CHANNELS).exactOptional(),
    objective: z.enum(CADENCE_OBJECTIVES).exactOptional(),
    tag: z.string().min(1).max(64).exactOptional(),
  })
)();

const CadencePolicyShape = /* @__PURE__ */ (() =>
  z
    .strictObject({
      version: z.literal(1),
      fallbackTimeZone: z.string().refine(isZone, 'must be an IANA time-zone name such as America/Sao_Paulo'),
      caps: z.array(CapSchema).max(100).exactOptional(),
      quietHours: z
        .array(
          z
            .strictObject({ channels: z.array(z.enum(CHANNELS)).min(1).exactOptional(), from: LocalTimeSchema, to: LocalTimeSchema })
            .refine((q) => q.from !== q.to, { message: 'from and to must differ', path: ['to'] }),
        )
        .max(50)
        .exactOptional(),
      allowedWeekdays: z.array(WeekdayEnum).min(1).max(7).exactOptional(),
      blocked: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('drop') }),
          z.strictObject({ kind: z.literal('defer'), maxHours: z.number().finite().min(0).max(8784).exactOptional() }),
        ])
        .exactOptional(),
      consentRequired: z
        .strictObject({
          marketing: z.literal(true, 'marketing always needs consent').exactOptional(),
          transactional: z.boolean().exactOptional(),
          research: z.boolean().exactOptional(),
          service: z.boolean().exactOptional(),
        })
        .exactOptional(),
      transactional: z.strictObject({ bypassCaps: z.boolean().exactOptional(), bypassQuietHours: z.boolean().exactOptional() }).exactOptional(),
      suppression: z
        .strictObject({
          customerIds: z.array(z.string()).exactOptional(),
          emails: z.array(z.string()).exactOptional(),
          phones: z.array(z.string()).exactOptional(),
        })
        .exactOptional(),
      maxConcurrentJourneys: z.number().int().min(1).max(1000).exactOptional(),
    })
    .superRefine((p, ctx) => {
      const ids = new Set<string>();
      (p.caps ?? []).forEach((c, i) => {
        if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['caps', i, 'id'], message: `duplicate cap id "${c.id}"` });
        ids.add(c.id);
      });
    })
)();

/**
 * Schema of a {@link CadencePolicy} (use {@link parseCadencePolicy} for jornada errors).
 *
 * @category Cadence
 */
export const CadencePolicySchema: z.ZodType<CadencePolicy, unknown> = CadencePolicyShape as z.ZodType<CadencePolicy, unknown>;

/**
 * Validates a contact policy without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }` (`INVALID_RULE` with JSON paths).
 *
 * @example
 * ```ts
 * const r = safeParseCadencePolicy({ version: 1, fallbackTimeZone: 'America/Sao_Paulo',
 *   quietHours: [{ from: '22:00', to: '8:00' }] });
 * r.success ? undefined : r.error.issues[0]?.path; //=> ['quietHours', 0, 'to']
 * ```
 * @category Cadence
 */
export function safeParseCadencePolicy(input: unknown): SafeParseResult<CadencePolicy> {
  return shapeOf(CadencePolicySchema, 'cadence policy', input) as SafeParseResult<CadencePolicy>;
}

/**
 * Validates a contact policy.
 *
 * @param input - Untrusted data.
 * @returns The typed policy.
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of each problem.
 *
 * @example
 * ```ts
 * parseCadencePolicy({ version: 1, fallbackTimeZone: 'America/Sao_Paulo',
 *   quietHours: [{ from: '21:00', to: '08:00' }] }).quietHours?.[0]?.from; //=> '21:00'
 * ```
 * @category Cadence
 */
export function parseCadencePolicy(input: unknown): CadencePolicy {
  const r = safeParseCadencePolicy(input);
  if (r.success) return r.data;
  throw r.error;
}
