import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { historicalClv, simpleClv } from '../../src/value/index.js';

describe('simpleClv', () => {
  it("reproduces Gupta & Lehmann's margin multiples r / (1 + d − r)", () => {
    // Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1), table of
    // margin multiples (retention 60–90% against discount 10–16%), two decimals. Each cell is also a hand
    // calculation: 0.6 / 0.5 = 1.2; 0.7 / 0.4 = 1.75; 0.8 / 0.32 = 2.5; 0.9 / 0.22 = 4.09; 0.9 / 0.26 = 3.46.
    const table: [number, number, number][] = [
      [0.6, 0.1, 1.2],
      [0.7, 0.1, 1.75],
      [0.8, 0.12, 2.5],
      [0.9, 0.12, 4.09],
      [0.9, 0.16, 3.46],
    ];
    for (const [r, d, multiple] of table) {
      expect(simpleClv({ marginPerPeriod: 1, retentionRatePerPeriod: r, discountRatePerPeriod: d }).toFixed(2)).toBe(multiple.toFixed(2));
    }
    // Linear in the margin (hand): 100 × 2.5.
    expect(simpleClv({ marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.12 })).toBeCloseTo(250, 10);
  });

  it('refuses rates outside their ranges', () => {
    for (const bad of [
      { marginPerPeriod: Number.NaN, retentionRatePerPeriod: 0.5, discountRatePerPeriod: 0.1 },
      { marginPerPeriod: 1, retentionRatePerPeriod: 1, discountRatePerPeriod: 0 },
      { marginPerPeriod: 1, retentionRatePerPeriod: 0.5, discountRatePerPeriod: -0.1 },
    ]) {
      try {
        simpleClv(bad);
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.code).toBe('INVALID_OPTION');
      }
    }
  });
});

describe('historicalClv', () => {
  it('ranks customers by revenue × margin to date (hand example)', () => {
    const h = historicalClv(
      [
        { customerId: 'a', at: '2026-01-01T12:00:00Z', amount: 100 },
        { customerId: 'b', at: '2026-01-02T12:00:00Z', amount: 300 },
        { customerId: 'a', at: '2026-02-01T12:00:00Z', amount: 100 },
        { customerId: 'c', at: '2026-02-01T12:00:00Z', amount: 200 },
        { customerId: 'a', at: '2026-04-01T12:00:00Z', amount: 100 },
      ],
      { asOf: '2026-03-01T00:00:00Z', marginRate: 0.5 },
    );
    expect(h.customers.map((c) => [c.customerId, c.orders, c.revenue, c.value])).toEqual([
      ['b', 1, 300, 150],
      ['a', 2, 200, 100],
      ['c', 1, 200, 100],
    ]);
    expect(h.totalValue).toBe(350);
    expect(h.skipped.outsideWindow).toBe(1);
  });
});
