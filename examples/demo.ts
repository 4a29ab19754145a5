// `npm run demo`: the whole customer-relationship loop on the seeded sample base, as a readable report.
// Each module adds its section in examples/sections/<module>.ts.
import { generateSampleBase } from '../src/sample/index.js';
import { overviewSection } from './sections/overview.js';
import { identitySection } from './sections/identity.js';
import { metricsSection } from './sections/metrics.js';
import { valueSection } from './sections/value.js';
import { segmentsSection } from './sections/segments.js';
import { calendarSection } from './sections/calendar.js';
import { clvSection } from './sections/clv.js';
import { lifecycleSection } from './sections/lifecycle.js';
import { journeySection } from './sections/journey.js';
import { cadenceSection } from './sections/cadence.js';
import type { DemoContext } from './sections/context.js';

const seed = 42;
const customers = 5_000;
const asOf = new Date('2026-11-01T03:00:00Z');
const started = performance.now();
const base = generateSampleBase({ seed, customers, from: new Date('2024-01-01T03:00:00Z'), to: asOf });
const ctx: DemoContext = { base, asOf };

const sections: Array<[string, (c: DemoContext) => string]> = [
  ['Sample base', overviewSection],
  ['Identify — one clean record per customer', identitySection],
  ['Differentiate — experience (NPS, CSAT, CES)', metricsSection],
  ['Differentiate — value', valueSection],
  ['Differentiate — predicted lifetime value', clvSection],
  ['Differentiate — segments and RFM', segmentsSection],
  ['Differentiate — lifecycle stages', lifecycleSection],
  ['Differentiate — the journey and attribution', journeySection],
  ['Interact — the right moment (calendar)', calendarSection],
  ['Interact — réguas de relacionamento (cadence)', cadenceSection],
];

console.log(`jornada demo — seed ${seed}, ${customers.toLocaleString('en-US')} customers, as of ${asOf.toISOString().slice(0, 10)}`);
for (const [title, section] of sections) {
  console.log(`\n${'='.repeat(title.length + 4)}\n  ${title}\n${'='.repeat(title.length + 4)}`);
  console.log(section(ctx));
}
console.log(`\n(done in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
