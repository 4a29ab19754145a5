/**
 * Queries on a calendar in an IANA time zone: occurrences in a range of instants, the next
 * occurrence after an instant, and the number of calendar days until a day.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import {
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  assertTimeZone,
  calendarDayFromSerial,
  calendarDaySerial,
  dayOfInstant,
  formatCalendarDay,
  instantMs,
  parseCalendarDay,
  requireOptions,
  shownValue,
  startOfDayInZone,
  type CalendarDay,
} from './calendar-day.js';
import { compiledCalendar, serialsForYear, type Calendar } from './calendar.js';
import type { CalendarDateDefinition, CalendarDateKind } from './rules.js';

/**
 * Which dates of a calendar a query returns. Criteria combine with AND; values inside one criterion
 * with OR.
 *
 * @category Calendar
 */
export interface CalendarFilter {
  /** Only these ids. */
  ids?: readonly string[];
  /** Only these kinds. */
  kinds?: readonly CalendarDateKind[];
  /** Only dates carrying at least one of these tags. */
  tags?: readonly string[];
  /**
   * Regional dates (with a `region`) to include, by ISO 3166-2 code. Nationwide dates are always
   * included; regional ones only when their region is listed. Default: none.
   */
  regions?: readonly string[];
}

/**
 * Options of {@link calendarOccurrences}.
 *
 * @category Calendar
 */
export interface CalendarRangeOptions extends CalendarFilter {
  /** Start of the range, inclusive (an instant: `Date` or ISO-8601 string with offset). */
  from: Date | string;
  /** End of the range, exclusive (an instant). */
  to: Date | string;
  /** IANA zone in which dates are local days, e.g. `America/Sao_Paulo`. */
  timeZone: string;
}

/**
 * Options of {@link nextOccurrence}.
 *
 * @category Calendar
 */
export interface NextOccurrenceOptions extends CalendarFilter {
  /** IANA zone in which dates are local days. */
  timeZone: string;
  /** Whether a date on the same local day as `after` counts; default `false` (strictly later days). */
  inclusive?: boolean;
  /** How many years ahead to look before giving up; default 10. */
  horizonYears?: number;
}

/**
 * One occurrence of a calendar date: the local day, and the instants it covers in the query's zone.
 *
 * @category Calendar
 */
export interface CalendarOccurrence {
  /** Id of the date. */
  id: string;
  /** The date's definition (names, kind, tags, rule…). */
  definition: CalendarDateDefinition;
  /** The local calendar day. */
  day: CalendarDay;
  /** The day as ISO 8601 `YYYY-MM-DD`. */
  isoDate: string;
  /** The year whose rule produced the day (differs from `day.year` only for offsets across New Year). */
  ruleYear: number;
  /** The zone the day was read in. */
  timeZone: string;
  /** First instant of the day in that zone (inclusive). */
  start: Date;
  /** First instant of the next day in that zone (exclusive). */
  end: Date;
}

interface CompiledFilter {
  readonly keep: (d: CalendarDateDefinition) => boolean;
}

function invalidOption(path: string, message: string): JornadaError {
  return new JornadaError('INVALID_OPTION', `Invalid option ${path}: ${message}`, { issues: [{ path: [path], message }] });
}

function compileFilter(f: CalendarFilter): CompiledFilter {
  for (const key of ['ids', 'kinds', 'tags', 'regions'] as const) {
    const v = f[key];
    if (v !== undefined && !Array.isArray(v)) throw invalidOption(key, 'must be an array of strings');
  }
  const ids = f.ids === undefined ? undefined : new Set(f.ids);
  const kinds = f.kinds === undefined ? undefined : new Set<string>(f.kinds);
  const tags = f.tags === undefined ? undefined : new Set(f.tags);
  const regions = new Set(f.regions ?? []);
  return {
    keep: (d) =>
      (ids === undefined || ids.has(d.id)) &&
      (kinds === undefined || kinds.has(d.kind)) &&
      (tags === undefined || d.tags.some((t) => tags.has(t))) &&
      (d.region === undefined || regions.has(d.region)),
  };
}

/** Occurrences whose day serial lies in [firstSerial, lastSerial], sorted by day then calendar order. */
function occurrencesBetween(
  calendar: Calendar,
  firstSerial: number,
  lastSerial: number,
  filter: CompiledFilter,
  timeZone: string,
): CalendarOccurrence[] {
  const c = compiledCalendar(calendar);
  const kept = c.compiled.filter((cd) => filter.keep(cd.def));
  if (kept.length === 0 || lastSerial < firstSerial) return [];
  const fromYear = Math.max(MIN_CALENDAR_YEAR, calendarDayFromSerial(firstSerial).year - c.yearSlack);
  const toYear = Math.min(MAX_CALENDAR_YEAR, calendarDayFromSerial(lastSerial).year + c.yearSlack);
  const found: { serial: number; index: number; ruleYear: number }[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const serials = serialsForYear(c, year);
    for (const cd of kept) {
      const s = serials[cd.index] ?? Number.NaN;
      if (s >= firstSerial && s <= lastSerial) found.push({ serial: s, index: cd.index, ruleYear: year });
    }
  }
  found.sort((a, b) => a.serial - b.serial || a.index - b.index);
  return found.map((f) => {
    const def = c.dates[f.index] as CalendarDateDefinition;
    const day = calendarDayFromSerial(f.serial);
    return {
      id: def.id,
      definition: def,
      day,
      isoDate: formatCalendarDay(day),
      ruleYear: f.ruleYear,
      timeZone,
      start: new Date(startOfDayInZone(day, timeZone)),
      end: new Date(startOfDayInZone(calendarDayFromSerial(f.serial + 1), timeZone)),
    };
  });
}

/**
 * The occurrences of a calendar's dates whose local day, in the given zone, overlaps a range of
 * instants — sorted by day (then by the calendar's order), without duplicates.
 *
 * A date is a local calendar day: in zone Z, the occurrence on day D covers the instants from the
 * start of D in Z (inclusive) to the start of D + 1 in Z (exclusive), given as `start` and `end`. It is
 * returned when that interval intersects `[from, to)`; a `from` at local midnight and a `to` 60 days
 * later give exactly 60 local days.
 *
 * @param calendar - The calendar.
 * @param options - Range, zone and filter.
 * @returns The occurrences.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant; `INVALID_OPTION` for an unknown zone or a
 *   malformed filter.
 *
 * @example
 * ```ts
 * calendarOccurrences(BR_CALENDAR, {
 *   from: '2026-05-01T00:00:00-03:00', to: '2026-06-01T00:00:00-03:00',
 *   timeZone: 'America/Sao_Paulo', kinds: ['observance'],
 * }).map((o) => `${o.isoDate} ${o.definition.names['pt-BR']}`);
 * //=> ['2026-05-10 Dia das Mães']
 * ```
 * @category Calendar
 */
export function calendarOccurrences(calendar: Calendar, options: CalendarRangeOptions): CalendarOccurrence[] {
  requireOptions(options);
  const timeZone = assertTimeZone(options.timeZone);
  const from = instantMs(options.from, 'from');
  const to = instantMs(options.to, 'to');
  const filter = compileFilter(options);
  if (to <= from) return [];
  const firstSerial = calendarDaySerial(dayOfInstant(from, timeZone));
  const lastSerial = calendarDaySerial(dayOfInstant(to - 1, timeZone));
  return occurrencesBetween(calendar, firstSerial, lastSerial, filter, timeZone);
}

/**
 * The first occurrence of a calendar date on a local day after the day that contains `after` (or on
 * that same day with `inclusive: true`), in the given zone. When several dates share that day, the
 * first in the calendar's order is returned.
 *
 * @param calendar - The calendar.
 * @param after - The reference instant.
 * @param options - Zone, filter, `inclusive`, and `horizonYears` (default 10).
 * @returns The occurrence, or `undefined` when none falls within the horizon.
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant; `INVALID_OPTION` for an unknown zone, a
 *   malformed filter or a horizon that is not a positive integer.
 *
 * @example
 * ```ts
 * nextOccurrence(BR_CALENDAR, new Date('2026-11-01T03:00:00Z'), {
 *   timeZone: 'America/Sao_Paulo', ids: ['br.black_friday'],
 * })?.isoDate; //=> '2026-11-27'
 * ```
 * @category Calendar
 */
export function nextOccurrence(calendar: Calendar, after: Date | string, options: NextOccurrenceOptions): CalendarOccurrence | undefined {
  requireOptions(options);
  const timeZone = assertTimeZone(options.timeZone);
  const t = instantMs(after, 'after');
  const filter = compileFilter(options);
  const horizon = options.horizonYears ?? 10;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 1000) throw invalidOption('horizonYears', 'must be an integer in 1..1000');
  const today = calendarDaySerial(dayOfInstant(t, timeZone));
  let first = options.inclusive === true ? today : today + 1;
  const limit = first + Math.ceil(horizon * 365.2425);
  const chunk = 400;
  while (first <= limit) {
    const last = Math.min(limit, first + chunk - 1);
    const found = occurrencesBetween(calendar, first, last, filter, timeZone);
    if (found.length > 0) return found[0];
    first = last + 1;
  }
  return undefined;
}

/**
 * Number of calendar days from the local day of an instant to a calendar day, in a zone: 0 on the
 * day itself, 1 the day before, negative once it has passed. Counts days on the wall calendar, not
 * elapsed 24-hour periods, so daylight-saving changes do not shift it.
 *
 * @param asOf - The reference instant.
 * @param target - A calendar day, or an ISO date `YYYY-MM-DD`.
 * @param timeZone - IANA zone in which `asOf` is read.
 * @returns Whole days (an integer).
 * @throws {JornadaError} `INVALID_INPUT` for an invalid instant or target; `INVALID_OPTION` for an unknown zone.
 *
 * @example
 * ```ts
 * // 23:30 on 9 May in São Paulo is 02:30 UTC on 10 May; Mother's Day is still one day away there.
 * daysUntil(new Date('2026-05-10T02:30:00Z'), '2026-05-10', 'America/Sao_Paulo'); //=> 1
 * daysUntil(new Date('2026-05-10T02:30:00Z'), '2026-05-10', 'UTC'); //=> 0
 * ```
 * @category Calendar
 */
export function daysUntil(asOf: Date | string, target: CalendarDay | string, timeZone: string): number {
  assertTimeZone(timeZone);
  const t = instantMs(asOf, 'asOf');
  const day = typeof target === 'string' ? parseCalendarDay(target) : checkedDay(target);
  return calendarDaySerial(day) - calendarDaySerial(dayOfInstant(t, timeZone));
}

function checkedDay(day: CalendarDay): CalendarDay {
  const iso =
    typeof day === 'object' && day !== null && Number.isInteger(day.year) && Number.isInteger(day.month) && Number.isInteger(day.day)
      ? formatCalendarDay(day)
      : shownValue(day);
  return parseCalendarDay(iso);
}
