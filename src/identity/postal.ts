/**
 * Brazilian postal codes (CEP, *Código de Endereçamento Postal*).
 *
 * A CEP has eight digits, `00000-000`: region, sub-region, sector, subsector, subsector division
 * (the five-digit prefix) and a three-digit suffix that places the street or building (Correios).
 * Assigned CEPs start at `01000-000` (São Paulo); a CEP below that does not exist.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';

/**
 * Strips the punctuation of a CEP as typed (`01310-100`, `01.310-100`, `01310100`) and returns its
 * eight digits, or `undefined` when it is not a possible CEP (not 8 digits, or below `01000-000`).
 *
 * @param input - A CEP as typed.
 * @returns The eight digits, or `undefined`.
 *
 * @example
 * ```ts
 * normalizeCep(' 01.310-100 '); //=> '01310100'
 * normalizeCep('00000-000'); //=> undefined
 * ```
 * @category Postal codes
 */
export function normalizeCep(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.replace(/[\s.-]/g, '');
  if (!/^\d{8}$/.test(compact)) return undefined;
  return compact < '01000000' ? undefined : compact;
}

/**
 * Whether a CEP is possible: eight digits (mask allowed) from `01000-000` up. Whether the Correios
 * actually assigned it needs their database, which this library does not ship.
 *
 * @param input - A CEP as typed; anything that is not a string is invalid.
 * @returns `true` for a possible CEP.
 *
 * @example
 * ```ts
 * isValidCep('01310-100'); //=> true
 * isValidCep('1310-100'); //=> false
 * ```
 * @category Postal codes
 */
export function isValidCep(input: unknown): boolean {
  return typeof input === 'string' && normalizeCep(input) !== undefined;
}

/**
 * Formats a CEP with its mask `00000-000`.
 *
 * @param input - A CEP, with or without mask.
 * @returns The masked CEP.
 * @throws {JornadaError} `INVALID_INPUT` when the input is not a possible CEP.
 *
 * @example
 * ```ts
 * formatCep('01310100'); //=> '01310-100'
 * ```
 * @category Postal codes
 */
export function formatCep(input: string): string {
  const d = normalizeCep(input);
  if (d === undefined) {
    throw new JornadaError('INVALID_INPUT', 'A CEP is eight digits from 01000-000', {
      issues: [{ path: [], message: 'must be a CEP such as 01310-100', code: 'cep_shape' }],
    });
  }
  return `${d.slice(0, 5)}-${d.slice(5)}`;
}
