// The rule language: validation errors with paths, building and customising calendars.
import { describe, expect, it } from 'vitest';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  calendarDateInYear,
  calendarOccurrences,
  createCalendar,
  customizeCalendar,
  formatCalendarDay,
  parseCalendarDates,
  safeParseCalendarDates,
  type CalendarDateDefinition,
  type DateRule,
} from '../../src/calendar/index.js';
import { isJornadaError, type JornadaError } from '../../src/core/errors.js';

const names = { en: 'X', 'pt-BR': 'X' };
const def = (id: string, rule: unknown, extra: Record<string, unknown> = {}): CalendarDateDefinition =>
  ({ id, names, kind: 'commercial', country: 'BR', tags: [], rule, ...extra }) as CalendarDateDefinition;

function ruleError(fn: () => unknown): JornadaError {
  try {
    fn();
  } catch (e) {
    if (isJornadaError(e)) {
      expect(e.code).toBe('INVALID_RULE');
      return e;
    }
    throw e;
  }
  throw new Error('expected INVALID_RULE');
}

const paths = (e: JornadaError): (string | number)[][] => e.issues.map((i) => [...i.path]);

describe('bad rules get INVALID_RULE with the rule path', () => {
  const ok = def('ok', { type: 'fixed', month: 1, day: 1 });

  it('month 13', () => {
    const e = ruleError(() => createCalendar([ok, ok, ok, def('m13', { type: 'fixed', month: 13, day: 1 })].map((d, i) => ({ ...d, id: `d${i}` }))));
    expect(paths(e)).toEqual([[3, 'rule', 'month']]);
  });

  it('30 February and 31 April', () => {
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'fixed', month: 2, day: 30 })])))).toEqual([[0, 'rule', 'day']]);
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'fixed', month: 4, day: 31 })])))).toEqual([[0, 'rule', 'day']]);
  });

  it('29 February must say it may be absent', () => {
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'fixed', month: 2, day: 29 })])))).toEqual([[0, 'rule', 'mayBeAbsent']]);
    const cal = createCalendar([def('leap', { type: 'fixed', month: 2, day: 29, mayBeAbsent: true })]);
    // 2028 is a leap year (divisible by 4), 2027 and 2100 are not (2100: century not divisible by 400).
    expect(calendarDateInYear(cal, 'leap', 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(calendarDateInYear(cal, 'leap', 2027)).toBeUndefined();
    expect(calendarDateInYear(cal, 'leap', 2100)).toBeUndefined();
  });

  it('n-th weekday with n outside 1..5', () => {
    for (const nth of [0, 6, 2.5, -1]) {
      const e = ruleError(() => createCalendar([def('a', { type: 'nth_weekday', month: 5, weekday: 'sunday', nth })]));
      expect(paths(e)).toEqual([[0, 'rule', 'nth']]);
    }
  });

  it('a fifth weekday must say it may be absent, and is absent in years without one', () => {
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'nth_weekday', month: 3, weekday: 'monday', nth: 5 })])))).toEqual([
      [0, 'rule', 'mayBeAbsent'],
    ]);
    const cal = createCalendar([def('m5', { type: 'nth_weekday', month: 3, weekday: 'monday', nth: 5, mayBeAbsent: true })]);
    // Hand check: 1 March 2027 is a Monday → Mondays 1, 8, 15, 22, 29; 1 March 2026 is a Sunday → 2, 9, 16, 23, 30;
    // 1 March 2025 is a Saturday → 3, 10, 17, 24, 31; 1 March 2028 is a Wednesday → 6, 13, 20, 27 (no fifth).
    expect(calendarDateInYear(cal, 'm5', 2027)).toEqual({ year: 2027, month: 3, day: 29 });
    expect(calendarDateInYear(cal, 'm5', 2026)).toEqual({ year: 2026, month: 3, day: 30 });
    expect(calendarDateInYear(cal, 'm5', 2025)).toEqual({ year: 2025, month: 3, day: 31 });
    expect(calendarDateInYear(cal, 'm5', 2028)).toBeUndefined();
  });

  it('unknown weekday, unknown rule type, unknown key (typo), bad offset', () => {
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'nth_weekday', month: 5, weekday: 'sun', nth: 2 })])))).toEqual([
      [0, 'rule', 'weekday'],
    ]);
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'lunar', month: 5 })])))[0]).toEqual([0, 'rule', 'type']);
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'easter', offset: 3 })]))).length).toBeGreaterThan(0);
    expect(paths(ruleError(() => createCalendar([def('a', { type: 'easter', offsetDays: 400 })])))).toEqual([[0, 'rule', 'offsetDays']]);
  });

  it('unknown reference rule', () => {
    const e = ruleError(() => createCalendar([ok, def('bf', { type: 'relative', to: 'thanksgiving', offsetDays: 1 })]));
    expect(paths(e)).toEqual([[1, 'rule', 'to']]);
    expect(e.issues[0]?.code).toBe('unknown_reference');
  });

  it('cycles between rules (and a self-reference)', () => {
    const e = ruleError(() =>
      createCalendar([
        ok,
        def('a', { type: 'relative', to: 'b', offsetDays: 1 }),
        def('b', { type: 'relative', to: 'c', offsetDays: 1 }),
        def('c', { type: 'relative', to: 'a', offsetDays: 1 }),
      ]),
    );
    expect(e.issues[0]?.code).toBe('reference_cycle');
    expect(e.issues[0]?.path[1]).toBe('rule');
    expect(e.issues[0]?.path[2]).toBe('to');
    expect(e.issues[0]?.message).toContain('a → b → c → a');
    const self = ruleError(() => createCalendar([def('a', { type: 'relative', to: 'a', offsetDays: 0 })]));
    expect(paths(self)).toEqual([[0, 'rule', 'to']]);
  });

  it('a date relative to one that may be absent must say so too', () => {
    const leap = def('leap', { type: 'fixed', month: 2, day: 29, mayBeAbsent: true });
    const e = ruleError(() => createCalendar([leap, def('after', { type: 'relative', to: 'leap', offsetDays: 1 })]));
    expect(paths(e)).toEqual([[1, 'rule', 'mayBeAbsent']]);
    const cal = createCalendar([leap, def('after', { type: 'relative', to: 'leap', offsetDays: 1, mayBeAbsent: true })]);
    expect(calendarDateInYear(cal, 'after', 2027)).toBeUndefined();
    expect(calendarDateInYear(cal, 'after', 2028)).toEqual({ year: 2028, month: 3, day: 1 });
  });

  it('duplicate ids, region outside the country, lastYear before firstYear, bad id and tags', () => {
    expect(paths(ruleError(() => createCalendar([ok, ok])))).toEqual([[1, 'id']]);
    expect(paths(ruleError(() => createCalendar([{ ...ok, region: 'PT-11' }])))).toEqual([[0, 'region']]);
    expect(paths(ruleError(() => createCalendar([{ ...ok, firstYear: 2030, lastYear: 2020 }])))).toEqual([[0, 'lastYear']]);
    expect(paths(ruleError(() => createCalendar([{ ...ok, id: 'has space' }])))).toEqual([[0, 'id']]);
    expect(paths(ruleError(() => createCalendar([{ ...ok, tags: ['Gift Giving'] }])))).toEqual([[0, 'tags', 0]]);
    expect(paths(ruleError(() => createCalendar([{ ...ok, kind: 'holiday' } as unknown as CalendarDateDefinition])))).toEqual([[0, 'kind']]);
  });

  it('reports every problem, not just the first', () => {
    const e = ruleError(() => createCalendar([def('a', { type: 'fixed', month: 13, day: 1 }), def('b', { type: 'fixed', month: 2, day: 30 })]));
    expect(paths(e)).toEqual([
      [0, 'rule', 'month'],
      [1, 'rule', 'day'],
    ]);
  });

  it('a non-array document, and parse/safeParse', () => {
    expect(paths(ruleError(() => createCalendar({} as unknown as CalendarDateDefinition[])))).toEqual([[]]);
    expect(paths(ruleError(() => parseCalendarDates([def('a', { type: 'fixed', month: 13, day: 1 })])))).toEqual([[0, 'rule', 'month']]);
    expect(safeParseCalendarDates('x').success).toBe(false);
    const r = safeParseCalendarDates(JSON.parse(JSON.stringify(BR_CALENDAR.dates)));
    expect(r.success && r.data.length).toBe(BR_CALENDAR.dates.length);
  });
});

describe('users add, remove or override dates', () => {
  it('a calendar is built from rule lists: filter a built-in list and append your own dates', () => {
    const shop = createCalendar([
      ...BR_CALENDAR.dates.filter((d) => d.id !== 'br.cyber_monday'),
      def('shop.anniversary', { type: 'fixed', month: 8, day: 20 }),
      def('shop.pet_week', { type: 'relative', to: 'br.world_animal_day', offsetDays: -3 }),
    ]);
    expect(calendarDateInYear(shop, 'shop.anniversary', 2026)).toEqual({ year: 2026, month: 8, day: 20 });
    // 4 October − 3 days = 1 October.
    expect(calendarDateInYear(shop, 'shop.pet_week', 2026)).toEqual({ year: 2026, month: 10, day: 1 });
    expect(shop.dates.some((d) => d.id === 'br.cyber_monday')).toBe(false);
  });

  it('customizeCalendar removes, replaces in place and adds, leaving the original unchanged', () => {
    const before = BR_CALENDAR.dates.length;
    const dm = BR_CALENDAR.dates.find((d) => d.id === 'br.mothers_day') as CalendarDateDefinition;
    const changed = customizeCalendar(BR_CALENDAR, {
      remove: ['br.cyber_monday'],
      // A shop that celebrates Mother's Day on the third Sunday instead.
      replace: [{ ...dm, rule: { type: 'nth_weekday', month: 5, weekday: 'sunday', nth: 3 } as DateRule }],
      add: [def('shop.anniversary', { type: 'fixed', month: 8, day: 20 })],
    });
    expect(BR_CALENDAR.dates.length).toBe(before);
    expect(changed.dates.length).toBe(before - 1 + 1);
    // Third Sunday of May 2026: Sundays 3, 10, 17 (1 May 2026 is a Friday).
    expect(calendarDateInYear(changed, 'br.mothers_day', 2026)).toEqual({ year: 2026, month: 5, day: 17 });
    expect(calendarDateInYear(BR_CALENDAR, 'br.mothers_day', 2026)).toEqual({ year: 2026, month: 5, day: 10 });
    expect(changed.dates.findIndex((d) => d.id === 'br.mothers_day')).toBe(BR_CALENDAR.dates.findIndex((d) => d.id === 'br.mothers_day'));
  });

  it('merging two built-in calendars', () => {
    const both = customizeCalendar(BR_CALENDAR, { add: PT_CALENDAR.dates });
    const dec = calendarOccurrences(both, { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', timeZone: 'UTC' });
    expect(dec.map((o) => o.id)).toEqual(['pt.restoration_of_independence']);
  });

  it('customisation errors carry paths', () => {
    expect(paths(ruleError(() => customizeCalendar(BR_CALENDAR, { remove: ['nope'] })))).toEqual([['remove', 0]]);
    expect(paths(ruleError(() => customizeCalendar(BR_CALENDAR, { replace: [def('nope', { type: 'fixed', month: 1, day: 1 })] })))).toEqual([
      ['replace', 0, 'id'],
    ]);
    expect(paths(ruleError(() => customizeCalendar(BR_CALENDAR, { add: [def('br.christmas', { type: 'fixed', month: 1, day: 1 })] })))).toEqual([
      ['add', 0, 'id'],
    ]);
    expect(paths(ruleError(() => customizeCalendar(BR_CALENDAR, { add: [def('new', { type: 'fixed', month: 0, day: 1 })] })))).toEqual([
      ['add', 0, 'rule', 'month'],
    ]);
    // Removing Black Friday leaves Cyber Monday (Black Friday + 3) dangling.
    const e = ruleError(() => customizeCalendar(BR_CALENDAR, { remove: ['br.black_friday'] }));
    const cyber = BR_CALENDAR.dates.findIndex((d) => d.id === 'br.cyber_monday');
    expect(paths(e)).toEqual([['dates', cyber, 'rule', 'to']]);
  });

  it('definitions of a calendar are frozen copies', () => {
    const mine = def('a', { type: 'fixed', month: 1, day: 1 });
    const cal = createCalendar([mine]);
    (mine.rule as { month: number }).month = 2;
    expect(formatCalendarDay(calendarDateInYear(cal, 'a', 2026) ?? { year: 0, month: 0, day: 0 })).toBe('2026-01-01');
    expect(Object.isFrozen(cal.dates[0]?.rule)).toBe(true);
  });

  it('a calendar object built by hand (not by createCalendar) is validated on first use', () => {
    const hand = { dates: [def('a', { type: 'fixed', month: 1, day: 1 })] };
    expect(calendarDateInYear(hand, 'a', 2026)).toEqual({ year: 2026, month: 1, day: 1 });
    const bad = { dates: [def('a', { type: 'fixed', month: 14, day: 1 })] };
    expect(paths(ruleError(() => calendarDateInYear(bad, 'a', 2026)))).toEqual([[0, 'rule', 'month']]);
  });
});

describe('first and last year', () => {
  it('a date exists only in its year range', () => {
    const cal = createCalendar([def('promo', { type: 'fixed', month: 7, day: 1 }, { firstYear: 2026, lastYear: 2027 })]);
    expect(calendarDateInYear(cal, 'promo', 2025)).toBeUndefined();
    expect(calendarDateInYear(cal, 'promo', 2026)).toEqual({ year: 2026, month: 7, day: 1 });
    expect(calendarDateInYear(cal, 'promo', 2027)).toEqual({ year: 2027, month: 7, day: 1 });
    expect(calendarDateInYear(cal, 'promo', 2028)).toBeUndefined();
  });

  it('an offset across New Year belongs to its rule-year', () => {
    // Easter − 100 days: Easter 2026 is 5 April (issue reference) = day 95 of 2026 (31 + 28 + 31 + 5),
    // so Easter − 100 is day −5 of 2026; day 0 is 31 December 2025, so day −5 is 26 December 2025.
    const cal = createCalendar([def('pre', { type: 'easter', offsetDays: -100 })]);
    expect(calendarDateInYear(cal, 'pre', 2026)).toEqual({ year: 2025, month: 12, day: 26 });
    const occ = calendarOccurrences(cal, { from: '2025-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z', timeZone: 'UTC' });
    expect(occ.map((o) => [o.isoDate, o.ruleYear])).toEqual([['2025-12-26', 2026]]);
  });
});
