// Property tests: the guarantees the calendar module promises, checked on generated input.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  US_CALENDAR,
  WEEKDAYS,
  birthdayOccurrences,
  calendarDateInYear,
  calendarDayInZone,
  calendarDayRange,
  calendarDaySerial,
  calendarOccurrences,
  createCalendar,
  customizeCalendar,
  easterSunday,
  formatCalendarDay,
  nextOccurrence,
  parseCalendarDates,
  parseCalendarDay as parseCalendarDayExport,
  type CalendarDateDefinition,
  type DateRule,
  type Weekday,
} from '../../src/calendar/index.js';
import { isJornadaError } from '../../src/core/errors.js';
import type { PartialDate } from '../../src/model/index.js';

const DAY_MS = 86_400_000;
const names = { en: 'X', 'pt-BR': 'X' };

/** Independent oracle: the days of a month via Date.UTC (the proleptic Gregorian calendar of ECMAScript). */
function utcDaysOfMonth(year: number, month: number): { day: number; weekday: number }[] {
  const out: { day: number; weekday: number }[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(Date.UTC(year, month - 1, d));
    if (date.getUTCMonth() !== month - 1) break;
    out.push({ day: d, weekday: date.getUTCDay() });
  }
  return out;
}

function utcShift(day: { year: number; month: number; day: number }, offset: number): string {
  return new Date(Date.UTC(day.year, day.month - 1, day.day) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** What the oracle expects for a rule in a year: an ISO day, or undefined when absent. */
function oracle(rule: DateRule, year: number, refDay?: string): string | undefined {
  switch (rule.type) {
    case 'fixed':
      return utcDaysOfMonth(year, rule.month).some((d) => d.day === rule.day) ? utcShift({ year, month: rule.month, day: rule.day }, 0) : undefined;
    case 'nth_weekday': {
      const matching = utcDaysOfMonth(year, rule.month).filter((d) => d.weekday === WEEKDAYS.indexOf(rule.weekday));
      const hit = matching[rule.nth - 1];
      return hit === undefined ? undefined : utcShift({ year, month: rule.month, day: hit.day }, rule.offsetDays ?? 0);
    }
    case 'last_weekday': {
      const matching = utcDaysOfMonth(year, rule.month).filter((d) => d.weekday === WEEKDAYS.indexOf(rule.weekday));
      const hit = matching[matching.length - 1] as { day: number };
      return utcShift({ year, month: rule.month, day: hit.day }, 0);
    }
    case 'easter':
      return utcShift(easterSunday(year), rule.offsetDays);
    case 'relative':
      if (refDay === undefined) return undefined;
      return new Date(Date.parse(`${refDay}T00:00:00Z`) + rule.offsetDays * DAY_MS).toISOString().slice(0, 10);
  }
}

const weekdayArb = fc.constantFrom(...WEEKDAYS) as fc.Arbitrary<Weekday>;
const monthArb = fc.integer({ min: 1, max: 12 });
const offsetArb = fc.integer({ min: -366, max: 366 });

const anchorRuleArb: fc.Arbitrary<DateRule> = fc.oneof(
  fc.record({ month: monthArb, day: fc.integer({ min: 1, max: 31 }) }).map(({ month, day }): DateRule => {
    const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
    const d = Math.min(day, max);
    return month === 2 && d === 29 ? { type: 'fixed', month, day: d, mayBeAbsent: true } : { type: 'fixed', month, day: d };
  }),
  fc.record({ month: monthArb, weekday: weekdayArb, nth: fc.integer({ min: 1, max: 5 }), offsetDays: fc.option(offsetArb, { nil: undefined }) }).map(
    ({ month, weekday, nth, offsetDays }): DateRule => {
      const base = nth === 5
        ? ({ type: 'nth_weekday', month, weekday, nth: 5, mayBeAbsent: true } as const)
        : ({ type: 'nth_weekday', month, weekday, nth: nth as 1 | 2 | 3 | 4 } as const);
      return offsetDays === undefined ? base : { ...base, offsetDays };
    },
  ),
  fc.record({ month: monthArb, weekday: weekdayArb }).map(({ month, weekday }): DateRule => ({ type: 'last_weekday', month, weekday })),
  offsetArb.map((offsetDays): DateRule => ({ type: 'easter', offsetDays })),
);

const mayBeAbsent = (r: DateRule): boolean => 'mayBeAbsent' in r && r.mayBeAbsent === true;

/** A calendar of an anchor and a chain of relative dates, with optional year ranges. */
const chainCalendarArb = fc
  .record({
    anchor: anchorRuleArb,
    offsets: fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 4 }),
    firstYear: fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: undefined }),
    span: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  })
  .map(({ anchor, offsets, firstYear, span }) => {
    const absent = mayBeAbsent(anchor);
    const defs: CalendarDateDefinition[] = [
      {
        id: 'd0', names, kind: 'commercial', country: 'BR', tags: [], rule: anchor,
        ...(firstYear === undefined ? {} : { firstYear }),
        ...(firstYear !== undefined && span !== undefined ? { lastYear: firstYear + span } : {}),
      },
    ];
    offsets.forEach((offsetDays, i) => {
      defs.push({
        id: `d${i + 1}`, names, kind: 'observance', country: 'BR', tags: [],
        rule: absent ? { type: 'relative', to: `d${i}`, offsetDays, mayBeAbsent: true } : { type: 'relative', to: `d${i}`, offsetDays },
      });
    });
    return defs;
  });

describe('each rule gives exactly one date per year in its range (or none where its type says it may not exist)', () => {
  it('holds for generated rules, and the date is the one an independent Date.UTC oracle finds', () => {
    fc.assert(
      fc.property(chainCalendarArb, fc.integer({ min: 1990, max: 2070 }), (defs, year) => {
        const cal = createCalendar(defs);
        let refDay: string | undefined;
        for (const d of defs) {
          const got = calendarDateInYear(cal, d.id, year);
          const first = defs[0]?.firstYear ?? -Infinity;
          const last = defs[0]?.lastYear ?? Infinity;
          const inRange = year >= first && year <= last;
          const expected = inRange ? oracle(d.rule, year, refDay) : undefined;
          expect(got === undefined ? undefined : formatCalendarDay(got)).toBe(expected);
          if (inRange && !mayBeAbsent(defs[0]?.rule as DateRule)) expect(got).toBeDefined();
          refDay = expected;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every built-in date exists every year from 2026 to 2100 (none of them may be absent)', () => {
    for (const cal of [BR_CALENDAR, US_CALENDAR, PT_CALENDAR]) {
      for (const d of cal.dates) {
        for (let y = 2026; y <= 2100; y++) expect(calendarDateInYear(cal, d.id, y), `${d.id} ${y}`).toBeDefined();
      }
    }
  });
});

const zoneArb = fc.constantFrom('UTC', 'America/Sao_Paulo', 'America/Noronha', 'America/Rio_Branco', 'America/New_York', 'Europe/Lisbon', 'Atlantic/Azores', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago');
const instantArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

describe('occurrences', () => {
  it('come sorted, without duplicates, inside the range, and agree with calendarDateInYear', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(BR_CALENDAR, US_CALENDAR, PT_CALENDAR),
        instantArb,
        fc.integer({ min: 0, max: 800 * DAY_MS }),
        zoneArb,
        (cal, from, length, zone) => {
          const to = from + length;
          const occ = calendarOccurrences(cal, { from: new Date(from), to: new Date(to), timeZone: zone, regions: ['BR-SP', 'BR-RJ'] });
          const serials = occ.map((o) => calendarDaySerial(o.day));
          for (let i = 1; i < occ.length; i++) {
            expect(serials[i] as number).toBeGreaterThanOrEqual(serials[i - 1] as number);
          }
          const keys = occ.map((o) => `${o.id}|${o.isoDate}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const o of occ) {
            // The local day overlaps [from, to) and its start instant falls on that day in the zone.
            expect(o.end.getTime()).toBeGreaterThan(from);
            expect(o.start.getTime()).toBeLessThan(to);
            if (o.start.getTime() === o.end.getTime()) {
              // A local day the zone skipped (Pacific/Kiritimati jumped from 30 Dec 1994 to 1 Jan 1995):
              // it covers no instant, and its empty range sits where the next day starts.
              expect(calendarDaySerial(calendarDayInZone(o.start, zone))).toBe(calendarDaySerial(o.day) + 1);
            } else {
              expect(calendarDayInZone(o.start, zone)).toEqual(o.day);
            }
          }
          // Same set as asking each date for each year whose day overlaps the range.
          if (to > from) {
            const firstDay = calendarDayInZone(new Date(from), zone);
            const lastDay = calendarDayInZone(new Date(to - 1), zone);
            const expected: string[] = [];
            for (const d of cal.dates) {
              for (let y = firstDay.year - 1; y <= lastDay.year + 1; y++) {
                const day = calendarDateInYear(cal, d.id, y);
                if (day === undefined) continue;
                const s = calendarDaySerial(day);
                if (s >= calendarDaySerial(firstDay) && s <= calendarDaySerial(lastDay)) expected.push(`${d.id}|${formatCalendarDay(day)}`);
              }
            }
            expect([...keys].sort()).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('find dates whose offsets cross New Year (generated calendars with offsets up to ±366 days)', () => {
    fc.assert(
      fc.property(chainCalendarArb, fc.integer({ min: 1995, max: 2060 }), fc.integer({ min: 1, max: 500 }), (defs, year, days) => {
        const cal = createCalendar(defs);
        const from = Date.UTC(year, 0, 1);
        const to = from + days * DAY_MS;
        const got = calendarOccurrences(cal, { from: new Date(from), to: new Date(to), timeZone: 'UTC' }).map((o) => `${o.id}|${o.isoDate}`);
        // Brute force: every rule-year whose day could reach the range (the chains add at most 366 + 4 × 40 days).
        const expected: string[] = [];
        for (const d of defs) {
          for (let y = year - 3; y <= year + 4; y++) {
            const day = calendarDateInYear(cal, d.id, y);
            if (day === undefined) continue;
            const t = Date.UTC(day.year, day.month - 1, day.day);
            if (t >= from && t < to) expected.push(`${d.id}|${formatCalendarDay(day)}`);
          }
        }
        expect([...got].sort()).toEqual(expected.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('nextOccurrence is the first occurrence of the following days', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, fc.boolean(), (t, zone, inclusive) => {
        const next = nextOccurrence(BR_CALENDAR, new Date(t), { timeZone: zone, inclusive });
        const today = calendarDayInZone(new Date(t), zone);
        const occ = calendarOccurrences(BR_CALENDAR, { from: new Date(t - 2 * DAY_MS), to: new Date(t + 400 * DAY_MS), timeZone: zone });
        const first = occ.find((o) => calendarDaySerial(o.day) >= calendarDaySerial(today) + (inclusive ? 0 : 1));
        expect(next?.id).toBe(first?.id);
        expect(next?.isoDate).toBe(first?.isoDate);
      }),
      { numRuns: 150 },
    );
  });
});

describe('birthdays never skip a year', () => {
  it('one birthday in every year after the birth year, 29 February included, under both policies', () => {
    const birthdayArb = fc
      .record({ year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: undefined }), month: monthArb, day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }): PartialDate => {
        const leapOk = year === undefined || (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const max = month === 2 ? (leapOk ? 29 : 28) : ([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number);
        const d = Math.min(day, max);
        return year === undefined ? { month, day: d } : { year, month, day: d };
      });
    fc.assert(
      fc.property(
        fc.oneof(birthdayArb, fc.constant<PartialDate>({ year: 2000, month: 2, day: 29 }), fc.constant<PartialDate>({ month: 2, day: 29 })),
        fc.integer({ min: 1990, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        zoneArb,
        fc.constantFrom('feb28' as const, 'mar1' as const),
        (birthday, fromYear, years, zone, feb29) => {
          // The range is whole local years in the customer's zone: [1 Jan fromYear, 1 Jan fromYear + years).
          const from = new Date(Date.UTC(fromYear, 0, 1) - 14 * 3_600_000);
          const to = new Date(Date.UTC(fromYear + years, 0, 1) + 12 * 3_600_000);
          const occ = birthdayOccurrences({ id: 'c', birthday, timeZone: zone }, { from, to, feb29 });
          const firstDay = calendarDayInZone(from, zone);
          const lastDay = calendarDayInZone(new Date(to.getTime() - 1), zone);
          const expectedYears: number[] = [];
          for (let y = firstDay.year; y <= lastDay.year; y++) {
            if (birthday.year !== undefined && y <= birthday.year) continue;
            // Count the year only when its birthday lies inside the local range (the ends are partial years).
            const m = birthday.month;
            const d = birthday.day;
            const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
            const [mm, dd] = m === 2 && d === 29 && !leap ? (feb29 === 'feb28' ? [2, 28] : [3, 1]) : [m, d];
            const s = calendarDaySerial({ year: y, month: mm, day: dd });
            if (s >= calendarDaySerial(firstDay) && s <= calendarDaySerial(lastDay)) expectedYears.push(y);
          }
          expect(occ.map((o) => o.day.year)).toEqual(expectedYears);
          // Inner years (fully inside the range) always have one.
          for (let y = firstDay.year + 1; y < lastDay.year; y++) {
            if (birthday.year === undefined || y > birthday.year) expect(occ.filter((o) => o.day.year === y)).toHaveLength(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fuzzing the rule entry points: bad input gets INVALID_RULE with a path, never a crash', () => {
  const nearValidRule = fc.record(
    {
      type: fc.constantFrom('fixed', 'nth_weekday', 'last_weekday', 'easter', 'relative', 'lunar', 7),
      month: fc.oneof(fc.integer({ min: -2, max: 15 }), fc.constant('5'), fc.double()),
      day: fc.integer({ min: -1, max: 33 }),
      weekday: fc.oneof(fc.constantFrom(...WEEKDAYS), fc.string()),
      nth: fc.integer({ min: -1, max: 7 }),
      offsetDays: fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constant(Number.NaN)),
      to: fc.constantFrom('d0', 'd1', 'd2', 'nope', ''),
      mayBeAbsent: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  );
  const nearValidDef = fc.record(
    {
      id: fc.constantFrom('d0', 'd1', 'd2', 'bad id', ''),
      names: fc.oneof(fc.constant(names), fc.anything()),
      kind: fc.constantFrom('public_holiday', 'commercial', 'observance', 'optional_holiday', 'other'),
      country: fc.constantFrom('BR', 'br', 'USA'),
      region: fc.constantFrom('BR-SP', 'PT-11', 'x'),
      tags: fc.oneof(fc.constant([]), fc.array(fc.string(), { maxLength: 2 })),
      rule: fc.oneof(nearValidRule, fc.anything()),
      firstYear: fc.integer({ min: 1500, max: 10001 }),
      lastYear: fc.integer({ min: 1500, max: 10001 }),
    },
    { requiredKeys: ['id', 'names', 'kind', 'country', 'tags', 'rule'] },
  );

  function checkOutcome(fn: () => unknown): void {
    try {
      fn();
    } catch (e) {
      expect(isJornadaError(e), String(e)).toBe(true);
      if (isJornadaError(e)) {
        expect(e.code).toBe('INVALID_RULE');
        expect(e.issues.length).toBeGreaterThan(0);
        for (const i of e.issues) expect(Array.isArray(i.path)).toBe(true);
      }
    }
  }

  it('createCalendar and parseCalendarDates on near-valid documents', () => {
    fc.assert(
      fc.property(fc.array(nearValidDef, { maxLength: 4 }), (defs) => {
        checkOutcome(() => createCalendar(defs as unknown as CalendarDateDefinition[]));
        checkOutcome(() => parseCalendarDates(defs));
      }),
      { numRuns: 500 },
    );
  });

  it('createCalendar, parseCalendarDates and customizeCalendar on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        checkOutcome(() => createCalendar(x as CalendarDateDefinition[]));
        checkOutcome(() => parseCalendarDates(x));
        checkOutcome(() => customizeCalendar(BR_CALENDAR, { add: [x as CalendarDateDefinition] }));
      }),
      { numRuns: 300 },
    );
  });

  it('issue paths of a bad definition point inside that definition', () => {
    fc.assert(
      fc.property(fc.array(nearValidDef, { minLength: 1, maxLength: 4 }), (defs) => {
        try {
          parseCalendarDates(defs);
        } catch (e) {
          if (!isJornadaError(e)) throw e;
          for (const i of e.issues) {
            expect(typeof i.path[0]).toBe('number');
            expect(i.path[0] as number).toBeLessThan(defs.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('results do not depend on the machine time zone', () => {
  // Node reads TZ when a process starts and when process.env.TZ is assigned on the main thread; vitest
  // runs this file in a worker thread, where the assignment has no effect, so the same computations run
  // in child processes under each TZ and their outputs are compared. The first entry of each output
  // proves the zone took effect (the machine offset of 1 January 2026, in minutes west of UTC).
  const script = fileURLToPath(new URL('./tz-fingerprint.ts', import.meta.url));
  const machineZones: [string, number][] = [
    ['UTC', 0],
    ['America/Sao_Paulo', 180],
    ['Asia/Tokyo', -540],
    ['Pacific/Kiritimati', -840],
  ];
  it('gives byte-identical results under TZ = UTC, America/Sao_Paulo, Asia/Tokyo and Pacific/Kiritimati', () => {
    const outputs = machineZones.map(([tz, offset]) => {
      const text = execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      const parsed = JSON.parse(text) as [{ machineOffsetJan: number }, ...unknown[]];
      expect(parsed[0].machineOffsetJan, tz).toBe(offset);
      return JSON.stringify(parsed.slice(1));
    });
    for (const o of outputs.slice(1)) expect(o).toBe(outputs[0]);
    expect((outputs[0] ?? '').length).toBeGreaterThan(10_000);
  });
});

describe('fuzzing the other entry points: results or a JornadaError, never a crash', () => {
  function jornadaOrValue(fn: () => unknown): void {
    try {
      fn();
    } catch (e) {
      expect(isJornadaError(e), String(e)).toBe(true);
      if (isJornadaError(e)) expect(['INVALID_INPUT', 'INVALID_OPTION', 'INVALID_RULE']).toContain(e.code);
    }
  }
  // Instants within two centuries (a range of thousands of years is valid but returns a huge array),
  // invalid dates and arbitrary strings.
  const instantish = fc.oneof(
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: false }),
    fc.string(),
    fc.constant('2026-05-10T00:00:00Z'),
    fc.constant(new Date(Number.NaN)),
  );

  it('the widest instants JavaScript has are clamped to the years 1583–9999', () => {
    const occ = calendarOccurrences(BR_CALENDAR, { from: new Date(-8.64e15), to: new Date(8.64e15), timeZone: 'UTC', ids: ['br.black_friday'] });
    // One Black Friday per year from 1583 to 9999: 9999 − 1583 + 1 = 8417.
    expect(occ).toHaveLength(8417);
    expect(occ[0]?.day.year).toBe(1583);
    expect(occ[occ.length - 1]?.day.year).toBe(9999);
  });
  const zoneish = fc.oneof(zoneArb, fc.string(), fc.constant(''));

  it('parseCalendarDay accepts exactly the valid ISO days', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ min: new Date('1583-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (text) => {
        let parsed: ReturnType<typeof formatCalendarDay> | undefined;
        try {
          parsed = formatCalendarDay(parseCalendarDayExport(text));
        } catch (e) {
          expect(isJornadaError(e) && e.code).toBe('INVALID_INPUT');
          return;
        }
        expect(parsed).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('queries and customer dates on arbitrary options', () => {
    fc.assert(
      fc.property(instantish, instantish, zoneish, fc.anything(), (from, to, zone, junk) => {
        jornadaOrValue(() => calendarOccurrences(BR_CALENDAR, { from: from as Date, to: to as Date, timeZone: zone }));
        jornadaOrValue(() => nextOccurrence(BR_CALENDAR, from as Date, { timeZone: zone, horizonYears: 1 }));
        jornadaOrValue(() => calendarOccurrences(BR_CALENDAR, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', timeZone: 'UTC', tags: junk as string[] }));
        jornadaOrValue(() =>
          birthdayOccurrences({ id: 'c', birthday: junk as PartialDate, timeZone: zone }, { from: from as Date, to: to as Date }),
        );
        jornadaOrValue(() => birthdayOccurrences({ id: 'c', birthday: { month: 5, day: 10 } }, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', feb29: junk as 'feb28' }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a local day the zone skipped', () => {
  it('still occurs, with an empty instant range (Kiritimati skipped 31 December 1994)', () => {
    // Kiribati moved the Line Islands from UTC−10 to UTC+14 at the end of 1994 (IANA tz database,
    // Pacific/Kiritimati): local 30 December 1994 was followed by 1 January 1995.
    const occ = calendarOccurrences(BR_CALENDAR, { from: new Date('1994-12-29T00:00:00Z'), to: new Date('1995-01-03T00:00:00Z'), timeZone: 'Pacific/Kiritimati' });
    const eve = occ.find((o) => o.id === 'br.new_years_eve');
    expect(eve?.isoDate).toBe('1994-12-31');
    expect(eve?.start.getTime()).toBe(eve?.end.getTime());
  });
});

describe('local days in every IANA zone', () => {
  // Oracle: Intl.DateTimeFormat (the runtime's ICU reading of the IANA database), independent of the
  // memoised offsets the calendar reads days with. (A one-off scan of every zone's offset changes from
  // 1850 to 2040, four days around each, found no disagreement either; it takes a minute, so it is not
  // repeated here.)
  const zones = Intl.supportedValuesOf('timeZone');
  const readers = new Map<string, Intl.DateTimeFormat>();
  function intlDay(t: number, zone: string): string {
    let f = readers.get(zone);
    if (f === undefined) readers.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
    return f.format(new Date(t));
  }
  const iso = (d: { year: number; month: number; day: number }) => formatCalendarDay(d);

  it('calendarDayInZone reads the day Intl shows, 1583–2040', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1583, 0, 2), max: Date.UTC(2040, 0, 1) }), (zone, t) => {
        expect(iso(calendarDayInZone(new Date(t), zone))).toBe(intlDay(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('a day range starts at the first instant Intl shows the day and ends at the first of the next', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1583, 0, 2), max: Date.UTC(2039, 11, 31) }), (zone, t) => {
        const day = calendarDayInZone(new Date(t), zone);
        const { start, end } = calendarDayRange(day, zone);
        expect(intlDay(start.getTime(), zone)).toBe(iso(day));
        expect(intlDay(start.getTime() - 1, zone) < iso(day)).toBe(true);
        expect(intlDay(end.getTime() - 1, zone)).toBe(iso(day));
        expect(intlDay(end.getTime(), zone) > iso(day)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a day whose midnight repeats starts at the first midnight (Tunis, 24 September 1977)', () => {
    // IANA tz database, Africa/Tunis: summer time (UTC+2) ended on 24 September 1977 at 01:00 local,
    // clocks back to 00:00 (UTC+1), so 00:00–01:00 happened twice; the day began at 00:00 UTC+2 =
    // 22:00 UTC on the 23rd. The oracle confirms it: one millisecond earlier Intl shows the 23rd.
    const { start } = calendarDayRange({ year: 1977, month: 9, day: 24 }, 'Africa/Tunis');
    expect(start.toISOString()).toBe('1977-09-23T22:00:00.000Z');
    expect(intlDay(start.getTime() - 1, 'Africa/Tunis')).toBe('1977-09-23');
    expect(intlDay(start.getTime(), 'Africa/Tunis')).toBe('1977-09-24');
  });

  it('an offset between −1 h and 0 keeps its sign (Monrovia, UTC−0:44:30 until 1972)', () => {
    // IANA tz database, Africa/Monrovia: UTC−0:44:30 until 7 January 1972. At 00:00 UTC on
    // 2 January 1971 the local time was 23:15:30 on the 1st (Intl, the oracle, agrees); @date-fns/tz's
    // tzOffset reads this offset as +44.5 minutes, which would give the 2nd.
    const t = Date.UTC(1971, 0, 2);
    expect(intlDay(t, 'Africa/Monrovia')).toBe('1971-01-01');
    expect(iso(calendarDayInZone(new Date(t), 'Africa/Monrovia'))).toBe('1971-01-01');
  });

  it('a day whose midnight is skipped by a jump from 23:30 starts at the jump (Nassau, 31 March 1919)', () => {
    // IANA tz database, America/Nassau: daylight time began on 31 March 1919 with the clocks moving
    // from 23:30 EST (UTC−5) on the 30th to 00:30 EDT (UTC−4), at 04:30 UTC; local 00:00–00:30 did not
    // exist, and the 31st began at 00:30. Intl (the oracle) shows the 30th one millisecond earlier.
    const { start } = calendarDayRange({ year: 1919, month: 3, day: 31 }, 'America/Nassau');
    expect(start.toISOString()).toBe('1919-03-31T04:30:00.000Z');
    expect(intlDay(start.getTime() - 1, 'America/Nassau')).toBe('1919-03-30');
    expect(intlDay(start.getTime(), 'America/Nassau')).toBe('1919-03-31');
  });
});
