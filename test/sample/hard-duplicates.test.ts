// The opt-in hard identity cases (`duplicateDifficulty: 'hard'`): the default base is unchanged, hard
// mode is deterministic, keeps everything but the records, and its ground truth says what was done.
// Record checks here are written from the documented rules (docs/sample.md, the TSDoc of
// DuplicateChange and TrapKind) with their own normalisation, not with the generator's helpers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { parseCustomer, parseCustomerRecord, type CustomerRecord } from '../../src/model/index.js';
import { generateSampleBase, type DuplicateChange, type SampleOptions, type TrapKind } from '../../src/sample/index.js';

const sha256 = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('the default base is unchanged by the option', () => {
  // Regression pin. The independent source of these hashes is the code before the option existed
  // (commit ff14897, "README: say how unused schemas are dropped"): each is the SHA-256 of
  // JSON.stringify(generateSampleBase(options)) computed there, before any change to src/sample.
  const pins: [SampleOptions, string][] = [
    [{ seed: 1, customers: 300 }, '6371353111fa8822b03b8cde7159417f23a8e39f323653990a19fa614f963d62'],
    [{ seed: 7, customers: 1_500 }, '4362008aba7647d2d62874d41f3e3a6723ba75cede6e230ebea80c65177e2798'],
    [{ seed: 11, customers: 400, duplicateRate: 0.3 }, '027048588aaa70b1989b09888b437964744486ef3e1cc69e72942c9e9068c28b'],
    [{ seed: 2026, customers: 2_000 }, '09feb1093566612f4a63b3c973663e9f27f0dc7c5311e6afa7f20088cd547f12'],
    [{ seed: 5, customers: 0 }, 'a2cb95f0af8a050a7a80090951668d299ac39e7d1610d35151b12bec0516801b'],
  ];
  it.each(pins)('%o gives the pre-option JSON, with or without duplicateDifficulty: "easy"', (options, hash) => {
    expect(sha256(generateSampleBase(options))).toBe(hash);
    expect(sha256(generateSampleBase({ ...options, duplicateDifficulty: 'easy' }))).toBe(hash);
  });

  it('the default base of seed 42 (5,000 customers) is unchanged', () => {
    expect(sha256(generateSampleBase({ seed: 42 }))).toBe('d4b53286db21632708f7a00a22d8bb1ed2d6214a91d7d213d35a8a9a60f73546');
  });
});

describe('duplicateDifficulty: option validation', () => {
  for (const bad of ['medium', 'HARD', '', 1, true, {}]) {
    it(`refuses ${JSON.stringify(bad)} with INVALID_OPTION at duplicateDifficulty`, () => {
      let caught: unknown;
      try {
        generateSampleBase({ seed: 1, customers: 5, duplicateDifficulty: bad as never });
      } catch (e) {
        caught = e;
      }
      expect(isJornadaError(caught)).toBe(true);
      if (!isJornadaError(caught)) return;
      expect(caught.code).toBe('INVALID_OPTION');
      expect(caught.issues.map((i) => i.path.join('.'))).toEqual(['duplicateDifficulty']);
    });
  }

  it('echoes the option only when hard', () => {
    expect(generateSampleBase({ seed: 3, customers: 10 }).options).not.toHaveProperty('duplicateDifficulty');
    expect(generateSampleBase({ seed: 3, customers: 10, duplicateDifficulty: 'easy' }).options).not.toHaveProperty('duplicateDifficulty');
    expect(generateSampleBase({ seed: 3, customers: 10, duplicateDifficulty: 'hard' }).options.duplicateDifficulty).toBe('hard');
  });
});

const N = 5_000;
const hard = generateSampleBase({ seed: 42, customers: N, duplicateDifficulty: 'hard' });
const easy = generateSampleBase({ seed: 42, customers: N });
const byId = new Map(hard.customerRecords.map((r) => [r.recordId, r]));
const record = (id: string): CustomerRecord => {
  const r = byId.get(id);
  if (r === undefined) throw new Error(`no record ${id}`);
  return r;
};
const traps = hard.injectedTraps ?? [];
const HARD_NAME_CHANGES: readonly DuplicateChange[] = ['nickname', 'abbreviated_name', 'dropped_surname', 'married_name'];
const hardDuplicates = hard.injectedDuplicates.filter((d) => d.changes.some((c) => HARD_NAME_CHANGES.includes(c)));

// Normalisation written for the test: folded names, national phone digits, CPF digits, mailbox keys,
// full birth dates in either typed order, postal digits.
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
const nameOf = (r: CustomerRecord): string => fold(r.fullName ?? `${r.firstName ?? ''} ${r.lastName ?? ''}`);
const digits = (s: string | undefined): string => (s ?? '').replace(/\D/g, '');
const nationalPhone = (r: CustomerRecord): string | undefined => {
  const d = digits(r.phone).replace(/^0+/, '');
  if (d === '') return undefined;
  const country = fold(r.country ?? '');
  if (country === 'br' || country === 'brasil') return d.length > 11 && d.startsWith('55') ? d.slice(2) : d;
  if (country === 'pt' || country === 'portugal') return d.length > 9 && d.startsWith('351') ? d.slice(3) : d;
  return d.length > 10 && d.startsWith('1') ? d.slice(1) : d;
};
const mailbox = (r: CustomerRecord): string | undefined => {
  if (r.email === undefined) return undefined;
  const [local = '', domain = ''] = r.email.trim().toLowerCase().split('@');
  const l = local.split('+')[0] ?? '';
  return `${domain === 'gmail.com' ? l.replace(/\./g, '') : l}@${domain}`;
};
const fullBirthday = (r: CustomerRecord): string | undefined => {
  const b = r.birthday ?? '';
  let m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(b);
  if (m !== null) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(b);
  return m === null ? undefined : `${m[3]}-${m[2]}-${m[1]}`;
};
const evidence = (r: CustomerRecord): Record<string, string | undefined> => ({
  email: mailbox(r),
  phone: nationalPhone(r),
  cpf: r.cpf === undefined ? undefined : digits(r.cpf),
  birthday: fullBirthday(r),
  postalCode: r.postalCode === undefined ? undefined : digits(r.postalCode),
});

describe('hard mode: determinism and what it leaves alone', () => {
  it('gives the same base, byte for byte, for the same seed, and another for another seed', () => {
    const a = generateSampleBase({ seed: 9, customers: 1_200, duplicateDifficulty: 'hard' });
    const b = generateSampleBase({ seed: 9, customers: 1_200, duplicateDifficulty: 'hard' });
    const c = generateSampleBase({ seed: 10, customers: 1_200, duplicateDifficulty: 'hard' });
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(a.customerRecords)).not.toBe(sha256(c.customerRecords));
    expect(sha256(a.injectedTraps)).not.toBe(sha256(c.injectedTraps));
  });

  it('keeps accounts, orders, subscriptions, interactions and feedback of the easy base', () => {
    for (const key of ['accounts', 'orders', 'subscriptions', 'interactions', 'feedback'] as const) {
      expect(sha256(hard[key]), key).toBe(sha256(easy[key]));
    }
  });

  it('keeps the easy duplicates (first, unchanged) and every easy record id', () => {
    expect(hard.injectedDuplicates.slice(0, easy.injectedDuplicates.length)).toEqual(easy.injectedDuplicates);
    for (const r of easy.customerRecords) expect(hard.recordOwner[r.recordId]).toBe(easy.recordOwner[r.recordId]);
    expect(hard.customerRecords.length).toBe(hard.customers.length + hard.injectedDuplicates.length);
    expect(Object.keys(hard.recordOwner).length).toBe(hard.customerRecords.length);
    expect(new Set(hard.customerRecords.map((r) => r.recordId)).size).toBe(hard.customerRecords.length);
  });

  it('changes customers only by the renamed sons of junior_namesake traps', () => {
    const renamed = new Set(traps.filter((t) => t.kind === 'junior_namesake').map((t) => t.customerIds[1]));
    expect(renamed.size).toBeGreaterThan(0);
    hard.customers.forEach((c, i) => {
      const before = easy.customers[i];
      if (renamed.has(c.id)) {
        expect({ ...c, firstName: undefined, lastName: undefined }).toEqual({ ...before, firstName: undefined, lastName: undefined });
        expect(c.lastName).toMatch(/ (Filho|Júnior|Neto)$/);
      } else expect(c).toEqual(before);
    });
  });

  it('every customer and record passes its model schema', () => {
    for (const c of hard.customers) expect(() => parseCustomer(c)).not.toThrow();
    for (const r of hard.customerRecords) expect(() => parseCustomerRecord(r)).not.toThrow();
  });
});

describe('hard mode: traps', () => {
  it('has every kind of trap', () => {
    const kinds: TrapKind[] = ['household_phone', 'family_email', 'junior_namesake', 'placeholder_email', 'placeholder_phone', 'placeholder_cpf', 'store_phone', 'clerk_cpf'];
    expect(new Set(traps.map((t) => t.kind))).toEqual(new Set(kinds));
  });

  it('every trap pair has distinct true customers, and the ground truth agrees with recordOwner', () => {
    const seen = new Set<string>();
    for (const t of traps) {
      expect(t.recordIds.length).toBeGreaterThan(0);
      expect(t.customerIds.length).toBe(t.recordIds.length);
      expect(new Set(t.customerIds).size, `${t.kind} ${t.value}`).toBe(t.customerIds.length);
      t.recordIds.forEach((id, i) => expect(hard.recordOwner[id]).toBe(t.customerIds[i]));
      for (const id of t.modifiedRecordIds) expect(t.recordIds).toContain(id);
      // A customer takes part in one trap at most.
      for (const c of t.customerIds) {
        expect(seen.has(c), c).toBe(false);
        seen.add(c);
      }
    }
  });

  it('trap customers have no injected duplicate, so a trap can only cost precision', () => {
    const duplicated = new Set(hard.injectedDuplicates.map((d) => d.customerId));
    for (const t of traps) for (const c of t.customerIds) expect(duplicated.has(c), c).toBe(false);
  });

  it('every record of a trap carries its value', () => {
    for (const t of traps) {
      for (const id of t.recordIds) {
        const r = record(id);
        if (t.field === 'email') expect(r.email?.trim().toLowerCase()).toBe(t.value);
        else if (t.field === 'cpf') expect(digits(r.cpf)).toBe(t.value);
        else expect(`+55${nationalPhone(r) ?? ''}`).toBe(t.value);
      }
    }
  });

  it('households: two customers of one city and postal code; the first record untouched, the second given the value', () => {
    for (const t of traps.filter((x) => x.kind === 'household_phone' || x.kind === 'family_email' || x.kind === 'junior_namesake')) {
      expect(t.recordIds.length).toBe(2);
      expect(t.modifiedRecordIds).toEqual([t.recordIds[1]]);
      const [a, b] = t.recordIds.map(record) as [CustomerRecord, CustomerRecord];
      expect(digits(b.postalCode)).toBe(digits(a.postalCode));
      expect(fold(b.city ?? '')).toBe(fold(a.city ?? ''));
      expect(t.recordIds[0]).toBe(easy.customerRecords.find((r) => r.recordId === t.recordIds[0])?.recordId);
      expect(sha256(a)).toBe(sha256(easy.customerRecords.find((r) => r.recordId === t.recordIds[0])));
    }
  });

  it('junior namesakes carry the father’s name and a suffix, and were born 18 or more years later', () => {
    const customer = new Map(hard.customers.map((c) => [c.id, c]));
    for (const t of traps.filter((x) => x.kind === 'junior_namesake')) {
      const father = customer.get(t.customerIds[0] ?? '');
      const son = customer.get(t.customerIds[1] ?? '');
      expect(son?.firstName).toBe(father?.firstName);
      expect(son?.lastName).toBe(`${father?.lastName ?? ''} ${son?.lastName?.split(' ').pop() ?? ''}`);
      expect((son?.birthday?.year ?? 0) - (father?.birthday?.year ?? Infinity)).toBeGreaterThanOrEqual(18);
      expect(nameOf(record(t.recordIds[1] ?? ''))).toBe(fold(`${son?.firstName ?? ''} ${son?.lastName ?? ''}`));
    }
  });

  it('staff traps are on records typed at a shop', () => {
    for (const t of traps.filter((x) => !['household_phone', 'family_email', 'junior_namesake'].includes(x.kind))) {
      for (const id of t.recordIds) expect(record(id).source).toBe('store');
      expect(t.modifiedRecordIds).toEqual(t.recordIds);
    }
  });
});

describe('hard mode: harder true duplicates', () => {
  it('every injected duplicate says what was changed; hard ones come after the easy ones', () => {
    for (const d of hard.injectedDuplicates) {
      expect(d.changes.length).toBeGreaterThan(0);
      expect(new Set(d.changes).size).toBe(d.changes.length);
      expect(hard.recordOwner[d.recordId]).toBe(d.customerId);
      expect(hard.recordOwner[d.originalRecordId]).toBe(d.customerId);
    }
    expect(hard.injectedDuplicates.slice(easy.injectedDuplicates.length).every((d) => hardDuplicates.includes(d))).toBe(true);
    expect(hardDuplicates.length).toBe(hard.injectedDuplicates.length - easy.injectedDuplicates.length);
  });

  it('each change listed is visible in the record pair', () => {
    const seen = new Set<DuplicateChange>();
    for (const d of hardDuplicates) {
      const dup = record(d.recordId);
      const orig = record(d.originalRecordId);
      const ch = new Set(d.changes);
      for (const c of ch) seen.add(c);
      const origWords = nameOf(orig).split(' ');
      const dupWords = nameOf(dup).split(' ');
      expect(nameOf(dup)).not.toBe(nameOf(orig));
      expect(dup.source === orig.source).toBe(!ch.has('second_source'));
      if (ch.has('abbreviated_name')) expect(dupWords.some((w) => w.endsWith('.'))).toBe(true);
      if (ch.has('nickname')) expect(dupWords[0]).not.toBe(origWords[0]);
      if (ch.has('dropped_surname')) expect(origWords.slice(1).some((w) => !dupWords.includes(w))).toBe(true);
      if (ch.has('married_name')) expect(dupWords.slice(1).some((w) => !w.endsWith('.') && !origWords.includes(w))).toBe(true);
      if (ch.has('transposed_phone')) {
        // Two neighbouring digits swapped: same length, exactly two positions differ, side by side.
        const a = nationalPhone(orig) ?? '';
        const b = nationalPhone(dup) ?? '';
        const diff = [...a].map((x, i) => (x === b[i] ? -1 : i)).filter((i) => i >= 0);
        expect(b.length).toBe(a.length);
        expect(diff.length).toBe(2);
        expect((diff[1] ?? 0) - (diff[0] ?? 0)).toBe(1);
        expect(a[diff[0] ?? 0]).toBe(b[diff[1] ?? 0]);
      }
      if (ch.has('phone_format')) expect(nationalPhone(dup)).toBe(nationalPhone(orig));
      if (ch.has('moved_address')) expect(digits(dup.postalCode)).not.toBe(digits(orig.postalCode));
      if (ch.has('new_email')) expect(mailbox(dup)).not.toBe(mailbox(orig));
      if (ch.has('missing_field')) {
        const fields = ['email', 'phone', 'cpf', 'birthday', 'postalCode'] as const;
        expect(fields.some((f) => orig[f] !== undefined && dup[f] === undefined)).toBe(true);
      }
    }
    for (const c of [...HARD_NAME_CHANGES, 'transposed_phone', 'moved_address', 'new_email', 'missing_field', 'second_source'] as const) expect(seen.has(c), c).toBe(true);
  });

  it('every hard duplicate keeps at least two of e-mail, phone, CPF, full birth date and postal code equal to its original', () => {
    // The documented promise: a careful clerk could confirm each one.
    for (const d of hardDuplicates) {
      const a = evidence(record(d.originalRecordId));
      const b = evidence(record(d.recordId));
      const shared = Object.keys(a).filter((k) => a[k] !== undefined && a[k] === b[k]);
      expect(shared.length, `${d.recordId} ${shared.join(',')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('a new e-mail or a transposed phone never lands on another customer’s value', () => {
    const owners = new Map<string, Set<string>>();
    for (const r of hard.customerRecords) {
      for (const k of [mailbox(r), nationalPhone(r)]) {
        if (k === undefined) continue;
        const s = owners.get(k) ?? new Set<string>();
        s.add(hard.recordOwner[r.recordId] ?? '');
        owners.set(k, s);
      }
    }
    for (const d of hardDuplicates) {
      const dup = record(d.recordId);
      if (d.changes.includes('new_email')) expect(owners.get(mailbox(dup) ?? '')?.size).toBe(1);
      if (d.changes.includes('transposed_phone')) expect(owners.get(nationalPhone(dup) ?? '')?.size).toBe(1);
    }
  });
});

describe('hard mode: rates', () => {
  // Documented rates (docs/sample.md); tolerance 4 binomial standard deviations.
  const tolerance = (p: number, n: number): number => 4 * Math.sqrt((p * (1 - p)) / n);
  const customersWith = (kind: TrapKind): number => traps.filter((t) => t.kind === kind).reduce((s, t) => s + t.modifiedRecordIds.length, 0);

  it('hard duplicates go to duplicateRate / 2 of customers', () => {
    const share = new Set(hardDuplicates.map((d) => d.customerId)).size / N;
    expect(Math.abs(share - 0.04)).toBeLessThan(tolerance(0.04, N));
  });

  it('household traps: at most their rate among free Brazilian consumers, and at least half of it (a relative must be found)', () => {
    const duplicated = new Set(hard.injectedDuplicates.map((d) => d.customerId));
    const free = hard.customers.filter((c) => c.addresses?.[0]?.country === 'BR' && c.accountId === undefined && !duplicated.has(c.id)).length;
    for (const [kind, rate] of [['household_phone', 0.02], ['family_email', 0.015]] as const) {
      const share = customersWith(kind) / free;
      expect(share, kind).toBeLessThan(rate + tolerance(rate, free));
      expect(share, kind).toBeGreaterThan(rate / 2);
    }
  });

  it('staff traps: their rates among the other shop-typed records', () => {
    const duplicated = new Set(hard.injectedDuplicates.map((d) => d.customerId));
    const inHousehold = new Set(traps.filter((t) => ['household_phone', 'family_email', 'junior_namesake'].includes(t.kind)).flatMap((t) => t.customerIds));
    const eligible = hard.customers.filter((c) => c.source === 'store' && !duplicated.has(c.id) && !inHousehold.has(c.id)).length;
    expect(eligible).toBeGreaterThan(500);
    for (const [kind, rate] of [['placeholder_email', 0.06], ['placeholder_phone', 0.03], ['placeholder_cpf', 0.04], ['store_phone', 0.03], ['clerk_cpf', 0.03]] as const) {
      expect(Math.abs(customersWith(kind) / eligible - rate), kind).toBeLessThan(tolerance(rate, eligible));
    }
  });
});
