/**
 * Local wall-clock arithmetic of the planner (internal): local ISO texts, quiet-hour tests, the next
 * allowed moment and calendar-period bounds, on the memoised zone offsets of `core/zone-time`.
 *
 * @internal
 * @module
 */
import { instantAtLocal, localParts, zoneOffsetMs } from '../core/zone-time.js';

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
