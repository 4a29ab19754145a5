/**
 * A seeded generator of a realistic synthetic customer base: a Brazilian pet-supplies retailer with an
 * online store, physical shops and a subscription programme. Use it to try jornada, to write tests
 * against data with known ground truth (duplicates, churn, late deliveries), and to benchmark.
 *
 * @example
 * ```ts
 * import { generateSampleBase } from 'jornada/sample';
 * const base = generateSampleBase({ seed: 42 });
 * ```
 * @module sample
 */
export { generateSampleBase } from './generate.js';
export type {
  SampleOptions,
  SampleBase,
  ResolvedSampleOptions,
  DuplicateDifficulty,
  InjectedDuplicate,
  DuplicateChange,
  InjectedTrap,
  TrapKind,
} from './types.js';
