/**
 * Normalisation of one raw customer record: every field cleaned, validated and turned into matching
 * keys, with a finding for each value that could not be used.
 *
 * @module
 */
import type { CustomerRecord, PartialDate } from '../model/index.js';
import { isBlockedIdentifier } from './blocked.js';
import { normalizeCpf, isValidCpf } from './documents.js';
import { normalizeEmail } from './email.js';
import { isPlausiblePersonName, normalizePersonName, personNameKey } from './name.js';
import { phoneticKeyPt } from './phonetic.js';
import { normalizePhone, type PhoneCountry } from './phone.js';
import { normalizeCep } from './postal.js';
import { collapseSpaces, foldAccents } from './text.js';

/**
 * What is wrong with a value: `invalid` (cannot be a value of the field), `placeholder` (a value
 * that stands for nobody: `000.000.000-00`, `teste@example.com`), `non_standard_format` (understood,
 * but not in the recommended format, e.g. a birthday as `DD/MM/YYYY`), `implausible` (a name with
 * digits, a birthday before 1900), `future` (a date after `asOf`), `malformed_record` (the record's
 * shape is wrong; it was left out).
 *
 * @category Data quality
 */
export type QualityFindingCode = 'invalid' | 'placeholder' | 'non_standard_format' | 'implausible' | 'future' | 'malformed_record';

/**
 * One problem with one value of one record.
 *
 * @category Data quality
 */
export interface QualityFinding {
  /** The record (its `recordId`, or `#index` when the record has none). */
  recordId: string;
  /** The field of {@link CustomerRecord} (`email`, `phone`…, or a path such as `consents.0.recordedAt`). */
  field: string;
  /** The kind of problem. */
  code: QualityFindingCode;
  /** A finer reason (`invalid_area_code`, `check_digits`, `no_at_sign`…). */
  reason: string;
  /** The value as found (personal data: handle reports as you handle the base). */
  value?: string;
}

/**
 * Options shared by the normalisation, matching and merging functions.
 *
 * @category Identity
 */
export interface NormalizeOptions {
  /** Country of phone numbers and addresses written without one; default `'BR'`. */
  defaultCountry?: PhoneCountry;
  /** Further identifier values that must never link records (compared trimmed and lower-cased). */
  blockedValues?: Iterable<string>;
}

/**
 * A record after normalisation: display values, matching keys and findings.
 *
 * @category Identity
 */
export interface NormalizedCustomerRecord {
  /** The raw record. */
  record: CustomerRecord;
  /** Given name for display. */
  firstName?: string;
  /** Family names for display. */
  lastName?: string;
  /** Full name for display. */
  fullName?: string;
  /** Name matching key (see {@link personNameKey}); `''` when the name is missing or implausible. */
  nameKey: string;
  /** The words of `nameKey` sorted, for names written in another order; `''` when none. */
  sortedNameKey: string;
  /** Phonetic key of the first and last words of the name ({@link phoneticKeyPt}); `''` when none. */
  phoneticKey: string;
  /** E-mail address, trimmed and lower-cased (also when it is a placeholder: then `emailKey` is absent). */
  email?: string;
  /** E-mail matching key, absent for placeholders. */
  emailKey?: string;
  /** Phone in E.164. */
  phone?: string;
  /** Whether the phone is a placeholder (it then links nobody). */
  phoneBlocked: boolean;
  /** Country of the phone's numbering plan. */
  phoneCountry?: string;
  /** CPF, 11 digits with valid check digits. */
  cpf?: string;
  /** Birthday; `year` absent when only day and month were given. */
  birthday?: PartialDate;
  /** Postal code: 8 digits for a CEP, as typed (trimmed, upper-cased) elsewhere. */
  postalCode?: string;
  /** City for display. */
  city?: string;
  /** State code (`SP`) or region as typed. */
  state?: string;
  /** ISO 3166-1 alpha-2 country. */
  country?: string;
  /** Problems found in this record's values (a shared empty array when there are none: read-only). */
  findings: readonly QualityFinding[];
}

const BR_STATES: Record<string, string> = {
  acre: 'AC', alagoas: 'AL', amapa: 'AP', amazonas: 'AM', bahia: 'BA', ceara: 'CE', 'distrito federal': 'DF',
  'espirito santo': 'ES', goias: 'GO', maranhao: 'MA', 'mato grosso': 'MT', 'mato grosso do sul': 'MS',
  'minas gerais': 'MG', para: 'PA', paraiba: 'PB', parana: 'PR', pernambuco: 'PE', piaui: 'PI', 'rio de janeiro': 'RJ',
  'rio grande do norte': 'RN', 'rio grande do sul': 'RS', rondonia: 'RO', roraima: 'RR', 'santa catarina': 'SC',
  'sao paulo': 'SP', sergipe: 'SE', tocantins: 'TO',
};
const UF = new Set(Object.values(BR_STATES));
const COUNTRY_NAMES: Record<string, string> = {
  brasil: 'BR', brazil: 'BR', bra: 'BR', portugal: 'PT', prt: 'PT', usa: 'US', eua: 'US', 'united states': 'US',
  'estados unidos': 'US', 'united states of america': 'US',
};

function nonEmpty(v: string | undefined): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function isoDate(y: number, m: number, d: number): PartialDate | undefined {
  const limits = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const max = limits[m - 1];
  if (max === undefined || d < 1 || d > max) return undefined;
  if (m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return undefined;
  return { year: y, month: m, day: d };
}

/**
 * Parses a birthday: `YYYY-MM-DD`, `--MM-DD`, or the Brazilian `DD/MM/YYYY` and `DD/MM` (flagged as non-standard).
 *
 * @param text - The birthday as typed.
 * @returns The date when it exists, and whether the format was a standard (ISO 8601) one.
 * @internal
 */
export function parseBirthday(text: string): { date?: PartialDate; standard: boolean } {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m !== null) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date === undefined ? { standard: true } : { date, standard: true };
  }
  m = /^--(\d{2})-(\d{2})$/.exec(t);
  if (m !== null) {
    const date = isoDate(2000, Number(m[1]), Number(m[2]));
    return date === undefined ? { standard: true } : { date: { month: date.month, day: date.day }, standard: true };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m !== null) {
    const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return date === undefined ? { standard: false } : { date, standard: false };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (m !== null) {
    const date = isoDate(2000, Number(m[2]), Number(m[1]));
    return date === undefined ? { standard: false } : { date: { month: date.month, day: date.day }, standard: false };
  }
  return { standard: false };
}

/**
 * Builds the blocked-value set of the options once.
 *
 * @param options - Normalisation options.
 * @returns The set, or `undefined` when no extra values are blocked.
 * @internal
 */
export function blockedSet(options: NormalizeOptions): ReadonlySet<string> | undefined {
  if (options.blockedValues === undefined) return undefined;
  const s = new Set<string>();
  for (const v of options.blockedValues) s.add(String(v).trim().toLowerCase());
  return s;
}

interface NameInfo {
  plausible: boolean;
  nameKey: string;
  sortedNameKey: string;
  phoneticKey: string;
}

function analyseName(full: string): NameInfo {
  const nameKey = personNameKey(full);
  if (!isPlausiblePersonName(full)) return { plausible: false, nameKey, sortedNameKey: '', phoneticKey: '' };
  const words = nameKey.split(' ');
  const firstCode = phoneticKeyPt(words[0] ?? '');
  return {
    plausible: true,
    nameKey,
    sortedNameKey: words.length > 1 ? [...words].sort().join(' ') : nameKey,
    phoneticKey: words.length > 1 ? `${firstCode} ${phoneticKeyPt(words[words.length - 1] ?? '')}` : firstCode,
  };
}

/**
 * Memos of name and city work shared across one batch: names repeat, and each costs several Unicode
 * normalisations and regular expressions.
 *
 * @internal
 */
export interface NormalizeCache {
  /** Raw given or full name → display form. */
  display: Map<string, string>;
  /** Raw family name → display form. */
  family: Map<string, string>;
  /** Display full name → keys. */
  names: Map<string, NameInfo>;
  /** Raw city → display form. */
  cities: Map<string, string>;
}

/**
 * A fresh, empty cache.
 *
 * @returns The cache.
 * @internal
 */
export function createNormalizeCache(): NormalizeCache {
  return { display: new Map(), family: new Map(), names: new Map(), cities: new Map() };
}

const CACHE_LIMIT = 100_000;

function memo<T>(map: Map<string, T> | undefined, input: string, f: (s: string) => T): T {
  if (map === undefined) return f(input);
  let v = map.get(input);
  if (v === undefined) {
    v = f(input);
    if (map.size < CACHE_LIMIT) map.set(input, v);
  }
  return v;
}

const familyName = (t: string): string => normalizePersonName(`A ${t}`).slice(2);
const NO_FINDINGS: readonly QualityFinding[] = Object.freeze([]);

/**
 * Normalises with a prepared blocked set (the hot path of matching).
 *
 * @param record - The raw record.
 * @param defaultCountry - Country of phones and addresses without one.
 * @param blocked - Extra blocked values, trimmed and lower-cased.
 * @param cache - Memos shared across one batch (see {@link NormalizeCache}).
 * @returns The normalised record.
 * @internal
 */
export function normalizeRecordWith(
  record: CustomerRecord,
  defaultCountry: PhoneCountry,
  blocked: ReadonlySet<string> | undefined,
  cache?: NormalizeCache,
): NormalizedCustomerRecord {
  let findings: QualityFinding[] | undefined;
  const id = record.recordId;
  const finding = (field: string, code: QualityFindingCode, reason: string, value: string): void => {
    (findings ??= []).push({ recordId: id, field, code, reason, value });
  };
  const out: NormalizedCustomerRecord = { record, nameKey: '', sortedNameKey: '', phoneticKey: '', phoneBlocked: false, findings: NO_FINDINGS };

  // Names.
  let first = nonEmpty(record.firstName) ? memo(cache?.display, record.firstName, normalizePersonName) : '';
  // Family names are cased as the continuation of a name, so that a leading particle stays lower case.
  let last = nonEmpty(record.lastName) ? memo(cache?.family, record.lastName, familyName) : '';
  let full: string;
  if (first.length > 0 || last.length > 0) {
    full = first.length > 0 && last.length > 0 ? `${first} ${last}` : first || last;
  } else {
    full = nonEmpty(record.fullName) ? memo(cache?.display, record.fullName, normalizePersonName) : '';
    const space = full.indexOf(' ');
    first = space < 0 ? full : full.slice(0, space);
    last = space < 0 ? '' : full.slice(space + 1);
  }
  if (full.length > 0) {
    const rawName = record.fullName ?? `${record.firstName ?? ''} ${record.lastName ?? ''}`;
    const info = memo(cache?.names, full, analyseName);
    if (!info.plausible || /\d/.test(rawName)) {
      finding(nonEmpty(record.fullName) ? 'fullName' : 'firstName', 'implausible', 'not_a_name', rawName.trim());
    } else {
      out.fullName = full;
      if (first.length > 0) out.firstName = first;
      if (last.length > 0) out.lastName = last;
      out.nameKey = info.nameKey;
      out.sortedNameKey = info.sortedNameKey;
      out.phoneticKey = info.phoneticKey;
    }
  }

  // E-mail.
  if (nonEmpty(record.email)) {
    const e = normalizeEmail(record.email);
    if (!e.valid) finding('email', 'invalid', e.reason, record.email);
    else if (isBlockedIdentifier('email', e.address, blocked)) finding('email', 'placeholder', 'blocked_value', record.email);
    else {
      out.email = e.address;
      out.emailKey = e.matchKey;
    }
  }

  // Phone: numbers without a country code follow the record's country when it is one of the checked plans.
  if (nonEmpty(record.phone)) {
    const rc = nonEmpty(record.country) ? COUNTRY_NAMES[foldAccents(collapseSpaces(record.country)).toLowerCase()] ?? record.country.trim().toUpperCase() : undefined;
    const phoneCountry: PhoneCountry = rc === 'BR' || rc === 'PT' || rc === 'US' ? rc : defaultCountry;
    const p = normalizePhone(record.phone, { defaultCountry: phoneCountry });
    if (!p.valid) finding('phone', 'invalid', p.reason, record.phone);
    else if (isBlockedIdentifier('phone', p.e164, blocked)) {
      out.phoneBlocked = true;
      finding('phone', 'placeholder', 'blocked_value', record.phone);
    } else {
      out.phone = p.e164;
      if (p.country !== undefined) out.phoneCountry = p.country;
    }
  }

  // CPF.
  if (nonEmpty(record.cpf)) {
    const digits = normalizeCpf(record.cpf);
    if (digits === undefined) {
      if (isBlockedIdentifier('cpf', record.cpf, blocked)) finding('cpf', 'placeholder', 'blocked_value', record.cpf);
      else finding('cpf', 'invalid', 'shape', record.cpf);
    } else if (isBlockedIdentifier('cpf', digits, blocked)) finding('cpf', 'placeholder', 'blocked_value', record.cpf);
    else if (!isValidCpf(digits)) finding('cpf', 'invalid', 'check_digits', record.cpf);
    else out.cpf = digits;
  }

  // Birthday.
  if (nonEmpty(record.birthday)) {
    const b = parseBirthday(record.birthday);
    if (b.date === undefined) finding('birthday', 'invalid', 'not_a_date', record.birthday);
    else if (b.date.year !== undefined && b.date.year < 1900) finding('birthday', 'implausible', 'before_1900', record.birthday);
    else {
      out.birthday = b.date;
      if (!b.standard) finding('birthday', 'non_standard_format', 'expected_yyyy_mm_dd', record.birthday);
    }
  }

  // Country, then postal code, state and city.
  let country: string | undefined;
  if (nonEmpty(record.country)) {
    const c = foldAccents(collapseSpaces(record.country)).toLowerCase();
    country = COUNTRY_NAMES[c] ?? (/^[a-z]{2}$/.test(c) ? c.toUpperCase() : undefined);
    if (country === undefined) finding('country', 'invalid', 'not_iso_3166', record.country);
    else out.country = country;
  }
  const addressCountry = country ?? defaultCountry;
  if (nonEmpty(record.postalCode)) {
    const raw = record.postalCode;
    if (addressCountry === 'BR') {
      const cep = normalizeCep(raw);
      if (cep === undefined) finding('postalCode', 'invalid', 'not_a_cep', raw);
      else out.postalCode = cep;
    } else if (addressCountry === 'PT') {
      const t = raw.trim();
      if (/^\d{4}-?\d{3}$/.test(t)) out.postalCode = t.includes('-') ? t : `${t.slice(0, 4)}-${t.slice(4)}`;
      else finding('postalCode', 'invalid', 'not_a_codigo_postal', raw);
    } else if (addressCountry === 'US') {
      const t = raw.trim();
      if (/^\d{5}(-\d{4})?$/.test(t)) out.postalCode = t;
      else finding('postalCode', 'invalid', 'not_a_zip_code', raw);
    } else out.postalCode = collapseSpaces(raw).toUpperCase();
  }
  if (nonEmpty(record.state)) {
    const s = collapseSpaces(record.state);
    if (addressCountry === 'BR') {
      const code = s.length === 2 ? s.toUpperCase() : BR_STATES[foldAccents(s).toLowerCase()];
      if (code === undefined || !UF.has(code)) finding('state', 'invalid', 'not_a_uf', record.state);
      else out.state = code;
    } else out.state = s;
  }
  if (nonEmpty(record.city)) {
    const city = memo(cache?.cities, record.city, normalizePersonName);
    if (city.length === 0 || /\d/.test(city)) finding('city', 'invalid', 'not_a_place', record.city);
    else out.city = city;
  }
  if (findings !== undefined) out.findings = findings;
  return out;
}

/**
 * Normalises one raw record: names for display and as matching keys, e-mail (address and match key),
 * phone in E.164, CPF digits, birthday, CEP, state code, city and country. Every value that cannot be
 * used becomes a {@link QualityFinding} (never an exception), and is left out of the result.
 * Placeholder identifiers (`000.000.000-00`, `teste@example.com`) are reported and never used as keys.
 *
 * @param record - A raw record (its shape is trusted; validate untrusted input with `parseCustomerRecord`).
 * @param options - Default country for phones and addresses, and extra blocked values.
 * @returns The normalised record with its findings.
 *
 * @example
 * ```ts
 * const n = normalizeCustomerRecord({
 *   recordId: 'pos-77', source: 'store', updatedAt: new Date('2026-02-01T15:00:00Z'),
 *   fullName: '  ANA  DE souza', email: 'Ana@Example.com.br ', phone: '(11) 91234-5678', cpf: '529.982.247-24',
 * });
 * n.fullName; //=> 'Ana de Souza'
 * n.phone; //=> '+5511912345678'
 * n.findings.map((f) => `${f.field}:${f.reason}`); //=> ['cpf:check_digits']
 * ```
 * @category Identity
 */
export function normalizeCustomerRecord(record: CustomerRecord, options: NormalizeOptions = {}): NormalizedCustomerRecord {
  return normalizeRecordWith(record, options.defaultCountry ?? 'BR', blockedSet(options));
}
