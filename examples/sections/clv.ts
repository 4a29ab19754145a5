import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitGammaGamma,
  fitSbg,
  gammaGammaExpectedSpend,
  probabilisticClv,
  sbgDiscountedResidualLifetime,
  sbgSurvival,
  summarizeTransactions,
  type TransactionSummary,
} from '../../src/value/index.js';
import type { DemoContext } from './context.js';

const ZONE = 'America/Sao_Paulo';
const MARGIN = 0.35; // gross margin of a pet-supplies retailer, assumed for the demo
const DAY = 86_400_000;

const int = (n: number): string => n.toLocaleString('en-US');
const money = (n: number): string => `R$ ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/**
 * Demo section of the probabilistic CLV models: BG/NBD + Gamma-Gamma on the order history (weeks), the
 * top customers by predicted 12-month CLV, the probability-alive distribution, expected purchases in
 * the next 12 weeks, and an sBG retention curve of monthly subscriptions.
 */
export function clvSection(ctx: DemoContext): string {
  const { orders, subscriptions } = ctx.base;
  const asOf = ctx.asOf;
  const out: string[] = [];

  // 1. Summaries in weeks (the unit travels with them and is checked by every model).
  const customers = summarizeTransactions(orders, { asOf, unit: 'weeks', timeZone: ZONE, currency: 'BRL' }).customers;
  const bg = fitBgNbd(customers, { unit: 'weeks' });
  const buyers = customers.filter((c) => c.frequency > 0 && c.monetaryValue > 0);
  const gg = fitGammaGamma(buyers);
  const p = bg.params;
  const se = bg.standardErrors;
  const pm = (v: number, s: number | undefined): string => `${v.toFixed(3)} ± ${(s ?? NaN).toFixed(3)}`;
  out.push(`  BG/NBD on ${int(customers.length)} customers' BRL orders, weeks, as of ${asOf.toISOString().slice(0, 10)}:`);
  out.push(
    `    r = ${pm(p.r, se?.r)}, α = ${pm(p.alpha, se?.alpha)} weeks, a = ${pm(p.a, se?.a)}, b = ${pm(p.b, se?.b)}` +
      `  (LL ${bg.report.logLikelihood.toFixed(1)}, ${bg.report.iterations} iterations, gradient ${bg.report.gradientNorm.toExponential(1)}, ${bg.report.converged ? 'converged' : 'NOT converged'})`,
  );
  out.push(
    `  Gamma-Gamma on ${int(buyers.length)} repeat buyers: p = ${gg.params.p.toFixed(2)}, q = ${gg.params.q.toFixed(2)}, γ = ${gg.params.gamma.toFixed(2)}` +
      `; population mean spend per order ${money(gammaGammaExpectedSpend(gg, { frequency: 0 }))}`,
  );

  // 2. Top customers by predicted 12-month CLV: 13 periods of 4 weeks, 1 % per period, 35 % margin.
  const clv = probabilisticClv(bg, customers, { spend: gg, periodLength: { weeks: 4 }, periods: 13, discountRatePerPeriod: 0.01, margin: MARGIN });
  const order = clv.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const row = (c: TransactionSummary, value: number): string[] => [
    c.customerId,
    int(c.frequency),
    c.recency.toFixed(1),
    c.T.toFixed(1),
    pct(bgNbdProbabilityAlive(bg, c)),
    bgNbdConditionalExpectedPurchases(bg, c, { weeks: 12 }).toFixed(2),
    money(gammaGammaExpectedSpend(gg, c)),
    money(value),
  ];
  out.push('');
  out.push(`  Top 10 customers by predicted 12-month CLV (13 × 4 weeks, 1 % discount per period, ${pct(MARGIN)} margin):`);
  out.push(
    ...table(
      ['customer', 'x', 't_x (wk)', 'T (wk)', 'P(alive)', 'E[buys] 12 wk', 'E[spend]/order', 'CLV 12 months'],
      order.slice(0, 10).map(([v, i]) => row(customers[i]!, v)),
      [false, true, true, true, true, true, true, true],
    ),
  );
  const total = clv.reduce((s, v) => s + v, 0);
  const top10pct = order.slice(0, Math.ceil(order.length / 10)).reduce((s, [v]) => s + v, 0);
  out.push(`  Predicted 12-month margin of the base: ${money(total)}; the top 10 % of customers hold ${pct(top10pct / total)} of it.`);

  // 3. Probability-alive distribution and expected purchases in the next 12 weeks.
  const alive = customers.map((c) => bgNbdProbabilityAlive(bg, c));
  const next12 = customers.map((c) => bgNbdConditionalExpectedPurchases(bg, c, { weeks: 12 }));
  const edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  const rows: string[][] = [];
  for (let k = 0; k < edges.length - 1; k++) {
    const idx = alive.map((a, i) => [a, i] as const).filter(([a]) => a >= edges[k]! && a < edges[k + 1]!);
    const share = idx.length / customers.length;
    const expected = idx.reduce((s, [, i]) => s + next12[i]!, 0);
    rows.push([
      `${edges[k]!.toFixed(1)}–${Math.min(1, edges[k + 1]!).toFixed(1)}`,
      int(idx.length),
      pct(share),
      '#'.repeat(Math.round(share * 40)),
      expected.toFixed(0),
    ]);
  }
  out.push('');
  out.push('  Probability alive (BG/NBD) and expected purchases in the next 12 weeks:');
  out.push(...table(['P(alive)', 'customers', 'share', '', 'E[purchases]'], rows, [false, true, true, false, true]));
  out.push(`  Expected purchases in the next 12 weeks, whole base: ${next12.reduce((s, v) => s + v, 0).toFixed(0)}; customers without a repeat purchase: ${int(customers.filter((c) => c.frequency === 0).length)} (always "alive" in the BG/NBD).`);

  // 4. Subscription retention (sBG): monthly subscriptions started in the first six months of the base,
  //    survivors at each 30-day renewal; fitted on the first 12 renewals, projected to 24.
  const from = ctx.base.options.from.getTime();
  const cohort = subscriptions.filter(
    (s) => s.period.unit === 'month' && s.period.count === 1 && s.startedAt.getTime() < from + 182 * DAY,
  );
  const observed = Math.floor((asOf.getTime() - from - 182 * DAY) / (30 * DAY));
  const horizon = Math.min(24, observed);
  if (cohort.length >= 20 && horizon >= 13) {
    const survivors = Array.from({ length: horizon + 1 }, (_, t) =>
      cohort.filter((s) => s.cancelledAt === undefined || s.cancelledAt.getTime() - s.startedAt.getTime() >= t * 30 * DAY).length,
    );
    const sbg = fitSbg(survivors.slice(0, 13));
    const lines: string[][] = [];
    for (const t of [0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24].filter((t) => t <= horizon)) {
      lines.push([String(t), pct(survivors[t]! / survivors[0]!), pct(sbgSurvival(sbg, t)), t > 12 ? 'projected' : 'fitted']);
    }
    out.push('');
    out.push(
      `  Subscription retention (sBG): ${int(cohort.length)} monthly subscriptions started in the first half-year; γ = ${sbg.params.gamma.toFixed(3)}, δ = ${sbg.params.delta.toFixed(3)}, fitted on 12 renewals:`,
    );
    out.push(...table(['month', 'observed', 'sBG', ''], lines, [true, true, true, false]));
    out.push(`  Discounted expected residual lifetime of a subscriber after 12 renewals (1 % a month): ${sbgDiscountedResidualLifetime(sbg, 12, 0.01).toFixed(1)} payments.`);
  } else {
    out.push('  (too few monthly subscriptions in the first six months for an sBG retention curve)');
  }
  return out.join('\n');
}
