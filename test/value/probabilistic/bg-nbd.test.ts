import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import { hypergeometric2F1 } from '../../../src/core/special.js';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgNbd,
  generateBgNbdSummaries,
  type BgNbdModel,
} from '../../../src/value/probabilistic/index.js';
import { cdnowSummaries } from './fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

// Published BG/NBD estimates on the CDNOW sample, 2,357 customers, weeks: Fader, Hardie & Lee (2005),
// "'Counting Your Customers' the Easy Way", Marketing Science 24(2), section 4 (r = 0.243, α = 4.414,
// a = 0.793, b = 2.426, LL = −9582.4).
const published: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };

describe('fitBgNbd on CDNOW (FHL 2005)', () => {
  const rows = cdnowSummaries();
  const fit = fitBgNbd(rows, { unit: 'weeks' });

  it('lands on the published estimates and log-likelihood to their printed precision', () => {
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.report.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fit.report.converged).toBe(true);
    expect(fit.report.gradientNorm).toBeLessThanOrEqual(1e-7);
    expect(fit.report.observations).toBe(2357);
    expect(fit.report.distinctRows).toBeLessThan(2357); // identical rows were collapsed
    expect(fit.unit).toBe('weeks');
  });

  it('reports finite positive standard errors', () => {
    const se = fit.standardErrors;
    expect(se).not.toBeNull();
    for (const v of Object.values(se ?? {})) expect(v).toBeGreaterThan(0);
    // the published estimates lie within 2 standard errors of ours (they are the same optimum)
    expect(Math.abs(fit.params.b - 2.426)).toBeLessThan(2 * (se?.b ?? 0));
  });

  it('gives the same log-likelihood through bgNbdLogLikelihood', () => {
    expect(bgNbdLogLikelihood(fit, rows)).toBeCloseTo(fit.report.logLikelihood, 8);
    expect(bgNbdLogLikelihood(published, rows)).toBeCloseTo(-9582.4, 0);
  });

  it('conditional expectation for x = 2, t_x = 30.43, T = 38.86 over 39 weeks is 1.226 (FHL 2005, section 5)', () => {
    expect(bgNbdConditionalExpectedPurchases(fit, { frequency: 2, recency: 30.43, T: 38.86 }, { weeks: 39 })).toBeCloseTo(1.226, 3);
    expect(bgNbdConditionalExpectedPurchases(published, { frequency: 2, recency: 30.43, T: 38.86 }, { weeks: 39 })).toBeCloseTo(1.226, 2);
  });

  it('E[X(t)] matches Hardie’s BG/NBD spreadsheet at t = 0.1429 … 78 weeks (as quoted by lifetimes’ tests)', () => {
    // lifetimes tests/test_estimation.py, test_expectation_returns_same_value_Hardie_excel_sheet. The sheet
    // uses Excel Solver's own (unrounded) estimates, which differ from the exact MLE in the fourth digit:
    // at t = 78 we get 1.8580 for its 1.8576, so the check is to 3 decimals (lifetimes checks the same).
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(bgNbdExpectedPurchases(fit, { weeks: t })).toBeCloseTo(expected[i]!, 3));
  });

  it('fits the same on columns, on weighted rows and on rows', () => {
    const columns = {
      frequency: Float64Array.from(rows, (r) => r.frequency),
      recency: Float64Array.from(rows, (r) => r.recency),
      T: Float64Array.from(rows, (r) => r.T),
    };
    const byColumns = fitBgNbd(columns, { unit: 'weeks' });
    expect(byColumns.params.r).toBeCloseTo(fit.params.r, 8);
    // doubling every weight leaves the estimates unchanged and doubles the log-likelihood
    const doubled = fitBgNbd(rows.map((r) => ({ ...r, weight: 2 })), { unit: 'weeks' });
    expect(doubled.params.alpha).toBeCloseTo(fit.params.alpha, 6);
    expect(doubled.report.logLikelihood).toBeCloseTo(2 * fit.report.logLikelihood, 5);
  });

  it('is consistent across time units: days give α × 7, the same shapes, and LL shifted by Σx·ln 7', () => {
    const days = rows.map((r) => ({ frequency: r.frequency, recency: r.recency * 7, T: r.T * 7 }));
    const fitDays = fitBgNbd(days, { unit: 'days' });
    expect(fitDays.params.alpha).toBeCloseTo(fit.params.alpha * 7, 3);
    expect(fitDays.params.r).toBeCloseTo(fit.params.r, 5);
    expect(fitDays.params.b).toBeCloseTo(fit.params.b, 4);
    const sumX = rows.reduce((s, r) => s + r.frequency, 0); // 2,457 repeat purchases (fixture README)
    expect(sumX).toBe(2457);
    expect(fitDays.report.logLikelihood).toBeCloseTo(fit.report.logLikelihood - sumX * Math.log(7), 4);
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    const cDays = { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 };
    expect(bgNbdConditionalExpectedPurchases(fitDays, cDays, { weeks: 39 })).toBeCloseTo(bgNbdConditionalExpectedPurchases(fit, c, { days: 273 }), 6);
  });

  it('applies the L2 penalty (shrinks the parameters)', () => {
    const penalised = fitBgNbd(rows, { unit: 'weeks', l2Penalty: 0.01 });
    expect(penalised.params.b).toBeLessThan(fit.params.b);
    expect(penalised.report.logLikelihood).toBeLessThan(fit.report.logLikelihood);
  });
});

describe('BG/NBD predictions', () => {
  it('probability alive is the closed form of FHL 2005 eq. 13 (hand calculation)', () => {
    const { r, alpha, a, b } = published.params;
    // x = 2, t_x = 30.43, T = 38.86: 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
    const expected = 1 / (1 + (a / (b + 2 - 1)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2));
    expect(bgNbdProbabilityAlive(published, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(expected, 12);
    expect(bgNbdProbabilityAlive(published, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
  });

  it('E[X(t)] by quadrature matches the hypergeometric closed form (FHL 2005 eq. 9) where it applies (a > 1)', () => {
    const m: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: { r: 0.8, alpha: 6, a: 2.5, b: 4 } };
    const { r, alpha, a, b } = m.params;
    for (const t of [1, 10, 39, 100]) {
      const closed = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric2F1(r, b, a + b - 1, t / (alpha + t)));
      expect(bgNbdExpectedPurchases(m, { weeks: t })).toBeCloseTo(closed, 10);
    }
  });

  it('conditional expectation matches the closed form (FHL 2005 eq. 10) where it applies', () => {
    const m: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: { r: 0.8, alpha: 6, a: 2.5, b: 4 } };
    const { r, alpha, a, b } = m.params;
    const [x, tx, T, t] = [3, 20, 30, 26];
    const tail = Math.pow((alpha + T) / (alpha + T + t), r + x) * hypergeometric2F1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
    const closed = (((a + b + x - 1) / (a - 1)) * (1 - tail)) / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
    expect(bgNbdConditionalExpectedPurchases(m, { frequency: x, recency: tx, T }, { weeks: t })).toBeCloseTo(closed, 10);
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgNbdPurchaseCountProbability(published, n, { weeks: 39 });
      sum += p;
      mean += n * p;
    }
    expect(sum).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(bgNbdExpectedPurchases(published, { weeks: 39 }), 8);
    expect(bgNbdPurchaseCountProbability(published, 0, { weeks: 0 })).toBe(1);
    expect(bgNbdPurchaseCountProbability(published, 3, { days: 0 })).toBe(0);
  });

  it('P(X(t) = n) matches R BTYD’s documented values (bgnbd.pmf; quoted by lifetimes’ tests)', () => {
    // BTYD manual, with r = 0.243, α = 4.414, a = 0.793, b = 2.426: P(X(2) = 10) = 1.07869e-07,
    // P(X(39) = 0) = 0.5737864, and P(X(30) = n) for n = 11..20.
    expect(bgNbdPurchaseCountProbability(published, 10, { weeks: 2 })).toBeCloseTo(1.07869e-7, 11);
    expect(bgNbdPurchaseCountProbability(published, 0, { weeks: 39 })).toBeCloseTo(0.5737864, 7);
    const pmf30 = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    pmf30.forEach((v, i) => expect(bgNbdPurchaseCountProbability(published, 11 + i, { weeks: 30 })).toBeCloseTo(v, 9));
  });

  it('P(X(t) = 0) is the hand-computed closed form: (α/(α+t))^r (FHL 2005 eq. 8 with x = 0)', () => {
    const { r, alpha } = published.params;
    expect(bgNbdPurchaseCountProbability(published, 0, { weeks: 39 })).toBeCloseTo(Math.pow(alpha / (alpha + 39), r), 12);
  });

  it('a heavy buyer silent for 90 weeks is dead without overflow (lifetimes’ test_no_runtime_warnings_high_frequency)', () => {
    // x = 1000, t_x = 10, T = 100 under the CDNOW estimates: ((α+T)/(α+t_x))^(r+x) overflows a double;
    // lifetimes expects exactly 0 without a floating-point warning
    const p = bgNbdProbabilityAlive(published, { frequency: 1000, recency: 10, T: 100 });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
  });

  it('stays finite in edge regions: a ≤ 1, b tiny, zero purchases, very large x and T', () => {
    const edge: BgNbdModel = { model: 'bg-nbd', unit: 'days', params: { r: 0.05, alpha: 0.01, a: 0.2, b: 0.05 } };
    const e1 = bgNbdExpectedPurchases(edge, { days: 1e6 });
    expect(Number.isFinite(e1) && e1 > 0).toBe(true);
    const big = { frequency: 100_000, recency: 99_999, T: 100_000 };
    const pa = bgNbdProbabilityAlive(edge, big);
    expect(pa >= 0 && pa <= 1).toBe(true);
    const ce = bgNbdConditionalExpectedPurchases(edge, big, { weeks: 52 });
    expect(Number.isFinite(ce) && ce >= 0).toBe(true);
    expect(bgNbdProbabilityAlive(edge, { frequency: 1, recency: 0, T: 1e9 })).toBeGreaterThanOrEqual(0);
    const p = bgNbdPurchaseCountProbability(edge, 5000, { days: 1e5 });
    expect(p >= 0 && p <= 1).toBe(true);
  });
});

describe('BG/NBD inputs, units and failures', () => {
  it('requires an explicit unit and rejects a summary in another unit', () => {
    expect(codeOf(() => fitBgNbd(cdnowSummaries(), {} as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => fitBgNbd([{ frequency: 1, recency: 3, T: 10, unit: 'days' }], { unit: 'weeks' }))).toBe('INVALID_OPTION');
    expect(codeOf(() => bgNbdProbabilityAlive(published, { frequency: 1, recency: 3, T: 10, unit: 'days' }))).toBe('INVALID_OPTION');
    expect(codeOf(() => bgNbdExpectedPurchases(published, { months: 3 } as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => bgNbdExpectedPurchases(published, { days: 3, weeks: 1 } as never))).toBe('INVALID_OPTION');
  });

  it('rejects bad rows with a path, and empty input', () => {
    try {
      fitBgNbd([{ frequency: 1, recency: 3, T: 10 }, { frequency: 1.5, recency: 3, T: 10 }], { unit: 'weeks' });
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.code).toBe('INVALID_INPUT');
      if (isJornadaError(e)) expect(e.issues[0]?.path).toEqual([1, 'frequency']);
    }
    expect(codeOf(() => fitBgNbd([{ frequency: 1, recency: 12, T: 10 }], { unit: 'weeks' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => fitBgNbd([], { unit: 'weeks' }))).toBe('EMPTY_INPUT');
    expect(codeOf(() => fitBgNbd({ frequency: [1], recency: [1, 2], T: [3] }, { unit: 'weeks' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => bgNbdProbabilityAlive({ ...published, params: { ...published.params, a: -1 } }, { frequency: 0, recency: 0, T: 1 }))).toBe('INVALID_OPTION');
  });

  it('never passes a failed fit silently: NOT_CONVERGED, or a report that says so when allowed', () => {
    const rows = cdnowSummaries();
    expect(codeOf(() => fitBgNbd(rows, { unit: 'weeks', gradientTolerance: 1e-30, maxIterations: 5 }))).toBe('NOT_CONVERGED');
    const fit = fitBgNbd(rows, { unit: 'weeks', gradientTolerance: 1e-30, maxIterations: 5, allowNotConverged: true });
    expect(fit.report.converged).toBe(false);
    expect(fit.report.method).toBe('bfgs+nelder-mead');
  });
});

describe('generateBgNbdSummaries', () => {
  it('is deterministic for a seed', () => {
    const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const a = generateBgNbdSummaries(p, { customers: 50, T: 39, seed: 9 });
    const b = generateBgNbdSummaries(p, { customers: 50, T: 39, seed: 9 });
    expect(Array.from(a.frequency)).toEqual(Array.from(b.frequency));
  });

  it('recovers its parameters (within 4 standard errors) from 30,000 simulated customers', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.7, b: 2.5 };
    const T = Float64Array.from({ length: 30_000 }, (_, i) => 26 + (i % 14));
    const sim = generateBgNbdSummaries(truth, { customers: 30_000, T, seed: 'recovery' });
    const fit = fitBgNbd(sim, { unit: 'weeks' });
    const se = fit.standardErrors;
    expect(se).not.toBeNull();
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(4 * (se?.[k] ?? 0));
  });
});
