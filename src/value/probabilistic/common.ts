/**
 * Shared pieces of the probabilistic customer-value models: the summary input they read, explicit
 * time units and horizons, the fit options and report, and the maximum-likelihood driver.
 *
 * @module
 */
import { JornadaError, type JornadaIssue } from '../../core/errors.js';
import {
  finiteDifferenceGradient,
  finiteDifferenceHessian,
  invertSymmetricPositiveDefinite,
  minimizeBfgs,
  minimizeNelderMead,
  type Objective,
  type OptimizeResult,
} from '../../core/optimize.js';
import { logBeta, tanhSinhNodes } from '../../core/special.js';

/**
 * The time unit of recency, T and the rate parameter α (or β) of a continuous-time model.
 *
 * @category Probabilistic CLV
 */
export type ClvTimeUnit = 'days' | 'weeks';

/**
 * A length of time with its unit spelled out: `{ weeks: 12 }` or `{ days: 84 }` (1 week = 7 days).
 * Predictions convert it to the unit of the model, so a horizon is never read in the wrong unit.
 *
 * @category Probabilistic CLV
 */
export type ClvDuration =
  | {
      /** Length in days. */
      readonly days: number;
      /** Not with `days`: give one unit. */
      readonly weeks?: never;
    }
  | {
      /** Length in weeks (7 days each). */
      readonly weeks: number;
      /** Not with `weeks`: give one unit. */
      readonly days?: never;
    };

/**
 * One customer's purchase summary, as `lifetimes` and the transaction summaries of `jornada/value`
 * lay it out. Any object with these numeric fields will do (extra fields are ignored).
 *
 * @category Probabilistic CLV
 */
export interface ClvSummaryRow {
  /** x: number of repeat purchases after the first one (an integer ≥ 0). */
  readonly frequency: number;
  /** t_x: time from the first purchase to the last repeat purchase (0 when `frequency` is 0). */
  readonly recency: number;
  /** T: time from the first purchase to the end of the observation period (≥ `recency`; 0 for a customer acquired at the very end, who adds nothing to a fit). */
  readonly T: number;
  /** Mean value of the repeat purchases (Gamma-Gamma only; ignored elsewhere). */
  readonly monetaryValue?: number;
  /** How many customers share this row (default 1). */
  readonly weight?: number;
  /** The unit of `recency` and `T`, when the summary carries it; it must match the model's unit. */
  readonly unit?: ClvTimeUnit;
}

/**
 * The same summaries as columns (plain arrays or typed arrays of equal length), for large bases.
 *
 * @category Probabilistic CLV
 */
export interface ClvSummaryColumns {
  /** x of each customer. */
  readonly frequency: ArrayLike<number>;
  /** t_x of each customer. */
  readonly recency: ArrayLike<number>;
  /** T of each customer. */
  readonly T: ArrayLike<number>;
  /** Mean repeat-purchase value of each customer (Gamma-Gamma only). */
  readonly monetaryValue?: ArrayLike<number>;
  /** Number of customers each row stands for (default all 1). */
  readonly weight?: ArrayLike<number>;
  /** The unit of the columns, when known; it must match the model's unit. */
  readonly unit?: ClvTimeUnit;
}

/**
 * Summaries in either layout: an iterable of rows or one object of columns.
 *
 * @category Probabilistic CLV
 */
export type ClvSummaryInput = Iterable<ClvSummaryRow> | ClvSummaryColumns;

/**
 * One customer's spend summary for the Gamma-Gamma model: repeat purchases and their mean value.
 * A {@link ClvSummaryRow} with `monetaryValue` is one.
 *
 * @category Probabilistic CLV
 */
export interface ClvSpendRow {
  /** x: number of repeat purchases (an integer ≥ 0; rows with 0 are skipped by the fit). */
  readonly frequency: number;
  /** Mean value of the repeat purchases, > 0 when `frequency` > 0 (lifetimes: `monetary_value`). */
  readonly monetaryValue?: number;
  /** How many customers share this row (default 1). */
  readonly weight?: number;
}

/**
 * Spend summaries as columns.
 *
 * @category Probabilistic CLV
 */
export interface ClvSpendColumns {
  /** x of each customer. */
  readonly frequency: ArrayLike<number>;
  /** Mean repeat-purchase value of each customer. */
  readonly monetaryValue: ArrayLike<number>;
  /** Number of customers each row stands for (default all 1). */
  readonly weight?: ArrayLike<number>;
}

/**
 * Spend summaries in either layout.
 *
 * @category Probabilistic CLV
 */
export type ClvSpendInput = Iterable<ClvSpendRow> | ClvSpendColumns;

/**
 * Options shared by the maximum-likelihood fits.
 *
 * @category Probabilistic CLV
 */
export interface ClvFitOptions {
  /** Added to the mean negative log-likelihood per customer: `l2Penalty × Σ θ²` over the natural parameters (as `lifetimes`' `penalizer_coef`). Default 0. */
  readonly l2Penalty?: number;
  /** Convergence test on the gradient of the mean negative log-likelihood in log-parameters. Default 1e-7. */
  readonly gradientTolerance?: number;
  /** Iteration cap of the quasi-Newton stage. Default 500. */
  readonly maxIterations?: number;
  /** Return a fit that did not converge (its report says so) instead of throwing `NOT_CONVERGED`. Default false. */
  readonly allowNotConverged?: boolean;
}

/**
 * How a fit went.
 *
 * @category Probabilistic CLV
 */
export interface ClvFitReport {
  /** Log-likelihood at the estimate, in the caller's units (without the penalty). */
  readonly logLikelihood: number;
  /** Optimiser iterations, over all stages. */
  readonly iterations: number;
  /** Log-likelihood evaluations, over all stages. */
  readonly evaluations: number;
  /** Largest absolute gradient component of the mean negative log-likelihood (log-parameters) at the estimate. */
  readonly gradientNorm: number;
  /** Whether the gradient test was met. */
  readonly converged: boolean;
  /** `bfgs`, or `bfgs+nelder-mead` when the derivative-free fallback was needed. */
  readonly method: 'bfgs' | 'bfgs+nelder-mead';
  /** Customers (or cohort members) fitted: the sum of the weights. */
  readonly observations: number;
  /** Distinct rows after collapsing identical ones. */
  readonly distinctRows: number;
  /** Optimiser's last word. */
  readonly message: string;
}

/** Summaries parsed, validated and collapsed into distinct weighted rows (internal). */
export interface CompactSummaries {
  readonly n: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly m: Float64Array | null;
  readonly w: Float64Array;
  readonly totalWeight: number;
}

const UNIT_DAYS: Record<ClvTimeUnit, number> = { days: 1, weeks: 7 };

/**
 * Checks a unit name.
 *
 * @internal
 * @param unit - The value given.
 * @param path - Its name, for the message.
 * @returns The unit.
 */
export function checkUnit(unit: unknown, path: string): ClvTimeUnit {
  if (unit !== 'days' && unit !== 'weeks') {
    throw new JornadaError('INVALID_OPTION', `${path} must be 'days' or 'weeks' (got ${String(unit)}); the time unit is never guessed`, {
      details: { unit },
    });
  }
  return unit;
}

/**
 * Converts a duration to the given unit, rejecting malformed durations.
 *
 * @internal
 * @param duration - `{ days }` or `{ weeks }`.
 * @param unit - The target unit.
 * @param what - Its name, for the message.
 * @returns The length in `unit`.
 */
export function durationIn(duration: ClvDuration, unit: ClvTimeUnit, what = 'duration'): number {
  const d = duration as { days?: unknown; weeks?: unknown } | null;
  if (typeof d !== 'object' || d === null) throw new JornadaError('INVALID_OPTION', `${what} must be { days } or { weeks }`);
  const hasDays = d.days !== undefined;
  const hasWeeks = d.weeks !== undefined;
  if (hasDays === hasWeeks) throw new JornadaError('INVALID_OPTION', `${what} must give exactly one of days or weeks`);
  const value = hasDays ? d.days : d.weeks;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new JornadaError('INVALID_OPTION', `${what} must be a finite number ≥ 0 (got ${String(value)})`);
  }
  const days = hasDays ? value : value * 7;
  return days / UNIT_DAYS[unit];
}

/**
 * Throws when a summary says it is in another unit than the model.
 *
 * @internal
 * @param summaryUnit - The unit the summary carries, if any.
 * @param modelUnit - The model's unit.
 * @returns Nothing.
 */
export function checkSummaryUnit(summaryUnit: unknown, modelUnit: ClvTimeUnit): void {
  if (summaryUnit !== undefined && summaryUnit !== modelUnit) {
    throw new JornadaError(
      'INVALID_OPTION',
      `the summary is in ${String(summaryUnit)} but the model is in ${modelUnit}; recompute the summary in ${modelUnit} (units are never converted silently)`,
      { details: { summaryUnit, modelUnit } },
    );
  }
}

function isColumns(input: ClvSummaryInput): input is ClvSummaryColumns {
  return typeof input === 'object' && input !== null && !(Symbol.iterator in input) && 'frequency' in input;
}

/**
 * Checks one customer's x, t_x, T; returns issues instead of throwing.
 *
 * @internal
 * @param x - Frequency.
 * @param tx - Recency.
 * @param T - Age.
 * @param path - Path prefix of the issues.
 * @returns The issues found.
 */
export function summaryIssues(x: unknown, tx: unknown, T: unknown, path: (string | number)[]): JornadaIssue[] {
  const issues: JornadaIssue[] = [];
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) issues.push({ path: [...path, 'frequency'], message: 'frequency must be an integer ≥ 0', code: 'invalid_frequency' });
  if (typeof T !== 'number' || !Number.isFinite(T) || T < 0) issues.push({ path: [...path, 'T'], message: 'T must be a finite number ≥ 0', code: 'invalid_T' });
  if (typeof tx !== 'number' || !Number.isFinite(tx) || tx < 0) issues.push({ path: [...path, 'recency'], message: 'recency must be a finite number ≥ 0', code: 'invalid_recency' });
  else if (typeof T === 'number' && tx > T * (1 + 1e-12)) issues.push({ path: [...path, 'recency'], message: 'recency cannot exceed T', code: 'recency_after_T' });
  return issues;
}

/**
 * Reads one customer for a prediction, validating it.
 *
 * @internal
 * @param customer - The summary.
 * @param unit - The model's unit.
 * @returns x, t_x (0 when x is 0) and T.
 */
export function readCustomer(customer: ClvSummaryRow, unit: ClvTimeUnit): { x: number; tx: number; T: number } {
  if (typeof customer !== 'object' || customer === null) throw new JornadaError('INVALID_INPUT', 'customer summary must be an object', { issues: [{ path: [], message: 'not an object' }] });
  checkSummaryUnit(customer.unit, unit);
  const issues = summaryIssues(customer.frequency, customer.recency, customer.T, []);
  if (issues.length > 0) throw new JornadaError('INVALID_INPUT', `Invalid customer summary: ${issues[0]?.message ?? ''}`, { issues });
  return { x: customer.frequency, tx: customer.frequency === 0 ? 0 : customer.recency, T: customer.T };
}

/**
 * Parses summaries in either layout, validates them (paths name the bad row and field), and collapses
 * identical rows into weights with an open-addressing hash table.
 *
 * @internal
 * @param input - Rows or columns.
 * @param options - `unit` of the model (checked against the input's), whether monetary values are needed.
 * @returns Distinct rows with weights.
 */
export function compactSummaries(
  input: ClvSummaryInput | ClvSpendInput,
  options: { unit: ClvTimeUnit | null; monetary: boolean; spendOnly?: boolean },
): CompactSummaries {
  const spendOnly = options.spendOnly === true;
  let xs: ArrayLike<number>;
  let txs: ArrayLike<number>;
  let Ts: ArrayLike<number>;
  let ms: ArrayLike<number> | undefined;
  let ws: ArrayLike<number> | undefined;
  if (typeof input !== 'object' || input === null) {
    throw new JornadaError('INVALID_INPUT', 'summaries must be an iterable of rows or an object of columns', { issues: [{ path: [], message: 'not an object' }] });
  }
  if (isColumns(input as ClvSummaryInput)) {
    const cols = input as ClvSummaryColumns;
    if (options.unit !== null) checkSummaryUnit(cols.unit, options.unit);
    xs = cols.frequency;
    txs = spendOnly ? new Float64Array(xs?.length ?? 0) : cols.recency;
    Ts = spendOnly ? new Float64Array(xs?.length ?? 0).fill(1) : cols.T;
    ms = cols.monetaryValue;
    ws = cols.weight;
    const len = xs?.length;
    for (const [name, col] of [['recency', txs], ['T', Ts], ['monetaryValue', ms], ['weight', ws]] as const) {
      if (col !== undefined && (col === null || col.length !== len)) {
        throw new JornadaError('INVALID_INPUT', `column ${name} must have the length of frequency`, { issues: [{ path: [name], message: 'length mismatch' }] });
      }
    }
    if (typeof len !== 'number' || txs === undefined || Ts === undefined) {
      throw new JornadaError('INVALID_INPUT', 'columns frequency, recency and T are required', { issues: [{ path: ['frequency'], message: 'missing column' }] });
    }
  } else {
    const rows = (Array.isArray(input) ? input : [...(input as Iterable<ClvSummaryRow>)]) as ClvSummaryRow[];
    const n = rows.length;
    const fx = new Float64Array(n);
    const ftx = new Float64Array(n);
    const fT = new Float64Array(n);
    const fm = options.monetary ? new Float64Array(n) : undefined;
    const fw = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (typeof row !== 'object' || row === null) {
        throw new JornadaError('INVALID_INPUT', `summary ${i} is not an object`, { issues: [{ path: [i], message: 'not an object' }] });
      }
      if (options.unit !== null && row.unit !== undefined) checkSummaryUnit(row.unit, options.unit);
      const bad = spendOnly ? summaryIssues(row.frequency, 0, 1, [i]) : summaryIssues(row.frequency, row.recency, row.T, [i]);
      if (bad.length > 0) throw new JornadaError('INVALID_INPUT', `Invalid summary at ${i}: ${bad[0]?.message ?? ''}`, { issues: bad });
      fx[i] = row.frequency;
      ftx[i] = spendOnly ? 0 : row.recency;
      fT[i] = spendOnly ? 1 : row.T;
      if (fm !== undefined) fm[i] = row.monetaryValue ?? NaN;
      fw[i] = row.weight ?? 1;
    }
    xs = fx;
    txs = ftx;
    Ts = fT;
    ms = fm;
    ws = fw;
  }
  const n = xs.length;
  if (n === 0) throw new JornadaError('EMPTY_INPUT', 'no customers to fit');
  if (options.monetary && ms === undefined) {
    throw new JornadaError('INVALID_INPUT', 'monetaryValue is required', { issues: [{ path: ['monetaryValue'], message: 'missing' }] });
  }
  // Hash table of distinct (x, t_x, T, m) keyed on their bit patterns. It grows with the number of
  // distinct rows (load ≤ 1/2), so that it stays small and cache-friendly when rows repeat.
  let capacity = 1024;
  let table = new Int32Array(capacity).fill(-1);
  const hashes = new Int32Array(n);
  const ux = new Float64Array(n);
  const utx = new Float64Array(n);
  const uT = new Float64Array(n);
  const um = options.monetary ? new Float64Array(n) : null;
  const uw = new Float64Array(n);
  const buf = new Float64Array(4);
  const bits = new Uint32Array(buf.buffer);
  let distinct = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    let tx = txs[i] as number;
    const T = Ts[i] as number;
    const m = ms === undefined ? 0 : (ms[i] as number);
    const w = ws === undefined ? 1 : (ws[i] as number);
    // Fast path without allocation; the detailed issues are built only for a bad row.
    const fine =
      Number.isInteger(x) && x >= 0 && T >= 0 && T < Infinity && tx >= 0 && tx <= T * (1 + 1e-12) &&
      w >= 0 && w < Infinity && (!options.monetary || x === 0 || (m > 0 && m < Infinity));
    if (!fine) {
      const bad = summaryIssues(x, tx, T, [i]);
      if (!(Number.isFinite(w) && w >= 0)) bad.push({ path: [i, 'weight'], message: 'weight must be a finite number ≥ 0', code: 'invalid_weight' });
      if (options.monetary && x > 0 && !(Number.isFinite(m) && m > 0)) {
        bad.push({ path: [i, 'monetaryValue'], message: 'monetaryValue must be a finite number > 0 for customers with repeat purchases', code: 'invalid_monetary' });
      }
      throw new JornadaError('INVALID_INPUT', `Invalid summary at ${i}: ${bad[0]?.message ?? 'not a number'}`, { issues: bad.length > 0 ? bad : [{ path: [i], message: 'not a valid summary' }] });
    }
    if (w === 0) continue;
    if (x === 0) tx = 0;
    buf[0] = x;
    buf[1] = tx;
    buf[2] = T;
    buf[3] = options.monetary && x > 0 ? m : 0;
    // Mix the eight 32-bit words (multiply–xorshift, as in murmur3's finaliser).
    let h = 0x9e3779b9;
    for (let k = 0; k < 8; k++) {
      h = Math.imul(h ^ (bits[k] as number), 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & (capacity - 1);
    for (;;) {
      const idx = table[slot] as number;
      if (idx === -1) {
        table[slot] = distinct;
        hashes[distinct] = h;
        ux[distinct] = x;
        utx[distinct] = tx;
        uT[distinct] = T;
        if (um !== null) um[distinct] = buf[3] as number;
        uw[distinct] = w;
        distinct++;
        if (2 * distinct > capacity) {
          capacity *= 2;
          table = new Int32Array(capacity).fill(-1);
          for (let k = 0; k < distinct; k++) {
            let sl = (hashes[k] as number) & (capacity - 1);
            while ((table[sl] as number) !== -1) sl = (sl + 1) & (capacity - 1);
            table[sl] = k;
          }
        }
        break;
      }
      if (ux[idx] === x && utx[idx] === tx && uT[idx] === T && (um === null || um[idx] === buf[3])) {
        uw[idx] = (uw[idx] as number) + w;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
    totalWeight += w;
  }
  if (totalWeight === 0) throw new JornadaError('EMPTY_INPUT', 'every summary has weight 0');
  return {
    n: distinct,
    x: ux.subarray(0, distinct),
    tx: utx.subarray(0, distinct),
    T: uT.subarray(0, distinct),
    m: um === null ? null : um.subarray(0, distinct),
    w: uw.subarray(0, distinct),
    totalWeight,
  };
}

/** What a model gives the fit driver (internal). */
export interface FitProblem {
  /** Parameter names in order. */
  readonly names: readonly string[];
  /** Mean negative log-likelihood (plus penalty) in log-parameters; fills the gradient when asked. */
  readonly objective: Objective;
  /** Whether `objective` fills an analytic gradient (else the driver differentiates numerically). */
  readonly analyticGradient: boolean;
  /** Starting log-parameters. */
  readonly start: readonly number[];
  /** Sum of weights. */
  readonly observations: number;
  /** Distinct rows. */
  readonly distinctRows: number;
}

/** Result of the fit driver (internal). */
export interface FitOutcome {
  readonly logParams: Float64Array;
  /** Standard errors of the log-parameters (per the total log-likelihood), or null if the Hessian is not positive definite. */
  readonly logStandardErrors: Float64Array | null;
  /** Mean negative log-likelihood with penalty at the estimate. */
  readonly value: number;
  readonly report: Omit<ClvFitReport, 'logLikelihood'>;
}

function checkFitOptions(options: ClvFitOptions): void {
  const { l2Penalty, gradientTolerance, maxIterations } = options;
  if (l2Penalty !== undefined && !(Number.isFinite(l2Penalty) && l2Penalty >= 0)) throw new JornadaError('INVALID_OPTION', 'l2Penalty must be a finite number ≥ 0');
  if (gradientTolerance !== undefined && !(gradientTolerance > 0)) throw new JornadaError('INVALID_OPTION', 'gradientTolerance must be > 0');
  if (maxIterations !== undefined && !(Number.isInteger(maxIterations) && maxIterations > 0)) throw new JornadaError('INVALID_OPTION', 'maxIterations must be a positive integer');
}

/**
 * Maximises a likelihood: BFGS; if that stalls, Nelder–Mead from its best point and BFGS again. Throws
 * `NOT_CONVERGED` unless the caller allowed it.
 *
 * @internal
 * @param problem - Objective, start and sizes.
 * @param options - The caller's fit options.
 * @param model - Model name for messages.
 * @returns Log-parameters, their standard errors and the report.
 */
export function runFit(problem: FitProblem, options: ClvFitOptions, model: string): FitOutcome {
  checkFitOptions(options);
  const gtol = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  const f: Objective = problem.analyticGradient
    ? problem.objective
    : (x, g) => {
        const v = problem.objective(x, null);
        if (g !== null) finiteDifferenceGradient((p) => problem.objective(p, null), x, g);
        return v;
      };
  let result: OptimizeResult = minimizeBfgs(f, problem.start, { gradientTolerance: gtol, maxIterations });
  let iterations = result.iterations;
  let evaluations = result.evaluations;
  let method: ClvFitReport['method'] = 'bfgs';
  if (!result.converged) {
    method = 'bfgs+nelder-mead';
    const start = Array.from(result.x).every(Number.isFinite) && Number.isFinite(result.value) ? result.x : problem.start;
    const nm = minimizeNelderMead(f, start, { maxIterations: 4000 });
    iterations += nm.iterations;
    evaluations += nm.evaluations;
    const polish = minimizeBfgs(f, nm.value < result.value ? nm.x : result.x, { gradientTolerance: gtol, maxIterations });
    iterations += polish.iterations;
    evaluations += polish.evaluations;
    result = polish.value <= Math.min(nm.value, result.value) || polish.converged ? polish : nm.value < result.value ? nm : result;
  }
  const x = Float64Array.from(result.x);
  if (!result.converged && options.allowNotConverged !== true) {
    throw new JornadaError('NOT_CONVERGED', `${model} fit did not converge: ${result.message} (gradient norm ${result.gradientNorm.toExponential(2)})`, {
      details: { iterations, gradientNorm: result.gradientNorm, logParams: Array.from(x), message: result.message },
    });
  }
  let logStandardErrors: Float64Array | null = null;
  if (Number.isFinite(result.value)) {
    const H = finiteDifferenceHessian(
      (p) => f(p, null),
      x,
      problem.analyticGradient ? (p, out) => void problem.objective(p, out) : undefined,
    );
    const k = x.length;
    const inv = invertSymmetricPositiveDefinite(H, k);
    if (inv !== null) {
      logStandardErrors = new Float64Array(k);
      for (let i = 0; i < k; i++) logStandardErrors[i] = Math.sqrt((inv[i * k + i] as number) / problem.observations);
      if (!logStandardErrors.every(Number.isFinite)) logStandardErrors = null;
    }
  }
  return {
    logParams: x,
    logStandardErrors,
    value: result.value,
    report: {
      iterations,
      evaluations,
      gradientNorm: result.gradientNorm,
      converged: result.converged,
      method,
      observations: problem.observations,
      distinctRows: problem.distinctRows,
      message: result.message,
    },
  };
}

/**
 * A number that must be finite, or a NUMERIC error naming what overflowed.
 *
 * @internal
 * @param value - The number.
 * @param what - Its name.
 * @returns The number.
 */
export function finiteOrThrow(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new JornadaError('NUMERIC', `${what} is not finite for these parameters`, { details: { value } });
  return value;
}

/**
 * Checks model parameters: each named one a finite number > 0.
 *
 * @internal
 * @param params - The parameters.
 * @param names - Names to check.
 * @param model - Model name for the message.
 * @returns Nothing.
 */
export function checkPositiveParams(params: Readonly<Record<string, number>>, names: readonly string[], model: string): void {
  if (typeof params !== 'object' || params === null) throw new JornadaError('INVALID_OPTION', `${model} parameters are missing`);
  for (const name of names) {
    const v = params[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new JornadaError('INVALID_OPTION', `${model} parameter ${name} must be a finite number > 0 (got ${String(v)})`, { details: { [name]: v } });
    }
  }
}

/**
 * E over p ~ Beta(a, b) of (1 − (1 + p·k)^(−m)) / p, for each k in `ks` (the expected purchases of an
 * alive BG-type customer whose λ ~ Gamma(m, θ) over a window t with k = t/θ). Tanh-sinh quadrature on
 * (0, 1), valid for every a, b > 0.
 *
 * @internal
 * @param a - First Beta shape.
 * @param b - Second Beta shape.
 * @param m - Gamma shape of λ.
 * @param ks - Windows divided by the Gamma scale.
 * @returns One expectation per window.
 */
export function betaMixtureExpectedPurchases(a: number, b: number, m: number, ks: readonly number[]): number[] {
  const rule = tanhSinhNodes();
  const lb = logBeta(a, b);
  const out = new Array<number>(ks.length).fill(0);
  const count = rule.p.length;
  const logW = new Float64Array(count);
  let maxLog = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = (rule.logWeight[i] as number) + (a - 1) * (rule.logP[i] as number) + (b - 1) * (rule.log1mP[i] as number) - lb;
    logW[i] = v;
    if (v > maxLog) maxLog = v;
  }
  for (let i = 0; i < count; i++) {
    const lw = logW[i] as number;
    if (lw < maxLog - 45) continue;
    const weight = Math.exp(lw);
    const p = rule.p[i] as number;
    for (let j = 0; j < ks.length; j++) {
      const k = ks[j] as number;
      const pk = p * k;
      // (1 − (1+pk)^(−m)) / p, with its limit m·k as p → 0.
      const h = pk < 1e-12 ? m * k * (1 - 0.5 * (m + 1) * pk) : -Math.expm1(-m * Math.log1p(pk)) / p;
      out[j] = (out[j] as number) + weight * h;
    }
  }
  return out;
}

/**
 * Checks optional starting values of a fit: each given one must be a finite number > 0.
 *
 * @internal
 * @param start - The `options.start` object (or `{}`).
 * @throws {JornadaError} `INVALID_OPTION` for a bad value.
 */
export function checkStartValues(start: Readonly<Record<string, unknown>>): void {
  if (Object.values(start).some((v) => !(typeof v === 'number' && v > 0 && Number.isFinite(v)))) {
    throw new JornadaError('INVALID_OPTION', 'start values must be finite numbers > 0');
  }
}

/**
 * Checks a fitted continuous-time model (its unit and its positive parameters) and returns its parameters.
 *
 * @internal
 * @param model - The model object given by the user.
 * @param names - Parameter names.
 * @param label - Model name for messages, e.g. `'BG/NBD'`.
 * @param required - Message when the model is missing, e.g. `'a BG/NBD model is required'`.
 * @returns The parameters.
 * @throws {JornadaError} `INVALID_OPTION` for a missing model, bad unit or bad parameters.
 */
export function checkTimedModel<P>(
  model: { readonly unit: ClvTimeUnit; readonly params: P },
  names: readonly string[],
  label: string,
  required: string,
): P {
  if (typeof model !== 'object' || model === null) throw new JornadaError('INVALID_OPTION', required);
  checkUnit(model.unit, 'model.unit');
  checkPositiveParams(model.params as unknown as Record<string, number>, names, label);
  return model.params;
}

/**
 * Standard errors of natural parameters from those of their logarithms (delta method: se(θ) = θ·se(ln θ)).
 *
 * @internal
 * @param params - Fitted parameters.
 * @param logSe - Standard errors of the log-parameters, in the order of `names`, or null.
 * @param names - Parameter names.
 * @returns The standard errors by name, or null.
 */
export function naturalStandardErrors<P>(params: P, logSe: ArrayLike<number> | null, names: readonly (keyof P & string)[]): P | null {
  if (logSe === null) return null;
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    out[name] = (params[name] as number) * (logSe[i] as number);
  });
  return out as P;
}

/**
 * 1/(1 + e^z), computed without overflow: the probability alive from the log-odds of having dropped out.
 *
 * @internal
 * @param logOdds - z, the log-odds against being alive.
 * @returns A probability in [0, 1].
 */
export function probabilityFromLogOdds(logOdds: number): number {
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Checks the purchase count n of a `…PurchaseCountProbability` function.
 *
 * @internal
 * @param n - The count.
 * @throws {JornadaError} `INVALID_OPTION` unless n is an integer ≥ 0.
 */
export function checkPurchaseCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new JornadaError('INVALID_OPTION', `n must be an integer ≥ 0 (got ${n})`);
}
