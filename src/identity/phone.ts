/**
 * Phone numbers to E.164 with the numbering rules of Brazil, Portugal and the North American
 * Numbering Plan written out in the library (no metadata package).
 *
 * Rules (sources in `docs/identity.md`):
 * - **Brazil** (+55, Anatel): a two-digit area code (DDD) from the 67 in use, then a 9-digit mobile
 *   starting with 9 (the "ninth digit", nationwide since 2016) or an 8-digit landline starting with
 *   2–5. Trunk prefix `0` and a two-digit carrier code (`0 21 11 …`) are dropped. An 8-digit number
 *   starting with 6–9 is a mobile written before the ninth digit and gets it back (option).
 * - **Portugal** (+351, ANACOM): 9 digits; `91`, `92`, `93`, `96` are mobiles, `2x` geographic landlines.
 * - **NANP** (+1): `NPA-NXX-XXXX`, area code and exchange starting with 2–9, neither of the form `N11`,
 *   area code not `N9X`; `555-0100`–`555-0199` are reserved for fiction and rejected.
 * Numbers written with another country code (`+44 …`) are accepted on structure alone (8–15 digits).
 *
 * @module
 */
import { digitsOnly } from './text.js';

/**
 * The countries whose numbering plans are checked in full.
 *
 * @category Phone
 */
export type PhoneCountry = 'BR' | 'PT' | 'US';

/**
 * Kind of line, when the numbering plan tells it (NANP does not: its numbers are `unknown`).
 *
 * @category Phone
 */
export type PhoneLineType = 'mobile' | 'landline' | 'unknown';

/**
 * Why a phone number was rejected.
 *
 * @category Phone
 */
export type PhoneProblem =
  | 'empty'
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  | 'missing_area_code'
  | 'invalid_area_code'
  | 'invalid_number'
  | 'service_number'
  | 'fictional';

/**
 * Options of {@link normalizePhone}.
 *
 * @category Phone
 */
export interface PhoneOptions {
  /** Country of numbers written without `+` and country code; default `'BR'`. */
  defaultCountry?: PhoneCountry;
  /** Give an 8-digit Brazilian mobile (`(11) 8765-4321`) its ninth digit; default `true`. */
  addNinthDigit?: boolean;
}

/**
 * The result of {@link normalizePhone}.
 *
 * @category Phone
 */
export type PhoneNormalization =
  | {
      /** The number is possible. */
      readonly valid: true;
      /** The number in E.164 (`+5511912345678`). */
      readonly e164: string;
      /** Country of the plan that was checked (`BR`, `PT`, `US` for all of NANP), `undefined` for other country codes. */
      readonly country: PhoneCountry | undefined;
      /** Mobile or landline, when the plan tells. */
      readonly lineType: PhoneLineType;
      /** Whether the number was checked against a full numbering plan (`false`: structure only). */
      readonly planChecked: boolean;
      /** Whether a ninth digit was added to an old-format Brazilian mobile. */
      readonly ninthDigitAdded: boolean;
    }
  | {
      /** The number is not possible. */
      readonly valid: false;
      /** Why. */
      readonly reason: PhoneProblem;
    };

/**
 * The Brazilian area codes (DDD) in use, from Anatel's numbering plan: 67 codes.
 *
 * @example
 * ```ts
 * BRAZIL_AREA_CODES.includes('11'); //=> true
 * BRAZIL_AREA_CODES.includes('20'); //=> false
 * ```
 * @category Phone
 */
export const BRAZIL_AREA_CODES: readonly string[] = Object.freeze([
  '11', '12', '13', '14', '15', '16', '17', '18', '19',
  '21', '22', '24', '27', '28',
  '31', '32', '33', '34', '35', '37', '38',
  '41', '42', '43', '44', '45', '46', '47', '48', '49',
  '51', '53', '54', '55',
  '61', '62', '63', '64', '65', '66', '67', '68', '69',
  '71', '73', '74', '75', '77', '79',
  '81', '82', '83', '84', '85', '86', '87', '88', '89',
  '91', '92', '93', '94', '95', '96', '97', '98', '99',
]);
const DDD = new Set(BRAZIL_AREA_CODES);

type Result = PhoneNormalization;
const fail = (reason: PhoneProblem): Result => ({ valid: false, reason });

function brazil(national: string, addNinth: boolean): Result {
  let n = national;
  if (/^0(800|300|500|900)/.test(n) || /^(300[0-9]|400[0-9])\d{4}$/.test(n)) return fail('service_number');
  if (n.startsWith('0')) {
    // Trunk prefix, optionally followed by a two-digit carrier selection code.
    if (n.length === 11 || n.length === 12) n = n.slice(1);
    else if (n.length === 13 || n.length === 14) n = n.slice(3);
    else return fail(n.length < 11 ? 'too_short' : 'too_long');
  }
  if (n.length === 8 || n.length === 9) return fail('missing_area_code');
  if (n.length < 10) return fail('too_short');
  if (n.length > 11) return fail('too_long');
  const ddd = n.slice(0, 2);
  if (!DDD.has(ddd)) return fail('invalid_area_code');
  let subscriber = n.slice(2);
  let ninthDigitAdded = false;
  let lineType: PhoneLineType;
  if (subscriber.length === 9) {
    if (subscriber[0] !== '9') return fail('invalid_number');
    lineType = 'mobile';
  } else {
    const first = subscriber.charCodeAt(0) - 48;
    if (first >= 2 && first <= 5) lineType = 'landline';
    else if (first >= 6 && addNinth) {
      subscriber = `9${subscriber}`;
      ninthDigitAdded = true;
      lineType = 'mobile';
    } else return fail('invalid_number');
  }
  return { valid: true, e164: `+55${ddd}${subscriber}`, country: 'BR', lineType, planChecked: true, ninthDigitAdded };
}

function portugal(national: string): Result {
  if (national.length < 9) return fail('too_short');
  if (national.length > 9) return fail('too_long');
  let lineType: PhoneLineType;
  if (/^9[1236]/.test(national)) lineType = 'mobile';
  else if (national[0] === '2') lineType = 'landline';
  else if (/^(80|70)/.test(national)) return fail('service_number');
  else return fail('invalid_number');
  return { valid: true, e164: `+351${national}`, country: 'PT', lineType, planChecked: true, ninthDigitAdded: false };
}

function nanp(national: string): Result {
  let n = national;
  if (n.length === 11 && n[0] === '1') n = n.slice(1);
  if (n.length < 10) return fail('too_short');
  if (n.length > 10) return fail('too_long');
  const npa = n.slice(0, 3);
  const nxx = n.slice(3, 6);
  if (!/^[2-9][0-8]\d$/.test(npa) || /^[2-9]11$/.test(npa)) return fail('invalid_area_code');
  if (/^8(00|33|44|55|66|77|88)$/.test(npa)) return fail('service_number');
  if (!/^[2-9]\d\d$/.test(nxx) || /^[2-9]11$/.test(nxx)) return fail('invalid_number');
  if (nxx === '555' && n.slice(6, 8) === '01') return fail('fictional');
  return { valid: true, e164: `+1${n}`, country: 'US', lineType: 'unknown', planChecked: true, ninthDigitAdded: false };
}

/**
 * Normalises a phone number as typed (`(11) 91234-5678`, `+55 11 91234 5678`, `0xx11 8765-4321`,
 * `912 345 678`, `1-415-555-2671`) to E.164, checking it against the numbering plan of Brazil,
 * Portugal or NANP. A number with `+` (or `00`) and another country code is checked on structure only.
 *
 * @param input - A phone number as typed; letters (other than an extension such as `ramal 12`) make it invalid.
 * @param options - Default country (`BR`) and whether to add the Brazilian ninth digit (`true`).
 * @returns The E.164 number with its country and line type, or the reason it is not possible.
 *
 * @example
 * ```ts
 * normalizePhone('(11) 91234-5678');
 * //=> { valid: true, e164: '+5511912345678', country: 'BR', lineType: 'mobile', planChecked: true, ninthDigitAdded: false }
 * normalizePhone('(11) 8765-4321').e164; //=> '+5511987654321'
 * normalizePhone('912 345 678', { defaultCountry: 'PT' }).e164; //=> '+351912345678'
 * normalizePhone('(20) 91234-5678'); //=> { valid: false, reason: 'invalid_area_code' }
 * ```
 * @category Phone
 */
export function normalizePhone(input: string, options: PhoneOptions = {}): PhoneNormalization {
  if (typeof input !== 'string') return fail('empty');
  const country = options.defaultCountry ?? 'BR';
  const addNinth = options.addNinthDigit ?? true;
  let text = input.trim();
  if (text.length === 0) return fail('empty');
  text = text.replace(/\s*(ramal|ext\.?|extension|x)\s*\d{1,6}\s*$/i, '');
  if (/[^\d\s()+.\-/]/.test(text) && !/^0\s*xx/i.test(text)) return fail('not_a_number');
  text = text.replace(/^0\s*xx/i, '0');
  const plus = text.startsWith('+');
  let digits = digitsOnly(text);
  if (digits.length === 0) return fail('not_a_number');
  if (digits.length > 17) return fail('too_long');
  let international = plus;
  if (!plus && digits.startsWith('00') && country !== 'BR') {
    digits = digits.slice(2);
    international = true;
  } else if (!plus && country === 'US' && digits.startsWith('011')) {
    digits = digits.slice(3);
    international = true;
  } else if (!plus && country === 'BR' && /^00\d\d(55|351|1)/.test(digits) && digits.length >= 14) {
    // International call from Brazil: 00 + carrier + country code.
    digits = digits.slice(4);
    international = true;
  }
  if (!international) {
    if (country === 'BR') {
      if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) return brazil(digits.slice(2), addNinth);
      return brazil(digits, addNinth);
    }
    if (country === 'PT') {
      if (digits.length === 12 && digits.startsWith('351')) return portugal(digits.slice(3));
      return portugal(digits);
    }
    return nanp(digits);
  }
  if (digits.startsWith('55')) return brazil(digits.slice(2), addNinth);
  if (digits.startsWith('351')) return portugal(digits.slice(3));
  if (digits.startsWith('1')) return nanp(digits.slice(1));
  if (digits[0] === '0') return fail('invalid_number');
  if (digits.length < 8) return fail('too_short');
  if (digits.length > 15) return fail('too_long');
  return { valid: true, e164: `+${digits}`, country: undefined, lineType: 'unknown', planChecked: false, ninthDigitAdded: false };
}

/**
 * Whether a phone number is possible (see {@link normalizePhone}).
 *
 * @param input - A number as typed; anything that is not a string is invalid.
 * @param options - Default country and ninth-digit handling.
 * @returns `true` when the number normalises.
 *
 * @example
 * ```ts
 * isValidPhone('(11) 3456-7890'); //=> true
 * isValidPhone('(11) 1456-7890'); //=> false
 * ```
 * @category Phone
 */
export function isValidPhone(input: unknown, options: PhoneOptions = {}): boolean {
  return typeof input === 'string' && normalizePhone(input, options).valid;
}

/**
 * Formats an E.164 number for display: `national` (`(11) 91234-5678`, `912 345 678`,
 * `(415) 555-2671`) or `international` (`+55 11 91234-5678`, `+351 912 345 678`, `+1 415-555-2671`).
 * Numbers of other countries are returned as E.164.
 *
 * @param e164 - A number in E.164 (as returned by {@link normalizePhone}); other text is normalised first.
 * @param style - `international` (default) or `national`.
 * @returns The formatted number, or the input unchanged when it is not a possible number.
 *
 * @example
 * ```ts
 * formatPhone('+5511912345678', 'national'); //=> '(11) 91234-5678'
 * formatPhone('+5511912345678'); //=> '+55 11 91234-5678'
 * formatPhone('+351212345678'); //=> '+351 212 345 678'
 * ```
 * @category Phone
 */
export function formatPhone(e164: string, style: 'national' | 'international' = 'international'): string {
  const n = normalizePhone(e164);
  if (!n.valid) return e164;
  const d = n.e164;
  if (n.country === 'BR') {
    const ddd = d.slice(3, 5);
    const sub = d.slice(5);
    const cut = sub.length - 4;
    const local = `${sub.slice(0, cut)}-${sub.slice(cut)}`;
    return style === 'national' ? `(${ddd}) ${local}` : `+55 ${ddd} ${local}`;
  }
  if (n.country === 'PT') {
    const s = d.slice(4);
    const local = `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`;
    return style === 'national' ? local : `+351 ${local}`;
  }
  if (n.country === 'US') {
    const s = d.slice(2);
    return style === 'national' ? `(${s.slice(0, 3)}) ${s.slice(3, 6)}-${s.slice(6)}` : `+1 ${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6)}`;
  }
  return d;
}
