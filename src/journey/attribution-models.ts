/**
 * Every attribution model on the same paths, side by side.
 *
 * @module
 */
import {
  attributeFirstTouch,
  attributeLastTouch,
  attributeLinear,
  attributePositionBased,
  attributeTimeDecay,
  type AttributionModelName,
  type AttributionResult,
  type PositionBasedOptions,
  type TimeDecayOptions,
} from './attribution-heuristic.js';
import { attributeMarkov, type MarkovAttributionOptions, type MarkovAttributionResult } from './attribution-markov.js';
import type { AttributionPath } from './attribution-paths.js';

/**
 * Options of {@link attributionModels}.
 *
 * @category Journey
 */
export interface AttributionModelsOptions {
  /** Shares of the position-based model (40/20/40 by default). */
  positionBased?: PositionBasedOptions;
  /** Half-life and form of time decay (168 h, continuous by default). */
  timeDecay?: TimeDecayOptions;
  /** Options of the Markov model. */
  markov?: MarkovAttributionOptions;
  /**
   * Whether to run time decay: `auto` (default) runs it when every converting path has
   * `hoursToConversion`; `true` requires it (and throws otherwise); `false` skips it.
   */
  includeTimeDecay?: boolean | 'auto';
}

/**
 * One channel's row in the side-by-side table: conversions and value under each model.
 *
 * @category Journey
 */
export interface AttributionComparisonRow {
  /** The channel. */
  channel: string;
  /** Conversions credited by each model that ran. */
  conversions: Partial<Record<AttributionModelName, number>>;
  /** Value credited by each model that ran. */
  value: Partial<Record<AttributionModelName, number>>;
  /** The Markov removal effect. */
  removalEffect: number;
}

/**
 * Each model's full result in {@link AttributionComparison}.
 *
 * @category Journey
 */
export interface AttributionModelResults {
  /** First touch. */
  first_touch: AttributionResult;
  /** Last touch. */
  last_touch: AttributionResult;
  /** Linear. */
  linear: AttributionResult;
  /** Position-based. */
  position_based: AttributionResult;
  /** Time decay, when it ran. */
  time_decay?: AttributionResult;
  /** Markov, with removal effects. */
  markov: MarkovAttributionResult;
}

/**
 * All models on the same paths.
 *
 * @category Journey
 */
export interface AttributionComparison {
  /** The models that ran, in table order. */
  models: AttributionModelName[];
  /** One row per channel, in order of first appearance in the paths. */
  rows: AttributionComparisonRow[];
  /** Each model's full result (time decay only when it ran). */
  results: AttributionModelResults;
  /** Conversions of all paths. */
  totalConversions: number;
  /** Value of all paths. */
  totalValue: number;
}

/**
 * Runs first touch, last touch, linear, position-based, time decay (when the paths carry hours) and
 * Markov on the same paths and lays the credits side by side per channel.
 *
 * @param paths - Journeys with counts (see {@link AttributionPath}).
 * @param options - Options of each model, and whether to run time decay.
 * @returns The table and each model's result.
 * @throws {JornadaError} What the models throw: `INVALID_INPUT` for a path without touches (or without
 *   hours when `includeTimeDecay` is `true`), `INVALID_OPTION` for bad shares or half-life.
 *
 * @example
 * ```ts
 * const t = attributionModels([
 *   { touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 },
 *   { touches: ['email'], conversions: 1, value: 30, nulls: 1 },
 * ]);
 * t.models; //=> ['first_touch', 'last_touch', 'linear', 'position_based', 'markov']
 * t.rows[1]?.conversions;
 * //=> { first_touch: 1, last_touch: 2, linear: 1.5, position_based: 1.5, markov: 1.5 }
 * t.rows[1]?.removalEffect; //=> 1
 * ```
 * @category Journey
 */
export function attributionModels(paths: readonly AttributionPath[], options: AttributionModelsOptions = {}): AttributionComparison {
  const include = options.includeTimeDecay ?? 'auto';
  const haveHours = paths.every((p) => p.conversions === 0 || p.hoursToConversion?.length === p.touches.length);
  const runDecay = include === true || (include === 'auto' && haveHours);
  const heuristic: AttributionResult[] = [
    attributeFirstTouch(paths),
    attributeLastTouch(paths),
    attributeLinear(paths),
    attributePositionBased(paths, options.positionBased),
  ];
  if (runDecay) heuristic.push(attributeTimeDecay(paths, options.timeDecay));
  const markov = attributeMarkov(paths, options.markov);
  const all: AttributionResult[] = [...heuristic, markov];
  const rows: AttributionComparisonRow[] = markov.channels.map((c) => ({
    channel: c.channel,
    conversions: {},
    value: {},
    removalEffect: c.removalEffect,
  }));
  const rowOf = new Map(rows.map((r) => [r.channel, r]));
  const results: Partial<Record<AttributionModelName, AttributionResult>> = {};
  for (const result of all) {
    results[result.model] = result;
    for (const credit of result.channels) {
      const row = rowOf.get(credit.channel);
      if (row === undefined) continue;
      row.conversions[result.model] = credit.conversions;
      row.value[result.model] = credit.value;
    }
  }
  return {
    models: all.map((r) => r.model),
    rows,
    results: results as unknown as AttributionModelResults,
    totalConversions: markov.totalConversions,
    totalValue: markov.totalValue,
  };
}
