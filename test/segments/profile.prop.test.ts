import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/model/index.js';
import { buildCustomerProfiles, rfmInputsFromOrders } from '../../src/segments/index.js';

const DAY = 86_400_000;
const asOf = new Date('2026-11-01T03:00:00Z');
const orderArb = fc.record({
  customer: fc.constantFrom('a', 'b', 'c', 'x'),
  offsetDays: fc.integer({ min: -500, max: 20 }),
  offsetMs: fc.integer({ min: 0, max: DAY - 1 }),
  total: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
  status: fc.constantFrom('placed', 'paid', 'fulfilled', 'cancelled', 'refunded'),
});

describe('customer profiles', () => {
  it('agree with the order list they are built from (counts, sums, windows, RFM inputs)', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 40 }), (rows) => {
        const orders: Order[] = rows.map((r, i) => ({
          id: `o${i}`, customerId: r.customer, placedAt: new Date(asOf.getTime() + r.offsetDays * DAY - r.offsetMs),
          status: r.status as Order['status'], currency: 'BRL', total: r.total, items: [],
        }));
        const customers = ['a', 'b', 'c'].map((id) => ({ id, createdAt: new Date('2024-01-01T00:00:00Z') }));
        const profiles = buildCustomerProfiles({ customers, orders }, { asOf });
        const rfm = new Map(rfmInputsFromOrders(orders, asOf).map((r) => [r.customerId, r]));
        for (const p of profiles) {
          const counted = orders.filter((o) => o.customerId === p.customerId && o.placedAt <= asOf && o.status !== 'cancelled' && o.status !== 'refunded');
          expect(p.frequency).toBe(counted.length);
          expect(p.orders.length).toBe(counted.length);
          expect(p.monetary).toBeCloseTo(counted.reduce((s, o) => s + o.total, 0), 6);
          expect(p.ordersLast30Days).toBeLessThanOrEqual(p.ordersLast90Days);
          expect(p.ordersLast90Days).toBeLessThanOrEqual(p.ordersLast365Days);
          expect(p.ordersLast365Days).toBeLessThanOrEqual(p.frequency);
          expect(p.revenueLast90Days).toBeLessThanOrEqual(p.revenueLast365Days + 1e-9);
          for (let i = 1; i < p.orders.length; i++) expect((p.orders[i]?.at.getTime() ?? 0) >= (p.orders[i - 1]?.at.getTime() ?? 0)).toBe(true);
          const r = rfm.get(p.customerId);
          if (p.frequency === 0) {
            expect(r).toBeUndefined();
            expect(p.recencyDays).toBeUndefined();
          } else {
            // Profiles and RFM inputs compute recency, frequency and monetary the same way.
            expect([p.recencyDays, p.frequency]).toEqual([r?.recencyDays, r?.frequency]);
            expect(p.monetary).toBeCloseTo(r?.monetary ?? NaN, 6);
            expect(p.recencyDays).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
