// Dates checked against published references. Each expected value says where it comes from.
import { describe, expect, it } from 'vitest';
import {
  BR_CALENDAR,
  PT_CALENDAR,
  US_CALENDAR,
  calendarDateInYear,
  calendarDayFromSerial,
  calendarDaySerial,
  calendarWeekday,
  easterSunday,
  formatCalendarDay,
} from '../../src/calendar/index.js';
import { isJornadaError } from '../../src/core/errors.js';

const iso = (cal: typeof BR_CALENDAR, id: string, year: number): string | undefined => {
  const d = calendarDateInYear(cal, id, year);
  return d === undefined ? undefined : formatCalendarDay(d);
};

describe('issue 7 references (Brazil)', () => {
  // Expected dates are the ones listed in the issue ("References to test against").
  it.each([
    ['br.mothers_day', 2026, '2026-05-10'],
    ['br.mothers_day', 2027, '2027-05-09'],
    ['br.fathers_day', 2026, '2026-08-09'],
    ['br.fathers_day', 2027, '2027-08-08'],
    ['br.black_friday', 2026, '2026-11-27'],
    ['br.black_friday', 2027, '2027-11-26'],
    ['br.carnival', 2026, '2026-02-17'],
    ['br.easter', 2026, '2026-04-05'],
    ['br.easter', 2027, '2027-03-28'],
  ])('%s in %i is %s', (id, year, expected) => {
    expect(iso(BR_CALENDAR, id, year)).toBe(expected);
  });
});

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  // Published Easter dates (Western churches), e.g. the table in Meeus, Astronomical Algorithms, ch. 8,
  // and the extremes of the Gregorian cycle: 22 March (1818, 2285) and 25 April (1943, 2038).
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [1954, '1954-04-18'], // one of Meeus' examples
    [2000, '2000-04-23'], // one of Meeus' examples
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(formatCalendarDay(easterSunday(year))).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April (the definition of the computus)', () => {
    for (let year = 1583; year <= 9999; year += 7) {
      const e = easterSunday(year);
      expect(calendarWeekday(e)).toBe(0);
      const mmdd = e.month * 100 + e.day;
      expect(mmdd).toBeGreaterThanOrEqual(322);
      expect(mmdd).toBeLessThanOrEqual(425);
    }
  });

  it('refuses years outside the Gregorian range with INVALID_OPTION', () => {
    for (const y of [1582, 10000, 2026.5, Number.NaN]) {
      try {
        easterSunday(y);
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.code).toBe('INVALID_OPTION');
      }
    }
  });
});

describe('day serials (Hinnant days_from_civil)', () => {
  it('matches hand-computed values', () => {
    // 1970-01-01 is day 0 by definition; 2000-01-01 is 30 × 365 + 7 leap days (1972 … 1996) = 10957,
    // which is also 946684800 s (the Unix time of 2000-01-01T00:00Z) / 86400.
    expect(calendarDaySerial({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(calendarDaySerial({ year: 2000, month: 1, day: 1 })).toBe(10957);
    expect(calendarDaySerial({ year: 2000, month: 1, day: 1 })).toBe(Date.UTC(2000, 0, 1) / 86_400_000);
    // 29 Feb 2000 exists (divisible by 400): 31 (Jan) + 28 = day 59 of the year.
    expect(calendarDaySerial({ year: 2000, month: 2, day: 29 })).toBe(10957 + 59);
    expect(calendarDayFromSerial(10957 + 60)).toEqual({ year: 2000, month: 3, day: 1 });
    // 1969-12-31 is the day before the epoch.
    expect(calendarDayFromSerial(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('agrees with Date.UTC on every day from 1583 to 2400 (Date.UTC is the proleptic Gregorian calendar)', () => {
    const first = Date.UTC(1583, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    for (let s = first; s <= last; s++) {
      const d = new Date(s * 86_400_000);
      const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      if (calendarDaySerial(day) !== s) expect(calendarDaySerial(day)).toBe(s);
      if (calendarWeekday(day) !== d.getUTCDay()) expect(calendarWeekday(day)).toBe(d.getUTCDay());
    }
  });
});

describe('built-in calendars: legal facts', () => {
  it('Brazil: Consciência Negra is a national holiday from 2024 (Lei 14.759/2023), not before', () => {
    expect(iso(BR_CALENDAR, 'br.black_consciousness_day', 2023)).toBeUndefined();
    expect(iso(BR_CALENDAR, 'br.black_consciousness_day', 2024)).toBe('2024-11-20');
  });

  it('Brazil: the national public holidays are the ten of the laws cited (Carnaval is not one)', () => {
    // Lei 662/1949 (as amended by Lei 10.607/2002): 1 Jan, 21 Apr, 1 May, 7 Sep, 2 Nov, 15 Nov, 25 Dec;
    // Lei 6.802/1980: 12 Oct; Lei 14.759/2023: 20 Nov; Good Friday (Lei 9.093/1995, observed nationwide).
    const ids = BR_CALENDAR.dates.filter((d) => d.kind === 'public_holiday' && d.region === undefined).map((d) => d.id);
    expect(ids.sort()).toEqual(
      [
        'br.new_year',
        'br.tiradentes',
        'br.labour_day',
        'br.independence_day',
        'br.all_souls_day',
        'br.republic_day',
        'br.christmas',
        'br.our_lady_of_aparecida',
        'br.black_consciousness_day',
        'br.good_friday',
      ].sort(),
    );
    const carnival = BR_CALENDAR.dates.filter((d) => d.id.startsWith('br.carnival'));
    expect(carnival.map((d) => d.kind)).toEqual(['optional_holiday', 'optional_holiday']);
  });

  it('Portugal: the thirteen mandatory holidays of Código do Trabalho art. 234, with the four restored in 2016', () => {
    const ids = PT_CALENDAR.dates.filter((d) => d.kind === 'public_holiday').map((d) => d.id);
    expect(ids).toHaveLength(13);
    // Lei 8/2016 restored Corpo de Deus, 5 Oct, 1 Nov and 1 Dec (suspended 2013–2015 by Lei 23/2012).
    for (const id of ['pt.corpus_christi', 'pt.republic_day', 'pt.all_saints_day', 'pt.restoration_of_independence']) {
      expect(iso(PT_CALENDAR, id, 2015)).toBeUndefined();
      expect(iso(PT_CALENDAR, id, 2016)).toBeDefined();
    }
    // Corpo de Deus is Easter + 60: Easter 2026 is 5 April (issue reference), so 4 June.
    expect(iso(PT_CALENDAR, 'pt.corpus_christi', 2026)).toBe('2026-06-04');
    // Carnival Tuesday is optional (art. 235).
    expect(PT_CALENDAR.dates.find((d) => d.id === 'pt.carnival')?.kind).toBe('optional_holiday');
  });

  it('Portugal: Dia do Pai 19 March, Dia da Mãe on the first Sunday of May (hand check: 1 May 2026 is a Friday)', () => {
    expect(iso(PT_CALENDAR, 'pt.fathers_day', 2026)).toBe('2026-03-19');
    expect(calendarWeekday({ year: 2026, month: 5, day: 1 })).toBe(5);
    expect(iso(PT_CALENDAR, 'pt.mothers_day', 2026)).toBe('2026-05-03');
  });

  it('US: Thanksgiving 2026 is the fourth Thursday (1 Nov 2026 is a Sunday → Thursdays 5, 12, 19, 26)', () => {
    expect(calendarWeekday({ year: 2026, month: 11, day: 1 })).toBe(0);
    expect(iso(US_CALENDAR, 'us.thanksgiving', 2026)).toBe('2026-11-26');
    expect(iso(US_CALENDAR, 'us.black_friday', 2026)).toBe('2026-11-27');
    expect(iso(US_CALENDAR, 'us.cyber_monday', 2026)).toBe('2026-11-30');
    // Juneteenth is a federal holiday from 2021 (Pub. L. 117-17).
    expect(iso(US_CALENDAR, 'us.juneteenth', 2020)).toBeUndefined();
    expect(iso(US_CALENDAR, 'us.juneteenth', 2021)).toBe('2021-06-19');
  });

  it('Black Friday when 1 November is a Friday (2024): 28 Nov is Thanksgiving, so 29 Nov, not the 4th Friday (22 Nov)', () => {
    // Hand check: 1 Nov 2024 was a Friday; Thursdays 7, 14, 21, 28.
    expect(calendarWeekday({ year: 2024, month: 11, day: 1 })).toBe(5);
    expect(iso(BR_CALENDAR, 'br.black_friday', 2024)).toBe('2024-11-29');
    expect(iso(US_CALENDAR, 'us.black_friday', 2024)).toBe('2024-11-29');
    expect(iso(PT_CALENDAR, 'pt.black_friday', 2024)).toBe('2024-11-29');
  });

  it('ids are unique across the three built-in calendars, so they can be merged', () => {
    const all = [...BR_CALENDAR.dates, ...US_CALENDAR.dates, ...PT_CALENDAR.dates].map((d) => d.id);
    expect(new Set(all).size).toBe(all.length);
  });
});
