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
 * @example
 * ```ts
 * MARKOV_MAX_CHANNELS; //=> 3000
 * ```
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
  return solveChain({ names, start, between, toConversion, toNull, totalConversions, totalValue });
}

/** Dense transition counts of a first-order chain over `names.length` channels. */
interface ChainCounts {
  names: readonly string[];
  start: Float64Array;
  between: Float64Array;
  toConversion: Float64Array;
  toNull: Float64Array;
  totalConversions: number;
  totalValue: number;
}

/** Solves the absorbing chain exactly and credits conversions and value by the removal effects. */
function solveChain(counts: ChainCounts): MarkovAttributionResult {
  const { names, start, between, toConversion, toNull, totalConversions, totalValue } = counts;
  const c = names.length;
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

/**
 * The state of {@link markovAttributionAccumulator}: the chain's transition counts by channel, a
 * plain JSON-serialisable object (store it, send it to another worker, merge it later).
 *
 * @category Journey
 */
export interface MarkovChainState {
  /** Whether non-converting journeys weigh in (fixed when the accumulator is created). */
  useNulls: boolean;
  /** Channels in order of first appearance. */
  channels: string[];
  /** Weight of start → channel, per channel index. */
  start: number[];
  /** Weight of channel → conversion, per channel index. */
  conversions: number[];
  /** Weight of channel → null, per channel index. */
  nulls: number[];
  /** Weight of channel → channel, keyed `"from,to"` by channel index. */
  transitions: Record<string, number>;
  /** Conversions added. */
  totalConversions: number;
  /** Conversion value added. */
  totalValue: number;
  /** Paths added. */
  paths: number;
}

/**
 * A mergeable accumulator of the Markov chain: add paths in parts (workers, partitions, a stream),
 * merge the states in any order, and take the exact attribution of all of them.
 *
 * @category Journey
 */
export interface MarkovAttributionAccumulator {
  /** A new, empty state. */
  create(): MarkovChainState;
  /**
   * Adds one path to `state` (mutating it) and returns it. Throws `JornadaError` `INVALID_INPUT`
   * (path `['path', …]`) for a path without touches or with a negative or non-finite count.
   */
  add(state: MarkovChainState, path: AttributionPath): MarkovChainState;
  /**
   * A new state holding both inputs; neither is changed. Throws `JornadaError` `INVALID_INPUT` when
   * the states differ in `useNulls`.
   */
  merge(a: MarkovChainState, b: MarkovChainState): MarkovChainState;
  /** The attribution of everything added (as {@link attributeMarkov} on all the paths). */
  result(state: MarkovChainState): MarkovAttributionResult;
}

function badPath(field: string, message: string): JornadaError {
  return new JornadaError('INVALID_INPUT', `Invalid path at ${field}: ${message}`, { issues: [{ path: ['path', field], message }] });
}

/**
 * Creates a mergeable accumulator of the first-order Markov chain. `result` gives exactly what
 * {@link attributeMarkov} gives on all the paths added (channels in order of first appearance in
 * the merged state).
 *
 * @param options - Whether non-converting journeys enter the chain (default yes).
 * @returns The accumulator.
 *
 * @example
 * ```ts
 * const acc = markovAttributionAccumulator();
 * const a = acc.add(acc.create(), { touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 });
 * const b = acc.add(acc.create(), { touches: ['social'], conversions: 0, value: 0, nulls: 1 });
 * acc.result(acc.merge(a, b)).conversionProbability; //=> 0.5
 * JSON.parse(JSON.stringify(a)).transitions; //=> { '0,1': 1 }
 * ```
 * @category Journey
 */
export function markovAttributionAccumulator(options: MarkovAttributionOptions = {}): MarkovAttributionAccumulator {
  const useNulls = options.useNulls ?? true;
  // Channel → index look-ups, cached per state object and rebuilt when the state was made elsewhere.
  const indexCache = new WeakMap<MarkovChainState, Map<string, number>>();
  const indexOf = (state: MarkovChainState): Map<string, number> => {
    let index = indexCache.get(state);
    if (index === undefined || index.size !== state.channels.length) {
      index = new Map(state.channels.map((ch, i) => [ch, i]));
      indexCache.set(state, index);
    }
    return index;
  };
  const slot = (state: MarkovChainState, index: Map<string, number>, channel: string): number => {
    let i = index.get(channel);
    if (i === undefined) {
      i = state.channels.length;
      index.set(channel, i);
      state.channels.push(channel);
      state.start.push(0);
      state.conversions.push(0);
      state.nulls.push(0);
    }
    return i;
  };
  const create = (): MarkovChainState => ({
    useNulls,
    channels: [],
    start: [],
    conversions: [],
    nulls: [],
    transitions: {},
    totalConversions: 0,
    totalValue: 0,
    paths: 0,
  });
  return {
    create,
    add(state, path) {
      if (typeof path !== 'object' || path === null) {
        throw new JornadaError('INVALID_INPUT', 'Invalid path: must be an object', { issues: [{ path: ['path'], message: 'must be an object' }] });
      }
      const touches = path.touches;
      if (!Array.isArray(touches) || touches.length === 0) throw badPath('touches', 'a path needs at least one touch');
      for (const field of ['conversions', 'value', 'nulls'] as const) {
        const v = path[field];
        if (typeof v !== 'number' || !(v >= 0) || v === Infinity) throw badPath(field, 'must be a finite number ≥ 0');
      }
      for (const t of touches) if (typeof t !== 'string' || t === '') throw badPath('touches', 'a touch is a non-empty string');
      const index = indexOf(state);
      const nulls = state.useNulls ? path.nulls : 0;
      const w = path.conversions + nulls;
      let previous = slot(state, index, touches[0]!);
      for (let i = 1; i < touches.length; i++) {
        const next = slot(state, index, touches[i]!);
        if (w > 0) {
          const key = `${previous},${next}`;
          state.transitions[key] = (state.transitions[key] ?? 0) + w;
        }
        previous = next;
      }
      if (w > 0) {
        state.start[index.get(touches[0]!)!]! += w;
        state.conversions[previous]! += path.conversions;
        state.nulls[previous]! += nulls;
      }
      state.totalConversions += path.conversions;
      state.totalValue += path.value;
      state.paths += 1;
      return state;
    },
    merge(a, b) {
      if (a.useNulls !== b.useNulls) {
        throw new JornadaError('INVALID_INPUT', 'Invalid state: cannot merge chains built with and without nulls', {
          issues: [{ path: ['useNulls'], message: 'states differ in useNulls' }],
        });
      }
      const out: MarkovChainState = {
        useNulls: a.useNulls,
        channels: [...a.channels],
        start: [...a.start],
        conversions: [...a.conversions],
        nulls: [...a.nulls],
        transitions: { ...a.transitions },
        totalConversions: a.totalConversions + b.totalConversions,
        totalValue: a.totalValue + b.totalValue,
        paths: a.paths + b.paths,
      };
      const index = indexOf(out);
      const map = b.channels.map((ch) => slot(out, index, ch));
      b.channels.forEach((_, i) => {
        const j = map[i]!;
        out.start[j]! += b.start[i] ?? 0;
        out.conversions[j]! += b.conversions[i] ?? 0;
        out.nulls[j]! += b.nulls[i] ?? 0;
      });
      for (const [key, w] of Object.entries(b.transitions)) {
        const [from, to] = key.split(',').map(Number) as [number, number];
        const k = `${map[from]!},${map[to]!}`;
        out.transitions[k] = (out.transitions[k] ?? 0) + w;
      }
      return out;
    },
    result(state) {
      const c = state.channels.length;
      if (c > MARKOV_MAX_CHANNELS) {
        throw new JornadaError('UNSUPPORTED', `Markov attribution supports at most ${MARKOV_MAX_CHANNELS} channels, got ${c}`, {
          details: { channels: c },
        });
      }
      const between = new Float64Array(c * c);
      for (const [key, w] of Object.entries(state.transitions)) {
        const [from, to] = key.split(',').map(Number) as [number, number];
        between[from * c + to]! += w;
      }
      return solveChain({
        names: state.channels,
        start: Float64Array.from(state.start),
        between,
        toConversion: Float64Array.from(state.conversions),
        toNull: Float64Array.from(state.nulls),
        totalConversions: state.totalConversions,
        totalValue: state.totalValue,
      });
    },
  };
}
