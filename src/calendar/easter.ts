/**
 * Easter Sunday of the Gregorian calendar (Western churches), the anchor of Carnaval, Good Friday and
 * Corpus Christi.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, shownValue, type CalendarDay } from './calendar-day.js';

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (the "Meeus/Jones/Butcher"
 * algorithm): first published by an anonymous correspondent in *Nature* 13 (1876) p. 487, reproduced by
 * Samuel Butcher, *The Ecclesiastical Calendar* (1877), and by Jean Meeus, *Astronomical Algorithms*
 * (2nd ed., 1998), chapter 8. It is exact for every Gregorian year; the result falls between 22 March
 * and 25 April.
 *
 * @param year - A Gregorian year, 1583–9999.
 * @returns The calendar day of Easter Sunday.
 * @throws {JornadaError} `INVALID_OPTION` when `year` is not an integer in 1583–9999.
 *
 * @example
 * ```ts
 * easterSunday(2026); //=> { year: 2026, month: 4, day: 5 }
 * easterSunday(2027); //=> { year: 2027, month: 3, day: 28 }
 * ```
 * @category Calendar
 */
export function easterSunday(year: number): CalendarDay {
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new JornadaError('INVALID_OPTION', `Easter is computed for Gregorian years 1583–9999, not ${shownValue(year)}`, {
      issues: [{ path: ['year'], message: 'must be an integer in 1583..9999', code: 'out_of_range' }],
    });
  }
  return easterSundayUnchecked(year);
}

/**
 * The algorithm itself, for years already checked.
 *
 * @param year - A Gregorian year.
 * @returns Easter Sunday.
 * @internal
 */
export function easterSundayUnchecked(year: number): CalendarDay {
  const a = year % 19; // position in the 19-year Metonic cycle
  const b = Math.floor(year / 100); // century
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); // lunar (Metonic) correction
  const h = (19 * a + b - d - g + 15) % 30; // epact-related: days from 21 March to the paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { year, month: Math.floor(n / 31), day: (n % 31) + 1 };
}
