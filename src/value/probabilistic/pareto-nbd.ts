/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting Your Customers: Who Are They
 * and What Will They Do Next?", *Management Science* 33(1), 1–24): while alive a customer buys at rate
 * λ ~ Gamma(r, α); her lifetime is exponential with rate μ ~ Gamma(s, β). Expressions follow Fader &
 * Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions" (note 008).
 *
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import { hypergeometric2F1, logAddExp, logGamma, logSubExp, logSumExp, tanhSinhNodes } from '../../core/special.js';
import { readGeneratorT, type ClvGeneratorOptions, type ClvSimulatedSummaries } from './bg-nbd.js';
import {
  checkPositiveParams,
  checkPurchaseCount,
  checkStartValues,
  checkTimedModel,
  naturalStandardErrors,
  probabilityFromLogOdds,
  checkUnit,
  compactSummaries,
  durationIn,
  finiteOrThrow,
  readCustomer,
  runFit,
  type ClvDuration,
  type ClvFitOptions,
  type ClvFitReport,
  type ClvSummaryInput,
  type ClvSummaryRow,
  type ClvTimeUnit,
} from './common.js';

/**
 * Parameters of the Pareto/NBD model; `alpha` and `beta` are in the model's time unit.
 *
 * @category Probabilistic CLV
 */
export interface ParetoNbdParams {
  /** Shape of the Gamma distribution of purchase rates λ. */
  readonly r: number;
  /** Scale of that distribution (time unit). */
  readonly alpha: number;
  /** Shape of the Gamma distribution of dropout rates μ. */
  readonly s: number;
  /** Scale of that distribution (time unit). */
  readonly beta: number;
}

/**
 * A Pareto/NBD model. A {@link ParetoNbdFit} is one; a model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface ParetoNbdModel {
  /** Discriminator. */
  readonly model: 'pareto-nbd';
  /** The parameters. */
  readonly params: ParetoNbdParams;
  /** The unit of `alpha`, `beta`, recency and T. */
  readonly unit: ClvTimeUnit;
}

/**
 * A fitted Pareto/NBD model.
 *
 * @category Probabilistic CLV
 */
export interface ParetoNbdFit extends ParetoNbdModel {
  /** Asymptotic standard errors, or `null` if the Hessian is singular. */
  readonly standardErrors: ParetoNbdParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitParetoNbd}.
 *
 * @category Probabilistic CLV
 */
export interface ParetoNbdFitOptions extends ClvFitOptions {
  /** The unit of recency and T in the summaries: required, never guessed. */
  readonly unit: ClvTimeUnit;
  /** Starting values (default r = s = 1, α = β = a tenth of the longest T). */
  readonly start?: Partial<ParetoNbdParams>;
}

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * ln ₂F₁(a, b; a+1; z) for 0 ≤ z < 1 through Euler's transformation (A&S 15.3.3):
 * ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z). With c = a + 1 the new series has first parameter
 * 1 and term ratio below z, so it converges geometrically and never overflows, even for x in the
 * hundreds of thousands, where the direct series would grow like (1−z)^−(r+x).
 */
function logHyp(a: number, b: number, z: number): number {
  if (z === 0) return 0;
  const c = a + 1;
  return (c - a - b) * Math.log1p(-z) + Math.log(hypergeometric2F1(1, c - b, c, z));
}

/**
 * The two log-terms of one customer's likelihood (without Γ(r+x)/Γ(r) α^r β^s): ln of
 * (α+T)^−(r+x) (β+T)^−s and of s/(r+s+x)·A₀ (note 008, eq. 22), A₀ by ₂F₁ on the side where the
 * argument |α−β|/(max(α,β)+t) lies in [0, 1), or by quadrature of the integral it stands for when that
 * argument is above 0.95.
 */
function logTerms(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): [number, number] {
  const rsx = r + s + x;
  const term1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  let big: number;
  let b2: number;
  let diff: number;
  if (alpha >= beta) {
    big = alpha;
    diff = alpha - beta;
    b2 = s + 1;
  } else {
    big = beta;
    diff = beta - alpha;
    b2 = r + x;
  }
  if (tx >= T) return [term1, -Infinity];
  const z1 = diff / (big + tx);
  if (z1 > 0.95) {
    // Near z = 1 the series needs ~1/(1−z) terms: integrate s·∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
    // the term A₀ stands for (note 008, eq. 18–22), by tanh-sinh quadrature instead.
    const rule = tanhSinhNodes();
    const width = T - tx;
    const logWidth = Math.log(width);
    const terms = new Float64Array(rule.p.length);
    for (let i = 0; i < rule.p.length; i++) {
      const tau = tx + (rule.p[i] as number) * width;
      terms[i] = (rule.logWeight[i] as number) + logWidth - (r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
    }
    return [term1, Math.log(s) + logSumExp(terms)];
  }
  const lA0 = logSubExp(logHyp(rsx, b2, z1) - rsx * Math.log(big + tx), logHyp(rsx, b2, diff / (big + T)) - rsx * Math.log(big + T));
  const term2 = Math.log(s) - Math.log(rsx) + lA0;
  return [term1, term2];
}

function logLikelihoodOf(p: ParetoNbdParams, x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array, n: number): number {
  const { r, alpha, s, beta } = p;
  let ll = 0;
  const lgR = logGamma(r);
  const head = r * Math.log(alpha) + s * Math.log(beta);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const [t1, t2] = logTerms(r, alpha, s, beta, xi, tx[i] as number, T[i] as number);
    ll += (w[i] as number) * (logGamma(r + xi) - lgR + head + (Number.isNaN(t2) ? t1 : logAddExp(t1, t2)));
  }
  return ll;
}

/**
 * Fits the Pareto/NBD model by maximum likelihood on customer summaries (x, t_x, T), with weights.
 * Identical rows are collapsed; parameters are in log space with time rescaled so the longest T is 10;
 * the gradient is by central finite differences (the likelihood involves ₂F₁).
 *
 * @param summaries - Rows `{ frequency, recency, T, weight? }` or columns, in `options.unit`.
 * @param options - The time unit (required), L2 penalty, tolerances, starting values.
 * @returns Parameters in `options.unit`, standard errors and the fit report.
 * @throws {JornadaError} `INVALID_INPUT`, `EMPTY_INPUT`, `INVALID_OPTION` as {@link fitBgNbd};
 *   `NOT_CONVERGED` when the optimiser fails and `allowNotConverged` is not set.
 *
 * @example
 * ```ts
 * fitParetoNbd(cdnowSummaries, { unit: 'weeks' }).params; //=> { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function fitParetoNbd(summaries: ClvSummaryInput, options: ParetoNbdFitOptions): ParetoNbdFit {
  const unit = checkUnit(options?.unit, 'options.unit');
  const data = compactSummaries(summaries, { unit, monetary: false });
  let maxT = 0;
  for (let i = 0; i < data.n; i++) maxT = Math.max(maxT, data.T[i] as number);
  if (!(maxT > 0)) throw new JornadaError('EMPTY_INPUT', 'every customer has T = 0: there is no observation time to fit');
  const scale = maxT / 10;
  const tx = data.tx.map((v) => v / scale);
  const T = data.T.map((v) => v / scale);
  const total = data.totalWeight;
  const penalty = options.l2Penalty ?? 0;
  const start = options.start ?? {};
  checkStartValues(start);
  const outcome = runFit(
    {
      names: NAMES,
      analyticGradient: false,
      observations: total,
      distinctRows: data.n,
      start: [Math.log(start.r ?? 1), Math.log((start.alpha ?? scale) / scale), Math.log(start.s ?? 1), Math.log((start.beta ?? scale) / scale)],
      objective: (phi) => {
        const p = { r: Math.exp(phi[0] as number), alpha: Math.exp(phi[1] as number), s: Math.exp(phi[2] as number), beta: Math.exp(phi[3] as number) };
        let ll: number;
        try {
          ll = logLikelihoodOf(p, data.x, tx, T, data.w, data.n);
        } catch {
          return Infinity; // a parameter region where ₂F₁ cannot be summed: the line search backs off
        }
        const an = p.alpha * scale;
        const bn = p.beta * scale;
        return -ll / total + penalty * (p.r * p.r + an * an + p.s * p.s + bn * bn);
      },
    },
    options,
    'Pareto/NBD',
  );
  const [lr, la, ls, lb] = outcome.logParams;
  const params: ParetoNbdParams = {
    r: Math.exp(lr as number),
    alpha: Math.exp(la as number) * scale,
    s: Math.exp(ls as number),
    beta: Math.exp(lb as number) * scale,
  };
  const ll = logLikelihoodOf(params, data.x, data.tx, data.T, data.w, data.n);
  return {
    model: 'pareto-nbd',
    unit,
    params,
    standardErrors: naturalStandardErrors(params, outcome.logStandardErrors, NAMES),
    report: { ...outcome.report, logLikelihood: ll },
  };
}

function checkModel(model: ParetoNbdModel): ParetoNbdParams {
  return checkTimedModel(model, NAMES, 'Pareto/NBD', 'a Pareto/NBD model is required');
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive at T (note 008, eq. 24):
 * 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀), in logs.
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary; `INVALID_OPTION` for bad parameters or a unit mismatch.
 *
 * @example
 * ```ts
 * paretoNbdProbabilityAlive(cdnowParetoFit, { frequency: 0, recency: 0, T: 38.86 }); //=> 0.295 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function paretoNbdProbabilityAlive(model: ParetoNbdModel, customer: ClvSummaryRow): number {
  const { r, alpha, s, beta } = checkModel(model);
  const { x, tx, T } = readCustomer(customer, model.unit);
  const [t1, t2] = logTerms(r, alpha, s, beta, x, tx, T);
  if (t2 === -Infinity) return 1;
  const d = t2 - t1;
  return probabilityFromLogOdds(d);
}

/** [1 − (1+u)^−(s−1)]/(s−1) written with expm1/log1p, with its limit ln(1+u) at s = 1. */
function powerDifference(s: number, u: number): number {
  const l = Math.log1p(u);
  const k = s - 1;
  return Math.abs(k) < 1e-10 ? l : -Math.expm1(-k * l) / k;
}

/**
 * Expected repeat purchases of a new customer in (0, t]: rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]
 * (note 008, eq. 27; its limit r/α · β ln(1 + t/β) at s = 1).
 *
 * @param model - Parameters and unit.
 * @param duration - The window, e.g. `{ weeks: 39 }`.
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or duration.
 *
 * @example
 * ```ts
 * paretoNbdExpectedPurchases(cdnowParetoFit, { weeks: 39 }); //=> 1.213 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function paretoNbdExpectedPurchases(model: ParetoNbdModel, duration: ClvDuration): number {
  const { r, alpha, s, beta } = checkModel(model);
  const t = durationIn(duration, model.unit);
  return finiteOrThrow(((r * beta) / alpha) * powerDifference(s, t / beta), 'E[X(t)]');
}

/**
 * Expected purchases in (T, T + t] of a customer with history (x, t_x, T) (note 008, eq. 28):
 * (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
 *
 * @param model - Parameters and unit.
 * @param customer - `{ frequency, recency, T }` in the model's unit.
 * @param duration - The window after T.
 * @returns Expected repeat purchases, ≥ 0.
 * @throws {JornadaError} `INVALID_INPUT` for a bad summary; `INVALID_OPTION` for bad parameters, unit or duration.
 *
 * @example
 * ```ts
 * paretoNbdConditionalExpectedPurchases(cdnowParetoFit, { frequency: 2, recency: 30.43, T: 38.86 }, { weeks: 39 }); //=> 1.455 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function paretoNbdConditionalExpectedPurchases(model: ParetoNbdModel, customer: ClvSummaryRow, duration: ClvDuration): number {
  const t = durationIn(duration, model.unit);
  return paretoNbdConditionalCurve(model, customer, [t])[0] as number;
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
export function paretoNbdConditionalCurve(model: ParetoNbdModel, customer: ClvSummaryRow, ts: readonly number[]): number[] {
  const alive = paretoNbdProbabilityAlive(model, customer);
  const { r, alpha, s, beta } = model.params;
  const { x, T } = readCustomer(customer, model.unit);
  const base = ((r + x) * (beta + T)) / (alpha + T);
  return ts.map((t) => finiteOrThrow(alive * base * powerDifference(s, t / (beta + T)), 'E[Y(t)]'));
}

/**
 * Probability that a new customer makes exactly n repeat purchases in (0, t]. Conditioning on the
 * lifetime τ (density sβ^s/(β+τ)^(s+1)): P(X(t) = n) = (β/(β+t))^s · NBD_t(n) + ∫₀ᵗ sβ^s (β+τ)^−(s+1)
 * NBD_τ(n) dτ, where NBD_u(n) = Γ(r+n)/(Γ(r) n!) (α/(α+u))^r (u/(α+u))^n is the count of an alive
 * customer over u (Schmittlein et al. 1987; Fader & Hardie's note 012 derives a closed form with ₂F₁
 * terms). Here the integral is computed directly by tanh-sinh quadrature, in logs.
 *
 * @param model - Parameters and unit.
 * @param n - The count, an integer ≥ 0.
 * @param duration - The window.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_OPTION` for a bad count, parameters or duration.
 *
 * @example
 * ```ts
 * paretoNbdPurchaseCountProbability(cdnowParetoFit, 0, { weeks: 39 }); //=> 0.594 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function paretoNbdPurchaseCountProbability(model: ParetoNbdModel, n: number, duration: ClvDuration): number {
  const { r, alpha, s, beta } = checkModel(model);
  checkPurchaseCount(n);
  const t = durationIn(duration, model.unit);
  if (t === 0) return n === 0 ? 1 : 0;
  const head = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
  const logNb = (u: number): number =>
    head + r * (Math.log(alpha) - Math.log(alpha + u)) + (n === 0 ? 0 : n * (Math.log(u) - Math.log(alpha + u)));
  const survived = s * (Math.log(beta) - Math.log(beta + t)) + logNb(t);
  const rule = tanhSinhNodes();
  const terms = new Float64Array(rule.p.length + 1);
  const logT = Math.log(t);
  for (let i = 0; i < rule.p.length; i++) {
    const u = (rule.p[i] as number) * t;
    terms[i] = u > 0 ? (rule.logWeight[i] as number) + logT + Math.log(s) + s * Math.log(beta) - (s + 1) * Math.log(beta + u) + logNb(u) : -Infinity;
  }
  terms[rule.p.length] = survived;
  return Math.min(1, Math.max(0, finiteOrThrow(Math.exp(logSumExp(terms)), 'P(X(t) = n)')));
}

/**
 * Simulates customer summaries from the Pareto/NBD process, seeded, with exact purchase times.
 *
 * @param params - True parameters (α, β in the unit of T).
 * @param options - Number of customers, their T and the seed.
 * @returns Columns `{ frequency, recency, T }`.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or options.
 *
 * @example
 * ```ts
 * generateParetoNbdSummaries({ r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 }, { customers: 2, T: 39, seed: 3 }).T; //=> Float64Array [39, 39]
 * ```
 * @category Probabilistic CLV
 */
export function generateParetoNbdSummaries(
  params: ParetoNbdParams,
  options: ClvGeneratorOptions,
): ClvSimulatedSummaries {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'Pareto/NBD');
  const getT = readGeneratorT(options);
  const n = options.customers;
  const rng = createRandom(options.seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const Tcol = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = getT(i);
    const lambda = rng.gamma(params.r) / params.alpha;
    const mu = rng.gamma(params.s) / params.beta;
    const end = Math.min(T, rng.exponential(1 / mu));
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += rng.exponential(1 / lambda);
      if (!(time <= end)) break;
      x++;
      last = time;
    }
    frequency[i] = x;
    recency[i] = last;
    Tcol[i] = T;
  }
  return { frequency, recency, T: Tcol };
}
