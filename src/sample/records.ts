/**
 * Raw customer records as the source systems hold them, and the injected duplicates with their ground
 * truth (internal). Values look typed by a person or a clerk: masks, upper case at the till, dates in
 * the Brazilian order, e-mail aliases, typos.
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import type { Consent, CustomerRecord } from '../model/index.js';
import type { SampleSource, Person, SampleRun, SampleStreams } from './context.js';
import { seconds } from './context.js';
import type { DuplicateChange, InjectedDuplicate } from './types.js';

/** The sign-up sources, in a fixed order. */
export const SOURCES: readonly SampleSource[] = ['ecommerce', 'store', 'app', 'crm_import'];
const SOURCE_BASE: Readonly<Record<SampleSource, number>> = { ecommerce: 100_000, store: 500_000, app: 700_000, crm_import: 900_000 };

/**
 * The phone as typed, in one of several national habits.
 *
 * @param e164 - The number in E.164.
 * @param country - Its country.
 * @param format - Picks the habit.
 * @returns The number as typed.
 * @internal
 */
export function typedPhone(e164: string, country: string, format: number): string {
  if (country === 'BR' && e164.startsWith('+55')) {
    const dd = e164.slice(3, 5);
    const n = e164.slice(5);
    const a = n.slice(0, 5);
    const b = n.slice(5);
    switch (format % 8) {
      case 0: return `(${dd}) ${a}-${b}`;
      case 1: return `${dd}${n}`;
      case 2: return e164;
      case 3: return `${dd} ${a}-${b}`;
      case 4: return `+55 ${dd} ${a}-${b}`;
      case 5: return `(${dd})${a}-${b}`;
      case 6: return `0${dd} ${a} ${b}`;
      default: return `+55 (${dd}) ${n.charAt(0)} ${n.slice(1, 5)}-${b}`;
    }
  }
  if (country === 'PT' && e164.startsWith('+351')) {
    const n = e164.slice(4);
    const spaced = `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    switch (format % 5) {
      case 0: return spaced;
      case 1: return `+351 ${spaced}`;
      case 2: return n;
      case 3: return e164;
      default: return `00351 ${n}`;
    }
  }
  const n = e164.slice(2);
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  switch (format % 6) {
    case 0: return `(${a}) ${b}-${c}`;
    case 1: return `${a}-${b}-${c}`;
    case 2: return `+1 ${a} ${b} ${c}`;
    case 3: return n;
    case 4: return `1-${a}-${b}-${c}`;
    default: return e164;
  }
}

/** The phone habits of each source. */
export const PHONE_FORMATS: Readonly<Record<SampleSource, readonly number[]>> = {
  ecommerce: [0, 1, 3, 5],
  store: [3, 1, 0, 6],
  app: [2, 4],
  crm_import: [7, 4, 0],
};

/** How a source writes names. */
export type NameCase = 'title' | 'upper' | 'upper_ascii' | 'lower';

/**
 * Drops accents as tills do.
 *
 * @param s - Text.
 * @returns The text without combining marks.
 * @internal
 */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Writes a name in a case style.
 *
 * @param s - The name.
 * @param style - The style.
 * @returns The name in that style.
 * @internal
 */
export function applyCase(s: string, style: NameCase): string {
  return style === 'title' ? s : style === 'upper' ? s.toUpperCase() : style === 'upper_ascii' ? stripAccents(s).toUpperCase() : s.toLowerCase();
}

/** What a record was typed with, so that a duplicate can differ from it. */
export interface Typing {
  source: SampleSource;
  nameCase: NameCase;
  split: boolean;
  phoneFormat: number;
}

/**
 * Draws how a source types a record.
 *
 * @param r - Random stream.
 * @param source - The source.
 * @returns Name case, split name fields and phone habit.
 * @internal
 */
export function styleFor(r: Random, source: SampleSource): Typing {
  const nameCase: NameCase = source === 'store' ? r.weighted<NameCase>(['upper', 'upper_ascii', 'title'], [35, 35, 30]) : source === 'crm_import' ? r.weighted<NameCase>(['title', 'upper'], [70, 30]) : r.weighted<NameCase>(['title', 'lower'], [95, 5]);
  return { source, nameCase, split: source === 'ecommerce' || source === 'app', phoneFormat: r.pick(PHONE_FORMATS[source]) };
}

/**
 * A person's record as a source types it.
 *
 * @param r - Random stream.
 * @param p - The person.
 * @param recordId - Id of the record.
 * @param typing - How the source types.
 * @param updatedAt - Last update, ms.
 * @returns The raw record.
 * @internal
 */
export function typedRecord(r: Random, p: Person, recordId: string, typing: Typing, updatedAt: number): CustomerRecord {
  const c = p.customer;
  const rec: CustomerRecord = { recordId, source: typing.source, updatedAt: new Date(updatedAt) };
  const first = applyCase(c.firstName ?? '', typing.nameCase);
  const last = applyCase(c.lastName ?? '', typing.nameCase);
  if (typing.split) {
    rec.firstName = first;
    rec.lastName = last;
  } else rec.fullName = `${first} ${last}`;
  if (c.email !== undefined && !(typing.source === 'store' && r.chance(0.15))) rec.email = r.chance(0.06) ? c.email.charAt(0).toUpperCase() + c.email.slice(1) : c.email;
  if (c.phone !== undefined) rec.phone = typedPhone(c.phone, c.phoneCountry ?? 'BR', typing.phoneFormat);
  const cpf = c.documents?.find((d) => d.type === 'cpf')?.value;
  if (cpf !== undefined && !(typing.source === 'app' && r.chance(0.4)) && !(typing.source === 'crm_import' && r.chance(0.3))) {
    const masked = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
    rec.cpf = r.chance(0.5) ? masked : r.chance(0.9) ? cpf : `${cpf.slice(0, 9)}-${cpf.slice(9)}`;
  }
  const b = c.birthday;
  if (b !== undefined && !(typing.source === 'app' && r.chance(0.3))) {
    const mm = String(b.month).padStart(2, '0');
    const dd = String(b.day).padStart(2, '0');
    const brOrder = typing.source === 'crm_import' || (typing.source === 'store' && r.chance(0.5));
    if (b.year === undefined) rec.birthday = brOrder ? `${dd}/${mm}` : `--${mm}-${dd}`;
    else rec.birthday = brOrder ? `${dd}/${mm}/${b.year}` : `${b.year}-${mm}-${dd}`;
  }
  const a = c.addresses?.[0];
  if (a !== undefined) {
    if (a.postalCode !== undefined) rec.postalCode = a.country === 'BR' && r.chance(0.3) ? a.postalCode.replace('-', '') : a.postalCode;
    if (a.city !== undefined) rec.city = typing.nameCase === 'upper_ascii' ? stripAccents(a.city).toUpperCase() : a.city;
    if (a.state !== undefined) rec.state = a.state;
    rec.country = typing.source === 'crm_import' && r.chance(0.3) ? (a.country === 'BR' ? 'Brasil' : a.country === 'PT' ? 'Portugal' : 'USA') : a.country;
  }
  return rec;
}

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One edit (substitution by a neighbouring key, deletion, doubling or transposition) at a letter after the first. */
function typo(r: Random, s: string): string {
  const positions: number[] = [];
  for (let i = 1; i < s.length; i++) if (/[a-zA-Z]/.test(s.charAt(i))) positions.push(i);
  if (positions.length < 2) return s;
  const i = r.pick(positions);
  const ch = s.charAt(i);
  const kind = r.int(0, 3);
  if (kind === 0) {
    const nb = KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? 'e';
    const sub = nb.charAt(r.int(0, nb.length - 1));
    return s.slice(0, i) + (ch === ch.toUpperCase() ? sub.toUpperCase() : sub) + s.slice(i + 1);
  }
  if (kind === 1) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 2) return s.slice(0, i) + ch + s.slice(i);
  const next = s.charAt(i + 1);
  if (next === '' || next === ch || !/[a-zA-Z]/.test(next)) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i) + next + ch + s.slice(i + 2);
}

function emailAlias(r: Random, email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (domain.toLowerCase() === 'gmail.com' && r.chance(0.5)) {
    if (local.includes('.')) return `${local.replace(/\./g, '')}@${domain}`;
    if (local.length > 3) return `${local.slice(0, 3)}.${local.slice(3)}@${domain}`;
  }
  return `${local}+${r.pick(['pet', 'compras', 'loja', 'promo'])}@${domain}`;
}

function strongIds(rec: CustomerRecord): number {
  return (rec.email !== undefined ? 1 : 0) + (rec.phone !== undefined ? 2 : 0) + (rec.cpf !== undefined ? 4 : 0);
}

/** Share of duplicates deliberately left without any strong identifier shared with the original (hard cases). */
const HARD_DUPLICATES = 0.02;
/** Share of duplicated customers that get two duplicates instead of one. */
const SECOND_DUPLICATE = 0.15;

/** The raw records of a run before they are shuffled, with their ground truth. */
export interface RawRecords {
  /** One record per person (in person order) and then the injected duplicates. */
  records: CustomerRecord[];
  /** Each person's own record, by person index. */
  primaries: CustomerRecord[];
  /** Record id → true customer id. */
  owner: Record<string, string>;
  /** The injected duplicates. */
  injected: InjectedDuplicate[];
  /** The id of the next record injected from `source` (each call takes a new one). */
  nextRecordId: (source: SampleSource) => string;
}

/**
 * Builds the raw records (one per customer plus the injected duplicates) with the ground truth, in
 * generation order; {@link shuffleRecords} shuffles them.
 *
 * @param run - The finished run.
 * @param streams - The random streams (`records` is drawn from).
 * @param duplicateRate - Share of customers that get duplicates.
 * @returns The records, each person's own record, the owner of each record, the injected duplicates
 *   and a source of further record ids.
 * @internal
 */
export function generateRecords(run: SampleRun, streams: SampleStreams, duplicateRate: number): RawRecords {
  const r = streams.records;
  const records: CustomerRecord[] = [];
  /** Each person's own record, by person index. */
  const primaries: CustomerRecord[] = [];
  const owner: Record<string, string> = {};
  const injected: InjectedDuplicate[] = [];
  const counters: Record<SampleSource, number> = { ecommerce: 0, store: 0, app: 0, crm_import: 0 };
  for (const p of run.people) counters[p.source]++;
  const next: Record<SampleSource, number> = { ...SOURCE_BASE };
  for (const p of run.people) {
    const c = p.customer;
    const ext = c.externalIds?.[0]?.id ?? '';
    const recordId = `${p.source}:${ext.slice(ext.lastIndexOf('-') + 1)}`;
    const typing = styleFor(r, p.source);
    const updated = seconds(r.chance(0.3) ? p.createdAt + r.next() * (run.to - p.createdAt) : p.createdAt);
    const primary = typedRecord(r, p, recordId, typing, updated);
    const signup = c.consents?.filter((x) => x.purpose === 'marketing' && x.recordedAt.getTime() === p.createdAt);
    if (signup !== undefined && signup.length > 0) {
      primary.consents = signup.map((x): Consent => ({ ...x, recordedAt: new Date(x.recordedAt.getTime()), ...(x.expiresAt === undefined ? {} : { expiresAt: new Date(x.expiresAt.getTime()) }) }));
    }
    records.push(primary);
    primaries.push(primary);
    owner[recordId] = c.id;
    if (!r.chance(duplicateRate)) continue;
    const copies = r.chance(SECOND_DUPLICATE) ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      const changes: DuplicateChange[] = [];
      let source = p.source;
      if (r.chance(0.5)) {
        source = r.pick(SOURCES.filter((s) => s !== p.source && (s !== 'store' || p.storeId !== undefined)));
      }
      const dupTyping = source === p.source ? { ...typing } : styleFor(r, source);
      if (source !== p.source) changes.push('second_source');
      const wantCase = r.chance(0.4);
      if (wantCase) dupTyping.nameCase = typing.nameCase === 'title' ? r.pick<NameCase>(['upper', 'upper_ascii', 'lower']) : 'title';
      const wantPhone = c.phone !== undefined && r.chance(0.5);
      if (wantPhone) dupTyping.phoneFormat = (typing.phoneFormat + r.int(1, 5)) % 8;
      const counter = ++counters[source];
      const id = `${source}:${next[source] + counter}`;
      const updatedAt = seconds(p.createdAt + r.next() * (run.to - p.createdAt));
      const dup = typedRecord(r, p, id, dupTyping, updatedAt);
      const original = primary;
      const nameOf = (x: CustomerRecord): string => x.fullName ?? `${x.firstName ?? ''} ${x.lastName ?? ''}`;
      if (nameOf(dup) !== nameOf(original) && dupTyping.nameCase !== typing.nameCase) changes.push('case');
      if (dup.phone !== undefined && original.phone !== undefined && dup.phone !== original.phone && dupTyping.phoneFormat !== typing.phoneFormat) changes.push('phone_format');
      if (r.chance(0.3)) {
        if (dup.fullName !== undefined) {
          const parts = dup.fullName.split(' ');
          const j = r.int(0, parts.length - 1);
          parts[j] = typo(r, parts[j] ?? '');
          const v = parts.join(' ');
          if (v !== dup.fullName) {
            dup.fullName = v;
            changes.push('typo');
          }
        } else if (r.chance(0.5) && dup.firstName !== undefined) {
          const v = typo(r, dup.firstName);
          if (v !== dup.firstName) {
            dup.firstName = v;
            changes.push('typo');
          }
        } else if (dup.lastName !== undefined) {
          const v = typo(r, dup.lastName);
          if (v !== dup.lastName) {
            dup.lastName = v;
            changes.push('typo');
          }
        }
      }
      if (r.chance(0.25)) {
        if (dup.fullName !== undefined) dup.fullName = `${dup.fullName.replace(' ', '  ')} `;
        else if (dup.firstName !== undefined) dup.firstName = ` ${dup.firstName}`;
        if (dup.email !== undefined && r.chance(0.5)) dup.email = `${dup.email} `;
        changes.push('spacing');
      }
      if (dup.email !== undefined && r.chance(0.15)) {
        dup.email = emailAlias(r, dup.email.trim()) + (dup.email.endsWith(' ') ? ' ' : '');
        changes.push('email_alias');
      }
      const shared = strongIds(original);
      if (r.chance(HARD_DUPLICATES) && dup.birthday !== undefined && dup.postalCode !== undefined) {
        delete dup.email;
        delete dup.phone;
        delete dup.cpf;
        changes.push('missing_field');
      } else {
        if (r.chance(0.35)) {
          const fields = ['email', 'phone', 'cpf', 'birthday', 'postalCode'] as const;
          const f = r.pick(fields);
          const bit = f === 'email' ? 1 : f === 'phone' ? 2 : f === 'cpf' ? 4 : 0;
          if (dup[f] !== undefined && (bit === 0 || (strongIds(dup) & shared & ~bit) !== 0)) {
            delete dup[f];
            changes.push('missing_field');
          }
        }
        // Keep at least one strong identifier the original also has.
        if ((strongIds(dup) & shared) === 0) {
          if (original.email !== undefined && c.email !== undefined) dup.email = c.email;
          else if (original.phone !== undefined && c.phone !== undefined) dup.phone = typedPhone(c.phone, c.phoneCountry ?? 'BR', dupTyping.phoneFormat);
          else if (original.cpf !== undefined) dup.cpf = original.cpf;
        }
      }
      // A change to a field that was then left out is no longer visible.
      if (dup.phone === undefined && changes.includes('phone_format')) changes.splice(changes.indexOf('phone_format'), 1);
      if (dup.email === undefined && changes.includes('email_alias')) changes.splice(changes.indexOf('email_alias'), 1);
      if (changes.length === 0) {
        const flip = (s: string): string => (s === s.toLowerCase() ? s.toUpperCase() : s.toLowerCase());
        if (dup.fullName !== undefined) dup.fullName = flip(dup.fullName);
        else dup.firstName = flip(dup.firstName ?? '');
        changes.push('case');
      }
      records.push(dup);
      owner[id] = c.id;
      injected.push({ recordId: id, originalRecordId: recordId, customerId: c.id, changes });
    }
  }
  const nextRecordId = (source: SampleSource): string => `${source}:${next[source] + ++counters[source]}`;
  return { records, primaries, owner, injected, nextRecordId };
}

/**
 * Shuffles records in place (Fisher–Yates), so that their order says nothing about duplicates.
 *
 * @param r - The random stream (`records`).
 * @param records - The records.
 * @internal
 */
export function shuffleRecords(r: Random, records: CustomerRecord[]): void {
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    const tmp = records[i] as CustomerRecord;
    records[i] = records[j] as CustomerRecord;
    records[j] = tmp;
  }
}
