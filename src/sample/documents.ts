/**
 * Check digit of the Portuguese NIF the sample generator issues (internal). CPF and CNPJ check digits
 * come from the `identity` module, which validates them against the Receita Federal's published examples.
 *
 * @internal
 * @module
 */

/** Mod-11 check digit as CPF, CNPJ and NIF use it: remainder below 2 gives 0, otherwise 11 − remainder. */
function mod11Digit(sum: number): number {
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/**
 * The check digit of a Portuguese NIF whose first eight digits are given (weights 9..2, mod 11).
 *
 * @param base - Eight digits.
 * @returns The check digit.
 * @internal
 */
export function nifCheckDigit(base: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += (base.charCodeAt(i) - 48) * (9 - i);
  return String(mod11Digit(s));
}
