import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import {
  fitParetoNbd,
  generateParetoNbdSummaries,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
  type ParetoNbdModel,
} from '../../../src/value/probabilistic/index.js';
import { cdnowSummaries } from './fixtures.js';

// Published Pareto/NBD estimates on the CDNOW sample (weeks): Fader, Hardie & Lee (2005), Marketing
// Science 24(2), section 4: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
describe('fitParetoNbd on CDNOW', () => {
  const fit = fitParetoNbd(cdnowSummaries(), { unit: 'weeks' });

  it('lands on the published estimates and log-likelihood', () => {
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 2);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    // β's likelihood is flat (standard error ≈ 6): the MLE 11.668 is 0.001 from the printed 11.669
    expect(Math.abs(fit.params.beta - 11.669)).toBeLessThan(0.005);
    expect(fit.report.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(fit.report.converged).toBe(true);
  });

  it('conditional expectation for x = 26, t_x = 30.86, T = 31 over 52 weeks is 25.46 (BTYD walkthrough vignette)', () => {
    expect(paretoNbdConditionalExpectedPurchases(fit, { frequency: 26, recency: 30.86, T: 31 }, { weeks: 52 })).toBeCloseTo(25.46, 2);
  });
});

describe('Pareto/NBD predictions', () => {
  const m: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };

  it('E[X(t)] is the closed form rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)] (note 008, hand calculation)', () => {
    const { r, alpha, s, beta } = m.params;
    const expected = ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + 39), s - 1));
    expect(paretoNbdExpectedPurchases(m, { weeks: 39 })).toBeCloseTo(expected, 12);
    // s = 1 exactly: the limit (rβ/α) ln(1 + t/β)
    const m1: ParetoNbdModel = { ...m, params: { ...m.params, s: 1 } };
    expect(paretoNbdExpectedPurchases(m1, { weeks: 39 })).toBeCloseTo(((r * beta) / alpha) * Math.log(1 + 39 / beta), 10);
  });

  it('P(alive) with α = β reduces to ((β+t_x)/(β+T))^(r+s+x)-weighted closed form (hand derivation)', () => {
    // When α = β the ₂F₁ terms are 1: A₀ = (α+t_x)^−(r+s+x) − (α+T)^−(r+s+x), and
    // P(alive) = 1 / (1 + s/(r+s+x) · [((α+T)/(α+t_x))^(r+s+x) − 1]).
    const q: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r: 0.7, alpha: 8, s: 0.9, beta: 8 } };
    const [x, tx, T] = [3, 20, 35];
    const k = 0.7 + 0.9 + x;
    const expected = 1 / (1 + (0.9 / k) * (Math.pow((8 + T) / (8 + tx), k) - 1));
    expect(paretoNbdProbabilityAlive(q, { frequency: x, recency: tx, T })).toBeCloseTo(expected, 12);
  });

  it('P(alive) is continuous across α = β (the two ₂F₁ branches agree)', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    const below = paretoNbdProbabilityAlive({ ...m, params: { ...m.params, alpha: 11.669 - 1e-7 } }, c);
    const above = paretoNbdProbabilityAlive({ ...m, params: { ...m.params, alpha: 11.669 + 1e-7 } }, c);
    expect(below).toBeCloseTo(above, 6);
  });

  it('conditional expectation: a customer who bought at T is alive, and the formula reduces to the rate times horizon for small t', () => {
    const c = { frequency: 4, recency: 38.86, T: 38.86 };
    expect(paretoNbdProbabilityAlive(m, c)).toBe(1);
    const { r, alpha } = m.params;
    const small = paretoNbdConditionalExpectedPurchases(m, c, { weeks: 1e-6 });
    expect(small / 1e-6).toBeCloseTo((r + 4) / (alpha + 38.86), 5); // posterior mean rate E[λ|·] = (r+x)/(α+T)
  });

  it('P(alive) equals the integral form of the likelihood (Simpson’s rule in the test), on both computation paths', () => {
    // L ∝ (α+T)^−(r+x)(β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ (note 008), P(alive) = first term / L.
    const [x, tx, T] = [3, 10, 30];
    for (const alpha of [5, 40]) {
      // ₂F₁ argument (α−β)/(α+t_x): 4/15 and 0.8 for α = 5, 0.78 for α = 40 with t_x = 10 (series), and
      // 0.975 for α = 40 with t_x = 0 (quadrature path)
      for (const t0 of [tx, 0]) {
        const xx = t0 === 0 ? 0 : x;
        const [r, s, beta] = [0.7, 0.9, 1];
        const f = (tau: number): number => Math.pow(alpha + tau, -(r + xx)) * Math.pow(beta + tau, -(s + 1));
        const n = 20_000;
        const h = (T - t0) / n;
        let integral = f(t0) + f(T);
        for (let i = 1; i < n; i++) integral += (i % 2 === 1 ? 4 : 2) * f(t0 + i * h);
        integral *= h / 3;
        const first = Math.pow(alpha + T, -(r + xx)) * Math.pow(beta + T, -s);
        const q: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r, alpha, s, beta } };
        expect(paretoNbdProbabilityAlive(q, { frequency: xx, recency: t0, T })).toBeCloseTo(first / (first + s * integral), 9);
      }
    }
  });

  it('is smooth where lifetimes once underflowed: x = 132 vs 133 at t_x = T = 200 (lifetimes’ outputs 6.2061 and 6.2529)', () => {
    const q: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } };
    expect(paretoNbdConditionalExpectedPurchases(q, { frequency: 132, recency: 200, T: 200 }, { weeks: 10 })).toBeCloseTo(6.2060517889632418, 6);
    expect(paretoNbdConditionalExpectedPurchases(q, { frequency: 133, recency: 200, T: 200 }, { weeks: 10 })).toBeCloseTo(6.2528722475748113, 6);
  });

  it('handles the parameters of lifetimes’ overflow regression (r = 10.465, α = 0.008, s = 3.05, β = 2.82)', () => {
    const q: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 } };
    for (const [x, tx, T] of [
      [400, 5, 6],
      [500, 1, 37],
      [500, 4, 37],
    ] as const) {
      const p = paretoNbdProbabilityAlive(q, { frequency: x, recency: tx, T });
      expect(p >= 0 && p <= 1).toBe(true);
    }
  });

  it('stays finite for very large x (Euler-transformed ₂F₁ never overflows) on both sides of α = β', () => {
    const c = { frequency: 200_000, recency: 999, T: 1000 };
    for (const params of [
      { r: 0.553, alpha: 0.5, s: 0.606, beta: 500 },
      { r: 0.553, alpha: 500, s: 0.606, beta: 0.5 },
    ]) {
      const q: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params };
      const p = paretoNbdProbabilityAlive(q, c);
      expect(p >= 0 && p <= 1).toBe(true);
      expect(Number.isFinite(paretoNbdConditionalExpectedPurchases(q, c, { weeks: 10 }))).toBe(true);
    }
  });

  it('P(X(t) = n) sums to 1 and its mean is the closed-form E[X(t)]; P(X(t) = 0) ≥ (α/(α+t))^r', () => {
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = paretoNbdPurchaseCountProbability(m, n, { weeks: 39 });
      sum += p;
      mean += n * p;
    }
    expect(sum).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(paretoNbdExpectedPurchases(m, { weeks: 39 }), 7);
    // at least the probability that an always-alive customer makes no purchase
    expect(paretoNbdPurchaseCountProbability(m, 0, { weeks: 39 })).toBeGreaterThan(Math.pow(m.params.alpha / (m.params.alpha + 39), m.params.r));
  });

  it('throws clear errors', () => {
    try {
      paretoNbdProbabilityAlive(m, { frequency: 1, recency: 5, T: 2 });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.code).toBe('INVALID_INPUT');
    }
  });

  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 12 };
    const T = Float64Array.from({ length: 8_000 }, (_, i) => 40 + (i % 30));
    const fit = fitParetoNbd(generateParetoNbdSummaries(truth, { customers: 8_000, T, seed: 11 }), { unit: 'weeks' });
    for (const k of ['r', 'alpha', 's', 'beta'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * (fit.standardErrors?.[k] ?? 0));
  });
});
