// The realism the sample guide claims, checked by measurement on the default base (seed 42, 5,000
// customers, 2024-01-01 to 2026-11-01). Tolerances are stated per test with their reason; counts that
// are binomial use about four standard deviations so that the test fails only when the generator's
// behaviour (not chance) moves.
import { describe, expect, it } from 'vitest';
import { canContact, type Channel, type CustomerRecord, type Order } from '../../src/model/index.js';
import { generateSampleBase } from '../../src/sample/index.js';

const base = generateSampleBase({ seed: 42 });
const DAY = 86_400_000;
const to = base.options.to.getTime();
const from = base.options.from.getTime();
const customerById = new Map(base.customers.map((c) => [c.id, c]));
const countryOf = (id: string): string => customerById.get(id)?.addresses?.[0]?.country ?? '';
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[s.length >> 1] ?? NaN) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};
const binomialTolerance = (p: number, n: number): number => 4 * Math.sqrt((p * (1 - p)) / n);

describe('customers', () => {
  it('about 90% live in Brazil, the rest in Portugal and the US', () => {
    // Claimed shares 90/5/5 %; tolerance 4 binomial standard deviations for n = 5,000.
    const n = base.customers.length;
    const share = (cc: string): number => base.customers.filter((c) => c.addresses?.[0]?.country === cc).length / n;
    expect(Math.abs(share('BR') - 0.9)).toBeLessThan(binomialTolerance(0.9, n));
    expect(Math.abs(share('PT') - 0.05)).toBeLessThan(binomialTolerance(0.05, n));
    expect(Math.abs(share('US') - 0.05)).toBeLessThan(binomialTolerance(0.05, n));
  });

  it('Brazilians spread over the time zones by population (IBGE Censo 2022)', () => {
    // IBGE 2022: the states on São Paulo time (SE, S, GO, DF) hold 124.6 of 203.1 million = 61.4%;
    // the Northeast (zones Fortaleza, Recife, Bahia, Maceió, Noronha) 54.7 million = 26.9%.
    // Tolerance ±0.03 (about 4 binomial standard deviations for n ≈ 4,500).
    const br = base.customers.filter((c) => c.addresses?.[0]?.country === 'BR');
    const zoneShare = (zones: string[]): number => br.filter((c) => zones.includes(c.timeZone ?? '')).length / br.length;
    expect(Math.abs(zoneShare(['America/Sao_Paulo']) - 0.614)).toBeLessThan(0.03);
    expect(Math.abs(zoneShare(['America/Fortaleza', 'America/Recife', 'America/Bahia', 'America/Maceio', 'America/Noronha']) - 0.269)).toBeLessThan(0.03);
    const zones = new Set(br.map((c) => c.timeZone));
    for (const z of ['America/Manaus', 'America/Belem', 'America/Cuiaba', 'America/Campo_Grande', 'America/Porto_Velho', 'America/Rio_Branco']) expect(zones.has(z), z).toBe(true);
  });

  it('locale and currency follow the country', () => {
    for (const c of base.customers) {
      const cc = c.addresses?.[0]?.country;
      if (cc === 'BR') expect(c.locale).toBe('pt-BR');
      if (cc === 'PT') expect(c.locale).toBe('pt-PT');
      if (cc === 'US') expect(['en-US', 'pt-BR']).toContain(c.locale);
    }
    const currency: Record<string, string> = { BR: 'BRL', PT: 'EUR', US: 'USD' };
    for (const o of base.orders) expect(o.currency).toBe(currency[countryOf(o.customerId)]);
  });

  it('Brazilian phones are mobiles with a real DDD (Anatel numbering plan)', () => {
    // The 67 DDDs of the Anatel plan.
    const ddds = new Set(
      '11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99'.split(' '),
    );
    expect(ddds.size).toBe(67);
    for (const c of base.customers) {
      if (c.phoneCountry !== 'BR' || c.phone === undefined) continue;
      expect(c.phone).toMatch(/^\+55\d{2}9\d{8}$/);
      expect(ddds.has(c.phone.slice(3, 5)), c.phone).toBe(true);
    }
  });

  it('Brazilian CEPs start with the digit of their state (Correios regions)', () => {
    // Correios: 0–1 SP; 2 RJ ES; 3 MG; 4 BA SE; 5 PE AL PB RN; 6 CE PI MA PA AP AM RR AC; 7 DF GO TO MT MS RO; 8 PR SC; 9 RS.
    const region: Record<string, string> = {
      SP: '01', RJ: '2', ES: '2', MG: '3', BA: '4', SE: '4', PE: '5', AL: '5', PB: '5', RN: '5', CE: '6', PI: '6', MA: '6', PA: '6', AP: '6', AM: '6', RR: '6', AC: '6',
      DF: '7', GO: '7', TO: '7', MT: '7', MS: '7', RO: '7', PR: '8', SC: '8', RS: '9',
    };
    for (const c of base.customers) {
      const a = c.addresses?.[0];
      if (a?.country !== 'BR') continue;
      expect(a.postalCode).toMatch(/^\d{5}-\d{3}$/);
      expect(region[a.state ?? '']).toContain(a.postalCode?.charAt(0));
    }
  });

  it('no two customers share a CPF, an e-mail mailbox or a phone', () => {
    // Distinct people must be distinguishable; Gmail ignores dots and "+tags", so mailboxes are compared that way.
    const mailbox = (e: string): string => {
      const [local = '', domain = ''] = e.toLowerCase().split('@');
      const l = local.split('+')[0] ?? '';
      return `${domain === 'gmail.com' ? l.replace(/\./g, '') : l}@${domain}`;
    };
    const seen = { cpf: new Set<string>(), email: new Set<string>(), phone: new Set<string>() };
    for (const c of base.customers) {
      const cpf = c.documents?.find((d) => d.type === 'cpf')?.value;
      const emails = [c.email, ...(c.contactPoints ?? []).filter((p) => p.kind === 'email').map((p) => p.value)].filter((e): e is string => e !== undefined);
      if (cpf !== undefined) {
        expect(seen.cpf.has(cpf)).toBe(false);
        seen.cpf.add(cpf);
      }
      for (const e of emails) {
        expect(seen.email.has(mailbox(e)), e).toBe(false);
        seen.email.add(mailbox(e));
      }
      if (c.phone !== undefined) {
        expect(seen.phone.has(c.phone)).toBe(false);
        seen.phone.add(c.phone);
      }
    }
  });

  it('birthdays: most known, some without year, a few on 29 February', () => {
    const withBirthday = base.customers.filter((c) => c.birthday !== undefined);
    const noYear = withBirthday.filter((c) => c.birthday?.year === undefined).length / withBirthday.length;
    expect(withBirthday.length / base.customers.length).toBeGreaterThan(0.8);
    // Claimed 18% without year; tolerance ±0.03 (4σ for n ≈ 4,400).
    expect(Math.abs(noYear - 0.18)).toBeLessThan(0.03);
    expect(withBirthday.filter((c) => c.birthday?.month === 2 && c.birthday.day === 29).length).toBeGreaterThan(0);
  });

  it('sign-ups spread over the whole window from every source', () => {
    const quarters = new Set(base.customers.map((c) => Math.floor((c.createdAt.getTime() - from) / (91 * DAY))));
    expect(quarters.size).toBeGreaterThanOrEqual(11); // 34 months ≈ 11.3 quarters, each with sign-ups
    expect(new Set(base.customers.map((c) => c.source))).toEqual(new Set(['ecommerce', 'store', 'app', 'crm_import']));
  });

  it('subscribers, and only they, have the contractual bond', () => {
    const subscribers = new Set(base.subscriptions.map((s) => s.customerId));
    for (const c of base.customers) expect(c.bond).toBe(subscribers.has(c.id) ? 'contractual' : 'non_contractual');
  });

  it('B2B accounts have contacts in several roles, and some use the 2026 alphanumeric CNPJ only from July 2026', () => {
    const roles = new Set(base.customers.flatMap((c) => c.accountRoles ?? []));
    expect(roles).toEqual(new Set(['buyer', 'user', 'payer', 'influencer', 'decision_maker']));
    for (const a of base.accounts) {
      const cnpj = a.documents?.[0]?.value ?? '';
      if (/[A-Z]/.test(cnpj)) expect(a.createdAt?.getTime()).toBeGreaterThanOrEqual(Date.UTC(2026, 6, 1));
    }
    // "A few" alphanumeric CNPJs in the default base itself (accounts gained from July 2026).
    expect(base.accounts.some((a) => /[A-Z]/.test(a.documents?.[0]?.value ?? ''))).toBe(true);
    const recent = generateSampleBase({ seed: 42, customers: 3_000, from: new Date('2026-07-01T03:00:00Z') });
    expect(recent.accounts.some((a) => /[A-Z]/.test(a.documents?.[0]?.value ?? ''))).toBe(true);
  });
});

describe('orders', () => {
  const live = base.orders.filter((o) => o.status !== 'cancelled');
  const business = new Set(base.customers.filter((c) => c.accountId !== undefined).map((c) => c.id));

  it('food is replenished every 30–45 days (median of each consumer’s median gap)', () => {
    // The docs claim a personal rhythm of 30–45 days with noise, skips and Black Friday stock-ups.
    const times = new Map<string, number[]>();
    for (const o of live) {
      if (business.has(o.customerId) || !o.items.some((i) => i.category === 'food')) continue;
      const list = times.get(o.customerId) ?? [];
      list.push(o.placedAt.getTime());
      times.set(o.customerId, list);
    }
    const medians: number[] = [];
    for (const ts of times.values()) {
      if (ts.length < 3) continue;
      medians.push(median(ts.slice(1).map((t, i) => (t - (ts[i] ?? 0)) / DAY)));
    }
    expect(medians.length).toBeGreaterThan(1_000);
    const m = median(medians);
    expect(m).toBeGreaterThanOrEqual(30);
    expect(m).toBeLessThanOrEqual(45);
  });

  it('peaks on Black Friday and in the Christmas season', () => {
    const perDay = new Map<number, number>();
    for (const o of base.orders) {
      const d = Math.floor((o.placedAt.getTime() - 3 * 3_600_000) / DAY); // São Paulo calendar day
      perDay.set(d, (perDay.get(d) ?? 0) + 1);
    }
    const mean = (d0: number, n: number): number => {
      let s = 0;
      for (let k = 0; k < n; k++) s += perDay.get(d0 + k) ?? 0;
      return s / n;
    };
    // Black Friday: the day after the fourth Thursday of November (29 Nov 2024, 28 Nov 2025).
    for (const [y, bf] of [[2024, 29], [2025, 28]] as const) {
      const normal = mean(Date.UTC(y, 10, 1) / DAY, 20);
      // Claimed: Black Friday well above a normal November day; 2× is a loose floor (measured ≈ 4–5×).
      expect(perDay.get(Date.UTC(y, 10, bf) / DAY) ?? 0).toBeGreaterThan(2 * normal);
      // December 1–24 above the first twenty days of November.
      expect(mean(Date.UTC(y, 11, 1) / DAY, 24)).toBeGreaterThan(1.1 * normal);
      // (December 1–24 measured ≈ 1.4×.)
    }
  });

  it('Dia das Mães (second Sunday of May) lifts the week before it', () => {
    // 12 May 2024 and 11 May 2025: orders of Brazilian customers in the 7 days before vs the 7 days two weeks earlier.
    for (const [y, d] of [[2024, 12], [2025, 11]] as const) {
      const day = Date.UTC(y, 4, d);
      const count = (a: number, b: number): number =>
        base.orders.filter((o) => countryOf(o.customerId) === 'BR' && o.placedAt.getTime() >= a && o.placedAt.getTime() < b).length;
      expect(count(day - 7 * DAY, day)).toBeGreaterThan(count(day - 21 * DAY, day - 14 * DAY));
    }
  });

  it('a few % are cancelled or refunded, and about one delivery in ten is late', () => {
    // Claimed: 3% cancelled online (0.5% in store), 1.5% refunded on time and 8% when late; late 6–16% by region plus peaks.
    const share = (s: Order['status']): number => base.orders.filter((o) => o.status === s).length / base.orders.length;
    expect(share('cancelled')).toBeGreaterThan(0.01);
    expect(share('cancelled')).toBeLessThan(0.05);
    expect(share('refunded')).toBeGreaterThan(0.01);
    expect(share('refunded')).toBeLessThan(0.05);
    const delivered = base.orders.filter((o) => o.deliveredAt !== undefined && o.promisedAt !== undefined);
    const late = delivered.filter((o) => (o.deliveredAt?.getTime() ?? 0) > (o.promisedAt?.getTime() ?? 0)).length / delivered.length;
    expect(late).toBeGreaterThan(0.06);
    expect(late).toBeLessThan(0.16);
  });

  it('uses every sales channel and never orders before sign-up', () => {
    expect(new Set(base.orders.map((o) => o.salesChannel))).toEqual(new Set(['web', 'app', 'store', 'marketplace', 'whatsapp', 'sales_rep']));
    for (const o of base.orders) expect(o.placedAt.getTime()).toBeGreaterThanOrEqual(customerById.get(o.customerId)?.createdAt.getTime() ?? Infinity);
  });

  it('customers churn: older cohorts have fewer customers still buying', () => {
    // A per-purchase dropout hazard means the share active in the last 90 days falls with cohort age.
    const lastOrder = new Map<string, number>();
    for (const o of live) lastOrder.set(o.customerId, Math.max(lastOrder.get(o.customerId) ?? 0, o.placedAt.getTime()));
    const activeShare = (a: number, b: number): number => {
      const cohort = base.customers.filter((c) => c.createdAt.getTime() >= a && c.createdAt.getTime() < b && !business.has(c.id));
      return cohort.filter((c) => (lastOrder.get(c.id) ?? 0) >= to - 90 * DAY).length / cohort.length;
    };
    const old = activeShare(from, Date.UTC(2024, 6, 1));
    const young = activeShare(Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1));
    expect(old).toBeLessThan(young - 0.1);
  });

  it('subscriptions deliver monthly and some are cancelled', () => {
    const bySub = new Map<string, number[]>();
    for (const o of base.orders) if (o.subscriptionId !== undefined) bySub.set(o.subscriptionId, [...(bySub.get(o.subscriptionId) ?? []), o.placedAt.getTime()]);
    const gaps: number[] = [];
    for (const ts of bySub.values()) for (let i = 1; i < ts.length; i++) gaps.push((( ts[i] ?? 0) - (ts[i - 1] ?? 0)) / DAY);
    // Calendar months are 28–31 days long.
    expect(median(gaps)).toBeGreaterThanOrEqual(28);
    expect(median(gaps)).toBeLessThanOrEqual(31.5);
    const cancelled = base.subscriptions.filter((s) => s.status === 'cancelled').length / base.subscriptions.length;
    expect(cancelled).toBeGreaterThan(0.2);
    expect(cancelled).toBeLessThan(0.9);
    const subscriberShare = base.subscriptions.length / base.customers.length;
    // Claimed: 18% of eligible Brazilian buyers (about 60% of all customers) → about 9–11% of customers.
    expect(subscriberShare).toBeGreaterThan(0.06);
    expect(subscriberShare).toBeLessThan(0.14);
  });
});

describe('nothing happens after `to`', () => {
  it('no Date anywhere in the base is after `to` or before `from`', () => {
    let dates = 0;
    let min = Infinity;
    let max = -Infinity;
    const walk = (v: unknown): void => {
      if (v instanceof Date) {
        dates++;
        const t = v.getTime();
        if (t < min) min = t;
        if (t > max) max = t;
        return;
      }
      if (Array.isArray(v)) for (const x of v) walk(x);
      else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) walk(x);
    };
    walk({ ...base, options: undefined });
    expect(dates).toBeGreaterThan(100_000);
    expect(max).toBeLessThanOrEqual(to);
    expect(min).toBeGreaterThanOrEqual(from);
  });
});

describe('interactions and consent', () => {
  it('covers the touchpoints and channels of the journey', () => {
    const touchpoints = new Set(base.interactions.map((i) => i.touchpoint));
    for (const t of ['direct_message', 'website_app', 'point_of_sale', 'customer_service', 'delivery', 'advertising', 'pr_events']) expect(touchpoints.has(t as never), t).toBe(true);
    const channels = new Set(base.interactions.map((i) => i.channel));
    for (const c of ['email', 'whatsapp', 'sms', 'push', 'web', 'in_app', 'in_store', 'phone', 'chat', 'social']) expect(channels.has(c as Channel), c).toBe(true);
    const campaigns = new Set(base.interactions.map((i) => i.campaign?.name?.replace(/-\d{4}(-\d\d)?$/, '')));
    for (const c of ['newsletter', 'black-friday', 'natal', 'dia-das-maes', 'boas-vindas', 'reposicao-racao', 'aniversario']) expect(campaigns.has(c), c).toBe(true);
  });

  it('every marketing message was allowed by the customer’s consent log at its send time (canContact)', () => {
    let checked = 0;
    for (const i of base.interactions) {
      if (i.direction !== 'outbound' || i.campaign?.source !== 'crm' || i.channel === undefined) continue;
      const c = customerById.get(i.customerId ?? '');
      const permission = canContact(c?.consents ?? [], { channel: i.channel, purpose: 'marketing', at: i.timestamp });
      expect(permission.allowed, `${i.id} ${i.channel} ${permission.reason}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('consents: grants at sign-up on the consent basis, transactional on the contract basis, and later revocations', () => {
    const all = base.customers.flatMap((c) => c.consents ?? []);
    for (const c of all) {
      if (c.purpose === 'marketing') expect(c.legalBasis).toBe('consent');
      if (c.purpose === 'transactional') expect(c.legalBasis).toBe('contract');
    }
    const revoked = base.customers.filter((c) => c.consents?.some((x) => x.status === 'revoked')).length / base.customers.length;
    expect(revoked).toBeGreaterThan(0.05);
    expect(revoked).toBeLessThan(0.4);
  });
});

describe('feedback', () => {
  const nps = base.feedback.filter((f) => f.kind === 'nps');
  const orders = new Map(base.orders.map((o) => [o.id, o]));
  const npsOf = (xs: typeof nps): number => (100 * (xs.filter((f) => f.score >= 9).length - xs.filter((f) => f.score <= 6).length)) / xs.length;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('overall NPS lies in +30..+50', () => {
    // The level the guide claims; n ≈ 3,400 gives a standard error of about 1.5 NPS points.
    expect(nps.length).toBeGreaterThan(1_000);
    expect(npsOf(nps)).toBeGreaterThan(30);
    expect(npsOf(nps)).toBeLessThan(50);
  });

  it('late deliveries make detractors: lower mean score than on-time deliveries', () => {
    const late: number[] = [];
    const onTime: number[] = [];
    for (const f of nps) {
      const o = f.orderId === undefined ? undefined : orders.get(f.orderId);
      if (o?.deliveredAt === undefined || o.promisedAt === undefined) continue;
      (o.deliveredAt > o.promisedAt ? late : onTime).push(f.score);
    }
    expect(late.length).toBeGreaterThan(100);
    // A difference of 1 point is far beyond the noise (standard errors ≈ 0.15 and 0.03).
    expect(mean(late)).toBeLessThan(mean(onTime) - 1);
  });

  it('driver ratings correlate with the score, and some answers carry expected-vs-perceived ratings', () => {
    const rated = nps.filter((f) => f.drivers?.['delivery'] !== undefined);
    const xs = rated.map((f) => f.drivers?.['delivery'] ?? 0);
    const ys = rated.map((f) => f.score);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
      sxx += ((xs[i] ?? 0) - mx) ** 2;
      syy += ((ys[i] ?? 0) - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.3);
    expect(nps.some((f) => f.expectations?.['delivery'] !== undefined)).toBe(true);
    expect(base.feedback.some((f) => f.kind === 'csat')).toBe(true);
    expect(base.feedback.some((f) => f.kind === 'ces')).toBe(true);
  });
});

describe('raw records and injected duplicates', () => {
  const byId = new Map(base.customerRecords.map((r) => [r.recordId, r]));
  const n = base.customers.length;
  const digits = (s: string | undefined): string => (s ?? '').replace(/\D/g, '');
  const phoneKey = (r: CustomerRecord): string | undefined => {
    // Country-aware, as a matcher would do: drop the international prefix (55, 351, 1) and the trunk 0.
    const d = digits(r.phone).replace(/^0+/, '');
    if (d === '') return undefined;
    const country = (r.country ?? '').toUpperCase();
    if (country === 'BR' || country === 'BRASIL') return d.length > 11 && d.startsWith('55') ? d.slice(2) : d;
    if (country === 'PT' || country === 'PORTUGAL') return d.length > 9 && d.startsWith('351') ? d.slice(3) : d;
    return d.length > 10 && d.startsWith('1') ? d.slice(1) : d;
  };
  const emailKey = (r: CustomerRecord): string | undefined => {
    if (r.email === undefined) return undefined;
    const [local = '', domain = ''] = r.email.trim().toLowerCase().split('@');
    const l = local.split('+')[0] ?? '';
    return `${domain === 'gmail.com' ? l.replace(/\./g, '') : l}@${domain}`;
  };
  const keys = (r: CustomerRecord): string[] =>
    [emailKey(r), phoneKey(r), r.cpf === undefined ? undefined : `cpf:${digits(r.cpf)}`].filter((k): k is string => k !== undefined);

  it('the share of customers with duplicates matches duplicateRate', () => {
    // Binomial(5,000, 0.08): standard deviation 0.0038; tolerance 4σ ≈ 0.015.
    const rate = new Set(base.injectedDuplicates.map((d) => d.customerId)).size / n;
    expect(Math.abs(rate - 0.08)).toBeLessThan(binomialTolerance(0.08, n));
    const zero = generateSampleBase({ seed: 42, customers: 500, duplicateRate: 0 });
    expect(zero.injectedDuplicates).toEqual([]);
  });

  it('most duplicates keep a strong identifier (e-mail, phone or CPF) recognisable after simple normalisation', () => {
    // The identity module targets recall ≥ 0.95; the generator promises ≥ 0.95 findable by strong keys
    // (by design 98%; the rest are hard cases sharing only name, birthday and postal code).
    let findable = 0;
    for (const d of base.injectedDuplicates) {
      const a = keys(byId.get(d.recordId) as CustomerRecord);
      const b = new Set(keys(byId.get(d.originalRecordId) as CustomerRecord));
      if (a.some((k) => b.has(k))) findable++;
    }
    expect(findable / base.injectedDuplicates.length).toBeGreaterThan(0.95);
  });

  it('records of different customers never share a strong identifier', () => {
    const owner = new Map<string, string>();
    for (const r of base.customerRecords) {
      const who = base.recordOwner[r.recordId] ?? '';
      for (const k of keys(r)) {
        const prev = owner.get(k);
        expect(prev === undefined || prev === who, k).toBe(true);
        owner.set(k, who);
      }
    }
  });

  it('each change the ground truth lists is visible in the record pair', () => {
    const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
    const name = (r: CustomerRecord): string => r.fullName ?? `${r.firstName ?? ''} ${r.lastName ?? ''}`;
    const seen = new Set<string>();
    for (const d of base.injectedDuplicates) {
      const dup = byId.get(d.recordId) as CustomerRecord;
      const orig = byId.get(d.originalRecordId) as CustomerRecord;
      for (const ch of d.changes) seen.add(ch);
      if (d.changes.includes('second_source')) expect(dup.source).not.toBe(orig.source);
      else expect(dup.source).toBe(orig.source);
      if (d.changes.includes('phone_format')) {
        expect(dup.phone).not.toBe(orig.phone);
        expect(phoneKey(dup)).toBe(phoneKey(orig));
      }
      if (d.changes.includes('email_alias')) expect(dup.email?.trim()).not.toBe(orig.email?.trim());
      if (d.changes.includes('case') && !d.changes.includes('typo')) {
        expect(name(dup)).not.toBe(name(orig));
        expect(fold(name(dup))).toBe(fold(name(orig)));
      }
      if (d.changes.includes('typo')) expect(fold(name(dup))).not.toBe(fold(name(orig)));
    }
    expect(seen).toEqual(new Set(['case', 'spacing', 'phone_format', 'typo', 'second_source', 'email_alias', 'missing_field']));
  });

  it('values look typed: masks, upper case at the till, Brazilian date order', () => {
    const share = (pred: (r: CustomerRecord) => boolean): number => base.customerRecords.filter(pred).length / base.customerRecords.length;
    expect(share((r) => /^\(\d\d\) 9\d{4}-\d{4}$/.test(r.phone ?? ''))).toBeGreaterThan(0.05);
    expect(share((r) => /^\+\d+$/.test(r.phone ?? ''))).toBeGreaterThan(0.05);
    expect(share((r) => r.fullName !== undefined && r.fullName === r.fullName.toUpperCase())).toBeGreaterThan(0.05);
    expect(share((r) => /^\d\d\/\d\d\/\d{4}$/.test(r.birthday ?? ''))).toBeGreaterThan(0.05);
    expect(share((r) => /^\d{3}\.\d{3}\.\d{3}-\d\d$/.test(r.cpf ?? ''))).toBeGreaterThan(0.1);
  });
});
