/**
 * Time constants shared by the modules (internal). Instants are `Date`; strings at the edge go through
 * the model's `InstantSchema` (an ISO-8601 date-time with offset); local-time logic goes through
 * `@date-fns/tz` in the modules that need it.
 *
 * @internal
 * @module
 */
/** Milliseconds in one day of 24 hours (an elapsed duration, not a calendar day). */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in one week of 7 × 24 hours. */
export const MS_PER_WEEK = 7 * MS_PER_DAY;
