/**
 * Local wall-clock arithmetic in IANA zones (internal), shared by the modules that read local days
 * and times in bulk (`jornada/calendar`, `jornada/cadence`): the zone's UTC offset at an instant,
 * the local parts of an instant and the instant of a local day and time.
 *
 * The offset comes from `@date-fns/tz`'s `tzOffset` (the runtime's IANA database) and is memoised as
 * spans of constant offset, bounded by whole seconds of UTC: the IANA database dates changes to the
 * second (local mean times before standard time had offsets such as −0:44:30 in Monrovia until 1972),
 * and no zone changes offset twice within a day. A zone costs a few hundred readings per offset change
 * instead of one per call; the property tests check local days and times against
 * `Intl.DateTimeFormat` in every zone.
 *
 * `tzOffset` (`@date-fns/tz` 1.x) drops the sign of offsets between −1 h and 0 (it reads
 * `GMT-0:44:30` as +44.5 minutes); such readings are taken from `Intl` parts instead.
 *
 * @internal
 * @module
 */
import { tzOffset } from '@date-fns/tz';
import { civilFromDays } from './civil-days.js';

const SECOND_MS = 1000;
const PROBE_MS = 86_400_000;
const REACH_MS = 370 * PROBE_MS;

/** A stretch of time over which a zone keeps one UTC offset: [start, end), on whole seconds. */
interface OffsetSpan {
  start: number;
  end: number;
  offset: number;
}
const spansByZone = new Map<string, OffsetSpan[]>();

function offsetAtSecond(zone: string, q: number): number {
  const minutes = tzOffset(zone, new Date(q));
  if (minutes !== 0 && minutes > -60 && minutes < 60) return offsetFromParts(zone, q);
  return Math.round(minutes * 60_000);
}

const partReaders = new Map<string, Intl.DateTimeFormat>();

/** The offset at `q` (whole seconds) from the wall-clock parts `Intl` shows there. */
function offsetFromParts(zone: string, q: number): number {
  let reader = partReaders.get(zone);
  if (reader === undefined) {
    reader = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partReaders.set(zone, reader);
  }
  const v: Record<string, number> = {};
  for (const p of reader.formatToParts(new Date(q))) if (p.type !== 'literal') v[p.type] = Number(p.value);
  const wall = new Date(0);
  wall.setUTCFullYear(v['year'] ?? 1970, (v['month'] ?? 1) - 1, v['day'] ?? 1);
  wall.setUTCHours(v['hour'] ?? 0, v['minute'] ?? 0, v['second'] ?? 0, 0);
  return wall.getTime() - q;
}

/** Finds the span of constant offset around the second `q` by probing day by day, then bisecting. */
function discoverSpan(zone: string, q: number): OffsetSpan {
  const offset = offsetAtSecond(zone, q);
  const [lastAfter, firstOther] = walkToChange(zone, q, offset, 1);
  const [firstBefore] = walkToChange(zone, q, offset, -1);
  return { start: firstBefore, end: Number.isNaN(firstOther) ? lastAfter + SECOND_MS : firstOther, offset };
}

/**
 * From the second `q`, in direction `dir` (1 forward, −1 backward): the farthest second known to keep
 * `offset` and the nearest one known not to (NaN when no change lies within reach), found by probing
 * day by day and then bisecting to the second.
 */
function walkToChange(zone: string, q: number, offset: number, dir: 1 | -1): [number, number] {
  let same = q;
  let other = Number.NaN;
  while (Math.abs(same - q) < REACH_MS) {
    const probe = same + dir * PROBE_MS;
    if (offsetAtSecond(zone, probe) === offset) same = probe;
    else {
      other = probe;
      break;
    }
  }
  if (!Number.isNaN(other)) {
    while (Math.abs(other - same) > SECOND_MS) {
      const mid = same + dir * Math.floor(Math.abs(other - same) / 2 / SECOND_MS) * SECOND_MS;
      if (offsetAtSecond(zone, mid) === offset) same = mid;
      else other = mid;
    }
  }
  return [same, other];
}

/**
 * The zone's offset from UTC at an instant, in milliseconds. Offsets are read from `@date-fns/tz` and
 * kept as spans of constant offset (found by probing each day and bisecting to the second), so
 * a zone costs a few hundred readings per offset change instead of one per call.
 *
 * @param zone - IANA zone.
 * @param t - Epoch milliseconds.
 * @returns Offset in milliseconds (−3 h for São Paulo since 2019).
 * @internal
 */
export function zoneOffsetMs(zone: string, t: number): number {
  return spanAt(zone, t).offset;
}

/** The memoised span of constant offset that holds `t`. */
function spanAt(zone: string, t: number): OffsetSpan {
  let spans = spansByZone.get(zone);
  if (spans === undefined) spansByZone.set(zone, (spans = []));
  for (let i = spans.length - 1; i >= 0; i--) {
    const sp = spans[i] as OffsetSpan;
    if (t >= sp.start && t < sp.end) return sp;
  }
  const sp = discoverSpan(zone, Math.floor(t / SECOND_MS) * SECOND_MS);
  if (spans.length >= 64) spans.shift();
  spans.push(sp);
  return sp;
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
  const minuteOfDay = Math.floor((wall - days * 86_400_000) / 60_000);
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
 * The first instant of a local day (month 1–12; day may overflow into the next month): local
 * midnight, or — when the zone skips midnight — the instant the clocks jump over it (São Paulo on
 * 4 November 2018 began at 01:00; Nassau on 31 March 1919 at 00:30). A day the zone skipped whole
 * (Kiritimati, 31 December 1994) starts and ends at the same instant.
 *
 * @param year - See the summary.
 * @param month - See the summary.
 * @param day - See the summary.
 * @param zone - See the summary.
 * @returns Epoch milliseconds.
 * @internal
 */
export function startOfLocalDay(year: number, month: number, day: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  const before = zoneOffsetMs(zone, wall - 86_400_000);
  const after = zoneOffsetMs(zone, wall + 86_400_000);
  const t1 = wall - before;
  if (zoneOffsetMs(zone, t1) === before) return t1;
  const t2 = wall - after;
  if (zoneOffsetMs(zone, t2) === after) return t2;
  // Midnight falls in a gap: t1 (read with the offset before the change) lies after the change, in
  // the span that the change opens.
  return spanAt(zone, t1).start;
}
