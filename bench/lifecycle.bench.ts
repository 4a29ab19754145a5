// Lifecycle replay of the sample base: generateSampleBase({ seed: 42, customers: 100_000 }), replayed
// through the default five-stage model to the base's end date (every stage and status transition of
// every customer), beside a hand-written baseline over the same orders that computes only each
// customer's first purchase and purchase count (one pass, a Map). The ratio says what the rules, the
// time thresholds and the per-instant profiles cost over merely reading the orders.
//
// The replay of 100,000 customers takes tens of seconds, so it runs once (no warm-up); the baseline
// runs 5 times after 2 warm-ups. Set LIFECYCLE_BENCH_CUSTOMERS to use another size.
import { DEFAULT_STAGE_MODEL, replayLifecycle, stageDistribution } from '../src/lifecycle/index.js';
import type { Order } from '../src/model/index.js';
import { generateSampleBase } from '../src/sample/index.js';
import { peakMemoryMiB, report, time } from './harness.js';

const N = Number(process.env['LIFECYCLE_BENCH_CUSTOMERS'] ?? 100_000);
const t0 = performance.now();
const base = generateSampleBase({ seed: 42, customers: N });
console.log(
  `sample base: ${base.customers.length} customers, ${base.orders.length} orders, ${base.interactions.length} interactions, ` +
    `${base.feedback.length} answers, ${base.subscriptions.length} subscriptions (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
const asOf = base.options.to;

function baseline(orders: readonly Order[]): Map<string, { first: number; count: number }> {
  const out = new Map<string, { first: number; count: number }>();
  for (const o of orders) {
    if (o.status === 'cancelled' || o.status === 'refunded') continue;
    const t = o.placedAt.getTime();
    if (t > asOf.getTime()) continue;
    const e = out.get(o.customerId);
    if (e === undefined) out.set(o.customerId, { first: t, count: 1 });
    else {
      e.count++;
      if (t < e.first) e.first = t;
    }
  }
  return out;
}

const loop = time('hand loop: first purchase + count per customer', () => baseline(base.orders));
let transitions = 0;
let replay: ReturnType<typeof replayLifecycle> | undefined;
const full = time(
  'replayLifecycle (default model, all transitions)',
  () => {
    replay = replayLifecycle(base, { asOf, model: DEFAULT_STAGE_MODEL, timeZone: 'America/Sao_Paulo' });
    return replay;
  },
  { warmup: 0, repeat: 1 },
);
for (const h of replay?.histories ?? []) transitions += h.stageTransitions.length + h.statusTransitions.length;
report(`Lifecycle replay of ${N.toLocaleString('en-US')} customers`, [loop, full]);
console.log(`  ${transitions.toLocaleString('en-US')} stage and status transitions; ${((full.medianMs * 1000) / N).toFixed(1)} µs per customer`);
if (replay !== undefined) console.log(`  distribution: ${stageDistribution(replay).rows.map((r) => `${r.stage} ${r.count}`).join(', ')}`);
console.log(`  peak memory ${peakMemoryMiB().toFixed(0)} MiB`);
