/**
 * Breakdowns of an experience score by one or more dimensions (touchpoint, channel, segment, stage,
 * region…), each cell with its size, interval and a too-few-answers flag.
 *
 * @module
 */
import { npsAccumulator, type NpsResult, type NpsState } from './nps.js';
import { addItem, isOfKind, type ResponseAccessors } from './responses.js';
import { invalidOption, type ExperienceAccumulator, type ExperienceSummary } from './shared.js';

/**
 * A dimension: a function giving an item's value on it (`null` or `undefined` when it has none).
 *
 * @typeParam T - The item type.
 * @category Metrics
 */
export type BreakdownDimension<T> = (item: T) => string | number | boolean | null | undefined;

/**
 * Options of {@link feedbackBreakdown}.
 *
 * @typeParam T - The item type.
 * @typeParam S - The accumulator state.
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface FeedbackBreakdownOptions<T, S, R extends ExperienceSummary> extends ResponseAccessors<T> {
  /** Dimensions by name, for example `{ touchpoint: (r) => r.touchpoint, channel: (r) => r.channel }`. */
  dimensions: Record<string, BreakdownDimension<T>>;
  /** The score to compute; default `npsAccumulator()`. Items whose `kind` names another survey are skipped. */
  accumulator?: ExperienceAccumulator<S, R>;
  /** Cells with fewer answers than this are flagged `tooFewAnswers`; default 30. */
  minAnswers?: number;
}

/**
 * One cell of a breakdown: the items sharing one value on every dimension.
 *
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface BreakdownCell<R> {
  /** The cell's value on each dimension (`null` for items without one). */
  key: Record<string, string | null>;
  /** Number of answers in the cell. */
  n: number;
  /** The score of the cell, with its interval. */
  result: R;
  /** Whether the cell has fewer answers than `minAnswers`: read its score with care. */
  tooFewAnswers: boolean;
}

/**
 * A breakdown: the total and one cell per combination of dimension values that occurs.
 *
 * @typeParam R - The score result.
 * @category Metrics
 */
export interface FeedbackBreakdown<R> {
  /** Dimension names, in the order given. */
  dimensions: string[];
  /** The score over every counted item (the merge of all cells). */
  total: BreakdownCell<R>;
  /** Cells sorted by key (dimension by dimension; `null` last). */
  cells: BreakdownCell<R>[];
}

/**
 * Breaks an experience score down by one or more dimensions. Every counted item lands in exactly
 * one cell, so cell sizes sum to the total; the total is the merge of the cells' accumulator states.
 *
 * @param items - Responses (any objects; `FeedbackResponse` works with the defaults).
 * @param options - Dimensions, the accumulator (default NPS), accessors and the too-few threshold.
 * @returns The total and the cells.
 * @throws {JornadaError} `INVALID_INPUT` with path `['responses', i, 'score']` for an answer off the
 *   accumulator's scale; `INVALID_OPTION` for no dimensions or a negative `minAnswers`.
 *
 * @example
 * ```ts
 * const responses = [
 *   { kind: 'nps', score: 10, channel: 'email' }, { kind: 'nps', score: 3, channel: 'email' },
 *   { kind: 'nps', score: 9, channel: 'web' },
 * ];
 * const b = feedbackBreakdown(responses, { dimensions: { channel: (r) => r.channel }, minAnswers: 2 });
 * b.cells.map((c) => [c.key.channel, c.result.score, c.tooFewAnswers]);
 * //=> [['email', 0, false], ['web', 100, true]]
 * ```
 * @category Metrics
 */
export function feedbackBreakdown<T, S = NpsState, R extends ExperienceSummary = NpsResult>(
  items: Iterable<T>,
  options: FeedbackBreakdownOptions<T, S, R>,
): FeedbackBreakdown<R> {
  const names = Object.keys(options.dimensions);
  if (names.length === 0) throw invalidOption('dimensions', 'give at least one dimension', options.dimensions);
  const minAnswers = options.minAnswers ?? 30;
  if (!(minAnswers >= 0)) throw invalidOption('minAnswers', 'must be ≥ 0', minAnswers);
  const acc = (options.accumulator ?? npsAccumulator()) as ExperienceAccumulator<S, R>;
  const fns = names.map((name) => options.dimensions[name] as BreakdownDimension<T>);
  const states = new Map<string, { key: (string | null)[]; state: S }>();
  const width = fns.length;
  let index = 0;
  for (const item of items) {
    if (isOfKind(item, acc.kind)) {
      // The cell id: each value prefixed by \u0002 (or \u0001 for none) and separated by \u0000.
      let id = '';
      for (let k = 0; k < width; k++) {
        const v = (fns[k] as BreakdownDimension<T>)(item);
        id += v === null || v === undefined ? '\u0001\u0000' : `\u0002${String(v)}\u0000`;
      }
      let entry = states.get(id);
      if (entry === undefined) {
        const key = fns.map((fn) => {
          const v = fn(item);
          return v === null || v === undefined ? null : String(v);
        });
        entry = { key, state: acc.create() };
        states.set(id, entry);
      }
      addItem(acc, entry.state, item, index, options);
    }
    index++;
  }
  const toCell = (key: (string | null)[], state: S): BreakdownCell<R> => {
    const result = acc.result(state);
    const record: Record<string, string | null> = {};
    names.forEach((name, i) => (record[name] = key[i] ?? null));
    return { key: record, n: result.n, result, tooFewAnswers: result.n < minAnswers };
  };
  const entries = [...states.values()].sort((a, b) => compareKeys(a.key, b.key));
  let total = acc.create();
  for (const e of entries) total = acc.merge(total, e.state);
  return {
    dimensions: names,
    total: toCell(names.map(() => null), total),
    cells: entries.map((e) => toCell(e.key, e.state)),
  };
}

function compareKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
