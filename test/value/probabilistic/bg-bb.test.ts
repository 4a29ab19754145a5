import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  bgBbPurchaseCountProbability,
  fitBgBb,
  generateBgBbPatterns,
  type BgBbModel,
} from '../../../src/value/probabilistic/index.js';
import { donations } from './fixtures.js';

// Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
// Marketing Science 29(6): 11,104 donors, 6 opportunities; α = 1.204, β = 0.750, γ = 0.657, δ = 2.783,
// LL = −33,225.6.
describe('fitBgBb on the donations data', () => {
  const fit = fitBgBb(donations());

  it('lands on the published estimates', () => {
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    expect(fit.report.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(fit.report.observations).toBe(11104);
  });

  it('P(alive in 2002) matches FHS 2010 Table 6 (quoted by lifetimes’ tests): 0.11, 0.59, 0.93', () => {
    expect(bgBbProbabilityAlive(fit, { frequency: 0, recency: 0, periods: 6 })).toBeCloseTo(0.11, 2);
    expect(bgBbProbabilityAlive(fit, { frequency: 2, recency: 4, periods: 6 })).toBeCloseTo(0.59, 2);
    expect(bgBbProbabilityAlive(fit, { frequency: 6, recency: 6, periods: 6 })).toBeCloseTo(0.93, 2);
  });

  it('matches Hardie’s BG/BB spreadsheet (note 010): 12,884.2 expected donations in 2002–2006; 3,454.9 and 1,253.1 donors with 0 and 6', () => {
    // lifetimes tests/test_estimation.py quotes the sheet's "Conditional Expectations (II)" total (column F)
    // and the "In-Sample Fit" cells C18 and C24.
    const total = donations().reduce((s, r) => s + r.weight * bgBbConditionalExpectedPurchases(fit, r, 5), 0);
    expect(total).toBeCloseTo(12884.2, 0);
    expect(11104 * bgBbPurchaseCountProbability(fit, 0, 6)).toBeCloseTo(3454.9, 0);
    expect(11104 * bgBbPurchaseCountProbability(fit, 6, 6)).toBeCloseTo(1253.1, 0);
  });

  it('the PMF over 0..6 sums to 1 and its mean is E[X(6)]', () => {
    let sum = 0;
    let mean = 0;
    for (let x = 0; x <= 6; x++) {
      const p = bgBbPurchaseCountProbability(fit, x, 6);
      sum += p;
      mean += x * p;
    }
    expect(sum).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(bgBbExpectedPurchases(fit, 6), 12);
  });

  it('the model reproduces the observed distribution of repeat donations (FHS 2010, Figure 3) within 1 %', () => {
    const rows = donations();
    for (let x = 0; x <= 6; x++) {
      const observed = rows.filter((r) => r.frequency === x).reduce((s, r) => s + r.weight, 0) / 11104;
      expect(Math.abs(bgBbPurchaseCountProbability(fit, x, 6) - observed)).toBeLessThan(0.01);
    }
  });
});

describe('BG/BB predictions', () => {
  const m: BgBbModel = { model: 'bg-bb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

  it('conditional expectation equals the closed form of FHS 2010 eq. 13 (γ ≠ 1)', () => {
    const { alpha, beta, gamma, delta } = m.params;
    const [x, tx, n, ns] = [3, 5, 6, 5];
    const lb = (a: number, b: number): number => Math.exp(lgamma(a) + lgamma(b) - lgamma(a + b));
    // L by eq. 5 (hand sum), then eq. 13
    let L = (lb(alpha + x, beta + n - x) / lb(alpha, beta)) * (lb(gamma, delta + n) / lb(gamma, delta));
    for (let i = 0; i <= n - tx - 1; i++) L += (lb(alpha + x, beta + tx - x + i) / lb(alpha, beta)) * (lb(gamma + 1, delta + tx + i) / lb(gamma, delta));
    const g = (v: number): number => Math.exp(lgamma(v));
    const closed =
      (1 / L) *
      (lb(alpha + x + 1, beta + n - x) / lb(alpha, beta)) *
      (delta / (gamma - 1)) *
      (g(gamma + delta) / g(1 + delta)) *
      (g(1 + delta + n) / g(gamma + delta + n) - g(1 + delta + n + ns) / g(gamma + delta + n + ns));
    expect(bgBbConditionalExpectedPurchases(m, { frequency: x, recency: tx, periods: n }, ns)).toBeCloseTo(closed, 10);
  });

  it('P(alive) lies in (0, 1) and is higher for a recent buyer; γ = 1 stays finite', () => {
    const p = bgBbProbabilityAlive(m, { frequency: 0, recency: 0, periods: 6 });
    expect(p > 0 && p < 1).toBe(true);
    expect(bgBbProbabilityAlive(m, { frequency: 6, recency: 6, periods: 6 })).toBeGreaterThan(p);
    // γ = 1 exactly, where the closed form divides by zero, stays finite
    expect(Number.isFinite(bgBbConditionalExpectedPurchases({ model: 'bg-bb', params: { ...m.params, gamma: 1 } }, { frequency: 2, recency: 4, periods: 6 }, 10))).toBe(true);
  });

  it('rejects inconsistent patterns with a path', () => {
    try {
      fitBgBb([{ frequency: 3, recency: 2, periods: 6 }]);
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.issues[0]?.path).toEqual([0, 'recency']);
    }
  });

  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const fit = fitBgBb(generateBgBbPatterns(truth, { customers: 20_000, periods: 8, seed: 5 }));
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * (fit.standardErrors?.[k] ?? 0));
  });
});

// Log-gamma for the hand calculation above, by a different route than the library's: Stirling's series
// after shifting the argument above 20 (A&S 6.1.40).
function lgamma(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift -= Math.log(x);
    x += 1;
  }
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}
