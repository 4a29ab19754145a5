/**
 * The hard identity cases of `duplicateDifficulty: 'hard'` (internal): true duplicates that change a
 * name or a contact the way life does (nicknames, marriages, moves, a transposed digit), and traps —
 * records of different customers that share a value (a household phone, a family e-mail, what shop
 * staff type when a customer gives nothing). Everything is drawn from one stream of its own, after the
 * easy duplicates, so the rest of the base is what it is without the option.
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import { cpfCheckDigits } from '../identity/documents.js';
import type { CustomerRecord } from '../model/index.js';
import { seconds, type Person, type SampleRun, type SampleSource } from './context.js';
import { pickPlace, postalCode } from './people.js';
import { applyCase, PHONE_FORMATS, SOURCES, stripAccents, styleFor, typedPhone, typedRecord, type NameCase, type RawRecords } from './records.js';
import { EMAIL_DOMAINS, NAMES, NICKNAMES, PLACEHOLDER_CPFS, PLACEHOLDER_EMAILS, PLACEHOLDER_PHONES, PLACES, STORES } from './reference-data.js';
import type { DuplicateChange, InjectedTrap, TrapKind } from './types.js';

/** Hard duplicates are given to a share `duplicateRate × HARD_DUPLICATE_SHARE` of customers. */
export const HARD_DUPLICATE_SHARE = 0.5;
/** Share of Brazilian consumers whose record carries a relative's phone and postal code. */
export const HOUSEHOLD_PHONE_RATE = 0.02;
/** Share of Brazilian consumers with an e-mail whose record carries a relative's e-mail and postal code. */
export const FAMILY_EMAIL_RATE = 0.015;
/** Share of Brazilian male consumers renamed after an older man of their city (Filho, Júnior, Neto) who share his phone and address. */
export const JUNIOR_NAMESAKE_RATE = 0.01;
/** Shares of shop-typed records (source `store`) with each habit of the staff; the rest are untouched. */
export const STORE_TRAP_RATES: readonly (readonly [TrapKind, number])[] = [
  ['placeholder_email', 0.06],
  ['placeholder_phone', 0.03],
  ['placeholder_cpf', 0.04],
  ['store_phone', 0.03],
  ['clerk_cpf', 0.03],
];
/** Clerks per shop, each with a CPF of their own. */
const CLERKS_PER_STORE = 3;

type Evidence = 'email' | 'phone' | 'cpf' | 'birthday' | 'postalCode';
const EVIDENCE_WEIGHTS: Readonly<Record<Evidence, number>> = { email: 3, phone: 3, birthday: 2, postalCode: 2, cpf: 1 };
const CHANGE_ORDER: readonly DuplicateChange[] = [
  'second_source', 'case', 'phone_format', 'nickname', 'abbreviated_name', 'dropped_surname', 'married_name',
  'transposed_phone', 'moved_address', 'new_email', 'missing_field',
];

function weightedEntry(r: Random, entries: readonly (readonly [string, number])[]): string {
  return r.weighted(entries.map((e) => e[0]), entries.map((e) => e[1]));
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** Mailbox key as a matcher folds it (lower case, no `+tag`, Gmail without dots): keeps new e-mails distinct. */
function mailboxKey(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  let local = e.slice(0, at).split('+')[0] ?? '';
  const domain = e.slice(at + 1);
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

function asciiLower(s: string): string {
  return stripAccents(s).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The letter case a typed name shows, to tell whether a duplicate's case differs from its original's. */
function caseShown(name: string): string {
  return name === name.toUpperCase() ? 'upper' : name === name.toLowerCase() ? 'lower' : 'title';
}

function nameOf(rec: CustomerRecord): string {
  return rec.fullName ?? `${rec.firstName ?? ''} ${rec.lastName ?? ''}`;
}

interface Name {
  first: string;
  last: string;
  /** A family name added by marriage (never dropped again). */
  added?: string;
}

/**
 * Name changes of a true duplicate; each returns undefined when it does not apply to the name as it is.
 * `done` holds the changes already made, so that two changes never undo each other.
 */
const NAME_CHANGES: Readonly<Record<'nickname' | 'abbreviated_name' | 'dropped_surname' | 'married_name', (r: Random, n: Name, p: Person, done: ReadonlySet<string>) => Name | undefined>> = {
  nickname: (_r, n, _p, done) => {
    if (done.has('abbreviated_name')) return undefined;
    const nick = NICKNAMES[n.first];
    return nick === undefined ? undefined : { ...n, first: nick };
  },
  abbreviated_name: (r, n, _p, done) => {
    const surnames = n.last.split(' ');
    const options: Name[] = [];
    if (!done.has('nickname')) {
      if (n.first === 'Maria' || n.first.startsWith('Maria ')) options.push({ ...n, first: `Ma.${n.first.slice(5)}` });
      const words = n.first.split(' ');
      if (words.length > 1) options.push({ ...n, first: `${words[0] ?? ''} ${(words[1] ?? '').charAt(0)}.` });
    }
    if (surnames.length > 1 && surnames[0] !== n.added) options.push({ ...n, last: `${(surnames[0] ?? '').charAt(0)}. ${surnames.slice(1).join(' ')}` });
    if (options.length === 0 && !done.has('nickname')) options.push({ ...n, first: `${n.first.charAt(0)}.` });
    return options.length === 0 ? undefined : r.pick(options);
  },
  dropped_surname: (r, n) => {
    const surnames = n.last.split(' ');
    // Drop a family name the person was born with (written out: an abbreviation stays visible), and
    // keep at least one written out.
    const droppable = surnames
      .map((_, i) => i)
      .filter((i) => surnames[i] !== n.added && !(surnames[i] ?? '').endsWith('.') && surnames.some((w, j) => j !== i && !w.endsWith('.')));
    if (surnames.length < 2 || droppable.length === 0) return undefined;
    const drop = r.chance(0.6) ? (droppable[0] as number) : (droppable[droppable.length - 1] as number);
    return { ...n, last: surnames.filter((_, i) => i !== drop).join(' ') };
  },
  married_name: (r, n, p, done) => {
    const names = NAMES[p.culture];
    if (done.has('married_name') || p.customer.gender === 'male' || !names.female.includes(p.customer.firstName ?? '')) return undefined;
    const born = (p.customer.lastName ?? '').split(' ');
    let husband = r.pick(names.surnames);
    for (let k = 0; k < 5 && born.includes(husband); k++) husband = r.pick(names.surnames);
    if (born.includes(husband)) return undefined;
    const surnames = n.last.split(' ');
    if (r.chance(0.6) || surnames.length === 1) return { ...n, last: `${n.last} ${husband}`, added: husband };
    return { ...n, last: [...surnames.slice(0, -1), husband].join(' '), added: husband };
  },
};

/** Shared state of one injection. */
interface Injection {
  run: SampleRun;
  r: Random;
  raw: RawRecords;
  /** Mailbox keys of every e-mail in the records, so that a new e-mail never lands on someone else's. */
  mailboxes: Set<string>;
  /** E.164 phones of every customer, so that a transposed phone never lands on someone else's. */
  phones: Set<string>;
}

function newEmail(inj: Injection, p: Person, name: Name): string | undefined {
  const { r } = inj;
  const f = asciiLower(name.first.split(' ')[0] ?? '');
  const surnames = name.last.split(' ');
  const l = asciiLower(surnames[surnames.length - 1] ?? '');
  if (f.length < 2 || l.length < 2) return undefined;
  const d = EMAIL_DOMAINS[p.culture];
  for (let attempt = 0; attempt < 10; attempt++) {
    const domain = r.weighted(d.domains, d.weights);
    const local = r.pick([`${f}.${l}`, `${f}${l}`, `${f}_${l}`, `${f}.${l}${r.int(1, 99)}`, `${f}${l}${r.int(1980, 2010)}`, `${f.charAt(0)}${l}${r.int(1, 999)}`]);
    const email = `${local}@${domain}`;
    if (!inj.mailboxes.has(mailboxKey(email))) {
      inj.mailboxes.add(mailboxKey(email));
      return email;
    }
  }
  return undefined;
}

/**
 * Swaps two neighbouring, different digits of an E.164 number: among the last eight (after a Brazilian
 * mobile's leading 9 or a Portuguese 9x), or the last six of a NANP number (after the exchange's first
 * digit, which must stay 2–9).
 */
function transposedPhone(inj: Injection, e164: string): string | undefined {
  const positions: number[] = [];
  const from = e164.length - (e164.startsWith('+1') ? 6 : 8);
  for (let i = from; i < e164.length - 1; i++) if (e164.charAt(i) !== e164.charAt(i + 1)) positions.push(i);
  for (let attempt = 0; attempt < 4 && positions.length > 0; attempt++) {
    const i = inj.r.pick(positions);
    const v = e164.slice(0, i) + e164.charAt(i + 1) + e164.charAt(i) + e164.slice(i + 2);
    if (!inj.phones.has(v)) return v;
  }
  return undefined;
}

/**
 * A hard true duplicate of one person: another record (usually from another source) with one or two
 * name changes, and only two or three of CPF, e-mail, phone, full birth date and postal code kept equal
 * to the original's; the others are left out or changed as life changes them.
 */
function hardDuplicate(inj: Injection, p: Person, primary: CustomerRecord): { rec: CustomerRecord; changes: DuplicateChange[] } | undefined {
  const { r, run } = inj;
  const c = p.customer;
  const available: Evidence[] = [];
  if (primary.email !== undefined) available.push('email');
  if (primary.phone !== undefined) available.push('phone');
  if (primary.cpf !== undefined) available.push('cpf');
  if (primary.birthday !== undefined && c.birthday?.year !== undefined) available.push('birthday');
  if (primary.postalCode !== undefined) available.push('postalCode');
  if (available.length < 2) return undefined;
  const kept = new Set<Evidence>();
  const want = Math.min(available.length, r.chance(0.6) ? 2 : 3);
  const pool = [...available];
  while (kept.size < want) {
    const f = r.weighted(pool, pool.map((x) => EVIDENCE_WEIGHTS[x]));
    kept.add(f);
    pool.splice(pool.indexOf(f), 1);
  }

  const others = SOURCES.filter((s) => s !== p.source && (s !== 'store' || p.storeId !== undefined));
  const source: SampleSource = r.chance(0.7) ? r.pick(others) : p.source;
  const typing = styleFor(r, source);
  const id = inj.raw.nextRecordId(source);
  const rec = typedRecord(r, p, id, typing, seconds(p.createdAt + r.next() * (run.to - p.createdAt)));
  const changes = new Set<DuplicateChange>();
  if (source !== p.source) changes.add('second_source');

  // Names: one change, or two that do not undo each other.
  let name: Name = { first: c.firstName ?? '', last: c.lastName ?? '' };
  const done = new Set<string>();
  const howMany = r.chance(0.7) ? 1 : 2;
  const kinds = ['nickname', 'abbreviated_name', 'dropped_surname', 'married_name'] as const;
  for (let attempt = 0; attempt < 8 && done.size < howMany; attempt++) {
    const kind = r.pick(kinds);
    if (done.has(kind)) continue;
    const next = NAME_CHANGES[kind](r, name, p, done);
    if (next === undefined) continue;
    name = next;
    done.add(kind);
    changes.add(kind);
  }
  if (done.size === 0) {
    // abbreviated_name applies to every name (a given name to its initial at worst).
    name = NAME_CHANGES.abbreviated_name(r, name, p, done) ?? name;
    changes.add('abbreviated_name');
  }
  const first = applyCase(name.first, typing.nameCase);
  const last = applyCase(name.last, typing.nameCase);
  if (typing.split) {
    rec.firstName = first;
    rec.lastName = last;
  } else rec.fullName = `${first} ${last}`;
  if (caseShown(nameOf(rec)) !== caseShown(nameOf(primary))) changes.add('case');

  // Evidence kept: equal to the original's value (typed again when the source left it out).
  // (Every kept field is one the original has: see `available`.)
  if (kept.has('email') && rec.email === undefined) rec.email = primary.email ?? '';
  if (kept.has('phone') && rec.phone === undefined) rec.phone = primary.phone ?? '';
  if (kept.has('cpf') && rec.cpf === undefined) rec.cpf = primary.cpf ?? '';
  if (kept.has('birthday') && rec.birthday === undefined) rec.birthday = primary.birthday ?? '';
  // The rest: left out, or changed as life changes it.
  let missing = false;
  if (!kept.has('email') && rec.email !== undefined) {
    const email = r.chance(0.5) ? newEmail(inj, p, name) : undefined;
    if (email === undefined) delete rec.email;
    else {
      rec.email = email;
      changes.add('new_email');
    }
    missing ||= email === undefined && primary.email !== undefined;
  }
  if (!kept.has('phone') && rec.phone !== undefined && c.phone !== undefined) {
    const phone = r.chance(0.5) ? transposedPhone(inj, c.phone) : undefined;
    if (phone === undefined) delete rec.phone;
    else {
      rec.phone = typedPhone(phone, c.phoneCountry ?? 'BR', typing.phoneFormat);
      changes.add('transposed_phone');
    }
    missing ||= phone === undefined && primary.phone !== undefined;
  }
  if (!kept.has('cpf') && rec.cpf !== undefined) {
    delete rec.cpf;
    missing ||= primary.cpf !== undefined;
  }
  if (!kept.has('birthday') && rec.birthday !== undefined && c.birthday?.year !== undefined) {
    delete rec.birthday;
    missing ||= primary.birthday !== undefined;
  }
  if (!kept.has('postalCode') && rec.postalCode !== undefined) {
    if (r.chance(0.7)) {
      const place = r.chance(0.6) ? p.place : pickPlace(r, p.country);
      let postal = postalCode(r, place);
      const old = c.addresses?.[0]?.postalCode ?? '';
      for (let k = 0; k < 3 && postal === old; k++) postal = postalCode(r, place);
      if (postal !== old) {
        rec.postalCode = postal;
        rec.city = typing.nameCase === 'upper_ascii' ? stripAccents(place.city).toUpperCase() : place.city;
        rec.state = place.state;
        changes.add('moved_address');
      } else {
        delete rec.postalCode;
        missing = true;
      }
    } else {
      delete rec.postalCode;
      missing = true;
    }
  }
  // Listed when the original has a field the duplicate lacks (a difference the pair shows).
  if (missing) changes.add('missing_field');
  if (rec.phone !== undefined && primary.phone !== undefined && !changes.has('transposed_phone') && rec.phone !== primary.phone) changes.add('phone_format');
  return { rec, changes: CHANGE_ORDER.filter((x) => changes.has(x)) };
}

/** Groups of records sharing one value, by kind and value, in order of first use. */
class TrapBook {
  private readonly byKey = new Map<string, InjectedTrap>();
  readonly traps: InjectedTrap[] = [];

  add(kind: TrapKind, field: InjectedTrap['field'], value: string, recordId: string, customerId: string, modified: boolean): void {
    const key = `${kind}|${value}`;
    let t = this.byKey.get(key);
    if (t === undefined) {
      t = { kind, field, value, recordIds: [], customerIds: [], modifiedRecordIds: [] };
      this.byKey.set(key, t);
      this.traps.push(t);
    }
    t.recordIds.push(recordId);
    t.customerIds.push(customerId);
    if (modified) t.modifiedRecordIds.push(recordId);
  }

  pair(kind: TrapKind, field: InjectedTrap['field'], value: string, owner: [string, string], other: [string, string]): void {
    this.traps.push({ kind, field, value, recordIds: [owner[0], other[0]], customerIds: [owner[1], other[1]], modifiedRecordIds: [other[0]] });
  }
}

/** A Brazilian landline (`+55` DDD and eight digits) as a shop's till types it. */
function typedLandline(e164: string, format: number): string {
  const dd = e164.slice(3, 5);
  const n = e164.slice(5);
  const masked = `${n.slice(0, 4)}-${n.slice(4)}`;
  switch (format % 4) {
    case 0: return `(${dd}) ${masked}`;
    case 1: return `${dd}${n}`;
    case 2: return `${dd} ${masked}`;
    default: return `0${dd} ${n.slice(0, 4)} ${n.slice(4)}`;
  }
}

function cpfMask(cpf: string): string {
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}

/**
 * Adds the hard duplicates and the traps to a run's raw records (before they are shuffled).
 *
 * Hard duplicates go to a share `duplicateRate × 0.5` of customers. Traps are built only on records
 * of customers that have no injected duplicate, and each customer takes part in one trap at most, so a
 * trap can only cost a matcher precision and a hard duplicate only recall.
 *
 * @param run - The finished run.
 * @param r - The stream of the hard cases.
 * @param raw - The raw records; records, owners and injected duplicates are appended, primaries of trap customers changed.
 * @param duplicateRate - The share of customers with (easy) duplicates.
 * @returns The traps.
 * @internal
 */
export function injectHardCases(run: SampleRun, r: Random, raw: RawRecords, duplicateRate: number): InjectedTrap[] {
  const people = run.people;
  const n = people.length;
  const mailboxes = new Set<string>();
  for (const rec of raw.records) if (rec.email !== undefined) mailboxes.add(mailboxKey(rec.email));
  for (const p of people) for (const cp of p.customer.contactPoints ?? []) if (cp.kind === 'email') mailboxes.add(mailboxKey(cp.value));
  const phones = new Set<string>();
  const cpfs = new Set<string>();
  for (const p of people) {
    if (p.customer.phone !== undefined) phones.add(p.customer.phone);
    for (const d of p.customer.documents ?? []) if (d.type === 'cpf') cpfs.add(d.value);
  }
  const inj: Injection = { run, r, raw, mailboxes, phones };
  const indexOf = new Map<string, number>();
  for (const p of people) indexOf.set(p.customer.id, p.index);
  const busy = new Uint8Array(n);
  for (const d of raw.injected) busy[indexOf.get(d.customerId) ?? 0] = 1;

  // 1. Hard true duplicates.
  const hardRate = duplicateRate * HARD_DUPLICATE_SHARE;
  for (const p of people) {
    if (!r.chance(hardRate)) continue;
    const primary = raw.primaries[p.index] as CustomerRecord;
    const made = hardDuplicate(inj, p, primary);
    if (made === undefined) continue;
    busy[p.index] = 1;
    raw.records.push(made.rec);
    raw.owner[made.rec.recordId] = p.customer.id;
    raw.injected.push({ recordId: made.rec.recordId, originalRecordId: primary.recordId, customerId: p.customer.id, changes: made.changes });
  }

  const book = new TrapBook();
  // 2. Households: a relative at the same address, in the same city, half the time with the same family name.
  const byCity = new Map<string, number[]>();
  const byFamily = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [i]);
    else list.push(i);
  };
  const family = (p: Person): string => `${p.place.city}|${(p.customer.lastName ?? '').split(' ').pop() ?? ''}`;
  const household = (p: Person): boolean => p.country === 'BR' && p.account < 0;
  const male = (p: Person): boolean => p.customer.gender !== 'female' && NAMES[p.culture].male.includes(p.customer.firstName ?? '');
  const birthYear = (p: Person): number => p.customer.birthday?.year ?? NaN;
  for (const p of people) {
    if (!household(p) || busy[p.index] === 1) continue;
    push(byCity, p.place.city, p.index);
    push(byFamily, family(p), p.index);
  }
  /** Someone else, free, in the list, from a random start (at most 500 looked at). */
  const scan = (list: readonly number[] | undefined, p: Person, has: (q: Person) => boolean): Person | undefined => {
    if (list === undefined || list.length < 2) return undefined;
    const start = r.int(0, list.length - 1);
    for (let k = 0; k < Math.min(list.length, 500); k++) {
      const q = people[list[(start + k) % list.length] as number] as Person;
      if (q !== p && busy[q.index] === 0 && has(q)) return q;
    }
    return undefined;
  };
  const partner = (p: Person, has: (q: Person) => boolean): Person | undefined =>
    (r.chance(0.5) ? scan(byFamily.get(family(p)), p, has) : undefined) ?? scan(byCity.get(p.place.city), p, has);
  for (const p of people) {
    if (!household(p) || busy[p.index] === 1) continue;
    const u = r.next();
    const kind: TrapKind | undefined =
      u < HOUSEHOLD_PHONE_RATE
        ? 'household_phone'
        : u < HOUSEHOLD_PHONE_RATE + FAMILY_EMAIL_RATE
          ? 'family_email'
          : u < HOUSEHOLD_PHONE_RATE + FAMILY_EMAIL_RATE + JUNIOR_NAMESAKE_RATE && male(p) && !Number.isNaN(birthYear(p))
            ? 'junior_namesake'
            : undefined;
    if (kind === undefined) continue;
    const q =
      kind === 'junior_namesake'
        ? partner(p, (x) => x.customer.phone !== undefined && male(x) && birthYear(x) <= birthYear(p) - 18 && x.customer.firstName !== undefined)
        : partner(p, (x) => (kind === 'household_phone' ? x.customer.phone !== undefined : (raw.primaries[x.index] as CustomerRecord).email !== undefined));
    if (q === undefined) continue;
    busy[p.index] = 1;
    busy[q.index] = 1;
    const rec = raw.primaries[p.index] as CustomerRecord;
    const theirs = raw.primaries[q.index] as CustomerRecord;
    const qc = q.customer;
    let value: string;
    if (kind === 'junior_namesake') {
      // The son is named after the father; his record is retyped in the style it had.
      const c = p.customer;
      const shown = nameOf(rec);
      const before = `${c.firstName ?? ''} ${c.lastName ?? ''}`;
      const style: NameCase =
        shown === shown.toUpperCase() ? (shown === stripAccents(before).toUpperCase() ? 'upper_ascii' : 'upper') : shown === shown.toLowerCase() ? 'lower' : 'title';
      c.firstName = qc.firstName ?? '';
      c.lastName = `${qc.lastName ?? ''} ${r.weighted(['Filho', 'Júnior', 'Neto'], [50, 40, 10])}`;
      if (rec.fullName !== undefined) rec.fullName = applyCase(`${c.firstName} ${c.lastName}`, style);
      else {
        rec.firstName = applyCase(c.firstName, style);
        rec.lastName = applyCase(c.lastName, style);
      }
    }
    if (kind === 'household_phone' || kind === 'junior_namesake') {
      value = qc.phone ?? '';
      rec.phone = typedPhone(value, 'BR', r.pick(PHONE_FORMATS[p.source]));
    } else {
      rec.email = (theirs.email ?? '').trim();
      value = rec.email.toLowerCase();
    }
    const postal = qc.addresses?.[0]?.postalCode;
    if (postal !== undefined) rec.postalCode = postal;
    book.pair(kind, kind === 'family_email' ? 'email' : 'phone', value, [theirs.recordId, qc.id], [rec.recordId, p.customer.id]);
  }

  // 3. What shop staff type: placeholders, the shop's phone, the clerk's own CPF.
  const storePhone = new Map<string, string>();
  const clerkCpfs = new Map<string, string[]>();
  for (const s of STORES) {
    const place = PLACES.find((x) => x.country === 'BR' && x.city === s.city);
    const dd = place?.areaCodes[0] ?? '11';
    storePhone.set(s.id, `+55${dd}3${String(r.int(0, 9_999_999)).padStart(7, '0')}`);
    const clerks: string[] = [];
    while (clerks.length < CLERKS_PER_STORE) {
      const base = `${String(r.int(0, 99_999_999)).padStart(8, '0')}${r.int(0, 9)}`;
      const cpf = base + cpfCheckDigits(base);
      if (!cpfs.has(cpf) && !/^(\d)\1{10}$/.test(cpf)) {
        cpfs.add(cpf);
        clerks.push(cpf);
      }
    }
    clerkCpfs.set(s.id, clerks);
  }
  const total = STORE_TRAP_RATES.reduce((acc, e) => acc + e[1], 0);
  for (const p of people) {
    if (p.source !== 'store' || p.storeId === undefined || busy[p.index] === 1) continue;
    let u = r.next();
    if (u >= total) continue;
    let kind: TrapKind = 'placeholder_email';
    for (const [k, rate] of STORE_TRAP_RATES) {
      kind = k;
      if (u < rate) break;
      u -= rate;
    }
    busy[p.index] = 1;
    const rec = raw.primaries[p.index] as CustomerRecord;
    const format = r.pick(PHONE_FORMATS.store);
    const dd = r.pick(p.place.areaCodes);
    const cid = p.customer.id;
    if (kind === 'placeholder_email') {
      const email = weightedEntry(r, PLACEHOLDER_EMAILS);
      rec.email = email;
      book.add(kind, 'email', email, rec.recordId, cid, true);
    } else if (kind === 'placeholder_phone') {
      const e164 = `+55${dd}${weightedEntry(r, PLACEHOLDER_PHONES)}`;
      rec.phone = typedPhone(e164, 'BR', format);
      book.add(kind, 'phone', e164, rec.recordId, cid, true);
    } else if (kind === 'placeholder_cpf') {
      const cpf = weightedEntry(r, PLACEHOLDER_CPFS);
      rec.cpf = cpf;
      book.add(kind, 'cpf', digitsOf(cpf), rec.recordId, cid, true);
    } else if (kind === 'store_phone') {
      const e164 = storePhone.get(p.storeId) ?? '';
      rec.phone = typedLandline(e164, format);
      book.add(kind, 'phone', e164, rec.recordId, cid, true);
    } else {
      const cpf = r.pick(clerkCpfs.get(p.storeId) ?? []);
      rec.cpf = r.chance(0.5) ? cpfMask(cpf) : cpf;
      book.add(kind, 'cpf', cpf, rec.recordId, cid, true);
    }
  }
  return book.traps;
}
