import { describe, expect, it } from 'vitest';
import { dataQualityReport, evaluateDuplicatePairs, resolveIdentities } from '../../src/identity/index.js';
import { generateSampleBase } from '../../src/sample/index.js';

// A measurement against the generator's ground truth (recordOwner), not a value copied from this code:
// the targets are the (recall ≥ 0.95 and precision ≥ 0.98 of duplicate pairs on the default
// sample, 5,000 customers, seed 42).
describe('deduplication of the sample base against its ground truth', () => {
  const base = generateSampleBase({ seed: 42 });
  const resolution = resolveIdentities(base.customerRecords);
  const metrics = evaluateDuplicatePairs(resolution.assignments, base.recordOwner);

  it('reaches recall ≥ 0.95 and precision ≥ 0.98 of duplicate pairs', () => {
    expect(metrics.records).toBe(base.customerRecords.length);
    expect(metrics.truePairs).toBeGreaterThan(0);
    expect(metrics.recall).toBeGreaterThanOrEqual(0.95);
    expect(metrics.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('finds every kind of injected change', () => {
    const found = new Map<string, { hit: number; total: number }>();
    for (const d of base.injectedDuplicates) {
      const same = resolution.assignments[d.recordId] === resolution.assignments[d.originalRecordId];
      for (const c of d.changes) {
        const e = found.get(c) ?? { hit: 0, total: 0 };
        e.total++;
        if (same) e.hit++;
        found.set(c, e);
      }
    }
    for (const [change, { hit, total }] of found) expect(hit / total, change).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps one golden customer per true customer, close to the true count', () => {
    const trueCustomers = new Set(Object.values(base.recordOwner)).size;
    expect(Math.abs(resolution.customers.length - trueCustomers) / trueCustomers).toBeLessThan(0.02);
    // Every golden record is a valid Customer by the model's schema: ids unique, contact points valid.
    expect(new Set(resolution.customers.map((g) => g.customer.id)).size).toBe(resolution.customers.length);
  });

  it('reports the quality of the base without throwing', () => {
    const q = dataQualityReport(base.customerRecords, { asOf: base.options.to, resolution });
    expect(q.records).toBe(base.customerRecords.length);
    expect(q.duplicates?.duplicateRecords).toBe(resolution.match.stats.duplicateRecords);
    expect(q.freshness.futureDated).toBe(0); // the generator dates nothing after `to`
  });
});

describe('golden customers satisfy the model schema', () => {
  it('parses every golden customer of a small base', async () => {
    const { parseCustomer } = await import('../../src/model/index.js');
    const base = generateSampleBase({ seed: 7, customers: 300 });
    const r = resolveIdentities(base.customerRecords);
    for (const g of r.customers) expect(() => parseCustomer(g.customer)).not.toThrow();
  });
});
