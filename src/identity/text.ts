/**
 * Text helpers shared by the normalisers: accent folding and whitespace.
 *
 * @module
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/**
 * Removes diacritics (accents, cedilla, tilde) by Unicode canonical decomposition (NFD) and dropping
 * the combining marks U+0300–U+036F. Letters without a decomposition (`ø`, `ß`) are kept.
 *
 * @param text - Any text.
 * @returns The text without combining marks, recomposed (NFC).
 *
 * @example
 * ```ts
 * foldAccents('João Conceição'); //=> 'Joao Conceicao'
 * ```
 * @category Identity
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/**
 * Trims and collapses runs of any Unicode space (including NBSP) into one ASCII space.
 *
 * @param text - Any text.
 * @returns The text with single spaces, trimmed.
 * @internal
 */
export function collapseSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/**
 * Keeps the ASCII digits of a string.
 *
 * @param text - Any text.
 * @returns The digits 0–9 in order.
 * @internal
 */
export function digitsOnly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
  }
  return out;
}
