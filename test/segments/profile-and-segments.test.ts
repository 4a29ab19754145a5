import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import type { Customer, FeedbackResponse, Interaction, Order, Subscription } from '../../src/model/index.js';
import {
  buildCustomerProfiles,
  compileSegments,
  describeCondition,
  diffSegmentMemberships,
  evaluateSegments,
  parseSegmentDefinition,
  segmentOverlap,
  segmentSizes,
} from '../../src/segments/index.js';

const asOf = new Date('2026-11-01T03:00:00Z'); // midnight in São Paulo
const order = (id: string, customerId: string, placedAt: string, total: number, status: Order['status'] = 'paid'): Order => ({
  id, customerId, placedAt: new Date(placedAt), status, currency: 'BRL', total,
  items: [{ sku: `SKU-${id}`, category: total > 100 ? 'food' : 'toys', quantity: 2, unitPrice: total / 2 }],
});

const ana: Customer = {
  id: 'ana', createdAt: new Date('2024-11-01T15:00:00Z'), email: 'ana@example.com.br', timeZone: 'America/Sao_Paulo',
  birthday: { year: 1990, month: 11, day: 1 }, addresses: [{ country: 'BR', state: 'SP', city: 'Campinas' }],
  traits: { pets: 2 }, lifecycleStage: 'retention',
  consents: [
    { channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: new Date('2025-01-01T00:00:00Z'), source: 'signup' },
    { channel: 'whatsapp', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: new Date('2025-01-01T00:00:00Z'), source: 'signup' },
    { channel: 'whatsapp', purpose: 'marketing', status: 'revoked', legalBasis: 'consent', recordedAt: new Date('2026-06-01T00:00:00Z'), source: 'sac' },
  ],
};
const bruno: Customer = { id: 'bruno', createdAt: new Date('2026-10-20T12:00:00Z'), birthday: { month: 3, day: 4 } };
const orders: Order[] = [
  order('o1', 'ana', '2026-10-25T12:00:00Z', 200),
  order('o2', 'ana', '2026-08-01T12:00:00Z', 50),
  order('o3', 'ana', '2025-06-01T12:00:00Z', 150),
  order('o4', 'ana', '2026-10-30T12:00:00Z', 999, 'cancelled'),
  order('o5', 'ana', '2026-11-02T12:00:00Z', 10), // after asOf
  order('o6', 'zoe', '2026-10-30T12:00:00Z', 10), // unknown customer
];
const interactions: Interaction[] = [
  { id: 'i1', customerId: 'ana', timestamp: new Date('2026-10-28T12:00:00Z'), event: 'Email Opened', channel: 'email', direction: 'inbound' },
  { id: 'i2', customerId: 'ana', timestamp: new Date('2026-10-27T12:00:00Z'), event: 'Email Sent', channel: 'email', direction: 'outbound', campaign: { name: 'bf-2026' } },
  { id: 'i3', customerId: 'ana', timestamp: new Date('2026-07-01T12:00:00Z'), event: 'Page Viewed', direction: 'inbound' },
];
const feedback: FeedbackResponse[] = [
  { id: 'f1', customerId: 'ana', respondedAt: new Date('2026-05-01T12:00:00Z'), kind: 'nps', score: 10, scale: { min: 0, max: 10 } },
  { id: 'f2', customerId: 'ana', respondedAt: new Date('2026-09-01T12:00:00Z'), kind: 'nps', score: 6, scale: { min: 0, max: 10 } },
  { id: 'f3', customerId: 'ana', respondedAt: new Date('2026-10-01T12:00:00Z'), kind: 'csat', score: 5, scale: { min: 1, max: 5 } },
];
const subscriptions: Subscription[] = [
  { id: 's1', customerId: 'ana', plan: 'racao', period: { unit: 'month', count: 1 }, startedAt: new Date('2025-01-01T00:00:00Z'), status: 'cancelled', cancelledAt: new Date('2026-12-01T00:00:00Z') },
  { id: 's2', customerId: 'bruno', plan: 'areia', period: { unit: 'month', count: 1 }, startedAt: new Date('2026-10-21T00:00:00Z'), status: 'cancelled', cancelledAt: new Date('2026-10-25T00:00:00Z') },
];

describe('buildCustomerProfiles', () => {
  const [a, b] = buildCustomerProfiles({ customers: [ana, bruno], orders, interactions, feedback, subscriptions }, { asOf });
  it('computes the facts of a hand-worked customer', () => {
    // Counted orders: o1 (200), o2 (50), o3 (150); o4 cancelled, o5 after asOf.
    expect(a?.frequency).toBe(3);
    expect(a?.monetary).toBe(400);
    expect(a?.averageOrderValue).toBeCloseTo(400 / 3, 12);
    // Last order 2026-10-25T12:00Z → asOf 2026-11-01T03:00Z: 6 days 15 hours → 6 whole days.
    expect(a?.recencyDays).toBe(6);
    expect(a?.lastOrderAt).toEqual(new Date('2026-10-25T12:00:00Z'));
    expect(a?.firstOrderAt).toEqual(new Date('2025-06-01T12:00:00Z'));
    // Windows: 30 days back is 2026-10-02T03:00Z (o1), 90 days is 2026-08-03T03:00Z (o1 only: o2 is 1 August),
    // 365 days is 2025-11-01T03:00Z (o1, o2).
    expect([a?.ordersLast30Days, a?.ordersLast90Days, a?.ordersLast365Days]).toEqual([1, 1, 2]);
    expect([a?.revenueLast90Days, a?.revenueLast365Days]).toEqual([200, 250]);
    expect([a?.interactionsLast30Days, a?.inboundInteractionsLast30Days, a?.interactionsLast90Days]).toEqual([2, 1, 2]);
    expect(a?.lastInboundAt).toEqual(new Date('2026-10-28T12:00:00Z'));
    // Last NPS answer is f2 (6 → detractor); the CSAT answer is not an NPS answer.
    expect([a?.lastNpsScore, a?.lastNpsCategory]).toEqual([6, 'detractor']);
    // WhatsApp was revoked in June 2026; e-mail stands.
    expect(a?.marketingChannels).toEqual(['email']);
    expect(a?.researchChannels).toEqual([]);
    // Born 1 November 1990; asOf is 1 November 2026 00:00 in São Paulo → 36 today.
    expect(a?.age).toBe(36);
    expect(a?.birthday).toBe('1990-11-01');
    expect([a?.country, a?.state, a?.city, a?.lifecycleStage]).toEqual(['BR', 'SP', 'Campinas', 'retention']);
    // s1 is cancelled only in December 2026: at asOf it was running.
    expect([a?.subscriptionStatus, a?.activeSubscriptions]).toEqual(['active', 1]);
    expect(a?.tenureDays).toBe(729);
    expect(a?.orders.map((o) => o.id)).toEqual(['o3', 'o2', 'o1']);
    expect(a?.orders[2]).toMatchObject({ categories: ['food'], skus: ['SKU-o1'], itemCount: 2, fromSubscription: false });
  });
  it('leaves facts that do not apply absent', () => {
    expect(b?.frequency).toBe(0);
    expect(b !== undefined && 'recencyDays' in b).toBe(false);
    expect(b !== undefined && 'age' in b).toBe(false);
    expect(b?.birthday).toBe('--03-04');
    expect(b?.subscriptionStatus).toBe('cancelled');
    expect(b?.marketingChannels).toEqual([]);
  });
  it('adds your own facts and refuses clashes', () => {
    const [p] = buildCustomerProfiles({ customers: [ana], orders }, { asOf, extend: (p, c) => ({ pets: Number(c.traits?.pets ?? 0), big: p.monetary > 300 }) });
    expect([p?.pets, p?.big]).toEqual([2, true]);
    let caught: unknown;
    try {
      buildCustomerProfiles({ customers: [bruno] }, { asOf, extend: () => ({ recencyDays: 1 }) });
    } catch (e) {
      caught = e;
    }
    expect(isJornadaError(caught) && caught.code).toBe('INVALID_OPTION');
  });
  it('a consent without a valid recordedAt is INVALID_INPUT with its path, not a TypeError', () => {
    const broken = { ...bruno, consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', source: 'x' }] } as unknown as Customer;
    let caught: unknown;
    try {
      buildCustomerProfiles({ customers: [ana, broken] }, { asOf });
    } catch (e) {
      caught = e;
    }
    expect(isJornadaError(caught) && [caught.code, caught.issues[0]?.path]).toEqual(['INVALID_INPUT', ['customers', 1, 'consents', 0, 'recordedAt']]);
  });
  it('runs the issue examples on profiles', () => {
    const [s1, s2] = compileSegments([
      { id: 'repeat', name: 'Repeat buyers', condition: { version: 1, condition: { count: 'orders', within: { amount: 365, unit: 'days' }, op: 'gte', value: 2 } } },
      { id: 'openers', name: 'Openers', condition: { version: 1, condition: { count: 'interactions', where: { fact: 'event', op: 'eq', value: 'Email Opened' }, within: { amount: 30, unit: 'days' }, op: 'gte', value: 1 } } },
    ]);
    expect([s1?.test(a, asOf), s2?.test(a, asOf), s1?.test(b, asOf), s2?.test(b, asOf)]).toEqual([true, true, false, false]);
  });
});

describe('segments', () => {
  const defs = [
    { id: 'vip', name: 'VIP', condition: { version: 1, condition: { fact: 'monetary', op: 'gte', value: 1000 } } },
    { id: 'recent', name: 'Recent', condition: { version: 1, condition: { fact: 'recencyDays', op: 'lte', value: 30 } } },
    { id: 'none', name: 'Nobody', condition: { version: 1, condition: { any: [] } } },
  ];
  const segs = compileSegments(defs);
  const t0 = evaluateSegments(segs, [
    { customerId: 'a', monetary: 2000, recencyDays: 10 },
    { customerId: 'b', monetary: 500, recencyDays: 5 },
    { customerId: 'c', monetary: 1500, recencyDays: 90 },
  ], new Date('2026-10-01T00:00:00Z'));
  const t1 = evaluateSegments(segs, [
    { customerId: 'a', monetary: 2000, recencyDays: 40 },
    { customerId: 'b', monetary: 1200, recencyDays: 5 },
    { customerId: 'c', monetary: 1500, recencyDays: 90 },
    { customerId: 'd', monetary: 10, recencyDays: 1 },
  ], new Date('2026-11-01T00:00:00Z'));
  it('membership, sizes and diff (hand-checked)', () => {
    expect(t0.members).toEqual({ vip: ['a', 'c'], recent: ['a', 'b'], none: [] });
    expect(segmentSizes(t1)).toEqual({ vip: 3, recent: 2, none: 0 });
    expect(diffSegmentMemberships(t0, t1)).toEqual({
      vip: { entered: ['b'], exited: [], stayed: 2 },
      recent: { entered: ['d'], exited: ['a'], stayed: 1 },
      none: { entered: [], exited: [], stayed: 0 },
    });
  });
  it('overlap matrix and Jaccard indices (hand-checked)', () => {
    // t1: vip = {a, b, c}, recent = {b, d}: |∩| = 1, |∪| = 4.
    const o = segmentOverlap(t1);
    expect(o.counts).toEqual([[3, 1, 0], [1, 2, 0], [0, 0, 0]]);
    expect(o.jaccard[0]?.[1]).toBe(0.25);
    expect(o.jaccard[0]?.[0]).toBe(1);
    expect(o.jaccard[2]?.[2]).toBeNaN();
  });
  it('refuses repeated ids, reserved ids and bad conditions with paths', () => {
    const paths = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return isJornadaError(e) ? [e.code, e.issues[0]?.path] : e;
      }
      return undefined;
    };
    expect(paths(() => compileSegments([defs[0], defs[0]]))).toEqual(['INVALID_RULE', [1, 'id']]);
    expect(paths(() => parseSegmentDefinition({ ...defs[0], id: '__proto__' }))).toEqual(['INVALID_RULE', ['id']]);
    expect(paths(() => compileSegments([defs[0], { id: 'x', name: 'X', condition: { version: 1, condition: { fact: 'a', op: 'in', value: 3 } } }]))).toEqual(['INVALID_RULE', [1, 'condition', 'condition', 'value']]);
    expect(paths(() => evaluateSegments(segs, [{ monetary: 1 }], new Date(0)))).toEqual(undefined); // no member, no id needed
    expect(paths(() => evaluateSegments(segs, [{ monetary: 5000 }], new Date(0)))).toEqual(['INVALID_INPUT', [0, 'customerId']]);
  });
  it('a definition carries its condition, which describes itself', () => {
    expect(describeCondition(segs[0]?.definition.condition, 'pt-BR')).toBe('total gasto é pelo menos 1.000');
  });
});
