/**
 * Serial day numbers of proleptic Gregorian calendar dates and back: the pure era arithmetic of
 * Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013,
 * howardhinnant.github.io/date_algorithms.html), `days_from_civil` and `civil_from_days`. Shared by the
 * calendar-day arithmetic of `jornada/calendar` and the local-day bucketing of `jornada/value`. No
 * `Date` is involved, so nothing depends on the machine's time zone.
 *
 * @internal
 * @module
 */

/** @internal A proleptic Gregorian calendar date. */
export interface CivilDate {
  /** Full year (astronomical numbering: year 0 exists). */
  year: number;
  /** Month 1..12. */
  month: number;
  /** Day of month 1..31. */
  day: number;
}

/**
 * @internal The day number (days since 1970-01-01, negative before it) of a calendar date.
 * @param year - Full year.
 * @param month - Month 1..12.
 * @param day - Day of month.
 * @returns An integer; 1970-01-01 is 0.
 * @example
 * ```ts
 * daysFromCivil(2026, 1, 1); //=> 20454
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Shift the year to start on 1 March so that 29 February is the last day of the shifted year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * @internal The calendar date of a day number (inverse of {@link daysFromCivil}).
 * @param days - Days since 1970-01-01.
 * @returns The date.
 * @example
 * ```ts
 * civilFromDays(20454); //=> { year: 2026, month: 1, day: 1 }
 * ```
 */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
