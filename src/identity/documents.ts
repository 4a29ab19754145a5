/**
 * Brazilian taxpayer numbers: CPF (persons) and CNPJ (companies, numeric and the alphanumeric form in
 * force from July 2026) — check digits, validation, generators and display masks.
 *
 * Both use modulus-11 check digits: each character's value is multiplied by a weight, the sum is taken
 * modulo 11, and the digit is `0` when the remainder is below 2, else `11 − remainder`.
 * CPF weights are 10…2 for the first digit and 11…2 for the second. CNPJ weights are
 * 5,4,3,2,9,8,7,6,5,4,3,2 and 6,5,4,3,2,9,8,7,6,5,4,3,2. In the alphanumeric CNPJ
 * (Instrução Normativa RFB nº 2.229/2024) a character's value is its ASCII code minus 48, so digits keep
 * their value and `A` is 17, `B` 18 … `Z` 42; the two check digits stay numeric.
 *
 * @module
 */
import { createRandom } from '../core/random.js';
import { JornadaError } from '../core/errors.js';

const CPF_SHAPE = /^\d{11}$/;
const CNPJ_SHAPE = /^[0-9A-Z]{12}\d{2}$/;
const CNPJ_BASE_SHAPE = /^[0-9A-Z]{12}$/;

function mod11Digit(sum: number): number {
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/**
 * Strips the punctuation of a CPF as typed (`529.982.247-25`, `529 982 247 25`) and returns its 11
 * digits, or `undefined` when what remains is not 11 digits. Check digits are not verified here; see
 * {@link isValidCpf}.
 *
 * @param input - A CPF as typed.
 * @returns The 11 digits, or `undefined`.
 *
 * @example
 * ```ts
 * normalizeCpf(' 529.982.247-25 '); //=> '52998224725'
 * normalizeCpf('529.982.247'); //=> undefined
 * ```
 * @category Documents
 */
export function normalizeCpf(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.replace(/[\s.\-/]/g, '');
  return CPF_SHAPE.test(compact) ? compact : undefined;
}

/**
 * The two check digits of a CPF whose first nine digits are given.
 *
 * @param base - Nine digits (punctuation allowed).
 * @returns The two check digits as a string (`'25'`).
 * @throws {JornadaError} `INVALID_INPUT` when `base` is not nine digits.
 *
 * @example
 * ```ts
 * cpfCheckDigits('529982247'); //=> '25'
 * ```
 * @category Documents
 */
export function cpfCheckDigits(base: string): string {
  const digits = typeof base === 'string' ? base.replace(/[\s.\-/]/g, '') : '';
  if (!/^\d{9}$/.test(digits)) {
    throw new JornadaError('INVALID_INPUT', 'A CPF base is nine digits', {
      issues: [{ path: [], message: 'must be nine digits', code: 'cpf_base' }],
    });
  }
  return cpfDigitsOf(digits);
}

function cpfDigitsOf(nine: string): string {
  let s1 = 0;
  for (let i = 0; i < 9; i++) s1 += (nine.charCodeAt(i) - 48) * (10 - i);
  const d1 = mod11Digit(s1);
  let s2 = 0;
  for (let i = 0; i < 9; i++) s2 += (nine.charCodeAt(i) - 48) * (11 - i);
  s2 += d1 * 2;
  return `${d1}${mod11Digit(s2)}`;
}

/**
 * Whether a CPF is valid: 11 digits (masks allowed), correct check digits, and not one digit repeated
 * eleven times (`111.111.111-11` passes the arithmetic but the Receita Federal never issues it).
 *
 * @param input - A CPF as typed; anything that is not a string is invalid.
 * @returns `true` for a valid CPF.
 *
 * @example
 * ```ts
 * isValidCpf('529.982.247-25'); //=> true
 * isValidCpf('529.982.247-24'); //=> false
 * isValidCpf('000.000.000-00'); //=> false
 * ```
 * @category Documents
 */
export function isValidCpf(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const digits = normalizeCpf(input);
  if (digits === undefined || /^(\d)\1{10}$/.test(digits)) return false;
  return cpfDigitsOf(digits.slice(0, 9)) === digits.slice(9);
}

/**
 * Formats a CPF with the usual mask `000.000.000-00`.
 *
 * @param input - A CPF, with or without mask.
 * @returns The masked CPF.
 * @throws {JornadaError} `INVALID_INPUT` when the input is not 11 digits.
 *
 * @example
 * ```ts
 * formatCpf('52998224725'); //=> '529.982.247-25'
 * ```
 * @category Documents
 */
export function formatCpf(input: string): string {
  const d = normalizeCpf(input);
  if (d === undefined) {
    throw new JornadaError('INVALID_INPUT', 'A CPF is 11 digits', { issues: [{ path: [], message: 'must be 11 digits', code: 'cpf_shape' }] });
  }
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/**
 * Hides a CPF for display the way Brazilian public portals do: only the middle six digits are shown
 * (`***.982.247-**`), enough for a person to recognise their own number and too little to reuse it.
 *
 * @param input - A CPF, with or without mask.
 * @returns The redacted CPF.
 * @throws {JornadaError} `INVALID_INPUT` when the input is not 11 digits.
 *
 * @example
 * ```ts
 * redactCpf('529.982.247-25'); //=> '***.982.247-**'
 * ```
 * @category Documents
 */
export function redactCpf(input: string): string {
  const masked = formatCpf(input);
  return `***${masked.slice(3, 11)}-**`;
}

/**
 * Builds valid CPFs from a seed: the first nine digits are drawn from a seeded generator (never all
 * equal) and the check digits are computed. The same seed gives the same numbers, on every platform.
 *
 * @param seed - Seed of the generator.
 * @param count - How many CPFs; default 1.
 * @returns `count` valid CPFs, unmasked.
 * @throws {JornadaError} `INVALID_OPTION` when `count` is not a non-negative integer.
 *
 * @example
 * ```ts
 * generateCpfs(7, 3).every(isValidCpf); //=> true
 * ```
 * @category Documents
 */
export function generateCpfs(seed: number, count = 1): string[] {
  assertCount(count);
  const rng = createRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    let base = '';
    for (let i = 0; i < 9; i++) base += String(rng.int(0, 9));
    if (/^(\d)\1{8}$/.test(base)) continue;
    out.push(base + cpfDigitsOf(base));
  }
  return out;
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new JornadaError('INVALID_OPTION', 'count must be a non-negative integer', { details: { count } });
  }
}

/**
 * Strips the punctuation of a CNPJ as typed (`11.222.333/0001-81`, `12.abc.345/01de-35`) and returns
 * its 14 characters upper-cased, or `undefined` when they are not 12 letters or digits followed by 2
 * digits. Check digits are not verified here; see {@link isValidCnpj}.
 *
 * @param input - A CNPJ as typed.
 * @returns The 14 characters, or `undefined`.
 *
 * @example
 * ```ts
 * normalizeCnpj('12.abc.345/01de-35'); //=> '12ABC34501DE35'
 * ```
 * @category Documents
 */
export function normalizeCnpj(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.replace(/[\s.\-/]/g, '').toUpperCase();
  return CNPJ_SHAPE.test(compact) ? compact : undefined;
}

function cnpjDigitsOf(base12: string): string {
  const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const w2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 12; i++) {
    const v = base12.charCodeAt(i) - 48;
    s1 += v * (w1[i] as number);
    s2 += v * (w2[i] as number);
  }
  const d1 = mod11Digit(s1);
  s2 += d1 * 2;
  return `${d1}${mod11Digit(s2)}`;
}

/**
 * The two check digits of a CNPJ whose first twelve characters (digits, or upper-case letters in the
 * alphanumeric CNPJ) are given.
 *
 * @param base - Twelve characters (punctuation allowed, letters in any case).
 * @returns The two check digits as a string.
 * @throws {JornadaError} `INVALID_INPUT` when `base` is not twelve letters or digits.
 *
 * @example
 * ```ts
 * cnpjCheckDigits('112223330001'); //=> '81'
 * cnpjCheckDigits('12ABC34501DE'); //=> '35'
 * ```
 * @category Documents
 */
export function cnpjCheckDigits(base: string): string {
  const chars = typeof base === 'string' ? base.replace(/[\s.\-/]/g, '').toUpperCase() : '';
  if (!CNPJ_BASE_SHAPE.test(chars)) {
    throw new JornadaError('INVALID_INPUT', 'A CNPJ base is twelve letters or digits', {
      issues: [{ path: [], message: 'must be twelve letters or digits', code: 'cnpj_base' }],
    });
  }
  return cnpjDigitsOf(chars);
}

/**
 * Whether a CNPJ is valid, numeric or alphanumeric: 12 letters or digits and 2 numeric check digits
 * (masks and lower-case letters allowed), correct check digits, and not one digit repeated fourteen times.
 *
 * @param input - A CNPJ as typed; anything that is not a string is invalid.
 * @returns `true` for a valid CNPJ.
 *
 * @example
 * ```ts
 * isValidCnpj('11.222.333/0001-81'); //=> true
 * isValidCnpj('12.ABC.345/01DE-35'); //=> true
 * isValidCnpj('12.ABC.345/01DE-36'); //=> false
 * ```
 * @category Documents
 */
export function isValidCnpj(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const chars = normalizeCnpj(input);
  if (chars === undefined || /^(\d)\1{13}$/.test(chars)) return false;
  return cnpjDigitsOf(chars.slice(0, 12)) === chars.slice(12);
}

/**
 * Formats a CNPJ with the usual mask `00.000.000/0000-00` (letters kept, upper-cased).
 *
 * @param input - A CNPJ, with or without mask.
 * @returns The masked CNPJ.
 * @throws {JornadaError} `INVALID_INPUT` when the input is not 12 letters or digits and 2 digits.
 *
 * @example
 * ```ts
 * formatCnpj('12abc34501de35'); //=> '12.ABC.345/01DE-35'
 * ```
 * @category Documents
 */
export function formatCnpj(input: string): string {
  const c = normalizeCnpj(input);
  if (c === undefined) {
    throw new JornadaError('INVALID_INPUT', 'A CNPJ is 12 letters or digits and 2 check digits', {
      issues: [{ path: [], message: 'must be 12 letters or digits and 2 digits', code: 'cnpj_shape' }],
    });
  }
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/**
 * Options of {@link generateCnpjs}.
 *
 * @category Documents
 */
export interface CnpjGeneratorOptions {
  /** Draw letters as well as digits in the first twelve characters (the July 2026 form); default `false`. */
  alphanumeric?: boolean;
  /** The branch number (*ordem*, characters 9–12); default `'0001'` (the head office). */
  branch?: string;
}

/**
 * Builds valid CNPJs from a seed: the root (eight characters) is drawn from a seeded generator, the
 * branch is `0001` unless given, and the check digits are computed.
 *
 * @param seed - Seed of the generator.
 * @param count - How many CNPJs; default 1.
 * @param options - Alphanumeric roots and the branch number.
 * @returns `count` valid CNPJs, unmasked.
 * @throws {JornadaError} `INVALID_OPTION` when `count` is not a non-negative integer or `branch` is not four letters or digits.
 *
 * @example
 * ```ts
 * generateCnpjs(7, 2, { alphanumeric: true }).every(isValidCnpj); //=> true
 * ```
 * @category Documents
 */
export function generateCnpjs(seed: number, count = 1, options: CnpjGeneratorOptions = {}): string[] {
  assertCount(count);
  const branch = (options.branch ?? '0001').toUpperCase();
  if (!/^[0-9A-Z]{4}$/.test(branch)) {
    throw new JornadaError('INVALID_OPTION', 'branch must be four letters or digits', { details: { branch: options.branch } });
  }
  const alphabet = options.alphanumeric === true ? '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789';
  const rng = createRandom(seed);
  const out: string[] = [];
  while (out.length < count) {
    let root = '';
    for (let i = 0; i < 8; i++) root += alphabet[rng.int(0, alphabet.length - 1)];
    const base = root + branch;
    if (/^(\d)\1{11}$/.test(base)) continue;
    out.push(base + cnpjDigitsOf(base));
  }
  return out;
}
