import fc from 'fast-check';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { civilFromDays, createLocalDayIndexer, daysFromCivil, localDayStartMs } from '../../src/value/local-days.js';

const DAY = 86_400_000;
// Zones with DST (north and south), a 30-minute DST shift (Lord Howe), a 45-minute offset (Kathmandu,
// Chatham) and São Paulo, which had DST until 2019.
const zones = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

describe('local calendar days (internal)', () => {
  it('agree with the offset @date-fns/tz gives for each instant (oracle), around transitions too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }), { minLength: 1, maxLength: 50 }),
        (zone, instants) => {
          const dayOf = createLocalDayIndexer(zone);
          for (const ms of instants) {
            const expected = Math.floor((ms + tzOffset(zone, new Date(ms)) * 60_000) / DAY);
            expect(dayOf(ms)).toBe(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('put the instants around the 2018 São Paulo DST start on the right local days', () => {
    // DST began at 00:00 on 2018-11-04 (clocks to 01:00, UTC−2); 02:30Z was still 23:30 on 11-03 (UTC−3).
    const dayOf = createLocalDayIndexer('America/Sao_Paulo');
    expect(dayOf(Date.UTC(2018, 10, 4, 2, 30))).toBe(daysFromCivil(2018, 11, 3));
    expect(dayOf(Date.UTC(2018, 10, 4, 3, 30))).toBe(daysFromCivil(2018, 11, 4));
    // The day has no local midnight: it starts at 01:00 local = 03:00Z.
    expect(new Date(localDayStartMs('America/Sao_Paulo', daysFromCivil(2018, 11, 4))).toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('convert day numbers to calendar dates and back (Date.UTC as oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        const c = civilFromDays(days);
        const d = new Date(days * DAY);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
      }),
    );
  });
});

describe('local day starts (internal)', () => {
  it('are the instants whose local day begins, also for years 0..99 that Date would misread', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 30_000 }), (days) => {
        expect(localDayStartMs('UTC', days)).toBe(days * DAY);
      }),
    );
  });
});
