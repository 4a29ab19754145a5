/**
 * Placeholder barrel of `jornada/metrics`; the module lands with its issue.
 *
 * @module metrics
 */
export {};
