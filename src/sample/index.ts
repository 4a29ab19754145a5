/**
 * A seeded generator of a realistic synthetic customer base.
 *
 * @module sample
 */
export {};
