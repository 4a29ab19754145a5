import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { classifyNps, npsAccumulator, npsDifference, npsFromCounts, npsInterval, npsScore } from '../../src/metrics/index.js';
import { loadNpsTestdata } from './fixture.js';

function issuePath(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    expect(isJornadaError(e)).toBe(true);
    return (e as { code: string; issues: { path: unknown }[] }).issues[0]?.path;
  }
  throw new Error('expected a throw');
}

describe('classifyNps', () => {
  it('uses the 0–6 / 7–8 / 9–10 bands (Reichheld 2003)', () => {
    expect([0, 6, 7, 8, 9, 10].map(classifyNps)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('refuses answers off the scale with a path', () => {
    expect(issuePath(() => classifyNps(11))).toEqual(['answer']);
    expect(issuePath(() => classifyNps(7.5))).toEqual(['answer']);
  });
});

describe('NPS from the issue\'s reference counts (1 detractor, 2 passives, 3 promoters)', () => {
  // Hand calculation: n = 6, p = 3/6 = 1/2, d = 1/6.
  //   NPS = p − d = 1/2 − 1/6 = 1/3 → 33.3 points.
  //   Variance of one answer coded +1/0/−1: E[X²] − E[X]² = (p + d) − (p − d)² = 2/3 − 1/9 = 5/9.
  //   SE = √(Var/n) = √(5/54) = 0.30429…
  const r = npsFromCounts({ detractors: 1, passives: 2, promoters: 3 });
  it('gives the score, variance and standard error', () => {
    expect(r.score).toBeCloseTo(100 / 3, 12);
    expect(r.variance).toBeCloseTo(5 / 9, 14);
    expect(r.standardError).toBeCloseTo(Math.sqrt(5 / 54), 14);
    expect(r.standardError).toBeCloseTo(0.304, 3);
    expect(r.n).toBe(6);
    expect(r.promoterShare + r.passiveShare + r.detractorShare).toBeCloseTo(1, 15);
  });
  it('is the same from the raw answers, in any order', () => {
    const s = npsScore([9, 8, 3, 10, 7, 10]);
    expect(s.score).toBeCloseTo(r.score, 12);
    expect(s.variance).toBeCloseTo(r.variance, 14);
    expect(npsScore(new Set([9, 8, 3, 10, 7, 10])).n).toBe(5); // any iterable (a Set drops the repeated 10)
  });
  it('has an adjusted Wald interval from ¾ + 1½ + ¾ pseudo-answers (hand calculation)', () => {
    // ñ = 9; p̃ = 3.75/9, d̃ = 1.75/9; centre = 2/9; var = (5.5/9) − (2/9)² = 0.561728…; se = √(var/9).
    const pt = 3.75 / 9;
    const dt = 1.75 / 9;
    const se = Math.sqrt((pt + dt - (pt - dt) ** 2) / 9);
    const z = 1.959963984540054;
    const ci = npsInterval(r, { method: 'adjusted-wald' });
    expect(ci.lower).toBeCloseTo((pt - dt - z * se) * 100, 10);
    expect(ci.upper).toBeCloseTo((pt - dt + z * se) * 100, 10);
  });
  it('has a Wald interval score ± z·SE (hand calculation)', () => {
    const ci = npsInterval(r, { method: 'wald' });
    expect(ci.lower).toBeCloseTo((1 / 3 - 1.959963984540054 * Math.sqrt(5 / 54)) * 100, 10);
    expect(ci.upper).toBeCloseTo((1 / 3 + 1.959963984540054 * Math.sqrt(5 / 54)) * 100, 10);
  });
});

describe('NPS intervals against published values (paired-proportion intervals)', () => {
  // An NPS is a difference of two proportions of one multinomial sample, exactly like the difference
  // of the two discordant cells of a paired 2×2 table. Fagerland, Lydersen & Laake (2017),
  // *Statistical Analysis of Contingency Tables*, ch. 8, analyse Cavo et al. (2012): table
  // [[59, 6], [16, 80]], N = 161, estimate (6 − 16)/161 = −0.0621, and publish
  //   Wald CI            −0.1184 to −0.0058
  //   Tango score CI     −0.1240 to −0.0054
  // (also the expected output in the tests of their R package `contingencytables`).
  // Mapping: promoters = 6, detractors = 16, passives = 59 + 80 = 139.
  const r = npsFromCounts({ detractors: 16, passives: 139, promoters: 6 });
  it('reproduces the estimate', () => {
    expect(r.score / 100).toBeCloseTo(-0.0621, 4);
  });
  it('reproduces the Wald interval', () => {
    const ci = npsInterval(r, { method: 'wald' });
    expect(ci.lower / 100).toBeCloseTo(-0.1184, 4);
    expect(ci.upper / 100).toBeCloseTo(-0.0058, 4);
  });
  it('reproduces Tango\'s score interval (the default)', () => {
    expect(r.interval.method).toBe('score');
    expect(r.interval.lower / 100).toBeCloseTo(-0.124, 4);
    expect(r.interval.upper / 100).toBeCloseTo(-0.0054, 4);
  });
  it('keeps the score interval inside the scale at the ends', () => {
    const all = npsFromCounts({ detractors: 0, passives: 0, promoters: 12 });
    expect(all.interval.upper).toBe(100);
    expect(all.interval.lower).toBeGreaterThan(0);
    expect(all.interval.lower).toBeLessThan(100);
    const none = npsFromCounts({ detractors: 12, passives: 0, promoters: 0 });
    expect(none.interval.lower).toBe(-100);
  });
});

describe('NPS of the R package NPS test data (1,000 answers, column REC)', () => {
  const rows = loadNpsTestdata();
  it('has the published overall NPS of 0.100 (10.0 points)', () => {
    // Published: nps(testdata$REC) = 0.1 (R package NPS, brendan-r/NPS; see the fixture README).
    const r = npsScore(rows.map((row) => row.REC));
    expect(r.n).toBe(1000);
    expect(r.score).toBeCloseTo(10, 10);
  });
  it('gives the same result through the typed-array fast path', () => {
    const bytes = Uint8Array.from(rows.map((row) => row.REC));
    const acc = npsAccumulator();
    const r = acc.result(acc.addAll(acc.create(), bytes));
    expect(r.score).toBeCloseTo(10, 10);
    expect(r.n).toBe(1000);
    expect(acc.result(acc.addAll(acc.create(), Float64Array.from(bytes))).score).toBeCloseTo(10, 10);
  });
});

describe('weighted NPS and Kish\'s effective sample size', () => {
  it('uses weight shares and (Σw)²/Σw² (hand calculation)', () => {
    // Answers 10 (w 2), 3 (w 1), 8 (w 1): promoter weight 2, detractor 1, passive 1, Σw = 4, Σw² = 6.
    // NPS = (2 − 1)/4 = 25 points; n_eff = 16/6 = 2.667; variance = 0.75 − 0.0625 = 0.6875.
    const r = npsScore([10, 3, 8], { weights: [2, 1, 1] });
    expect(r.score).toBeCloseTo(25, 12);
    expect(r.effectiveN).toBeCloseTo(16 / 6, 12);
    expect(r.weightTotal).toBe(4);
    expect(r.n).toBe(3);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.6875 / (16 / 6)), 12);
  });
  it('refuses bad weights with their path', () => {
    expect(issuePath(() => npsScore([10, 3], { weights: [1, -1] }))).toEqual(['weights', 1]);
    expect(issuePath(() => npsScore([10, 3], { weights: [1] }))).toEqual(['weights']);
    expect(issuePath(() => npsAccumulator().add(npsAccumulator().create(), 5, NaN))).toEqual(['weight']);
  });
});

describe('difference of two NPS', () => {
  it('gives the difference, SE, z and p-value (hand calculation)', () => {
    // A: 60 promoters, 30 passives, 10 detractors → NPS 0.5, Var = 0.7 − 0.25 = 0.45, Var/n = 0.0045.
    // B: 50 / 30 / 20 → NPS 0.3, Var = 0.7 − 0.09 = 0.61, Var/n = 0.0061.
    // SE = √0.0106 = 0.102956…; z = 0.2/SE = 1.942572; p = 2(1 − Φ(1.942572)) = 0.05207 (Φ from A&S 26.1).
    const a = npsFromCounts({ detractors: 10, passives: 30, promoters: 60 });
    const b = npsFromCounts({ detractors: 20, passives: 30, promoters: 50 });
    const d = npsDifference(a, b);
    expect(d.difference).toBeCloseTo(20, 10);
    expect(d.standardError).toBeCloseTo(Math.sqrt(0.0106), 12);
    expect(d.z).toBeCloseTo(0.2 / Math.sqrt(0.0106), 10);
    expect(d.pValue).toBeCloseTo(0.05207, 4);
    expect(d.interval.lower).toBeLessThan(0);
    expect(npsDifference(b, a).z).toBeCloseTo(-d.z, 12);
  });
  it('is NaN, not a throw, when a side is empty', () => {
    const d = npsDifference(npsScore([]), npsScore([10]));
    expect(d.difference).toBeNaN();
    expect(d.pValue).toBeNaN();
  });
});

describe('empty input and validation at the edge', () => {
  it('gives a defined result for no answers', () => {
    const r = npsScore([]);
    expect(r.n).toBe(0);
    expect(r.score).toBeNaN();
    expect(r.interval.lower).toBeNaN();
    expect(npsFromCounts({ detractors: 0, passives: 0, promoters: 0 }).score).toBeNaN();
  });
  it('reports the index of the first bad answer', () => {
    const answers = Array.from({ length: 20 }, () => 9);
    answers[17] = 11;
    expect(issuePath(() => npsScore(answers))).toEqual(['answers', 17]);
    expect(issuePath(() => npsScore(Uint8Array.from(answers)))).toEqual(['answers', 17]);
    expect(issuePath(() => npsScore([1, Number.NaN]))).toEqual(['answers', 1]);
    expect(issuePath(() => npsScore([1, -1]))).toEqual(['answers', 1]);
    expect(issuePath(() => npsScore([1, 6.5]))).toEqual(['answers', 1]);
    expect(issuePath(() => npsScore(new Set([1, 12])))).toEqual(['answers', 1]);
    expect(issuePath(() => npsFromCounts({ detractors: -1, passives: 0, promoters: 0 }))).toEqual(['detractors']);
  });
  it('refuses bad options with INVALID_OPTION', () => {
    expect(() => npsScore([1], { level: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => npsScore([1], { method: 'bogus' as 'wald' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
