/**
 * The BG/BB model for discrete purchase opportunities (Fader, Hardie & Shang 2010, "Customer-Base
 * Analysis in a Discrete-Time Noncontractual Setting", *Marketing Science* 29(6), 1086–1108): at each
 * opportunity an alive customer transacts with probability p ~ Beta(α, β), then dies with probability
 * θ ~ Beta(γ, δ). Data are (x, t_x, n) patterns: transactions, the opportunity of the last one, and the
 * number of opportunities.
 *
 * @module
 */
import { JornadaError, type JornadaIssue } from '../../core/errors.js';
import { createRandom } from '../../core/random.js';
import { logBeta, logGamma, logSumExp } from '../../core/special.js';
import { checkPositiveParams, finiteOrThrow, runFit, type ClvFitOptions, type ClvFitReport } from './common.js';

/**
 * One pattern of a BG/BB data set: what `lifetimes`' `donations.csv` holds per row.
 *
 * @category Probabilistic CLV
 */
export interface BgBbPattern {
  /** x: opportunities with a transaction (an integer 0..periods). */
  readonly frequency: number;
  /** t_x: the opportunity (1..periods) of the last transaction; 0 when x = 0. */
  readonly recency: number;
  /** n: number of opportunities observed. */
  readonly periods: number;
  /** Customers with this pattern (default 1). */
  readonly weight?: number;
}

/**
 * Parameters of the BG/BB model.
 *
 * @category Probabilistic CLV
 */
export interface BgBbParams {
  /** First shape of the Beta distribution of transaction probabilities p. */
  readonly alpha: number;
  /** Second shape of the Beta distribution of transaction probabilities p. */
  readonly beta: number;
  /** First shape of the Beta distribution of dropout probabilities θ. */
  readonly gamma: number;
  /** Second shape of the Beta distribution of dropout probabilities θ. */
  readonly delta: number;
}

/**
 * A BG/BB model. A {@link BgBbFit} is one; a model with published parameters can be written by hand.
 *
 * @category Probabilistic CLV
 */
export interface BgBbModel {
  /** Discriminator. */
  readonly model: 'bg-bb';
  /** The parameters. */
  readonly params: BgBbParams;
}

/**
 * A fitted BG/BB model.
 *
 * @category Probabilistic CLV
 */
export interface BgBbFit extends BgBbModel {
  /** Asymptotic standard errors, or `null` if the Hessian is singular. */
  readonly standardErrors: BgBbParams | null;
  /** How the fit went. */
  readonly report: ClvFitReport;
}

/**
 * Options of {@link fitBgBb}.
 *
 * @category Probabilistic CLV
 */
export interface BgBbFitOptions extends ClvFitOptions {
  /** Starting values (default all 1). */
  readonly start?: Partial<BgBbParams>;
}

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

function patternIssues(p: BgBbPattern, path: (string | number)[]): JornadaIssue[] {
  const issues: JornadaIssue[] = [];
  if (typeof p !== 'object' || p === null) return [{ path, message: 'not an object' }];
  const { frequency: x, recency: tx, periods: n, weight: w } = p;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) issues.push({ path: [...path, 'periods'], message: 'periods must be an integer ≥ 1' });
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || (typeof n === 'number' && x > n)) issues.push({ path: [...path, 'frequency'], message: 'frequency must be an integer in 0..periods' });
  if (typeof tx !== 'number' || !Number.isInteger(tx) || tx < 0 || (typeof n === 'number' && tx > n) || (typeof x === 'number' && (x === 0 ? tx !== 0 : tx < x))) {
    issues.push({ path: [...path, 'recency'], message: 'recency must be an integer with x ≤ recency ≤ periods (0 when frequency is 0)' });
  }
  if (w !== undefined && !(typeof w === 'number' && Number.isFinite(w) && w >= 0)) issues.push({ path: [...path, 'weight'], message: 'weight must be a finite number ≥ 0' });
  return issues;
}

function readPatterns(patterns: Iterable<BgBbPattern>): BgBbPattern[] {
  if (typeof patterns !== 'object' || patterns === null || !(Symbol.iterator in patterns)) {
    throw new JornadaError('INVALID_INPUT', 'patterns must be an iterable', { issues: [{ path: [], message: 'not iterable' }] });
  }
  const rows = [...patterns];
  rows.forEach((p, i) => {
    const issues = patternIssues(p, [i]);
    if (issues.length > 0) throw new JornadaError('INVALID_INPUT', `Invalid pattern at ${i}: ${issues[0]?.message ?? ''}`, { issues });
  });
  return rows;
}

/** ln L of one pattern (FHS 2010, eq. 5), every term in logs. */
function logLikelihoodOne(p: BgBbParams, x: number, tx: number, n: number, lbAB: number, lbGD: number, scratch: Float64Array): number {
  const { alpha, beta, gamma, delta } = p;
  let k = 0;
  scratch[k++] = logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  for (let i = 0; i <= n - tx - 1; i++) {
    scratch[k++] = logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD;
  }
  return logSumExp(scratch, k);
}

/**
 * Fits the BG/BB model by maximum likelihood on (x, t_x, n) patterns with weights (identical patterns
 * are collapsed first); parameters in log space, gradient by central differences.
 *
 * @param patterns - Rows `{ frequency, recency, periods, weight? }` (e.g. `donations.csv`).
 * @param options - L2 penalty, tolerances, starting values.
 * @returns Parameters, standard errors and the fit report.
 * @throws {JornadaError} `INVALID_INPUT` for a bad pattern (the path names it), `EMPTY_INPUT` without
 *   customers, `NOT_CONVERGED` when the optimiser fails.
 *
 * @example
 * ```ts
 * // 11,104 donors, 6 opportunities (FHS 2010)
 * fitBgBb(donations).params; //=> { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 } (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function fitBgBb(patterns: Iterable<BgBbPattern>, options: BgBbFitOptions = {}): BgBbFit {
  // Collapse identical (x, t_x, n) patterns into weights.
  const byKey = new Map<string, { frequency: number; recency: number; periods: number; weight: number }>();
  for (const r of readPatterns(patterns)) {
    const w = r.weight ?? 1;
    if (w === 0) continue;
    const key = `${r.frequency},${r.recency},${r.periods}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { frequency: r.frequency, recency: r.recency, periods: r.periods, weight: w });
    else seen.weight += w;
  }
  const rows = [...byKey.values()];
  let total = 0;
  let maxN = 0;
  for (const r of rows) {
    total += r.weight ?? 1;
    maxN = Math.max(maxN, r.periods);
  }
  if (rows.length === 0 || total === 0) throw new JornadaError('EMPTY_INPUT', 'no customers to fit');
  const scratch = new Float64Array(maxN + 2);
  const logLik = (p: BgBbParams): number => {
    const lbAB = logBeta(p.alpha, p.beta);
    const lbGD = logBeta(p.gamma, p.delta);
    let ll = 0;
    for (const r of rows) ll += (r.weight ?? 1) * logLikelihoodOne(p, r.frequency, r.recency, r.periods, lbAB, lbGD, scratch);
    return ll;
  };
  const start = options.start ?? {};
  if (Object.values(start).some((v) => !(typeof v === 'number' && v > 0 && Number.isFinite(v)))) {
    throw new JornadaError('INVALID_OPTION', 'start values must be finite numbers > 0');
  }
  const penalty = options.l2Penalty ?? 0;
  const toParams = (phi: ArrayLike<number>): BgBbParams => ({
    alpha: Math.exp(phi[0] as number),
    beta: Math.exp(phi[1] as number),
    gamma: Math.exp(phi[2] as number),
    delta: Math.exp(phi[3] as number),
  });
  const outcome = runFit(
    {
      names: NAMES,
      analyticGradient: false,
      observations: total,
      distinctRows: rows.length,
      start: [Math.log(start.alpha ?? 1), Math.log(start.beta ?? 1), Math.log(start.gamma ?? 1), Math.log(start.delta ?? 1)],
      objective: (phi) => {
        const p = toParams(phi);
        return -logLik(p) / total + penalty * (p.alpha ** 2 + p.beta ** 2 + p.gamma ** 2 + p.delta ** 2);
      },
    },
    options,
    'BG/BB',
  );
  const params = toParams(outcome.logParams);
  const se = outcome.logStandardErrors;
  return {
    model: 'bg-bb',
    params,
    standardErrors:
      se === null
        ? null
        : { alpha: params.alpha * (se[0] as number), beta: params.beta * (se[1] as number), gamma: params.gamma * (se[2] as number), delta: params.delta * (se[3] as number) },
    report: { ...outcome.report, logLikelihood: logLik(params) },
  };
}

function checkModel(model: BgBbModel): BgBbParams {
  if (typeof model !== 'object' || model === null) throw new JornadaError('INVALID_OPTION', 'a BG/BB model is required');
  checkPositiveParams(model.params as unknown as Record<string, number>, NAMES, 'BG/BB');
  return model.params;
}

function readPattern(pattern: BgBbPattern): { x: number; tx: number; n: number } {
  const issues = patternIssues(pattern, []);
  if (issues.length > 0) throw new JornadaError('INVALID_INPUT', `Invalid pattern: ${issues[0]?.message ?? ''}`, { issues });
  return { x: pattern.frequency, tx: pattern.recency, n: pattern.periods };
}

function checkCount(v: number, what: string, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new JornadaError('INVALID_OPTION', `${what} must be an integer ≥ ${min} (got ${v})`);
}

/**
 * Probability that a customer with pattern (x, t_x, n) is alive at opportunity n + 1 (FHS 2010, eq. 11).
 *
 * @param model - The parameters.
 * @param pattern - `{ frequency, recency, periods }`.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_INPUT` for a bad pattern; `INVALID_OPTION` for bad parameters.
 *
 * @example
 * ```ts
 * bgBbProbabilityAlive(donationsFit, { frequency: 6, recency: 6, periods: 6 }); //=> 0.930 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function bgBbProbabilityAlive(model: BgBbModel, pattern: BgBbPattern): number {
  const p = checkModel(model);
  const { x, tx, n } = readPattern(pattern);
  const lbAB = logBeta(p.alpha, p.beta);
  const lbGD = logBeta(p.gamma, p.delta);
  const ll = logLikelihoodOne(p, x, tx, n, lbAB, lbGD, new Float64Array(n + 2));
  const num = logBeta(p.alpha + x, p.beta + n - x) - lbAB + logBeta(p.gamma, p.delta + n + 1) - lbGD;
  return Math.min(1, Math.exp(num - ll));
}

/**
 * Expected transactions in the next `futurePeriods` opportunities of a customer with pattern
 * (x, t_x, n) (FHS 2010, eq. 13), summed term by term: (1/L) · B(α+x+1, β+n−x)/B(α, β) ·
 * Σ_{k=1..n*} B(γ, δ+n+k)/B(γ, δ), which stays finite at γ = 1 where the closed form divides by γ − 1.
 *
 * @param model - The parameters.
 * @param pattern - `{ frequency, recency, periods }`.
 * @param futurePeriods - n*, an integer ≥ 0.
 * @returns Expected transactions, ≥ 0.
 * @throws {JornadaError} `INVALID_INPUT` for a bad pattern; `INVALID_OPTION` for bad parameters or n*.
 *
 * @example
 * ```ts
 * bgBbConditionalExpectedPurchases(donationsFit, { frequency: 6, recency: 6, periods: 6 }, 5); //=> 3.753 (rounded)
 * ```
 * @category Probabilistic CLV
 */
export function bgBbConditionalExpectedPurchases(model: BgBbModel, pattern: BgBbPattern, futurePeriods: number): number {
  const p = checkModel(model);
  const { x, tx, n } = readPattern(pattern);
  checkCount(futurePeriods, 'futurePeriods', 0);
  const lbAB = logBeta(p.alpha, p.beta);
  const lbGD = logBeta(p.gamma, p.delta);
  const ll = logLikelihoodOne(p, x, tx, n, lbAB, lbGD, new Float64Array(n + 2));
  const head = logBeta(p.alpha + x + 1, p.beta + n - x) - lbAB - ll;
  let sum = 0;
  for (let k = 1; k <= futurePeriods; k++) sum += Math.exp(head + logBeta(p.gamma, p.delta + n + k) - lbGD);
  return finiteOrThrow(sum, 'expected transactions');
}

/**
 * Expected transactions of a new customer in the first n opportunities: α/(α+β) · Σ_{k=1..n} S(k),
 * S(k) = B(γ, δ+k)/B(γ, δ) (FHS 2010, eq. 9, as a finite sum).
 *
 * @param model - The parameters.
 * @param periods - n, an integer ≥ 0.
 * @returns Expected transactions.
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or n.
 *
 * @example
 * ```ts
 * bgBbExpectedPurchases({ model: 'bg-bb', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } }, 1); //=> 0.25
 * ```
 * @category Probabilistic CLV
 */
export function bgBbExpectedPurchases(model: BgBbModel, periods: number): number {
  const p = checkModel(model);
  checkCount(periods, 'periods', 0);
  const lbGD = logBeta(p.gamma, p.delta);
  let sum = 0;
  for (let k = 1; k <= periods; k++) sum += Math.exp(logBeta(p.gamma, p.delta + k) - lbGD);
  return (p.alpha / (p.alpha + p.beta)) * sum;
}

/**
 * Probability that a new customer makes exactly x transactions in n opportunities (FHS 2010, eq. 7).
 *
 * @param model - The parameters.
 * @param x - Transactions, an integer 0..n.
 * @param periods - n, an integer ≥ 1.
 * @returns A probability in [0, 1].
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters, x or n.
 *
 * @example
 * ```ts
 * bgBbPurchaseCountProbability({ model: 'bg-bb', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } }, 0, 1); //=> 0.75
 * ```
 * @category Probabilistic CLV
 */
export function bgBbPurchaseCountProbability(model: BgBbModel, x: number, periods: number): number {
  const p = checkModel(model);
  checkCount(periods, 'periods', 1);
  checkCount(x, 'x', 0);
  if (x > periods) return 0;
  const n = periods;
  const lbAB = logBeta(p.alpha, p.beta);
  const lbGD = logBeta(p.gamma, p.delta);
  const lchoose = (a: number, b: number): number => logGamma(a + 1) - logGamma(b + 1) - logGamma(a - b + 1);
  const terms = new Float64Array(n + 1);
  let k = 0;
  terms[k++] = lchoose(n, x) + logBeta(p.alpha + x, p.beta + n - x) - lbAB + logBeta(p.gamma, p.delta + n) - lbGD;
  for (let i = x; i <= n - 1; i++) {
    terms[k++] = lchoose(i, x) + logBeta(p.alpha + x, p.beta + i - x) - lbAB + logBeta(p.gamma + 1, p.delta + i) - lbGD;
  }
  return Math.min(1, Math.exp(logSumExp(terms, k)));
}

/**
 * Options of {@link generateBgBbPatterns}.
 *
 * @category Probabilistic CLV
 */
export interface BgBbGeneratorOptions {
  /** Number of customers. */
  readonly customers: number;
  /** Opportunities n observed for each. */
  readonly periods: number;
  /** Seed of the generator. */
  readonly seed: number | string;
}

/**
 * Simulates BG/BB patterns, seeded: for each customer, p and θ from their Beta distributions, then
 * n opportunities of "transact with p, then die with θ".
 *
 * @param params - True parameters.
 * @param options - Customers, opportunities and seed.
 * @returns One pattern per customer (weights 1).
 * @throws {JornadaError} `INVALID_OPTION` for bad parameters or options.
 *
 * @example
 * ```ts
 * generateBgBbPatterns({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, { customers: 2, periods: 6, seed: 1 }).length; //=> 2
 * ```
 * @category Probabilistic CLV
 */
export function generateBgBbPatterns(
  params: BgBbParams,
  options: BgBbGeneratorOptions,
): BgBbPattern[] {
  checkPositiveParams(params as unknown as Record<string, number>, NAMES, 'BG/BB');
  checkCount(options.customers, 'customers', 0);
  checkCount(options.periods, 'periods', 1);
  const rng = createRandom(options.seed);
  const out: BgBbPattern[] = [];
  for (let c = 0; c < options.customers; c++) {
    const g1 = rng.gamma(params.alpha);
    const p = g1 / (g1 + rng.gamma(params.beta));
    const g2 = rng.gamma(params.gamma);
    const theta = g2 / (g2 + rng.gamma(params.delta));
    let x = 0;
    let tx = 0;
    for (let t = 1; t <= options.periods; t++) {
      if (rng.next() < theta) break; // died before opportunity t (alive at t with probability (1−θ)^t)
      if (rng.next() < p) {
        x++;
        tx = t;
      }
    }
    out.push({ frequency: x, recency: tx, periods: options.periods });
  }
  return out;
}
