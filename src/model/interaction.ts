/**
 * Interactions: touchpoint events (a page view, an e-mail opened, a call to customer service, a visit
 * to a store), and their lossless conversion to and from Segment `track` messages.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import { JornadaError, type SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import {
  ChannelSchema,
  IdSchema,
  InstantSchema,
  JsonRecordSchema,
  TouchpointKindSchema,
  type Channel,
  type JsonValue,
  type TouchpointKind,
} from './common.js';

/**
 * UTM-style campaign attribution of an interaction (Segment's `context.campaign`).
 *
 * @category Model
 */
export interface Campaign {
  /** Campaign name (`utm_campaign`). */
  name?: string;
  /** Where the traffic came from (`utm_source`). */
  source?: string;
  /** Marketing medium (`utm_medium`). */
  medium?: string;
  /** Paid keyword (`utm_term`). */
  term?: string;
  /** Variant of the content (`utm_content`). */
  content?: string;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const CampaignShape = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().exactOptional(),
    source: z.string().exactOptional(),
    medium: z.string().exactOptional(),
    term: z.string().exactOptional(),
    content: z.string().exactOptional(),
  })
)();

/** Schema of a {@link Campaign}. @category Model */
export const CampaignSchema: z.ZodType<Campaign, unknown> = CampaignShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _CampaignShapeMatches = Expect<Equal<z.output<typeof CampaignShape>, Campaign>>;

/**
 * The key of `properties` that jornada reserves for its own classification in Segment messages.
 *
 * @category Model
 */
export const RESERVED_PROPERTY_KEY = 'jornada';

/**
 * One touchpoint event. Either `customerId` or `anonymousId` (or both) identifies who.
 *
 * @example
 * ```ts
 * const opened: Interaction = {
 *   id: 'i-1', customerId: 'c-1', timestamp: new Date('2026-05-03T12:00:00Z'), event: 'Email Opened',
 *   channel: 'email', touchpoint: 'direct_message', direction: 'inbound',
 *   campaign: { name: 'dia-das-maes-2026', source: 'crm', medium: 'email' },
 * };
 * ```
 * @category Model
 */
export interface Interaction {
  /** Unique id of the event (Segment's `messageId`), for de-duplication. */
  id: string;
  /** The known customer (Segment's `userId`). */
  customerId?: string;
  /** A device or cookie id for a visitor not yet known (Segment's `anonymousId`). */
  anonymousId?: string;
  /** When it happened. */
  timestamp: Date;
  /** What happened, in Segment's "Object Action" style (`Order Completed`, `Email Opened`, `Ticket Opened`). */
  event: string;
  /** The channel it happened on. */
  channel?: Channel;
  /** The kind of touchpoint. */
  touchpoint?: TouchpointKind;
  /** `inbound` when the customer acted (visited, replied, called); `outbound` when the company reached out. */
  direction: 'inbound' | 'outbound';
  /** Campaign attribution. */
  campaign?: Campaign;
  /** Further facts about the event; the key `jornada` is reserved. */
  properties?: Record<string, JsonValue>;
}

const InteractionShape = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      customerId: IdSchema.exactOptional(),
      anonymousId: IdSchema.exactOptional(),
      timestamp: InstantSchema,
      event: z.string().min(1),
      channel: ChannelSchema.exactOptional(),
      touchpoint: TouchpointKindSchema.exactOptional(),
      direction: z.enum(['inbound', 'outbound']),
      campaign: CampaignSchema.exactOptional(),
      properties: JsonRecordSchema.exactOptional(),
    })
    .superRefine((i, ctx) => {
      if (i.customerId === undefined && i.anonymousId === undefined) {
        ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'needs customerId or anonymousId' });
      }
      if (i.properties !== undefined && Object.prototype.hasOwnProperty.call(i.properties, RESERVED_PROPERTY_KEY)) {
        ctx.addIssue({ code: 'custom', path: ['properties', RESERVED_PROPERTY_KEY], message: `the key "${RESERVED_PROPERTY_KEY}" is reserved` });
      }
    })
)();

/** Schema of an {@link Interaction}. @category Model */
export const InteractionSchema: z.ZodType<Interaction, unknown> = InteractionShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _InteractionShapeMatches = Expect<Equal<z.output<typeof InteractionShape>, Interaction>>;

/**
 * Validates an interaction.
 *
 * @param input - Untrusted data.
 * @returns The typed interaction.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseInteraction({ id: 'i-1', anonymousId: 'anon-9', timestamp: '2026-01-02T03:04:05Z',
 *   event: 'Product Viewed', direction: 'inbound' }).event; //=> 'Product Viewed'
 * ```
 * @category Model
 */
export function parseInteraction(input: unknown): Interaction {
  return parseWith(InteractionSchema, 'interaction', input);
}

/**
 * Validates an interaction without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseInteraction({ id: 'i-1', event: 'x', direction: 'inbound', timestamp: '2026-01-01T00:00:00Z' }).success;
 * //=> false (neither customerId nor anonymousId)
 * ```
 * @category Model
 */
export function safeParseInteraction(input: unknown): SafeParseResult<Interaction> {
  return safeParseWith(InteractionSchema, 'interaction', input);
}

/**
 * A Segment Spec `track` message: the fields jornada reads and writes.
 *
 * @category Model
 */
export interface SegmentTrackMessage {
  /** Always `track`. */
  type: 'track';
  /** Unique message id. */
  messageId: string;
  /** The event name. */
  event: string;
  /** ISO-8601 timestamp of the event. */
  timestamp: string;
  /** The known user. */
  userId?: string;
  /** The anonymous visitor. */
  anonymousId?: string;
  /** Event properties; jornada's classification sits under `properties.jornada`. */
  properties?: Record<string, JsonValue>;
  /** Context; jornada reads and writes `context.campaign` only. */
  context?: {
    /** Campaign attribution (UTM parameters). */
    campaign?: Campaign;
    /** Other context fields (ip, userAgent, page…), not read by jornada. */
    [key: string]: JsonValue | Campaign | undefined;
  };
}

const SegmentClassificationSchema = /* @__PURE__ */ (() =>
  z.object({
    channel: ChannelSchema.exactOptional(),
    touchpoint: TouchpointKindSchema.exactOptional(),
    direction: z.enum(['inbound', 'outbound']).exactOptional(),
  })
)();

const SegmentTrackSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal('track'),
    messageId: IdSchema,
    event: z.string().min(1),
    timestamp: InstantSchema,
    userId: IdSchema.exactOptional(),
    anonymousId: IdSchema.exactOptional(),
    properties: JsonRecordSchema.exactOptional(),
    context: z.object({ campaign: CampaignSchema.exactOptional() }).loose().exactOptional(),
  })
)();

/**
 * Converts an interaction to a Segment `track` message. `id` becomes `messageId`, `customerId` becomes
 * `userId`, `campaign` becomes `context.campaign`, and jornada's own classification (`channel`,
 * `touchpoint`, `direction`) goes under `properties.jornada`. {@link interactionFromSegmentTrack}
 * reverses it exactly.
 *
 * @param interaction - A valid interaction.
 * @returns The Segment message.
 *
 * @example
 * ```ts
 * interactionToSegmentTrack({ id: 'i-1', customerId: 'c-1', timestamp: new Date('2026-01-01T00:00:00Z'),
 *   event: 'Email Opened', channel: 'email', direction: 'inbound' });
 * //=> { type: 'track', messageId: 'i-1', event: 'Email Opened', timestamp: '2026-01-01T00:00:00.000Z',
 * //     userId: 'c-1', properties: { jornada: { channel: 'email', direction: 'inbound' } } }
 * ```
 * @category Model
 */
export function interactionToSegmentTrack(interaction: Interaction): SegmentTrackMessage {
  const classification: Record<string, JsonValue> = {};
  if (interaction.channel !== undefined) classification['channel'] = interaction.channel;
  if (interaction.touchpoint !== undefined) classification['touchpoint'] = interaction.touchpoint;
  classification['direction'] = interaction.direction;
  const message: SegmentTrackMessage = {
    type: 'track',
    messageId: interaction.id,
    event: interaction.event,
    timestamp: interaction.timestamp.toISOString(),
  };
  if (interaction.customerId !== undefined) message.userId = interaction.customerId;
  if (interaction.anonymousId !== undefined) message.anonymousId = interaction.anonymousId;
  message.properties = { ...(interaction.properties ?? {}), [RESERVED_PROPERTY_KEY]: classification };
  if (interaction.campaign !== undefined) message.context = { campaign: { ...interaction.campaign } };
  return message;
}

/**
 * Converts a Segment `track` message to an interaction. Reads `properties.jornada` for the
 * classification (direction defaults to `inbound`, as a tracked event is usually the customer's own
 * action) and `context.campaign`; other `context` fields are not kept.
 *
 * @param message - Untrusted data shaped like a Segment track message.
 * @returns The interaction.
 * @throws {JornadaError} `INVALID_INPUT` with paths when the message is malformed or names neither a user nor an anonymous id.
 *
 * @example
 * ```ts
 * interactionFromSegmentTrack({ type: 'track', messageId: 'm1', event: 'Order Completed',
 *   timestamp: '2026-01-01T00:00:00Z', userId: 'c-1', properties: { total: 99.9 } });
 * //=> { id: 'm1', customerId: 'c-1', timestamp: new Date('2026-01-01T00:00:00Z'),
 * //     event: 'Order Completed', direction: 'inbound', properties: { total: 99.9 } }
 * ```
 * @category Model
 */
export function interactionFromSegmentTrack(message: unknown): Interaction {
  const m = parseWith(SegmentTrackSchema, 'Segment track message', message);
  const properties: Record<string, JsonValue> = { ...(m.properties ?? {}) };
  let classification: z.output<typeof SegmentClassificationSchema> = {};
  if (Object.prototype.hasOwnProperty.call(properties, RESERVED_PROPERTY_KEY)) {
    const parsed = SegmentClassificationSchema.safeParse(properties[RESERVED_PROPERTY_KEY]);
    if (!parsed.success) {
      throw new JornadaError('INVALID_INPUT', 'Invalid Segment track message: properties.jornada is malformed', {
        issues: parsed.error.issues.map((i) => ({
          path: ['properties', RESERVED_PROPERTY_KEY, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          message: i.message,
          code: i.code,
        })),
      });
    }
    classification = parsed.data;
    delete properties[RESERVED_PROPERTY_KEY];
  }
  const interaction: Interaction = {
    id: m.messageId,
    timestamp: m.timestamp,
    event: m.event,
    direction: classification.direction ?? 'inbound',
  };
  if (m.userId !== undefined) interaction.customerId = m.userId;
  if (m.anonymousId !== undefined) interaction.anonymousId = m.anonymousId;
  if (classification.channel !== undefined) interaction.channel = classification.channel;
  if (classification.touchpoint !== undefined) interaction.touchpoint = classification.touchpoint;
  if (m.context?.campaign !== undefined) interaction.campaign = m.context.campaign;
  if (Object.keys(properties).length > 0) interaction.properties = properties;
  return parseWith(InteractionSchema, 'interaction', interaction);
}
