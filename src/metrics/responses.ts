/**
 * Reading answers out of response objects (internal): default accessors for `FeedbackResponse`,
 * skipping of other survey kinds, and validation with index paths.
 *
 * @module
 */
import { invalidAt, type ExperienceAccumulator, type ExperienceSummary } from './shared.js';

/**
 * How to read an answer, a weight and the survey kind from an item. Defaults fit `FeedbackResponse`.
 *
 * @category Metrics
 */
export interface ResponseAccessors<T> {
  /** The answer of an item; default `item.score`. */
  answer?: (item: T) => number;
  /** The weight of an item (finite, ≥ 0); default 1. */
  weight?: (item: T) => number;
}

/**
 * Whether an item belongs to the accumulator's survey: items with a string `kind` of another survey are skipped.
 *
 * @param item - The item.
 * @param kind - The accumulator's survey kind.
 * @returns False only for an object whose `kind` is a string other than `kind`.
 * @internal
 */
export function isOfKind(item: unknown, kind: string): boolean {
  if (typeof item !== 'object' || item === null) return true;
  const k = (item as { kind?: unknown }).kind;
  return typeof k !== 'string' || k === kind;
}

/**
 * Reads the answer of item `index`, with an INVALID_INPUT path into `responses`.
 *
 * @param item - The item.
 * @param index - Its position in the input.
 * @param accessor - A custom accessor, or `undefined` to read `item.score`.
 * @returns The answer (validated by the accumulator later).
 * @internal
 */
export function readAnswer<T>(item: T, index: number, accessor: ((item: T) => number) | undefined): number {
  if (accessor !== undefined) return accessor(item);
  const score = typeof item === 'object' && item !== null ? (item as { score?: unknown }).score : undefined;
  if (typeof score !== 'number') throw invalidAt(['responses', index, 'score'], `expected a number, got ${typeof score}`, 'invalid_type');
  return score;
}

/**
 * Adds item `index` to `state`, re-throwing validation errors with a path into `responses`.
 *
 * @param acc - The accumulator.
 * @param state - The state to add to (mutated).
 * @param item - The item.
 * @param index - Its position in the input.
 * @param accessors - Answer and weight accessors.
 * @internal
 */
export function addItem<T, S, R extends ExperienceSummary>(
  acc: ExperienceAccumulator<S, R>,
  state: S,
  item: T,
  index: number,
  accessors: ResponseAccessors<T>,
): void {
  const answer = readAnswer(item, index, accessors.answer);
  const weight = accessors.weight === undefined ? 1 : accessors.weight(item);
  try {
    acc.add(state, answer, weight);
  } catch (e) {
    const issue = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues?.[0];
    if (issue === undefined) throw e;
    const field = issue.path[0] === 'weight' ? 'weight' : 'score';
    throw invalidAt(['responses', index, field], issue.message, 'out_of_scale');
  }
}
