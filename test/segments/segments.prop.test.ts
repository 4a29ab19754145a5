import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSegmentMemberships, rfmScores, rfmSegment, segmentOverlap, type SegmentMembership } from '../../src/segments/index.js';

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const membershipArb = (segmentIds: string[]): fc.Arbitrary<SegmentMembership> =>
  fc.tuple(...segmentIds.map(() => fc.uniqueArray(ids, { maxLength: 7 }))).map((lists) => ({
    asOf: new Date(0),
    segmentIds,
    members: Object.fromEntries(segmentIds.map((id, i) => [id, lists[i] as string[]])),
  }));

describe('segment diffs and overlaps', () => {
  it('entered and exited partition the change: |after| = stayed + entered, |before| = stayed + exited', () => {
    fc.assert(
      fc.property(membershipArb(['s1', 's2']), membershipArb(['s1', 's2']), (before, after) => {
        const diff = diffSegmentMemberships(before, after);
        for (const id of ['s1', 's2']) {
          const d = diff[id];
          const was = new Set(before.members[id]);
          const now = new Set(after.members[id]);
          expect(d?.entered.every((m) => now.has(m) && !was.has(m))).toBe(true);
          expect(d?.exited.every((m) => was.has(m) && !now.has(m))).toBe(true);
          expect((d?.stayed ?? 0) + (d?.entered.length ?? 0)).toBe(now.size);
          expect((d?.stayed ?? 0) + (d?.exited.length ?? 0)).toBe(was.size);
        }
      }),
    );
  });

  it('the overlap matrix is symmetric, its diagonal holds the sizes, and pairs equal set intersections', () => {
    fc.assert(
      fc.property(membershipArb(['x', 'y', 'z']), (m) => {
        const o = segmentOverlap(m);
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            const a = new Set(m.members[o.segmentIds[i] as string]);
            const b = m.members[o.segmentIds[j] as string] ?? [];
            expect(o.counts[i]?.[j]).toBe(b.filter((x) => a.has(x)).length);
            expect(o.counts[i]?.[j]).toBe(o.counts[j]?.[i]);
            const jac = o.jaccard[i]?.[j] as number;
            if (!Number.isNaN(jac)) expect(jac >= 0 && jac <= 1).toBe(true);
          }
        }
      }),
    );
  });
});

const rowsArb = fc.array(
  fc.record({ recencyDays: fc.integer({ min: 0, max: 60 }), frequency: fc.integer({ min: 1, max: 12 }), monetary: fc.integer({ min: 0, max: 500 }) }),
  { minLength: 1, maxLength: 60 },
).map((rows) => rows.map((r, i) => ({ customerId: `c${String(i).padStart(3, '0')}`, ...r })));

describe('RFM scores', () => {
  for (const ties of ['r-rfm', 'pandas-qcut'] as const) {
    it(`(${ties}) lie in 1..k and are monotone: more recent / more frequent / higher spend never scores lower`, () => {
      fc.assert(
        fc.property(rowsArb, fc.integer({ min: 2, max: 9 }), (rows, k) => {
          const scores = rfmScores(rows, { bins: k, ties }).scores;
          for (const s of scores) {
            for (const v of [s.recencyScore, s.frequencyScore, s.monetaryScore]) expect(v >= 1 && v <= k && Number.isInteger(v)).toBe(true);
            expect(s.rfmScore).toBe(100 * s.recencyScore + 10 * s.frequencyScore + s.monetaryScore);
          }
          for (const x of scores) {
            for (const y of scores) {
              if (x.recencyDays < y.recencyDays) expect(x.recencyScore).toBeGreaterThanOrEqual(y.recencyScore);
              if (x.monetary < y.monetary) expect(x.monetaryScore).toBeLessThanOrEqual(y.monetaryScore);
              if (x.frequency < y.frequency) expect(x.frequencyScore).toBeLessThanOrEqual(y.frequencyScore);
              if (ties === 'r-rfm' && x.frequency === y.frequency) expect(x.frequencyScore).toBe(y.frequencyScore);
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    it(`(${ties}) do not depend on the order of the customers`, () => {
      fc.assert(
        fc.property(rowsArb, fc.integer({ min: 2, max: 9 }), (rows, k) => {
          const forward = new Map(rfmScores(rows, { bins: k, ties }).scores.map((s) => [s.customerId, s.rfmScore]));
          const backward = new Map(rfmScores([...rows].reverse(), { bins: k, ties }).scores.map((s) => [s.customerId, s.rfmScore]));
          expect(backward).toEqual(forward);
        }),
        { numRuns: 100 },
      );
    });
  }

  it('the default map assigns one of its 11 segments to any 1..5 scores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (r, f, m) => {
        expect(rfmSegment({ recencyScore: r, frequencyScore: f, monetaryScore: m })).not.toBe('others');
      }),
    );
  });
});
