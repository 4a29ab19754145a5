/**
 * Markov-chain attribution by the removal effect, computed exactly from the absorbing chain
 * (first order) — no simulation.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { invertMatrix } from '../core/linear.js';
import type { AttributionResult, ChannelCredit } from './attribution-heuristic.js';
import type { AttributionPath } from './attribution-paths.js';

/**
 * The most channels (transient states) the exact solver accepts: it holds an n × n matrix and
 * inverts it in n³ steps.
 *
 * @category Journey
 */
export const MARKOV_MAX_CHANNELS = 3000;

/**
 * Options of Markov attribution.
 *
 * @category Journey
 */
export interface MarkovAttributionOptions {
  /**
   * Whether the non-converting journeys (`nulls`) enter the chain, as transitions from their last
   * touch to the null state; default `true` (ChannelAttribution's `var_null`). With `false`, only
   * converting journeys build the chain, whose conversion probability is then 1.
   */
  useNulls?: boolean;
}

/**
 * A channel's credit under the Markov model, with its removal effect.
 *
 * @category Journey
 */
export interface MarkovChannelCredit extends ChannelCredit {
  /**
   * The removal effect, in [0, 1]: the relative drop of the conversion probability when the channel
   * is removed (every transition into it goes to the null state), 1 − P(conversion without it) / P(conversion).
   */
  removalEffect: number;
}

/**
 * The result of Markov attribution.
 *
 * @category Journey
 */
export interface MarkovAttributionResult extends AttributionResult {
  /** Always `markov`. */
  model: 'markov';
  /** Credit and removal effect per channel, in order of first appearance in the paths. */
  channels: MarkovChannelCredit[];
  /** Probability that a journey starting at the start state ends in conversion. */
  conversionProbability: number;
  /** States of the chain: start, one per channel that has transitions, conversion and null. */
  stateCount: number;
  /** Transitions with a positive count (edges of the chain). */
  transitionCount: number;
}

/**
 * Markov-chain attribution with the removal effect, computed exactly (Anderl, Becker, von Wangenheim
 * & Schumann 2016, "Mapping the customer journey: Lessons learned from graph-based online
 * attribution modeling", *International Journal of Research in Marketing* 33(3), 457–474; first order).
 *
 * The chain has a start state, one state per channel, and two absorbing states, conversion and null.
 * Each journey of weight w = conversions + nulls adds w to start → first touch and to each touch →
 * next touch; its last touch sends `conversions` to conversion and `nulls` to null. Transition
 * probabilities are counts divided by row totals. With Q the channel-to-channel block, r the
 * channel-to-conversion column and s the start row, the conversion probabilities h solve
 * (I − Q)·h = r, and P = s·h. Removing channel c (its transitions go to null) gives
 * P₋c = P − (v_c / N_cc)·h_c, where N = (I − Q)⁻¹ is the fundamental matrix and v = s·N the expected
 * visits: v_c / N_cc is the probability of ever reaching c, and h_c that of converting from it. So the
 * removal effect RE_c = 1 − P₋c / P = v_c·h_c / (N_cc·P), and channel c is credited RE_c / Σ RE of
 * the conversions and of the value. N comes from one LU decomposition with partial pivoting.
 * Repeated consecutive touches (`a > a`) are self-loops, which change no absorption probability.
 *
 * @param paths - Journeys with counts (see {@link AttributionPath}).
 * @param options - Whether non-converting journeys enter the chain (default yes).
 * @returns Credits, removal effects, the conversion probability and the size of the chain. Without
 *   any conversion every credit and removal effect is 0.
 * @throws {JornadaError} `INVALID_INPUT` (path `[i, 'touches']`) for a path without touches;
 *   `UNSUPPORTED` beyond {@link MARKOV_MAX_CHANNELS} channels.
 *
 * @example
 * ```ts
 * const r = attributeMarkov([
 *   { touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 },
 *   { touches: ['social'], conversions: 0, value: 0, nulls: 1 },
 * ]);
 * r.conversionProbability; //=> 0.5
 * r.channels.map((c) => [c.channel, c.removalEffect, c.conversions]);
 * //=> [['social', 1, 0.5], ['email', 1, 0.5]]
 * ```
 * @category Journey
 */
export function attributeMarkov(paths: readonly AttributionPath[], options: MarkovAttributionOptions = {}): MarkovAttributionResult {
  const useNulls = options.useNulls ?? true;
  // Channels in order of first appearance; every channel is reported, even one whose journeys all weigh 0.
  const index = new Map<string, number>();
  const names: string[] = [];
  let totalConversions = 0;
  let totalValue = 0;
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k]!;
    if (p.touches.length === 0) {
      throw new JornadaError('INVALID_INPUT', `Invalid attribution paths at ${k}.touches: a path needs at least one touch`, {
        issues: [{ path: [k, 'touches'], message: 'a path needs at least one touch', code: 'too_small' }],
      });
    }
    totalConversions += p.conversions;
    totalValue += p.value;
    for (const t of p.touches) {
      if (!index.has(t)) {
        index.set(t, names.length);
        names.push(t);
      }
    }
  }
  const c = names.length;
  if (c > MARKOV_MAX_CHANNELS) {
    throw new JornadaError('UNSUPPORTED', `Markov attribution supports at most ${MARKOV_MAX_CHANNELS} channels, got ${c}`, {
      details: { channels: c },
    });
  }
  // Transition counts.
  const start = new Float64Array(c);
  const between = new Float64Array(c * c);
  const toConversion = new Float64Array(c);
  const toNull = new Float64Array(c);
  for (const p of paths) {
    const nulls = useNulls ? p.nulls : 0;
    const w = p.conversions + nulls;
    if (!(w > 0)) continue;
    const touches = p.touches;
    let previous = index.get(touches[0]!)!;
    start[previous]! += w;
    for (let i = 1; i < touches.length; i++) {
      const next = index.get(touches[i]!)!;
      between[previous * c + next]! += w;
      previous = next;
    }
    toConversion[previous]! += p.conversions;
    toNull[previous]! += nulls;
  }
  // Transient states: channels with an outgoing transition.
  const stateOf = new Int32Array(c).fill(-1);
  const channelOf: number[] = [];
  const rowTotal = new Float64Array(c);
  let transitionCount = 0;
  let startTotal = 0;
  for (let i = 0; i < c; i++) {
    let total = toConversion[i]! + toNull[i]!;
    for (let j = 0; j < c; j++) total += between[i * c + j]!;
    rowTotal[i] = total;
    if (total > 0) {
      stateOf[i] = channelOf.length;
      channelOf.push(i);
    }
    if (start[i]! > 0) transitionCount++;
    if (toConversion[i]! > 0) transitionCount++;
    if (toNull[i]! > 0) transitionCount++;
    for (let j = 0; j < c; j++) if (between[i * c + j]! > 0) transitionCount++;
    startTotal += start[i]!;
  }
  const n = channelOf.length;
  const removal = new Float64Array(c);
  let probability = 0;
  if (n > 0 && startTotal > 0) {
    const a = new Float64Array(n * n);
    const r = new Float64Array(n);
    for (let si = 0; si < n; si++) {
      const i = channelOf[si]!;
      const total = rowTotal[i]!;
      a[si * n + si] = 1;
      for (let sj = 0; sj < n; sj++) a[si * n + sj]! -= between[i * c + channelOf[sj]!]! / total;
      r[si] = toConversion[i]! / total;
    }
    const fundamental = invertMatrix(a, n);
    const h = new Float64Array(n);
    const visits = new Float64Array(n);
    for (let si = 0; si < n; si++) {
      let sum = 0;
      for (let sj = 0; sj < n; sj++) sum += fundamental[si * n + sj]! * r[sj]!;
      h[si] = sum;
    }
    for (let sj = 0; sj < n; sj++) {
      let sum = 0;
      for (let si = 0; si < n; si++) sum += (start[channelOf[si]!]! / startTotal) * fundamental[si * n + sj]!;
      visits[sj] = sum;
      probability += (start[channelOf[sj]!]! / startTotal) * h[sj]!;
    }
    if (probability > 0) {
      for (let sj = 0; sj < n; sj++) {
        const effect = (visits[sj]! * h[sj]!) / (fundamental[sj * n + sj]! * probability);
        removal[channelOf[sj]!] = Math.min(1, Math.max(0, effect));
      }
    }
  }
  let effectTotal = 0;
  for (let i = 0; i < c; i++) effectTotal += removal[i]!;
  const channels: MarkovChannelCredit[] = names.map((channel, i) => {
    const share = effectTotal > 0 ? removal[i]! / effectTotal : 0;
    return { channel, conversions: share * totalConversions, value: share * totalValue, removalEffect: removal[i]! };
  });
  return {
    model: 'markov',
    channels,
    totalConversions,
    totalValue,
    conversionProbability: probability,
    stateCount: n + 3,
    transitionCount,
  };
}
