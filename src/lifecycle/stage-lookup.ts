/**
 * Point lookups in replayed histories: a customer's stage or status at any instant.
 *
 * @module
 */
import type { LifecycleReplay, LifecycleStatus } from './replay.js';

/** Index of the last transition at or before `t` (binary search), or -1. */
function lastAtOrBefore(ats: readonly number[], t: number): number {
  let lo = 0;
  let hi = ats.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ats[mid] as number) <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/**
 * A lookup of each customer's stage at any instant, from a replay: `(customerId, at) => stage id`, or
 * `undefined` for an unknown customer or an instant before they became known. Its shape is the
 * `StageAtFunction` of `jornada/journey`, so the journey map can place each touch in the stage the
 * customer was in at the time. Instants after the replay's `asOf` get the stage at `asOf`.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @returns The lookup (a binary search over the customer's transitions).
 *
 * @example
 * ```ts
 * const stageAt = lifecycleStageLookup(replayLifecycle({
 *   customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 *   orders: [{ id: 'o', customerId: 'c', placedAt: new Date('2026-01-10T00:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 90, items: [] }],
 * }, { asOf: new Date('2026-03-01T00:00:00Z') }));
 * [stageAt('c', new Date('2026-01-05T00:00:00Z')), stageAt('c', new Date('2026-01-20T00:00:00Z')), stageAt('x', new Date())];
 * //=> ['reach', 'acquisition', undefined]
 * ```
 * @category Lifecycle
 */
export function lifecycleStageLookup(replay: LifecycleReplay): (customerId: string, at: Date) => string | undefined {
  const byId = new Map<string, { ats: number[]; stages: string[] }>();
  for (const h of replay.histories) byId.set(h.customerId, { ats: h.stageTransitions.map((t) => t.at.getTime()), stages: h.stageTransitions.map((t) => t.stage) });
  return (customerId, at) => {
    const e = byId.get(customerId);
    if (e === undefined) return undefined;
    const k = lastAtOrBefore(e.ats, at.getTime());
    return k < 0 ? undefined : e.stages[k];
  };
}

/**
 * A lookup of each customer's status at any instant, from a replay; `undefined` for an unknown customer
 * or an instant before they became known. Instants after the replay's `asOf` get the status at `asOf`.
 *
 * @param replay - The result of {@link replayLifecycle}.
 * @returns The lookup.
 *
 * @example
 * ```ts
 * const statusAt = lifecycleStatusLookup(replayLifecycle({
 *   customers: [{ id: 'c', createdAt: new Date('2026-01-01T00:00:00Z') }],
 * }, { asOf: new Date('2026-06-01T00:00:00Z') }));
 * // never bought: 60-day default rhythm, at risk after 90 days (1 Apr)
 * [statusAt('c', new Date('2026-03-01T00:00:00Z')), statusAt('c', new Date('2026-04-01T00:00:00Z'))];
 * //=> ['active', 'at_risk']
 * ```
 * @category Lifecycle
 */
export function lifecycleStatusLookup(replay: LifecycleReplay): (customerId: string, at: Date) => LifecycleStatus | undefined {
  const byId = new Map<string, { ats: number[]; statuses: LifecycleStatus[] }>();
  for (const h of replay.histories) byId.set(h.customerId, { ats: h.statusTransitions.map((t) => t.at.getTime()), statuses: h.statusTransitions.map((t) => t.status) });
  return (customerId, at) => {
    const e = byId.get(customerId);
    if (e === undefined) return undefined;
    const k = lastAtOrBefore(e.ats, at.getTime());
    return k < 0 ? undefined : e.statuses[k];
  };
}
