/**
 * Shared machinery of the BG/NBD and MBG/NBD models, which differ only in where a customer may drop
 * out (after each repeat purchase, or also at time 0): the prepared summaries their likelihoods read,
 * the fit in log-parameters with rescaled time, the conditional-expectation curve and the simulator.
 * Each model keeps its own formulas (likelihood, P(alive), count probabilities) in its file.
 *
 * @internal
 * @module
 */
import { JornadaError } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import {
  betaMixtureExpectedPurchases,
  checkStartValues,
  checkUnit,
  compactSummaries,
  finiteOrThrow,
  naturalStandardErrors,
  runFit,
  type ClvFitOptions,
  type ClvFitReport,
  type ClvSummaryInput,
  type ClvTimeUnit,
  type CompactSummaries,
} from './common.js';

/**
 * Parameters shared by the BG/NBD and MBG/NBD models (α in the model's time unit).
 *
 * @internal
 */
export interface BgFamilyParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Summaries prepared for the BG-type likelihoods: time rescaled, distinct x values grouped.
 *
 * @internal
 */
export interface PreparedBgSummaries {
  readonly data: CompactSummaries;
  readonly scale: number;
  readonly xIndex: Int32Array;
  readonly xValues: Float64Array;
  readonly xWeights: Float64Array;
  /** Distinct rescaled time values (T and t_x of every row): their logarithms are shared. */
  readonly times: Float64Array;
  /** Index of each row's T in `times`. */
  readonly tIndex: Int32Array;
  /** Index of each row's t_x in `times`. */
  readonly txIndex: Int32Array;
  /** Scratch: ln(α + time) per distinct time. */
  readonly lnTimes: Float64Array;
  /** Scratch: 1/(α + time) per distinct time. */
  readonly invTimes: Float64Array;
  readonly sumWX: number;
}

/**
 * Rescales time so the longest T is 10 and groups the distinct x values.
 *
 * @internal
 * @param data - Collapsed summaries.
 * @returns The prepared arrays and the scale.
 */
export function prepareBgSummaries(data: CompactSummaries): PreparedBgSummaries {
  let maxT = 0;
  for (let i = 0; i < data.n; i++) maxT = Math.max(maxT, data.T[i] as number);
  if (!(maxT > 0)) throw new JornadaError('EMPTY_INPUT', 'every customer has T = 0: there is no observation time to fit');
  const scale = maxT / 10;
  const map = new Map<number, number>();
  const xIndex = new Int32Array(data.n);
  const values: number[] = [];
  const weights: number[] = [];
  const timeMap = new Map<number, number>();
  const times: number[] = [];
  const tIndex = new Int32Array(data.n);
  const txIndex = new Int32Array(data.n);
  const indexOf = (v: number): number => {
    let k = timeMap.get(v);
    if (k === undefined) {
      k = times.length;
      timeMap.set(v, k);
      times.push(v / scale);
    }
    return k;
  };
  let sumWX = 0;
  for (let i = 0; i < data.n; i++) {
    const x = data.x[i] as number;
    let k = map.get(x);
    if (k === undefined) {
      k = values.length;
      map.set(x, k);
      values.push(x);
      weights.push(0);
    }
    xIndex[i] = k;
    weights[k] = (weights[k] as number) + (data.w[i] as number);
    tIndex[i] = indexOf(data.T[i] as number);
    txIndex[i] = indexOf(data.tx[i] as number);
    sumWX += (data.w[i] as number) * x;
  }
  return {
    data,
    scale,
    xIndex,
    xValues: Float64Array.from(values),
    xWeights: Float64Array.from(weights),
    times: Float64Array.from(times),
    tIndex,
    txIndex,
    lnTimes: new Float64Array(times.length),
    invTimes: new Float64Array(times.length),
    sumWX,
  };
}

/**
 * A BG-family log-likelihood over prepared rows (time rescaled), filling `grad` with its gradient in
 * the natural parameters when it is not null.
 *
 * @internal
 */
export type BgFamilyLogLikelihood = (
  prep: PreparedBgSummaries,
  r: number,
  alpha: number,
  a: number,
  b: number,
  grad: Float64Array | null,
) => number;

/**
 * Fits a BG-family model by maximum likelihood: identical rows collapsed, time rescaled so the longest
 * T is 10, log-parameters, analytic gradient with an optional L2 penalty on the natural parameters.
 *
 * @internal
 * @param summaries - Rows or columns in `options.unit`.
 * @param options - Unit, penalty, tolerances, starting values.
 * @param label - Model name for messages, e.g. `'BG/NBD'`.
 * @param logLikelihood - The model's log-likelihood.
 * @returns Unit, parameters in that unit, standard errors and the report (log-likelihood in that unit).
 * @throws {JornadaError} As the model's fit function documents.
 */
export function fitBgFamily(
  summaries: ClvSummaryInput,
  options: ClvFitOptions & { readonly unit: ClvTimeUnit; readonly start?: Partial<BgFamilyParams> },
  label: string,
  logLikelihood: BgFamilyLogLikelihood,
): { unit: ClvTimeUnit; params: BgFamilyParams; standardErrors: BgFamilyParams | null; report: ClvFitReport } {
  const unit = checkUnit(options?.unit, 'options.unit');
  const data = compactSummaries(summaries, { unit, monetary: false });
  const prep = prepareBgSummaries(data);
  const penalty = options.l2Penalty ?? 0;
  const total = data.totalWeight;
  const scale = prep.scale;
  const grad = new Float64Array(4);
  const start = options.start ?? {};
  checkStartValues(start);
  const outcome = runFit(
    {
      names: NAMES,
      analyticGradient: true,
      observations: total,
      distinctRows: data.n,
      start: [Math.log(start.r ?? 1), Math.log((start.alpha ?? scale) / scale), Math.log(start.a ?? 1), Math.log(start.b ?? 1)],
      objective: (phi, g) => {
        const r = Math.exp(phi[0] as number);
        const al = Math.exp(phi[1] as number);
        const a = Math.exp(phi[2] as number);
        const b = Math.exp(phi[3] as number);
        const ll = logLikelihood(prep, r, al, a, b, g === null ? null : grad);
        const alNatural = al * scale;
        if (g !== null) {
          // Chain rule to log-parameters: ∂/∂φ = θ ∂/∂θ.
          g[0] = r * (-(grad[0] as number) / total + 2 * penalty * r);
          g[1] = al * (-(grad[1] as number) / total) + 2 * penalty * alNatural * alNatural;
          g[2] = a * (-(grad[2] as number) / total + 2 * penalty * a);
          g[3] = b * (-(grad[3] as number) / total + 2 * penalty * b);
        }
        return -ll / total + penalty * (r * r + alNatural * alNatural + a * a + b * b);
      },
    },
    options,
    label,
  );
  const [lr, lal, la, lb] = outcome.logParams;
  const params: BgFamilyParams = { r: Math.exp(lr as number), alpha: Math.exp(lal as number) * scale, a: Math.exp(la as number), b: Math.exp(lb as number) };
  const logLik = logLikelihood(prep, params.r, params.alpha / scale, params.a, params.b, null) - prep.sumWX * Math.log(scale);
  return {
    unit,
    params,
    standardErrors: naturalStandardErrors(params, outcome.logStandardErrors, NAMES),
    report: { ...outcome.report, logLikelihood: logLik },
  };
}

/**
 * Log-likelihood of summaries in the model's unit under given parameters (time rescaled for the
 * computation, then the Jacobian term −Σ w·x·ln(scale) restores the unit).
 *
 * @internal
 * @param params - Checked parameters.
 * @param unit - The model's unit.
 * @param summaries - Rows or columns.
 * @param logLikelihood - The model's log-likelihood.
 * @returns The log-likelihood.
 */
export function bgFamilyLogLikelihood(params: BgFamilyParams, unit: ClvTimeUnit, summaries: ClvSummaryInput, logLikelihood: BgFamilyLogLikelihood): number {
  const prep = prepareBgSummaries(compactSummaries(summaries, { unit, monetary: false }));
  return logLikelihood(prep, params.r, params.alpha / prep.scale, params.a, params.b, null) - prep.sumWX * Math.log(prep.scale);
}

/**
 * Conditional expected purchases after T for several windows: P(alive) times the posterior
 * Beta(a, bPosterior) mixture of (1 − ((α+T)/(α+T+pt))^(r+x))/p.
 *
 * @internal
 * @param params - Parameters.
 * @param alive - P(alive at T).
 * @param x - Repeat purchases.
 * @param T - Observation length.
 * @param bPosterior - Second posterior Beta shape (b + x for BG/NBD, b + x + 1 for MBG/NBD).
 * @param ts - Window lengths.
 * @returns One expectation per window.
 */
export function bgFamilyConditionalCurve(params: BgFamilyParams, alive: number, x: number, T: number, bPosterior: number, ts: readonly number[]): number[] {
  const { r, alpha, a } = params;
  const ks = ts.map((t) => t / (alpha + T));
  return betaMixtureExpectedPurchases(a, bPosterior, r + x, ks).map((v, i) => ((ts[i] as number) === 0 ? 0 : finiteOrThrow(alive * v, 'E[Y(t)]')));
}

/**
 * Simulates BG-family customers with exact purchase times: a Gamma(r, α) rate, a Beta(a, b) dropout
 * probability tried after each purchase and, for MBG/NBD, also at time 0.
 *
 * @internal
 * @param params - Checked parameters.
 * @param customers - Number of customers.
 * @param getT - T of customer i.
 * @param seed - Seed.
 * @param dropoutAtStart - Whether a customer may drop out before the first purchase.
 * @returns Columns of Float64Arrays.
 */
export function simulateBgFamily(
  params: BgFamilyParams,
  customers: number,
  getT: (i: number) => number,
  seed: number | string,
  dropoutAtStart: boolean,
): { frequency: Float64Array; recency: Float64Array; T: Float64Array } {
  const n = customers;
  const rng = createRandom(seed);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const Tcol = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = getT(i);
    const lambda = rng.gamma(params.r) / params.alpha;
    const g1 = rng.gamma(params.a);
    const p = g1 / (g1 + rng.gamma(params.b));
    let time = 0;
    let x = 0;
    let last = 0;
    if (!(dropoutAtStart && rng.next() < p)) {
      for (;;) {
        time += rng.exponential(1 / lambda);
        if (!(time <= T)) break;
        x++;
        last = time;
        if (rng.next() < p) break;
      }
    }
    frequency[i] = x;
    recency[i] = last;
    Tcol[i] = T;
  }
  return { frequency, recency, T: Tcol };
}
