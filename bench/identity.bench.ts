// Identity resolution on the sample base: resolveIdentities (normalise + match + merge) and matchRecords
// beside a baseline that groups records by exact identifier values only (trimmed, lower-cased e-mail;
// digits of phone and CPF) with a Map — what a quick SQL GROUP BY would do. Prints precision and recall
// of duplicate pairs against the generator's ground truth, the pairs compared, and 10k → 100k scaling.
// Then the quality (not the time) of resolveIdentities with default options on the sample's hard mode
// (duplicateDifficulty: 'hard'), 2,000 and 20,000 customers, seeds 1–5: precision, recall and F1 per
// seed, the share of trap pairs merged by kind, and the share of hard duplicates found by change.
import { evaluateDuplicatePairs, matchRecords, resolveIdentities } from '../src/identity/index.js';
import type { CustomerRecord } from '../src/model/index.js';
import { generateSampleBase, type DuplicateChange } from '../src/sample/index.js';
import { peakMemoryMiB, report, type Timing } from './harness.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function load(customers: number): { records: CustomerRecord[]; owner: Record<string, string> } {
  const base = generateSampleBase({ seed: 42, customers });
  return { records: base.customerRecords, owner: base.recordOwner };
}

/** Baseline: exact identifier values grouped with a Map, transitively (a tiny union-find). */
function exactKeyGrouping(records: readonly CustomerRecord[]): Record<string, string> {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const keys: string[] = [];
    if (r.email !== undefined && r.email.trim() !== '') keys.push(`e:${r.email.trim().toLowerCase()}`);
    const phone = r.phone?.replace(/\D/g, '') ?? '';
    if (phone.length >= 8) keys.push(`p:${phone}`);
    const cpf = r.cpf?.replace(/\D/g, '') ?? '';
    if (cpf.length === 11) keys.push(`c:${cpf}`);
    for (const k of keys) {
      const j = seen.get(k);
      if (j === undefined) seen.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const out: Record<string, string> = {};
  records.forEach((r, i) => (out[r.recordId] = String(find(i))));
  return out;
}

/**
 * Like the harness's `time`, but collects garbage before each run and keeps no result alive between
 * runs: a resolution of 100,000 records is hundreds of MiB, and holding the previous one while timing
 * the next would measure the garbage collector.
 */
function timeFresh(name: string, fn: () => unknown, { warmup = 1, repeat = 3 } = {}): Timing {
  for (let i = 0; i < warmup; i++) {
    gc();
    fn();
  }
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    gc();
    const t0 = performance.now();
    const sink = fn();
    runs.push(performance.now() - t0);
    if (sink === Symbol.for('never')) console.log('');
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, runs };
}

const results: Array<{ size: number; records: number; resolveMs: number; baselineMs: number; pairs: number }> = [];
for (const customers of [9_150, 91_500]) {
  let data: ReturnType<typeof load> | undefined = load(customers);
  const { records, owner } = data;
  data = undefined;
  gc();
  const n = records.length;
  const opts = n > 50_000 ? { warmup: 1, repeat: 3 } : { warmup: 2, repeat: 5 };
  gc();
  const baseline = timeFresh('baseline: exact-key Map grouping', () => exactKeyGrouping(records), opts);
  const match = timeFresh('matchRecords (normalise + match)', () => matchRecords(records), opts);
  const resolve = timeFresh('resolveIdentities (normalise + match + merge)', () => resolveIdentities(records), opts);
  report(`identity on ${n.toLocaleString('en-US')} records (sample base, seed 42, ${customers.toLocaleString('en-US')} customers)`, [baseline, match, resolve]);
  gc();
  const r = resolveIdentities(records);
  const ours = evaluateDuplicatePairs(r.assignments, owner);
  const theirs = evaluateDuplicatePairs(exactKeyGrouping(records), owner);
  const s = r.match.stats;
  console.log(`  pairs compared by name: ${s.pairsCompared.toLocaleString('en-US')} (+ ${s.keyComparisons.toLocaleString('en-US')} key-group checks); blocks ${s.blocks.toLocaleString('en-US')}, largest ${s.largestBlock}, windowed ${s.windowedBlocks}; all pairs would be ${((n * (n - 1)) / 2).toExponential(2)}`);
  console.log(`  links: cpf ${s.links.cpf}, email ${s.links.email}, phone ${s.links.phone}, fuzzy ${s.links.fuzzy}; review pairs ${r.match.review.length}; refused ${r.match.refused.length}; noisy keys ${r.match.noisyKeys.length}`);
  console.log(`  duplicate pairs: true ${ours.truePairs}; resolveIdentities precision ${ours.precision.toFixed(4)} recall ${ours.recall.toFixed(4)}; baseline precision ${theirs.precision.toFixed(4)} recall ${theirs.recall.toFixed(4)}`);
  results.push({ size: customers, records: n, resolveMs: resolve.medianMs, baselineMs: baseline.medianMs, pairs: s.pairsCompared });
  gc();
}
const [small, large] = results;
if (small !== undefined && large !== undefined) {
  const k = large.records / small.records;
  console.log(`\nscaling ${small.records.toLocaleString('en-US')} → ${large.records.toLocaleString('en-US')} records (×${k.toFixed(1)}): resolveIdentities time ×${(large.resolveMs / small.resolveMs).toFixed(1)}, pairs compared ×${(large.pairs / small.pairs).toFixed(1)} (linear would be ×${k.toFixed(1)}, quadratic ×${(k * k).toFixed(0)})`);
}
console.log(`peak memory ${peakMemoryMiB().toFixed(0)} MiB (the 100k sample base itself, with orders and interactions, is most of it)`);

// Hard mode: how often each trap fools the matcher and each hard change hides a duplicate.
const HARD_NAME_CHANGES: readonly DuplicateChange[] = ['nickname', 'abbreviated_name', 'dropped_surname', 'married_name'];
const pct = (hit: number, n: number): string => `${((100 * hit) / Math.max(1, n)).toFixed(1)}%`;
for (const customers of [2_000, 20_000]) {
  console.log(`\nhard mode (duplicateDifficulty: 'hard'), ${customers.toLocaleString('en-US')} customers, default options`);
  const traps = new Map<string, { pairs: number; merged: number; records: number }>();
  const changes = new Map<string, { n: number; found: number }>();
  let hardN = 0;
  let hardFound = 0;
  for (const seed of [1, 2, 3, 4, 5]) {
    const base = generateSampleBase({ seed, customers, duplicateDifficulty: 'hard' });
    const r = resolveIdentities(base.customerRecords);
    const a = r.assignments;
    const m = evaluateDuplicatePairs(a, base.recordOwner);
    console.log(
      `  seed ${seed}: ${base.customerRecords.length.toLocaleString('en-US')} records, ${m.truePairs} true pairs; precision ${m.precision.toFixed(4)} recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} (false pairs ${m.predictedPairs - m.truePositives}, missed ${m.truePairs - m.truePositives}, noisy keys ${r.match.noisyKeys.length})`,
    );
    for (const t of base.injectedTraps ?? []) {
      const e = traps.get(t.kind) ?? { pairs: 0, merged: 0, records: 0 };
      e.records += t.modifiedRecordIds.length;
      for (let i = 0; i < t.recordIds.length; i++) {
        for (let j = i + 1; j < t.recordIds.length; j++) {
          e.pairs++;
          if (a[t.recordIds[i] as string] === a[t.recordIds[j] as string]) e.merged++;
        }
      }
      traps.set(t.kind, e);
    }
    for (const d of base.injectedDuplicates) {
      if (!d.changes.some((c) => HARD_NAME_CHANGES.includes(c))) continue;
      const found = a[d.recordId] === a[d.originalRecordId];
      hardN++;
      if (found) hardFound++;
      for (const c of d.changes) {
        const e = changes.get(c) ?? { n: 0, found: 0 };
        e.n++;
        if (found) e.found++;
        changes.set(c, e);
      }
    }
  }
  console.log(`  trap pairs merged (seeds 1–5): ${[...traps].map(([k, e]) => `${k} ${e.merged}/${e.pairs} (${pct(e.merged, e.pairs)}; ${e.records} records)`).join(', ')}`);
  console.log(`  hard duplicates found: ${hardFound}/${hardN} (${pct(hardFound, hardN)}); by change: ${[...changes].map(([k, e]) => `${k} ${pct(e.found, e.n)} of ${e.n}`).join(', ')}`);
}
