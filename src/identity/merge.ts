/**
 * Merging the records of one person into a golden customer: survivorship per field, united contact
 * lists, conservatively merged consents, and the lineage of every surviving value.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { Address, Consent, ContactPoint, Customer, CustomerRecord, ExternalId, PartialDate } from '../model/index.js';
import { prepareRecords } from './match.js';
import type { NormalizeOptions, NormalizedCustomerRecord } from './record.js';
import { formatCep } from './postal.js';
import { foldAccents } from './text.js';

/**
 * How a field's surviving value is chosen among the records of a cluster (empty and invalid values
 * never take part): `most_recent` (the record updated last), `most_frequent` (the value most records
 * agree on), `source_priority` (the value from the most trusted source). Ties fall to the next
 * criterion: recency, then source priority, then the smallest `recordId`. Values are compared by their
 * matching form (names and cities with accents folded); among the spellings of the winning value, the
 * one with accents is shown (`Belém` over `BELEM`).
 *
 * @category Merging
 */
export type SurvivorshipRule = 'most_recent' | 'most_frequent' | 'source_priority';

/**
 * The fields (or groups of fields that survive together) of a golden customer.
 *
 * @category Merging
 */
export type SurvivorField = 'name' | 'email' | 'phone' | 'cpf' | 'birthday' | 'address';

/**
 * Options of {@link mergeRecords} (and of {@link resolveIdentities}).
 *
 * @category Merging
 */
export interface MergeOptions extends NormalizeOptions {
  /** Sources from most to least trusted (`['crm_import', 'ecommerce', 'store']`); unlisted sources rank last. */
  sourcePriority?: readonly string[];
  /**
   * Rule per field. Defaults: `name`, `cpf`, `birthday`: `most_frequent`; `email`, `phone`, `address`:
   * `most_recent` (people change address and number; their name and birthday are rarely retyped right).
   */
  rules?: Partial<Record<SurvivorField, SurvivorshipRule>>;
  /** Prefix of golden ids made from the smallest record id; default `'cust:'`. */
  idPrefix?: string;
}

/**
 * Options of {@link mergeRecords}: the merge options and an explicit id.
 *
 * @category Merging
 */
export interface MergeRecordsOptions extends MergeOptions {
  /** The golden id to give; default `idPrefix` + the smallest `recordId`. */
  customerId?: string;
}

/**
 * Where a surviving value came from.
 *
 * @category Merging
 */
export interface FieldLineage {
  /** The field of {@link Customer} (`email`, `firstName`…, `contactPoints.0`, `createdAt`). */
  field: string;
  /** The record that gave the value. */
  recordId: string;
  /** That record's source. */
  source: string;
  /** The rule that chose it (`union` for list members, `earliest` for `createdAt` and `source`). */
  rule: SurvivorshipRule | 'union' | 'earliest';
  /** How many records had a usable value for the field. */
  candidates: number;
  /** How many distinct values they had. */
  distinctValues: number;
}

/**
 * A golden customer with the records it was built from.
 *
 * @category Merging
 */
export interface GoldenRecord {
  /** The merged customer. */
  customer: Customer;
  /** The ids of its source records, sorted. */
  recordIds: string[];
  /** Where each field came from. */
  lineage: FieldLineage[];
}

const DEFAULT_RULES: Record<SurvivorField, SurvivorshipRule> = {
  name: 'most_frequent',
  cpf: 'most_frequent',
  birthday: 'most_frequent',
  email: 'most_recent',
  phone: 'most_recent',
  address: 'most_recent',
};
const RULES = new Set<string>(['most_recent', 'most_frequent', 'source_priority']);

interface Candidate<T> {
  key: string;
  value: T;
  rec: NormalizedCustomerRecord;
  /** Among spellings of one key, the one with more accented letters is shown (`Belém` over `BELEM`). */
  rich?: number;
}

function accents(text: string | undefined): number {
  if (text === undefined) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) n++;
  return n;
}

interface MergeContext {
  rank: (source: string) => number;
  rules: Record<SurvivorField, SurvivorshipRule>;
  prefix: string;
}

/**
 * Resolves merge options.
 *
 * @param options - The options as given.
 * @returns Source ranks, rules per field and the id prefix.
 * @internal
 */
export function mergeContext(options: MergeOptions): MergeContext {
  const priority = new Map<string, number>();
  (options.sourcePriority ?? []).forEach((s, i) => {
    if (!priority.has(s)) priority.set(s, i);
  });
  const rules = { ...DEFAULT_RULES };
  for (const [field, rule] of Object.entries(options.rules ?? {})) {
    if (!(field in DEFAULT_RULES) || !RULES.has(rule as string)) {
      throw new JornadaError('INVALID_OPTION', `Unknown survivorship rule ${String(rule)} for ${field}`, { details: { field, rule } });
    }
    rules[field as SurvivorField] = rule as SurvivorshipRule;
  }
  return { rank: (s) => priority.get(s) ?? Number.MAX_SAFE_INTEGER, rules, prefix: options.idPrefix ?? 'cust:' };
}

/** Recency first, then source priority, then the smallest record id. */
function better(ctx: MergeContext, a: NormalizedCustomerRecord, b: NormalizedCustomerRecord): boolean {
  const ta = a.record.updatedAt.getTime();
  const tb = b.record.updatedAt.getTime();
  if (ta !== tb) return ta > tb;
  const ra = ctx.rank(a.record.source);
  const rb = ctx.rank(b.record.source);
  if (ra !== rb) return ra < rb;
  return a.record.recordId < b.record.recordId;
}

function choose<T>(ctx: MergeContext, cands: readonly Candidate<T>[], rule: SurvivorshipRule): { pick: Candidate<T>; distinct: number } | undefined {
  if (cands.length === 0) return undefined;
  if (cands.length === 1) return { pick: cands[0] as Candidate<T>, distinct: 1 };
  const byKey = new Map<string, { count: number; best: Candidate<T> }>();
  for (const c of cands) {
    const e = byKey.get(c.key);
    if (e === undefined) byKey.set(c.key, { count: 1, best: c });
    else {
      e.count++;
      const rc = c.rich ?? 0;
      const rb = e.best.rich ?? 0;
      if (rc > rb || (rc === rb && better(ctx, c.rec, e.best.rec))) e.best = c;
    }
  }
  let winner: { count: number; best: Candidate<T> } | undefined;
  for (const e of byKey.values()) {
    if (winner === undefined) {
      winner = e;
      continue;
    }
    let wins: boolean;
    if (rule === 'most_frequent' && e.count !== winner.count) wins = e.count > winner.count;
    else if (rule === 'source_priority' && ctx.rank(e.best.rec.record.source) !== ctx.rank(winner.best.rec.record.source)) {
      wins = ctx.rank(e.best.rec.record.source) < ctx.rank(winner.best.rec.record.source);
    } else wins = better(ctx, e.best.rec, winner.best.rec);
    if (wins) winner = e;
  }
  return winner === undefined ? undefined : { pick: winner.best, distinct: byKey.size };
}

function consentKey(c: Consent): string {
  return `${c.recordedAt.getTime()}|${c.channel}|${c.purpose}|${c.status}|${c.legalBasis}|${c.source}|${c.expiresAt?.getTime() ?? ''}`;
}

const STATUS_ORDER: Record<string, number> = { granted: 0, denied: 1, revoked: 2 };

/**
 * Merges the consent logs of several records into one log: the union of their events, identical events
 * once, ordered by time (at one instant, refusals after grants). Nothing is dropped, so the log keeps
 * the proof of every grant (LGPD art. 8 §2) and every revocation (art. 8 §5). Read with `canContact`,
 * which lets the latest covering event decide and a refusal win a tie, a revocation recorded anywhere
 * overrides every grant recorded at or before it, in any source: a merged customer never has a granted
 * consent that one of its records revoked later.
 *
 * @param logs - The consent logs of the records.
 * @returns One log, sorted; its events are the input's objects (not copies): treat them as read-only.
 *
 * @example
 * ```ts
 * const t = (s: string) => new Date(s);
 * const merged = mergeConsentLogs([
 *   [{ channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: t('2026-01-01T00:00:00Z'), source: 'web' }],
 *   [{ channel: 'all', purpose: 'marketing', status: 'revoked', legalBasis: 'consent', recordedAt: t('2026-02-01T00:00:00Z'), source: 'sac' }],
 * ]);
 * canContact(merged, { channel: 'email', purpose: 'marketing', at: t('2026-03-01T00:00:00Z') }).allowed; //=> false
 * ```
 * @category Merging
 */
export function mergeConsentLogs(logs: Iterable<readonly Consent[] | undefined>): Consent[] {
  const byKey = new Map<string, Consent>();
  for (const log of logs) {
    if (log === undefined) continue;
    for (const c of log) {
      const k = consentKey(c);
      if (!byKey.has(k)) byKey.set(k, c);
    }
  }
  if (byKey.size === 0) return [];
  const out = [...byKey.entries()];
  out.sort(([ka, a], [kb, b]) => {
    const d = a.recordedAt.getTime() - b.recordedAt.getTime();
    if (d !== 0) return d;
    const s = (STATUS_ORDER[a.status] ?? 0) - (STATUS_ORDER[b.status] ?? 0);
    if (s !== 0) return s;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return out.map(([, c]) => c);
}

function birthdayKey(b: PartialDate): string {
  return `${b.year ?? ''}-${b.month}-${b.day}`;
}

/**
 * Merges one cluster of normalised records (at least one).
 *
 * @param recs - The normalised records of the cluster.
 * @param id - The golden id.
 * @param ctx - The resolved merge options.
 * @returns The golden record.
 * @internal
 */
export function mergeNormalized(recs: readonly NormalizedCustomerRecord[], id: string, ctx: MergeContext): GoldenRecord {
  // Order-independent: work on the records sorted by id.
  const sorted = recs.length === 1 ? recs : [...recs].sort((a, b) => (a.record.recordId < b.record.recordId ? -1 : a.record.recordId > b.record.recordId ? 1 : 0));
  const lineage: FieldLineage[] = [];
  const trace = (field: string, rec: NormalizedCustomerRecord, rule: FieldLineage['rule'], candidates: number, distinctValues: number): void => {
    lineage.push({ field, recordId: rec.record.recordId, source: rec.record.source, rule, candidates, distinctValues });
  };

  let earliest = sorted[0] as NormalizedCustomerRecord;
  for (const r of sorted) {
    if (r.record.updatedAt.getTime() < earliest.record.updatedAt.getTime()) earliest = r;
  }
  const customer: Customer = { id, createdAt: new Date(earliest.record.updatedAt.getTime()), source: earliest.record.source };
  trace('createdAt', earliest, 'earliest', sorted.length, 1);
  trace('source', earliest, 'earliest', sorted.length, 1);

  // Name (first, last and full survive together).
  const names: Candidate<NormalizedCustomerRecord>[] = [];
  for (const r of sorted) if (r.nameKey.length > 0) names.push({ key: r.nameKey, value: r, rec: r, rich: accents(r.fullName) });
  const name = choose(ctx, names, ctx.rules.name);
  if (name !== undefined) {
    const r = name.pick.value;
    if (r.firstName !== undefined) {
      customer.firstName = r.firstName;
      trace('firstName', r, ctx.rules.name, names.length, name.distinct);
    }
    if (r.lastName !== undefined) {
      customer.lastName = r.lastName;
      trace('lastName', r, ctx.rules.name, names.length, name.distinct);
    }
    if (r.fullName !== undefined) {
      customer.name = r.fullName;
      trace('name', r, ctx.rules.name, names.length, name.distinct);
    }
  }

  // E-mail and phone: a primary by rule, every other distinct value kept as a contact point.
  const contactPoints: ContactPoint[] = [];
  const emails: Candidate<string>[] = [];
  for (const r of sorted) if (r.email !== undefined && r.emailKey !== undefined) emails.push({ key: r.email, value: r.email, rec: r });
  const email = choose(ctx, emails, ctx.rules.email);
  if (email !== undefined) {
    customer.email = email.pick.value;
    trace('email', email.pick.rec, ctx.rules.email, emails.length, email.distinct);
  }
  const phones: Candidate<string>[] = [];
  for (const r of sorted) if (r.phone !== undefined) phones.push({ key: r.phone, value: r.phone, rec: r });
  const phone = choose(ctx, phones, ctx.rules.phone);
  if (phone !== undefined) {
    customer.phone = phone.pick.value;
    if (phone.pick.rec.phoneCountry !== undefined) customer.phoneCountry = phone.pick.rec.phoneCountry;
    trace('phone', phone.pick.rec, ctx.rules.phone, phones.length, phone.distinct);
  }
  const addContacts = (kind: 'email' | 'phone', cands: Candidate<string>[], primary: string | undefined): void => {
    const firstBy = new Map<string, NormalizedCustomerRecord>();
    for (const c of cands) if (c.value !== primary && !firstBy.has(c.value)) firstBy.set(c.value, c.rec);
    for (const value of [...firstBy.keys()].sort()) {
      const rec = firstBy.get(value) as NormalizedCustomerRecord;
      const cp: ContactPoint = { kind, value };
      if (kind === 'phone' && rec.phoneCountry !== undefined) cp.country = rec.phoneCountry;
      trace(`contactPoints.${contactPoints.length}`, rec, 'union', cands.length, firstBy.size);
      contactPoints.push(cp);
    }
  };
  addContacts('email', emails, customer.email);
  addContacts('phone', phones, customer.phone);
  if (contactPoints.length > 0) customer.contactPoints = contactPoints;

  // Birthday.
  const birthdays: Candidate<PartialDate>[] = [];
  for (const r of sorted) if (r.birthday !== undefined) birthdays.push({ key: birthdayKey(r.birthday), value: r.birthday, rec: r });
  const bday = choose(ctx, birthdays, ctx.rules.birthday);
  if (bday !== undefined) {
    customer.birthday = { ...bday.pick.value };
    trace('birthday', bday.pick.rec, ctx.rules.birthday, birthdays.length, bday.distinct);
  }

  // CPF.
  const cpfs: Candidate<string>[] = [];
  for (const r of sorted) if (r.cpf !== undefined) cpfs.push({ key: r.cpf, value: r.cpf, rec: r });
  const cpf = choose(ctx, cpfs, ctx.rules.cpf);
  if (cpf !== undefined) {
    customer.documents = [{ type: 'cpf', value: cpf.pick.value, country: 'BR' }];
    trace('documents.0', cpf.pick.rec, ctx.rules.cpf, cpfs.length, cpf.distinct);
  }

  // Address (postal code, city, state and country survive together).
  const addresses: Candidate<NormalizedCustomerRecord>[] = [];
  for (const r of sorted) {
    if (r.postalCode === undefined && r.city === undefined && r.state === undefined) continue;
    const city = r.city === undefined ? '' : foldAccents(r.city).toLowerCase();
    addresses.push({ key: `${r.postalCode ?? ''}|${city}|${r.state ?? ''}|${r.country ?? ''}`, value: r, rec: r, rich: accents(r.city) });
  }
  const addr = choose(ctx, addresses, ctx.rules.address);
  if (addr !== undefined) {
    const r = addr.pick.value;
    const country = r.country ?? r.phoneCountry ?? (r.postalCode !== undefined && /^\d{8}$/.test(r.postalCode) ? 'BR' : undefined);
    if (country !== undefined) {
      const a: Address = { country };
      if (r.postalCode !== undefined) a.postalCode = /^\d{8}$/.test(r.postalCode) && country === 'BR' ? formatCep(r.postalCode) : r.postalCode;
      if (r.city !== undefined) a.city = r.city;
      if (r.state !== undefined) a.state = r.state;
      customer.addresses = [a];
      trace('addresses.0', r, ctx.rules.address, addresses.length, addr.distinct);
    }
  }

  // Identifiers in the sources, and consents.
  const ext = new Map<string, ExternalId>();
  for (const r of sorted) {
    const eid = { id: r.record.sourceCustomerId ?? r.record.recordId, type: r.record.source };
    ext.set(`${eid.type}\u0000${eid.id}`, eid);
  }
  customer.externalIds = [...ext.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  const consents = mergeConsentLogs(sorted.map((r) => r.record.consents));
  if (consents.length > 0) customer.consents = consents;

  return { customer, recordIds: sorted.map((r) => r.record.recordId), lineage };
}

/**
 * Merges the records of one person into a golden customer. Each field survives by its rule
 * ({@link SurvivorshipRule}; empty, invalid and placeholder values never survive); e-mails and phones
 * are united (the primary by rule, the others as `contactPoints`); consent logs are united
 * ({@link mergeConsentLogs}); `createdAt` and `source` come from the earliest record; every record
 * becomes an `externalId`. The lineage says which record gave each field. The result does not depend
 * on the order of the records. The id is `idPrefix` + the smallest `recordId`, stable across runs as
 * long as that record exists (pass `customerId` to keep an id you already published).
 *
 * @param records - The records of one person (at least one).
 * @param options - Source priority, rules per field, id prefix, default country; `customerId` to set the id.
 * @returns The golden customer, its record ids and the lineage.
 * @throws {JornadaError} `EMPTY_INPUT` for no usable record; `INVALID_OPTION` for an unknown rule.
 *
 * @example
 * ```ts
 * const g = mergeRecords([
 *   { recordId: 'web:1', source: 'web', updatedAt: new Date('2026-01-05T00:00:00Z'), fullName: 'ana souza', email: 'ana@gmail.com' },
 *   { recordId: 'pos:9', source: 'store', updatedAt: new Date('2026-03-01T00:00:00Z'), fullName: 'Ana Souza', phone: '11 91234-5678', email: 'a.na@gmail.com' },
 * ]);
 * g.customer.id; //=> 'cust:pos:9'
 * g.customer.email; //=> 'a.na@gmail.com'
 * g.customer.contactPoints; //=> [{ kind: 'email', value: 'ana@gmail.com' }]
 * g.lineage.find((l) => l.field === 'phone')?.recordId; //=> 'pos:9'
 * ```
 * @category Merging
 */
export function mergeRecords(records: Iterable<CustomerRecord>, options: MergeRecordsOptions = {}): GoldenRecord {
  const ctx = mergeContext(options);
  const { normalized } = prepareRecords(records, options);
  const first = normalized[0];
  if (first === undefined) throw new JornadaError('EMPTY_INPUT', 'mergeRecords needs at least one well-formed record');
  return mergeNormalized(normalized, options.customerId ?? `${ctx.prefix}${first.record.recordId}`, ctx);
}
