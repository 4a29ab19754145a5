/**
 * Rule-based (heuristic) attribution: first touch, last touch, linear, position-based and time decay.
 * Each splits every converting journey's conversions and value among its touches by fixed weights
 * that sum to 1, so the credits of all channels add up to the totals.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { AttributionPath } from './attribution-paths.js';

/**
 * The credit one channel receives from an attribution model.
 *
 * @category Journey
 */
export interface ChannelCredit {
  /** The channel (or touchpoint, or whatever label the paths carry). */
  channel: string;
  /** Conversions credited to it (fractional). */
  conversions: number;
  /** Conversion value credited to it. */
  value: number;
}

/**
 * The names of the attribution models jornada ships.
 *
 * @category Journey
 */
export type AttributionModelName = 'first_touch' | 'last_touch' | 'linear' | 'position_based' | 'time_decay' | 'markov';

/**
 * The result of one attribution model.
 *
 * @category Journey
 */
export interface AttributionResult {
  /** Which model. */
  model: AttributionModelName;
  /** Credit per channel, in order of first appearance in the paths. */
  channels: ChannelCredit[];
  /** Conversions of all paths: what the credits add up to. */
  totalConversions: number;
  /** Value of all paths: what the credited values add up to. */
  totalValue: number;
}

/** Accumulates credits per channel in first-appearance order (a Map keeps insertion order). */
class CreditBook {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private conversions: number[] = [];
  private values: number[] = [];

  slot(channel: string): number {
    let i = this.index.get(channel);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(channel, i);
      this.names.push(channel);
      this.conversions.push(0);
      this.values.push(0);
    }
    return i;
  }

  credit(channel: string, share: number, path: AttributionPath): void {
    const i = this.slot(channel);
    this.conversions[i]! += share * path.conversions;
    this.values[i]! += share * path.value;
  }

  result(model: AttributionModelName, paths: readonly AttributionPath[]): AttributionResult {
    let totalConversions = 0;
    let totalValue = 0;
    for (const p of paths) {
      totalConversions += p.conversions;
      totalValue += p.value;
    }
    return {
      model,
      channels: this.names.map((channel, i) => ({ channel, conversions: this.conversions[i]!, value: this.values[i]! })),
      totalConversions,
      totalValue,
    };
  }
}

function emptyPath(index: number): JornadaError {
  return new JornadaError('INVALID_INPUT', `Invalid attribution paths at ${index}.touches: a path needs at least one touch`, {
    issues: [{ path: [index, 'touches'], message: 'a path needs at least one touch', code: 'too_small' }],
  });
}

/** Runs a per-path weighting; `weigh` fills `weights` (length = touches) with shares summing to 1. */
function attributeByWeights(
  model: AttributionModelName,
  paths: readonly AttributionPath[],
  weigh: (path: AttributionPath, index: number, weights: Float64Array) => void,
): AttributionResult {
  const book = new CreditBook();
  let weights = new Float64Array(16);
  for (let k = 0; k < paths.length; k++) {
    const path = paths[k]!;
    const n = path.touches.length;
    if (n === 0) throw emptyPath(k);
    for (const t of path.touches) book.slot(t);
    if (path.conversions === 0 && path.value === 0) continue;
    if (weights.length < n) weights = new Float64Array(n * 2);
    weigh(path, k, weights);
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w !== 0) book.credit(path.touches[i]!, w, path);
    }
  }
  return book.result(model, paths);
}

/**
 * First-touch attribution: each journey's conversions and value go to its first touch.
 *
 * @param paths - Journeys with counts (see {@link AttributionPath}); trusted, validate untrusted data
 *   with {@link parseAttributionPaths}.
 * @returns Credit per channel; credits sum to the total conversions and value.
 * @throws {JornadaError} `INVALID_INPUT` (path `[i, 'touches']`) for a path without touches.
 *
 * @example
 * ```ts
 * attributeFirstTouch([{ touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 }]).channels;
 * //=> [{ channel: 'social', conversions: 1, value: 50 }, { channel: 'email', conversions: 0, value: 0 }]
 * ```
 * @category Journey
 */
export function attributeFirstTouch(paths: readonly AttributionPath[]): AttributionResult {
  return attributeByWeights('first_touch', paths, (path, _k, w) => {
    w.fill(0, 0, path.touches.length);
    w[0] = 1;
  });
}

/**
 * Last-touch attribution: each journey's conversions and value go to its last touch.
 *
 * @param paths - Journeys with counts.
 * @returns Credit per channel; credits sum to the totals.
 * @throws {JornadaError} `INVALID_INPUT` (path `[i, 'touches']`) for a path without touches.
 *
 * @example
 * ```ts
 * attributeLastTouch([{ touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 }]).channels;
 * //=> [{ channel: 'social', conversions: 0, value: 0 }, { channel: 'email', conversions: 1, value: 50 }]
 * ```
 * @category Journey
 */
export function attributeLastTouch(paths: readonly AttributionPath[]): AttributionResult {
  return attributeByWeights('last_touch', paths, (path, _k, w) => {
    const n = path.touches.length;
    w.fill(0, 0, n);
    w[n - 1] = 1;
  });
}

/**
 * Linear attribution: each touch gets 1/n of its journey's conversions and value, so a channel met
 * twice in a journey gets 2/n (ChannelAttribution's `heuristic_models` convention).
 *
 * @param paths - Journeys with counts.
 * @returns Credit per channel; credits sum to the totals.
 * @throws {JornadaError} `INVALID_INPUT` (path `[i, 'touches']`) for a path without touches.
 *
 * @example
 * ```ts
 * attributeLinear([{ touches: ['email', 'web', 'email'], conversions: 3, value: 90, nulls: 0 }]).channels;
 * //=> [{ channel: 'email', conversions: 2, value: 60 }, { channel: 'web', conversions: 1, value: 30 }]
 * ```
 * @category Journey
 */
export function attributeLinear(paths: readonly AttributionPath[]): AttributionResult {
  return attributeByWeights('linear', paths, (path, _k, w) => {
    const n = path.touches.length;
    w.fill(1 / n, 0, n);
  });
}

/**
 * Shares of the position-based (U-shaped) model.
 *
 * @category Journey
 */
export interface PositionBasedOptions {
  /** Share of the first touch, in [0, 1]; default 0.4. */
  firstShare?: number;
  /** Share of the last touch, in [0, 1]; default 0.4. `firstShare + lastShare` must not exceed 1. */
  lastShare?: number;
}

/**
 * Position-based (U-shaped) attribution: the first touch gets `firstShare` (40 %), the last
 * `lastShare` (40 %), and the touches in between share the rest equally (20 %). A journey of two
 * touches splits everything between them in the ratio firstShare : lastShare (50/50 by default); a
 * journey of one touch gives it everything. This matches DP6's Marketing-Attribution-Models.
 *
 * @param paths - Journeys with counts.
 * @param options - The first and last shares.
 * @returns Credit per channel; credits sum to the totals.
 * @throws {JornadaError} `INVALID_OPTION` for shares outside [0, 1], summing above 1, or both 0;
 *   `INVALID_INPUT` (path `[i, 'touches']`) for a path without touches.
 *
 * @example
 * ```ts
 * attributePositionBased([{ touches: ['social', 'email', 'web'], conversions: 1, value: 100, nulls: 0 }])
 *   .channels.map((c) => [c.channel, c.value.toFixed(2)]);
 * //=> [['social', '40.00'], ['email', '20.00'], ['web', '40.00']]
 * ```
 * @category Journey
 */
export function attributePositionBased(paths: readonly AttributionPath[], options: PositionBasedOptions = {}): AttributionResult {
  const first = options.firstShare ?? 0.4;
  const last = options.lastShare ?? 0.4;
  const ok = (v: number): boolean => typeof v === 'number' && v >= 0 && v <= 1;
  if (!ok(first) || !ok(last) || first + last > 1 + 1e-12 || first + last === 0) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option firstShare/lastShare: each in [0, 1], not both 0, and their sum at most 1', {
      details: { firstShare: first, lastShare: last },
    });
  }
  return attributeByWeights('position_based', paths, (path, _k, w) => {
    const n = path.touches.length;
    if (n === 1) w[0] = 1;
    else if (n === 2) {
      w[0] = first / (first + last);
      w[1] = last / (first + last);
    } else {
      const middle = (1 - first - last) / (n - 2);
      w.fill(middle, 1, n - 1);
      w[0] = first;
      w[n - 1] = last;
    }
  });
}

/**
 * Options of time-decay attribution.
 *
 * @category Journey
 */
export interface TimeDecayOptions {
  /** Half-life of a touch's weight, in hours (> 0); default 168 (seven days). */
  halfLifeHours?: number;
  /**
   * `continuous` (default): weight 2^(−t/h). `stepwise`: 0.5^⌊t/h⌋, the weight halves once per full
   * half-life, as in DP6's Marketing-Attribution-Models.
   */
  decay?: 'continuous' | 'stepwise';
}

/**
 * Time-decay attribution: a touch t hours before the conversion weighs 2^(−t/h) with half-life h,
 * and each journey's conversions and value are split in proportion to its touches' weights. Needs
 * `hoursToConversion` on every converting path.
 *
 * @param paths - Journeys with counts and `hoursToConversion`.
 * @param options - Half-life (default 168 h) and decay form.
 * @returns Credit per channel; credits sum to the totals.
 * @throws {JornadaError} `INVALID_INPUT` (path `[i, 'hoursToConversion']`) when a converting path
 *   lacks hours or has one per touch missing or negative; `INVALID_OPTION` for a half-life that is
 *   not a positive finite number or an unknown decay.
 *
 * @example
 * ```ts
 * attributeTimeDecay([{ touches: ['email', 'web'], conversions: 1, value: 30, nulls: 0,
 *   hoursToConversion: [168, 0] }]).channels;
 * //=> [{ channel: 'email', conversions: 0.3333333333333333, value: 10 }, { channel: 'web', conversions: 0.6666666666666666, value: 20 }]
 * ```
 * @category Journey
 */
export function attributeTimeDecay(paths: readonly AttributionPath[], options: TimeDecayOptions = {}): AttributionResult {
  const h = options.halfLifeHours ?? 168;
  const decay = options.decay ?? 'continuous';
  if (typeof h !== 'number' || !(h > 0) || h === Infinity) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option halfLifeHours: must be a positive finite number', { details: { halfLifeHours: h } });
  }
  if (decay !== 'continuous' && decay !== 'stepwise') {
    throw new JornadaError('INVALID_OPTION', 'Invalid option decay: must be continuous or stepwise', { details: { decay } });
  }
  return attributeByWeights('time_decay', paths, (path, k, w) => {
    const hours = path.hoursToConversion;
    const n = path.touches.length;
    if (hours?.length !== n) {
      const message = `time decay needs one hour count per touch (${n})`;
      throw new JornadaError('INVALID_INPUT', `Invalid attribution paths at ${k}.hoursToConversion: ${message}`, {
        issues: [{ path: [k, 'hoursToConversion'], message, code: 'missing_hours' }],
      });
    }
    // Weights are taken relative to the most recent touch (2^(−(t − t_min)/h)), which leaves the
    // shares unchanged and keeps the largest weight at 1, so that old touches cannot underflow all.
    let youngest = Infinity;
    for (let i = 0; i < n; i++) {
      const t = hours[i]!;
      if (typeof t !== 'number' || !(t >= 0) || t === Infinity) {
        const message = 'hours to conversion must be finite and ≥ 0';
        throw new JornadaError('INVALID_INPUT', `Invalid attribution paths at ${k}.hoursToConversion.${i}: ${message}`, {
          issues: [{ path: [k, 'hoursToConversion', i], message, code: 'invalid_hours' }],
        });
      }
      if (t < youngest) youngest = t;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const t = hours[i]!;
      const weight =
        decay === 'continuous' ? Math.pow(2, -(t - youngest) / h) : Math.pow(0.5, Math.floor(t / h) - Math.floor(youngest / h));
      w[i] = weight;
      sum += weight;
    }
    for (let i = 0; i < n; i++) w[i] = w[i]! / sum;
  });
}
