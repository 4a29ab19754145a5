/**
 * Person names: display normalisation (spacing, case with Portuguese particles) and matching keys
 * (accents folded, particles and honorifics dropped).
 *
 * @module
 */
import { collapseSpaces, foldAccents } from './text.js';

/** Connecting particles written in lower case inside a name (Portuguese, Spanish, Italian, Dutch, German). */
const PARTICLES = new Set(['da', 'das', 'de', 'do', 'dos', 'e', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'du', 'y']);
/** Honorifics dropped from matching keys. */
const HONORIFICS = new Set(['sr', 'sra', 'srta', 'dr', 'dra', 'prof', 'profa', 'mr', 'mrs', 'ms', 'dom', 'dona']);
const ROMAN = /^(i{1,3}|iv|v|vi{1,3}|ix|x)$/i;

function capitalise(part: string): string {
  if (part.length === 0) return part;
  return part.charAt(0).toUpperCase() + part.slice(1);
}

function caseToken(token: string, first: boolean): string {
  const lower = token.toLowerCase();
  if (!first && PARTICLES.has(lower)) return lower;
  if (ROMAN.test(lower) && !first) return lower.toUpperCase();
  // Hyphenated and apostrophed parts are cased one by one: Ana-Luísa, D'Ávila, O'Neil.
  return lower
    .split('-')
    .map((h) => h.split(/(['’])/).map(capitalise).join(''))
    .join('-');
}

/**
 * Normalises a person's name for display: collapses spaces, trims stray punctuation, capitalises each
 * word, and keeps connecting particles (`da`, `de`, `do`, `das`, `dos`, `e`, and `di`, `del`, `van`,
 * `von`…) in lower case except at the start. Hyphenated and apostrophed names are cased part by part;
 * Roman numerals (`III`) stay upper case. Accents are kept.
 *
 * @param input - A name as typed.
 * @returns The name for display; `''` when nothing is left.
 *
 * @example
 * ```ts
 * normalizePersonName('  MARIA  DAS  GRAÇAS  d’ávila '); //=> 'Maria das Graças D’Ávila'
 * normalizePersonName('joão dos santos'); //=> 'João dos Santos'
 * ```
 * @category Names
 */
export function normalizePersonName(input: string): string {
  if (typeof input !== 'string') return '';
  const cleaned = collapseSpaces(input.replace(/[,;:_"()[\]{}<>|*#]+/g, ' '))
    .replace(/\s*-\s*/g, '-')
    .replace(/^[-.'’\s]+|[-'’\s]+$/g, '');
  if (cleaned.length === 0) return '';
  return cleaned
    .split(' ')
    .map((t, i) => caseToken(t, i === 0))
    .join(' ');
}

/**
 * The matching key of a person's name: accents folded, lower case, punctuation turned into spaces,
 * particles and honorifics dropped, words joined by one space. `Maria das Graças` and `MARIA GRACAS`
 * share a key.
 *
 * @param input - A name as typed.
 * @returns The key; `''` when the name has no letters.
 *
 * @example
 * ```ts
 * personNameKey('Sra. Maria das Graças da Conceição'); //=> 'maria gracas conceicao'
 * ```
 * @category Names
 */
export function personNameKey(input: string): string {
  if (typeof input !== 'string') return '';
  const folded = foldAccents(input.toLowerCase()).replace(/[^a-z\u00df-\u00ff]+/g, ' ');
  let out = '';
  for (const w of folded.split(' ')) {
    if (w.length === 0 || PARTICLES.has(w) || HONORIFICS.has(w)) continue;
    out = out.length === 0 ? w : `${out} ${w}`;
  }
  return out;
}

/**
 * The parts of a person's name.
 *
 * @category Names
 */
export interface PersonNameParts {
  /** First word: the given name. */
  firstName: string;
  /** The rest: family names with their particles; `''` for a single word. */
  lastName: string;
}

/**
 * Splits a full name into a given name (the first word) and family names (the rest), normalised for
 * display. Brazilian names usually carry the mother's and then the father's family name, so "last name"
 * here is all of them, not the final word.
 *
 * @param input - A full name as typed.
 * @returns The given name and the family names.
 *
 * @example
 * ```ts
 * splitPersonName('ana paula DE souza lima'); //=> { firstName: 'Ana', lastName: 'Paula de Souza Lima' }
 * ```
 * @category Names
 */
export function splitPersonName(input: string): PersonNameParts {
  const n = normalizePersonName(input);
  const space = n.indexOf(' ');
  return space < 0 ? { firstName: n, lastName: '' } : { firstName: n.slice(0, space), lastName: n.slice(space + 1) };
}

/**
 * Whether a name looks like a person's name: at least two letters, no digits, no `@`, and not a
 * placeholder (`teste`, `cliente`, `anonimo`, `nao informado`, `xxx`).
 *
 * @param input - A name as typed.
 * @returns `true` when it looks like a name.
 *
 * @example
 * ```ts
 * isPlausiblePersonName('Ana Souza'); //=> true
 * isPlausiblePersonName('Cliente 123'); //=> false
 * ```
 * @category Names
 */
export function isPlausiblePersonName(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  if (/[\d@]/.test(input)) return false;
  const key = personNameKey(input);
  if (key.replace(/ /g, '').length < 2) return false;
  return !PLACEHOLDER_NAMES.has(key) && !/^(.)\1+$/.test(key.replace(/ /g, ''));
}

const PLACEHOLDER_NAMES = new Set([
  'teste', 'test', 'cliente', 'consumidor', 'consumidor final', 'anonimo', 'anonymous', 'nao informado', 'nao tem',
  'sem nome', 'null', 'none', 'na', 'n a', 'xxx', 'fulano', 'fulano tal', 'asdf', 'unknown', 'desconhecido',
]);
