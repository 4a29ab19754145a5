/**
 * Calendar days, weeks, months and quarters of instants in an IANA time zone (internal). Offsets come
 * from the remembered spans of constant offset of `core/zone-time` (shared with the calendar and the
 * cadence planner), so that millions of instants cost a few hundred `Intl` readings per zone and offset
 * change rather than one per instant.
 *
 * @internal
 * @module
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { JornadaError } from '../core/errors.js';
import { shownValue } from './transactions.js';
import { MS_PER_DAY } from '../core/time.js';
import { civilFromDays } from '../core/civil-days.js';
import { startOfLocalDay, zoneOffsetMs } from '../core/zone-time.js';

/**
 * @internal Throws `INVALID_OPTION` unless `timeZone` is an IANA zone name known to the runtime.
 * @param timeZone - The option's value.
 */
export function checkTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    throw new JornadaError('INVALID_OPTION', `timeZone must be an IANA time-zone name such as America/Sao_Paulo, got ${shownValue(timeZone)}`, {
      issues: [{ path: ['timeZone'], message: 'unknown time zone', code: 'invalid_time_zone' }],
    });
  }
  return timeZone;
}

/**
 * @internal Returns a function giving the local calendar day of an instant as a day number (days since
 * 1970-01-01 in the zone's wall clock).
 * @param timeZone - IANA zone name (already checked).
 */
export function createLocalDayIndexer(timeZone: string): (ms: number) => number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return (ms) => Math.floor(ms / MS_PER_DAY);
  return (ms) => Math.floor((ms + zoneOffsetMs(timeZone, ms)) / MS_PER_DAY);
}

export { civilFromDays, daysFromCivil, type CivilDate } from '../core/civil-days.js';

/**
 * @internal The instant of local midnight (or the first existing local time) starting a local day.
 * @param timeZone - IANA zone name.
 * @param days - Local day number.
 */
export function localDayStartMs(timeZone: string, days: number): number {
  const { year, month, day } = civilFromDays(days);
  if (year >= 1583) return startOfLocalDay(year, month, day, timeZone);
  // Before the Gregorian calendar's first full year (outside the calendar module's range): TZDate. The
  // Date constructor reads years 0..99 as 1900..1999: build such a date 400 years (146,097 days, one
  // Gregorian cycle) later and move it back.
  if (year >= 0 && year < 100) return new TZDate(year + 400, month - 1, day, timeZone).getTime() - 146_097 * MS_PER_DAY;
  return new TZDate(year, month - 1, day, timeZone).getTime();
}

/**
 * @internal `YYYY-MM-DD` of a day number.
 * @param days - Day number.
 */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
