import {
  RFM_SEGMENT_RULES,
  buildCustomerProfiles,
  compileSegments,
  diffSegmentMemberships,
  describeCondition,
  evaluateSegments,
  rfmInputsFromOrders,
  rfmScores,
  rfmSegmentLabel,
  rfmSegments,
  rfmSegmentSummary,
  type SegmentDefinition,
} from '../../src/segments/index.js';
import type { DemoContext } from './context.js';

const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const int = (n: number): string => n.toLocaleString('en-US');

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => '  ' + cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

// Two segments as they would be stored in a database: JSON documents.
const SEGMENTS: SegmentDefinition[] = [
  {
    id: 'lapsing-regulars',
    name: 'Lapsing regulars',
    description: 'Bought often, but not lately: win-back candidates who may still be reached by e-mail or WhatsApp.',
    condition: {
      version: 1,
      condition: {
        all: [
          { fact: 'frequency', op: 'gte', value: 3 },
          { fact: 'lastOrderAt', op: 'moreThanAgo', amount: 90, unit: 'days' },
          { any: [{ fact: 'marketingChannels', op: 'contains', value: 'email' }, { fact: 'marketingChannels', op: 'contains', value: 'whatsapp' }] },
        ],
      },
    },
  },
  {
    id: 'engaged-recent-buyers',
    name: 'Engaged recent buyers',
    description: 'Two or more purchases in the last 90 days and an e-mail opened in the last 30.',
    condition: {
      version: 1,
      condition: {
        all: [
          { count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 },
          { count: 'interactions', where: { fact: 'event', op: 'eq', value: 'Email Opened' }, within: { amount: 30, unit: 'days' }, op: 'gte', value: 1 },
        ],
      },
    },
  },
];

/** Demo section of jornada/segments: the RFM segment map and two named segments with their descriptions. */
export function segmentsSection(ctx: DemoContext): string {
  const { customers, orders, interactions, feedback, subscriptions } = ctx.base;
  const asOf = ctx.asOf;
  const out: string[] = [];

  // RFM: quintile scores (R `rfm` convention) and the default 11-segment map, on the orders in reais
  // (RFM sums money, so one currency at a time).
  const inputs = rfmInputsFromOrders(orders.filter((o) => o.currency === 'BRL'), asOf);
  const scored = rfmSegments(rfmScores(inputs).scores);
  const summary = rfmSegmentSummary(scored, RFM_SEGMENT_RULES.map((r) => r.segment));
  out.push(`  RFM segments of the ${int(inputs.length)} customers with orders in BRL as of ${asOf.toISOString().slice(0, 10)} (quintiles, R rfm convention):`);
  out.push(
    ...table(
      ['segment', 'segmento', 'customers', 'share', 'revenue share', 'avg order'],
      summary.map((r) => [
        rfmSegmentLabel(r.segment, 'en'),
        rfmSegmentLabel(r.segment, 'pt-BR'),
        int(r.customers),
        pct(r.customerShare),
        pct(r.revenueShare),
        Number.isNaN(r.averageOrderValue) ? '—' : r.averageOrderValue.toFixed(2),
      ]),
      [false, false, true, true, true, true],
    ),
  );

  // Named segments on customer profiles.
  const sources = { customers, orders: orders.filter((o) => o.currency === 'BRL'), interactions, feedback, subscriptions };
  const profiles = buildCustomerProfiles(sources, { asOf });
  const compiled = compileSegments(SEGMENTS);
  const membership = evaluateSegments(compiled, profiles, asOf);
  // The same segments 30 days earlier, on the profiles as they stood then: who entered and who left.
  const monthAgo = new Date(asOf.getTime() - 30 * 86_400_000);
  const before = evaluateSegments(compiled, buildCustomerProfiles(sources, { asOf: monthAgo }), monthAgo);
  const diff = diffSegmentMemberships(before, membership);
  out.push('');
  out.push(`  Named segments over ${int(profiles.length)} customer profiles (change over the last 30 days):`);
  for (const seg of compiled) {
    const members = membership.members[seg.id] ?? [];
    const change = diff[seg.id];
    out.push(`  • ${seg.name} — ${int(members.length)} customers (${pct(members.length / profiles.length)}); entered ${int(change?.entered.length ?? 0)}, left ${int(change?.exited.length ?? 0)}`);
    out.push(`      en: ${describeCondition(seg.definition.condition, 'en')}`);
    out.push(`      pt: ${describeCondition(seg.definition.condition, 'pt-BR')}`);
  }
  return out.join('\n');
}
