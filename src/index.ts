/**
 * jornada — the customer-relationship loop in TypeScript: **identify** customers, **differentiate**
 * them by value, behaviour, stage and satisfaction, and **interact** with them at the right moment.
 *
 * Each module is also published on its own subpath (`jornada/model`, `jornada/metrics`, …); import from
 * the subpath to load only what you use. Every name is unique across modules, so this root barrel
 * re-exports them all.
 *
 * @example
 * ```ts
 * import { parseCustomer, generateSampleBase } from 'jornada';
 * ```
 * @module jornada
 */
export * from './model/index.js';
export * from './sample/index.js';
export * from './metrics/index.js';
export * from './value/index.js';
export * from './segments/index.js';
export * from './lifecycle/index.js';
export * from './journey/index.js';
export * from './calendar/index.js';
export * from './cadence/index.js';
export * from './identity/index.js';
