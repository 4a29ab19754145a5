import {
  cohortTable,
  expectedNextPurchase,
  historicalClv,
  kaplanMeier,
  kaplanMeierSurvivalAt,
  simpleClv,
  subscriptionLifetimes,
  subscriptionRevenueRetention,
  summarizeTransactions,
  valueKpis,
} from '../../src/value/index.js';
import type { DemoContext } from './context.js';

const DAY = 86_400_000;
const ZONE = 'America/Sao_Paulo';
const MARGIN = 0.35; // gross margin of a pet-supplies retailer, assumed for the demo

const int = (n: number): string => n.toLocaleString('en-US');
const money = (n: number): string => `R$ ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Demo section of jornada/value: KPIs, a monthly cohort retention table, top customers by value, rhythms. */
export function valueSection(ctx: DemoContext): string {
  const { orders, subscriptions } = ctx.base;
  const asOf = ctx.asOf;
  const yearAgo = new Date(asOf.getTime() - 365 * DAY);
  const out: string[] = [];

  // KPIs of the last 12 months.
  const k = valueKpis(orders, { from: yearAgo, to: asOf, activeWindowDays: 365, currency: 'BRL' });
  const rr = subscriptionRevenueRetention(subscriptions, { from: yearAgo, to: asOf, currency: 'BRL' });
  out.push(`  KPIs of the last 12 months (${yearAgo.toISOString().slice(0, 10)} to ${asOf.toISOString().slice(0, 10)}; BRL orders; left out: ${int(k.skipped.excludedStatus)} cancelled or refunded, ${int(k.skipped.otherCurrency)} in other currencies)`);
  out.push(
    ...table(
      ['KPI', 'value', 'how'],
      [
        ['orders', int(k.orders), `revenue ${money(k.revenue)}`],
        ['average order value', money(k.averageOrderValue), 'revenue / orders'],
        ['purchase frequency', k.purchaseFrequency.toFixed(2), `orders / ${int(k.customers)} buying customers`],
        ['repeat purchase rate', pct(k.repeatPurchaseRate), `${int(k.repeatCustomers)} customers with 2+ orders`],
        ['customer retention rate', pct(k.customerRetentionRate), `(E ${int(k.customersAtEnd)} − N ${int(k.newCustomers)}) / S ${int(k.customersAtStart)}`],
        ['churn rate', pct(k.churnRate), `${int(k.customersAtStart - k.retainedCustomers)} of S bought nothing in the year`],
        ['gross revenue retention', pct(rr.grossRevenueRetention), `subscriptions, MRR ${money(rr.startingMonthlyRevenue)} a year ago`],
        ['net revenue retention', pct(rr.netRevenueRetention), `expansion ${money(rr.expansion)}, churned ${money(rr.churned)}`],
      ],
      [false, true, false],
    ),
  );

  // Subscription survival.
  const km = kaplanMeier(subscriptionLifetimes(subscriptions, { asOf, unit: 'weeks' }));
  const at = (weeks: number): string => pct(kaplanMeierSurvivalAt(km, weeks));
  out.push('');
  out.push(`  Subscriptions (Kaplan–Meier over ${int(km.observations)} subscriptions, ${int(km.censored)} still active, censored at ${asOf.toISOString().slice(0, 10)}):`);
  out.push(
    `  still subscribed after 13 weeks ${at(13)}, 26 weeks ${at(26)}, 52 weeks ${at(52)}; ` +
      `median lifetime ${km.medianLifetime === null ? 'not reached yet' : `${km.medianLifetime.toFixed(1)} weeks`}`,
  );

  // Monthly cohorts in São Paulo time: the last 12 acquisition months, retention by months since acquisition.
  // asOf is midnight of 1 November in São Paulo: end the table 1 ms earlier so that the last column is
  // the complete month of October rather than a November that has just begun.
  const cohorts = cohortTable(orders, { by: 'month', asOf: new Date(asOf.getTime() - 1), timeZone: ZONE, currency: 'BRL' });
  const recent = cohorts.cohorts.slice(-12);
  const ages = 7;
  out.push('');
  out.push(`  Monthly cohort retention (${ZONE}; share of the cohort buying in month k after acquisition; · = not observable yet)`);
  out.push(
    ...table(
      ['cohort', 'size', ...Array.from({ length: ages }, (_, a) => `m${a}`)],
      recent.map((c) => [c.label, int(c.size), ...c.retentionByAge.slice(0, ages).map((v) => (v === null ? '·' : `${Math.round(v * 100)}%`))]),
      [false, true, ...Array.from({ length: ages }, () => true)],
    ),
  );
  if (!cohorts.lastPeriodComplete) out.push(`  (the last column, ${cohorts.periods.at(-1)?.label ?? ''}, is partial at ${asOf.toISOString().slice(0, 10)})`);

  // Top customers by value to date, with their BTYD summary and rhythm.
  const clv = historicalClv(orders, { asOf, marginRate: MARGIN, currency: 'BRL' });
  const summaries = new Map(summarizeTransactions(orders, { asOf, unit: 'weeks', timeZone: ZONE, currency: 'BRL' }).customers.map((c) => [c.customerId, c]));
  const next = expectedNextPurchase(orders, { asOf, timeZone: ZONE, minIntervals: 3, currency: 'BRL' });
  const nextBy = new Map(next.map((n) => [n.customerId, n]));
  const top = clv.customers.slice(0, 8);
  const topShare = clv.customers.slice(0, Math.ceil(clv.customers.length / 10)).reduce((s, c) => s + c.value, 0) / clv.totalValue;
  out.push('');
  out.push(`  Top customers by historical value (revenue × ${MARGIN} margin; the top 10% of customers hold ${pct(topShare)} of the value)`);
  out.push(
    ...table(
      ['customer', 'orders', 'revenue', 'value', 'x', 't_x wk', 'T wk', 'days since', 'rhythm', 'next purchase'],
      top.map((c) => {
        const s = summaries.get(c.customerId);
        const n = nextBy.get(c.customerId);
        return [
          c.customerId,
          int(c.orders),
          money(c.revenue),
          money(c.value),
          String(s?.frequency ?? ''),
          s?.recency.toFixed(1) ?? '',
          s?.T.toFixed(1) ?? '',
          String(s?.daysSinceLastPurchase ?? ''),
          n === undefined ? '—' : `${n.typicalIntervalDays.toFixed(0)} d`,
          n === undefined ? '—' : `${n.expectedAt.toISOString().slice(0, 10)} (${n.status})`,
        ];
      }),
      [false, true, true, true, true, true, true, true, true, false],
    ),
  );

  // Replenishment and a simple CLV.
  const count = (status: string): number => next.filter((n) => n.status === status).length;
  out.push('');
  out.push(
    `  Replenishment: ${int(next.length)} customers with a rhythm (3+ intervals): ${int(count('due'))} due now, ` +
      `${int(count('overdue'))} overdue, ${int(count('upcoming'))} upcoming — for the calendar and cadence modules.`,
  );
  const monthlyMargin = (k.revenue * MARGIN) / 12 / Math.max(1, k.customers);
  const monthlyRetention = Math.pow(Math.min(0.999, Math.max(0, 1 - k.churnRate)), 1 / 12);
  const value = simpleClv({ marginPerPeriod: monthlyMargin, retentionRatePerPeriod: monthlyRetention, discountRatePerPeriod: 0.01 });
  out.push(
    `  Simple CLV (per month: margin ${money(monthlyMargin)}, retention ${pct(monthlyRetention)}, discount 1.0%): ` +
      `m·r/(1 + d − r) = ${money(value)} per active customer`,
  );
  return out.join('\n');
}
