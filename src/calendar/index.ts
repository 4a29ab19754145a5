/**
 * Commercial and social calendars (Brazil, the United States, Portugal) as data, queries in IANA time
 * zones, and customer-relative dates (birthdays, anniversaries, days after the last purchase, days
 * before a replenishment) — the "right moment" of the relationship.
 *
 * - Date rules are JSON: a fixed month-day, the n-th or last weekday of a month, an offset from Easter
 *   or from another date; see {@link DateRule} and {@link createCalendar}.
 * - Built-in calendars: {@link BR_CALENDAR}, {@link US_CALENDAR}, {@link PT_CALENDAR}; change them with
 *   {@link customizeCalendar}.
 * - A date is a local calendar day; queries take an IANA zone and return the instants each day
 *   covers there ({@link calendarOccurrences}, {@link nextOccurrence}, {@link daysUntil}).
 *
 * @example
 * ```ts
 * import { BR_CALENDAR, calendarOccurrences } from 'jornada/calendar';
 * calendarOccurrences(BR_CALENDAR, {
 *   from: '2026-11-01T00:00:00-03:00', to: '2026-12-01T00:00:00-03:00',
 *   timeZone: 'America/Sao_Paulo', kinds: ['commercial'],
 * }).map((o) => o.isoDate); //=> ['2026-11-27', '2026-11-30']
 * ```
 * @module calendar
 */
export {
  WEEKDAYS,
  isGregorianLeapYear,
  daysInCalendarMonth,
  calendarDaySerial,
  calendarDayFromSerial,
  calendarWeekday,
  addCalendarDays,
  formatCalendarDay,
  parseCalendarDay,
  calendarDayInZone,
  calendarDayRange,
} from './calendar-day.js';
export type { CalendarDay, CalendarDayRange, Weekday } from './calendar-day.js';
export { easterSunday } from './easter.js';
export { CALENDAR_DATE_KINDS, CalendarDateDefinitionSchema, parseCalendarDates, safeParseCalendarDates } from './rules.js';
export type {
  CalendarDateKind,
  FixedDateRule,
  NthWeekdayRule,
  FifthWeekdayRule,
  LastWeekdayRule,
  EasterOffsetRule,
  RelativeDateRule,
  DateRule,
  CalendarDateNames,
  CalendarDateDefinition,
} from './rules.js';
export { createCalendar, customizeCalendar, calendarDateInYear } from './calendar.js';
export type { Calendar, CalendarChanges } from './calendar.js';
export { BR_CALENDAR } from './calendar-br.js';
export { US_CALENDAR } from './calendar-us.js';
export { PT_CALENDAR } from './calendar-pt.js';
export { calendarOccurrences, nextOccurrence, daysUntil } from './queries.js';
export type { CalendarFilter, CalendarRangeOptions, NextOccurrenceOptions, CalendarOccurrence } from './queries.js';
export {
  birthdayOccurrences,
  birthdaysInRange,
  signupAnniversaries,
  firstPurchaseAnniversaries,
  daysAfterLastPurchase,
  daysBeforeReplenishment,
} from './customer-dates.js';
export type {
  Feb29Policy,
  CustomerDateKind,
  CustomerDateOccurrence,
  CustomerDateSubject,
  CustomerZoneOptions,
  CustomerRangeOptions,
} from './customer-dates.js';
