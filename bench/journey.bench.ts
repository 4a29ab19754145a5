// Benchmarks of jornada/journey: exact Markov attribution on ChannelAttribution's PathData (10,000
// aggregated paths) and on 1M generated journeys, beside two baselines over the same paths — a
// hand-written loop that only counts the chain's transitions (the floor any Markov implementation
// pays) and the linear heuristic model — with the state count of the exact solver.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/core/random.js';
import {
  attributeLinear,
  attributeMarkov,
  attributionModels,
  attributionPathsFromTable,
  markovAttributionAccumulator,
  type AttributionPath,
} from '../src/journey/index.js';
import { peakMemoryMiB, report, time } from './harness.js';

// PathData.csv: "path",total_conversions,total_conversion_value,total_null (quoted path, plain numbers).
const csv = readFileSync(fileURLToPath(new URL('../test/fixtures/channelattribution_pathdata/PathData.csv', import.meta.url)), 'utf8');
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const close = line.lastIndexOf('"');
    const [conversions, value, nulls] = line.slice(close + 2).split(',');
    return { path: line.slice(1, close), total_conversions: conversions, total_conversion_value: value, total_null: nulls };
  });
const pathData = attributionPathsFromTable(rows);

// Baseline: count start/transition/absorption weights into a dense array — no solve, no credits.
function countTransitions(paths: readonly AttributionPath[]): number {
  const index = new Map<string, number>();
  for (const p of paths) for (const t of p.touches) if (!index.has(t)) index.set(t, index.size);
  const c = index.size;
  const counts = new Float64Array((c + 1) * (c + 2));
  for (const p of paths) {
    const w = p.conversions + p.nulls;
    let from = c; // the start row
    for (const t of p.touches) {
      const to = index.get(t)!;
      counts[from * (c + 2) + to]! += w;
      from = to;
    }
    counts[from * (c + 2) + c]! += p.conversions;
    counts[from * (c + 2) + c + 1]! += p.nulls;
  }
  return counts[0]!;
}

function benchPaths(title: string, paths: readonly AttributionPath[], repeat: number): void {
  const markov = attributeMarkov(paths);
  const touches = paths.reduce((s, p) => s + p.touches.length, 0);
  console.log(
    `\n${title}: ${paths.length.toLocaleString('en-US')} paths, ${touches.toLocaleString('en-US')} touches; ` +
      `exact chain: ${markov.stateCount} states (${markov.stateCount - 3} channels + start, conversion, null), ` +
      `${markov.transitionCount} transitions, P(conversion) = ${markov.conversionProbability.toFixed(6)}`,
  );
  const baseline = time('hand-written transition count (baseline)', () => countTransitions(paths), { warmup: 1, repeat });
  const linear = time('attributeLinear', () => attributeLinear(paths), { warmup: 1, repeat });
  const exact = time('attributeMarkov (exact, first order)', () => attributeMarkov(paths), { warmup: 1, repeat });
  const acc = markovAttributionAccumulator();
  const parts = time('markovAttributionAccumulator (4 parts, merged)', () => {
    const states = [acc.create(), acc.create(), acc.create(), acc.create()];
    for (let i = 0; i < paths.length; i++) acc.add(states[i & 3]!, paths[i]!);
    return acc.result(acc.merge(acc.merge(states[0]!, states[1]!), acc.merge(states[2]!, states[3]!)));
  }, { warmup: 1, repeat });
  const all = time('attributionModels (all models)', () => attributionModels(paths), { warmup: 1, repeat });
  report(`${title} (ratio to the transition count)`, [baseline, linear, exact, parts, all]);
}

benchPaths('PathData', pathData, 7);

// 1M generated journeys: 12 channels with different reach and pull, 1 to 10 touches, about 12 %
// converting; not aggregated (one row per journey), as customerPaths → attributionPathsFromCustomerPaths
// yields them.
const channels = ['search', 'social', 'email', 'whatsapp', 'sms', 'push', 'display', 'affiliate', 'direct', 'app', 'store', 'tv'];
const rng = createRandom(2026);
const N = 1_000_000;
const generated: AttributionPath[] = new Array<AttributionPath>(N);
for (let i = 0; i < N; i++) {
  const length = 1 + Math.min(9, Math.floor(-Math.log(1 - rng.next()) * 2.5));
  const touches: string[] = new Array<string>(length);
  let pull = 0;
  for (let k = 0; k < length; k++) {
    const ch = Math.floor(rng.next() ** 1.6 * channels.length);
    touches[k] = channels[ch]!;
    pull += (ch % 4) * 0.02;
  }
  const converted = rng.next() < Math.min(0.9, 0.04 + pull);
  generated[i] = converted
    ? { touches, conversions: 1, value: Math.round(50 + rng.next() * 300), nulls: 0 }
    : { touches, conversions: 0, value: 0, nulls: 1 };
}
benchPaths('1M generated journeys', generated, 3);
console.log(`\npeak memory ${peakMemoryMiB().toFixed(0)} MiB`);
