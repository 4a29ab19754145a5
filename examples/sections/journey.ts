import {
  attributionModels,
  attributionPathsFromCustomerPaths,
  conversionEventsFromOrders,
  customerPaths,
  journeyMap,
  omnichannelConsistency,
  TOUCHPOINT_TAXONOMY,
  type AttributionModelName,
} from '../../src/journey/index.js';
import { lifecycleStageLookup, replayLifecycle } from '../../src/lifecycle/index.js';
import type { ConfidenceInterval } from '../../src/metrics/index.js';
import type { DemoContext } from './context.js';

const int = (n: number): string => n.toLocaleString('en-US');
const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const signed = (x: number): string => (Number.isNaN(x) ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
const ci = (i: ConfidenceInterval, f: (x: number) => string): string => (Number.isNaN(i.lower) ? '' : `[${f(i.lower)}, ${f(i.upper)}]`);

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Demo section of jornada/journey: the journey map, omnichannel consistency and attribution side by side. */
export function journeySection(ctx: DemoContext): string {
  const { interactions, feedback, orders } = ctx.base;
  const out: string[] = [];
  const conversions = conversionEventsFromOrders(orders.filter((o) => o.placedAt < ctx.asOf));
  // The customer's lifecycle stage at the time of each touch, from the lifecycle module's replay.
  const { customers, subscriptions } = ctx.base;
  const stageAt = lifecycleStageLookup(replayLifecycle({ customers, orders, interactions, feedback, subscriptions }, { asOf: ctx.asOf, timeZone: 'America/Sao_Paulo' }));
  const label = new Map(TOUCHPOINT_TAXONOMY.map((t) => [t.kind, t.label]));

  // The journey map: stage (the customer's, at the time of the touch) × touchpoint.
  const map = journeyMap(interactions, { stageAt, feedback, conversions, conversionWindowDays: 7 });
  out.push(
    `  Journey map — lifecycle stage at the time of the touch (replayed by jornada/lifecycle) × touchpoint;`,
    `  conversion = an order within 7 days;`,
    `  * = fewer than 30 answers. ${int(map.totals.placed)} of ${int(map.totals.interactions)} interactions placed, ` +
      `${int(map.totals.answersPlaced)} NPS/CSAT answers.`,
    '',
  );
  const rows = map.cells
    .filter((c) => c.interactions >= 20)
    .map((c) => [
      c.stage,
      label.get(c.touchpoint) ?? c.touchpoint,
      int(c.interactions),
      int(c.customers),
      c.nps.n === 0 ? '—' : `${signed(c.nps.score)}${c.npsTooFewAnswers ? '*' : ''}`,
      c.nps.n === 0 ? '' : ci(c.nps.interval, signed),
      c.csat.n === 0 ? '—' : `${pct(c.csat.share)}${c.csatTooFewAnswers ? '*' : ''}`,
      pct(c.conversionRate),
      ci(c.conversionInterval, pct),
    ]);
  out.push(
    ...table(
      ['stage', 'touchpoint', 'interactions', 'customers', 'NPS', 'NPS 95% CI', 'CSAT', 'converts', 'converts 95% CI'],
      rows,
      [false, false, true, true, true, false, true, true, false],
    ),
  );

  // Omnichannel consistency: customer-service CSAT by channel.
  const consistency = omnichannelConsistency(feedback, { metric: 'csat', interactions });
  out.push('', '  Omnichannel consistency — CSAT (top-2-box) by channel within each stage (default touchpoint stages);');
  out.push('  ▼ = significantly below the stage’s other channels (z test, Bonferroni, α = 0.05)', '');
  out.push(
    ...table(
      ['stage', 'channel', 'answers', 'CSAT', '95% CI', 'vs rest', 'p', ''],
      consistency.stages.flatMap((s) =>
        s.channels.map((c) => [
          s.stage,
          c.channel,
          int(c.n),
          pct(c.estimate),
          ci(c.interval, pct),
          Number.isNaN(c.differenceFromRest) ? '' : `${signed(c.differenceFromRest * 100)} pp`,
          Number.isNaN(c.pValue) ? '' : c.pValue < 0.001 ? '<0.001' : c.pValue.toFixed(3),
          c.significantlyBelow ? '▼' : '',
        ]),
      ),
      [false, false, true, true, false, true, true, false],
    ),
  );
  for (const s of consistency.stages) {
    if (!Number.isNaN(s.spread)) out.push(`  ${s.stage}: spread between channels ${(s.spread * 100).toFixed(1)} pp`);
  }

  // Attribution: the customers' inbound interactions (what they did: opened, clicked, visited, viewed)
  // in the 30 days before each order, keyed by channel.
  const paths = customerPaths(
    interactions.filter((i) => i.direction === 'inbound'),
    conversions,
    { lookbackDays: 30, key: 'channel', asOf: ctx.asOf },
  );
  const attributionInput = attributionPathsFromCustomerPaths(paths);
  const converted = paths.filter((p) => p.converted);
  const untouched = converted.filter((p) => p.touches.length === 0).length;
  const comparison = attributionModels(attributionInput, { timeDecay: { halfLifeHours: 168 } });
  const markov = comparison.results.markov;
  out.push(
    '',
    `  Attribution — ${int(converted.length)} orders; ${int(converted.length - untouched)} had inbound touches in the 30 days before ` +
      `(the other ${int(untouched)} are not attributed); ${int(paths.length - converted.length)} non-converting paths.`,
    `  Conversions credited per channel by each model (position-based 40/20/40, time decay half-life 7 days);`,
    `  Markov: exact first-order chain, ${markov.stateCount} states, P(conversion) ${pct(markov.conversionProbability)}.`,
    '',
  );
  const models: [AttributionModelName, string][] = [
    ['first_touch', 'first'],
    ['last_touch', 'last'],
    ['linear', 'linear'],
    ['position_based', 'position'],
    ['time_decay', 'time decay'],
    ['markov', 'Markov'],
  ];
  const sorted = [...comparison.rows].sort((a, b) => (b.conversions.markov ?? 0) - (a.conversions.markov ?? 0));
  out.push(
    ...table(
      ['channel', ...models.map(([, h]) => h), 'removal effect', 'Markov value (BRL)'],
      [
        ...sorted.map((r) => [
          r.channel,
          ...models.map(([m]) => (r.conversions[m] === undefined ? '—' : r.conversions[m].toFixed(1))),
          pct(r.removalEffect),
          int(Math.round(r.value.markov ?? 0)),
        ]),
        ['total', ...models.map(() => comparison.totalConversions.toFixed(1)), '', int(Math.round(comparison.totalValue))],
      ],
      [false, true, true, true, true, true, true, true, true],
    ),
  );
  return out.join('\n');
}
