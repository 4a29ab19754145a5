/**
 * The BG/NBD model of repeat purchasing in a non-contractual setting (Fader, Hardie & Lee 2005,
 * "'Counting Your Customers' the Easy Way", *Marketing Science* 24(2), 275–284): while alive a customer
 * buys at rate λ ~ Gamma(r, α); after each repeat purchase she drops out with probability p ~ Beta(a, b).
 *
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { digamma, logBeta, logGamma } from '../../core/special.js';
import { bgFamilyConditionalCurve, bgFamilyLogLikelihood, fitBgFamily, simulateBgFamily, type PreparedBgSummaries } from './bg-family.js';
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
  type ClvSummaryColumns,
  type ClvSummaryInput,
  type ClvSummaryRow,
  type ClvTimeUnit,
} from './common.js';

/**
 * Parameters of the BG/NBD model. `alpha` is in the model's time unit.
 *
 * @category Probabilistic CLV
 */
export interface BgNbdParams {
  /** Shape of the Gamma distribution of purchase rates λ across customers. */
  readonly r: number;
  /** Scale of that Gamma distribution, in the model's time unit (mean rate r/α per unit). */
  readonly alpha: number;
  /** First shape of the Beta distribution of dropout probabilities p. */
  readonly a: number;
  /** Second shape of the Beta distribution of dropout probabilities p. */
  readonly b: number;
}

/**
 * A BG/NBD model: parameters with the time unit they are expressed in. A {@link BgNbdFit} is one; a
 * model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface BgNbdModel {
  /** Discriminator. */
  readonly model: 'bg-nbd';
  /** The parameters. */
  readonly params: BgNbdParams;
  /** The unit of `alpha`, of recency and T, and of every horizon's conversion. */
  readonly unit: ClvTimeUnit;
}

/**
 * A fitted BG/NBD model with its standard errors and fit report.
 *
 * @category Probabilistic CLV
 */
export interface BgNbdFit extends BgNbdModel {
  /** Asymptotic standard errors from the inverse Hessian of the log-likelihood, or `null` if it is singular. */
  readonly standardErrors: BgNbdParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitBgNbd}.
 *
 * @category Probabilistic CLV
 */
export interface BgNbdFitOptions extends ClvFitOptions {
  /** The unit of recency and T in the summaries: required, never guessed. */
  readonly unit: ClvTimeUnit;
  /** Starting values (default r = a = b = 1, α = a tenth of the longest T). */
  readonly start?: Partial<BgNbdParams>;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Sum of the BG/NBD log-likelihood over rows (time rescaled) and its gradient in the natural parameters,
 * written as in Hardie's note 027 ("Overcoming the BG/NBD model's #NUM! error problem"): the last factor
 * ln[(α+T)^−(r+x) + δ(x>0) a/(b+x−1) (α+t_x)^−(r+x)] is a log-sum-exp.
 */
function logLikelihood(prep: PreparedBgSummaries, r: number, alpha: number, a: number, b: number, grad: Float64Array | null): number {
  const { data, xIndex, xValues, xWeights, times, tIndex, txIndex, lnTimes, invTimes } = prep;
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
  const k = xValues.length;
  const lnBx1 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const x = xValues[j] as number;
    const W = xWeights[j] as number;
    ll += W * (logGamma(r + x) - lgR + logBeta(a, b + x) - lbAB);
    lnBx1[j] = x > 0 ? Math.log(b + x - 1) : 0;
    if (wantGrad) {
      const psiABX = digamma(a + b + x);
      gr += W * (digamma(r + x) - psiR);
      ga += W * (psiAB - psiABX);
      gb += W * (digamma(b + x) - psiABX - psiB + psiAB);
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
    if (wantGrad) invTimes[k] = 1 / v;
  }
  const n = data.n;
  const xs = data.x;
  const ws = data.w;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const w = ws[i] as number;
    const it = tIndex[i] as number;
    const la = lnTimes[it] as number;
    const rx = r + x;
    const A1 = -rx * la;
    if (x > 0) {
      const itx = txIndex[i] as number;
      const lb = lnTimes[itx] as number;
      const A2 = lnA - (lnBx1[xIndex[i] as number] as number) - rx * lb;
      // log-sum-exp of the two terms; log(1 + e) with e ≤ 1 is accurate to an absolute 1e-16 here
      let p2: number;
      if (A1 >= A2) {
        const e = Math.exp(A2 - A1);
        ll += w * (A1 + Math.log(1 + e));
        p2 = e / (1 + e);
      } else {
        const e = Math.exp(A1 - A2);
        ll += w * (A2 + Math.log(1 + e));
        p2 = 1 / (1 + e);
      }
      if (wantGrad) {
        const p1 = 1 - p2;
        gr -= w * (p1 * la + p2 * lb);
        gal -= w * rx * (p1 * (invTimes[it] as number) + p2 * (invTimes[itx] as number));
        ga += (w * p2) / a;
        gb -= (w * p2) / (b + x - 1);
      }
    } else {
      ll += w * A1;
      if (wantGrad) {
        gr -= w * la;
        gal -= w * r * (invTimes[it] as number);
      }
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
 * Fits the BG/NBD model by maximum likelihood on customer summaries (x, t_x, T), with weights.
 *
 * Identical rows are collapsed first; parameters are estimated in log space with time rescaled so the
 * longest T is 10; the log-likelihood follows Hardie's note 027 and its gradient is analytic.
 *
 * @param summaries - Rows `{ frequency, recency, T, weight? }` or columns of them (such as a
 *   transaction summary of `jornada/value`), all in `options.unit`.
 * @param options - The time unit (required), optional L2 penalty, tolerances, starting values.
 * @returns Parameters in `options.unit`, standard errors and the fit report.
 * @throws {JornadaError} `INVALID_INPUT` for a bad row (the path names it), `EMPTY_INPUT` with no
 *   customers, `INVALID_OPTION` for a bad option or a summary in another unit, `NOT_CONVERGED` when the
 *   optimiser fails and `allowNotConverged` is not set.
 *
 * @example
 * ```ts
 * // CDNOW sample, 2,357 customers, weeks (Fader, Hardie & Lee 2005)
 * const fit = fitBgNbd(cdnowSummaries, { unit: 'weeks' });
 * fit.params; //=> { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (rounded)
 * fit.report.logLikelihood; //=> -9582.4 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function fitBgNbd(summaries: ClvSummaryInput, options: BgNbdFitOptions): BgNbdFit {
  return { model: 'bg-nbd', ...fitBgFamily(summaries, options, 'BG/NBD', logLikelihood) };
}

function checkModel(model: BgNbdModel): BgNbdParams {
  return checkTimedModel(model, NAMES, 'BG/NBD', 'a BG/NBD model is required');
}

/**
 * Log-likelihood of summaries under given BG/NBD parameters (in the model's unit), summed with weights.
 *
 * @param model - Parameters and unit.
 * @param summaries - Rows or columns in the model's unit.
 * @returns The log-likelihood.
 * @throws {JornadaError} `INVALID_INPUT` for a bad row, `INVALID_OPTION` for bad parameters or a unit mismatch.
 *
 * @example
 * ```ts
 * const m = { model: 'bg-nbd', unit: 'weeks', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * bgNbdLogLikelihood(m, [{ frequency: 0, recency: 0, T: 38.86 }]); //=> -0.5547 (= r·ln(α/(α+T)) for a customer without repeat purchases)
 * ```
 * @category Probabilistic CLV
 */
export function bgNbdLogLikelihood(model: BgNbdModel, summaries: ClvSummaryInput): number {
  return bgFamilyLogLikelihood(checkModel(model), model.unit, summaries, logLikelihood);
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive at T:
 * 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (FHL 2005, eq. 13), computed in logs.
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @returns A probability in [0, 1]; 1 for a customer without repeat purchases.
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary, `INVALID_OPTION` for bad parameters or a unit mismatch.
 *
 * @example
 * ```ts
 * bgNbdProbabilityAlive(cdnowFit, { frequency: 2, recency: 30.43, T: 38.86 }); //=> 0.727 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function bgNbdProbabilityAlive(model: BgNbdModel, customer: ClvSummaryRow): number {
  const { r, alpha, a, b } = checkModel(model);
  const { x, tx, T } = readCustomer(customer, model.unit);
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return probabilityFromLogOdds(logOdds);
}

/**
 * Expected number of repeat purchases of a new customer in (0, t]: E[X(t)] (FHL 2005, eq. 9), computed
 * as the Beta mixture ∫ (1 − (α/(α+pt))^r)/p dBeta(p; a, b) by tanh-sinh quadrature, which stays
 * finite for a ≤ 1 where the closed form's 1/(a − 1) breaks down.
 *
 * @param model - Parameters and unit.
 * @param duration - The window, e.g. `{ weeks: 39 }` (converted to the model's unit).
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or a malformed duration; `NUMERIC` if the result overflows.
 *
 * @example
 * ```ts
 * bgNbdExpectedPurchases(cdnowFit, { weeks: 78 }); //=> 1.858 (rounded): repeat purchases of a new customer in 78 weeks
 * ```
 * @category Probabilistic CLV
 */
export function bgNbdExpectedPurchases(model: BgNbdModel, duration: ClvDuration): number {
  const { r, alpha, a, b } = checkModel(model);
  const t = durationIn(duration, model.unit);
  if (t === 0) return 0;
  return finiteOrThrow(betaMixtureExpectedPurchases(a, b, r, [t / alpha])[0] as number, 'E[X(t)]');
}

/**
 * Expected purchases in (T, T + t] of a customer with history (x, t_x, T): FHL 2005, eq. 10, computed
 * as P(alive) times the posterior Beta(a, b+x) mixture of (1 − ((α+T)/(α+T+pt))^(r+x))/p.
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @param duration - The window after T, e.g. `{ weeks: 39 }`.
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary, `INVALID_OPTION` for bad parameters, a unit mismatch or a malformed duration.
 *
 * @example
 * ```ts
 * // FHL 2005, section 4: x = 2, t_x = 30.43, T = 38.86 weeks, next 39 weeks
 * bgNbdConditionalExpectedPurchases(cdnowFit, { frequency: 2, recency: 30.43, T: 38.86 }, { weeks: 39 }); //=> ≈ 1.226
 * ```
 * @category Probabilistic CLV
 */
export function bgNbdConditionalExpectedPurchases(model: BgNbdModel, customer: ClvSummaryRow, duration: ClvDuration): number {
  const t = durationIn(duration, model.unit);
  return bgNbdConditionalCurve(model, customer, [t])[0] as number;
}

/**
 * Conditional expectations for several window lengths (in the model's unit) at once.
 *
 * @internal
 * @param model - Parameters and unit.
 * @param customer - The summary.
 * @param ts - Window lengths.
 * @returns One expectation per window.
 */
export function bgNbdConditionalCurve(model: BgNbdModel, customer: ClvSummaryRow, ts: readonly number[]): number[] {
  const alive = bgNbdProbabilityAlive(model, customer);
  const { x, T } = readCustomer(customer, model.unit);
  return bgFamilyConditionalCurve(model.params, alive, x, T, model.params.b + x, ts);
}

/**
 * ln P(N = j) for the NBD count N of a Gamma(r, α)–Poisson process over t.
 *
 * @internal
 * @param r - Gamma shape.
 * @param alpha - Gamma scale.
 * @param t - Window.
 * @param j - Count.
 * @returns The log-probability.
 */
export function negativeBinomialLogPmf(r: number, alpha: number, t: number, j: number): number {
  return logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * (Math.log(alpha) - Math.log(alpha + t)) + j * (Math.log(t) - Math.log(alpha + t));
}

/**
 * P(N ≥ n) for that count: 1 − head when the head is small, else the tail summed directly (no cancellation).
 *
 * @internal
 * @param r - Gamma shape.
 * @param alpha - Gamma scale.
 * @param t - Window.
 * @param n - Threshold.
 * @returns The tail probability.
 */
export function negativeBinomialUpperTail(r: number, alpha: number, t: number, n: number): number {
  let head = 0;
  for (let j = 0; j < n; j++) head += Math.exp(negativeBinomialLogPmf(r, alpha, t, j));
  if (head <= 0.5) return 1 - head;
  let tail = 0;
  for (let j = n; j < n + 100_000; j++) {
    const v = Math.exp(negativeBinomialLogPmf(r, alpha, t, j));
    tail += v;
    if (j > (r * t) / alpha + n && v < 1e-17 * tail) break;
  }
  return tail;
}

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t]: P(X(t) = n), FHL 2005,
 * eq. 8, in logs; the negative-binomial tail in its second term is summed directly when small.
 *
 * @param model - Parameters and unit.
 * @param n - The count, an integer ≥ 0.
 * @param duration - The window.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_OPTION` for a bad count, parameters or duration.
 *
 * @example
 * ```ts
 * bgNbdPurchaseCountProbability(cdnowFit, 0, { weeks: 39 }); //=> 0.574 (rounded) = (α/(α+39))^r
 * ```
 * @category Probabilistic CLV
 */
export function bgNbdPurchaseCountProbability(model: BgNbdModel, n: number, duration: ClvDuration): number {
  const { r, alpha, a, b } = checkModel(model);
  checkPurchaseCount(n);
  const t = durationIn(duration, model.unit);
  if (t === 0) return n === 0 ? 1 : 0;
  const lbAB = logBeta(a, b);
  let result = Math.exp(logBeta(a, b + n) - lbAB + negativeBinomialLogPmf(r, alpha, t, n));
  if (n > 0) result += Math.exp(logBeta(a + 1, b + n - 1) - lbAB) * negativeBinomialUpperTail(r, alpha, t, n);
  return Math.min(1, Math.max(0, finiteOrThrow(result, 'P(X(t) = n)')));
}

/**
 * Simulated summaries: columns of Float64Arrays, ready for the fits.
 *
 * @category Probabilistic CLV
 */
export interface ClvSimulatedSummaries extends ClvSummaryColumns {
  /** x of each simulated customer. */
  readonly frequency: Float64Array;
  /** t_x of each simulated customer. */
  readonly recency: Float64Array;
  /** T of each simulated customer. */
  readonly T: Float64Array;
}

/**
 * Options of {@link generateBgNbdSummaries}.
 *
 * @category Probabilistic CLV
 */
export interface ClvGeneratorOptions {
  /** Number of customers. */
  readonly customers: number;
  /** Observation length T of every customer, or one per customer. */
  readonly T: number | ArrayLike<number>;
  /** Seed of the generator. */
  readonly seed: number | string;
}

/**
 * Validates generator options and returns the T of customer i.
 *
 * @internal
 * @param options - The options.
 * @returns A function from customer index to T.
 */
export function readGeneratorT(options: ClvGeneratorOptions): (i: number) => number {
  const { customers, T } = options;
  if (!Number.isInteger(customers) || customers < 0) throw new JornadaError('INVALID_OPTION', 'customers must be an integer ≥ 0');
  if (typeof T === 'number') {
    if (!(T > 0 && Number.isFinite(T))) throw new JornadaError('INVALID_OPTION', 'T must be a finite number > 0');
    return () => T;
  }
  if (T.length !== customers) throw new JornadaError('INVALID_OPTION', 'T must have one value per customer');
  for (let i = 0; i < T.length; i++) {
    const v = T[i] as number;
    if (!(v > 0 && Number.isFinite(v))) throw new JornadaError('INVALID_OPTION', `T[${i}] must be a finite number > 0`);
  }
  return (i) => T[i] as number;
}


/**
 * Simulates customer summaries from the BG/NBD process with a seeded generator: exact purchase times,
 * for testing parameter recovery and for benchmarks.
 *
 * @param params - True parameters (α in the unit of T).
 * @param options - Number of customers, their T and the seed.
 * @returns Columns `{ frequency, recency, T }` (Float64Arrays).
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or options.
 *
 * @example
 * ```ts
 * const sim = generateBgNbdSummaries({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 3, T: 39, seed: 1 });
 * sim.frequency.length; //=> 3
 * ```
 * @category Probabilistic CLV
 */
export function generateBgNbdSummaries(params: BgNbdParams, options: ClvGeneratorOptions): ClvSimulatedSummaries {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'BG/NBD');
  return simulateBgFamily(params, options.customers, readGeneratorT(options), options.seed, false);
}
