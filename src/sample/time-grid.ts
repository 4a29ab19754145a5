/**
 * Local time for the sample generator (internal): per-zone UTC offsets for every day of the history,
 * read once from `@date-fns/tz`, so that hot loops turn "this local date at this local hour" into an
 * instant with an array lookup. Also the stable time sort the generator uses for its output arrays.
 *
 * @internal
 * @module
 */
import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY } from '../core/time.js';

/** Offsets (minutes east of UTC) of a set of zones for each UTC day number in a range. */
export interface ZoneOffsets {
  /** First UTC day number (days since 1970-01-01) covered. */
  firstDay: number;
  /** Number of days covered. */
  days: number;
  /** Per zone: one offset for every day, or a single offset when the zone has none other in the range. */
  offsets: Int16Array[];
}

/**
 * Reads the offsets of `zones` for every day between `fromMs` and `toMs` (with a margin of a few days).
 * A zone whose offset is the same every fortnight of the range is stored as one value.
 *
 * @param zones - IANA zone names.
 * @param fromMs - Start of the range.
 * @param toMs - End of the range.
 * @returns The offsets table.
 * @internal
 */
export function buildZoneOffsets(zones: readonly string[], fromMs: number, toMs: number): ZoneOffsets {
  const firstDay = Math.floor(fromMs / MS_PER_DAY) - 3;
  const days = Math.floor(toMs / MS_PER_DAY) + 4 - firstDay;
  const offsets: Int16Array[] = [];
  for (const zone of zones) {
    const first = tzOffset(zone, new Date((firstDay + 0.5) * MS_PER_DAY));
    let constant = true;
    for (let d = 15; d < days; d += 15) {
      if (tzOffset(zone, new Date((firstDay + d + 0.5) * MS_PER_DAY)) !== first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      offsets.push(Int16Array.of(first));
      continue;
    }
    const table = new Int16Array(days);
    for (let d = 0; d < days; d++) table[d] = tzOffset(zone, new Date((firstDay + d + 0.5) * MS_PER_DAY));
    offsets.push(table);
  }
  return { firstDay, days, offsets };
}

/**
 * Offset in minutes of a zone on a day (clamped to the covered range).
 *
 * @param grid - The offsets table.
 * @param zone - Index of the zone.
 * @param day - UTC day number.
 * @returns Minutes east of UTC.
 * @internal
 */
export function offsetOn(grid: ZoneOffsets, zone: number, day: number): number {
  const table = grid.offsets[zone];
  if (table === undefined) return 0;
  if (table.length === 1) return table[0] ?? 0;
  const i = day - grid.firstDay;
  return table[i < 0 ? 0 : i >= table.length ? table.length - 1 : i] ?? 0;
}

/**
 * The instant of a local calendar day at a local time.
 *
 * @param grid - The offsets table.
 * @param zone - Index of the zone.
 * @param day - The local date as a UTC day number.
 * @param minutes - Minutes after local midnight.
 * @returns The instant, ms.
 * @internal
 */
export function localInstant(grid: ZoneOffsets, zone: number, day: number, minutes: number): number {
  return day * MS_PER_DAY + minutes * 60_000 - offsetOn(grid, zone, day) * 60_000;
}

/**
 * The local calendar day of an instant.
 *
 * @param grid - The offsets table.
 * @param zone - Index of the zone.
 * @param ms - The instant.
 * @returns The local date as a UTC day number.
 * @internal
 */
export function localDay(grid: ZoneOffsets, zone: number, ms: number): number {
  return Math.floor((ms + offsetOn(grid, zone, Math.floor(ms / MS_PER_DAY)) * 60_000) / MS_PER_DAY);
}

/**
 * The order that sorts `times[0..n)` ascending, ties by index: a counting sort into buckets of about
 * one item each, then a sort inside the (rare) crowded buckets. Linear time for spread-out times.
 *
 * @param times - Instants.
 * @param n - How many of them to sort.
 * @returns Indices in ascending time order.
 * @internal
 */
export function timeOrder(times: ArrayLike<number>, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = times[i] ?? 0;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const buckets = Math.max(1, Math.min(n, 1 << 22));
  const width = (max - min) / buckets + 1e-9;
  const start = new Uint32Array(buckets + 1);
  const key = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let k = Math.floor(((times[i] ?? 0) - min) / width);
    if (k >= buckets) k = buckets - 1;
    key[i] = k;
    start[k + 1] = (start[k + 1] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] ?? 0) + (start[b] ?? 0);
  const fill = start.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const k = key[i] ?? 0;
    order[fill[k] ?? 0] = i;
    fill[k] = (fill[k] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b++) {
    const lo = start[b] ?? 0;
    const hi = start[b + 1] ?? 0;
    if (hi - lo < 2) continue;
    if (hi - lo > 24) {
      const part = Array.from(order.subarray(lo, hi));
      part.sort((a, c) => (times[a] ?? 0) - (times[c] ?? 0) || a - c);
      order.set(part, lo);
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const v = order[i] ?? 0;
      const tv = times[v] ?? 0;
      let j = i - 1;
      while (j >= lo) {
        const u = order[j] ?? 0;
        const tu = times[u] ?? 0;
        if (tu < tv || (tu === tv && u < v)) break;
        order[j + 1] = u;
        j--;
      }
      order[j + 1] = v;
    }
  }
  return order;
}
