/**
 * The shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007, "How to Project
 * Customer Retention", *Journal of Interactive Marketing* 21(1), 76–90): at the end of each period a
 * customer cancels with probability θ, constant for her, and θ ~ Beta(γ, δ) across customers.
 *
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import { digamma, hypergeometric2F1, logBeta } from '../../core/special.js';
import { checkPositiveParams, finiteOrThrow, runFit, type ClvFitOptions, type ClvFitReport } from './common.js';

/**
 * Parameters of the sBG model: the Beta(γ, δ) distribution of per-period churn probabilities.
 *
 * @category Probabilistic CLV
 */
export interface SbgParams {
  /** First shape of the Beta distribution of churn probabilities θ (`alpha` in some write-ups). */
  readonly gamma: number;
  /** Second shape of the Beta distribution of churn probabilities θ (`beta` in some write-ups). */
  readonly delta: number;
}

/**
 * An sBG model. A {@link SbgFit} is one; a model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface SbgModel {
  /** Discriminator. */
  readonly model: 'sbg';
  /** The parameters. */
  readonly params: SbgParams;
}

/**
 * A fitted sBG model.
 *
 * @category Probabilistic CLV
 */
export interface SbgFit extends SbgModel {
  /** Asymptotic standard errors, or `null` if the Hessian is singular. */
  readonly standardErrors: SbgParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitSbg}.
 *
 * @category Probabilistic CLV
 */
export interface SbgFitOptions extends ClvFitOptions {
  /** Starting values (default γ = δ = 1). */
  readonly start?: Partial<SbgParams>;
}

const NAMES = ['gamma', 'delta'] as const;

function checkModel(model: SbgModel): SbgParams {
  if (typeof model !== 'object' || model === null) throw new JornadaError('INVALID_OPTION', 'an sBG model is required');
  checkPositiveParams(model.params as unknown as Record<string, number>, NAMES, 'sBG');
  return model.params;
}

/**
 * Fits the sBG model to a cohort's survivor counts: `survivors[0]` customers started, `survivors[t]`
 * were still active after t renewal opportunities. Customers lost between t − 1 and t contribute
 * P(T = t) = B(γ+1, δ+t−1)/B(γ, δ); those still active at the end contribute S(n) = B(γ, δ+n)/B(γ, δ)
 * (FH 2007, eq. 5–7). Counts may be fractional (e.g. percentages of a cohort).
 *
 * @param survivors - Active customers at period 0, 1, …, n: non-increasing, at least two entries, first > 0.
 * @param options - L2 penalty, tolerances, starting values.
 * @returns Parameters, standard errors and the fit report.
 * @throws {JornadaError} `INVALID_INPUT` for counts that are negative, increasing or too few;
 *   `NOT_CONVERGED` when the optimiser fails.
 *
 * @example
 * ```ts
 * // FH 2007, "regular" cohort, years 0–7
 * fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]).params; //=> { gamma: 0.704, delta: 1.182 } (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function fitSbg(survivors: readonly number[], options: SbgFitOptions = {}): SbgFit {
  if (!Array.isArray(survivors) || survivors.length < 2) {
    throw new JornadaError('INVALID_INPUT', 'survivors needs the cohort size and at least one later count', { issues: [{ path: [], message: 'at least two counts' }] });
  }
  for (let t = 0; t < survivors.length; t++) {
    const v = survivors[t];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new JornadaError('INVALID_INPUT', `survivors[${t}] must be a finite number ≥ 0`, { issues: [{ path: [t], message: 'not a finite number ≥ 0' }] });
    }
    if (t > 0 && v > (survivors[t - 1] as number)) {
      throw new JornadaError('INVALID_INPUT', `survivors[${t}] exceeds survivors[${t - 1}]: a cohort only shrinks`, { issues: [{ path: [t], message: 'more survivors than the period before' }] });
    }
  }
  const n = survivors.length - 1;
  const total = survivors[0] as number;
  if (!(total > 0)) throw new JornadaError('EMPTY_INPUT', 'the cohort is empty');
  const lost = new Float64Array(n + 1);
  for (let t = 1; t <= n; t++) lost[t] = (survivors[t - 1] as number) - (survivors[t] as number);
  const remaining = survivors[n] as number;
  const start = options.start ?? {};
  if (Object.values(start).some((v) => !(typeof v === 'number' && v > 0 && Number.isFinite(v)))) {
    throw new JornadaError('INVALID_OPTION', 'start values must be finite numbers > 0');
  }
  const penalty = options.l2Penalty ?? 0;
  const logLik = (g: number, d: number, grad: Float64Array | null): number => {
    // ln P(T=t) = ln B(γ+1, δ+t−1) − ln B(γ, δ); ln S(t) = ln B(γ, δ+t) − ln B(γ, δ)
    const lb = logBeta(g, d);
    let ll = 0;
    let gg = 0;
    let gd = 0;
    const psiGD = grad === null ? 0 : digamma(g + d);
    const psiG = grad === null ? 0 : digamma(g);
    const psiD = grad === null ? 0 : digamma(d);
    for (let t = 1; t <= n; t++) {
      const c = lost[t] as number;
      if (c === 0) continue;
      ll += c * (logBeta(g + 1, d + t - 1) - lb);
      if (grad !== null) {
        const psiS = digamma(g + d + t);
        gg += c * (digamma(g + 1) - psiS - psiG + psiGD);
        gd += c * (digamma(d + t - 1) - psiS - psiD + psiGD);
      }
    }
    if (remaining > 0) {
      ll += remaining * (logBeta(g, d + n) - lb);
      if (grad !== null) {
        const psiS = digamma(g + d + n);
        gg += remaining * (psiGD - psiS);
        gd += remaining * (digamma(d + n) - psiS - psiD + psiGD);
      }
    }
    if (grad !== null) {
      grad[0] = gg;
      grad[1] = gd;
    }
    return ll;
  };
  const grad = new Float64Array(2);
  const outcome = runFit(
    {
      names: NAMES,
      analyticGradient: true,
      observations: total,
      distinctRows: n + 1,
      start: [Math.log(start.gamma ?? 1), Math.log(start.delta ?? 1)],
      objective: (phi, gr) => {
        const g = Math.exp(phi[0] as number);
        const d = Math.exp(phi[1] as number);
        const ll = logLik(g, d, gr === null ? null : grad);
        if (gr !== null) {
          gr[0] = g * (-(grad[0] as number) / total + 2 * penalty * g);
          gr[1] = d * (-(grad[1] as number) / total + 2 * penalty * d);
        }
        return -ll / total + penalty * (g * g + d * d);
      },
    },
    options,
    'sBG',
  );
  const params = { gamma: Math.exp(outcome.logParams[0] as number), delta: Math.exp(outcome.logParams[1] as number) };
  const se = outcome.logStandardErrors;
  return {
    model: 'sbg',
    params,
    standardErrors: se === null ? null : { gamma: params.gamma * (se[0] as number), delta: params.delta * (se[1] as number) },
    report: { ...outcome.report, logLikelihood: logLik(params.gamma, params.delta, null) },
  };
}

function checkPeriod(t: number, what: string): void {
  if (!Number.isInteger(t) || t < 0) throw new JornadaError('INVALID_OPTION', `${what} must be an integer ≥ 0 (got ${t})`);
}

/**
 * Share of a cohort still active after t renewal opportunities: S(t) = B(γ, δ+t)/B(γ, δ) (FH 2007, eq. 7).
 *
 * @param model - The parameters.
 * @param t - Periods, an integer ≥ 0.
 * @returns A share in [0, 1]; S(0) = 1.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or t.
 *
 * @example
 * ```ts
 * const regular = { model: 'sbg', params: { gamma: 0.704, delta: 1.182 } } as const;
 * sbgSurvival(regular, 1); //=> ≈ 0.627 (0.631 observed, FH 2007 Table 1)
 * ```
 * @category Probabilistic CLV
 */
export function sbgSurvival(model: SbgModel, t: number): number {
  const { gamma, delta } = checkModel(model);
  checkPeriod(t, 't');
  if (t === 0) return 1;
  return Math.exp(logBeta(gamma, delta + t) - logBeta(gamma, delta));
}

/**
 * Probability that a customer cancels at exactly period t: P(T = t) = B(γ+1, δ+t−1)/B(γ, δ).
 *
 * @param model - The parameters.
 * @param t - Period, an integer ≥ 1.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or t.
 *
 * @example
 * ```ts
 * sbgChurnProbability({ model: 'sbg', params: { gamma: 1, delta: 1 } }, 1); //=> 0.5
 * ```
 * @category Probabilistic CLV
 */
export function sbgChurnProbability(model: SbgModel, t: number): number {
  const { gamma, delta } = checkModel(model);
  checkPeriod(t, 't');
  if (t === 0) throw new JornadaError('INVALID_OPTION', 't must be ≥ 1');
  return Math.exp(logBeta(gamma + 1, delta + t - 1) - logBeta(gamma, delta));
}

/**
 * Retention rate from period t − 1 to t among those still active: r(t) = (δ + t − 1)/(γ + δ + t − 1)
 * (FH 2007, eq. 8). It rises with t: the cohort sorts itself, high-churn customers leave first.
 *
 * @param model - The parameters.
 * @param t - Period, an integer ≥ 1.
 * @returns A rate in (0, 1).
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or t.
 *
 * @example
 * ```ts
 * sbgRetentionRate({ model: 'sbg', params: { gamma: 1, delta: 1 } }, 1); //=> 0.5
 * ```
 * @category Probabilistic CLV
 */
export function sbgRetentionRate(model: SbgModel, t: number): number {
  const { gamma, delta } = checkModel(model);
  checkPeriod(t, 't');
  if (t === 0) throw new JornadaError('INVALID_OPTION', 't must be ≥ 1');
  return (delta + t - 1) / (gamma + delta + t - 1);
}

/**
 * Expected number of periods a new customer stays, counting the first: E[T] = E[1/θ] = (γ + δ − 1)/(γ − 1)
 * for γ > 1 (the mean of the shifted beta-geometric distribution).
 *
 * @param model - The parameters.
 * @returns Expected lifetime in periods.
 * @throws {JornadaError} `NUMERIC` when γ ≤ 1 (the mean is infinite: use a discounted value instead).
 *
 * @example
 * ```ts
 * sbgExpectedLifetime({ model: 'sbg', params: { gamma: 2, delta: 3 } }); //=> 4
 * ```
 * @category Probabilistic CLV
 */
export function sbgExpectedLifetime(model: SbgModel): number {
  const { gamma, delta } = checkModel(model);
  if (!(gamma > 1)) throw new JornadaError('NUMERIC', `expected lifetime is infinite when gamma ≤ 1 (gamma = ${gamma})`, { details: { gamma } });
  return 1 + delta / (gamma - 1);
}

/**
 * Discounted expected residual lifetime of a customer who has made `renewals` renewals (is at the end of
 * period renewals + 1, about to decide): Σ_{k≥0} S(n+k)/S(n−1) / (1+d)^k with n = renewals + 1, in closed
 * form (δ+n−1)/(γ+δ+n−1) · ₂F₁(1, δ+n; γ+δ+n; 1/(1+d)) (Fader & Hardie 2010, "Customer-Base Valuation in
 * a Contractual Setting: The Perils of Ignoring Heterogeneity", *Marketing Science* 29(1), eq. 6).
 * Multiply by the margin per period to get the residual value.
 *
 * @param model - The parameters.
 * @param renewals - Renewals made so far, an integer ≥ 0.
 * @param discountRatePerPeriod - d > 0, per renewal period.
 * @returns Expected discounted number of future payments (the one about to be decided counts as k = 0).
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or a discount rate ≤ 0; `NUMERIC` if the series cannot be summed.
 *
 * @example
 * ```ts
 * // a customer who never churns (δ huge) is worth Σ (1.1)^−k = 11 periods at d = 10 %
 * sbgDiscountedResidualLifetime({ model: 'sbg', params: { gamma: 1e-9, delta: 1e9 } }, 0, 0.1); //=> ≈ 11
 * ```
 * @category Probabilistic CLV
 */
export function sbgDiscountedResidualLifetime(model: SbgModel, renewals: number, discountRatePerPeriod: number): number {
  const { gamma, delta } = checkModel(model);
  checkPeriod(renewals, 'renewals');
  if (!(Number.isFinite(discountRatePerPeriod) && discountRatePerPeriod > 0)) {
    throw new JornadaError('INVALID_OPTION', 'discountRatePerPeriod must be a finite number > 0');
  }
  const n = renewals + 1;
  const z = 1 / (1 + discountRatePerPeriod);
  const value = ((delta + n - 1) / (gamma + delta + n - 1)) * hypergeometric2F1(1, delta + n, gamma + delta + n, z);
  return finiteOrThrow(value, 'DERL');
}

/**
 * Options of {@link generateSbgCohort}.
 *
 * @category Probabilistic CLV
 */
export interface SbgCohortGeneratorOptions {
  /** Cohort size. */
  readonly customers: number;
  /** Renewal opportunities to simulate. */
  readonly periods: number;
  /** Seed of the generator. */
  readonly seed: number | string;
}

/**
 * Simulates a cohort under the sBG model, seeded: survivor counts after 0..periods renewal opportunities.
 *
 * @param params - True parameters.
 * @param options - Cohort size, number of periods and seed.
 * @returns `survivors[t]` for t = 0..periods.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or options.
 *
 * @example
 * ```ts
 * generateSbgCohort({ gamma: 0.7, delta: 1.2 }, { customers: 1000, periods: 7, seed: 1 })[0]; //=> 1000
 * ```
 * @category Probabilistic CLV
 */
export function generateSbgCohort(params: SbgParams, options: SbgCohortGeneratorOptions): number[] {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'sBG');
  const { customers, periods } = options;
  if (!Number.isInteger(customers) || customers < 0) throw new JornadaError('INVALID_OPTION', 'customers must be an integer ≥ 0');
  checkPeriod(periods, 'periods');
  const rng = createRandom(options.seed);
  const survivors = new Array<number>(periods + 1).fill(0);
  for (let i = 0; i < customers; i++) {
    const g = rng.gamma(params.gamma);
    const theta = g / (g + rng.gamma(params.delta));
    survivors[0] = (survivors[0] as number) + 1;
    for (let t = 1; t <= periods; t++) {
      if (rng.next() < theta) break;
      survivors[t] = (survivors[t] as number) + 1;
    }
  }
  return survivors;
}
