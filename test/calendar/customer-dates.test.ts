// Customer-relative dates in the customer's own zone. Expected days are hand-computed in comments.
import { describe, expect, it } from 'vitest';
import {
  birthdayOccurrences,
  birthdaysInRange,
  daysAfterLastPurchase,
  daysBeforeReplenishment,
  firstPurchaseAnniversaries,
  signupAnniversaries,
} from '../../src/calendar/index.js';
import { isJornadaError } from '../../src/core/errors.js';
import { parseCustomer } from '../../src/model/index.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

describe('birthdays', () => {
  const ana = parseCustomer({ id: 'ana', createdAt: '2025-03-02T11:00:00-03:00', birthday: '1990-05-10', timeZone: 'America/Sao_Paulo' });

  it('one per year, with the age reached, in the customer zone', () => {
    const occ = birthdayOccurrences(ana, { from: '2026-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' });
    // 2026 − 1990 = 36, 2027 − 1990 = 37; the day covers 03:00Z–03:00Z in São Paulo (UTC−3).
    expect(occ.map((o) => [o.isoDate, o.years, o.kind, o.customerId])).toEqual([
      ['2026-05-10', 36, 'birthday', 'ana'],
      ['2027-05-10', 37, 'birthday', 'ana'],
    ]);
    expect(occ[0]?.start.toISOString()).toBe('2026-05-10T03:00:00.000Z');
    expect(occ[0]?.timeZone).toBe('America/Sao_Paulo');
  });

  it('the zone decides which instants are the birthday', () => {
    // [10 May 01:00Z, 10 May 02:00Z) is still 9 May in São Paulo (22:00–23:00), but 10 May in UTC.
    const r = { from: '2026-05-10T01:00:00Z', to: '2026-05-10T02:00:00Z' };
    expect(birthdayOccurrences(ana, r)).toEqual([]);
    expect(birthdayOccurrences({ ...ana, timeZone: 'UTC' }, r).map((o) => o.isoDate)).toEqual(['2026-05-10']);
    // Without a zone, the default applies (UTC unless given).
    const { timeZone: _tz, ...noZone } = ana;
    expect(birthdayOccurrences(noZone, r).map((o) => o.timeZone)).toEqual(['UTC']);
    expect(birthdayOccurrences(noZone, { ...r, defaultTimeZone: 'America/Sao_Paulo' })).toEqual([]);
  });

  it('29 February: 28 Feb or 1 Mar in common years, as the policy says', () => {
    const leap = { id: 'leap', birthday: { year: 2000, month: 2, day: 29 }, timeZone: 'UTC' };
    const range = { from: '2027-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' };
    // 2027 is common, 2028 is a leap year.
    expect(birthdayOccurrences(leap, range).map((o) => [o.isoDate, o.years, o.movedFromFeb29 ?? false])).toEqual([
      ['2027-02-28', 27, true],
      ['2028-02-29', 28, false],
    ]);
    expect(birthdayOccurrences(leap, { ...range, feb29: 'mar1' }).map((o) => o.isoDate)).toEqual(['2027-03-01', '2028-02-29']);
    expect(code(() => birthdayOccurrences(leap, { ...range, feb29: 'feb30' as never }))).toBe('INVALID_OPTION');
  });

  it('no birthday before the year after birth; unknown year gives no age', () => {
    const baby = { id: 'b', birthday: { year: 2026, month: 3, day: 1 }, timeZone: 'UTC' };
    expect(birthdayOccurrences(baby, { from: '2025-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' }).map((o) => o.isoDate)).toEqual(['2027-03-01']);
    const noYear = { id: 'n', birthday: { month: 12, day: 31 }, timeZone: 'UTC' };
    const occ = birthdayOccurrences(noYear, { from: '2026-12-31T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(occ.map((o) => o.isoDate)).toEqual(['2026-12-31']);
    expect(occ[0]?.years).toBeUndefined();
    expect(birthdayOccurrences({ id: 'x' }, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toEqual([]);
  });

  it('bad birthday or zone on the record → INVALID_INPUT; bad default zone → INVALID_OPTION', () => {
    const r = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    expect(code(() => birthdayOccurrences({ id: 'x', birthday: { month: 2, day: 30 } }, r))).toBe('INVALID_INPUT');
    expect(code(() => birthdayOccurrences({ id: 'x', timeZone: 'Atlantis/Capital', birthday: { month: 2, day: 3 } }, r))).toBe('INVALID_INPUT');
    expect(code(() => birthdayOccurrences({ id: 'x', birthday: { month: 2, day: 3 } }, { ...r, defaultTimeZone: 'Nope' }))).toBe('INVALID_OPTION');
  });

  it('birthdaysInRange equals the per-customer function, merged and sorted by day', () => {
    const customers = [
      { id: 'a', birthday: { month: 11, day: 20 }, timeZone: 'America/Sao_Paulo' },
      { id: 'b', birthday: { month: 11, day: 5 }, timeZone: 'Asia/Tokyo' },
      { id: 'c' },
      { id: 'd', birthday: { month: 11, day: 5 } },
      { id: 'e', birthday: { year: 1980, month: 2, day: 29 }, timeZone: 'Europe/Lisbon' },
    ];
    const range = { from: '2026-11-01T00:00:00Z', to: '2027-03-01T00:00:00Z' };
    const all = birthdaysInRange(customers, range);
    // b and d share 5 Nov (customer order breaks the tie), a 20 Nov, e on 28 Feb 2027 (common year, feb28).
    expect(all.map((o) => `${o.customerId} ${o.isoDate}`)).toEqual(['b 2026-11-05', 'd 2026-11-05', 'a 2026-11-20', 'e 2027-02-28']);
    const each = customers.flatMap((c) => birthdayOccurrences(c, range));
    try {
      birthdaysInRange([...customers, { id: 'bad', birthday: { month: 4, day: 31 } }], range);
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && [e.code, e.issues[0]?.path]).toEqual(['INVALID_INPUT', ['customers', 5, 'birthday']]);
    }
    expect(new Set(all.map((o) => JSON.stringify(o)))).toEqual(new Set(each.map((o) => JSON.stringify(o))));
  });
});

describe('anniversaries', () => {
  it('signup anniversary uses the local signup day in the customer zone', () => {
    // Signed up at 22:00 on 2 Mar 2025 in São Paulo = 01:00Z on 3 Mar.
    const c = { id: 'c', createdAt: new Date('2025-03-03T01:00:00Z'), timeZone: 'America/Sao_Paulo' };
    expect(signupAnniversaries(c, { from: '2026-01-01T00:00:00Z', to: '2028-01-01T00:00:00Z' }).map((o) => [o.isoDate, o.years])).toEqual([
      ['2026-03-02', 1],
      ['2027-03-02', 2],
    ]);
    expect(signupAnniversaries({ ...c, timeZone: 'UTC' }, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }).map((o) => o.isoDate)).toEqual([
      '2026-03-03',
    ]);
    expect(code(() => signupAnniversaries({ id: 'x' }, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }))).toBe('INVALID_INPUT');
  });

  it('first-purchase anniversary of a 29 February purchase', () => {
    const c = { id: 'c', timeZone: 'America/Sao_Paulo' };
    const r = { from: '2025-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' };
    expect(firstPurchaseAnniversaries(c, '2024-02-29T15:00:00-03:00', r).map((o) => [o.isoDate, o.years])).toEqual([
      ['2025-02-28', 1],
      ['2026-02-28', 2],
      ['2027-02-28', 3],
      ['2028-02-29', 4],
    ]);
    expect(firstPurchaseAnniversaries(c, '2024-02-29T15:00:00-03:00', { ...r, feb29: 'mar1' }).map((o) => o.isoDate)[0]).toBe('2025-03-01');
    expect(firstPurchaseAnniversaries(c, undefined, r)).toEqual([]);
  });
});

describe('days after the last purchase, days before replenishment', () => {
  it('counts local calendar days in the customer zone', () => {
    // 02:00Z on 31 Jan 2026 is 23:00 on 30 Jan in São Paulo; 30 days later: 1 March (Jan has 31, Feb 28 days).
    const sp = { id: 'c', timeZone: 'America/Sao_Paulo' };
    const after = daysAfterLastPurchase(sp, '2026-01-31T02:00:00Z', 30);
    expect([after.isoDate, after.kind, after.start.toISOString()]).toEqual(['2026-03-01', 'after_last_purchase', '2026-03-01T03:00:00.000Z']);
    // In UTC the purchase day is 31 Jan: + 30 → 2 March.
    expect(daysAfterLastPurchase({ id: 'c' }, '2026-01-31T02:00:00Z', 30).isoDate).toBe('2026-03-02');
    expect(daysAfterLastPurchase(sp, '2026-01-31T02:00:00Z', 0).isoDate).toBe('2026-01-30');
  });

  it('days before an expected replenishment', () => {
    // 12:00Z on 2 Mar 2026 is 08:00 in Manaus (UTC−4): 3 days before → 27 Feb (2026 is common).
    const r = daysBeforeReplenishment({ id: 'c', timeZone: 'America/Manaus' }, '2026-03-02T12:00:00Z', 3);
    expect([r.isoDate, r.kind, r.start.toISOString()]).toEqual(['2026-02-27', 'before_replenishment', '2026-02-27T04:00:00.000Z']);
    // 03:00Z on 2 Mar is 23:00 on 1 Mar in Manaus: 3 days before → 26 Feb.
    expect(daysBeforeReplenishment({ id: 'c', timeZone: 'America/Manaus' }, '2026-03-02T03:00:00Z', 3).isoDate).toBe('2026-02-26');
  });

  it('rejects bad day counts and instants', () => {
    expect(code(() => daysAfterLastPurchase({ id: 'c' }, '2026-01-01T00:00:00Z', -1))).toBe('INVALID_OPTION');
    expect(code(() => daysAfterLastPurchase({ id: 'c' }, '2026-01-01T00:00:00Z', 1.5))).toBe('INVALID_OPTION');
    expect(code(() => daysBeforeReplenishment({ id: 'c' }, 'tomorrow', 3))).toBe('INVALID_INPUT');
  });
});
