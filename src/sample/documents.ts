/**
 * Check digits of the identity documents the sample generator issues (internal): Brazilian CPF and
 * CNPJ (numeric and the alphanumeric form of 2026) and Portuguese NIF. The `identity` module validates
 * them independently; these functions only build valid numbers.
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
 * The two check digits of a CPF whose first nine digits are given (Receita Federal rule): the first
 * weighs the nine digits by 10..2, the second weighs the nine digits and the first check digit by 11..2.
 *
 * @param base - Nine digits.
 * @returns The two check digits as a string.
 * @internal
 */
export function cpfCheckDigits(base: string): string {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 9; i++) {
    const d = base.charCodeAt(i) - 48;
    s1 += d * (10 - i);
    s2 += d * (11 - i);
  }
  const d1 = mod11Digit(s1);
  s2 += d1 * 2;
  return `${d1}${mod11Digit(s2)}`;
}

const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * The two check digits of a CNPJ whose first twelve characters are given. Each character counts as its
 * ASCII code minus 48, so digits keep their value and letters A–Z count 17–42: the rule of the
 * alphanumeric CNPJ (Receita Federal, IN RFB 2.229/2024), which leaves numeric CNPJs unchanged.
 *
 * @param base - Twelve characters, digits or upper-case letters.
 * @returns The two check digits as a string.
 * @internal
 */
export function cnpjCheckDigits(base: string): string {
  let s1 = 0;
  for (let i = 0; i < 12; i++) s1 += (base.charCodeAt(i) - 48) * (CNPJ_W1[i] ?? 0);
  const d1 = mod11Digit(s1);
  let s2 = 0;
  for (let i = 0; i < 12; i++) s2 += (base.charCodeAt(i) - 48) * (CNPJ_W2[i] ?? 0);
  s2 += d1 * (CNPJ_W2[12] ?? 0);
  return `${d1}${mod11Digit(s2)}`;
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
