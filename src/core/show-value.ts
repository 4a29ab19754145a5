/**
 * Safe text for untrusted values in error messages (internal).
 *
 * @internal
 * @module
 */

/**
 * A short description of any value for an error message. It never calls a user-supplied `toString`
 * or `valueOf` (which may throw or lie) and never throws, even for proxies and objects without a prototype.
 *
 * @param value - Anything.
 * @returns The value for numbers, booleans, bigints, `null` and `undefined`; a quoted excerpt for strings;
 *   the ISO form of a valid `Date`; otherwise its kind (`an array`, `an object`, `a function`).
 */
export function showValue(value: unknown): string {
  try {
    if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null || value === undefined) {
      return String(value);
    }
    if (value instanceof Date) return Number.isNaN(Date.prototype.getTime.call(value)) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
    if (Array.isArray(value)) return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  } catch {
    return `a ${typeof value}`;
  }
}
