/**
 * Local wall-clock arithmetic in IANA zones through `@date-fns/tz` (internal): local parts of an
 * instant, the instant of a local day and time, quiet-hour tests and the next allowed moment.
 *
 * The zone's UTC offset at an instant comes from `@date-fns/tz`'s `tzOffset` (the runtime's IANA
 * database) and is memoised as spans of constant offset, bounded by whole minutes of UTC: offset
 * changes of the IANA database since 1970 fall on whole minutes (St. John's changed at 00:01 local
 * until 2011), and none undoes itself within a day. This is what makes the planner fast; the property tests check its local times against
 * `Intl.DateTimeFormat`.
 *
 * @internal
 * @module
 */
import { tzOffset } from '@date-fns/tz';
import { civilFromDays } from '../core/civil-days.js';

const MINUTE_MS = 60_000;
const PROBE_MS = 86_400_000;
const REACH_MS = 370 * PROBE_MS;

/** A stretch of time over which a zone keeps one UTC offset: [start, end), on whole minutes. */
interface OffsetSpan {
  start: number;
  end: number;
  offset: number;
}
const spansByZone = new Map<string, OffsetSpan[]>();

function offsetAtMinute(zone: string, q: number): number {
  return tzOffset(zone, new Date(q)) * 60_000;
}

/** Finds the span of constant offset around the minute `q` by probing day by day, then bisecting. */
function discoverSpan(zone: string, q: number): OffsetSpan {
  const offset = offsetAtMinute(zone, q);
  // Forward: the last minute known to share the offset, and the first known not to.
  let same = q;
  let other = Number.NaN;
  while (same - q < REACH_MS) {
    const probe = same + PROBE_MS;
    if (offsetAtMinute(zone, probe) === offset) same = probe;
    else {
      other = probe;
      break;
    }
  }
  let end = same + MINUTE_MS;
  if (!Number.isNaN(other)) {
    while (other - same > MINUTE_MS) {
      const mid = same + Math.floor((other - same) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAtMinute(zone, mid) === offset) same = mid;
      else other = mid;
    }
    end = other;
  }
  // Backward, the same way.
  same = q;
  other = Number.NaN;
  while (q - same < REACH_MS) {
    const probe = same - PROBE_MS;
    if (offsetAtMinute(zone, probe) === offset) same = probe;
    else {
      other = probe;
      break;
    }
  }
  let start = same;
  if (!Number.isNaN(other)) {
    while (same - other > MINUTE_MS) {
      const mid = other + Math.ceil((same - other) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAtMinute(zone, mid) === offset) same = mid;
      else other = mid;
    }
    start = same;
  }
  return { start, end, offset };
}

/**
 * The zone's offset from UTC at an instant, in milliseconds. Offsets are read from `@date-fns/tz` and
 * kept as spans of constant offset (found by probing each day and bisecting to the minute), so
 * a zone costs a few hundred readings per offset change instead of one per call.
 *
 * @param zone - IANA zone.
 * @param t - Epoch milliseconds.
 * @returns Offset in milliseconds (−3 h for São Paulo since 2019).
 * @internal
 */
export function zoneOffsetMs(zone: string, t: number): number {
  let spans = spansByZone.get(zone);
  if (spans === undefined) spansByZone.set(zone, (spans = []));
  for (let i = spans.length - 1; i >= 0; i--) {
    const sp = spans[i] as OffsetSpan;
    if (t >= sp.start && t < sp.end) return sp.offset;
  }
  const sp = discoverSpan(zone, Math.floor(t / MINUTE_MS) * MINUTE_MS);
  if (spans.length >= 64) spans.shift();
  spans.push(sp);
  return sp.offset;
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
  // The wall clock read as UTC, split into a day number and the minute of that day; the calendar date
  // of the day number by Hinnant's civil_from_days (no Date is built).
  const wall = t + zoneOffsetMs(zone, t);
  const days = Math.floor(wall / 86_400_000);
  const minuteOfDay = Math.floor((wall - days * 86_400_000) / MINUTE_MS);
  const { year, month, day } = civilFromDays(days);
  // 1970-01-01 (day 0) was a Thursday (4).
  const weekday = (((days + 4) % 7) + 7) % 7;
  return { year, month, day, weekday, minuteOfDay };
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
  // The offsets a day before and a day after (no zone changes twice within a day): the wall time read
  // with each; the earliest reading that holds wins (a repeated time takes its first occurrence); if
  // neither holds, the time falls in a gap and the offset before the change carries it forward.
  const before = zoneOffsetMs(zone, wall - 86_400_000);
  const after = zoneOffsetMs(zone, wall + 86_400_000);
  const t1 = wall - before;
  if (zoneOffsetMs(zone, t1) === before) return t1;
  const t2 = wall - after;
  if (zoneOffsetMs(zone, t2) === after) return t2;
  return t1;
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
  let texts = localIsoTexts.get(zone);
  if (texts === undefined) {
    if (localIsoTexts.size >= 1024) localIsoTexts.clear();
    localIsoTexts.set(zone, (texts = new Map()));
  }
  let text = texts.get(t);
  if (text === undefined) {
    text = formatLocalIso(t, zone);
    if (texts.size >= 4096) texts.clear();
    texts.set(t, text);
  }
  return text;
}

// Planned times repeat across customers of a zone: keep the text of recent ones (bounded).
const localIsoTexts = new Map<string, Map<number, string>>();

function formatLocalIso(t: number, zone: string): string {
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
