/**
 * Accounts, customers and consents of the sample base (internal).
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Account, AccountRole, Address, Consent, Customer, SalesChannel } from '../model/index.js';
import { MARKETING_CHANNELS, seconds, type Person, type SampleRun, type SampleSource, type SampleStreams } from './context.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../identity/documents.js';
import { nifCheckDigit } from './documents.js';
import { ACCOUNT_NAME_PARTS, BR_DISTRICTS, EMAIL_DOMAINS, NAMES, PLACES, STORES, STREETS, type Place, type SampleCountry } from './reference-data.js';
import { localInstant } from './time-grid.js';

/** Local hour weights of online activity (0h..23h): low at night, peaks at lunch and in the evening. */
export const ONLINE_HOUR_WEIGHTS = [2, 1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 4, 5, 6, 6.5, 7, 6.5, 6, 6, 6, 6.5, 7.5, 9, 10, 9.5, 7, 4];
/** Local hours 0..23, for weighted picks. */
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Share of customers per country: mostly Brazil. */
const COUNTRY_SHARES: readonly [SampleCountry[], number[]] = [['BR', 'PT', 'US'], [0.9, 0.05, 0.05]];
/** Share of US customers who are Brazilians abroad (Brazilian names, pt-BR). */
const US_DIASPORA = 0.2;
/** B2B accounts per 100 customers. */
const ACCOUNTS_PER_CUSTOMER = 0.01;

// CPF fiscal region (ninth digit) by state, after the Receita Federal table.
const CPF_REGION: Readonly<Record<string, number>> = {
  RS: 0, DF: 1, GO: 1, MS: 1, MT: 1, TO: 1, AC: 2, AM: 2, AP: 2, PA: 2, RO: 2, RR: 2, CE: 3, MA: 3, PI: 3,
  AL: 4, PB: 4, PE: 4, RN: 4, BA: 5, SE: 5, MG: 6, ES: 7, RJ: 7, SP: 8, PR: 9, SC: 9,
};

const asciiCache = new Map<string, string>();
/** Lower-case ASCII form of a name for e-mail local parts ("João Pedro" → "joaopedro"). */
function asciiLower(s: string): string {
  let v = asciiCache.get(s);
  if (v === undefined) {
    v = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    asciiCache.set(s, v);
  }
  return v;
}

/** Normalised mailbox key used to keep addresses distinct (Gmail ignores dots in the local part). */
function mailboxKey(email: string): string {
  const at = email.indexOf('@');
  let local = email.slice(0, at).toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** `n` (≤ 15) uniformly random decimal digits. */
function digits(rng: Random, n: number): string {
  return String(Math.floor(rng.next() * 10 ** n)).padStart(n, '0');
}

interface Uniques {
  emails: Set<string>;
  phones: Set<string>;
  cpfs: Set<string>;
  cnpjs: Set<string>;
}

function uniqueEmail(rng: Random, u: Uniques, first: string, lastNames: string, country: SampleCountry, birthYear: number): string {
  const f = asciiLower(first.split(' ')[0] ?? first);
  const surnames = lastNames.split(' ');
  const l = asciiLower(surnames[surnames.length - 1] ?? lastNames);
  const l1 = asciiLower(surnames[0] ?? lastNames);
  const d = EMAIL_DOMAINS[country];
  const domain = rng.weighted(d.domains, d.weights);
  const yy = String(birthYear % 100).padStart(2, '0');
  const pattern = rng.int(0, 6);
  let local =
    pattern === 0 ? `${f}.${l}` : pattern === 1 ? `${f}${l}` : pattern === 2 ? `${f}_${l}` : pattern === 3 ? `${f.charAt(0)}${l}` : pattern === 4 ? `${f}.${l}${yy}` : pattern === 5 ? `${f}${l1}${rng.int(1, 99)}` : l1 === l ? `${f}.${l}${rng.int(1, 99)}` : `${f}.${l1}.${l}`;
  for (let attempt = 0; ; attempt++) {
    const email = `${local}@${domain}`;
    const key = mailboxKey(email);
    if (!u.emails.has(key)) {
      u.emails.add(key);
      return email;
    }
    local = `${f}${attempt < 3 ? '.' : ''}${l}${rng.int(1, attempt < 5 ? 999 : 99999)}`;
  }
}

function uniquePhone(rng: Random, u: Uniques, place: Place): string {
  for (;;) {
    let phone: string;
    if (place.country === 'BR') phone = `+55${rng.pick(place.areaCodes)}9${rng.int(6, 9)}${digits(rng, 7)}`;
    else if (place.country === 'PT') phone = `+3519${rng.pick(['1', '2', '3', '6'])}${digits(rng, 7)}`;
    else {
      let exchange = rng.int(200, 999);
      if (exchange % 100 === 11 || exchange === 555) exchange = 234;
      phone = `+1${rng.pick(place.areaCodes)}${exchange}${digits(rng, 4)}`;
    }
    if (!u.phones.has(phone)) {
      u.phones.add(phone);
      return phone;
    }
  }
}

function uniqueCpf(rng: Random, u: Uniques, state: string): string {
  for (;;) {
    const region = rng.chance(0.9) ? (CPF_REGION[state] ?? 8) : rng.int(0, 9);
    const base = `${digits(rng, 8)}${region}`;
    if (/^(\d)\1{8}$/.test(base)) continue;
    const cpf = base + cpfCheckDigits(base);
    if (!u.cpfs.has(cpf)) {
      u.cpfs.add(cpf);
      return cpf;
    }
  }
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function uniqueCnpj(rng: Random, u: Uniques, alphanumeric: boolean): string {
  for (;;) {
    let root = '';
    if (alphanumeric) for (let i = 0; i < 8; i++) root += ALNUM.charAt(rng.int(0, 35));
    else root = digits(rng, 8);
    const base = `${root}0001`;
    const cnpj = base + cnpjCheckDigits(base);
    if (!u.cnpjs.has(cnpj) && !/^(\d)\1{7}/.test(root)) {
      u.cnpjs.add(cnpj);
      return cnpj;
    }
  }
}

/**
 * A postal code in a place (BR `NNNNN-NNN`, PT `NNNN-NNN`, US `NNNNN`).
 *
 * @param rng - Random stream.
 * @param place - The place.
 * @returns The postal code.
 * @internal
 */
export function postalCode(rng: Random, place: Place): string {
  const prefix = rng.int(place.postalFrom, place.postalTo);
  if (place.country === 'BR') return `${String(prefix).padStart(5, '0')}-${place.postalFrom === place.postalTo ? '000' : digits(rng, 3)}`;
  if (place.country === 'PT') return `${prefix}-${digits(rng, 3)}`;
  return String(prefix).padStart(5, '0');
}

function makeAddress(rng: Random, place: Place, label: string): Address {
  const street = rng.pick(STREETS[place.country]);
  const number = rng.chance(0.01) ? 's/n' : String(rng.int(1, 2999));
  const complement = rng.chance(0.35) ? (place.country === 'US' ? `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C'])}` : `Apto ${rng.int(1, 24)}${rng.int(1, 8).toString().padStart(2, '0')}`) : undefined;
  const district = place.country === 'BR' ? rng.pick(BR_DISTRICTS) : undefined;
  const postal = postalCode(rng, place);
  // One literal per shape, fields in the documented order.
  if (complement !== undefined && district !== undefined) return { label, street, number, complement, district, city: place.city, state: place.state, postalCode: postal, country: place.country };
  if (complement !== undefined) return { label, street, number, complement, city: place.city, state: place.state, postalCode: postal, country: place.country };
  if (district !== undefined) return { label, street, number, district, city: place.city, state: place.state, postalCode: postal, country: place.country };
  return { label, street, number, city: place.city, state: place.state, postalCode: postal, country: place.country };
}

interface Slot {
  createdAt: number;
  account: number;
  roles: AccountRole[];
  place: Place;
  source: SampleSource;
}

/** Daily acquisition weights over the history: growth plus seasonal peaks. Returns cumulative weights per UTC day. */
function acquisitionCurve(run: SampleRun): { firstDay: number; cumulative: Float64Array } {
  const firstDay = Math.floor(run.from / MS_PER_DAY);
  const lastDay = Math.floor((run.to - 1) / MS_PER_DAY);
  const n = lastDay - firstDay + 1;
  const cumulative = new Float64Array(n);
  const bf = new Set<number>();
  const xmas = new Set<number>();
  const mothers = new Set<number>();
  for (const s of run.seasons) {
    for (let k = 0; k < 4; k++) bf.add(s.blackFriday + k);
    for (let d = s.christmasStart; d < s.christmas; d++) xmas.add(d);
    for (let k = 1; k <= 7; k++) mothers.add(s.mothersDay - k);
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = firstDay + i;
    const season = bf.has(d) ? 3 : xmas.has(d) ? 1.5 : mothers.has(d) ? 1.3 : 1;
    total += (0.6 + (0.8 * i) / n) * season;
    cumulative[i] = total;
  }
  return { firstDay, cumulative };
}

function sampleDay(rng: Random, curve: { firstDay: number; cumulative: Float64Array }): number {
  const c = curve.cumulative;
  const u = rng.next() * (c[c.length - 1] ?? 0);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c[mid] ?? 0) <= u) lo = mid + 1;
    else hi = mid;
  }
  return curve.firstDay + lo;
}

const BR_PLACES = PLACES.filter((p) => p.country === 'BR');
const PT_PLACES = PLACES.filter((p) => p.country === 'PT');
const US_PLACES = PLACES.filter((p) => p.country === 'US');
const weightsOf = (ps: readonly Place[]): number[] => ps.map((p) => p.weight);
const PLACE_TABLE: Readonly<Record<SampleCountry, readonly [readonly Place[], number[]]>> = {
  BR: [BR_PLACES, weightsOf(BR_PLACES)],
  PT: [PT_PLACES, weightsOf(PT_PLACES)],
  US: [US_PLACES, weightsOf(US_PLACES)],
};
const STORE_BY_CITY = new Map<string, string[]>();
for (const s of STORES) STORE_BY_CITY.set(s.city, [...(STORE_BY_CITY.get(s.city) ?? []), s.id]);

/**
 * A place in a country, weighted by population.
 *
 * @param rng - Random stream.
 * @param country - The country.
 * @returns The place.
 * @internal
 */
export function pickPlace(rng: Random, country: SampleCountry): Place {
  const [ps, ws] = PLACE_TABLE[country];
  return rng.weighted(ps, ws);
}

function pickSource(rng: Random, place: Place): SampleSource {
  if (place.country !== 'BR') return rng.chance(0.7) ? 'ecommerce' : 'app';
  if (STORE_BY_CITY.has(place.city)) return rng.weighted<SampleSource>(['store', 'ecommerce', 'app', 'crm_import'], [35, 35, 20, 10]);
  return rng.weighted<SampleSource>(['ecommerce', 'app', 'crm_import'], [55, 33, 12]);
}

function signupTime(rng: Random, run: SampleRun, curve: { firstDay: number; cumulative: Float64Array }, place: Place, source: SampleSource): number {
  const zone = run.zones.indexOf(place.timeZone);
  if (source === 'crm_import') return seconds(Math.min(run.to - 1, run.from + rng.next() * 7 * MS_PER_DAY));
  const day = sampleDay(rng, curve);
  const hour = source === 'store' ? rng.int(9, 20) : rng.weighted(HOURS, ONLINE_HOUR_WEIGHTS);
  const t = localInstant(run.grid, zone, day, hour * 60 + rng.int(0, 59));
  return seconds(Math.min(run.to - 1000, Math.max(run.from, t)));
}

/**
 * Builds the accounts and the people (customers with their hidden parameters), sorted by createdAt.
 *
 * @param run - The run; accounts and people are appended to it.
 * @param streams - The random streams (`accounts` and `people` are drawn from).
 * @param total - Number of customers, account contacts included.
 * @internal
 */
export function generatePeople(run: SampleRun, streams: SampleStreams, total: number): void {
  const curve = acquisitionCurve(run);
  const u: Uniques = { emails: new Set(), phones: new Set(), cpfs: new Set(), cnpjs: new Set() };
  const slots: Slot[] = [];
  const accountDomains: string[] = [];
  // Accounts: pet shops and veterinary clinics with 2–4 people each.
  const ra = streams.accounts;
  const nAccounts = Math.floor(total * ACCOUNTS_PER_CUSTOMER);
  const alnumFrom = Date.UTC(2026, 6, 1);
  const usedNames = new Set<string>();
  for (let a = 0; a < nAccounts && slots.length + 4 <= total; a++) {
    const clinic = ra.chance(0.4);
    let name = '';
    for (let attempt = 0; attempt < 20; attempt++) {
      name = `${ra.pick(clinic ? ACCOUNT_NAME_PARTS.clinic : ACCOUNT_NAME_PARTS.petShop)} ${ra.pick(ACCOUNT_NAME_PARTS.suffix)}`;
      if (!usedNames.has(name)) break;
      name = `${name} ${ra.pick(BR_PLACES).city}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    const place = pickPlace(ra, 'BR');
    const createdAt = signupTime(ra, run, curve, place, 'ecommerce');
    // Companies registered from July 2026 get the alphanumeric CNPJ; most accounts we gain then are new shops.
    const alphanumeric = createdAt >= alnumFrom && ra.chance(0.6);
    const size = ra.weighted(['micro', 'small', 'medium'] as const, [55, 35, 10]);
    const employees = size === 'micro' ? ra.int(1, 9) : size === 'small' ? ra.int(10, 49) : ra.int(50, 99);
    const slug = asciiLower(name.replace(/&/g, 'e'));
    accountDomains.push(`${slug}.com.br`);
    const account: Account = {
      id: `acc-${String(a + 1).padStart(4, '0')}`,
      name,
      legalName: `${name.replace(/ & /g, ' e ')} ${clinic ? 'Serviços Veterinários' : 'Comércio de Produtos Pet'} ${ra.chance(0.7) ? 'Ltda' : 'ME'}`,
      documents: [{ type: 'cnpj', value: uniqueCnpj(ra, u, alphanumeric), country: 'BR' }],
      industry: clinic ? 'veterinary_clinic' : 'pet_shop',
      size,
      employees,
      marketType: 'b2c',
      address: makeAddress(ra, place, 'work'),
      createdAt: new Date(createdAt),
      traits: { cnae: clinic ? '7500-1/00' : '4789-0/04' },
    };
    run.accounts.push(account);
    const contacts = ra.int(2, 4);
    const roleSets: AccountRole[][] =
      contacts === 2
        ? [['decision_maker', 'payer'], ['buyer', 'user']]
        : contacts === 3
          ? [['decision_maker'], ['buyer', 'payer'], [clinic ? 'user' : 'influencer']]
          : [['decision_maker'], ['buyer'], ['payer'], [clinic ? 'user' : 'influencer', ...(ra.chance(0.5) ? (['buyer'] as AccountRole[]) : [])]];
    for (let k = 0; k < contacts; k++) {
      const t = seconds(Math.min(run.to - 1000, createdAt + (k === 0 ? 0 : ra.next() * 60 * MS_PER_DAY)));
      slots.push({ createdAt: t, account: a, roles: roleSets[k] ?? ['user'], place, source: 'crm_import' });
    }
  }
  // Consumers.
  const rp = streams.people;
  while (slots.length < total) {
    const country = rp.weighted(COUNTRY_SHARES[0], COUNTRY_SHARES[1]);
    const place = pickPlace(rp, country);
    const source = pickSource(rp, place);
    slots.push({ createdAt: signupTime(rp, run, curve, place, source), account: -1, roles: [], place, source });
  }
  slots.sort((x, y) => x.createdAt - y.createdAt);
  const width = Math.max(5, String(total).length);
  const sourceCounters: Record<SampleSource, number> = { ecommerce: 100_000, store: 500_000, app: 700_000, crm_import: 900_000 };
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as Slot;
    const place = s.place;
    const culture: SampleCountry = place.country === 'US' && rp.chance(US_DIASPORA) ? 'BR' : place.country;
    const names = NAMES[culture];
    const female = rp.chance(0.56);
    const firstName = rp.pick(female ? names.female : names.male);
    let lastName = rp.pick(names.surnames);
    if (culture !== 'US' && rp.chance(0.55)) {
      const second = rp.pick(names.surnames);
      if (second !== lastName) lastName = `${lastName} ${second}`;
    }
    const refYear = new Date(s.createdAt).getUTCFullYear();
    const age = Math.min(85, Math.max(18, Math.round(39 + 12 * rp.normal())));
    const birthYear = refYear - age;
    const zone = run.zones.indexOf(place.timeZone);
    const b2b = s.account >= 0;
    const c: Customer = { id: `cus-${String(i + 1).padStart(width, '0')}`, firstName, lastName, createdAt: new Date(s.createdAt) };
    const hasEmail = b2b || s.source !== 'store' || rp.chance(0.9);
    if (hasEmail) {
      if (b2b) {
        const domain = accountDomains[s.account] ?? 'empresa.com.br';
        let email = `${asciiLower(firstName.split(' ')[0] ?? firstName)}.${asciiLower(lastName.split(' ').pop() ?? lastName)}@${domain}`;
        if (u.emails.has(mailboxKey(email))) email = email.replace('@', `${rp.int(2, 99)}@`);
        u.emails.add(mailboxKey(email));
        c.email = email;
      } else c.email = uniqueEmail(rp, u, firstName, lastName, culture, birthYear);
    }
    const hasPhone = !hasEmail || rp.chance(0.97);
    if (hasPhone) {
      c.phone = uniquePhone(rp, u, place);
      c.phoneCountry = place.country;
    }
    if (!b2b && rp.chance(0.04)) {
      const second = uniqueEmail(rp, u, firstName, lastName, culture, birthYear);
      c.contactPoints = [{ kind: 'email', value: second, label: 'work', verified: rp.chance(0.5) }];
    }
    if (rp.chance(0.88)) {
      const month = rp.int(1, 12);
      const day = rp.int(1, month === 2 ? 28 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
      const leapYear = birthYear - (((birthYear % 4) + 4) % 4);
      if (rp.chance(0.004)) c.birthday = rp.chance(0.5) ? { month: 2, day: 29 } : { year: leapYear % 100 === 0 ? leapYear - 4 : leapYear, month: 2, day: 29 };
      else c.birthday = rp.chance(0.18) ? { month, day } : { year: birthYear, month, day };
    }
    const g = rp.next();
    if (g < 0.78) c.gender = female ? 'female' : 'male';
    else if (g < 0.785) c.gender = 'non_binary';
    c.addresses = [b2b ? makeAddress(rp, place, 'work') : makeAddress(rp, place, 'home')];
    c.locale = culture === 'BR' ? 'pt-BR' : culture === 'PT' ? 'pt-PT' : 'en-US';
    c.timeZone = place.timeZone;
    if (place.country === 'BR') {
      if (b2b || rp.chance(0.93)) c.documents = [{ type: 'cpf', value: uniqueCpf(rp, u, place.state), country: 'BR' }];
    } else if (place.country === 'PT' && rp.chance(0.6)) {
      const base = `${rp.int(1, 2)}${digits(rp, 7)}`;
      c.documents = [{ type: 'nif', value: base + nifCheckDigit(base), country: 'PT' }];
    }
    c.source = s.source;
    sourceCounters[s.source]++;
    c.externalIds = [{ id: `${s.source === 'crm_import' ? 'crm' : s.source}-${sourceCounters[s.source]}`, type: `${s.source}_customer_id` }];
    const petRoll = rp.next();
    const pets = petRoll < 0.56 ? 'dog' : petRoll < 0.86 ? 'cat' : 'dog_and_cat';
    const petCount = pets === 'dog_and_cat' ? rp.int(2, 4) : rp.chance(0.7) ? 1 : rp.int(2, 3);
    if (!b2b) c.traits = { pets, petCount };
    if (b2b) {
      c.accountId = run.accounts[s.account]?.id ?? '';
      c.accountRoles = s.roles;
    }
    const stores = place.country === 'BR' ? STORE_BY_CITY.get(place.city) : undefined;
    const storeId = stores === undefined ? undefined : rp.pick(stores);
    const usesApp = s.source === 'app' || rp.chance(0.3);
    const channel: SalesChannel = b2b
      ? rp.weighted<SalesChannel>(['sales_rep', 'whatsapp', 'web'], [40, 30, 30])
      : s.source === 'store'
        ? 'store'
        : s.source === 'app'
          ? 'app'
          : rp.weighted<SalesChannel>(['web', 'app', 'marketplace', 'whatsapp', ...(storeId === undefined ? [] : (['store'] as SalesChannel[]))], [60, 12, 14, 6, ...(storeId === undefined ? [] : [8])]);
    const oneTimer = !b2b && rp.chance(0.22);
    const x = rp.gamma(1.3);
    const y = rp.gamma(20);
    const person: Person = {
      index: i,
      customer: c,
      country: place.country,
      culture,
      place,
      zone,
      source: s.source,
      createdAt: s.createdAt,
      account: s.account,
      roles: s.roles,
      pets,
      petCount,
      storeId,
      usesApp,
      buyer: b2b ? s.roles.includes('buyer') : rp.chance(0.9),
      dropout: b2b ? 0.01 : oneTimer ? 1 : x / (x + y),
      rhythm: b2b ? rp.int(10, 21) : 30 + rp.next() * 15,
      channel,
      bias: 0.9 * rp.normal(),
      affinity: 0.5 + 0.6 * rp.normal(),
      engagement: Math.min(0.95, rp.gamma(2) * 0.14),
      grantAt: [NaN, NaN, NaN, NaN],
      revokeAt: [NaN, NaN, NaN, NaN],
      regrantAt: [NaN, NaN, NaN, NaN],
      optOutAt: NaN,
      orders: [],
      subscription: undefined,
      tickets: [],
    };
    run.people.push(person);
  }
}

const SIGNUP_SOURCE: Readonly<Record<SampleSource, string>> = { ecommerce: 'checkout', store: 'store', app: 'app', crm_import: 'crm_import' };
const GRANT_SHARE: Readonly<Record<SampleCountry, readonly number[]>> = { BR: [0.72, 0.5, 0.2], PT: [0.6, 0.2, 0.1], US: [0.55, 0.12, 0.15] };
const REVOKE_SHARE = [0.2, 0.15, 0.2, 0.25];
const REVOKE_SOURCE = ['unsubscribe_link', 'whatsapp_reply', 'sms_reply', 'app_settings'];

/**
 * Consent logs: grants and refusals at sign-up, revocations, re-grants and global opt-outs later.
 *
 * @param run - The run whose people get their `consents`.
 * @param streams - The random streams (`consents` is drawn from).
 * @internal
 */
export function generateConsents(run: SampleRun, streams: SampleStreams): void {
  const r = streams.consents;
  for (const p of run.people) {
    const c = p.customer;
    const t0 = p.createdAt;
    const source = p.account >= 0 ? 'sales_team' : SIGNUP_SOURCE[p.source];
    const log: Consent[] = [];
    const at = (ms: number): Date => new Date(ms);
    if (c.email !== undefined) {
      log.push({ channel: 'email', purpose: 'transactional', status: 'granted', legalBasis: 'contract', recordedAt: at(t0), source });
      log.push({ channel: 'email', purpose: 'research', status: 'granted', legalBasis: 'legitimate_interest', recordedAt: at(t0), source });
    }
    if (c.phone !== undefined && p.country === 'BR' && r.chance(0.85)) {
      log.push({ channel: 'whatsapp', purpose: 'transactional', status: 'granted', legalBasis: 'contract', recordedAt: at(t0), source });
    }
    const shares = GRANT_SHARE[p.country];
    for (let ch = 0; ch < 4; ch++) {
      const channel = MARKETING_CHANNELS[ch] ?? 'email';
      const reachable = ch === 0 ? c.email !== undefined : ch === 3 ? p.usesApp : c.phone !== undefined;
      if (!reachable) continue;
      let grantTime = t0;
      let grantSource = source;
      let granted: boolean;
      if (ch === 3) {
        granted = r.chance(0.65);
        if (p.source !== 'app') {
          grantTime = seconds(t0 + r.exponential(60 * MS_PER_DAY));
          grantSource = 'app';
        }
      } else granted = r.chance(shares[ch] ?? 0);
      if (grantTime >= run.to) continue;
      if (!granted) {
        if (ch <= 1 && r.chance(0.6)) log.push({ channel, purpose: 'marketing', status: 'denied', legalBasis: 'consent', recordedAt: at(grantTime), source: grantSource });
        continue;
      }
      const grant: Consent = { channel, purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: at(grantTime), source: grantSource };
      let expires = NaN;
      if (ch === 2 && r.chance(0.3)) {
        // SMS promotions consent valid for a year; the expiry is written only when it falls inside the history.
        expires = grantTime + 365 * MS_PER_DAY;
        if (expires <= run.to) grant.expiresAt = at(expires);
      }
      log.push(grant);
      p.grantAt[ch] = grantTime;
      if (r.chance(REVOKE_SHARE[ch] ?? 0)) {
        const revoke = seconds(grantTime + r.exponential(365 * MS_PER_DAY));
        if (revoke < run.to && !(revoke >= expires)) {
          p.revokeAt[ch] = revoke;
          log.push({ channel, purpose: 'marketing', status: 'revoked', legalBasis: 'consent', recordedAt: at(revoke), source: REVOKE_SOURCE[ch] ?? 'sac' });
          if (r.chance(0.15)) {
            const again = seconds(revoke + r.exponential(180 * MS_PER_DAY));
            if (again < run.to) {
              p.regrantAt[ch] = again;
              log.push({ channel, purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: at(again), source: 'preference_center' });
            }
          }
        }
      }
      if (Number.isNaN(p.revokeAt[ch] ?? NaN) && expires <= run.to) p.revokeAt[ch] = expires;
    }
    if (r.chance(0.015)) {
      const t = seconds(t0 + (0.2 + 0.8 * r.next()) * (run.to - t0));
      if (t < run.to) {
        p.optOutAt = t;
        log.push({ channel: 'all', purpose: 'marketing', status: 'revoked', legalBasis: 'consent', recordedAt: at(t), source: 'sac' });
      }
    }
    log.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    if (log.length > 0) c.consents = log;
  }
}
