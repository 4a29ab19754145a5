// Unit tests of generateSampleBase: determinism, option validation, schema validity of every entity,
// referential integrity and the check digits of the documents it issues. The realism claims are
// measured in realism.test.ts.
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  parseAccount,
  parseCustomer,
  parseCustomerRecord,
  parseFeedbackResponse,
  parseInteraction,
  parseOrder,
  parseSubscription,
} from '../../src/model/index.js';
import { nifCheckDigit } from '../../src/sample/documents.js';
import { generateSampleBase } from '../../src/sample/index.js';

const small = generateSampleBase({ seed: 7, customers: 1_500 });

describe('generateSampleBase: determinism', () => {
  it('gives the same base, byte for byte, for the same seed and options', () => {
    // Invariant promised by the docs: same seed, same JSON.
    const a = generateSampleBase({ seed: 11, customers: 400 });
    const b = generateSampleBase({ seed: 11, customers: 400 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives a different base for a different seed', () => {
    const a = generateSampleBase({ seed: 11, customers: 400 });
    const b = generateSampleBase({ seed: 12, customers: 400 });
    expect(JSON.stringify(a.customers)).not.toBe(JSON.stringify(b.customers));
    expect(JSON.stringify(a.orders)).not.toBe(JSON.stringify(b.orders));
  });

  it('keeps orders, interactions and feedback unchanged when only the duplicate rate changes', () => {
    // Each concern draws from its own forked stream, so the records stream does not shift the others.
    const a = generateSampleBase({ seed: 5, customers: 300, duplicateRate: 0.05 });
    const b = generateSampleBase({ seed: 5, customers: 300, duplicateRate: 0.3 });
    expect(JSON.stringify(b.orders)).toBe(JSON.stringify(a.orders));
    expect(JSON.stringify(b.interactions)).toBe(JSON.stringify(a.interactions));
    expect(JSON.stringify(b.feedback)).toBe(JSON.stringify(a.feedback));
    expect(b.injectedDuplicates.length).toBeGreaterThan(a.injectedDuplicates.length);
  });

  it('does not read the clock: the options given are the only input', () => {
    const base = generateSampleBase({ seed: 3, customers: 10 });
    expect(base.options).toEqual({
      seed: 3,
      customers: 10,
      from: new Date('2024-01-01T03:00:00Z'),
      to: new Date('2026-11-01T03:00:00Z'),
      duplicateRate: 0.08,
    });
  });
});

describe('generateSampleBase: options', () => {
  const cases: [string, unknown, string][] = [
    ['a missing seed', {}, 'seed'],
    ['a NaN seed', { seed: Number.NaN }, 'seed'],
    ['a fractional customer count', { seed: 1, customers: 2.5 }, 'customers'],
    ['a negative customer count', { seed: 1, customers: -1 }, 'customers'],
    ['an invalid from', { seed: 1, from: new Date('nope') }, 'from'],
    ['to before from', { seed: 1, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') }, 'to'],
    ['a duplicate rate above 1', { seed: 1, duplicateRate: 1.5 }, 'duplicateRate'],
  ];
  for (const [what, options, path] of cases) {
    it(`rejects ${what} with INVALID_OPTION at ${path}`, () => {
      let caught: unknown;
      try {
        generateSampleBase(options as never);
      } catch (e) {
        caught = e;
      }
      expect(isJornadaError(caught)).toBe(true);
      if (!isJornadaError(caught)) return;
      expect(caught.code).toBe('INVALID_OPTION');
      expect(caught.issues.map((i) => i.path.join('.'))).toContain(path);
    });
  }

  it('accepts zero customers and returns an empty base', () => {
    const base = generateSampleBase({ seed: 1, customers: 0 });
    expect(base.customers).toEqual([]);
    expect(base.orders).toEqual([]);
    expect(base.customerRecords).toEqual([]);
  });
});

describe('generateSampleBase: every entity passes its model schema', () => {
  // The model's parsers are the contract; a base that fails them is unusable by the other modules.
  it.each([
    ['customers', () => small.customers.forEach((c) => parseCustomer(c))],
    ['accounts', () => small.accounts.forEach((a) => parseAccount(a))],
    ['orders', () => small.orders.forEach((o) => parseOrder(o))],
    ['subscriptions', () => small.subscriptions.forEach((s) => parseSubscription(s))],
    ['interactions', () => small.interactions.forEach((i) => parseInteraction(i))],
    ['feedback', () => small.feedback.forEach((f) => parseFeedbackResponse(f))],
    ['customerRecords', () => small.customerRecords.forEach((r) => parseCustomerRecord(r))],
  ])('%s', (_name, check) => {
    expect(check).not.toThrow();
  });

  it('has something of every kind', () => {
    for (const key of ['customers', 'accounts', 'orders', 'subscriptions', 'interactions', 'feedback', 'customerRecords', 'injectedDuplicates'] as const) {
      expect(small[key].length, key).toBeGreaterThan(0);
    }
  });
});

describe('generateSampleBase: referential integrity', () => {
  const customerIds = new Set(small.customers.map((c) => c.id));
  const orderById = new Map(small.orders.map((o) => [o.id, o]));
  const subById = new Map(small.subscriptions.map((s) => [s.id, s]));
  const interactionIds = new Set(small.interactions.map((i) => i.id));

  it('ids are unique within each entity', () => {
    for (const list of [small.customers, small.accounts, small.orders, small.subscriptions, small.interactions, small.feedback]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    expect(new Set(small.customerRecords.map((r) => r.recordId)).size).toBe(small.customerRecords.length);
  });

  it('every order, subscription, interaction and response names a true customer', () => {
    for (const o of small.orders) expect(customerIds.has(o.customerId)).toBe(true);
    for (const s of small.subscriptions) expect(customerIds.has(s.customerId)).toBe(true);
    for (const i of small.interactions) if (i.customerId !== undefined) expect(customerIds.has(i.customerId)).toBe(true);
    for (const f of small.feedback) expect(customerIds.has(f.customerId)).toBe(true);
  });

  it('subscription orders point to a subscription of the same customer, placed while it ran', () => {
    let n = 0;
    for (const o of small.orders) {
      if (o.subscriptionId === undefined) continue;
      n++;
      const s = subById.get(o.subscriptionId);
      expect(s?.customerId).toBe(o.customerId);
      expect(o.placedAt.getTime()).toBeGreaterThanOrEqual(s?.startedAt.getTime() ?? Infinity);
      if (s?.cancelledAt !== undefined) expect(o.placedAt.getTime()).toBeLessThan(s.cancelledAt.getTime());
    }
    expect(n).toBeGreaterThan(0);
  });

  it('feedback points to existing orders and interactions of the same customer', () => {
    for (const f of small.feedback) {
      if (f.orderId !== undefined) expect(orderById.get(f.orderId)?.customerId).toBe(f.customerId);
      if (f.interactionId !== undefined) expect(interactionIds.has(f.interactionId)).toBe(true);
    }
  });

  it('account contacts point to existing accounts, 2 to 4 per account', () => {
    const perAccount = new Map<string, number>();
    for (const c of small.customers) if (c.accountId !== undefined) perAccount.set(c.accountId, (perAccount.get(c.accountId) ?? 0) + 1);
    expect([...perAccount.keys()].sort()).toEqual(small.accounts.map((a) => a.id).sort());
    for (const n of perAccount.values()) {
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
  });

  it('the ground truth covers every record and every injected duplicate', () => {
    for (const r of small.customerRecords) expect(customerIds.has(small.recordOwner[r.recordId] ?? '')).toBe(true);
    expect(Object.keys(small.recordOwner).length).toBe(small.customerRecords.length);
    for (const d of small.injectedDuplicates) {
      expect(small.recordOwner[d.recordId]).toBe(d.customerId);
      expect(small.recordOwner[d.originalRecordId]).toBe(d.customerId);
      expect(d.changes.length).toBeGreaterThan(0);
    }
    // One record per customer plus one per injected duplicate.
    expect(small.customerRecords.length).toBe(small.customers.length + small.injectedDuplicates.length);
  });

  it('output arrays are sorted by time', () => {
    const sorted = (xs: number[]): boolean => xs.every((x, i) => i === 0 || (xs[i - 1] ?? 0) <= x);
    expect(sorted(small.orders.map((o) => o.placedAt.getTime()))).toBe(true);
    expect(sorted(small.subscriptions.map((s) => s.startedAt.getTime()))).toBe(true);
    expect(sorted(small.interactions.map((i) => i.timestamp.getTime()))).toBe(true);
    expect(sorted(small.feedback.map((f) => f.respondedAt.getTime()))).toBe(true);
    expect(sorted(small.customers.map((c) => c.createdAt.getTime()))).toBe(true);
  });
});

describe('check digits of the documents issued (CPF and CNPJ digits themselves are tested in test/identity)', () => {
  it('NIF: the example 123456789', () => {
    // 1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2 = 156, 156 mod 11 = 2 → 11−2 = 9.
    expect(nifCheckDigit('12345678')).toBe('9');
  });

  it('every CPF and CNPJ in the base has valid check digits (checked by an independent mod-11 routine)', () => {
    // Written here from the rule, not from the generator's code.
    const mod11 = (chars: string, weights: number[]): number => {
      let s = 0;
      for (let i = 0; i < weights.length; i++) s += (chars.charCodeAt(i) - 48) * (weights[i] ?? 0);
      return s % 11 < 2 ? 0 : 11 - (s % 11);
    };
    const validCpf = (v: string): boolean =>
      mod11(v, [10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(v[9]) && mod11(v, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(v[10]);
    const validCnpj = (v: string): boolean =>
      mod11(v, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(v[12]) && mod11(v, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) === Number(v[13]);
    let cpfs = 0;
    for (const c of small.customers) {
      for (const d of c.documents ?? []) {
        if (d.type !== 'cpf') continue;
        cpfs++;
        expect(validCpf(d.value), d.value).toBe(true);
      }
    }
    expect(cpfs).toBeGreaterThan(small.customers.length * 0.8);
    for (const a of small.accounts) for (const d of a.documents ?? []) expect(validCnpj(d.value), d.value).toBe(true);
  });
});
