// Queries in IANA zones. Expected instants are hand-computed from each zone's UTC offset, stated in comments.
import { describe, expect, it } from 'vitest';
import {
  BR_CALENDAR,
  US_CALENDAR,
  calendarDayInZone,
  calendarDayRange,
  calendarOccurrences,
  createCalendar,
  daysUntil,
  nextOccurrence,
  type CalendarDateDefinition,
} from '../../src/calendar/index.js';
import { isJornadaError } from '../../src/core/errors.js';

const HOUR = 3_600_000;

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

describe('a date is a local day: the instants it covers', () => {
  it('São Paulo (UTC−3, no DST since 2019): Dia das Mães 2026 covers 03:00Z to 03:00Z next day', () => {
    const r = calendarDayRange({ year: 2026, month: 5, day: 10 }, 'America/Sao_Paulo');
    expect(r.start.toISOString()).toBe('2026-05-10T03:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-05-11T03:00:00.000Z');
  });

  it('New York: the DST days have 23 and 25 hours (2nd Sunday of March, 1st Sunday of November)', () => {
    // 8 Mar 2026 starts at 00:00 EST (UTC−5) = 05:00Z; 9 Mar starts at 00:00 EDT (UTC−4) = 04:00Z.
    const spring = calendarDayRange({ year: 2026, month: 3, day: 8 }, 'America/New_York');
    expect(spring.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * HOUR);
    // 1 Nov 2026 starts at 00:00 EDT = 04:00Z; 2 Nov starts at 00:00 EST = 05:00Z.
    const fall = calendarDayRange({ year: 2026, month: 11, day: 1 }, 'America/New_York');
    expect(fall.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(fall.end.getTime() - fall.start.getTime()).toBe(25 * HOUR);
  });

  it('a day whose midnight did not exist starts at the first wall-clock time that did', () => {
    // Brazil's DST of 2018 began at 00:00 on 4 Nov (clocks jumped to 01:00, UTC−2): the day starts at
    // 01:00−02:00 = 03:00Z and ends at 00:00−02:00 on 5 Nov = 02:00Z: 23 hours.
    const r = calendarDayRange({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo');
    expect(r.start.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(r.end.toISOString()).toBe('2018-11-05T02:00:00.000Z');
  });

  it('a day a zone skipped entirely covers no instant (Samoa skipped 30 Dec 2011)', () => {
    const r = calendarDayRange({ year: 2011, month: 12, day: 30 }, 'Pacific/Apia');
    expect(r.end.getTime() - r.start.getTime()).toBe(0);
  });

  it('the same instant is a different day in different zones', () => {
    const t = new Date('2026-11-27T02:00:00Z');
    // UTC: 27 Nov; São Paulo (−3): 23:00 on 26 Nov; Kiritimati (+14): 16:00 on 27 Nov; Honolulu (−10): 16:00 on 26 Nov.
    expect(calendarDayInZone(t, 'UTC')).toEqual({ year: 2026, month: 11, day: 27 });
    expect(calendarDayInZone(t, 'America/Sao_Paulo')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(calendarDayInZone(t, 'Pacific/Kiritimati')).toEqual({ year: 2026, month: 11, day: 27 });
    expect(calendarDayInZone(t, 'Pacific/Honolulu')).toEqual({ year: 2026, month: 11, day: 26 });
  });
});

describe('calendarOccurrences', () => {
  const sp = 'America/Sao_Paulo';

  it('November 2026 in São Paulo: the public holidays and the sales', () => {
    const occ = calendarOccurrences(BR_CALENDAR, { from: '2026-11-01T00:00:00-03:00', to: '2026-12-01T00:00:00-03:00', timeZone: sp });
    // Finados 2 Nov, República 15 Nov, Consciência Negra 20 Nov (laws cited in the calendar); Ação de
    // Graças = 4th Thursday (26 Nov, 1 Nov 2026 being a Sunday), Black Friday 27 Nov, Cyber Monday 30 Nov.
    expect(occ.map((o) => `${o.isoDate} ${o.id}`)).toEqual([
      '2026-11-02 br.all_souls_day',
      '2026-11-15 br.republic_day',
      '2026-11-20 br.black_consciousness_day',
      '2026-11-26 br.thanksgiving',
      '2026-11-27 br.black_friday',
      '2026-11-30 br.cyber_monday',
    ]);
    const bf = occ[4];
    expect(bf?.start.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    expect(bf?.end.toISOString()).toBe('2026-11-28T03:00:00.000Z');
    expect(bf?.timeZone).toBe(sp);
    expect(bf?.definition.names['pt-BR']).toBe('Black Friday');
  });

  it('filters by kind, tag, id, and includes regional dates only when their region is listed', () => {
    const july = { from: '2026-07-01T00:00:00-03:00', to: '2026-08-01T00:00:00-03:00', timeZone: sp };
    expect(calendarOccurrences(BR_CALENDAR, july)).toEqual([]);
    expect(calendarOccurrences(BR_CALENDAR, { ...july, regions: ['BR-SP'] }).map((o) => o.isoDate)).toEqual(['2026-07-09']);
    const year = { from: '2026-01-01T00:00:00-03:00', to: '2027-01-01T00:00:00-03:00', timeZone: sp };
    expect(calendarOccurrences(BR_CALENDAR, { ...year, tags: ['pets'] }).map((o) => o.isoDate)).toEqual(['2026-10-04']);
    expect(calendarOccurrences(BR_CALENDAR, { ...year, kinds: ['commercial'] }).map((o) => o.id)).toEqual([
      'br.consumer_day',
      'br.customer_day',
      'br.black_friday',
      'br.cyber_monday',
    ]);
    expect(calendarOccurrences(BR_CALENDAR, { ...year, ids: ['br.mothers_day', 'br.fathers_day'] }).map((o) => o.isoDate)).toEqual([
      '2026-05-10',
      '2026-08-09',
    ]);
  });

  it('two dates on one day come in the calendar order (Aparecida, then Crianças on 12 Oct)', () => {
    const occ = calendarOccurrences(BR_CALENDAR, { from: '2026-10-12T12:00:00-03:00', to: '2026-10-12T13:00:00-03:00', timeZone: sp });
    expect(occ.map((o) => o.id)).toEqual(['br.our_lady_of_aparecida', 'br.childrens_day']);
  });

  it('a day is returned when it overlaps [from, to): the zone decides which days those are', () => {
    // [2026-11-27T02:00Z, 2026-11-27T04:00Z) is 23:00–01:00 in São Paulo (26 → 27 Nov) and 02:00–04:00 in UTC (27 Nov only).
    const opts = { from: '2026-11-27T02:00:00Z', to: '2026-11-27T04:00:00Z', kinds: ['commercial' as const] };
    expect(calendarOccurrences(BR_CALENDAR, { ...opts, timeZone: sp }).map((o) => o.isoDate)).toEqual(['2026-11-27']);
    expect(calendarOccurrences(BR_CALENDAR, { ...opts, from: '2026-11-27T03:00:00Z', to: '2026-11-28T03:00:00Z', timeZone: 'UTC' }).map((o) => o.isoDate)).toEqual(['2026-11-27']);
    // From exactly the end of Black Friday in São Paulo (28 Nov 03:00Z), it is no longer included.
    expect(calendarOccurrences(BR_CALENDAR, { ...opts, from: '2026-11-28T03:00:00Z', to: '2026-11-29T03:00:00Z', timeZone: sp })).toEqual([]);
    // In Kiritimati (UTC+14) Black Friday starts at 10:00Z on 26 Nov.
    const kiri = calendarOccurrences(BR_CALENDAR, { ...opts, from: '2026-11-26T10:00:00Z', to: '2026-11-26T10:00:01Z', timeZone: 'Pacific/Kiritimati' });
    expect(kiri.map((o) => [o.isoDate, o.start.toISOString()])).toEqual([['2026-11-27', '2026-11-26T10:00:00.000Z']]);
  });

  it('an empty or reversed range gives nothing; bad zones and instants throw', () => {
    expect(calendarOccurrences(BR_CALENDAR, { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z', timeZone: 'UTC' })).toEqual([]);
    expect(code(() => calendarOccurrences(BR_CALENDAR, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', timeZone: 'Mars/Olympus' }))).toBe('INVALID_OPTION');
    expect(code(() => calendarOccurrences(BR_CALENDAR, { from: 'soon', to: '2026-02-01T00:00:00Z', timeZone: 'UTC' }))).toBe('INVALID_INPUT');
    // A date-only string names no instant (UTC midnight? local midnight?): refused, with the option's path.
    try {
      calendarOccurrences(BR_CALENDAR, { from: '2026-01-01', to: '2026-02-01T00:00:00Z', timeZone: 'UTC' });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && [e.code, e.issues[0]?.path]).toEqual(['INVALID_INPUT', ['from']]);
    }
    expect(code(() => calendarOccurrences(BR_CALENDAR, undefined as never))).toBe('INVALID_OPTION');
    expect(
      code(() => calendarOccurrences(BR_CALENDAR, { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', timeZone: 'UTC', kinds: 'commercial' as never })),
    ).toBe('INVALID_OPTION');
  });
});

describe('nextOccurrence', () => {
  const sp = 'America/Sao_Paulo';

  it('strictly after the local day of the instant, unless inclusive', () => {
    const noonBf = new Date('2026-11-27T15:00:00Z'); // 12:00 on Black Friday in São Paulo
    expect(nextOccurrence(BR_CALENDAR, noonBf, { timeZone: sp, ids: ['br.black_friday'] })?.isoDate).toBe('2027-11-26');
    expect(nextOccurrence(BR_CALENDAR, noonBf, { timeZone: sp, ids: ['br.black_friday'], inclusive: true })?.isoDate).toBe('2026-11-27');
    // Next date of any kind after Black Friday 2026: Cyber Monday (30 Nov).
    expect(nextOccurrence(BR_CALENDAR, noonBf, { timeZone: sp })?.id).toBe('br.cyber_monday');
  });

  it('the zone decides what "today" is', () => {
    // 02:30Z on 10 May 2026 is 23:30 on 9 May in São Paulo: Mother's Day is still ahead there, past in UTC.
    const t = new Date('2026-05-10T02:30:00Z');
    expect(nextOccurrence(BR_CALENDAR, t, { timeZone: sp, ids: ['br.mothers_day'] })?.isoDate).toBe('2026-05-10');
    expect(nextOccurrence(BR_CALENDAR, t, { timeZone: 'UTC', ids: ['br.mothers_day'] })?.isoDate).toBe('2027-05-09');
  });

  it('skips years where a date is absent, and gives up after the horizon', () => {
    const fifth: CalendarDateDefinition = {
      id: 'fifth_monday_march',
      names: { en: 'Fifth Monday of March', 'pt-BR': 'Quinta segunda-feira de março' },
      kind: 'commercial', country: 'BR', tags: [],
      rule: { type: 'nth_weekday', month: 3, weekday: 'monday', nth: 5, mayBeAbsent: true },
    };
    const cal = createCalendar([fifth]);
    // March has a fifth Monday in 2027 (29th) and not in 2028 (Mondays 6–27); next after is 2029? 1 Mar 2029
    // is a Thursday → Mondays 5, 12, 19, 26: none; 2030: 1 Mar is a Friday → 4…25: none; 2031: Saturday → 3…31: yes.
    expect(nextOccurrence(cal, '2027-04-01T00:00:00Z', { timeZone: 'UTC' })?.isoDate).toBe('2031-03-31');
    expect(nextOccurrence(cal, '2027-04-01T00:00:00Z', { timeZone: 'UTC', horizonYears: 2 })).toBeUndefined();
    expect(nextOccurrence(cal, '2027-04-01T00:00:00Z', { timeZone: 'UTC', ids: [] })).toBeUndefined();
    expect(code(() => nextOccurrence(cal, '2027-04-01T00:00:00Z', { timeZone: 'UTC', horizonYears: 0 }))).toBe('INVALID_OPTION');
  });

  it('US Thanksgiving after Halloween in New York', () => {
    expect(nextOccurrence(US_CALENDAR, '2026-10-31T20:00:00-04:00', { timeZone: 'America/New_York', ids: ['us.thanksgiving'] })?.isoDate).toBe('2026-11-26');
  });
});

describe('daysUntil', () => {
  it('counts wall-calendar days, not 24-hour periods', () => {
    // 12:00 on 7 Mar 2026 in New York → 9 Mar: two days, although only 47 hours separate the two noons.
    expect(daysUntil('2026-03-07T12:00:00-05:00', '2026-03-09', 'America/New_York')).toBe(2);
    expect(daysUntil('2026-05-10T02:30:00Z', '2026-05-10', 'America/Sao_Paulo')).toBe(1);
    expect(daysUntil('2026-05-10T02:30:00Z', '2026-05-10', 'UTC')).toBe(0);
    expect(daysUntil('2026-05-10T02:30:00Z', { year: 2026, month: 5, day: 1 }, 'UTC')).toBe(-9);
    // From 1 Jan 2026 to 1 Jan 2027: 365 days (2026 is not a leap year).
    expect(daysUntil('2026-01-01T12:00:00Z', '2027-01-01', 'UTC')).toBe(365);
  });

  it('rejects bad targets and zones', () => {
    expect(code(() => daysUntil('2026-01-01T00:00:00Z', '2026-02-30', 'UTC'))).toBe('INVALID_INPUT');
    expect(code(() => daysUntil('2026-01-01T00:00:00Z', { year: 2026, month: 13, day: 1 }, 'UTC'))).toBe('INVALID_INPUT');
    expect(code(() => daysUntil('2026-01-01T00:00:00Z', '2026-02-01', 'Nowhere/City'))).toBe('INVALID_OPTION');
  });
});
