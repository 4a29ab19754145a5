import {
  BR_CALENDAR,
  birthdaysInRange,
  calendarOccurrences,
  daysBeforeReplenishment,
  daysUntil,
  formatCalendarDay,
  calendarDayInZone,
} from '../../src/calendar/index.js';
import { expectedNextPurchase, type ValueTransaction } from '../../src/value/index.js';
import type { DemoContext } from './context.js';

const DAY = 86_400_000;
const WINDOW_DAYS = 60;
const REMIND_DAYS_BEFORE = 3;
const STORE_ZONE = 'America/Sao_Paulo';

const int = (n: number): string => n.toLocaleString('en-US');
const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Demo section of jornada/calendar: the dates of the next 60 days, and the customers whose birthday or replenishment falls in them. */
export function calendarSection(ctx: DemoContext): string {
  const { customers, orders } = ctx.base;
  const from = ctx.asOf;
  const to = new Date(from.getTime() + WINDOW_DAYS * DAY);
  const out: string[] = [];
  const firstDay = formatCalendarDay(calendarDayInZone(from, STORE_ZONE));
  const lastDay = formatCalendarDay(calendarDayInZone(new Date(to.getTime() - 1), STORE_ZONE));

  // 1. The Brazilian calendar over the window, read in the store's zone.
  const occ = calendarOccurrences(BR_CALENDAR, { from, to, timeZone: STORE_ZONE });
  out.push(`  Brazilian calendar, ${firstDay} → ${lastDay} (${WINDOW_DAYS} local days in ${STORE_ZONE})`);
  out.push(
    ...table(
      ['date', 'in', 'name (pt-BR)', 'kind', 'tags'],
      occ.map((o) => [
        o.isoDate,
        `${daysUntil(from, o.day, STORE_ZONE)} d`,
        o.definition.names['pt-BR'],
        o.definition.kind.replace('_', ' '),
        o.definition.tags.join(', '),
      ]),
      [false, true, false, false, false],
    ),
  );
  const commercial = occ.filter((o) => o.definition.kind === 'commercial' || o.definition.tags.includes('gift_giving'));
  out.push(`  Commercial or gift-giving dates in the window: ${commercial.map((o) => `${o.definition.names['pt-BR']} (${o.isoDate})`).join(', ') || 'none'}`);

  // 2. Birthdays in the window, each in the customer's own zone (29 Feb → 28 Feb in common years).
  const withBirthday = customers.filter((c) => c.birthday !== undefined).length;
  const birthdays = birthdaysInRange(customers, { from, to, defaultTimeZone: STORE_ZONE, feb29: 'feb28' });
  const zones = new Set(customers.map((c) => c.timeZone ?? STORE_ZONE));
  const byMonth = new Map<string, number>();
  for (const b of birthdays) byMonth.set(b.isoDate.slice(0, 7), (byMonth.get(b.isoDate.slice(0, 7)) ?? 0) + 1);
  out.push('');
  out.push(
    `  Birthdays in the window: ${int(new Set(birthdays.map((b) => b.customerId)).size)} customers ` +
      `(of ${int(withBirthday)} with a known birthday, ${pct(new Set(birthdays.map((b) => b.customerId)).size / withBirthday)}; ` +
      `expected about ${pct(WINDOW_DAYS / 365.2425)}); read in ${zones.size} time zone(s)`,
  );
  out.push(`    by month: ${[...byMonth].map(([m, n]) => `${m} ${int(n)}`).join(', ')}`);
  if ([...byMonth.keys()].some((m) => m < firstDay.slice(0, 7))) {
    out.push('    (a customer in a zone west of São Paulo is still on the previous day when the window opens)');
  }

  // 3. Replenishment of pet food: the value module's expected next purchase (last food purchase + the
  //    median interval between food purchases), and a reminder 3 days before, in the customer's zone.
  const food: ValueTransaction[] = [];
  for (const o of orders) {
    const amount = o.items.reduce((s, i) => (i.category === 'food' ? s + i.quantity * i.unitPrice : s), 0);
    if (amount > 0) food.push({ customerId: o.customerId, at: o.placedAt, amount, status: o.status });
  }
  const forecasts = expectedNextPurchase(food, { asOf: from, timeZone: STORE_ZONE, minIntervals: 2 });
  const byId = new Map(customers.map((c) => [c.id, c]));
  let expectedIn = 0;
  let remindIn = 0;
  let overdue = 0;
  for (const f of forecasts) {
    const t = f.expectedAt.getTime();
    if (t >= from.getTime() && t < to.getTime()) expectedIn++;
    if (f.status === 'overdue') overdue++;
    const customer = byId.get(f.customerId) ?? { id: f.customerId };
    const reminder = daysBeforeReplenishment(customer, f.expectedAt, REMIND_DAYS_BEFORE, { defaultTimeZone: STORE_ZONE });
    if (reminder.end.getTime() > from.getTime() && reminder.start.getTime() < to.getTime()) remindIn++;
  }
  out.push('');
  out.push(`  Food replenishment (expectedNextPurchase from the value module: last food purchase + median interval, ≥ 2 intervals)`);
  out.push(
    ...table(
      ['customers', 'count'],
      [
        ['with a food rhythm (≥ 2 intervals)', int(forecasts.length)],
        ['expected food purchase in the window', int(expectedIn)],
        [`reminder day (${REMIND_DAYS_BEFORE} days before) in the window`, int(remindIn)],
        ['already overdue at the start (past the upper quartile)', int(overdue)],
      ],
      [false, true],
    ),
  );
  return out.join('\n');
}
