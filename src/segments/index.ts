/**
 * Placeholder barrel of `jornada/segments`; the module lands with its issue.
 *
 * @module segments
 */
export {};
