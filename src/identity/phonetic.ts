/**
 * A phonetic key for Portuguese names, for blocking candidate pairs before fuzzy comparison.
 *
 * @module
 */
import { foldAccents } from './text.js';

const VOWEL = /[aeiou]/;
const PARTICLES = new Set(['da', 'das', 'de', 'do', 'dos', 'e', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'du', 'y']);

function encodeWord(word: string): string {
  let w = foldAccents(word.toLowerCase().replace(/ç/g, 's')).replace(/[^a-z]/g, '');
  if (w.length === 0) return '';
  w = w
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/sch|sh|ch/g, 'x')
    .replace(/lh/g, 'l')
    .replace(/nh/g, 'n')
    .replace(/(s|x)c(?=[eiy])/g, 's')
    .replace(/qu(?=[eiy])/g, 'k')
    .replace(/gu(?=[eiy])/g, 'g')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/m(?=[^aeiou]|$)/g, 'n')
    .replace(/h/g, '');
  if (w.length === 0) return '';
  const first = w.charAt(0);
  let out = VOWEL.test(first) ? (first === 'e' || first === 'i' ? 'i' : first === 'o' || first === 'u' ? 'u' : 'a') : first;
  for (let i = 1; i < w.length; i++) {
    const c = w.charAt(i);
    if (VOWEL.test(c)) continue;
    if (out.charAt(out.length - 1) !== c) out += c;
  }
  return out;
}

/**
 * A phonetic key for Portuguese (and Brazilian-spelled) names, in the spirit of Metaphone and of the
 * BuscaBR rules: letters that sound alike in Portuguese get one code, so spellings such as
 * Souza/Sousa, Luiz/Luís, Thiago/Tiago, Felipe/Phelipe, Wagner/Vagner, Gisele/Jizele and
 * Queiroz/Keiroz share a key. Digraphs first (`ph`→f, `th`→t, `ch`/`sh`→x, `lh`→l, `nh`→n), then soft
 * `c`/`ç`/`sc` → s, `qu`/`c` → k, soft `g` → j, `z` → s, `y` → i, `w` → v, `m` before a consonant or at
 * the end → n, silent `h` dropped; particles (`da`, `de`, `dos`…) are skipped; vowels after the first letter are dropped (an initial vowel keeps
 * its class: a, e/i, o/u) and repeated letters collapse. Each word is coded; words are joined by a space.
 *
 * A key groups candidates; it never decides a match on its own.
 *
 * @param input - A name as typed (accents and case are ignored).
 * @returns The key, words separated by one space; `''` when the name has no letters.
 *
 * @example
 * ```ts
 * phoneticKeyPt('Thiago de Souza'); //=> 'tg s'
 * phoneticKeyPt('Tiago de Sousa'); //=> 'tg s'
 * phoneticKeyPt('Luiz') === phoneticKeyPt('Luís'); //=> true
 * ```
 * @category Names
 */
export function phoneticKeyPt(input: string): string {
  if (typeof input !== 'string') return '';
  let out = '';
  for (const word of input.split(/[^\p{L}\p{M}]+/u)) {
    if (PARTICLES.has(foldAccents(word.toLowerCase()))) continue;
    const code = encodeWord(word);
    if (code.length > 0) out = out.length === 0 ? code : `${out} ${code}`;
  }
  return out;
}
