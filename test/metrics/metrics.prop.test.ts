import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isJornadaError } from '../../src/core/errors.js';
import {
  cesAccumulator,
  cesScore,
  csatAccumulator,
  csatScore,
  driverCorrelations,
  expectationGaps,
  feedbackBreakdown,
  npsAccumulator,
  npsFromCounts,
  npsInterval,
  npsScore,
  wilsonInterval,
} from '../../src/metrics/index.js';

const npsAnswer = fc.integer({ min: 0, max: 10 });
const npsAnswers = fc.array(npsAnswer, { maxLength: 200 });

describe('NPS invariants', () => {
  it('score lies in −100..100 and shares sum to 1', () => {
    fc.assert(
      fc.property(fc.array(npsAnswer, { minLength: 1, maxLength: 200 }), (answers) => {
        const r = npsScore(answers);
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.abs(r.promoterShare + r.passiveShare + r.detractorShare - 1)).toBeLessThan(1e-12);
        expect(r.variance).toBeGreaterThanOrEqual(-1e-15);
      }),
    );
  });

  it('does not depend on the order of answers', () => {
    fc.assert(
      fc.property(npsAnswers, fc.integer(), (answers, seed) => {
        const shuffled = [...answers];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
        }
        expect(npsScore(shuffled)).toEqual(npsScore(answers));
      }),
    );
  });

  it('merge of parts equals one pass, in any grouping and order', () => {
    const acc = npsAccumulator();
    fc.assert(
      fc.property(npsAnswers, npsAnswers, npsAnswers, (a, b, c) => {
        const one = acc.result(acc.addAll(acc.create(), [...a, ...b, ...c]));
        const sa = acc.addAll(acc.create(), a);
        const sb = acc.addAll(acc.create(), Uint8Array.from(b));
        const sc = acc.create();
        for (const x of c) acc.add(sc, x);
        expect(acc.result(acc.merge(acc.merge(sa, sb), sc))).toEqual(one); // (a·b)·c
        expect(acc.result(acc.merge(sa, acc.merge(sb, sc)))).toEqual(one); // a·(b·c)
        expect(acc.result(acc.merge(sc, acc.merge(sb, sa)))).toEqual(one); // commuted
      }),
    );
  });

  it('equal weights give the unweighted result', () => {
    fc.assert(
      fc.property(fc.array(npsAnswer, { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 50 }), (answers, w) => {
        const plain = npsScore(answers);
        const weighted = npsScore(answers, { weights: answers.map(() => w) });
        expect(weighted.score).toBeCloseTo(plain.score, 9);
        expect(weighted.effectiveN).toBeCloseTo(plain.n, 9);
        expect(weighted.standardError).toBeCloseTo(plain.standardError, 9);
        expect(weighted.interval.lower).toBeCloseTo(plain.interval.lower, 6);
        expect(weighted.interval.upper).toBeCloseTo(plain.interval.upper, 6);
      }),
    );
  });

  it('Wald and score intervals contain the estimate and stay in −100..100', () => {
    const count = fc.integer({ min: 0, max: 300 });
    fc.assert(
      fc.property(count, count, count, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (d, pa, p, level) => {
        fc.pre(d + pa + p > 0);
        const r = npsFromCounts({ detractors: d, passives: pa, promoters: p });
        for (const method of ['wald', 'score'] as const) {
          const ci = npsInterval(r, { method, level });
          expect(ci.lower).toBeLessThanOrEqual(r.score + 1e-9);
          expect(ci.upper).toBeGreaterThanOrEqual(r.score - 1e-9);
          expect(ci.lower).toBeGreaterThanOrEqual(-100);
          expect(ci.upper).toBeLessThanOrEqual(100);
        }
        // The adjusted Wald interval is centred on a shrunken estimate; it always stays in range.
        const adj = npsInterval(r, { method: 'adjusted-wald', level });
        expect(adj.lower).toBeGreaterThanOrEqual(-100);
        expect(adj.upper).toBeLessThanOrEqual(100);
        expect(adj.lower).toBeLessThanOrEqual(adj.upper);
      }),
    );
  });

  it('the score interval widens with the level', () => {
    const count = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(count, count, count, (d, pa, p) => {
        fc.pre(d + pa + p > 0);
        const r = npsFromCounts({ detractors: d, passives: pa, promoters: p });
        const narrow = npsInterval(r, { level: 0.8 });
        const wide = npsInterval(r, { level: 0.99 });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-9);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-9);
      }),
    );
  });
});

describe('CSAT and CES invariants', () => {
  const csat = fc.integer({ min: 1, max: 5 });
  it('CSAT share and Wilson interval lie in 0..1 and the interval contains the share', () => {
    fc.assert(
      fc.property(fc.array(csat, { minLength: 1, maxLength: 200 }), (answers) => {
        const r = csatScore(answers);
        expect(r.share).toBeGreaterThanOrEqual(0);
        expect(r.share).toBeLessThanOrEqual(1);
        expect(r.interval.lower).toBeLessThanOrEqual(r.share + 1e-12);
        expect(r.interval.upper).toBeGreaterThanOrEqual(r.share - 1e-12);
        expect(r.mean).toBeGreaterThanOrEqual(1);
        expect(r.mean).toBeLessThanOrEqual(5);
      }),
    );
  });
  it('Wilson interval contains x/n for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.floor(f * n);
        const ci = wilsonInterval(x, n);
        expect(ci.lower).toBeLessThanOrEqual(x / n + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(x / n - 1e-12);
      }),
    );
  });
  it('CSAT and CES merges equal one pass (integer answers: exact sums)', () => {
    const c = csatAccumulator();
    const e = cesAccumulator();
    fc.assert(
      fc.property(fc.array(csat, { maxLength: 100 }), fc.array(csat, { maxLength: 100 }), (a, b) => {
        expect(c.result(c.merge(c.addAll(c.create(), a), c.addAll(c.create(), b)))).toEqual(c.result(c.addAll(c.create(), [...a, ...b])));
        expect(c.result(c.merge(c.addAll(c.create(), b), c.addAll(c.create(), a)))).toEqual(c.result(c.addAll(c.create(), [...a, ...b])));
        expect(e.result(e.merge(e.addAll(e.create(), a), e.addAll(e.create(), b)))).toEqual(e.result(e.addAll(e.create(), [...a, ...b])));
      }),
    );
  });
  it('CES favourable share lies in 0..1 and equal weights change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 100 }), fc.integer({ min: 1, max: 9 }), (answers, w) => {
        const acc = cesAccumulator();
        const plain = cesScore(answers);
        const s = acc.create();
        for (const a of answers) acc.add(s, a, w);
        const weighted = acc.result(s);
        expect(plain.favourableShare).toBeGreaterThanOrEqual(0);
        expect(plain.favourableShare).toBeLessThanOrEqual(1);
        expect(weighted.mean).toBeCloseTo(plain.mean, 10);
        expect(weighted.favourableShare).toBeCloseTo(plain.favourableShare, 12);
      }),
    );
  });
});

describe('breakdown invariants', () => {
  it('cell sizes sum to the total, and the total equals a one-pass score', () => {
    const item = fc.record({ score: npsAnswer, a: fc.constantFrom('x', 'y', undefined), b: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 150 }), (items) => {
        const b = feedbackBreakdown(items, { dimensions: { a: (r) => r.a, b: (r) => r.b } });
        expect(b.cells.reduce((s, c) => s + c.n, 0)).toBe(items.length);
        expect(b.total.n).toBe(items.length);
        expect(b.total.result).toEqual(npsScore(items.map((i) => i.score)));
        const promoters = b.cells.reduce((s, c) => s + c.result.promoters, 0);
        expect(promoters).toBe(items.filter((i) => i.score >= 9).length);
      }),
    );
  });
});

describe('fuzzing the validation entry points: bad input gives a JornadaError with a path, never a crash', () => {
  const anything = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -5, max: 20 }));
  const check = (fn: () => unknown): void => {
    try {
      fn();
    } catch (e) {
      expect(isJornadaError(e)).toBe(true);
      const err = e as { code: string; issues: { path: unknown[] }[] };
      if (err.code === 'INVALID_INPUT') expect(Array.isArray(err.issues[0]?.path)).toBe(true);
    }
  };
  it('npsScore, csatScore, cesScore on arbitrary arrays', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 20 }), (values) => {
        check(() => npsScore(values as number[]));
        check(() => csatScore(values as number[]));
        check(() => cesScore(values as number[], { variant: 'legacy' }));
        check(() => npsScore(values as number[], { weights: values as number[] }));
      }),
    );
  });
  it('breakdowns, drivers and gaps on arbitrary objects', () => {
    const obj = fc.record({ score: anything, drivers: fc.dictionary(fc.string({ maxLength: 3 }), anything), expectations: fc.dictionary(fc.string({ maxLength: 3 }), fc.record({ expected: anything, perceived: anything })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(obj, { maxLength: 10 }), (items) => {
        check(() => feedbackBreakdown(items, { dimensions: { all: () => 'x' } }));
        check(() => driverCorrelations(items as { score: number }[]));
        check(() => expectationGaps(items as object[]));
      }),
    );
  });
});
