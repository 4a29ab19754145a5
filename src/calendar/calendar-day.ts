/**
 * Calendar days (a year, a month and a day, without time or zone) and the pure arithmetic on them.
 *
 * Day arithmetic goes through a serial day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar) computed with the civil-from-days / days-from-civil algorithms described by Howard Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms" (2013, howardhinnant.github.io/date_algorithms.html).
 * No `Date` and no machine time zone are involved, so nothing here depends on `process.env.TZ`.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { civilFromDays, daysFromCivil } from '../core/civil-days.js';
import { localParts, startOfLocalDay } from '../core/zone-time.js';
import { JornadaError } from '../core/errors.js';
import { InstantSchema } from '../model/common.js';
import { showValue } from '../core/show-value.js';

/**
 * A local calendar day: what a wall calendar shows, without a time of day or a time zone. Which
 * instants it covers depends on the zone it is read in (see {@link calendarDayRange}).
 *
 * @example
 * ```ts
 * const mothersDay: CalendarDay = { year: 2026, month: 5, day: 10 };
 * ```
 * @category Calendar
 */
export interface CalendarDay {
  /** Year of the Gregorian calendar, 1583–9999. */
  year: number;
  /** Month, 1–12. */
  month: number;
  /** Day of month, 1–31, valid for the month. */
  day: number;
}

/**
 * Day of the week, in English lower case, as rule documents spell it.
 *
 * @category Calendar
 */
export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/**
 * The weekdays in the order of `Date#getDay()` (Sunday = 0).
 *
 * @example
 * ```ts
 * WEEKDAYS[calendarWeekday({ year: 2026, month: 11, day: 27 })]; //=> 'friday'
 * ```
 * @category Calendar
 */
export const WEEKDAYS: readonly Weekday[] = Object.freeze([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
]);

/** First year the library computes dates for: the first full year of the Gregorian calendar. */
export const MIN_CALENDAR_YEAR = 1583;
/** Last year the library computes dates for. */
export const MAX_CALENDAR_YEAR = 9999;

// Local days are read from the memoised zone offsets of `core/zone-time` (checked against `Intl` in
// every zone from 1583 to 2040); before 1583, outside the calendar's years, from `TZDate`. The memoised
// reading also gives the true first instant of a day whose midnight repeats (Tunis 1977, Amman 1995–96,
// Antarctic stations 2009–2023: a fall-back at 01:00 to 00:00) or is skipped by a jump that does not
// start at midnight (Nassau, 31 March 1919: 23:30 → 00:30), where `TZDate` gives another instant.
const FAST_ZONE_FROM_YEAR = MIN_CALENDAR_YEAR;
const FAST_ZONE_FROM_MS = Date.UTC(FAST_ZONE_FROM_YEAR, 0, 2);

/**
 * Whether a year of the Gregorian calendar has 29 February (divisible by 4, except centuries not
 * divisible by 400).
 *
 * @param year - A Gregorian year.
 * @returns `true` for leap years.
 *
 * @example
 * ```ts
 * isGregorianLeapYear(2028); //=> true
 * isGregorianLeapYear(2100); //=> false
 * ```
 * @category Calendar
 */
export function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Number of days in a month of a Gregorian year.
 *
 * @param year - A Gregorian year.
 * @param month - Month, 1–12.
 * @returns 28–31; `NaN` for a month outside 1–12.
 *
 * @example
 * ```ts
 * daysInCalendarMonth(2027, 2); //=> 28
 * daysInCalendarMonth(2028, 2); //=> 29
 * ```
 * @category Calendar
 */
export function daysInCalendarMonth(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  return MONTH_LENGTHS[month - 1] ?? Number.NaN;
}

/**
 * Serial number of a calendar day: days since 1970-01-01 (negative before it). Subtracting two serials
 * gives the number of calendar days between them, whatever the time zone.
 *
 * @param day - A calendar day.
 * @returns An integer; 1970-01-01 is 0.
 *
 * @example
 * ```ts
 * calendarDaySerial({ year: 1970, month: 1, day: 2 }); //=> 1
 * calendarDaySerial({ year: 2026, month: 1, day: 1 }); //=> 20454
 * ```
 * @category Calendar
 */
export function calendarDaySerial(day: CalendarDay): number {
  return daysFromCivil(day.year, day.month, day.day);
}

/**
 * The calendar day of a serial number (inverse of {@link calendarDaySerial}).
 *
 * @param serial - Days since 1970-01-01.
 * @returns The calendar day.
 *
 * @example
 * ```ts
 * calendarDayFromSerial(20454); //=> { year: 2026, month: 1, day: 1 }
 * ```
 * @category Calendar
 */
export function calendarDayFromSerial(serial: number): CalendarDay {
  return civilFromDays(serial);
}

/**
 * Day of the week of a calendar day.
 *
 * @param day - A calendar day.
 * @returns 0 for Sunday … 6 for Saturday (as `Date#getDay()`).
 *
 * @example
 * ```ts
 * calendarWeekday({ year: 2026, month: 5, day: 10 }); //=> 0 (a Sunday)
 * ```
 * @category Calendar
 */
export function calendarWeekday(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((calendarDaySerial(day) + 4) % 7) + 7) % 7;
}

/**
 * The calendar day `days` days after (or, when negative, before) another.
 *
 * @param day - A calendar day.
 * @param days - Whole days to add; may be negative.
 * @returns The shifted day.
 *
 * @example
 * ```ts
 * addCalendarDays({ year: 2026, month: 11, day: 26 }, 1); //=> { year: 2026, month: 11, day: 27 }
 * addCalendarDays({ year: 2026, month: 3, day: 1 }, -1); //=> { year: 2026, month: 2, day: 28 }
 * ```
 * @category Calendar
 */
export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return calendarDayFromSerial(calendarDaySerial(day) + days);
}

/**
 * A calendar day as ISO 8601 `YYYY-MM-DD`.
 *
 * @param day - A calendar day.
 * @returns The ISO calendar date.
 *
 * @example
 * ```ts
 * formatCalendarDay({ year: 2026, month: 5, day: 10 }); //=> '2026-05-10'
 * ```
 * @category Calendar
 */
export function formatCalendarDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/**
 * Reads an ISO 8601 calendar date `YYYY-MM-DD`.
 *
 * @param text - The date, e.g. `2026-05-10`.
 * @returns The calendar day.
 * @throws {JornadaError} `INVALID_INPUT` when the text is not a valid date of the Gregorian calendar
 *   between 1583 and 9999.
 *
 * @example
 * ```ts
 * parseCalendarDay('2026-05-10'); //=> { year: 2026, month: 5, day: 10 }
 * ```
 * @category Calendar
 */
export function parseCalendarDay(text: string): CalendarDay {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (
    m === null ||
    year < MIN_CALENDAR_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInCalendarMonth(year, month)
  ) {
    throw new JornadaError('INVALID_INPUT', `Invalid calendar day: ${shownValue(text)}`, {
      issues: [{ path: [], message: `not a calendar day YYYY-MM-DD between 1583 and 9999: ${shownValue(text)}`, code: 'invalid_date' }],
    });
  }
  return { year, month, day };
}

/** @internal The library's safe rendering of a value for an error message (`core/show-value`). */
export const shownValue = showValue;

/**
 * Epoch milliseconds of an instant given at the edge: a valid `Date`, or an ISO-8601 date-time string
 * **with** an offset or `Z` (a string without offset names no instant).
 *
 * @param value - The instant.
 * @param path - Name of the argument or option, for the issue path.
 * @returns Milliseconds since the epoch.
 * @throws {JornadaError} `INVALID_INPUT` for anything else.
 * @internal
 */
export function instantMs(value: unknown, path: string): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isNaN(t)) return t;
  } else if (typeof value === 'string') {
    const r = InstantSchema.safeParse(value);
    if (r.success) return r.data.getTime();
  }
  throw new JornadaError('INVALID_INPUT', `Invalid ${path}: ${shownValue(value)}`, {
    issues: [{ path: [path], message: 'must be a valid Date or an ISO-8601 date-time string with an offset or Z', code: 'invalid_date' }],
  });
}

/**
 * Checks that an options argument is an object.
 *
 * @param options - The options given.
 * @returns Nothing; throws when they are not an object.
 * @throws {JornadaError} `INVALID_OPTION` when `options` is not an object.
 * @internal
 */
export function requireOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new JornadaError('INVALID_OPTION', 'Options must be an object', { issues: [{ path: [], message: 'must be an object', code: 'invalid_type' }] });
  }
}

const zoneCache = new Map<string, boolean>();

/**
 * Checks that a time zone name is an IANA zone the runtime knows (`America/Sao_Paulo`, `UTC`).
 *
 * @param timeZone - The zone name.
 * @param path - Path reported in the issue.
 * @param code - Error code: `INVALID_OPTION` for an option, `INVALID_INPUT` for a record's field.
 * @returns The zone name.
 * @internal
 */
export function assertTimeZone(
  timeZone: string,
  path: readonly (string | number)[] = ['timeZone'],
  code: 'INVALID_OPTION' | 'INVALID_INPUT' = 'INVALID_OPTION',
): string {
  let ok = typeof timeZone === 'string' ? zoneCache.get(timeZone) : false;
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = typeof timeZone === 'string' && timeZone.length > 0;
    } catch {
      ok = false;
    }
    if (zoneCache.size < 1024) zoneCache.set(timeZone, ok);
  }
  if (!ok) {
    throw new JornadaError(code, `Unknown time zone: ${shownValue(timeZone)}`, {
      issues: [{ path, message: `not an IANA time zone: ${shownValue(timeZone)}`, code: 'invalid_time_zone' }],
    });
  }
  return timeZone;
}

/**
 * The local calendar day that an instant falls on in an IANA time zone.
 *
 * @param instant - An instant (a `Date`, or an ISO-8601 string with offset).
 * @param timeZone - IANA zone name, e.g. `America/Sao_Paulo`.
 * @returns The day a wall calendar in that zone shows at that instant.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant; `INVALID_OPTION` for an unknown zone.
 *
 * @example
 * ```ts
 * // 02:00 UTC on 1 Nov is still 31 Oct in São Paulo (UTC−3).
 * calendarDayInZone(new Date('2026-11-01T02:00:00Z'), 'America/Sao_Paulo'); //=> { year: 2026, month: 10, day: 31 }
 * ```
 * @category Calendar
 */
export function calendarDayInZone(instant: Date | string, timeZone: string): CalendarDay {
  const t = instantMs(instant, 'instant');
  assertTimeZone(timeZone);
  return dayOfInstant(t, timeZone);
}

/**
 * Local day of an epoch-millisecond instant in a zone already checked (hot path).
 *
 * @param epochMs - The instant in milliseconds since the epoch.
 * @param timeZone - A checked IANA zone.
 * @returns The local day.
 * @internal
 */
export function dayOfInstant(epochMs: number, timeZone: string): CalendarDay {
  if (epochMs >= FAST_ZONE_FROM_MS) {
    const p = localParts(epochMs, timeZone);
    return { year: p.year, month: p.month, day: p.day };
  }
  const local = new TZDate(epochMs, timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/**
 * First instant (epoch ms) of a local day in a zone already checked (hot path).
 *
 * @param day - The local day.
 * @param timeZone - A checked IANA zone.
 * @returns Milliseconds since the epoch.
 * @internal
 */
export function startOfDayInZone(day: CalendarDay, timeZone: string): number {
  if (day.year >= FAST_ZONE_FROM_YEAR) return startOfLocalDay(day.year, day.month, day.day, timeZone);
  return new TZDate(day.year, day.month - 1, day.day, timeZone).getTime();
}



/**
 * The instants a local day covers in a time zone.
 *
 * @category Calendar
 */
export interface CalendarDayRange {
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). */
  end: Date;
}

/**
 * The instants a local calendar day covers in an IANA time zone: from its first instant (inclusive)
 * to the first instant of the next day (exclusive). Usually 24 hours; 23 or 25 hours on a day with a
 * daylight-saving change; when a zone skips midnight, the day starts at the first wall-clock time that
 * exists (Brazil's old DST started at 00:00, so 2018-11-04 began at 01:00 in São Paulo).
 *
 * @param day - A calendar day.
 * @param timeZone - IANA zone name.
 * @returns `start` (inclusive) and `end` (exclusive) instants.
 * @throws {JornadaError} `INVALID_OPTION` for an unknown zone.
 *
 * @example
 * ```ts
 * const r = calendarDayRange({ year: 2026, month: 5, day: 10 }, 'America/Sao_Paulo');
 * r.start.toISOString(); //=> '2026-05-10T03:00:00.000Z'
 * r.end.toISOString();   //=> '2026-05-11T03:00:00.000Z'
 * ```
 * @category Calendar
 */
export function calendarDayRange(day: CalendarDay, timeZone: string): CalendarDayRange {
  assertTimeZone(timeZone);
  const start = startOfDayInZone(day, timeZone);
  const end = startOfDayInZone(addCalendarDays(day, 1), timeZone);
  return { start: new Date(start), end: new Date(end) };
}
