// Benchmarks of jornada/metrics: the columnar NPS fast path beside a hand-written loop over the same
// typed array, per-answer accumulation, and a three-dimension breakdown of 1M responses.
import { createRandom } from '../src/core/random.js';
import { feedbackBreakdown, npsAccumulator, npsScore } from '../src/metrics/index.js';
import { peakMemoryMiB, report, time } from './harness.js';

const N = 10_000_000;
const rng = createRandom(2026);
const answers = new Uint8Array(N);
for (let i = 0; i < N; i++) answers[i] = rng.int(0, 10);

// Baseline: the simplest correct loop a developer would write (no validation).
function handLoop(a: ArrayLike<number>): number {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return ((promoters - detractors) / a.length) * 100;
}

const acc = npsAccumulator();
const baseline = time('hand-written loop (10M, Uint8Array)', () => handLoop(answers));
const columnar = time('npsAccumulator().addAll (10M, Uint8Array)', () => acc.result(acc.addAll(acc.create(), answers)).score);
const asFloat = Float64Array.from(answers);
const baselineFloat = time('hand-written loop (10M, Float64Array)', () => handLoop(asFloat));
const columnarFloat = time('npsAccumulator().addAll (10M, Float64Array)', () => acc.result(acc.addAll(acc.create(), asFloat)).score);
const perItem = time('npsAccumulator().add per answer (10M)', () => {
  const s = acc.create();
  for (let i = 0; i < answers.length; i++) acc.add(s, answers[i] as number);
  return acc.result(s).score;
});
const scored = time('npsScore (10M, Uint8Array)', () => npsScore(answers).score);
if (Math.abs(handLoop(answers) - npsScore(answers).score) > 1e-9) throw new Error('results differ');
report('NPS of 10M answers from a Uint8Array (ratio to the hand-written loop; goal ≤ 1.5×)', [baseline, columnar, scored, perItem]);
report('NPS of the same 10M answers from a Float64Array', [baselineFloat, columnarFloat]);

// Three-dimension breakdown of 1M responses.
const touchpoints = ['delivery', 'website_app', 'customer_service', 'point_of_sale', 'product_packaging'];
const channels = ['email', 'whatsapp', 'sms', 'in_app', 'phone', 'web'];
const segments = ['champions', 'loyal', 'at_risk', 'new', 'hibernating', 'about_to_sleep', 'promising'];
const M = 1_000_000;
const responses = Array.from({ length: M }, () => ({
  kind: 'nps' as const,
  score: rng.int(0, 10),
  touchpoint: rng.pick(touchpoints),
  channel: rng.pick(channels),
  segment: rng.pick(segments),
}));
const dims = { touchpoint: (r: (typeof responses)[number]) => r.touchpoint, channel: (r: (typeof responses)[number]) => r.channel, segment: (r: (typeof responses)[number]) => r.segment };
const handBreakdown = time('hand-written Map tally, 3 dimensions (1M)', () => {
  const cells = new Map<string, [number, number, number]>();
  for (const r of responses) {
    const key = `${r.touchpoint}|${r.channel}|${r.segment}`;
    let c = cells.get(key);
    if (c === undefined) cells.set(key, (c = [0, 0, 0]));
    c[r.score >= 9 ? 2 : r.score >= 7 ? 1 : 0]++;
  }
  return cells.size;
}, { warmup: 1, repeat: 3 });
const breakdown = time('feedbackBreakdown, 3 dimensions (1M, 210 cells)', () => feedbackBreakdown(responses, { dimensions: dims }).cells.length, { warmup: 1, repeat: 3 });
report('Breakdown of 1M responses by touchpoint × channel × segment (with score intervals per cell)', [handBreakdown, breakdown]);
console.log(`  peak memory ${peakMemoryMiB().toFixed(0)} MiB`);
