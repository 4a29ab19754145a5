/**
 * Placeholder barrel of `jornada/lifecycle`; the module lands with its issue.
 *
 * @module lifecycle
 */
export {};
