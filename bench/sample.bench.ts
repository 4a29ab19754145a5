// Sample generation throughput: generateSampleBase for 10k and 100k customers, beside a baseline that
// only allocates the same number of plain objects (each with an id string and a Date, as every entity
// has), so the ratio shows what the generator's logic costs on top of building its output.
import { generateSampleBase } from '../src/sample/index.js';
import type { SampleBase } from '../src/sample/index.js';
import { peakMemoryMiB, report, time } from './harness.js';

/** Entity counts of one base; the base itself is not kept, so it does not weigh on the timed runs. */
function describeBase(customers: number): { entities: number; line: string } {
  const b: SampleBase = generateSampleBase({ seed: 42, customers });
  const entities =
    b.customers.length + b.accounts.length + b.orders.length + b.subscriptions.length + b.interactions.length + b.feedback.length + b.customerRecords.length;
  const f = (n: number): string => n.toLocaleString('en-US');
  return {
    entities,
    line:
      `${f(customers)} customers → ${f(entities)} entities (orders ${f(b.orders.length)}, interactions ${f(b.interactions.length)}, ` +
      `feedback ${f(b.feedback.length)}, records ${f(b.customerRecords.length)})`,
  };
}

/** Allocates `n` plain objects shaped like a small entity: an id, a Date and three fields. */
function allocateBaseline(n: number): unknown[] {
  const out = new Array<unknown>(n);
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    out[i] = { id: `evt-${String(i + 1).padStart(7, '0')}`, customerId: 'cus-00001', timestamp: new Date(t0 + i * 1000), event: 'Email Sent', direction: 'outbound' };
  }
  return out;
}

for (const [customers, runs] of [
  [10_000, { warmup: 1, repeat: 3 }],
  [100_000, { warmup: 0, repeat: 1 }],
] as const) {
  const { entities, line } = describeBase(customers);
  console.log(`\n${line}`);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = time(`baseline: allocate ${entities.toLocaleString('en-US')} objects`, () => allocateBaseline(entities), runs);
  const subject = time(`generateSampleBase(${customers.toLocaleString('en-US')})`, () => generateSampleBase({ seed: 42, customers }), runs);
  report(`sample generation, ${customers.toLocaleString('en-US')} customers`, [baseline, subject]);
  const seconds = subject.medianMs / 1000;
  console.log(
    `  throughput: ${Math.round(customers / seconds).toLocaleString('en-US')} customers/s, ${Math.round(entities / seconds).toLocaleString('en-US')} entities/s`,
  );
  console.log(`  peak RSS so far: ${peakMemoryMiB().toFixed(0)} MiB`);
}
