import { describe, expect, it } from 'vitest';
import type {
  JornadaError} from '../../src/model/index.js';
import {
  isJornadaError,
  parseAccount,
  parseConsent,
  parseCustomer,
  parseCustomerRecord,
  parseFeedbackResponse,
  parseInteraction,
  parseOrder,
  parseSubscription,
  safeParseCustomer,
  safeParseOrder,
} from '../../src/model/index.js';

/** Runs `fn`, expects a JornadaError INVALID_INPUT, and returns the paths of its issues. */
function failingPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(isJornadaError(e)).toBe(true);
    expect((e as JornadaError).code).toBe('INVALID_INPUT');
    return (e as JornadaError).issues.map((i) => i.path.join('.'));
  }
  throw new Error('expected a JornadaError, nothing was thrown');
}

const customer = {
  id: 'c-1',
  firstName: 'Ana',
  lastName: 'Souza',
  email: 'ana@example.com.br',
  phone: '+5511912345678',
  phoneCountry: 'BR',
  birthday: '1990-05-10',
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  documents: [{ type: 'cpf', value: '52998224725' }],
  createdAt: '2025-03-02T11:00:00-03:00',
  addresses: [{ street: 'Av. Paulista', number: '1000', city: 'São Paulo', state: 'SP', postalCode: '01310-100', country: 'BR' }],
  accountId: 'a-1',
  accountRoles: ['buyer'],
  consents: [
    { channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: '2025-03-02T14:00:00Z', source: 'signup' },
  ],
  traits: { pets: ['dog'], vip: true },
};

describe('parseCustomer', () => {
  it('accepts a full customer and converts instants and the birthday', () => {
    const c = parseCustomer(customer);
    // 11:00 at UTC−3 is 14:00 UTC (the offset is in the string).
    expect(c.createdAt.toISOString()).toBe('2025-03-02T14:00:00.000Z');
    expect(c.birthday).toEqual({ year: 1990, month: 5, day: 10 });
    expect(c.consents?.[0]?.recordedAt).toBeInstanceOf(Date);
  });

  it('accepts a birthday without year (--MM-DD) and 29 February when the year is unknown or leap', () => {
    expect(parseCustomer({ ...customer, birthday: '--02-29' }).birthday).toEqual({ month: 2, day: 29 });
    expect(parseCustomer({ ...customer, birthday: '2000-02-29' }).birthday).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each([
    [{ id: '' }, 'id'],
    [{ id: ' c-1' }, 'id'],
    [{ createdAt: '2025-03-02T11:00:00' }, 'createdAt'], // no offset: names no instant
    [{ createdAt: 'yesterday' }, 'createdAt'],
    [{ email: 'ana at example' }, 'email'],
    [{ phone: '11912345678' }, 'phone'], // not E.164
    [{ phoneCountry: 'Brasil' }, 'phoneCountry'],
    [{ birthday: '1990-02-30' }, 'birthday.day'],
    [{ birthday: '2001-02-29' }, 'birthday.day'], // 2001 is not a leap year
    [{ birthday: '10/05/1990' }, 'birthday'],
    [{ timeZone: 'America/Sao_Pablo' }, 'timeZone'],
    [{ locale: 'not a locale!' }, 'locale'],
    [{ documents: [{ type: 'cpf', value: '529.982.247-25' }] }, 'documents.0.value'],
    [{ documents: [{ type: 'cnpj', value: '12ABC34501DEXX' }] }, 'documents.0.value'],
    [{ accountRoles: ['buyer'], accountId: undefined }, 'accountRoles'],
    [{ accountRoles: ['boss'] }, 'accountRoles.0'],
    [{ bond: 'sometimes' }, 'bond'],
    [{ consents: [{ ...customer.consents[0], legalBasis: 'whim' }] }, 'consents.0.legalBasis'],
    [{ traits: { when: new Date(0) } }, 'traits.when'],
    [{ contactPoints: [{ kind: 'phone', value: 'abc' }] }, 'contactPoints.0.value'],
  ])('rejects %j at its path', (patch, path) => {
    const input: Record<string, unknown> = { ...customer, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete input[k];
    expect(failingPaths(() => parseCustomer(input))).toContain(path);
  });

  it('safeParseCustomer returns the error instead of throwing', () => {
    const r = safeParseCustomer({ id: 'c-1' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toContain('createdAt');
  });

  it('accepts the alphanumeric CNPJ form of 2026 as a document shape', () => {
    // 12.ABC.345/01DE-35 is the example of the Receita Federal's alphanumeric CNPJ (check digits numeric).
    expect(parseCustomer({ ...customer, documents: [{ type: 'cnpj', value: '12ABC34501DE35' }] }).documents?.[0]?.value).toBe('12ABC34501DE35');
  });
});

describe('parseConsent', () => {
  const consent = { channel: 'whatsapp', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: '2026-01-01T00:00:00Z', source: 'checkout' };
  it('accepts a consent with expiry after the record', () => {
    expect(parseConsent({ ...consent, expiresAt: '2027-01-01T00:00:00Z' }).expiresAt?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
  it.each([
    [{ channel: 'fax' }, 'channel'],
    [{ purpose: 'spam' }, 'purpose'],
    [{ status: 'maybe' }, 'status'],
    [{ source: '' }, 'source'],
    [{ expiresAt: '2025-12-31T00:00:00Z' }, 'expiresAt'],
  ])('rejects %j at its path', (patch, path) => {
    expect(failingPaths(() => parseConsent({ ...consent, ...patch }))).toContain(path);
  });
});

describe('parseOrder', () => {
  const order = {
    id: 'o-1', customerId: 'c-1', placedAt: '2026-05-08T10:00:00-03:00', status: 'fulfilled', currency: 'BRL', total: 189.9,
    items: [{ sku: 'RACAO-15KG', quantity: 1, unitPrice: 189.9 }], deliveredAt: '2026-05-10T12:00:00-03:00',
  };
  it('accepts an order', () => {
    expect(parseOrder(order).placedAt.toISOString()).toBe('2026-05-08T13:00:00.000Z');
  });
  it.each([
    [{ total: -1 }, 'total'],
    [{ total: Number.POSITIVE_INFINITY }, 'total'],
    [{ currency: 'real' }, 'currency'],
    [{ status: 'lost' }, 'status'],
    [{ items: [{ sku: 'X', quantity: 0, unitPrice: 1 }] }, 'items.0.quantity'],
    [{ items: [{ sku: 'X', quantity: 1.5, unitPrice: 1 }] }, 'items.0.quantity'],
    [{ deliveredAt: '2026-05-01T00:00:00Z' }, 'deliveredAt'],
    [{ salesChannel: 'telepathy' }, 'salesChannel'],
  ])('rejects %j at its path', (patch, path) => {
    expect(failingPaths(() => parseOrder({ ...order, ...patch }))).toContain(path);
  });
  it('safeParseOrder reports every problem at once', () => {
    const r = safeParseOrder({ ...order, total: -5, currency: 'x' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['currency', 'total']);
  });
});

describe('parseSubscription', () => {
  const sub = { id: 's-1', customerId: 'c-1', plan: 'racao', period: { unit: 'month', count: 1 }, startedAt: '2025-06-01T12:00:00Z', status: 'active' };
  it('accepts active and cancelled subscriptions', () => {
    expect(parseSubscription(sub).status).toBe('active');
    expect(parseSubscription({ ...sub, status: 'cancelled', cancelledAt: '2025-09-01T12:00:00Z' }).cancelledAt?.getUTCMonth()).toBe(8);
  });
  it.each([
    [{ status: 'cancelled' }, 'cancelledAt'],
    [{ cancelledAt: '2025-09-01T12:00:00Z' }, 'status'],
    [{ status: 'cancelled', cancelledAt: '2025-01-01T00:00:00Z' }, 'cancelledAt'],
    [{ period: { unit: 'fortnight', count: 1 } }, 'period.unit'],
    [{ period: { unit: 'month', count: 0 } }, 'period.count'],
  ])('rejects %j at its path', (patch, path) => {
    expect(failingPaths(() => parseSubscription({ ...sub, ...patch }))).toContain(path);
  });
});

describe('parseAccount', () => {
  it('accepts an account and rejects a bad size and CNPJ shape', () => {
    expect(parseAccount({ id: 'a-1', name: 'Pet Shop Aurora', documents: [{ type: 'cnpj', value: '11222333000181' }], marketType: 'b2c' }).name).toBe('Pet Shop Aurora');
    expect(failingPaths(() => parseAccount({ id: 'a-1', name: 'X', size: 'huge' }))).toContain('size');
    expect(failingPaths(() => parseAccount({ id: 'a-1', name: '' }))).toContain('name');
    expect(failingPaths(() => parseAccount({ id: 'a-1', name: 'X', employees: -3 }))).toContain('employees');
  });
});

describe('parseInteraction', () => {
  const i = { id: 'i-1', customerId: 'c-1', timestamp: '2026-05-03T12:00:00Z', event: 'Email Opened', channel: 'email', touchpoint: 'direct_message', direction: 'inbound' };
  it('accepts an interaction of a known or an anonymous customer', () => {
    expect(parseInteraction(i).channel).toBe('email');
    const { customerId: _omit, ...anonymous } = i;
    expect(parseInteraction({ ...anonymous, anonymousId: 'anon-1' }).anonymousId).toBe('anon-1');
  });

  it('rejects a key present with the value undefined (omit optional keys instead)', () => {
    expect(failingPaths(() => parseInteraction({ ...i, channel: undefined }))).toContain('channel');
  });
  it.each([
    [{ customerId: undefined }, 'customerId'],
    [{ channel: 'pigeon' }, 'channel'],
    [{ touchpoint: 'billboard' }, 'touchpoint'],
    [{ direction: 'sideways' }, 'direction'],
    [{ event: '' }, 'event'],
    [{ properties: { jornada: 1 } }, 'properties.jornada'],
  ])('rejects %j at its path', (patch, path) => {
    const input: Record<string, unknown> = { ...i, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete input[k];
    expect(failingPaths(() => parseInteraction(input))).toContain(path);
  });
});

describe('parseFeedbackResponse', () => {
  const f = { id: 'f-1', customerId: 'c-1', respondedAt: '2026-05-12T15:00:00-03:00', kind: 'nps', score: 9, scale: { min: 0, max: 10 } };
  it('accepts NPS, CSAT and CES answers with drivers and expectations', () => {
    expect(parseFeedbackResponse(f).score).toBe(9);
    expect(parseFeedbackResponse({ ...f, kind: 'csat', score: 4, scale: { min: 1, max: 5 }, drivers: { delivery: 2 } }).drivers).toEqual({ delivery: 2 });
    expect(parseFeedbackResponse({ ...f, kind: 'ces', score: 6, scale: { min: 1, max: 7 }, expectations: { delivery: { expected: 5, perceived: 3 } } }).kind).toBe('ces');
  });
  it.each([
    [{ score: 11 }, 'score'],
    [{ score: 7.5 }, 'score'],
    [{ scale: { min: 1, max: 10 } }, 'scale'],
    [{ kind: 'csat', score: 3, scale: { min: 5, max: 1 } }, 'scale.max'],
    [{ drivers: { delivery: 9 } }, 'drivers.delivery'],
    [{ expectations: { price: { expected: 0, perceived: 3 } } }, 'expectations.price.expected'],
  ])('rejects %j at its path', (patch, path) => {
    expect(failingPaths(() => parseFeedbackResponse({ ...f, ...patch }))).toContain(path);
  });
});

describe('parseCustomerRecord', () => {
  it('keeps raw values as typed and needs recordId, source and updatedAt', () => {
    expect(parseCustomerRecord({ recordId: 'r', source: 'store', updatedAt: '2026-01-01T00:00:00Z', phone: '(11) 9 1234-5678' }).phone).toBe('(11) 9 1234-5678');
    expect(failingPaths(() => parseCustomerRecord({ recordId: 'r' })).sort()).toEqual(['source', 'updatedAt']);
  });
});

describe('JornadaError', () => {
  it('is recognised by code, not class identity (a copy from another bundle passes)', () => {
    const foreign = Object.assign(new Error('x'), { name: 'JornadaError', code: 'INVALID_INPUT', issues: [] });
    expect(isJornadaError(foreign)).toBe(true);
    expect(isJornadaError(Object.assign(new Error('x'), { name: 'JornadaError', code: 'NOPE', issues: [] }))).toBe(false);
    expect(isJornadaError(null)).toBe(false);
    expect(isJornadaError('INVALID_INPUT')).toBe(false);
  });
  it('names the first problem in its message', () => {
    try {
      parseOrder({});
    } catch (e) {
      expect((e as Error).message).toMatch(/^Invalid order at /);
      return;
    }
    throw new Error('expected a throw');
  });
});

describe('JSON fields (traits, properties)', () => {
  it('refuse prototype keys at any depth, with their path', () => {
    const hostile = JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as unknown;
    expect(failingPaths(() => parseCustomer({ ...customer, traits: hostile }))).toContain('traits.a.__proto__');
    expect(failingPaths(() => parseCustomer({ ...customer, traits: JSON.parse('{"__proto__":{"x":1}}') }))).toContain('traits.__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  it('refuse NaN, functions, cycles and class instances', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(failingPaths(() => parseCustomer({ ...customer, traits: { n: Number.NaN } }))).toContain('traits.n');
    expect(failingPaths(() => parseCustomer({ ...customer, traits: { f: () => 1 } }))).toContain('traits.f');
    expect(failingPaths(() => parseCustomer({ ...customer, traits: cyclic }))).toContain('traits.self');
    expect(failingPaths(() => parseCustomer({ ...customer, traits: new Map() }))).toContain('traits');
  });
  it('validate a deep value without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(parseCustomer({ ...customer, traits: { deep } }).traits?.['deep']).toBe(deep);
  });
});
