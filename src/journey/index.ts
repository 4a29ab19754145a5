/**
 * Placeholder barrel of `jornada/journey`; the module lands with its issue.
 *
 * @module journey
 */
export {};
