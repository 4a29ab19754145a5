/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", *JMR* 42(4), 415–430; Fader & Hardie 2013, "The
 * Gamma-Gamma Model of Monetary Value", note 025): each transaction value is Gamma(p, ν) around the
 * customer's mean p/ν, and ν ~ Gamma(q, γ) across customers, independent of the purchase process.
 *
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import { digamma, logGamma } from '../../core/special.js';
import {
  checkPositiveParams,
  compactSummaries,
  finiteOrThrow,
  runFit,
  type ClvFitOptions,
  type ClvFitReport,
  type ClvSpendInput,
  type ClvSpendRow,
} from './common.js';

/**
 * Parameters of the Gamma-Gamma spend model. `gamma` is in the currency's unit.
 *
 * @category Probabilistic CLV
 */
export interface GammaGammaParams {
  /** Shape of the Gamma distribution of one transaction's value. */
  readonly p: number;
  /** Shape of the Gamma distribution of the rate ν across customers. */
  readonly q: number;
  /** Scale of that distribution, in money (`v` in `lifetimes`). */
  readonly gamma: number;
}

/**
 * A Gamma-Gamma model. A {@link GammaGammaFit} is one; a model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface GammaGammaModel {
  /** Discriminator. */
  readonly model: 'gamma-gamma';
  /** The parameters. */
  readonly params: GammaGammaParams;
}

/**
 * A fitted Gamma-Gamma model.
 *
 * @category Probabilistic CLV
 */
export interface GammaGammaFit extends GammaGammaModel {
  /** Asymptotic standard errors, or `null` if the Hessian is singular. */
  readonly standardErrors: GammaGammaParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitGammaGamma}.
 *
 * @category Probabilistic CLV
 */
export interface GammaGammaFitOptions extends ClvFitOptions {
  /** Starting values (default p = q = 1, γ = the mean spend). */
  readonly start?: Partial<GammaGammaParams>;
}

const NAMES = ['p', 'q', 'gamma'] as const;

/**
 * Fits the Gamma-Gamma model by maximum likelihood on (x, mean repeat-purchase value) of the customers
 * with at least one repeat purchase; rows with frequency 0 are skipped (they carry no spend). Spend is
 * rescaled internally; the gradient is analytic (digamma).
 *
 * @param summaries - Rows `{ frequency, monetaryValue, weight? }` or columns (recency and T, if present, are ignored).
 * @param options - L2 penalty, tolerances, starting values.
 * @returns Parameters, standard errors and the fit report (log-likelihood of the mean values in the currency's unit).
 * @throws {JornadaError} `INVALID_INPUT` for a bad row or a non-positive monetary value of a repeat
 *   buyer, `EMPTY_INPUT` without repeat buyers, `NOT_CONVERGED` when the optimiser fails.
 *
 * @example
 * ```ts
 * // the 946 repeat buyers of the CDNOW sample (note 025)
 * fitGammaGamma(cdnowWithSpend).params; //=> { p: 6.25, q: 3.74, gamma: 15.44 } (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function fitGammaGamma(summaries: ClvSpendInput, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const data = compactSummaries(summaries, { unit: null, monetary: true, spendOnly: true });
  // Keep repeat buyers only.
  const idx: number[] = [];
  let total = 0;
  let spend = 0;
  for (let i = 0; i < data.n; i++) {
    if ((data.x[i] as number) > 0) {
      idx.push(i);
      total += data.w[i] as number;
      spend += (data.w[i] as number) * ((data.m as Float64Array)[i] as number);
    }
  }
  if (idx.length === 0 || total === 0) throw new JornadaError('EMPTY_INPUT', 'Gamma-Gamma needs customers with at least one repeat purchase');
  const n = idx.length;
  const xs = new Float64Array(n);
  const ms = new Float64Array(n);
  const ws = new Float64Array(n);
  const scale = spend / total;
  let lnScaleSum = 0;
  for (let k = 0; k < n; k++) {
    const i = idx[k] as number;
    xs[k] = data.x[i] as number;
    ms[k] = ((data.m as Float64Array)[i] as number) / scale;
    ws[k] = data.w[i] as number;
    lnScaleSum += ws[k] as number;
  }
  const penalty = options.l2Penalty ?? 0;
  const start = options.start ?? {};
  if (Object.values(start).some((v) => !(typeof v === 'number' && v > 0 && Number.isFinite(v)))) {
    throw new JornadaError('INVALID_OPTION', 'start values must be finite numbers > 0');
  }
  const logLik = (p: number, q: number, g: number, grad: Float64Array | null): number => {
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    const lgq = logGamma(q);
    const lng = Math.log(g);
    const psiQ = grad === null ? 0 : digamma(q);
    for (let k = 0; k < n; k++) {
      const x = xs[k] as number;
      const m = ms[k] as number;
      const w = ws[k] as number;
      const px = p * x;
      const lx = Math.log(x);
      const lm = Math.log(m);
      const lgxm = Math.log(g + x * m);
      ll += w * (logGamma(px + q) - logGamma(px) - lgq + q * lng + px * lx + (px - 1) * lm - (px + q) * lgxm);
      if (grad !== null) {
        const psiPQ = digamma(px + q);
        gp += w * x * (psiPQ - digamma(px) + lx + lm - lgxm);
        gq += w * (psiPQ - psiQ + lng - lgxm);
        gg += w * (q / g - (px + q) / (g + x * m));
      }
    }
    if (grad !== null) {
      grad[0] = gp;
      grad[1] = gq;
      grad[2] = gg;
    }
    return ll;
  };
  const grad = new Float64Array(3);
  const outcome = runFit(
    {
      names: NAMES,
      analyticGradient: true,
      observations: total,
      distinctRows: n,
      start: [Math.log(start.p ?? 1), Math.log(start.q ?? 1), Math.log((start.gamma ?? scale) / scale)],
      objective: (phi, g) => {
        const p = Math.exp(phi[0] as number);
        const q = Math.exp(phi[1] as number);
        const gm = Math.exp(phi[2] as number);
        const ll = logLik(p, q, gm, g === null ? null : grad);
        const gNat = gm * scale;
        const value = -ll / total + penalty * (p * p + q * q + gNat * gNat);
        if (g !== null) {
          g[0] = p * (-(grad[0] as number) / total + 2 * penalty * p);
          g[1] = q * (-(grad[1] as number) / total + 2 * penalty * q);
          g[2] = gm * (-(grad[2] as number) / total) + 2 * penalty * gNat * gNat;
        }
        return value;
      },
    },
    options,
    'Gamma-Gamma',
  );
  const [lp, lq, lg] = outcome.logParams;
  const params: GammaGammaParams = { p: Math.exp(lp as number), q: Math.exp(lq as number), gamma: Math.exp(lg as number) * scale };
  const se = outcome.logStandardErrors;
  // Density of the mean value in the currency's unit: each row's density picks up 1/scale.
  const ll = logLik(params.p, params.q, params.gamma / scale, null) - lnScaleSum * Math.log(scale);
  return {
    model: 'gamma-gamma',
    params,
    standardErrors: se === null ? null : { p: params.p * (se[0] as number), q: params.q * (se[1] as number), gamma: params.gamma * (se[2] as number) },
    report: { ...outcome.report, logLikelihood: ll },
  };
}

/**
 * Expected value of one future transaction of a customer with x repeat purchases of mean value m̄
 * (FHL 2005 "RFM and CLV", eq. 5; note 025): (γ + x·m̄)·p / (p·x + q − 1), a weighted average of
 * the population mean p·γ/(q − 1) and the customer's own mean. For x = 0 it is the population mean.
 *
 * @param model - The parameters.
 * @param customer - `{ frequency, monetaryValue }` (monetaryValue ignored when frequency is 0).
 * @returns Expected spend per transaction, in the currency's unit.
 * @throws {JornadaError} `NUMERIC` when p·x + q ≤ 1 (q ≤ 1 and no purchases: the population mean is
 *   infinite); `INVALID_INPUT` for a bad customer; `INVALID_OPTION` for bad parameters.
 *
 * @example
 * ```ts
 * const gg = { model: 'gamma-gamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * gammaGammaExpectedSpend(gg, { frequency: 0 }); //=> 35.22 (= 6.25·15.44/2.74)
 * ```
 * @category Probabilistic CLV
 */
export function gammaGammaExpectedSpend(model: GammaGammaModel, customer: ClvSpendRow): number {
  if (typeof model !== 'object' || model === null) throw new JornadaError('INVALID_OPTION', 'a Gamma-Gamma model is required');
  checkPositiveParams(model.params as unknown as Record<string, number>, NAMES, 'Gamma-Gamma');
  const { p, q, gamma } = model.params;
  const x = customer?.frequency;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) {
    throw new JornadaError('INVALID_INPUT', 'frequency must be an integer ≥ 0', { issues: [{ path: ['frequency'], message: 'frequency must be an integer ≥ 0' }] });
  }
  const m = x === 0 ? 0 : customer.monetaryValue;
  if (typeof m !== 'number' || !Number.isFinite(m) || m < 0) {
    throw new JornadaError('INVALID_INPUT', 'monetaryValue must be a finite number ≥ 0', { issues: [{ path: ['monetaryValue'], message: 'monetaryValue must be a finite number ≥ 0' }] });
  }
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new JornadaError('NUMERIC', `expected spend is infinite when p·x + q ≤ 1 (q = ${q}, x = ${x})`, { details: { p, q, x } });
  }
  return finiteOrThrow(((gamma + x * m) * p) / denominator, 'expected spend');
}

/**
 * Simulated spend summaries.
 *
 * @category Probabilistic CLV
 */
export interface GammaGammaSimulatedSpend {
  /** x of each simulated customer. */
  readonly frequency: Float64Array;
  /** Mean value of its x purchases (0 when x = 0). */
  readonly monetaryValue: Float64Array;
}

/**
 * Simulates (x, mean value) from the Gamma-Gamma model for given purchase counts, seeded.
 *
 * @param params - True parameters.
 * @param frequencies - Repeat purchases of each customer (integers ≥ 1 produce a mean value; 0 gives 0).
 * @param seed - Seed of the generator.
 * @returns Columns `{ frequency, monetaryValue }`.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or counts.
 *
 * @example
 * ```ts
 * generateGammaGammaSpend({ p: 6, q: 4, gamma: 15 }, [1, 3], 7).monetaryValue.length; //=> 2
 * ```
 * @category Probabilistic CLV
 */
export function generateGammaGammaSpend(
  params: GammaGammaParams,
  frequencies: ArrayLike<number>,
  seed: number | string,
): GammaGammaSimulatedSpend {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'Gamma-Gamma');
  const rng = createRandom(seed);
  const n = frequencies.length;
  const frequency = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = frequencies[i] as number;
    if (!Number.isInteger(x) || x < 0) throw new JornadaError('INVALID_OPTION', `frequencies[${i}] must be an integer ≥ 0`);
    frequency[i] = x;
    if (x === 0) continue;
    const nu = rng.gamma(params.q) / params.gamma;
    let sum = 0;
    for (let k = 0; k < x; k++) sum += rng.gamma(params.p) / nu;
    monetaryValue[i] = sum / x;
  }
  return { frequency, monetaryValue };
}
