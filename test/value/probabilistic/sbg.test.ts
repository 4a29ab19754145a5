import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import {
  fitSbg,
  generateSbgCohort,
  sbgChurnProbability,
  sbgDiscountedResidualLifetime,
  sbgExpectedLifetime,
  sbgRetentionRate,
  sbgSurvival,
  type SbgModel,
} from '../../../src/value/probabilistic/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

// Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1), Table 1:
// customers of 1,000 still active at the start of years 1–8 (the model is fitted on years 1–7, i.e.
// seven renewal opportunities), and the estimates of section 4: regular γ = 0.704, δ = 1.182;
// high end γ = 0.668, δ = 3.806.
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitSbg on Fader & Hardie (2007)', () => {
  const fr = fitSbg(regular);
  const fh = fitSbg(highEnd);

  it('lands on the published estimates', () => {
    expect(fr.params.gamma).toBeCloseTo(0.704, 3);
    expect(fr.params.delta).toBeCloseTo(1.182, 3);
    expect(fh.params.gamma).toBeCloseTo(0.668, 3);
    expect(fh.params.delta).toBeCloseTo(3.806, 3);
    expect(fr.report.converged && fh.report.converged).toBe(true);
    expect(fr.standardErrors?.gamma).toBeGreaterThan(0);
  });

  it('tracks the observed survival of years 1–7 within 2 points (FH 2007, Figure 2)', () => {
    for (let t = 1; t < regular.length; t++) {
      expect(Math.abs(100 * sbgSurvival(fr, t) - (regular[t] as number) / 10)).toBeLessThan(2);
      expect(Math.abs(100 * sbgSurvival(fh, t) - (highEnd[t] as number) / 10)).toBeLessThan(2);
    }
  });

  it('projects years 8–12 of the high-end cohort as the peer package shifted_beta_geometric_py documents', () => {
    // jdmaturen/shifted_beta_geometric_py README: fit on [.869, .743, .653, .593, .551, .517, .491],
    // predicted_survival for the next 5 periods = [0.460, 0.436, 0.414, 0.395, 0.378].
    [0.46, 0.436, 0.414, 0.395, 0.378].forEach((v, i) => expect(sbgSurvival(fh, 8 + i)).toBeCloseTo(v, 3));
  });

  it('discounted expected residual lifetime at d = 10 % after 7 renewals is 7.530 (same README)', () => {
    expect(sbgDiscountedResidualLifetime(fh, 7, 0.1)).toBeCloseTo(7.53, 3);
  });
});

describe('sBG quantities', () => {
  const m: SbgModel = { model: 'sbg', params: { gamma: 0.704, delta: 1.182 } };

  it('retention r(t) = S(t)/S(t−1) = (δ+t−1)/(γ+δ+t−1), and churn P(T=t) = S(t−1) − S(t)', () => {
    for (let t = 1; t <= 10; t++) {
      expect(sbgRetentionRate(m, t)).toBeCloseTo(sbgSurvival(m, t) / sbgSurvival(m, t - 1), 12);
      expect(sbgChurnProbability(m, t)).toBeCloseTo(sbgSurvival(m, t - 1) - sbgSurvival(m, t), 12);
    }
    // hand calculation: r(1) = δ/(γ+δ) = 1.182/1.886
    expect(sbgRetentionRate(m, 1)).toBeCloseTo(1.182 / 1.886, 12);
  });

  it('expected lifetime is (γ+δ−1)/(γ−1) and infinite (NUMERIC) for γ ≤ 1', () => {
    expect(sbgExpectedLifetime({ model: 'sbg', params: { gamma: 2, delta: 3 } })).toBe(4);
    expect(codeOf(() => sbgExpectedLifetime(m))).toBe('NUMERIC');
  });

  it('DERL equals the discounted sum of survival ratios (hand series)', () => {
    const n = 3; // renewals
    let sum = 0;
    for (let k = 0; k < 3000; k++) sum += (sbgSurvival(m, n + k + 1) / sbgSurvival(m, n)) / Math.pow(1.1, k);
    expect(sbgDiscountedResidualLifetime(m, n, 0.1)).toBeCloseTo(sum, 8);
  });

  it('rejects bad input', () => {
    expect(codeOf(() => fitSbg([1000]))).toBe('INVALID_INPUT');
    expect(codeOf(() => fitSbg([1000, 1200]))).toBe('INVALID_INPUT');
    expect(codeOf(() => fitSbg([0, 0]))).toBe('EMPTY_INPUT');
    expect(codeOf(() => sbgSurvival(m, -1))).toBe('INVALID_OPTION');
    expect(codeOf(() => sbgDiscountedResidualLifetime(m, 1, 0))).toBe('INVALID_OPTION');
  });

  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { gamma: 1.5, delta: 4 };
    const cohort = generateSbgCohort(truth, { customers: 20_000, periods: 10, seed: 3 });
    const fit = fitSbg(cohort);
    for (const k of ['gamma', 'delta'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * (fit.standardErrors?.[k] ?? 0));
  });
});
