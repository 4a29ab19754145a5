import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import {
  bgNbdConditionalExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  gammaGammaExpectedSpend,
  generateMbgNbdSummaries,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  mbgNbdPurchaseCountProbability,
  paretoNbdConditionalExpectedPurchases,
  probabilisticClv,
  type BgNbdModel,
  type MbgNbdModel,
  type ParetoNbdModel,
} from '../../../src/value/probabilistic/index.js';
import { cdnowSummaries, cdnowWithSpend } from './fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isJornadaError(e) ? e.code : 'not a JornadaError';
  }
  return undefined;
}

describe('MBG/NBD', () => {
  const m: MbgNbdModel = { model: 'mbg-nbd', unit: 'weeks', params: { r: 0.5, alpha: 5, a: 0.9, b: 3 } };

  it('P(alive) is the closed form 1/(1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)) (Batislam et al. 2007), also for x = 0', () => {
    const { r, alpha, a, b } = m.params;
    expect(mbgNbdProbabilityAlive(m, { frequency: 0, recency: 0, T: 30 })).toBeCloseTo(1 / (1 + (a / b) * Math.pow((alpha + 30) / alpha, r)), 12);
    expect(mbgNbdProbabilityAlive(m, { frequency: 3, recency: 20, T: 30 })).toBeCloseTo(1 / (1 + (a / (b + 3)) * Math.pow((alpha + 30) / (alpha + 20), r + 3)), 12);
  });

  it('E[X(t)] of a new customer is b/(a+b) times the BG/NBD one with b + 1 (one more dropout chance at time 0)', () => {
    const bg: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: { ...m.params, b: m.params.b + 1 } };
    // A BG/NBD customer with x = 0 observed for T → 0 is alive with λ ~ Gamma(r, α), p ~ Beta(a, b + 1 − 1):
    // with b + 1 in the BG/NBD model, its conditional expectation is the Beta(a, b+1) mixture the MBG/NBD uses.
    const bgNew = bgNbdConditionalExpectedPurchases(bg, { frequency: 0, recency: 0, T: 1e-12 }, { weeks: 26 });
    expect(mbgNbdExpectedPurchases(m, { weeks: 26 })).toBeCloseTo((m.params.b / (m.params.a + m.params.b)) * bgNew, 8);
  });

  it('fits CDNOW as BTYDplus does (zero-repeaters no longer surely alive) and recovers simulated parameters', () => {
    const fit = fitMbgNbd(cdnowSummaries(), { unit: 'weeks' });
    expect(fit.report.converged).toBe(true);
    // BTYDplus' MBG/NBD estimates on CDNOW, r = 0.525, α = 6.183, a = 0.891, b = 1.614 (quoted by
    // lifetimes tests/test_estimation.py, test_params_out_is_close_to_BTYDplus)
    expect(fit.params.r).toBeCloseTo(0.525, 3);
    expect(fit.params.alpha).toBeCloseTo(6.183, 3);
    expect(fit.params.a).toBeCloseTo(0.891, 3);
    expect(fit.params.b).toBeCloseTo(1.614, 3);
    expect(mbgNbdProbabilityAlive(fit, { frequency: 0, recency: 0, T: 38.86 })).toBeLessThan(1);
    const truth = { r: 0.5, alpha: 6, a: 0.9, b: 3 };
    const T = Float64Array.from({ length: 30_000 }, (_, i) => 26 + (i % 14));
    const sim = fitMbgNbd(generateMbgNbdSummaries(truth, { customers: 30_000, T, seed: 2 }), { unit: 'weeks' });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(sim.params[k] - truth[k])).toBeLessThan(4 * (sim.standardErrors?.[k] ?? 0));
  });

  it('P(X(t) = n) sums to 1, has mean E[X(t)], and P(X(t) = 0) = a/(a+b) + b/(a+b)·(α/(α+t))^r (hand derivation)', () => {
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const p = mbgNbdPurchaseCountProbability(m, n, { weeks: 26 });
      sum += p;
      mean += n * p;
    }
    expect(sum).toBeCloseTo(1, 10);
    expect(mean).toBeCloseTo(mbgNbdExpectedPurchases(m, { weeks: 26 }), 8);
    const { r, alpha, a, b } = m.params;
    expect(mbgNbdPurchaseCountProbability(m, 0, { weeks: 26 })).toBeCloseTo(a / (a + b) + (b / (a + b)) * Math.pow(alpha / (alpha + 26), r), 12);
  });

  it('conditional expectation is finite and positive in edge regions (a ≤ 1, large x)', () => {
    const edge: MbgNbdModel = { model: 'mbg-nbd', unit: 'days', params: { r: 0.1, alpha: 0.5, a: 0.3, b: 0.1 } };
    const v = mbgNbdConditionalExpectedPurchases(edge, { frequency: 50_000, recency: 9_000, T: 10_000 }, { weeks: 52 });
    expect(Number.isFinite(v) && v >= 0).toBe(true);
  });
});

describe('probabilisticClv', () => {
  const rows = cdnowWithSpend();
  const bg = fitBgNbd(rows, { unit: 'weeks' });
  const gg = fitGammaGamma(rows);

  it('with no discount is margin × spend × expected purchases over the whole horizon (telescoping sum)', () => {
    const c = rows[0]!;
    const [v] = probabilisticClv(bg, [c], { spend: gg, periodLength: { weeks: 4 }, periods: 13, discountRatePerPeriod: 0, margin: 0.3 });
    const expected = 0.3 * gammaGammaExpectedSpend(gg, c) * bgNbdConditionalExpectedPurchases(bg, c, { weeks: 52 });
    expect(v).toBeCloseTo(expected, 10);
  });

  it('discounts each period’s purchases to its end: hand sum over 3 periods', () => {
    const c = rows[0]!;
    const e = (w: number): number => bgNbdConditionalExpectedPurchases(bg, c, { weeks: w });
    const spend = 20;
    const d = 0.05;
    const expected = spend * ((e(4) - e(0)) / 1.05 + (e(8) - e(4)) / 1.05 ** 2 + (e(12) - e(8)) / 1.05 ** 3);
    const [v] = probabilisticClv(bg, [c], { spend, periodLength: { days: 28 }, periods: 3, discountRatePerPeriod: d });
    expect(v).toBeCloseTo(expected, 10);
  });

  it('works with per-customer spend and with the MBG/NBD and Pareto/NBD models', () => {
    const some = rows.slice(0, 5);
    const pnbd: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
    const values = probabilisticClv(pnbd, some, { spend: [10, 10, 10, 10, 10], periodLength: { weeks: 52 }, periods: 1, discountRatePerPeriod: 0 });
    some.forEach((c, i) => expect(values[i]).toBeCloseTo(10 * paretoNbdConditionalExpectedPurchases(pnbd, c, { weeks: 52 }), 10));
    const mbg: MbgNbdModel = { model: 'mbg-nbd', unit: 'weeks', params: bg.params };
    expect(probabilisticClv(mbg, some, { spend: 1, periodLength: { weeks: 52 }, periods: 1, discountRatePerPeriod: 0 })[0]).toBeCloseTo(
      mbgNbdConditionalExpectedPurchases(mbg, some[0]!, { weeks: 52 }),
      10,
    );
  });

  it('rejects unit mismatches and malformed options rather than guessing', () => {
    const opts = { spend: 10, periodLength: { weeks: 4 }, periods: 12, discountRatePerPeriod: 0.01 } as const;
    expect(codeOf(() => probabilisticClv(bg, [{ frequency: 1, recency: 10, T: 200, unit: 'days' }], opts))).toBe('INVALID_OPTION');
    expect(codeOf(() => probabilisticClv(bg, rows.slice(0, 2), { ...opts, periodLength: { months: 1 } as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => probabilisticClv(bg, rows.slice(0, 2), { ...opts, periods: 0 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => probabilisticClv(bg, rows.slice(0, 2), { ...opts, discountRatePerPeriod: -0.1 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => probabilisticClv(bg, rows.slice(0, 2), { ...opts, spend: [1] }))).toBe('INVALID_OPTION');
  });
});
