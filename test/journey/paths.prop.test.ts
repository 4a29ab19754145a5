import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, TOUCHPOINT_KINDS, type FeedbackResponse, type Interaction } from '../../src/model/index.js';
import { customerPaths, journeyMap, type ConversionEvent } from '../../src/journey/index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const customer = fc.constantFrom('c1', 'c2', 'c3', 'c4');
// Instants on a coarse grid (hours over 120 days) so that ties and exact window edges occur.
const instant = fc.integer({ min: 0, max: 120 * 24 }).map((h) => new Date(T0 + h * 3_600_000));

const interactionArb = fc.record({
  customerId: fc.option(customer, { nil: undefined }),
  timestamp: instant,
  channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }),
  touchpoint: fc.option(fc.constantFrom(...TOUCHPOINT_KINDS), { nil: undefined }),
});
const interactionsArb = fc.array(interactionArb, { maxLength: 60 }).map((list) =>
  list.map((x, i): Interaction => {
    const out: Interaction = { id: `i${i}`, timestamp: x.timestamp, event: 'Touched', direction: 'inbound' };
    if (x.customerId !== undefined) out.customerId = x.customerId;
    else out.anonymousId = `v${i % 3}`;
    if (x.channel !== undefined) out.channel = x.channel;
    if (x.touchpoint !== undefined) out.touchpoint = x.touchpoint;
    return out;
  }),
);
const conversionsArb = fc.array(fc.record({ customerId: customer, at: instant, value: fc.integer({ min: 0, max: 500 }) }), {
  maxLength: 12,
}) as fc.Arbitrary<ConversionEvent[]>;

describe('customer path invariants', () => {
  it('paths are ordered, within the lookback window, and (with the reset) use each interaction once', () => {
    fc.assert(
      fc.property(interactionsArb, conversionsArb, fc.integer({ min: 1, max: 40 }), fc.boolean(), (interactions, conversions, lookbackDays, reset) => {
        const paths = customerPaths(interactions, conversions, { lookbackDays, resetAtConversion: reset });
        const byId = new Map(interactions.map((i) => [i.id, i]));
        const used = new Set<string>();
        for (const p of paths) {
          expect(p.touches).toHaveLength(p.touchedAt.length);
          for (let k = 1; k < p.touchedAt.length; k++) expect(p.touchedAt[k]!.getTime()).toBeGreaterThanOrEqual(p.touchedAt[k - 1]!.getTime());
          const end = p.converted ? p.convertedAt!.getTime() : Math.max(...p.touchedAt.map((d) => d.getTime()));
          for (const [k, id] of p.interactionIds.entries()) {
            const i = byId.get(id)!;
            expect(i.customerId).toBe(p.customerId);
            expect(i.channel).toBe(p.touches[k]);
            const t = i.timestamp.getTime();
            expect(t).toBeLessThanOrEqual(end);
            expect(t).toBeGreaterThanOrEqual(end - lookbackDays * DAY);
            if (reset) {
              expect(used.has(id)).toBe(false);
              used.add(id);
            }
          }
        }
        // Every conversion gives exactly one converted path.
        expect(paths.filter((p) => p.converted)).toHaveLength(conversions.length);
      }),
      { numRuns: 200 },
    );
  });

  it('journey-map counts add up to the totals and rates lie in [0, 1]', () => {
    const feedbackArb = fc.array(
      fc.record({
        customerId: customer,
        kind: fc.constantFrom('nps', 'csat', 'ces'),
        score: fc.integer({ min: 1, max: 5 }),
        touchpoint: fc.option(fc.constantFrom(...TOUCHPOINT_KINDS), { nil: undefined }),
        interaction: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(interactionsArb, conversionsArb, feedbackArb, (interactions, conversions, answers) => {
        const feedback = answers.map((a, i): FeedbackResponse => {
          const r: FeedbackResponse = {
            id: `f${i}`,
            customerId: a.customerId,
            respondedAt: new Date(T0),
            kind: a.kind as FeedbackResponse['kind'],
            score: a.score,
            scale: a.kind === 'nps' ? { min: 0, max: 10 } : { min: 1, max: 5 },
          };
          if (a.touchpoint !== undefined) r.touchpoint = a.touchpoint;
          if (a.interaction !== undefined) r.interactionId = `i${a.interaction}`;
          return r;
        });
        const map = journeyMap(interactions, { conversions, feedback });
        const placed = map.cells.reduce((s, c) => s + c.interactions, 0);
        expect(placed).toBe(map.totals.placed);
        expect(map.totals.placed + map.totals.unplaced).toBe(interactions.length);
        expect(map.totals.placed).toBe(interactions.filter((i) => i.touchpoint !== undefined).length);
        const answered = map.cells.reduce((s, c) => s + c.nps.n + c.csat.n, 0);
        expect(answered).toBe(map.totals.answersPlaced);
        expect(map.totals.answersPlaced + map.totals.answersUnplaced).toBe(feedback.filter((f) => f.kind !== 'ces').length);
        for (const c of map.cells) {
          expect(c.customers).toBeLessThanOrEqual(c.interactions);
          if (!Number.isNaN(c.conversionRate)) {
            expect(c.conversionRate).toBeGreaterThanOrEqual(0);
            expect(c.conversionRate).toBeLessThanOrEqual(1);
          }
        }
        // Unique customers per cell add up to at least the distinct customers overall.
        expect(map.cells.reduce((s, c) => s + c.customers, 0)).toBeGreaterThanOrEqual(map.totals.customers);
      }),
      { numRuns: 150 },
    );
  });
});
