/**
 * Placeholder barrel of `jornada/cadence`; the module lands with its issue.
 *
 * @module cadence
 */
export {};
