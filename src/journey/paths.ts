/**
 * Customer paths: each customer's ordered touches before a conversion within a lookback window, and
 * the touches of those who did not convert — the raw material of attribution.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Interaction } from '../model/interaction.js';
import type { Order, OrderStatus } from '../model/order.js';
import type { AttributionPath } from './attribution-paths.js';

/**
 * A conversion: a customer did what the journey leads to (an order, a sign-up, a subscription).
 *
 * @category Journey
 */
export interface ConversionEvent {
  /** Who converted. */
  customerId: string;
  /** When. */
  at: Date;
  /** What it was worth (≥ 0); 0 when absent. */
  value?: number;
  /** An id to trace it back (an order id). */
  id?: string;
}

/**
 * Options of {@link conversionEventsFromOrders}.
 *
 * @category Journey
 */
export interface ConversionsFromOrdersOptions {
  /** Order statuses that count as conversions; default every status except `cancelled` and `refunded`. */
  statuses?: readonly OrderStatus[];
}

/**
 * Turns orders into conversion events (value = order total, id = order id), leaving out cancelled
 * and refunded orders by default.
 *
 * @param orders - Orders (trusted).
 * @param options - Which statuses count.
 * @returns One conversion per counted order, in input order.
 *
 * @example
 * ```ts
 * conversionEventsFromOrders([{ id: 'o-1', customerId: 'c-1', placedAt: new Date('2026-05-08T13:00:00Z'),
 *   status: 'paid', currency: 'BRL', total: 59.9, items: [] }]);
 * //=> [{ customerId: 'c-1', at: new Date('2026-05-08T13:00:00Z'), value: 59.9, id: 'o-1' }]
 * ```
 * @category Journey
 */
export function conversionEventsFromOrders(orders: Iterable<Order>, options: ConversionsFromOrdersOptions = {}): ConversionEvent[] {
  const statuses = new Set<OrderStatus>(options.statuses ?? ['placed', 'paid', 'fulfilled']);
  const out: ConversionEvent[] = [];
  for (const o of orders) {
    if (statuses.has(o.status)) out.push({ customerId: o.customerId, at: o.placedAt, value: o.total, id: o.id });
  }
  return out;
}

/**
 * What labels a touch in a path: the interaction's `channel`, its `touchpoint` kind, its `event`
 * name, its campaign name (`campaign`), or a function returning the label (`undefined` leaves the
 * interaction out).
 *
 * @category Journey
 */
export type PathKey = 'channel' | 'touchpoint' | 'event' | 'campaign' | ((interaction: Interaction) => string | undefined);

/**
 * Options of {@link customerPaths}.
 *
 * @category Journey
 */
export interface CustomerPathOptions {
  /** Days before a conversion whose touches count (> 0); default 30. A touch exactly that old counts. */
  lookbackDays?: number;
  /** What labels a touch; default `channel`. Interactions without that label are left out. */
  key?: PathKey;
  /**
   * Whether a conversion starts a new path (default `true`): a touch then belongs to the first
   * conversion at or after it only. With `false`, overlapping windows share touches.
   */
  resetAtConversion?: boolean;
  /** Whether to return the paths of touches not followed by a conversion; default `true`. */
  includeNonConverting?: boolean;
  /**
   * The end of observation. Interactions and conversions after it are ignored, and the window of
   * a non-converting path ends here. Default: each customer's last touch.
   */
  asOf?: Date;
}

/**
 * One customer's path: the touches before one conversion, or the touches that led to none.
 *
 * @category Journey
 */
export interface CustomerPath {
  /** The customer. */
  customerId: string;
  /** The touch labels in time order (ties broken by interaction id). */
  touches: string[];
  /** When each touch happened. */
  touchedAt: Date[];
  /** The interaction behind each touch. */
  interactionIds: string[];
  /** Whether the path ends in a conversion. */
  converted: boolean;
  /** The conversion instant, for converted paths. */
  convertedAt?: Date;
  /** The conversion's id, when it has one. */
  conversionId?: string;
  /** The conversion's value; 0 for a path without conversion. */
  value: number;
}

function labelOf(key: PathKey, i: Interaction): string | undefined {
  if (typeof key === 'function') return key(i);
  if (key === 'campaign') return i.campaign?.name;
  return i[key];
}

/** First index in sorted `times` with times[i] >= t (or > t when `strict`). */
function lowerBound(times: Float64Array, from: number, to: number, t: number, strict: boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = times[mid]!;
    if (strict ? v <= t : v < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds customer paths from interactions and conversions: for every conversion, the customer's
 * touches in [conversion − lookback, conversion] (after the previous conversion, by default), in time
 * order; and for every customer with touches after their last conversion, a non-converting path of
 * those touches within the lookback window that ends at `asOf` (or at their last touch). Only
 * interactions with a `customerId` and a label under `key` are read; conversions with no touch in
 * their window give a converted path with no touches.
 *
 * Paths come out grouped by customer id (ascending code-unit order), each customer's in time order,
 * the non-converting one last. Input order does not matter.
 *
 * @param interactions - Touchpoint events (trusted; validate with `parseInteraction`).
 * @param conversions - Conversion events (for orders: {@link conversionEventsFromOrders}).
 * @param options - Lookback window, touch label, reset rule, non-converting paths, end of observation.
 * @returns The paths.
 * @throws {JornadaError} `INVALID_OPTION` for a lookback that is not a positive finite number of days
 *   or an unknown key; `INVALID_INPUT` (path `['conversions', i, …]`) for a conversion without a
 *   valid customer id, date or value.
 *
 * @example
 * ```ts
 * const at = (d: string) => new Date(`2026-05-${d}T12:00:00Z`);
 * const paths = customerPaths(
 *   [
 *     { id: 'i1', customerId: 'c1', timestamp: at('01'), event: 'Ad Clicked', channel: 'social', direction: 'inbound' },
 *     { id: 'i2', customerId: 'c1', timestamp: at('05'), event: 'Email Opened', channel: 'email', direction: 'inbound' },
 *     { id: 'i3', customerId: 'c2', timestamp: at('06'), event: 'Email Opened', channel: 'email', direction: 'inbound' },
 *   ],
 *   [{ customerId: 'c1', at: at('06'), value: 120 }],
 *   { lookbackDays: 30 },
 * );
 * paths.map((p) => [p.customerId, p.touches, p.converted]);
 * //=> [['c1', ['social', 'email'], true], ['c2', ['email'], false]]
 * ```
 * @category Journey
 */
export function customerPaths(
  interactions: Iterable<Interaction>,
  conversions: Iterable<ConversionEvent>,
  options: CustomerPathOptions = {},
): CustomerPath[] {
  const lookbackDays = options.lookbackDays ?? 30;
  if (typeof lookbackDays !== 'number' || !(lookbackDays > 0) || lookbackDays === Infinity) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option lookbackDays: must be a positive finite number', { details: { lookbackDays } });
  }
  const key = options.key ?? 'channel';
  if (typeof key !== 'function' && !['channel', 'touchpoint', 'event', 'campaign'].includes(key)) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option key: must be channel, touchpoint, event, campaign or a function', { details: { key } });
  }
  const reset = options.resetAtConversion ?? true;
  const includeNon = options.includeNonConverting ?? true;
  const asOfMs = options.asOf?.getTime();
  if (asOfMs !== undefined && !Number.isFinite(asOfMs)) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option asOf: must be a valid Date', { details: { asOf: options.asOf } });
  }
  const lookbackMs = lookbackDays * MS_PER_DAY;

  const touchesByCustomer = new Map<string, Interaction[]>();
  const labels = new Map<Interaction, string>();
  for (const i of interactions) {
    const customerId = i.customerId;
    if (customerId === undefined) continue;
    const t = i.timestamp.getTime();
    if (asOfMs !== undefined && t > asOfMs) continue;
    const label = labelOf(key, i);
    if (label === undefined) continue;
    labels.set(i, label);
    let list = touchesByCustomer.get(customerId);
    if (list === undefined) touchesByCustomer.set(customerId, (list = []));
    list.push(i);
  }
  const conversionsByCustomer = new Map<string, ConversionEvent[]>();
  let k = 0;
  for (const c of conversions) {
    const bad = (field: string, message: string): JornadaError =>
      new JornadaError('INVALID_INPUT', `Invalid conversions at ${k}.${field}: ${message}`, {
        issues: [{ path: ['conversions', k, field], message }],
      });
    if (typeof c !== 'object' || c === null) {
      throw new JornadaError('INVALID_INPUT', `Invalid conversions at ${k}: must be an object`, {
        issues: [{ path: ['conversions', k], message: 'must be an object' }],
      });
    }
    if (typeof c.customerId !== 'string' || c.customerId === '') throw bad('customerId', 'must be a non-empty string');
    if (!(c.at instanceof Date) || !Number.isFinite(c.at.getTime())) throw bad('at', 'must be a valid Date');
    if (c.value !== undefined && (typeof c.value !== 'number' || !(c.value >= 0) || c.value === Infinity)) {
      throw bad('value', 'must be a finite number ≥ 0');
    }
    k++;
    if (asOfMs !== undefined && c.at.getTime() > asOfMs) continue;
    let list = conversionsByCustomer.get(c.customerId);
    if (list === undefined) conversionsByCustomer.set(c.customerId, (list = []));
    list.push(c);
  }

  const customers = [...new Set([...touchesByCustomer.keys(), ...conversionsByCustomer.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: CustomerPath[] = [];
  for (const customerId of customers) {
    const touches = (touchesByCustomer.get(customerId) ?? []).sort(
      (a, b) => a.timestamp.getTime() - b.timestamp.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const times = new Float64Array(touches.length);
    for (let i = 0; i < touches.length; i++) times[i] = touches[i]!.timestamp.getTime();
    const converts = (conversionsByCustomer.get(customerId) ?? []).sort(
      (a, b) => a.at.getTime() - b.at.getTime() || ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0),
    );
    const slice = (from: number, to: number): Pick<CustomerPath, 'touches' | 'touchedAt' | 'interactionIds'> => {
      const picked = touches.slice(from, to);
      return { touches: picked.map((i) => labels.get(i)!), touchedAt: picked.map((i) => i.timestamp), interactionIds: picked.map((i) => i.id) };
    };
    let previous = -Infinity;
    for (const c of converts) {
      const at = c.at.getTime();
      let from = lowerBound(times, 0, times.length, at - lookbackMs, false);
      if (reset && previous > -Infinity) from = Math.max(from, lowerBound(times, 0, times.length, previous, true));
      const to = lowerBound(times, 0, times.length, at, true);
      const path: CustomerPath = { customerId, ...slice(from, Math.max(from, to)), converted: true, convertedAt: c.at, value: c.value ?? 0 };
      if (c.id !== undefined) path.conversionId = c.id;
      out.push(path);
      previous = at;
    }
    if (includeNon && touches.length > 0) {
      const end = asOfMs ?? times[times.length - 1]!;
      let from = lowerBound(times, 0, times.length, end - lookbackMs, false);
      if (previous > -Infinity) from = Math.max(from, lowerBound(times, 0, times.length, previous, true));
      const to = lowerBound(times, 0, times.length, end, true);
      if (to > from) out.push({ customerId, ...slice(from, to), converted: false, value: 0 });
    }
  }
  return out;
}

/**
 * Options of {@link attributionPathsFromCustomerPaths}.
 *
 * @category Journey
 */
export interface AttributionPathsFromCustomerPathsOptions {
  /**
   * Merge identical touch sequences into one path with summed counts (faster attribution on large
   * bases); default `false`. Merged paths carry no `hoursToConversion`, so time decay cannot use them.
   */
  aggregate?: boolean;
}

/**
 * Turns customer paths into attribution input: a converted path becomes one conversion with its value
 * and the hours from each touch to the conversion; a non-converting path becomes one null. Paths
 * without touches are left out (nothing can be credited for them).
 *
 * @param paths - From {@link customerPaths}.
 * @param options - Whether to merge identical sequences.
 * @returns The attribution paths.
 *
 * @example
 * ```ts
 * attributionPathsFromCustomerPaths([{ customerId: 'c1', touches: ['social', 'email'],
 *   touchedAt: [new Date('2026-05-01T12:00:00Z'), new Date('2026-05-05T12:00:00Z')], interactionIds: ['i1', 'i2'],
 *   converted: true, convertedAt: new Date('2026-05-06T12:00:00Z'), value: 120 }]);
 * //=> [{ touches: ['social', 'email'], conversions: 1, value: 120, nulls: 0, hoursToConversion: [120, 24] }]
 * ```
 * @category Journey
 */
export function attributionPathsFromCustomerPaths(
  paths: Iterable<CustomerPath>,
  options: AttributionPathsFromCustomerPathsOptions = {},
): AttributionPath[] {
  const out: AttributionPath[] = [];
  const merged = new Map<string, AttributionPath>();
  for (const p of paths) {
    if (p.touches.length === 0) continue;
    if (options.aggregate === true) {
      const id = p.touches.join('\u0000');
      let row = merged.get(id);
      if (row === undefined) {
        row = { touches: [...p.touches], conversions: 0, value: 0, nulls: 0 };
        merged.set(id, row);
        out.push(row);
      }
      if (p.converted) {
        row.conversions += 1;
        row.value += p.value;
      } else row.nulls += 1;
      continue;
    }
    if (p.converted && p.convertedAt !== undefined) {
      const end = p.convertedAt.getTime();
      out.push({
        touches: [...p.touches],
        conversions: 1,
        value: p.value,
        nulls: 0,
        hoursToConversion: p.touchedAt.map((t) => (end - t.getTime()) / 3_600_000),
      });
    } else out.push({ touches: [...p.touches], conversions: 0, value: 0, nulls: 1 });
  }
  return out;
}
