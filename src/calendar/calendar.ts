/**
 * Calendars: validated, compiled sets of date definitions, and how to build, extend and trim them.
 *
 * @module
 */
import { JornadaError, type JornadaIssue } from '../core/errors.js';
import {
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  WEEKDAYS,
  calendarDayFromSerial,
  calendarDaySerial,
  calendarWeekday,
  daysInCalendarMonth,
  shownValue,
  type CalendarDay,
} from './calendar-day.js';
import { easterSundayUnchecked } from './easter.js';
import { checkDefinition, invalidRule, type CalendarDateDefinition } from './rules.js';

/**
 * A calendar: a list of date definitions that has been validated and compiled. Build one with
 * {@link createCalendar} or {@link customizeCalendar}; query it with {@link calendarOccurrences},
 * {@link nextOccurrence} and {@link calendarDateInYear}.
 *
 * @example
 * ```ts
 * BR_CALENDAR.dates.find((d) => d.id === 'br.mothers_day')?.names['pt-BR']; //=> 'Dia das Mães'
 * ```
 * @category Calendar
 */
export interface Calendar {
  /** The definitions, frozen, in the order given. */
  readonly dates: readonly CalendarDateDefinition[];
}

/** How one compiled date computes its day serial in a rule-year, given the serials of the dates before it. */
interface CompiledDate {
  readonly def: CalendarDateDefinition;
  /** Index in `dates`. */
  readonly index: number;
  /** Index of the referenced date for relative rules, else −1. */
  readonly ref: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

/** The compiled form kept beside each calendar (internal). @internal */
export interface CompiledCalendar {
  readonly dates: readonly CalendarDateDefinition[];
  readonly compiled: readonly CompiledDate[];
  /** Indices in an order where every referenced date comes before the dates that reference it. */
  readonly order: readonly number[];
  /** Position of each id in `dates`. */
  readonly byId: ReadonlyMap<string, number>;
  /** How many calendar years an occurrence may lie away from its rule-year (offsets across New Year). */
  readonly yearSlack: number;
  /** Serials by rule-year, cached (bounded). */
  readonly cache: Map<number, Float64Array>;
}

const compiledByCalendar = new WeakMap<Calendar, CompiledCalendar>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function copyDefinition(d: CalendarDateDefinition): CalendarDateDefinition {
  // A validated definition holds only JSON values (strings, numbers, booleans, arrays, objects).
  return deepFreeze(JSON.parse(JSON.stringify(d)) as CalendarDateDefinition);
}

interface Sourced {
  readonly input: unknown;
  readonly path: readonly (string | number)[];
}

function build(items: readonly Sourced[]): Calendar {
  const issues: JornadaIssue[] = [];
  const dates: CalendarDateDefinition[] = [];
  const paths: (readonly (string | number)[])[] = [];
  for (const item of items) {
    const checked = checkDefinition(item.input, item.path);
    if (Array.isArray(checked)) issues.push(...checked);
    else {
      dates.push(copyDefinition(checked));
      paths.push(item.path);
    }
  }
  if (issues.length > 0) throw invalidRule(issues);

  const byId = new Map<string, number>();
  dates.forEach((d, i) => {
    if (byId.has(d.id)) issues.push({ path: [...(paths[i] ?? []), 'id'], message: `duplicate id ${d.id}`, code: 'duplicate_id' });
    else byId.set(d.id, i);
  });
  const refs = dates.map((d, i) => {
    if (d.rule.type !== 'relative') return -1;
    const target = byId.get(d.rule.to);
    if (target === undefined) {
      issues.push({ path: [...(paths[i] ?? []), 'rule', 'to'], message: `unknown date id ${d.rule.to}`, code: 'unknown_reference' });
      return -1;
    }
    return target;
  });
  if (issues.length > 0) throw invalidRule(issues);

  // Topological order of the reference forest (each date references at most one other), without
  // recursion: follow each chain until a date already placed, then place the chain back to front.
  const state = new Uint8Array(dates.length); // 0 new, 1 on the current chain, 2 placed
  const order: number[] = [];
  const cumulative = new Float64Array(dates.length); // |sum of offsets| to the root anchor
  const mayBeAbsent = new Uint8Array(dates.length);
  for (let start = 0; start < dates.length; start++) {
    if (state[start] === 2) continue;
    const chain: number[] = [];
    let node = start;
    while (node >= 0 && state[node] === 0) {
      state[node] = 1;
      chain.push(node);
      node = refs[node] ?? -1;
    }
    if (node >= 0 && state[node] === 1) {
      const cycle = chain.slice(chain.indexOf(node)).map((i) => dates[i]?.id ?? '');
      throw invalidRule([
        {
          path: [...(paths[node] ?? []), 'rule', 'to'],
          message: `dates reference each other in a cycle: ${[...cycle, cycle[0] ?? ''].join(' → ')}`,
          code: 'reference_cycle',
        },
      ]);
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const i = chain[k] as number;
      const d = dates[i] as CalendarDateDefinition;
      const r = refs[i] ?? -1;
      const rule = d.rule;
      let offset = 0;
      if (rule.type === 'easter' || rule.type === 'relative' || rule.type === 'nth_weekday') offset = rule.offsetDays ?? 0;
      cumulative[i] = Math.abs(offset) + (r >= 0 ? (cumulative[r] ?? 0) : 0);
      const own = (rule.type === 'fixed' || rule.type === 'nth_weekday') && rule.mayBeAbsent === true;
      if (r >= 0 && mayBeAbsent[r] === 1 && !(rule.type === 'relative' && rule.mayBeAbsent === true)) {
        issues.push({
          path: [...(paths[i] ?? []), 'rule', 'mayBeAbsent'],
          message: `${dates[r]?.id ?? ''} may be absent in some years, so this date may be too: set mayBeAbsent: true`,
          code: 'may_be_absent',
        });
      }
      mayBeAbsent[i] = own || (r >= 0 && mayBeAbsent[r] === 1) ? 1 : 0;
      state[i] = 2;
      order.push(i);
    }
  }
  if (issues.length > 0) throw invalidRule(issues);

  let maxOffset = 0;
  for (const c of cumulative) maxOffset = Math.max(maxOffset, c);
  const calendar: Calendar = Object.freeze({ dates: Object.freeze(dates) });
  compiledByCalendar.set(calendar, {
    dates,
    compiled: dates.map((def, index) => ({
      def,
      index,
      ref: refs[index] ?? -1,
      firstYear: def.firstYear ?? MIN_CALENDAR_YEAR,
      lastYear: def.lastYear ?? MAX_CALENDAR_YEAR,
    })),
    order,
    byId,
    yearSlack: Math.ceil(maxOffset / 365),
    cache: new Map(),
  });
  return calendar;
}

/**
 * Builds a calendar from date definitions (JSON data): validates every definition, checks that
 * references between dates point at known ids and do not form cycles, and compiles the rules.
 *
 * Users add, remove or override dates by building a new list — for instance from a built-in list
 * such as `BR_CALENDAR.dates` — or with {@link customizeCalendar}.
 *
 * @param dates - Definitions; untrusted JSON is fine (it is validated).
 * @returns The calendar (frozen).
 * @throws {JornadaError} `INVALID_RULE` with the path of each problem: `[3, 'rule', 'month']` for a
 *   month 13 in the fourth definition, `[i, 'rule', 'day']` for 30 February, `[i, 'rule', 'nth']` for an
 *   n-th weekday outside 1..5, `[i, 'rule', 'to']` for an unknown reference or a cycle, `[i, 'id']` for
 *   a duplicate id.
 *
 * @example
 * ```ts
 * const shop = createCalendar([
 *   ...BR_CALENDAR.dates.filter((d) => d.id !== 'br.cyber_monday'),
 *   { id: 'shop.anniversary', names: { en: 'Shop anniversary', 'pt-BR': 'Aniversário da loja' },
 *     kind: 'commercial', country: 'BR', tags: ['sale'], rule: { type: 'fixed', month: 8, day: 20 } },
 * ]);
 * calendarDateInYear(shop, 'shop.anniversary', 2026); //=> { year: 2026, month: 8, day: 20 }
 * ```
 * @category Calendar
 */
export function createCalendar(dates: readonly CalendarDateDefinition[]): Calendar {
  if (!Array.isArray(dates)) {
    throw invalidRule([{ path: [], message: 'expected an array of date definitions', code: 'invalid_type' }]);
  }
  return build(dates.map((input: unknown, i) => ({ input, path: [i] })));
}

/**
 * Changes to apply to a calendar with {@link customizeCalendar}.
 *
 * @category Calendar
 */
export interface CalendarChanges {
  /** Ids of dates to drop. */
  remove?: readonly string[];
  /** Definitions that replace the date of the same id (kept at its place in the list). */
  replace?: readonly CalendarDateDefinition[];
  /** New definitions, appended; their ids must be new. */
  add?: readonly CalendarDateDefinition[];
}

/**
 * A new calendar from an existing one with dates removed, replaced or added. The original is left
 * unchanged. Two built-in calendars can be merged by adding one's dates to the other (their ids have
 * different prefixes).
 *
 * @param calendar - The calendar to start from.
 * @param changes - Ids to remove, definitions to replace and definitions to add.
 * @returns The new calendar.
 * @throws {JornadaError} `INVALID_RULE` when an id to remove or replace is unknown (path
 *   `['remove', i]` or `['replace', i, 'id']`), when an added id already exists (`['add', i, 'id']`),
 *   when a new definition is invalid (`['add', i, 'rule', 'month']`…), or when removing a date leaves a
 *   reference dangling (path of the referencing date in the calendar).
 *
 * @example
 * ```ts
 * const noCyberMonday = customizeCalendar(BR_CALENDAR, {
 *   remove: ['br.cyber_monday'],
 *   replace: [{ ...BR_CALENDAR.dates.find((d) => d.id === 'br.customer_day')!, tags: ['sale'] }],
 * });
 * calendarDateInYear(noCyberMonday, 'br.customer_day', 2026); //=> { year: 2026, month: 9, day: 15 }
 * ```
 * @category Calendar
 */
export function customizeCalendar(calendar: Calendar, changes: CalendarChanges): Calendar {
  const base = compiledCalendar(calendar);
  const issues: JornadaIssue[] = [];
  const remove = new Set<string>();
  (changes.remove ?? []).forEach((id, i) => {
    if (!base.byId.has(id)) issues.push({ path: ['remove', i], message: `unknown date id ${shownValue(id)}`, code: 'unknown_id' });
    remove.add(id);
  });
  const replace = new Map<string, Sourced>();
  (changes.replace ?? []).forEach((d, i) => {
    const id = (d as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !base.byId.has(id)) {
      issues.push({ path: ['replace', i, 'id'], message: `no date with id ${shownValue(id)} to replace`, code: 'unknown_id' });
    } else replace.set(id, { input: d, path: ['replace', i] });
  });
  const added = new Set<string>();
  (changes.add ?? []).forEach((d, i) => {
    const id = (d as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && ((base.byId.has(id) && !remove.has(id)) || added.has(id))) {
      issues.push({ path: ['add', i, 'id'], message: `id ${id} already exists`, code: 'duplicate_id' });
    }
    if (typeof id === 'string') added.add(id);
  });
  if (issues.length > 0) throw invalidRule(issues);
  const items: Sourced[] = [];
  base.dates.forEach((d, i) => {
    if (remove.has(d.id)) return;
    items.push(replace.get(d.id) ?? { input: d, path: ['dates', i] });
  });
  (changes.add ?? []).forEach((d, i) => items.push({ input: d, path: ['add', i] }));
  return build(items);
}

/**
 * The compiled form of a calendar; compiles (and validates) one built outside {@link createCalendar}.
 *
 * @param calendar - The calendar.
 * @returns Its compiled form.
 * @internal
 */
export function compiledCalendar(calendar: Calendar): CompiledCalendar {
  const known = compiledByCalendar.get(calendar);
  if (known !== undefined) return known;
  const dates = (calendar as { dates?: unknown } | null)?.dates;
  const built = createCalendar(dates as readonly CalendarDateDefinition[]);
  const compiled = compiledByCalendar.get(built) as CompiledCalendar;
  compiledByCalendar.set(calendar, compiled);
  return compiled;
}

function daySerial(year: number, month: number, day: number): number {
  return calendarDaySerial({ year, month, day });
}

/**
 * Day serials (see {@link calendarDaySerial}) of every date of the calendar in one rule-year, `NaN`
 * where a date has no occurrence.
 *
 * @param c - The compiled calendar.
 * @param year - The rule-year.
 * @returns One serial per date, in the calendar's order.
 * @internal
 */
export function serialsForYear(c: CompiledCalendar, year: number): Float64Array {
  const cached = c.cache.get(year);
  if (cached !== undefined) return cached;
  const out = new Float64Array(c.compiled.length).fill(Number.NaN);
  if (year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR) {
    let easter = Number.NaN;
    for (const i of c.order) {
      const cd = c.compiled[i] as CompiledDate;
      if (year < cd.firstYear || year > cd.lastYear) continue;
      const rule = cd.def.rule;
      let serial = Number.NaN;
      switch (rule.type) {
        case 'fixed':
          if (rule.day <= daysInCalendarMonth(year, rule.month)) serial = daySerial(year, rule.month, rule.day);
          break;
        case 'nth_weekday': {
          const first = daySerial(year, rule.month, 1);
          const firstWeekday = calendarWeekday({ year, month: rule.month, day: 1 });
          const target = WEEKDAYS.indexOf(rule.weekday);
          const dayOfMonth = 1 + ((target - firstWeekday + 7) % 7) + 7 * (rule.nth - 1);
          if (dayOfMonth <= daysInCalendarMonth(year, rule.month)) serial = first + dayOfMonth - 1 + (rule.offsetDays ?? 0);
          break;
        }
        case 'last_weekday': {
          const lastDay = daysInCalendarMonth(year, rule.month);
          const lastWeekday = calendarWeekday({ year, month: rule.month, day: lastDay });
          const target = WEEKDAYS.indexOf(rule.weekday);
          serial = daySerial(year, rule.month, lastDay) - ((lastWeekday - target + 7) % 7);
          break;
        }
        case 'easter':
          if (Number.isNaN(easter)) easter = calendarDaySerial(easterSundayUnchecked(year));
          serial = easter + rule.offsetDays;
          break;
        case 'relative':
          serial = (out[cd.ref] ?? Number.NaN) + rule.offsetDays;
          break;
      }
      out[i] = serial;
    }
  }
  if (c.cache.size >= 512) c.cache.clear();
  c.cache.set(year, out);
  return out;
}

/**
 * The day a date of the calendar falls on in a given year (its rule-year: for a date defined as an
 * offset that crosses New Year, the day may lie in the neighbouring calendar year).
 *
 * @param calendar - The calendar.
 * @param id - Id of a date of the calendar.
 * @param year - The rule-year, an integer.
 * @returns The calendar day, or `undefined` when the date has no occurrence that year (before its
 *   `firstYear`, after its `lastYear`, a missing fifth weekday or 29 February, or outside 1583–9999).
 * @throws {JornadaError} `INVALID_OPTION` when the id is not in the calendar or the year is not an integer.
 *
 * @example
 * ```ts
 * calendarDateInYear(BR_CALENDAR, 'br.black_friday', 2026); //=> { year: 2026, month: 11, day: 27 }
 * calendarDateInYear(BR_CALENDAR, 'br.black_consciousness_day', 2023); //=> undefined (a holiday since 2024)
 * ```
 * @category Calendar
 */
export function calendarDateInYear(calendar: Calendar, id: string, year: number): CalendarDay | undefined {
  const c = compiledCalendar(calendar);
  const index = c.byId.get(id);
  if (index === undefined) {
    throw new JornadaError('INVALID_OPTION', `No date with id ${shownValue(id)} in the calendar`, {
      issues: [{ path: ['id'], message: `unknown date id ${shownValue(id)}`, code: 'unknown_id' }],
    });
  }
  if (!Number.isInteger(year)) {
    throw new JornadaError('INVALID_OPTION', `Year must be an integer, not ${shownValue(year)}`, {
      issues: [{ path: ['year'], message: 'must be an integer', code: 'invalid_type' }],
    });
  }
  const serial = serialsForYear(c, year)[index] ?? Number.NaN;
  return Number.isNaN(serial) ? undefined : calendarDayFromSerial(serial);
}
