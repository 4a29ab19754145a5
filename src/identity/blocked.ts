/**
 * Identifier values that never link two records: placeholders, test data and the values systems
 * write when a field was required but unknown.
 *
 * @module
 */
import { digitsOnly } from './text.js';

/**
 * Kinds of identifier a matching key is built from.
 *
 * @category Matching
 */
export type IdentifierType = 'cpf' | 'email' | 'phone';

/**
 * Values, of any field, that mean "unknown" (compared after trimming and lower-casing).
 *
 * @example
 * ```ts
 * BLOCKED_TOKENS.includes('anonymous'); //=> true
 * ```
 * @category Matching
 */
export const BLOCKED_TOKENS: readonly string[] = Object.freeze([
  '', 'null', 'undefined', 'none', 'nil', 'n/a', 'na', '-', '--', '-1', '0', '.', 'x', 'xx', 'xxx', 'anonymous', 'anonimo',
  'anônimo', 'unknown', 'desconhecido', 'nao informado', 'não informado', 'nao tem', 'não tem', 'sem', 'test', 'teste',
]);
const TOKENS = new Set(BLOCKED_TOKENS);

/** Local parts of e-mail addresses that stand for nobody in particular. */
const BLOCKED_EMAIL_LOCALS = new Set([
  'test', 'teste', 'testing', 'noreply', 'no-reply', 'nao-responda', 'naoresponda', 'null', 'none', 'anonymous',
  'anonimo', 'naotem', 'nao.tem', 'naotenho', 'sememail', 'sem.email', 'semmail', 'nomail', 'noemail', 'email',
  'e-mail', 'cliente', 'consumidor', 'xxx', 'asdf', 'a', 'aa', 'aaa', 'abc', 'qwerty', 'nenhum', 'fake',
]);
/** Domains reserved for documentation and tests (RFC 2606, RFC 6761) and common placeholders. */
const BLOCKED_EMAIL_DOMAINS = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|teste\.com|test\.com|email\.com\.br|mailinator\.com)$/;

/**
 * Whether an identifier value is a placeholder that must never link records: a blocked token (`null`,
 * `-1`, `anonymous`, `nao informado`…); for CPFs and phones, one digit repeated (`000.000.000-00`,
 * `11111111111`, `(11) 99999-9999`), the CPF `123.456.789-09`, or a phone ending in the run `123456789`; for e-mails, a
 * placeholder local part (`test@`, `noreply@`, `sememail@`) or a domain reserved for tests
 * (`example.com`, `*.test`, `*.invalid` — RFC 2606).
 *
 * @param type - The kind of identifier.
 * @param value - The value as typed or normalised (an E.164 number, an 11-digit CPF, an address).
 * @param extra - Further values to block, compared after trimming and lower-casing.
 * @returns `true` when the value must not link anyone.
 *
 * @example
 * ```ts
 * isBlockedIdentifier('cpf', '000.000.000-00'); //=> true
 * isBlockedIdentifier('email', 'teste@example.com'); //=> true
 * isBlockedIdentifier('phone', '+5511999999999'); //=> true
 * isBlockedIdentifier('phone', '+5511912345678'); //=> false
 * ```
 * @category Matching
 */
export function isBlockedIdentifier(type: IdentifierType, value: string, extra?: ReadonlySet<string>): boolean {
  if (typeof value !== 'string') return true;
  const v = value.trim().toLowerCase();
  if (TOKENS.has(v) || (extra !== undefined && extra.has(v))) return true;
  if (type === 'email') {
    const at = v.lastIndexOf('@');
    if (at < 0) return true;
    const local = v.slice(0, at).split('+')[0] ?? '';
    return BLOCKED_EMAIL_LOCALS.has(local) || BLOCKED_EMAIL_DOMAINS.test(v.slice(at + 1)) || /^(.)\1*$/.test(local.replace(/\./g, ''));
  }
  const digits = digitsOnly(v);
  if (digits.length === 0) return true;
  if (/^0+$/.test(digits) || digits === '-1') return true;
  if (type === 'cpf') return /^(\d)\1{10}$/.test(digits) || digits === '12345678909' || digits === '01234567890';
  // Phones: the last eight digits one digit repeated, or the last nine a straight run.
  const tail9 = digits.slice(-9);
  return /^(\d)\1{7}$/.test(digits.slice(-8)) || tail9 === '123456789' || tail9 === '987654321';
}
