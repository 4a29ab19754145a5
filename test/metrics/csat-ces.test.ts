import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { cesAccumulator, cesScore, csatAccumulator, csatScore, wilsonInterval } from '../../src/metrics/index.js';

function issuePath(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    expect(isJornadaError(e)).toBe(true);
    return (e as { issues: { path: unknown }[] }).issues[0]?.path;
  }
  throw new Error('expected a throw');
}

describe('wilsonInterval against published examples', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872, table II, method 3 (Wilson score, no correction):
  //   81/263 → 0.2553 to 0.3662;  15/148 → 0.0624 to 0.1605;  0/20 → 0.0000 to 0.1611;  1/29 → 0.0061 to 0.1718.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });
  it('is NaN for n = 0 and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0).lower).toBeNaN();
    expect(issuePath(() => wilsonInterval(5, 3))).toEqual(['successes']);
    expect(issuePath(() => wilsonInterval(1, -3))).toEqual(['n']);
  });
});

describe('csatScore', () => {
  it('counts top-2-box on 1–5 by default (hand calculation)', () => {
    // 5, 4, 4, 3, 1: satisfied (≥ 4) = 3 of 5 = 0.6; mean = 17/5 = 3.4;
    // sample sd = √(Σ(x − 3.4)²/4) = √((2.56 + 0.36 + 0.36 + 0.16 + 5.76)/4) = √2.3.
    const r = csatScore([5, 4, 4, 3, 1]);
    expect(r.share).toBeCloseTo(0.6, 15);
    expect(r.satisfied).toBe(3);
    expect(r.mean).toBeCloseTo(3.4, 15);
    expect(r.standardDeviation).toBeCloseTo(Math.sqrt(2.3), 14);
    expect(r.estimate).toBe(r.share);
    // Its interval is Wilson's for 3 of 5.
    expect(r.interval).toEqual(wilsonInterval(3, 5));
  });
  it('takes another scale and threshold', () => {
    // 0–10 satisfaction with satisfied from 8: answers 10, 8, 7, 2 → 2 of 4.
    const r = csatScore([10, 8, 7, 2], { scale: { min: 0, max: 10 }, satisfiedFrom: 8 });
    expect(r.share).toBe(0.5);
    expect(r.satisfiedFrom).toBe(8);
    // default threshold is max − 1 (top-2-box): on 1–7 that is 6.
    expect(csatScore([7, 6, 5], { scale: { min: 1, max: 7 } }).share).toBeCloseTo(2 / 3, 15);
  });
  it('gives NaN for no answers and paths for bad ones', () => {
    const r = csatScore([]);
    expect(r.n).toBe(0);
    expect(r.share).toBeNaN();
    expect(r.mean).toBeNaN();
    expect(issuePath(() => csatScore([5, 6]))).toEqual(['answers', 1]);
    expect(issuePath(() => csatAccumulator().add(csatAccumulator().create(), 0))).toEqual(['answer']);
    expect(() => csatScore([1], { satisfiedFrom: 9 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('cesScore', () => {
  it('scores CES 2.0 (1–7, agreeing = 5–7) by hand', () => {
    // 7, 6, 5, 2: mean 20/4 = 5; agreeing 3 of 4.
    const r = cesScore([7, 6, 5, 2]);
    expect(r.mean).toBe(5);
    expect(r.favourableShare).toBe(0.75);
    expect(r.higherIsBetter).toBe(true);
    expect(r.scale).toEqual({ min: 1, max: 7 });
  });
  it('scores the legacy 1–5 effort question, lower is better', () => {
    // 1, 2, 4: mean 7/3; low effort (1–2) 2 of 3.
    const r = cesScore([1, 2, 4], { variant: 'legacy' });
    expect(r.mean).toBeCloseTo(7 / 3, 15);
    expect(r.favourableShare).toBeCloseTo(2 / 3, 15);
    expect(r.higherIsBetter).toBe(false);
    expect(issuePath(() => cesScore([1, 6], { variant: 'legacy' }))).toEqual(['answers', 1]);
  });
  it('refuses non-integers and unknown variants', () => {
    expect(issuePath(() => cesScore([5.5]))).toEqual(['answers', 0]);
    expect(() => cesAccumulator({ variant: 'x' as 'ces2' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
  it('gives a mean interval of mean ± z·sd/√n (hand calculation)', () => {
    // 7, 6, 5, 2: sd = √((4 + 1 + 0 + 9)/3) = √(14/3); se = sd/2.
    const r = cesScore([7, 6, 5, 2]);
    const se = Math.sqrt(14 / 3) / 2;
    expect(r.meanInterval.lower).toBeCloseTo(5 - 1.959963984540054 * se, 12);
    expect(r.meanInterval.upper).toBeCloseTo(Math.min(7, 5 + 1.959963984540054 * se), 12);
  });
});

describe('weighted CSAT', () => {
  it('uses weight shares and Kish\'s effective n in the Wilson interval (hand calculation)', () => {
    // Answers 5 (w 3) and 2 (w 1): satisfied weight 3 of 4 = 0.75; n_eff = 16/10 = 1.6.
    const acc = csatAccumulator();
    const s = acc.create();
    acc.add(s, 5, 3);
    acc.add(s, 2, 1);
    const r = acc.result(s);
    expect(r.share).toBe(0.75);
    expect(r.effectiveN).toBeCloseTo(1.6, 15);
    expect(r.interval.lower).toBeCloseTo(wilsonInterval(0.75 * 1.6, 1.6).lower, 14);
    expect(r.mean).toBeCloseTo((5 * 3 + 2) / 4, 15);
  });
});
