/**
 * Defaults and validation of {@link SampleOptions} (internal).
 *
 * @internal
 * @module
 */
import { JornadaError, type JornadaIssue } from '../core/errors.js';
import type { ResolvedSampleOptions, SampleOptions } from './types.js';

/** Default number of customers. */
export const DEFAULT_SAMPLE_CUSTOMERS = 5_000;
/** Default start of the history: midnight of 1 January 2024 in São Paulo. */
export const DEFAULT_SAMPLE_FROM = '2024-01-01T03:00:00Z';
/** Default end of the history: midnight of 1 November 2026 in São Paulo. */
export const DEFAULT_SAMPLE_TO = '2026-11-01T03:00:00Z';
/** Default share of customers with injected duplicate records. */
export const DEFAULT_DUPLICATE_RATE = 0.08;
/** Values of the `duplicateDifficulty` option. */
const DIFFICULTIES: readonly string[] = ['easy', 'hard'];
/** Largest base the generator accepts (memory, not time, is the limit). */
export const MAX_SAMPLE_CUSTOMERS = 2_000_000;

/**
 * Fills defaults and checks the options.
 *
 * @param options - The options as given.
 * @returns The options with defaults filled in and dates copied.
 * @throws {JornadaError} `INVALID_OPTION` with one issue per bad field.
 * @internal
 */
export function resolveSampleOptions(options: SampleOptions): ResolvedSampleOptions {
  const issues: JornadaIssue[] = [];
  const o: Partial<SampleOptions> = typeof options === 'object' && options !== null ? options : {};
  if (typeof options !== 'object' || options === null) issues.push({ path: [], message: 'options must be an object', code: 'invalid_type' });
  const seed = o.seed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) issues.push({ path: ['seed'], message: 'seed must be a finite number', code: 'invalid_type' });
  const customers = o.customers ?? DEFAULT_SAMPLE_CUSTOMERS;
  if (typeof customers !== 'number' || !Number.isInteger(customers) || customers < 0 || customers > MAX_SAMPLE_CUSTOMERS) {
    issues.push({ path: ['customers'], message: `customers must be an integer in 0..${MAX_SAMPLE_CUSTOMERS}`, code: 'too_big' });
  }
  const from = o.from ?? new Date(DEFAULT_SAMPLE_FROM);
  const to = o.to ?? new Date(DEFAULT_SAMPLE_TO);
  const fromOk = from instanceof Date && !Number.isNaN(from.getTime());
  const toOk = to instanceof Date && !Number.isNaN(to.getTime());
  if (!fromOk) issues.push({ path: ['from'], message: 'from must be a valid Date', code: 'invalid_date' });
  if (!toOk) issues.push({ path: ['to'], message: 'to must be a valid Date', code: 'invalid_date' });
  if (fromOk && toOk && to.getTime() - from.getTime() < 86_400_000) {
    issues.push({ path: ['to'], message: 'to must be at least one day after from', code: 'too_small' });
  }
  const duplicateRate = o.duplicateRate ?? DEFAULT_DUPLICATE_RATE;
  if (typeof duplicateRate !== 'number' || !(duplicateRate >= 0 && duplicateRate <= 1)) {
    issues.push({ path: ['duplicateRate'], message: 'duplicateRate must be a number in 0..1', code: 'too_big' });
  }
  const difficulty: unknown = o.duplicateDifficulty ?? 'easy';
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty)) {
    issues.push({ path: ['duplicateDifficulty'], message: "duplicateDifficulty must be 'easy' or 'hard'", code: 'invalid_enum_value' });
  }
  if (issues.length > 0) {
    const first = issues[0];
    throw new JornadaError('INVALID_OPTION', `Invalid sample options at ${first?.path.join('.') || '(root)'}: ${first?.message ?? ''}`, { issues });
  }
  const resolved: ResolvedSampleOptions = { seed: seed as number, customers, from: new Date(from.getTime()), to: new Date(to.getTime()), duplicateRate };
  // Written only when hard, so that a base generated without the option keeps its exact JSON.
  if (difficulty === 'hard') resolved.duplicateDifficulty = 'hard';
  return resolved;
}
