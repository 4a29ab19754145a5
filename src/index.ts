/**
 * jornada — the customer-relationship loop in TypeScript: **identify** customers, **differentiate**
 * them by value, behaviour, stage and satisfaction, and **interact** with them at the right moment.
 *
 * Each module is also published on its own subpath (`jornada/model`, `jornada/sample`, …); import from
 * the subpath to load only what you use.
 *
 * @example
 * ```ts
 * import { parseCustomer, generateSampleBase } from 'jornada';
 * ```
 * @module jornada
 */
export * from './model/index.js';
export * from './sample/index.js';
