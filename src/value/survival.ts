/**
 * Survival of contractual customers: the Kaplan–Meier estimator with right censoring, Greenwood
 * standard errors, confidence bands and the median lifetime; and the conversion of subscriptions to
 * (duration, event) observations.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY, MS_PER_WEEK } from '../core/time.js';
import type { Subscription } from '../model/order.js';
import type { ValueTimeUnit } from './summary.js';
import { forEachRow, instantOption, shownValue } from './transactions.js';

/**
 * One observed lifetime: how long it lasted and whether it ended (`event: true`) or was still going
 * when observation stopped (`event: false`, right-censored).
 *
 * @category Value
 */
export interface SurvivalObservation {
  /** Time from start to the end or to censoring, ≥ 0, in a unit of the caller's choosing. */
  duration: number;
  /** True when the lifetime ended (cancellation) at `duration`; false when censored. */
  event: boolean;
}

/**
 * One step of the Kaplan–Meier curve: a time with at least one event.
 *
 * @category Value
 */
export interface KaplanMeierStep {
  /** The event time. */
  time: number;
  /** Lifetimes still at risk just before `time`. */
  atRisk: number;
  /** Lifetimes that ended at `time`. */
  events: number;
  /** Lifetimes censored at `time` (counted at risk at `time`, gone after it). */
  censored: number;
  /** Ŝ(time): estimated probability of lasting beyond `time`. */
  survival: number;
  /** Greenwood standard error of Ŝ(time): Ŝ·√Σ dᵢ / (nᵢ(nᵢ − dᵢ)). */
  standardError: number;
  /** Lower bound of the pointwise confidence interval (log(−log) transform), in [0, 1]. */
  lower: number;
  /** Upper bound of the pointwise confidence interval (log(−log) transform), in [0, 1]. */
  upper: number;
}

/**
 * Options of {@link kaplanMeier}.
 *
 * @category Value
 */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise intervals, in (0, 1); default 0.95. */
  confidenceLevel?: number;
}

/**
 * A Kaplan–Meier estimate.
 *
 * @category Value
 */
export interface KaplanMeierResult {
  /** Lifetimes observed. */
  observations: number;
  /** Lifetimes that ended (events). */
  events: number;
  /** Lifetimes censored. */
  censored: number;
  /** The curve, one step per distinct event time, in increasing time; Ŝ is 1 before the first step. */
  steps: KaplanMeierStep[];
  /** Smallest event time with Ŝ ≤ 0.5; `null` when the curve never falls to 0.5 (not yet observable). */
  medianLifetime: number | null;
  /** The confidence level of `lower` and `upper`. */
  confidenceLevel: number;
}

/** Inverse of the standard normal distribution function (P. J. Acklam's rational approximation, relative error below 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * The Kaplan–Meier (product-limit) estimate of a survival function from right-censored lifetimes:
 * Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ), with dᵢ events and nᵢ at risk at each event time tᵢ (Kaplan & Meier,
 * 1958). Censorings tied with events count as at risk at that time (the usual convention). Standard
 * errors by Greenwood's formula; pointwise intervals on the log(−log Ŝ) scale, which stay in [0, 1].
 *
 * @param observations - Durations with event flags, any iterable.
 * @param options - Confidence level of the intervals.
 * @returns The curve, counts and median lifetime.
 * @throws {JornadaError} `INVALID_INPUT` (with the path) for a negative, non-finite or missing duration
 *   or a non-boolean event; `INVALID_OPTION` for a confidence level outside (0, 1).
 *
 * @example
 * ```ts
 * // 6-MP arm of Freireich et al. (1963): times of remission in weeks, false = censored.
 * const km = kaplanMeier([6, 6, 6, 7, 10, 13, 16, 22, 23].map((t) => ({ duration: t, event: true }))
 *   .concat([6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35].map((t) => ({ duration: t, event: false }))));
 * km.steps[0]?.survival.toFixed(3); //=> '0.857'
 * km.medianLifetime; //=> 23
 * ```
 * @category Value
 */
export function kaplanMeier(observations: Iterable<SurvivalObservation>, options: KaplanMeierOptions = {}): KaplanMeierResult {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options must be an object');
  const level = options.confidenceLevel ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new JornadaError('INVALID_OPTION', `confidenceLevel must be in (0, 1), got ${shownValue(level)}`, {
      issues: [{ path: ['confidenceLevel'], message: 'must be in (0, 1)' }],
    });
  }
  const durations: number[] = [];
  const flags: boolean[] = [];
  forEachRow(observations, (row, index) => {
    const o = row as Partial<SurvivalObservation> | null;
    const duration = typeof o === 'object' && o !== null ? o.duration : undefined;
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
      throw new JornadaError('INVALID_INPUT', `Invalid observation at ${index}.duration: must be a finite number ≥ 0`, {
        issues: [{ path: [index, 'duration'], message: 'must be a finite number ≥ 0' }],
      });
    }
    const event = (o as Partial<SurvivalObservation>).event;
    if (typeof event !== 'boolean') {
      throw new JornadaError('INVALID_INPUT', `Invalid observation at ${index}.event: must be a boolean`, {
        issues: [{ path: [index, 'event'], message: 'must be a boolean' }],
      });
    }
    durations.push(duration);
    flags.push(event);
  });
  const n = durations.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (durations[i] as number) - (durations[j] as number));
  const z = normalQuantile(1 - (1 - level) / 2);
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  let k = 0;
  while (k < n) {
    const time = durations[order[k] as number] as number;
    let d = 0;
    let c = 0;
    while (k < n && durations[order[k] as number] === time) {
      if (flags[order[k] as number]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
      events += d;
      const se = survival === 0 ? 0 : survival * Math.sqrt(greenwood);
      let lower = 0;
      let upper = 1;
      if (survival > 0 && survival < 1 && Number.isFinite(greenwood)) {
        // log(-log S) has standard error √greenwood / |log S|.
        const logS = Math.log(survival);
        const spread = (z * Math.sqrt(greenwood)) / Math.abs(logS);
        lower = Math.pow(survival, Math.exp(spread));
        upper = Math.pow(survival, Math.exp(-spread));
      } else if (survival === 0) {
        upper = 0;
      }
      steps.push({ time, atRisk, events: d, censored: c, survival, standardError: se, lower, upper });
    }
    atRisk -= d + c;
  }
  let medianLifetime: number | null = null;
  for (const s of steps) {
    if (s.survival <= 0.5) {
      medianLifetime = s.time;
      break;
    }
  }
  return { observations: n, events, censored: n - events, steps, medianLifetime, confidenceLevel: level };
}

/**
 * Ŝ(t) read off a Kaplan–Meier curve (a right-continuous step function, 1 before the first event).
 *
 * @param result - A {@link kaplanMeier} result.
 * @param time - The time, in the unit of the durations.
 * @returns The estimated probability of lasting beyond `time`.
 *
 * @example
 * ```ts
 * const km = kaplanMeier([{ duration: 2, event: true }, { duration: 4, event: true }]);
 * [kaplanMeierSurvivalAt(km, 1), kaplanMeierSurvivalAt(km, 2), kaplanMeierSurvivalAt(km, 5)]; //=> [1, 0.5, 0]
 * ```
 * @category Value
 */
export function kaplanMeierSurvivalAt(result: KaplanMeierResult, time: number): number {
  let s = 1;
  for (const step of result.steps) {
    if (step.time > time) break;
    s = step.survival;
  }
  return s;
}

/**
 * Options of {@link subscriptionLifetimes}.
 *
 * @category Value
 */
export interface SubscriptionLifetimeOptions {
  /** End of observation: active subscriptions are censored here; subscriptions starting after it are left out. */
  asOf: Date | string;
  /** Unit of the durations: `'days'` or `'weeks'`. Required. */
  unit: ValueTimeUnit;
}

/**
 * Subscriptions as survival observations: a cancelled one lasted from `startedAt` to `cancelledAt` (an
 * event, when cancelled by `asOf`); any other is censored at `asOf`. Pair with {@link kaplanMeier}.
 *
 * @param subscriptions - Subscriptions of the model, any iterable.
 * @param options - `asOf` and the unit of durations.
 * @returns One observation per subscription started by `asOf`, in input order.
 * @throws {JornadaError} `INVALID_INPUT` (with the path) for an invalid `startedAt` or `cancelledAt`, or a
 *   cancellation before the start; `INVALID_OPTION` for a bad `asOf` or unit.
 *
 * @example
 * ```ts
 * subscriptionLifetimes([
 *   { id: 's1', customerId: 'a', plan: 'p', period: { unit: 'month', count: 1 }, status: 'cancelled',
 *     startedAt: new Date('2026-01-01T00:00:00Z'), cancelledAt: new Date('2026-01-15T00:00:00Z') },
 *   { id: 's2', customerId: 'b', plan: 'p', period: { unit: 'month', count: 1 }, status: 'active',
 *     startedAt: new Date('2026-01-01T00:00:00Z') },
 * ], { asOf: '2026-01-29T00:00:00Z', unit: 'weeks' });
 * //=> [{ duration: 2, event: true }, { duration: 4, event: false }]
 * ```
 * @category Value
 */
export function subscriptionLifetimes(subscriptions: Iterable<Subscription>, options: SubscriptionLifetimeOptions): SurvivalObservation[] {
  if (typeof options !== 'object' || options === null) throw new JornadaError('INVALID_OPTION', 'Options with asOf and unit are required');
  const asOfMs = instantOption(options.asOf, 'asOf');
  if (options.unit !== 'days' && options.unit !== 'weeks') {
    throw new JornadaError('INVALID_OPTION', `unit must be 'days' or 'weeks', got ${shownValue(options.unit)}`, {
      issues: [{ path: ['unit'], message: "must be 'days' or 'weeks'" }],
    });
  }
  const unitMs = options.unit === 'weeks' ? MS_PER_WEEK : MS_PER_DAY;
  const out: SurvivalObservation[] = [];
  forEachRow(subscriptions, (row, index) => {
    const s = row as Partial<Subscription> | null;
    const started = typeof s === 'object' && s !== null ? s.startedAt : undefined;
    if (!(started instanceof Date) || Number.isNaN(started.getTime())) {
      throw new JornadaError('INVALID_INPUT', `Invalid subscription at ${index}.startedAt: must be a valid Date`, {
        issues: [{ path: [index, 'startedAt'], message: 'must be a valid Date' }],
      });
    }
    const cancelled = (s as Partial<Subscription>).cancelledAt;
    if (cancelled !== undefined && (!(cancelled instanceof Date) || Number.isNaN(cancelled.getTime()) || cancelled.getTime() < started.getTime())) {
      throw new JornadaError('INVALID_INPUT', `Invalid subscription at ${index}.cancelledAt: must be a valid Date not before startedAt`, {
        issues: [{ path: [index, 'cancelledAt'], message: 'must be a valid Date not before startedAt' }],
      });
    }
    const start = started.getTime();
    if (start > asOfMs) return;
    if (cancelled !== undefined && cancelled.getTime() <= asOfMs) out.push({ duration: (cancelled.getTime() - start) / unitMs, event: true });
    else out.push({ duration: (asOfMs - start) / unitMs, event: false });
  });
  return out;
}
