/**
 * Placeholder barrel of `jornada/identity`; the module lands with its issue.
 *
 * @module identity
 */
export {};
