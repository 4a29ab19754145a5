// Calendar benchmarks: birthdays of 100,000 customers in a 60-day window beside a hand-written loop,
// and ten years of the Brazilian calendar beside the date-holidays package.
import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';
import { report, time } from './harness.js';
import { BR_CALENDAR, birthdayOccurrences, birthdaysInRange, calendarOccurrences, createCalendar } from '../src/calendar/index.js';
import { createRandom } from '../src/core/random.js';

const rng = createRandom('calendar-bench');
const zones = ['America/Sao_Paulo', 'America/Manaus', 'America/Recife', 'America/Rio_Branco', 'Europe/Lisbon', 'America/New_York'];
const N = 100_000;
const customers = Array.from({ length: N }, (_, i) => {
  const month = rng.int(1, 12);
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return {
    id: `c${i}`,
    birthday: rng.chance(0.8) ? { year: rng.int(1940, 2008), month, day: rng.int(1, max) } : { month, day: rng.int(1, max) },
    timeZone: rng.pick(zones),
  };
});
const from = new Date('2026-11-01T03:00:00Z');
const to = new Date(from.getTime() + 60 * 86_400_000);

// Baseline: what one would write by hand with @date-fns/tz — for each customer, the local start of
// this year's and next year's birthday (29 Feb → 28 Feb), kept when it overlaps [from, to).
function handWritten(): number {
  let count = 0;
  const y0 = 2026;
  for (const c of customers) {
    const b = c.birthday;
    for (let y = y0; y <= y0 + 1; y++) {
      if ('year' in b && y <= b.year) continue;
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      const day = b.month === 2 && b.day === 29 && !leap ? 28 : b.day;
      const start = new TZDate(y, b.month - 1, day, c.timeZone).getTime();
      const end = new TZDate(y, b.month - 1, day + 1, c.timeZone).getTime();
      if (end > from.getTime() && start < to.getTime()) count++;
    }
  }
  return count;
}

// A second, tighter hand-written loop doing the same work as birthdaysInRange: the window is turned
// into local day numbers once per zone, birthdays are compared as day numbers (Date.UTC), and the
// instants of the local day are computed only for the matches.
function handWrittenPerZone(): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  const ranges = new Map<string, [number, number]>();
  const localDay = (t: number, zone: string): number => {
    const d = new TZDate(t, zone);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  };
  for (const c of customers) {
    let r = ranges.get(c.timeZone);
    if (r === undefined) {
      r = [localDay(from.getTime(), c.timeZone), localDay(to.getTime() - 1, c.timeZone)];
      ranges.set(c.timeZone, r);
    }
    const b = c.birthday;
    for (let y = 2026; y <= 2027; y++) {
      if ('year' in b && y <= b.year) continue;
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      const day = b.month === 2 && b.day === 29 && !leap ? 28 : b.day;
      const serial = Date.UTC(y, b.month - 1, day) / 86_400_000;
      if (serial < r[0] || serial > r[1]) continue;
      out.push({
        id: c.id,
        start: new TZDate(y, b.month - 1, day, c.timeZone).getTime(),
        end: new TZDate(y, b.month - 1, day + 1, c.timeZone).getTime(),
      });
    }
  }
  return out;
}

const counts = {
  perZone: handWrittenPerZone().length,
  hand: handWritten(),
  bulk: birthdaysInRange(customers, { from, to }).length,
  each: customers.reduce((n, c) => n + birthdayOccurrences(c, { from, to }).length, 0),
};
console.log(`birthdays in the window: hand-written ${counts.hand}, birthdaysInRange ${counts.bulk}, birthdayOccurrences ${counts.each}`);
if (counts.hand !== counts.bulk || counts.bulk !== counts.each || counts.perZone !== counts.bulk) throw new Error('the three methods disagree');

report(`Birthdays of ${N.toLocaleString('en-US')} customers in a 60-day window (6 zones)`, [
  time('hand-written loop, window per zone (baseline)', handWrittenPerZone),
  time('naive hand-written loop, TZDate per birthday', handWritten),
  time('birthdaysInRange (all customers at once)', () => birthdaysInRange(customers, { from, to })),
  time('birthdayOccurrences (one call per customer)', () => customers.map((c) => birthdayOccurrences(c, { from, to }))),
]);

// Ten years of the Brazilian calendar. date-holidays builds its own rules; a fresh jornada calendar is
// compiled on each run so that its year cache does not flatter it.
const years = Array.from({ length: 10 }, (_, i) => 2026 + i);
report('Ten years (2026–2035) of the Brazilian calendar', [
  time('date-holidays new Holidays("BR").getHolidays(y) (baseline)', () => {
    const h = new Holidays('BR');
    return years.map((y) => h.getHolidays(y).length);
  }),
  time('jornada calendarOccurrences (fresh calendar)', () =>
    calendarOccurrences(createCalendar(BR_CALENDAR.dates), { from: '2026-01-01T00:00:00-03:00', to: '2036-01-01T00:00:00-03:00', timeZone: 'America/Sao_Paulo' }).length,
  ),
  time('jornada calendarOccurrences (built-in, cached years)', () =>
    calendarOccurrences(BR_CALENDAR, { from: '2026-01-01T00:00:00-03:00', to: '2036-01-01T00:00:00-03:00', timeZone: 'America/Sao_Paulo' }).length,
  ),
]);
