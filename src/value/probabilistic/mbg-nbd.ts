/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of models
 * for customer base analysis", *International Journal of Research in Marketing* 24(3), 201–209): the
 * BG/NBD with one more dropout opportunity, at the first purchase, so that customers without repeat
 * purchases can also be dead (in the BG/NBD they are always alive).
 *
 * @module
 */
import { digamma, logBeta, logGamma } from '../../core/special.js';
import { negativeBinomialLogPmf, negativeBinomialUpperTail, readGeneratorT, type BgNbdParams, type ClvGeneratorOptions, type ClvSimulatedSummaries } from './bg-nbd.js';
import { bgFamilyConditionalCurve, fitBgFamily, simulateBgFamily, type PreparedBgSummaries } from './bg-family.js';
import {
  betaMixtureExpectedPurchases,
  checkPurchaseCount,
  checkTimedModel,
  probabilityFromLogOdds,
  checkPositiveParams,
  durationIn,
  finiteOrThrow,
  readCustomer,
  type ClvDuration,
  type ClvFitOptions,
  type ClvFitReport,
  type ClvSummaryInput,
  type ClvSummaryRow,
  type ClvTimeUnit,
} from './common.js';

/**
 * Parameters of the MBG/NBD model: the same four as the BG/NBD ({@link BgNbdParams}).
 *
 * @category Probabilistic CLV
 */
export type MbgNbdParams = BgNbdParams;

/**
 * An MBG/NBD model. A {@link MbgNbdFit} is one; a model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface MbgNbdModel {
  /** Discriminator. */
  readonly model: 'mbg-nbd';
  /** The parameters. */
  readonly params: MbgNbdParams;
  /** The unit of `alpha`, recency and T. */
  readonly unit: ClvTimeUnit;
}

/**
 * A fitted MBG/NBD model.
 *
 * @category Probabilistic CLV
 */
export interface MbgNbdFit extends MbgNbdModel {
  /** Asymptotic standard errors, or `null` if the Hessian is singular. */
  readonly standardErrors: MbgNbdParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitMbgNbd}.
 *
 * @category Probabilistic CLV
 */
export interface MbgNbdFitOptions extends ClvFitOptions {
  /** The unit of recency and T in the summaries: required, never guessed. */
  readonly unit: ClvTimeUnit;
  /** Starting values (default r = a = b = 1, α = a tenth of the longest T). */
  readonly start?: Partial<MbgNbdParams>;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Σ w ln L with L = Γ(r+x)α^r/Γ(r) · [B(a, b+x+1)(α+T)^−(r+x) + B(a+1, b+x)(α+t_x)^−(r+x)] / B(a, b)
 * (Batislam et al. 2007, eq. 4), as a log-sum-exp, with its analytic gradient.
 */
function logLikelihood(prep: PreparedBgSummaries, r: number, alpha: number, a: number, b: number, grad: Float64Array | null): number {
  const { data, xValues, xWeights, times, tIndex, txIndex, lnTimes, invTimes } = prep;
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  const wantGrad = grad !== null;
  const lbAB = logBeta(a, b);
  const lgR = logGamma(r);
  const psiR = wantGrad ? digamma(r) : 0;
  const psiB = wantGrad ? digamma(b) : 0;
  const psiAB = wantGrad ? digamma(a + b) : 0;
  for (let j = 0; j < xValues.length; j++) {
    const x = xValues[j] as number;
    const W = xWeights[j] as number;
    // common part ln Γ(r+x)/Γ(r) + ln B(a, b+x)/B(a, b) − ln(a+b+x)
    ll += W * (logGamma(r + x) - lgR + logBeta(a, b + x) - lbAB - Math.log(a + b + x));
    if (wantGrad) {
      const psiABX = digamma(a + b + x);
      gr += W * (digamma(r + x) - psiR);
      ga += W * (psiAB - psiABX - 1 / (a + b + x));
      gb += W * (digamma(b + x) - psiABX - psiB + psiAB - 1 / (a + b + x));
    }
  }
  const total = data.totalWeight;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  ll += total * r * lnAlpha;
  gr += total * lnAlpha;
  gal += (total * r) / alpha;
  for (let k = 0; k < times.length; k++) {
    const v = alpha + (times[k] as number);
    lnTimes[k] = Math.log(v);
    invTimes[k] = 1 / v;
  }
  for (let i = 0; i < data.n; i++) {
    const x = data.x[i] as number;
    const w = data.w[i] as number;
    const it = tIndex[i] as number;
    const itx = txIndex[i] as number;
    const la = lnTimes[it] as number;
    const lb = lnTimes[itx] as number;
    const rx = r + x;
    const A1 = Math.log(b + x) - rx * la;
    const A2 = lnA - rx * lb;
    let p2: number;
    if (A1 >= A2) {
      const e = Math.exp(A2 - A1);
      ll += w * (A1 + Math.log1p(e));
      p2 = e / (1 + e);
    } else {
      const e = Math.exp(A1 - A2);
      ll += w * (A2 + Math.log1p(e));
      p2 = 1 / (1 + e);
    }
    if (wantGrad) {
      const p1 = 1 - p2;
      gr -= w * (p1 * la + p2 * lb);
      gal -= w * rx * (p1 * (invTimes[it] as number) + p2 * (invTimes[itx] as number));
      ga += (w * p2) / a;
      gb += (w * p1) / (b + x);
    }
  }
  if (grad !== null) {
    grad[0] = gr;
    grad[1] = gal;
    grad[2] = ga;
    grad[3] = gb;
  }
  return ll;
}

/**
 * Fits the MBG/NBD model by maximum likelihood on customer summaries, with weights (identical rows
 * collapsed, log-parameters, time rescaled, analytic gradient).
 *
 * @param summaries - Rows `{ frequency, recency, T, weight? }` or columns, in `options.unit`.
 * @param options - The time unit (required), L2 penalty, tolerances, starting values.
 * @returns Parameters in `options.unit`, standard errors and the fit report.
 * @throws {JornadaError} `INVALID_INPUT`, `EMPTY_INPUT`, `INVALID_OPTION` as {@link fitBgNbd};
 *   `NOT_CONVERGED` when the optimiser fails and `allowNotConverged` is not set.
 *
 * @example
 * ```ts
 * const fit = fitMbgNbd(cdnowSummaries, { unit: 'weeks' });
 * fit.params; //=> { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } (rounded; CDNOW, weeks)
 * ```
 * @category Probabilistic CLV
 */
export function fitMbgNbd(summaries: ClvSummaryInput, options: MbgNbdFitOptions): MbgNbdFit {
  return { model: 'mbg-nbd', ...fitBgFamily(summaries, options, 'MBG/NBD', logLikelihood) };
}

function checkModel(model: MbgNbdModel): MbgNbdParams {
  return checkTimedModel(model, NAMES, 'MBG/NBD', 'an MBG/NBD model is required');
}

/**
 * Probability that a customer with history (x, t_x, T) is alive at T:
 * 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)) (Batislam et al. 2007, eq. 6), also below 1 for x = 0.
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary; `INVALID_OPTION` for bad parameters or a unit mismatch.
 *
 * @example
 * ```ts
 * const m = { model: 'mbg-nbd', unit: 'weeks', params: { r: 1, alpha: 1, a: 1, b: 1 } } as const;
 * mbgNbdProbabilityAlive(m, { frequency: 0, recency: 0, T: 1 }); //=> 0.3333 (= 1/(1 + 1·2¹))
 * ```
 * @category Probabilistic CLV
 */
export function mbgNbdProbabilityAlive(model: MbgNbdModel, customer: ClvSummaryRow): number {
  const { r, alpha, a, b } = checkModel(model);
  const { x, tx, T } = readCustomer(customer, model.unit);
  const logOdds = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return probabilityFromLogOdds(logOdds);
}

/**
 * Expected repeat purchases of a new customer in (0, t]: b/(a+b) times the Beta(a, b+1) mixture of
 * (1 − (α/(α+pt))^r)/p (Batislam et al. 2007, eq. 7, by quadrature; finite for a ≤ 1).
 *
 * @param model - Parameters and unit.
 * @param duration - The window.
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or duration.
 *
 * @example
 * ```ts
 * mbgNbdExpectedPurchases(cdnowMbgFit, { weeks: 39 }); //=> 1.182 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function mbgNbdExpectedPurchases(model: MbgNbdModel, duration: ClvDuration): number {
  const { r, alpha, a, b } = checkModel(model);
  const t = durationIn(duration, model.unit);
  if (t === 0) return 0;
  return finiteOrThrow((b / (a + b)) * (betaMixtureExpectedPurchases(a, b + 1, r, [t / alpha])[0] as number), 'E[X(t)]');
}

/**
 * Expected purchases in (T, T + t] of a customer with history (x, t_x, T) (Batislam et al. 2007, eq. 8):
 * P(alive) times the posterior Beta(a, b+x+1) mixture.
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @param duration - The window after T.
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary; `INVALID_OPTION` for bad parameters, unit or duration.
 *
 * @example
 * ```ts
 * mbgNbdConditionalExpectedPurchases(cdnowMbgFit, { frequency: 2, recency: 30.43, T: 38.86 }, { weeks: 39 }); //=> 1.263 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function mbgNbdConditionalExpectedPurchases(model: MbgNbdModel, customer: ClvSummaryRow, duration: ClvDuration): number {
  return mbgNbdConditionalCurve(model, customer, [durationIn(duration, model.unit)])[0] as number;
}

/**
 * Conditional expectations for several windows (model's unit) at once.
 *
 * @internal
 * @param model - Parameters and unit.
 * @param customer - The summary.
 * @param ts - Window lengths.
 * @returns One expectation per window.
 */
export function mbgNbdConditionalCurve(model: MbgNbdModel, customer: ClvSummaryRow, ts: readonly number[]): number[] {
  const alive = mbgNbdProbabilityAlive(model, customer);
  const { x, T } = readCustomer(customer, model.unit);
  return bgFamilyConditionalCurve(model.params, alive, x, T, model.params.b + x + 1, ts);
}

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t]: with dropout possible at
 * time 0 and after each purchase, P(X(t) = n) = B(a, b+n+1)/B(a, b) · NBD(n) + B(a+1, b+n)/B(a, b) ·
 * P(NBD ≥ n), where NBD is the Gamma(r, α)–Poisson count over t (the dropout after the n-th purchase
 * needs that purchase to have happened).
 *
 * @param model - Parameters and unit.
 * @param n - The count, an integer ≥ 0.
 * @param duration - The window.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_OPTION` for a bad count, parameters or duration.
 *
 * @example
 * ```ts
 * const m = { model: 'mbg-nbd', unit: 'weeks', params: { r: 1, alpha: 1, a: 1, b: 1 } } as const;
 * mbgNbdPurchaseCountProbability(m, 0, { weeks: 1 }); //=> 0.75 (= a/(a+b) + b/(a+b)·α/(α+t))
 * ```
 * @category Probabilistic CLV
 */
export function mbgNbdPurchaseCountProbability(model: MbgNbdModel, n: number, duration: ClvDuration): number {
  const { r, alpha, a, b } = checkModel(model);
  checkPurchaseCount(n);
  const t = durationIn(duration, model.unit);
  if (t === 0) return n === 0 ? 1 : 0;
  const lbAB = logBeta(a, b);
  const result =
    Math.exp(logBeta(a, b + n + 1) - lbAB + negativeBinomialLogPmf(r, alpha, t, n)) +
    Math.exp(logBeta(a + 1, b + n) - lbAB) * negativeBinomialUpperTail(r, alpha, t, n);
  return Math.min(1, Math.max(0, finiteOrThrow(result, 'P(X(t) = n)')));
}

/**
 * Simulates customer summaries from the MBG/NBD process, seeded (dropout possible at the first purchase).
 *
 * @param params - True parameters (α in the unit of T).
 * @param options - Number of customers, their T and the seed.
 * @returns Columns `{ frequency, recency, T }`.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or options.
 *
 * @example
 * ```ts
 * generateMbgNbdSummaries({ r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 2, T: 39, seed: 5 }).frequency.length; //=> 2
 * ```
 * @category Probabilistic CLV
 */
export function generateMbgNbdSummaries(
  params: MbgNbdParams,
  options: ClvGeneratorOptions,
): ClvSimulatedSummaries {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'MBG/NBD');
  return simulateBgFamily(params, options.customers, readGeneratorT(options), options.seed, true);
}
