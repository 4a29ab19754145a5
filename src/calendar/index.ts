/**
 * Placeholder barrel of `jornada/calendar`; the module lands with its issue.
 *
 * @module calendar
 */
export {};
