import type { FeedbackResponse } from '../../src/model/index.js';
import {
  cesAccumulator,
  csatAccumulator,
  driverCorrelations,
  expectationGaps,
  feedbackBreakdown,
  feedbackRollingTrend,
  npsAccumulator,
  pendingFollowUps,
  type ConfidenceInterval,
} from '../../src/metrics/index.js';
import type { DemoContext } from './context.js';

const DAY = 86_400_000;

const signed = (x: number, digits = 1): string => (Number.isNaN(x) ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`);
const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const ci = (i: ConfidenceInterval, f: (x: number) => string): string => `[${f(i.lower)}, ${f(i.upper)}]`;
const int = (n: number): string => n.toLocaleString('en-US');

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Demo section of jornada/metrics: experience scores, breakdowns, trend, drivers and the closed loop. */
export function metricsSection(ctx: DemoContext): string {
  const { feedback, interactions } = ctx.base;
  const asOf = ctx.asOf;
  const lastYear = feedback.filter((r) => r.respondedAt.getTime() >= asOf.getTime() - 365 * DAY && r.respondedAt < asOf);
  const out: string[] = [];

  // Overall scores over the last 12 months.
  const nps = npsAccumulator();
  const csat = csatAccumulator();
  const ces = cesAccumulator();
  const total = <S, R extends { n: number }>(acc: { create(): S; add(s: S, a: number): S; result(s: S): R; kind: string }): R => {
    const s = acc.create();
    for (const r of lastYear) if (r.kind === acc.kind) acc.add(s, r.score);
    return acc.result(s);
  };
  const n = total(nps);
  const c = total(csat);
  const e = total(ces);
  out.push(`  Last 12 months (${int(lastYear.length)} answers; 95% intervals)`);
  out.push(
    ...table(
      ['score', 'value', 'interval', 'n', 'detail'],
      [
        ['NPS', signed(n.score), ci(n.interval, (x) => signed(x)), int(n.n), `promoters ${pct(n.promoterShare)}, detractors ${pct(n.detractorShare)} (Tango score interval)`],
        ['CSAT (top-2-box)', pct(c.share), ci(c.interval, pct), int(c.n), `mean ${c.mean.toFixed(2)} of 5 (Wilson interval)`],
        ['CES 2.0 (agree 5–7)', pct(e.favourableShare), ci(e.favourableInterval, pct), int(e.n), `mean ${e.mean.toFixed(2)} of 7`],
      ],
      [false, true, false, true, false],
    ),
  );

  // NPS by touchpoint and by channel.
  const breakdownTable = (title: string, dimension: (r: FeedbackResponse) => string | undefined): void => {
    const b = feedbackBreakdown(lastYear, { dimensions: { key: dimension }, minAnswers: 30 });
    out.push('', `  NPS by ${title} (cells under 30 answers flagged *)`);
    out.push(
      ...table(
        [title, 'n', 'NPS', '95% interval'],
        b.cells.map((cell) => [cell.key['key'] ?? '(none)', int(cell.n), signed(cell.result.score) + (cell.tooFewAnswers ? '*' : ''), ci(cell.result.interval, (x) => signed(x))]),
        [false, true, true, false],
      ),
    );
  };
  breakdownTable('touchpoint', (r) => r.touchpoint);
  breakdownTable('channel', (r) => r.channel);

  // A 30-day rolling NPS, one point a week for 12 weeks; the change is against the 30 days before.
  const trend = feedbackRollingTrend(feedback, { windowDays: 30, stepDays: 7, asOf, points: 12 });
  out.push('', '  30-day rolling NPS, weekly (change vs the previous 30 days; * = significant at 5%)');
  out.push(
    ...table(
      ['window ending', 'n', 'NPS', 'change', 'p-value'],
      trend.map((p) => [p.label, int(p.result.n), signed(p.result.score), signed(p.change) + (p.significant ? '*' : ''), Number.isNaN(p.pValue) ? '—' : p.pValue.toFixed(3)]),
      [false, true, true, true, true],
    ),
  );

  // Drivers of likelihood to recommend, and the gap between expectation and experience.
  const drivers = driverCorrelations(lastYear);
  const gaps = expectationGaps(lastYear.filter((r) => r.kind === 'nps'));
  out.push('', '  Drivers of likelihood to recommend (ranked by Spearman ρ) and expectation gaps (perceived − expected)');
  out.push(
    ...table(
      ['driver', 'n', 'Spearman', 'Pearson', 'gap', '95% interval', 'short of promise'],
      drivers.map((d) => {
        const g = gaps.find((x) => x.dimension === d.driver);
        return [d.driver, int(d.n), d.spearman.toFixed(3), d.pearson.toFixed(3), g ? signed(g.meanGap, 2) : '—', g ? ci(g.interval, (x) => signed(x, 2)) : '—', g ? pct(g.shortfallShare) : '—'];
      }),
      [false, true, true, true, true, false, true],
    ),
  );

  // Closing the loop: a follow-up is a customer-service contact or a call within 48 hours.
  const waiting = pendingFollowUps(feedback, interactions, {
    asOf,
    since: new Date(asOf.getTime() - 90 * DAY),
    serviceWindowHours: 48,
    isFollowUp: (i) => i.touchpoint === 'customer_service' || i.channel === 'phone',
  });
  const detractors = waiting.filter((w) => w.reason === 'detractor');
  const dissatisfied = waiting.filter((w) => w.reason === 'dissatisfied');
  out.push('', '  Closed loop (last 90 days; follow-up = customer-service contact or call within 48 h)');
  out.push(`  detractors awaiting follow-up:   ${int(detractors.length)} (${int(detractors.filter((w) => w.overdue).length)} past the window)`);
  out.push(`  dissatisfied CSAT awaiting:      ${int(dissatisfied.length)} (${int(dissatisfied.filter((w) => w.overdue).length)} past the window)`);
  const oldest = waiting[0];
  if (oldest !== undefined) {
    out.push(`  waiting longest: ${oldest.customerId} (${oldest.reason}, answered ${oldest.response.score} on ${oldest.response.respondedAt.toISOString().slice(0, 10)}, waiting ${Math.round(oldest.waitingHours / 24)} days)`);
  }
  return out.join('\n');
}
