/**
 * E-mail addresses: normalisation for storage and sending, and a matching key that folds provider
 * aliases (Gmail dots, `+tags`) so that two spellings of one mailbox meet.
 *
 * @module
 */

/**
 * Why an e-mail address was rejected.
 *
 * @category Email
 */
export type EmailProblem = 'empty' | 'no_at_sign' | 'local_part' | 'domain' | 'too_long';

/**
 * The result of {@link normalizeEmail}.
 *
 * @category Email
 */
export type EmailNormalization =
  | {
      /** The address is well formed. */
      readonly valid: true;
      /** The address trimmed and lower-cased: what to store and send to. */
      readonly address: string;
      /** The domain part, lower-cased. */
      readonly domain: string;
      /** The key for matching (see {@link emailMatchKey}); never send to it. */
      readonly matchKey: string;
    }
  | {
      /** The address is not usable. */
      readonly valid: false;
      /** Why. */
      readonly reason: EmailProblem;
    };

const LOCAL_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~\u00c0-\uffff-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~\u00c0-\uffff-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9\u00c0-\uffff]([a-z0-9\u00c0-\uffff-]{0,61}[a-z0-9\u00c0-\uffff])?$/;
const TLD = /^([a-z\u00c0-\uffff]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Providers that ignore dots in the local part and accept `+tags`. */
const DOT_BLIND = new Set(['gmail.com', 'googlemail.com']);
/** Providers with sub-addressing by `+tag` (dots significant). */
const PLUS_TAGS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.com.br', 'hotmail.com', 'hotmail.com.br', 'live.com',
  'msn.com', 'icloud.com', 'me.com', 'mac.com', 'protonmail.com', 'proton.me', 'pm.me', 'fastmail.com',
]);

/**
 * Normalises an e-mail address: trims it (including non-breaking spaces), lower-cases it and checks its
 * form (RFC 5321/5322 dot-atom local part of at most 64 characters, a domain of dotted labels with a
 * top-level domain of letters, at most 254 characters in all). Quoted local parts and IP-literal domains
 * are rejected: they are legal but, in a customer base, they are typing errors.
 *
 * The returned `address` is what to store and send to; the `matchKey` only serves to recognise the
 * same mailbox written differently.
 *
 * @param input - An e-mail address as typed.
 * @returns The normalised address with its match key, or the reason it is not usable.
 *
 * @example
 * ```ts
 * normalizeEmail('  Ana.Souza+pets@GMAIL.com ');
 * //=> { valid: true, address: 'ana.souza+pets@gmail.com', domain: 'gmail.com', matchKey: 'anasouza@gmail.com' }
 * normalizeEmail('ana@').valid; //=> false
 * ```
 * @category Email
 */
export function normalizeEmail(input: string): EmailNormalization {
  if (typeof input !== 'string') return { valid: false, reason: 'empty' };
  const address = input.replace(/[\s\u00a0\u200b]+/g, '').toLowerCase();
  if (address.length === 0) return { valid: false, reason: 'empty' };
  if (address.length > 254) return { valid: false, reason: 'too_long' };
  const at = address.lastIndexOf('@');
  if (at < 0) return { valid: false, reason: 'no_at_sign' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0 || local.length > 64 || !LOCAL_ATOM.test(local)) return { valid: false, reason: 'local_part' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || !TLD.test(labels[labels.length - 1] as string)) {
    return { valid: false, reason: 'domain' };
  }
  return { valid: true, address, domain, matchKey: keyOf(local, domain) };
}

function keyOf(local: string, domain: string): string {
  let d = domain;
  let l = local;
  if (PLUS_TAGS.has(d)) {
    const plus = l.indexOf('+');
    if (plus > 0) l = l.slice(0, plus);
  }
  if (DOT_BLIND.has(d)) {
    l = l.replace(/\./g, '');
    d = 'gmail.com';
  }
  return `${l}@${d}`;
}

/**
 * Whether an e-mail address is well formed after trimming (see {@link normalizeEmail}).
 *
 * @param input - An address as typed; anything that is not a string is invalid.
 * @returns `true` when the address is usable.
 *
 * @example
 * ```ts
 * isValidEmail('ana@example.com.br'); //=> true
 * isValidEmail('ana@@example.com'); //=> false
 * ```
 * @category Email
 */
export function isValidEmail(input: unknown): boolean {
  return typeof input === 'string' && normalizeEmail(input).valid;
}

/**
 * The matching key of an e-mail address: the normalised address with the provider's aliasing folded
 * away. For Gmail (`gmail.com`, `googlemail.com`) dots in the local part are ignored and
 * `googlemail.com` becomes `gmail.com`; for providers documented to deliver `name+tag@` to `name@`
 * (Gmail, Outlook/Hotmail/Live, iCloud, Proton, Fastmail) the `+tag` is dropped. Other domains keep
 * their local part, since a `+` or a dot may be significant there.
 *
 * The key is for matching only: two addresses with one key reach one mailbox, but the customer chose
 * the spelling, so send to the address they gave.
 *
 * @param input - An e-mail address as typed.
 * @returns The key, or `undefined` when the address is not well formed.
 *
 * @example
 * ```ts
 * emailMatchKey('A.Na+promo@googlemail.com'); //=> 'ana@gmail.com'
 * emailMatchKey('a.na+promo@uol.com.br'); //=> 'a.na+promo@uol.com.br'
 * ```
 * @category Email
 */
export function emailMatchKey(input: string): string | undefined {
  const n = normalizeEmail(input);
  return n.valid ? n.matchKey : undefined;
}
