/**
 * The date-rule language: how a commercial or social date is described as JSON data, and its
 * validation.
 *
 * @module
 */
import { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from '../core/errors.js';
import { issuesFromZod } from '../core/validation.js';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, WEEKDAYS, type Weekday } from './calendar-day.js';

/**
 * What a date is:
 *
 * - `public_holiday` — a holiday set by law (national, or regional when `region` is set): most people
 *   are off work and many shops and all public offices close.
 * - `optional_holiday` — a day off that the law leaves optional: Brazil's *ponto facultativo* (Carnaval
 *   Monday and Tuesday, Ash Wednesday morning, Corpus Christi are declared each year by a federal
 *   *portaria* for civil servants; private employers decide) and Portugal's *feriado facultativo*
 *   (Carnival Tuesday, Código do Trabalho art. 235).
 * - `commercial` — a retail date without legal standing (Black Friday, Dia do Consumidor, Dia do Cliente).
 * - `observance` — a social or religious date that people mark but that is not a day off (Mother's Day,
 *   Valentine's Day, Easter Sunday in Brazil, Halloween).
 *
 * @category Calendar
 */
export type CalendarDateKind = 'public_holiday' | 'optional_holiday' | 'commercial' | 'observance';

/**
 * Every {@link CalendarDateKind}, for runtime checks and menus.
 *
 * @example
 * ```ts
 * CALENDAR_DATE_KINDS.includes('commercial'); //=> true
 * ```
 * @category Calendar
 */
export const CALENDAR_DATE_KINDS: readonly CalendarDateKind[] = /* @__PURE__ */ Object.freeze([
  'public_holiday',
  'optional_holiday',
  'commercial',
  'observance',
]);

/**
 * The same month and day every year (`12 June`). 29 February exists only in leap years, so a rule
 * for it must say `mayBeAbsent: true`.
 *
 * @example
 * ```ts
 * const valentines: FixedDateRule = { type: 'fixed', month: 6, day: 12 };
 * ```
 * @category Calendar
 */
export interface FixedDateRule {
  /** Discriminator. */
  type: 'fixed';
  /** Month, 1–12. */
  month: number;
  /** Day of month, valid for the month (29 February allowed with `mayBeAbsent: true`). */
  day: number;
  /** Must be `true` for 29 February: the date does not exist in common years. */
  mayBeAbsent?: boolean;
}

/**
 * The first to fourth given weekday of a month (`2nd Sunday of May`), optionally shifted by a number
 * of days (`the day after the 4th Thursday of November`): exists every year.
 *
 * @example
 * ```ts
 * const mothersDay: NthWeekdayRule = { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 2 };
 * ```
 * @category Calendar
 */
export interface NthWeekdayRule {
  /** Discriminator. */
  type: 'nth_weekday';
  /** Month, 1–12. */
  month: number;
  /** The weekday counted. */
  weekday: Weekday;
  /** Which one: 1 = first … 4 = fourth (use {@link FifthWeekdayRule} for a fifth). */
  nth: 1 | 2 | 3 | 4;
  /** Days to add to that weekday, −366..366 (`1` for "the day after the 4th Thursday"); default 0. */
  offsetDays?: number;
  /** Not needed: a first to fourth weekday always exists. */
  mayBeAbsent?: boolean;
}

/**
 * The fifth given weekday of a month. Most months have a fifth occurrence of a weekday only in some
 * years, so the rule must say `mayBeAbsent: true` and yields no date in the other years.
 *
 * @example
 * ```ts
 * const fifthMonday: FifthWeekdayRule = { type: 'nth_weekday', month: 3, weekday: 'monday', nth: 5, mayBeAbsent: true };
 * ```
 * @category Calendar
 */
export interface FifthWeekdayRule {
  /** Discriminator. */
  type: 'nth_weekday';
  /** Month, 1–12. */
  month: number;
  /** The weekday counted. */
  weekday: Weekday;
  /** The fifth. */
  nth: 5;
  /** Days to add to that weekday, −366..366; default 0. */
  offsetDays?: number;
  /** Required: the date is missing in years when the month has only four of that weekday. */
  mayBeAbsent: true;
}

/**
 * The last given weekday of a month (`last Monday of May`): exists every year.
 *
 * @example
 * ```ts
 * const memorialDay: LastWeekdayRule = { type: 'last_weekday', month: 5, weekday: 'monday' };
 * ```
 * @category Calendar
 */
export interface LastWeekdayRule {
  /** Discriminator. */
  type: 'last_weekday';
  /** Month, 1–12. */
  month: number;
  /** The weekday counted. */
  weekday: Weekday;
}

/**
 * A number of days before (negative) or after Easter Sunday (see {@link easterSunday}): Carnaval
 * Tuesday is −47, Good Friday −2, Easter 0, Corpus Christi +60.
 *
 * @example
 * ```ts
 * const goodFriday: EasterOffsetRule = { type: 'easter', offsetDays: -2 };
 * ```
 * @category Calendar
 */
export interface EasterOffsetRule {
  /** Discriminator. */
  type: 'easter';
  /** Days from Easter Sunday, −366..366. */
  offsetDays: number;
}

/**
 * A number of days from another date of the same calendar: Black Friday is one day after
 * Thanksgiving (the fourth Thursday of November). The occurrence of year Y is the referenced date's
 * occurrence of year Y plus the offset; when the referenced date may be absent, so is this one, and
 * the rule must say `mayBeAbsent: true`.
 *
 * @example
 * ```ts
 * const blackFriday: RelativeDateRule = { type: 'relative', to: 'us.thanksgiving', offsetDays: 1 };
 * ```
 * @category Calendar
 */
export interface RelativeDateRule {
  /** Discriminator. */
  type: 'relative';
  /** Id of the referenced date in the same calendar. */
  to: string;
  /** Days from the referenced date, −366..366. */
  offsetDays: number;
  /** Must be `true` when the referenced date may be absent. */
  mayBeAbsent?: boolean;
}

/**
 * How a date falls in each year: one of the rule types, told apart by `type`.
 *
 * @category Calendar
 */
export type DateRule = FixedDateRule | NthWeekdayRule | FifthWeekdayRule | LastWeekdayRule | EasterOffsetRule | RelativeDateRule;

/**
 * Names of a date in English and Portuguese (`pt-PT` only where Portugal says it differently).
 *
 * @category Calendar
 */
export interface CalendarDateNames {
  /** English name. */
  en: string;
  /** Brazilian Portuguese name. */
  'pt-BR': string;
  /** European Portuguese name, when it differs from `pt-BR`. */
  'pt-PT'?: string;
}

/**
 * One date of a calendar: what it is, where it applies and the rule that places it in each year.
 * Definitions are JSON data: store them, edit them, and build calendars with {@link createCalendar}.
 *
 * @example
 * ```ts
 * const diaDasMaes: CalendarDateDefinition = {
 *   id: 'br.mothers_day',
 *   names: { en: "Mother's Day", 'pt-BR': 'Dia das Mães' },
 *   kind: 'observance', country: 'BR', tags: ['gift_giving', 'family'],
 *   rule: { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 2 },
 * };
 * ```
 * @category Calendar
 */
export interface CalendarDateDefinition {
  /** Identifier, unique in a calendar (built-ins use `br.`, `us.`, `pt.` prefixes). */
  id: string;
  /** Display names. */
  names: CalendarDateNames;
  /** Public holiday, optional holiday, commercial date or observance. */
  kind: CalendarDateKind;
  /** Country, ISO 3166-1 alpha-2 (`BR`). */
  country: string;
  /** Subdivision where the date applies, ISO 3166-2 (`BR-SP`); absent for a nationwide date. */
  region?: string;
  /** Free labels in snake_case for filtering: `gift_giving`, `sale`, `family`, `religious`, `civic`… */
  tags: string[];
  /** Where the date falls each year. */
  rule: DateRule;
  /** First year the date exists (inclusive), e.g. the year a law created it. */
  firstYear?: number;
  /** Last year the date exists (inclusive). */
  lastYear?: number;
  /** The legal or other source that establishes the date. */
  source?: string;
  /** Anything else a user should know (a choice made, regional practice). */
  note?: string;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const MonthSchema = /* @__PURE__ */ (() => z.number().int().min(1).max(12))();
const OffsetSchema = /* @__PURE__ */ (() => z.number().int().min(-366).max(366))();
const YearSchema = /* @__PURE__ */ (() => z.number().int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR))();

const RuleSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('fixed'), month: MonthSchema, day: z.number().int().min(1).max(31), mayBeAbsent: z.boolean().exactOptional() }),
    z.strictObject({
      type: z.literal('nth_weekday'),
      month: MonthSchema,
      weekday: z.enum(WEEKDAYS as [Weekday, ...Weekday[]]),
      nth: z.number().int().min(1).max(5),
      offsetDays: OffsetSchema.exactOptional(),
      mayBeAbsent: z.boolean().exactOptional(),
    }),
    z.strictObject({ type: z.literal('last_weekday'), month: MonthSchema, weekday: z.enum(WEEKDAYS as [Weekday, ...Weekday[]]) }),
    z.strictObject({ type: z.literal('easter'), offsetDays: OffsetSchema }),
    z.strictObject({ type: z.literal('relative'), to: z.string().min(1), offsetDays: OffsetSchema, mayBeAbsent: z.boolean().exactOptional() }),
  ])
)();

const MAX_DAY_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const DefinitionSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, 'must be 1–100 letters, digits, `_`, `.`, `:` or `-`'),
      names: z.strictObject({ en: z.string().min(1), 'pt-BR': z.string().min(1), 'pt-PT': z.string().min(1).exactOptional() }),
      kind: z.enum(['public_holiday', 'optional_holiday', 'commercial', 'observance']),
      country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case'),
      region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as BR-SP').exactOptional(),
      tags: z.array(z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be snake_case')),
      rule: RuleSchema,
      firstYear: YearSchema.exactOptional(),
      lastYear: YearSchema.exactOptional(),
      source: z.string().exactOptional(),
      note: z.string().exactOptional(),
    })
    .superRefine((d, ctx) => {
      const r = d.rule;
      if (r.type === 'fixed') {
        const max = MAX_DAY_IN_MONTH[r.month - 1] ?? 31;
        if (r.day > max) {
          ctx.addIssue({ code: 'custom', path: ['rule', 'day'], message: `day ${r.day} does not exist in month ${r.month}` });
        } else if (r.month === 2 && r.day === 29 && r.mayBeAbsent !== true) {
          ctx.addIssue({ code: 'custom', path: ['rule', 'mayBeAbsent'], message: '29 February exists only in leap years: set mayBeAbsent: true' });
        }
      }
      if (r.type === 'nth_weekday' && r.nth === 5 && r.mayBeAbsent !== true) {
        ctx.addIssue({ code: 'custom', path: ['rule', 'mayBeAbsent'], message: 'a fifth weekday is missing in some years: set mayBeAbsent: true' });
      }
      if (d.region !== undefined && !d.region.startsWith(`${d.country}-`)) {
        ctx.addIssue({ code: 'custom', path: ['region'], message: `region ${d.region} is not a subdivision of ${d.country}` });
      }
      if (d.firstYear !== undefined && d.lastYear !== undefined && d.lastYear < d.firstYear) {
        ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'must not be before firstYear' });
      }
    })
)();

/**
 * Schema of one {@link CalendarDateDefinition} (shape and per-date checks; references between dates
 * are checked by {@link createCalendar}). Unknown keys are refused, so a typo such as `offset` for
 * `offsetDays` is an error rather than a silent zero.
 *
 * @example
 * ```ts
 * CalendarDateDefinitionSchema.safeParse({ id: 'x', names: { en: 'X', 'pt-BR': 'X' }, kind: 'commercial',
 *   country: 'BR', tags: [], rule: { type: 'fixed', month: 2, day: 30 } }).success; //=> false
 * ```
 * @category Calendar
 */
// The refinements make the output satisfy the interface (a fifth weekday carries mayBeAbsent: true),
// which zod's inferred type cannot express; hence the cast.
export const CalendarDateDefinitionSchema: z.ZodType<CalendarDateDefinition> = DefinitionSchema as unknown as z.ZodType<CalendarDateDefinition>;

/**
 * Turns a failed schema check into the `INVALID_RULE` error.
 *
 * @param issues - The problems found.
 * @returns The error.
 * @internal
 */
export function invalidRule(issues: readonly JornadaIssue[]): JornadaError {
  const first = issues[0];
  const where = first === undefined ? '' : ` at ${first.path.length === 0 ? '(root)' : first.path.join('.')}: ${first.message}`;
  return new JornadaError('INVALID_RULE', `Invalid calendar date rule${where}`, { issues });
}

/**
 * Validates one definition, prefixing issue paths with `path`.
 *
 * @param input - Untrusted definition.
 * @param path - Where it sits in the document.
 * @returns The definition, or its issues.
 * @internal
 */
export function checkDefinition(input: unknown, path: readonly (string | number)[]): CalendarDateDefinition | JornadaIssue[] {
  let result: ReturnType<typeof DefinitionSchema.safeParse>;
  try {
    result = DefinitionSchema.safeParse(input);
  } catch (cause) {
    return [{ path: [...path], message: cause instanceof Error ? cause.message : String(cause), code: 'unreadable' }];
  }
  if (result.success) return result.data as CalendarDateDefinition;
  return issuesFromZod(result.error).map((i) => ({ ...i, path: [...path, ...i.path] }));
}

/**
 * Validates a list of date definitions (a calendar document) without building a calendar: shapes,
 * months and days, weekdays, offsets, year ranges. References between dates (unknown ids, cycles) are
 * checked by {@link createCalendar}, which also calls this.
 *
 * @param input - Untrusted JSON: an array of definitions.
 * @returns The typed definitions.
 * @throws {JornadaError} `INVALID_RULE` with the path of each problem, e.g. `[3, 'rule', 'month']`.
 *
 * @example
 * ```ts
 * parseCalendarDates([{ id: 'x', names: { en: 'X', 'pt-BR': 'X' }, kind: 'commercial', country: 'BR',
 *   tags: [], rule: { type: 'fixed', month: 13, day: 1 } }]);
 * // throws JornadaError INVALID_RULE, issues[0].path => [0, 'rule', 'month']
 * ```
 * @category Calendar
 */
export function parseCalendarDates(input: unknown): CalendarDateDefinition[] {
  const r = safeParseCalendarDates(input);
  if (r.success) return r.data;
  throw r.error;
}

/**
 * Validates a list of date definitions without throwing; see {@link parseCalendarDates}.
 *
 * @param input - Untrusted JSON: an array of definitions.
 * @returns `{ success: true, data }` or `{ success: false, error }` with an `INVALID_RULE` error.
 *
 * @example
 * ```ts
 * safeParseCalendarDates([{ id: 'x' }]).success; //=> false
 * ```
 * @category Calendar
 */
export function safeParseCalendarDates(input: unknown): SafeParseResult<CalendarDateDefinition[]> {
  if (!Array.isArray(input)) {
    return { success: false, error: invalidRule([{ path: [], message: 'expected an array of date definitions', code: 'invalid_type' }]) };
  }
  const out: CalendarDateDefinition[] = [];
  const issues: JornadaIssue[] = [];
  for (let i = 0; i < input.length; i++) {
    const checked = checkDefinition(input[i] as unknown, [i]);
    if (Array.isArray(checked)) issues.push(...checked);
    else out.push(checked);
  }
  if (issues.length > 0) return { success: false, error: invalidRule(issues) };
  return { success: true, data: out };
}
