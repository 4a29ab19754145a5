import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import { fitGammaGamma, gammaGammaExpectedSpend, generateGammaGammaSpend, type GammaGammaModel } from '../../../src/value/probabilistic/index.js';
import { cdnowWithSpend } from './fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

describe('fitGammaGamma on the 946 CDNOW repeat buyers', () => {
  const rows = cdnowWithSpend();
  const fit = fitGammaGamma(rows);

  it('lands on the published estimates p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie 2013, note 025)', () => {
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    // The MLE is γ = 15.4477…; note 025 prints 15.44 (Excel Solver stopped 0.008 short, as the
    // flat likelihood in γ allows: its standard error is ≈ 4). lifetimes' documentation prints 15.447.
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.01);
    expect(fit.report.observations).toBe(946);
    expect(fit.report.converged).toBe(true);
  });

  it('expected spend matches lifetimes’ documented conditional expected average profit', () => {
    // lifetimes README / quickstart ("Estimating customer lifetime value using the Gamma-Gamma model"):
    // customer 1 (x = 2, zbar = 22.35) 24.658619, customers 3–5 (x = 0) 35.170981.
    expect(gammaGammaExpectedSpend(fit, rows[0]!)).toBeCloseTo(24.658619, 3);
    expect(gammaGammaExpectedSpend(fit, rows[2]!)).toBeCloseTo(35.170981, 3);
  });

  it('matches Hardie’s note 025 spreadsheet for the first ten CDNOW customers (quoted by lifetimes’ tests)', () => {
    // The sheet computes with Solver's unrounded estimates, not the printed p = 6.25, q = 3.74, γ = 15.44
    // (with those, x = 0 gives 35.22, not 35.17); our unrounded MLE reproduces its two decimals to 0.01.
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rows.slice(0, 10).forEach((c, i) => expect(Math.abs(gammaGammaExpectedSpend(fit, c) - expected[i]!)).toBeLessThan(0.01));
  });

  it('expected spend is the hand-computed weighted average (FHL 2005 "RFM and CLV" eq. 5)', () => {
    const m: GammaGammaModel = { model: 'gamma-gamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } };
    // x = 2, m̄ = 22.35: (γ + x m̄) p / (p x + q − 1) = (15.44 + 44.7)·6.25 / (12.5 + 2.74) = 24.6653…
    expect(gammaGammaExpectedSpend(m, { frequency: 2, monetaryValue: 22.35 })).toBeCloseTo((60.14 * 6.25) / 15.24, 12);
    // x = 0: the population mean p γ / (q − 1) = 96.5 / 2.74
    expect(gammaGammaExpectedSpend(m, { frequency: 0 })).toBeCloseTo(96.5 / 2.74, 12);
  });

  it('gives a clear NUMERIC error where the mean is infinite (q ≤ 1, no purchases)', () => {
    const m: GammaGammaModel = { model: 'gamma-gamma', params: { p: 1, q: 0.8, gamma: 10 } };
    expect(codeOf(() => gammaGammaExpectedSpend(m, { frequency: 0 }))).toBe('NUMERIC');
    expect(Number.isFinite(gammaGammaExpectedSpend(m, { frequency: 3, monetaryValue: 20 }))).toBe(true);
  });

  it('rejects bad input with a path', () => {
    try {
      fitGammaGamma([{ frequency: 2, monetaryValue: 10 }, { frequency: 1, monetaryValue: -5 }]);
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.issues[0]?.path).toEqual([1, 'monetaryValue']);
    }
    expect(codeOf(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]))).toBe('EMPTY_INPUT');
    expect(codeOf(() => gammaGammaExpectedSpend(fit, { frequency: -1 }))).toBe('INVALID_INPUT');
  });

  it('recovers simulated parameters within 4 standard errors', () => {
    const truth = { p: 5, q: 4, gamma: 20 };
    const freq = Array.from({ length: 20_000 }, (_, i) => 1 + (i % 6));
    const sim = generateGammaGammaSpend(truth, freq, 42);
    const f = fitGammaGamma(sim);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(f.params[k] - truth[k])).toBeLessThan(4 * (f.standardErrors?.[k] ?? 0));
  });
});
