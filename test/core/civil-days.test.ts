import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from '../../src/core/civil-days.js';

const MS_PER_DAY = 86_400_000;

describe('daysFromCivil / civilFromDays', () => {
  it('matches hand-counted day numbers', () => {
    // The epoch itself, and the day after it.
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1970, 1, 2)).toBe(1);
    // The day before the epoch.
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    // 1970-03-01: 31 (Jan) + 28 (Feb, 1970 is not a leap year) days after the epoch.
    expect(daysFromCivil(1970, 3, 1)).toBe(59);
    // 1972-03-01: 365 + 365 + 31 + 29 (1972 is a leap year) = 790.
    expect(daysFromCivil(1972, 3, 1)).toBe(790);
    // 2000-03-01: 30 years from 1970 hold 7 leap days (72, 76, …, 96): 30·365 + 7 = 10,957 to 2000-01-01,
    // then 31 + 29 (2000 is a leap year: divisible by 400) = 11,017.
    expect(daysFromCivil(2000, 1, 1)).toBe(10_957);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    // 2026-01-01: 56 years from 1970 with 14 leap days (72 … 2024): 56·365 + 14 = 20,454.
    expect(daysFromCivil(2026, 1, 1)).toBe(20_454);
    expect(civilFromDays(20_454)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDays(11_016)).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('skips 29 February in century years not divisible by 400', () => {
    // 1900 and 2100 are common years: 28 February is followed by 1 March.
    expect(daysFromCivil(2100, 3, 1) - daysFromCivil(2100, 2, 28)).toBe(1);
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1);
  });

  it('agrees with Date.UTC over ±1,000,000 days (invariant)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        const c = civilFromDays(days);
        const d = new Date(days * MS_PER_DAY);
        expect(c).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
      }),
    );
  });

  it('daysFromCivil agrees with Date.UTC for every valid date (invariant)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(-2000, 0, 1)), max: new Date(Date.UTC(4000, 11, 31)), noInvalidDate: true }), (date) => {
        const y = date.getUTCFullYear();
        const m = date.getUTCMonth() + 1;
        const d = date.getUTCDate();
        expect(daysFromCivil(y, m, d)).toBe(Math.floor(date.getTime() / MS_PER_DAY));
      }),
    );
  });
});
