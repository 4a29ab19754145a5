/**
 * Time constants and helpers shared by the modules (internal). Instants are `Date`; local-time logic
 * goes through `@date-fns/tz` in the modules that need it.
 *
 * @internal
 * @module
 */
import { JornadaError } from './errors.js';

/** Milliseconds in one day of 24 hours (an elapsed duration, not a calendar day). */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in one week of 7 × 24 hours. */
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/** Accepts a `Date` or an ISO-8601 string at the edge and returns a valid `Date`, or throws `INVALID_INPUT`. */
export function toDate(value: Date | string, what = 'date'): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new JornadaError('INVALID_INPUT', `Invalid ${what}: ${String(value)}`, {
      issues: [{ path: [], message: `not a valid date: ${String(value)}`, code: 'invalid_date' }],
    });
  }
  return date;
}
