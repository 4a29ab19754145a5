/**
 * Placeholder barrel of `jornada/value`; the module lands with its issue.
 *
 * @module value
 */
export * from './probabilistic/index.js';
