/**
 * Local wall-clock arithmetic in IANA zones through `@date-fns/tz` (internal): local parts of an
 * instant, the instant of a local day and time, quiet-hour tests and the next allowed moment.
 *
 * The zone's UTC offset at an instant comes from `@date-fns/tz`'s `tzOffset` (the runtime's IANA
 * database) and is memoised per zone and UTC quarter-hour: every offset change of the IANA database
 * since 1970 falls on a whole quarter-hour of UTC, so one reading holds for the whole quarter. This is
 * what makes the planner fast; the property tests check its local times against `Intl.DateTimeFormat`.
 *
 * @internal
 * @module
 */
import { tzOffset } from '@date-fns/tz';

const QUARTER_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds (memoised per UTC quarter-hour).
 *
 * @param zone - IANA zone.
 * @param t - Epoch milliseconds.
 * @returns Offset in milliseconds (−3 h for São Paulo since 2019).
 * @internal
 */
export function zoneOffsetMs(zone: string, t: number): number {
  let byZone = offsetCache.get(zone);
  if (byZone === undefined) offsetCache.set(zone, (byZone = new Map()));
  const q = Math.floor(t / QUARTER_MS);
  let off = byZone.get(q);
  if (off === undefined) {
    off = tzOffset(zone, new Date(q * QUARTER_MS)) * 60_000;
    if (byZone.size > 200_000) byZone.clear();
    byZone.set(q, off);
  }
  return off;
}

/** Local reading of an instant. @internal */
export interface LocalParts {
  /** Year. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month. */
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes after local midnight (seconds ignored). */
  minuteOfDay: number;
}

/**
 * Local parts of an instant in a zone.
 *
 * @param t - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function localParts(t: number, zone: string): LocalParts {
  const d = new Date(t + zoneOffsetMs(zone, t));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/**
 * The instant of a local day (month 1–12; day may overflow into the next month) at a local time.
 * A time the zone skips (a DST gap) moves forward to the first instant that exists.
 *
 * @param year - See the summary.
 * @param month - See the summary.
 * @param day - See the summary.
 * @param minuteOfDay - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function instantAtLocal(year: number, month: number, day: number, minuteOfDay: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const o1 = zoneOffsetMs(zone, wall - zoneOffsetMs(zone, wall));
  const t = wall - o1;
  const o2 = zoneOffsetMs(zone, t);
  // Equal offsets: the wall time exists (the earlier one when it repeats). Different: it falls in a
  // gap, and the offset before the change carries it forward past the gap (02:30 → 03:30).
  return o2 === o1 ? t : wall - o2;
}

/**
 * The local time as ISO 8601 with the zone's offset (`2026-11-02T10:00:00.000-03:00`).
 *
 * @param t - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function localIso(t: number, zone: string): string {
  const off = zoneOffsetMs(zone, t);
  const wall = new Date(t + off).toISOString().slice(0, 23);
  const abs = Math.abs(off) / 60_000;
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Is a local minute of day inside `[from, to)`, crossing midnight when from > to?
 *
 * @param minute - See the summary.
 * @param from - See the summary.
 * @param to - See the summary.
 * @returns See the summary.
 * @internal
 */
export function inLocalInterval(minute: number, from: number, to: number): boolean {
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * The first instant ≥ t whose local time is `minuteOfDay` on an allowed weekday (bitmask, bit 0 =
 * Sunday; 127 = every day). A skipped local time moves forward to the first existing instant.
 *
 * @param t - See the summary.
 * @param minuteOfDay - See the summary.
 * @param weekdayMask - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function nextLocalTime(t: number, minuteOfDay: number, weekdayMask: number, zone: string): number {
  const p = localParts(t, zone);
  for (let k = 0; k < 15; k++) {
    const candidate = instantAtLocal(p.year, p.month, p.day + k, minuteOfDay, zone);
    if (candidate < t) continue;
    const w = localParts(candidate, zone).weekday;
    if ((weekdayMask & (1 << w)) !== 0) return candidate;
  }
  return t;
}

/**
 * Start of the local day after the one containing t.
 *
 * @param t - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function startOfNextLocalDay(t: number, zone: string): number {
  const p = localParts(t, zone);
  const next = instantAtLocal(p.year, p.month, p.day + 1, 0, zone);
  return next > t ? next : t + 3_600_000;
}

/**
 * Bounds [start, end) of the local day, week (starting on weekday `weekStart`) or month containing t.
 *
 * @param t - See the summary.
 * @param unit - See the summary.
 * @param weekStart - See the summary.
 * @param zone - See the summary.
 * @returns See the summary.
 * @internal
 */
export function localPeriod(t: number, unit: 'day' | 'week' | 'month', weekStart: number, zone: string): [number, number] {
  const p = localParts(t, zone);
  if (unit === 'day') return [instantAtLocal(p.year, p.month, p.day, 0, zone), instantAtLocal(p.year, p.month, p.day + 1, 0, zone)];
  if (unit === 'month') return [instantAtLocal(p.year, p.month, 1, 0, zone), instantAtLocal(p.year, p.month + 1, 1, 0, zone)];
  const back = (p.weekday - weekStart + 7) % 7;
  return [instantAtLocal(p.year, p.month, p.day - back, 0, zone), instantAtLocal(p.year, p.month, p.day - back + 7, 0, zone)];
}
