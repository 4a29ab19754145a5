/**
 * Feedback responses: NPS, CSAT and CES answers with their context, driver ratings and the
 * expected-versus-perceived ratings that measure the promise-versus-experience gap.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import type { SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import { ChannelSchema, IdSchema, InstantSchema, TouchpointKindSchema, type Channel, type TouchpointKind } from './common.js';

/**
 * The survey a response answers: `nps` (likelihood to recommend, 0–10), `csat` (satisfaction, 1–5 by
 * default) or `ces` (customer effort, 1–7 in CES 2.0).
 *
 * @category Model
 */
export type FeedbackKind = 'nps' | 'csat' | 'ces';

/**
 * The answer scale, both ends inclusive.
 *
 * @category Model
 */
export interface RatingScale {
  /** Lowest possible answer. */
  min: number;
  /** Highest possible answer. */
  max: number;
}

/**
 * How a customer rated one dimension (delivery, price, service…) before and after: what they expected
 * and what they perceived, on the response's scale.
 *
 * @category Model
 */
export interface ExpectationRating {
  /** What the customer expected. */
  expected: number;
  /** What the customer experienced. */
  perceived: number;
}

/**
 * One survey answer.
 *
 * @example
 * ```ts
 * const r: FeedbackResponse = {
 *   id: 'f-1', customerId: 'c-1', respondedAt: new Date('2026-05-12T18:00:00Z'), kind: 'nps',
 *   score: 6, scale: { min: 0, max: 10 }, touchpoint: 'delivery', channel: 'email',
 *   drivers: { delivery: 2, product: 5 }, expectations: { delivery: { expected: 5, perceived: 2 } },
 *   comment: 'Chegou com 3 dias de atraso',
 * };
 * ```
 * @category Model
 */
export interface FeedbackResponse {
  /** Stable identifier of the response. */
  id: string;
  /** Who answered. */
  customerId: string;
  /** When they answered. */
  respondedAt: Date;
  /** Which survey. */
  kind: FeedbackKind;
  /** The answer, on `scale`. NPS answers are integers 0–10. */
  score: number;
  /** The scale of `score`; NPS is always 0–10. */
  scale: RatingScale;
  /** The touchpoint the survey asked about. */
  touchpoint?: TouchpointKind;
  /** The channel the survey was answered on. */
  channel?: Channel;
  /** The order the survey followed, if any. */
  orderId?: string;
  /** The interaction the survey followed, if any. */
  interactionId?: string;
  /** Ratings of drivers (delivery, price, product…) on the same scale as `driverScale`. */
  drivers?: Record<string, number>;
  /** Scale of `drivers` and `expectations` (1–5 when absent). */
  driverScale?: RatingScale;
  /** Expected and perceived ratings per dimension, on `driverScale`. */
  expectations?: Record<string, ExpectationRating>;
  /** Free-text comment. */
  comment?: string;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const ScaleSchema = /* @__PURE__ */ (() =>
  z
    .object({ min: z.number().finite(), max: z.number().finite() })
    .refine((s) => s.max > s.min, { message: 'max must be greater than min', path: ['max'] })
)();

const FeedbackResponseShape = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      customerId: IdSchema,
      respondedAt: InstantSchema,
      kind: z.enum(['nps', 'csat', 'ces']),
      score: z.number().finite(),
      scale: ScaleSchema,
      touchpoint: TouchpointKindSchema.exactOptional(),
      channel: ChannelSchema.exactOptional(),
      orderId: z.string().exactOptional(),
      interactionId: z.string().exactOptional(),
      drivers: z.record(z.string(), z.number().finite()).exactOptional(),
      driverScale: ScaleSchema.exactOptional(),
      expectations: z
        .record(z.string(), z.object({ expected: z.number().finite(), perceived: z.number().finite() }))
        .exactOptional(),
      comment: z.string().exactOptional(),
    })
    .superRefine((r, ctx) => {
      if (r.kind === 'nps') {
        if (r.scale.min !== 0 || r.scale.max !== 10) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'NPS is answered on 0–10' });
        if (!Number.isInteger(r.score)) ctx.addIssue({ code: 'custom', path: ['score'], message: 'an NPS answer is an integer' });
      }
      if (r.score < r.scale.min || r.score > r.scale.max) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: `must lie on the scale ${r.scale.min}–${r.scale.max}` });
      }
      const ds = r.driverScale ?? { min: 1, max: 5 };
      for (const [k, v] of Object.entries(r.drivers ?? {})) {
        if (v < ds.min || v > ds.max) ctx.addIssue({ code: 'custom', path: ['drivers', k], message: `must lie on the driver scale ${ds.min}–${ds.max}` });
      }
      for (const [k, e] of Object.entries(r.expectations ?? {})) {
        for (const side of ['expected', 'perceived'] as const) {
          if (e[side] < ds.min || e[side] > ds.max) {
            ctx.addIssue({ code: 'custom', path: ['expectations', k, side], message: `must lie on the driver scale ${ds.min}–${ds.max}` });
          }
        }
      }
    })
)();

/** Schema of a {@link FeedbackResponse}: the score lies on its scale and NPS is an integer on 0–10. @category Model */
export const FeedbackResponseSchema: z.ZodType<FeedbackResponse, unknown> = FeedbackResponseShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _FeedbackResponseShapeMatches = Expect<Equal<z.output<typeof FeedbackResponseShape>, FeedbackResponse>>;

/**
 * Validates a feedback response.
 *
 * @param input - Untrusted data.
 * @returns The typed response.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseFeedbackResponse({ id: 'f-1', customerId: 'c-1', respondedAt: '2026-05-12T15:00:00-03:00',
 *   kind: 'nps', score: 9, scale: { min: 0, max: 10 } }).score; //=> 9
 * ```
 * @category Model
 */
export function parseFeedbackResponse(input: unknown): FeedbackResponse {
  return parseWith(FeedbackResponseSchema, 'feedback response', input);
}

/**
 * Validates a feedback response without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseFeedbackResponse({ id: 'f', customerId: 'c', respondedAt: '2026-01-01T00:00:00Z',
 *   kind: 'nps', score: 11, scale: { min: 0, max: 10 } }).success; //=> false
 * ```
 * @category Model
 */
export function safeParseFeedbackResponse(input: unknown): SafeParseResult<FeedbackResponse> {
  return safeParseWith(FeedbackResponseSchema, 'feedback response', input);
}
