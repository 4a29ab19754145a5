/**
 * A seeded generator of a realistic synthetic customer base: a Brazilian pet-supplies retailer with an
 * online store, physical shops and a subscription programme.
 *
 * @module sample
 */
export type { SampleOptions, SampleBase, InjectedDuplicate, DuplicateChange } from './types.js';
