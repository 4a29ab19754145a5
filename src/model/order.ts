/**
 * Orders and subscriptions: the transactions the value analytics read.
 *
 * Amounts are numbers in the currency's major unit (reais, not centavos) with an ISO 4217 code on the
 * record. jornada does analytics, not accounting: sums are floating point and never rounded inside.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import type { SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import { CurrencyCodeSchema, IdSchema, InstantSchema } from './common.js';

/**
 * Status of an order. `cancelled` and `refunded` orders are excluded from value analytics by default.
 *
 * @category Model
 */
export type OrderStatus = 'placed' | 'paid' | 'fulfilled' | 'cancelled' | 'refunded';

/**
 * Where an order was placed: the online store (`web`), the `app`, a physical `store`, a `marketplace`,
 * by `phone`, over `whatsapp`, or through a `sales_rep` (B2B).
 *
 * @category Model
 */
export type SalesChannel = 'web' | 'app' | 'store' | 'marketplace' | 'phone' | 'whatsapp' | 'sales_rep';

/**
 * One line of an order.
 *
 * @category Model
 */
export interface OrderItem {
  /** Stock-keeping unit. */
  sku: string;
  /** Product name, for reports. */
  name?: string;
  /** Product category (`food`, `hygiene`, `toys`, `pharmacy`…). */
  category?: string;
  /** Units bought, a positive integer. */
  quantity: number;
  /** Price of one unit in the order's currency, before order-level discount. */
  unitPrice: number;
}

/**
 * An order placed by a customer.
 *
 * @example
 * ```ts
 * const o: Order = {
 *   id: 'o-1', customerId: 'c-1', placedAt: new Date('2026-05-08T13:00:00Z'), status: 'fulfilled',
 *   currency: 'BRL', total: 189.9, items: [{ sku: 'RACAO-15KG', category: 'food', quantity: 1, unitPrice: 189.9 }],
 *   salesChannel: 'web',
 * };
 * ```
 * @category Model
 */
export interface Order {
  /** Stable identifier of the order. */
  id: string;
  /** The customer who placed it. */
  customerId: string;
  /** When it was placed. */
  placedAt: Date;
  /** Where it stands now. */
  status: OrderStatus;
  /** ISO 4217 currency of every amount on the order. */
  currency: string;
  /** Amount paid: items less discount plus shipping, ≥ 0, in major units. */
  total: number;
  /** Discount granted on the order, ≥ 0. */
  discount?: number;
  /** Shipping charged, ≥ 0. */
  shipping?: number;
  /** The lines of the order. */
  items: OrderItem[];
  /** Where it was placed. */
  salesChannel?: SalesChannel;
  /** The physical store, for `store` orders. */
  storeId?: string;
  /** The subscription that generated it, for recurring deliveries. */
  subscriptionId?: string;
  /** Delivery date promised to the customer. */
  promisedAt?: Date;
  /** When it was delivered (or picked up). */
  deliveredAt?: Date;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const OrderItemShape = /* @__PURE__ */ (() =>
  z.object({
    sku: z.string().min(1),
    name: z.string().exactOptional(),
    category: z.string().exactOptional(),
    quantity: z.number().int().positive(),
    unitPrice: z.number().nonnegative().finite(),
  })
)();

/** Schema of an {@link OrderItem}. @category Model */
export const OrderItemSchema: z.ZodType<OrderItem, unknown> = OrderItemShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _OrderItemShapeMatches = Expect<Equal<z.output<typeof OrderItemShape>, OrderItem>>;

const OrderShape = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      customerId: IdSchema,
      placedAt: InstantSchema,
      status: z.enum(['placed', 'paid', 'fulfilled', 'cancelled', 'refunded']),
      currency: CurrencyCodeSchema,
      total: z.number().nonnegative().finite(),
      discount: z.number().nonnegative().finite().exactOptional(),
      shipping: z.number().nonnegative().finite().exactOptional(),
      items: z.array(OrderItemSchema),
      salesChannel: z.enum(['web', 'app', 'store', 'marketplace', 'phone', 'whatsapp', 'sales_rep']).exactOptional(),
      storeId: z.string().exactOptional(),
      subscriptionId: z.string().exactOptional(),
      promisedAt: InstantSchema.exactOptional(),
      deliveredAt: InstantSchema.exactOptional(),
    })
    .superRefine((o, ctx) => {
      if (o.deliveredAt !== undefined && o.deliveredAt.getTime() < o.placedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['deliveredAt'], message: 'must not be before placedAt' });
      }
    })
)();

/** Schema of an {@link Order}; delivery cannot precede placement. @category Model */
export const OrderSchema: z.ZodType<Order, unknown> = OrderShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _OrderShapeMatches = Expect<Equal<z.output<typeof OrderShape>, Order>>;

/**
 * Validates an order.
 *
 * @param input - Untrusted data.
 * @returns The typed order.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseOrder({ id: 'o-1', customerId: 'c-1', placedAt: '2026-05-08T10:00:00-03:00', status: 'paid',
 *   currency: 'BRL', total: 59.9, items: [] }).placedAt.toISOString(); //=> '2026-05-08T13:00:00.000Z'
 * ```
 * @category Model
 */
export function parseOrder(input: unknown): Order {
  return parseWith(OrderSchema, 'order', input);
}

/**
 * Validates an order without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseOrder({ id: 'o-1', total: -5 }).success; //=> false
 * ```
 * @category Model
 */
export function safeParseOrder(input: unknown): SafeParseResult<Order> {
  return safeParseWith(OrderSchema, 'order', input);
}

/**
 * Billing period of a subscription: `count` × `unit` (every 1 month, every 2 weeks).
 *
 * @category Model
 */
export interface SubscriptionPeriod {
  /** The calendar unit. */
  unit: 'day' | 'week' | 'month' | 'year';
  /** How many units, a positive integer. */
  count: number;
}

/**
 * Status of a subscription.
 *
 * @category Model
 */
export type SubscriptionStatus = 'active' | 'paused' | 'cancelled';

/**
 * A subscription: the contractual bond, whose end is observed (`cancelledAt`).
 *
 * @example
 * ```ts
 * const s: Subscription = {
 *   id: 's-1', customerId: 'c-1', plan: 'racao-mensal', period: { unit: 'month', count: 1 },
 *   startedAt: new Date('2025-06-01T12:00:00Z'), status: 'active', price: 179.9, currency: 'BRL',
 * };
 * ```
 * @category Model
 */
export interface Subscription {
  /** Stable identifier of the subscription. */
  id: string;
  /** The subscriber. */
  customerId: string;
  /** Plan identifier. */
  plan: string;
  /** Billing period. */
  period: SubscriptionPeriod;
  /** Price per period, in major units. */
  price?: number;
  /** ISO 4217 currency of `price`. */
  currency?: string;
  /** When it started. */
  startedAt: Date;
  /** When it was cancelled; present exactly when `status` is `cancelled`. */
  cancelledAt?: Date;
  /** Where it stands now. */
  status: SubscriptionStatus;
}

const SubscriptionShape = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      customerId: IdSchema,
      plan: z.string().min(1),
      period: z.object({ unit: z.enum(['day', 'week', 'month', 'year']), count: z.number().int().positive() }),
      price: z.number().nonnegative().finite().exactOptional(),
      currency: CurrencyCodeSchema.exactOptional(),
      startedAt: InstantSchema,
      cancelledAt: InstantSchema.exactOptional(),
      status: z.enum(['active', 'paused', 'cancelled']),
    })
    .superRefine((s, ctx) => {
      if (s.status === 'cancelled' && s.cancelledAt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['cancelledAt'], message: 'a cancelled subscription needs cancelledAt' });
      }
      if (s.status !== 'cancelled' && s.cancelledAt !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['status'], message: 'a subscription with cancelledAt must be cancelled' });
      }
      if (s.cancelledAt !== undefined && s.cancelledAt.getTime() < s.startedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['cancelledAt'], message: 'must not be before startedAt' });
      }
    })
)();

/** Schema of a {@link Subscription}; `cancelledAt` goes with `cancelled` and follows `startedAt`. @category Model */
export const SubscriptionSchema: z.ZodType<Subscription, unknown> = SubscriptionShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _SubscriptionShapeMatches = Expect<Equal<z.output<typeof SubscriptionShape>, Subscription>>;

/**
 * Validates a subscription.
 *
 * @param input - Untrusted data.
 * @returns The typed subscription.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseSubscription({ id: 's-1', customerId: 'c-1', plan: 'areia', period: { unit: 'month', count: 1 },
 *   startedAt: '2025-06-01T12:00:00Z', status: 'active' }).period.unit; //=> 'month'
 * ```
 * @category Model
 */
export function parseSubscription(input: unknown): Subscription {
  return parseWith(SubscriptionSchema, 'subscription', input);
}

/**
 * Validates a subscription without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseSubscription({ id: 's-1', status: 'cancelled' }).success; //=> false
 * ```
 * @category Model
 */
export function safeParseSubscription(input: unknown): SafeParseResult<Subscription> {
  return safeParseWith(SubscriptionSchema, 'subscription', input);
}
