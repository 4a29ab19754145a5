// Segment conditions: the same 5-condition rule over 100,000 distinct profiles, three ways in one
// process — json-rules-engine (peer package), jornada's compiled predicate, and a hand-written predicate.
//
// The rule: monetary ≥ 500 (number), state = 'SP' (string equality), lifecycleStage in a list,
// any(ordersLast90Days ≥ 2, preferredChannel = 'whatsapp') (a nested any), and lastOrderAt within the
// last 90 days (a date condition).
//
// How json-rules-engine is measured: its engine is async (Engine#run returns a promise per fact set),
// so one engine with the rule is built once and `await engine.run(profile)` is called for each profile
// in turn, as an application evaluating a population would. json-rules-engine has no date operators,
// so the date condition is a custom operator registered once (a closure over asOf), the cheapest honest
// equivalent. Facts are passed as plain objects (no dynamic facts). The time includes the promise
// machinery, which is part of using that engine.
import { Engine } from 'json-rules-engine';
import { createRandom } from '../src/core/random.js';
import { compileCondition, type ConditionDocument } from '../src/segments/index.js';
import { report, time, type Timing } from './harness.js';

const N = 100_000;
const DAY = 86_400_000;
const asOf = new Date('2026-11-01T03:00:00Z');
const rng = createRandom(2026);
const states = ['SP', 'RJ', 'MG', 'PR', 'RS', 'BA', 'SC'];
const stages = ['reach', 'acquisition', 'nurture', 'retention', 'loyalty'];
const channels = ['email', 'sms', 'whatsapp', 'push'];

interface BenchProfile {
  customerId: string;
  monetary: number;
  state: string;
  lifecycleStage: string;
  ordersLast90Days: number;
  preferredChannel: string;
  lastOrderAt: Date;
}

const profiles: BenchProfile[] = [];
for (let i = 0; i < N; i++) {
  profiles.push({
    customerId: `c${i}`,
    monetary: Math.round(rng.exponential(600) * 100) / 100,
    state: rng.weighted(states, [40, 15, 12, 10, 8, 8, 7]),
    lifecycleStage: rng.pick(stages),
    ordersLast90Days: rng.poisson(1.2),
    preferredChannel: rng.pick(channels),
    lastOrderAt: new Date(asOf.getTime() - rng.int(0, 400) * DAY - rng.int(0, 86_399_999)),
  });
}

const document: ConditionDocument = {
  version: 1,
  condition: {
    all: [
      { fact: 'monetary', op: 'gte', value: 500 },
      { fact: 'state', op: 'eq', value: 'SP' },
      { fact: 'lifecycleStage', op: 'in', value: ['nurture', 'retention', 'loyalty'] },
      { any: [{ fact: 'ordersLast90Days', op: 'gte', value: 2 }, { fact: 'preferredChannel', op: 'eq', value: 'whatsapp' }] },
      { fact: 'lastOrderAt', op: 'withinLast', amount: 90, unit: 'days' },
    ],
  },
};

// jornada: compiled once.
const predicate = compileCondition(document);
function countJornada(): number {
  let n = 0;
  for (let i = 0; i < profiles.length; i++) if (predicate(profiles[i], asOf)) n++;
  return n;
}

// Hand-written: what a developer would type for this one rule.
const NINETY_DAYS = 90 * DAY;
function handWritten(p: BenchProfile, at: Date): boolean {
  const t = p.lastOrderAt.getTime();
  const start = at.getTime() - NINETY_DAYS;
  return (
    p.monetary >= 500 &&
    p.state === 'SP' &&
    (p.lifecycleStage === 'nurture' || p.lifecycleStage === 'retention' || p.lifecycleStage === 'loyalty') &&
    (p.ordersLast90Days >= 2 || p.preferredChannel === 'whatsapp') &&
    t >= start &&
    t <= at.getTime()
  );
}
function countHand(): number {
  let n = 0;
  for (let i = 0; i < profiles.length; i++) if (handWritten(profiles[i] as BenchProfile, asOf)) n++;
  return n;
}

// json-rules-engine: the same rule in its format.
const engine = new Engine([], { allowUndefinedFacts: true });
engine.addOperator('withinLastDays', (factValue: unknown, days: unknown) => {
  if (!(factValue instanceof Date) || typeof days !== 'number') return false;
  const t = factValue.getTime();
  return t >= asOf.getTime() - days * DAY && t <= asOf.getTime();
});
engine.addRule({
  conditions: {
    all: [
      { fact: 'monetary', operator: 'greaterThanInclusive', value: 500 },
      { fact: 'state', operator: 'equal', value: 'SP' },
      { fact: 'lifecycleStage', operator: 'in', value: ['nurture', 'retention', 'loyalty'] },
      { any: [{ fact: 'ordersLast90Days', operator: 'greaterThanInclusive', value: 2 }, { fact: 'preferredChannel', operator: 'equal', value: 'whatsapp' }] },
      { fact: 'lastOrderAt', operator: 'withinLastDays', value: 90 },
    ],
  },
  event: { type: 'match' },
});
async function countJre(count: number): Promise<number> {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const { events } = await engine.run(profiles[i] as unknown as Record<string, unknown>);
    if (events.length > 0) n++;
  }
  return n;
}

async function main(): Promise<void> {
  const expected = countHand();
  const jornadaCount = countJornada();
  // The two synchronous predicates first, then json-rules-engine, whose promises leave much garbage
  // that would otherwise be collected during the short synchronous loops.
  const compiled = time('jornada compileCondition predicate', countJornada, { warmup: 5, repeat: 15 });
  const hand = time('hand-written predicate', countHand, { warmup: 5, repeat: 15 });
  (globalThis as { gc?: () => void }).gc?.();
  await countJre(5_000); // warm-up
  const jreRuns: number[] = [];
  let jreCount = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    jreCount = await countJre(N);
    jreRuns.push(performance.now() - t0);
  }
  const jre: Timing = { name: 'json-rules-engine 7 (await engine.run per profile)', medianMs: [...jreRuns].sort((a, b) => a - b)[1] as number, runs: jreRuns };
  console.log(`profiles: ${N.toLocaleString('en-US')}; matches: hand ${expected}, jornada ${jornadaCount}, json-rules-engine ${jreCount}`);
  if (expected !== jornadaCount || expected !== jreCount) console.log('  WARNING: the three disagree');
  report('5-condition rule over 100,000 profiles (ratio to json-rules-engine)', [jre, compiled, hand]);
  const best = (t: Timing): number => Math.min(...t.runs);
  console.log(`\n  jornada is ×${(jre.medianMs / compiled.medianMs).toFixed(0)} faster than json-rules-engine (medians; goal ≥ ×100)`);
  console.log(`  jornada takes ×${(compiled.medianMs / hand.medianMs).toFixed(2)} the time of the hand-written predicate (medians; goal ≤ ×2)`);
  console.log(`  best runs (less exposed to other load on the machine): json-rules-engine ${best(jre).toFixed(1)} ms, jornada ${best(compiled).toFixed(2)} ms, hand-written ${best(hand).toFixed(2)} ms → ×${(best(jre) / best(compiled)).toFixed(0)} and ×${(best(compiled) / best(hand)).toFixed(2)}`);
  console.log(`  per profile: json-rules-engine ${((jre.medianMs * 1e6) / N).toFixed(0)} ns, jornada ${((compiled.medianMs * 1e6) / N).toFixed(1)} ns, hand-written ${((hand.medianMs * 1e6) / N).toFixed(1)} ns`);
}

await main();
