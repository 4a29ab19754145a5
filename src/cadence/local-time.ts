/**
 * Local wall-clock arithmetic in IANA zones through `@date-fns/tz` (internal): local parts of an
 * instant, the instant of a local day and time, quiet-hour tests and the next allowed moment.
 *
 * @internal
 * @module
 */
import { TZDate } from '@date-fns/tz';

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
  const d = new TZDate(t, zone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: d.getDay(), minuteOfDay: d.getHours() * 60 + d.getMinutes() };
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
  return new TZDate(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, 0, zone).getTime();
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
  return new TZDate(t, zone).toISOString();
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
