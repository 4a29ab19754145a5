// The planner's local-time reading (offsets memoised as spans of constant offset) against an
// independent reading through Intl.DateTimeFormat parts, at random instants 1970–2040 in zones with
// DST, half-hour and 45-minute offsets, 30-minute DST (Lord Howe) and Brazil's abolished DST.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantAtLocal, localParts } from '../../src/core/zone-time.js';

const ZONES = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'America/Manaus', 'UTC'];
const fmt = new Map<string, Intl.DateTimeFormat>();
function intl(t: number, zone: string) {
  let f = fmt.get(zone);
  if (f === undefined) fmt.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' })));
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { year: Number(p['year']), month: Number(p['month']), day: Number(p['day']), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(String(p['weekday'])), minuteOfDay: Number(p['hour']) * 60 + Number(p['minute']) };
}
const instant = fc.integer({ min: Date.UTC(1970, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }).map((m) => m * 60_000);

describe('local time', () => {
  it('localParts agrees with Intl.DateTimeFormat at any instant', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), instant, (zone, t) => {
      expect(localParts(t, zone)).toEqual(intl(t, zone));
    }), { numRuns: 3000 });
  });

  it('instantAtLocal gives that wall time, or the first instant after a skipped one', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 1439 }), (zone, t, minute) => {
      const d = intl(t, zone);
      const at = instantAtLocal(d.year, d.month, d.day, minute, zone);
      const back = intl(at, zone);
      if (back.minuteOfDay === minute && back.day === d.day) return; // the wall time exists
      // Otherwise the wall time must not exist (a DST gap): no minute within four hours reads as it…
      for (let k = -240; k <= 240; k++) {
        const r = intl(at + k * 60_000, zone);
        expect(r.day === d.day && r.minuteOfDay === minute).toBe(false);
      }
      // …and the answer is later on the wall clock (moved forward by the gap).
      expect(back.minuteOfDay > minute || back.day !== d.day).toBe(true);
    }), { numRuns: 3000 });
  });

  it('skipped wall times move forward (hand-checked against the tz database)', () => {
    // São Paulo, 4 Nov 2018: clocks went from 00:00 to 01:00 (UTC−3 → UTC−2); 00:30 does not exist → 01:30 = 03:30Z.
    expect(new Date(instantAtLocal(2018, 11, 4, 30, 'America/Sao_Paulo')).toISOString()).toBe('2018-11-04T03:30:00.000Z');
    // New York, 8 Mar 2026: 02:00 → 03:00 (UTC−5 → UTC−4); 02:30 → 03:30 EDT = 07:30Z.
    expect(new Date(instantAtLocal(2026, 3, 8, 150, 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // St. John's, 13 Mar 2011: 00:01 → 01:01 (UTC−3:30 → UTC−2:30); 00:02 → 01:02 NDT = 03:32Z.
    expect(new Date(instantAtLocal(2011, 3, 13, 2, 'America/St_Johns')).toISOString()).toBe('2011-03-13T03:32:00.000Z');
    // Lisbon, 25 Oct 2026: 02:00 WEST → 01:00 WET; 01:30 happens twice, the first (WEST, UTC+1) is taken = 00:30Z.
    expect(new Date(instantAtLocal(2026, 10, 25, 90, 'Europe/Lisbon')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
