import { describe, expect, it } from 'vitest';
import type { Customer, FeedbackResponse, Interaction, Order, Subscription } from '../../src/model/index.js';
import {
  DEFAULT_STAGE_MODEL,
  classifyLifecycle,
  createRetailStageModel,
  explainLifecycle,
  replayLifecycle,
  type LifecycleHistory,
  type LifecycleStageModel,
} from '../../src/lifecycle/index.js';

// Every expected stage, status and date below is worked out by hand from the default model's
// thresholds (acquisition 30 days, follow-up 90 days, retention 2+ orders within 1.5 rhythms, loyalty 5+
// orders, 365 days of tenure and advocacy) and the status thresholds (1.5 / 2.5 / 4 rhythms; default
// rhythm 60 days; a personal rhythm from 2 intervals on, the median interval). Calendar arithmetic is
// written out in the comments.

const iso = (s: string): Date => new Date(s);
const order = (id: string, customerId: string, at: string, status: Order['status'] = 'paid'): Order => ({
  id, customerId, placedAt: iso(at), status, currency: 'BRL', total: 100, items: [],
});
const stages = (h: LifecycleHistory | undefined): Array<[string, string, string | null]> =>
  (h?.stageTransitions ?? []).map((t) => [t.stage, t.at.toISOString(), t.ruleId]);
const statuses = (h: LifecycleHistory | undefined): Array<[string, string]> => (h?.statusTransitions ?? []).map((t) => [t.status, t.at.toISOString()]);

// Customer A: signs up on 1 Jan 2025, buys on 11 Jan, 20 Feb and 22 Mar, then goes quiet, comes back on
// 1 Sep and buys again on 21 Sep.
const ana: Customer = { id: 'a', createdAt: iso('2025-01-01T00:00:00Z') };
const anaOrders = [
  order('a1', 'a', '2025-01-11T00:00:00Z'),
  order('a2', 'a', '2025-02-20T00:00:00Z'),
  order('a3', 'a', '2025-03-22T00:00:00Z'),
  order('ax', 'a', '2025-04-30T00:00:00Z', 'cancelled'), // not a purchase
  order('a4', 'a', '2025-09-01T00:00:00Z'),
  order('a5', 'a', '2025-09-21T00:00:00Z'),
];

describe('replayLifecycle: a non-contractual history worked by hand', () => {
  const { histories } = replayLifecycle({ customers: [ana], orders: anaOrders }, { asOf: iso('2025-10-01T00:00:00Z') });
  const h = histories[0];

  it('moves reach → acquisition → nurture → retention on the dates the rules first hold', () => {
    expect(stages(h)).toEqual([
      ['reach', '2025-01-01T00:00:00.000Z', 'reach.known-contact'], // no purchase at sign-up
      ['acquisition', '2025-01-11T00:00:00.000Z', 'acquisition.first-purchase'], // first purchase
      ['nurture', '2025-02-10T00:00:00.000Z', 'nurture.single-purchase'], // 11 Jan + 30 days (20 in Jan, 10 in Feb)
      ['retention', '2025-02-20T00:00:00.000Z', 'retention.repeat-purchases'], // second purchase, ratio 0
    ]);
    // forward-only: the quiet months and the return do not move the stage
    expect(h?.stage).toBe('retention');
    expect(h?.stageEnteredAt).toEqual({
      reach: iso('2025-01-01T00:00:00Z'), acquisition: iso('2025-01-11T00:00:00Z'), nurture: iso('2025-02-10T00:00:00Z'), retention: iso('2025-02-20T00:00:00Z'),
    });
  });

  it('dates the status against her own rhythm, churn and reactivation included', () => {
    // After 22 Mar the intervals are [40, 30]: rhythm = median = 35 days.
    // at risk at 22 Mar + 1.5·35 = 52.5 days = 13 May 12:00; lapsed at + 87.5 days = 17 Jun 12:00;
    // churned at + 140 days = 9 Aug (9 days of March, 30 + 31 + 30 + 31 = 131, + 9).
    // The cancelled order of 30 Apr is no purchase. The purchase of 1 Sep comes while churned:
    // reactivated; the next purchase (21 Sep) makes her active again.
    expect(statuses(h)).toEqual([
      ['active', '2025-01-01T00:00:00.000Z'],
      ['at_risk', '2025-05-13T12:00:00.000Z'],
      ['lapsed', '2025-06-17T12:00:00.000Z'],
      ['churned', '2025-08-09T00:00:00.000Z'],
      ['reactivated', '2025-09-01T00:00:00.000Z'],
      ['active', '2025-09-21T00:00:00.000Z'],
    ]);
    expect(h?.status).toBe('active');
    expect(h?.statusSince).toEqual(iso('2025-09-21T00:00:00Z'));
  });

  it('a replay to an earlier date is the prefix of the longer one', () => {
    const [short] = replayLifecycle({ customers: [ana], orders: anaOrders }, { asOf: iso('2025-07-01T00:00:00Z') }).histories;
    expect(statuses(short)).toEqual(statuses(h).slice(0, 3));
    expect(short?.status).toBe('lapsed');
  });

  it('explains the stage held by the forward-only policy and the status arithmetic', () => {
    const e = explainLifecycle({ customers: [ana], orders: anaOrders }, 'a', { asOf: iso('2025-07-01T00:00:00Z') });
    expect(e.stage).toBe('retention');
    expect(e.enteredBy.ruleId).toBe('retention.repeat-purchases');
    // On 1 Jul: 3 purchases, 101 days since 22 Mar (9 + 30 + 31 + 30 + 1), ratio 101/35 ≈ 2.886 > 1.5:
    // no rule of any stage holds.
    expect(e.qualifiesFor).toBeNull();
    expect(e.heldByForwardOnly).toBe(true);
    expect(e.facts.rhythmDays).toBe(35);
    expect(e.facts.daysSinceFirstOrder).toBe(171); // 11 Jan → 1 Jul: 20 + 28 + 31 + 30 + 31 + 30 + 1
    expect(e.facts.rhythmRatio).toBeCloseTo(101 / 35, 12);
    expect(e.status).toMatchObject({ status: 'lapsed', contractual: false, rhythmDays: 35, daysSince: 101, thresholdsDays: { atRisk: 52.5, lapsed: 87.5, churned: 140 } });
    const retention = e.rules.find((r) => r.ruleId === 'retention.repeat-purchases');
    expect(retention?.passed).toBe(false);
    // all [frequency ≥ 2 (true), rhythmRatio ≤ 1.5 (false)]
    expect(retention?.nodes.map((n) => n.passed)).toEqual([false, true, false]);
    expect(e.rules.map((r) => r.ruleId)).toEqual(DEFAULT_STAGE_MODEL.stages.flatMap((s) => s.rules.map((r) => r.id)));
  });

  it('refuses to explain an unknown customer', () => {
    expect(() => explainLifecycle({ customers: [ana] }, 'zz', { asOf: iso('2025-07-01T00:00:00Z') })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('loyalty needs frequency, tenure, rhythm and advocacy', () => {
  // Purchases every 30 days from 1 Jan 2024 (a leap year): the 13th (k = 12) on 26 Dec 2024.
  const bia: Customer = { id: 'b', createdAt: iso('2023-12-01T00:00:00Z') };
  const biaOrders = Array.from({ length: 14 }, (_, k) => order(`b${k}`, 'b', new Date(Date.UTC(2024, 0, 1) + k * 30 * 86_400_000).toISOString()));
  const promoter: FeedbackResponse = { id: 'f1', customerId: 'b', respondedAt: iso('2024-06-01T00:00:00Z'), kind: 'nps', score: 10, scale: { min: 0, max: 10 } };
  const asOf = iso('2025-03-01T00:00:00Z');

  it('with a promoter answer: loyalty on the day tenure reaches 365 days', () => {
    const [h] = replayLifecycle({ customers: [bia], orders: biaOrders, feedback: [promoter] }, { asOf }).histories;
    expect(stages(h)).toEqual([
      ['reach', '2023-12-01T00:00:00.000Z', 'reach.known-contact'],
      ['acquisition', '2024-01-01T00:00:00.000Z', 'acquisition.first-purchase'],
      // 31 Jan is both the end of the acquisition window and the second purchase: nurture is skipped
      ['retention', '2024-01-31T00:00:00.000Z', 'retention.repeat-purchases'],
      // 1 Jan 2024 + 365 days = 31 Dec 2024; 13 purchases, 5 days since the last (ratio 5/30), promoter in June
      ['loyalty', '2024-12-31T00:00:00.000Z', 'loyalty.loyal-advocate'],
    ]);
  });

  it('with a referral instead: the same date', () => {
    const referral: Interaction = { id: 'i1', customerId: 'b', timestamp: iso('2024-03-01T00:00:00Z'), event: 'Referral Sent', direction: 'inbound' };
    const [h] = replayLifecycle({ customers: [bia], orders: biaOrders, interactions: [referral] }, { asOf }).histories;
    expect(h?.stageEnteredAt['loyalty']).toEqual(iso('2024-12-31T00:00:00Z'));
  });

  it('without advocacy: retention only; a passive answer (8) is not advocacy', () => {
    const passive = { ...promoter, score: 8 };
    const [h] = replayLifecycle({ customers: [bia], orders: biaOrders, feedback: [passive] }, { asOf }).histories;
    expect(h?.stage).toBe('retention');
  });

  it('a promoter answer counts for 365 days: one given on 1 Dec 2023 has expired by 31 Dec 2024', () => {
    const old = { ...promoter, respondedAt: iso('2023-12-01T00:00:00Z') };
    const [h] = replayLifecycle({ customers: [bia], orders: biaOrders, feedback: [old] }, { asOf }).histories;
    expect(h?.stage).toBe('retention');
    // with a 400-day window it still counts, and loyalty comes on the tenure date as before
    const [h2] = replayLifecycle({ customers: [bia], orders: biaOrders, feedback: [old] }, { asOf, model: createRetailStageModel({ promoterWithinDays: 400 }) }).histories;
    expect(h2?.stageEnteredAt['loyalty']).toEqual(iso('2024-12-31T00:00:00Z'));
  });

  it('a later referral makes the customer loyal on the day of the referral', () => {
    const referral: Interaction = { id: 'i1', customerId: 'b', timestamp: iso('2025-02-01T10:00:00Z'), event: 'Referral Completed', direction: 'inbound' };
    const [h] = replayLifecycle({ customers: [bia], orders: biaOrders, interactions: [referral] }, { asOf }).histories;
    // last purchase 25 Jan 2025 (k = 13), 7 days before: ratio well below 1.5
    expect(h?.stageEnteredAt['loyalty']).toEqual(iso('2025-02-01T10:00:00Z'));
  });
});

describe('contractual bond', () => {
  const caio: Customer = { id: 'c', createdAt: iso('2025-01-01T00:00:00Z'), bond: 'contractual' };
  const sub: Subscription = {
    id: 's1', customerId: 'c', plan: 'racao-mensal', period: { unit: 'month', count: 1 },
    startedAt: iso('2025-01-01T00:00:00Z'), cancelledAt: iso('2025-05-01T00:00:00Z'), status: 'cancelled',
  };

  it('acquisition at the start, nurture after 30 days, retention after 90; churned when cancelled', () => {
    const [h] = replayLifecycle({ customers: [caio], subscriptions: [sub] }, { asOf: iso('2025-06-01T00:00:00Z') }).histories;
    expect(stages(h)).toEqual([
      ['acquisition', '2025-01-01T00:00:00.000Z', 'acquisition.new-subscription'], // subscriptionDays 0 < 30
      ['nurture', '2025-01-31T00:00:00.000Z', 'nurture.subscription-onboarding'], // 1 Jan + 30 days
      ['retention', '2025-04-01T00:00:00.000Z', 'retention.subscription-tenure'], // 1 Jan + 90 days (30 + 28 + 31 + 1)
    ]);
    expect(statuses(h)).toEqual([
      ['active', '2025-01-01T00:00:00.000Z'],
      ['churned', '2025-05-01T00:00:00.000Z'], // the cancellation is observed
    ]);
  });

  it('a paused subscription is at risk', () => {
    const paused: Subscription = { ...sub, status: 'paused' };
    delete paused.cancelledAt;
    const [c] = classifyLifecycle({ customers: [caio], subscriptions: [paused] }, { asOf: iso('2025-02-01T00:00:00Z') });
    expect(c).toMatchObject({ stage: 'nurture', status: 'at_risk' });
  });

  it('a new subscription after churn is a reactivation', () => {
    const again: Subscription = { id: 's2', customerId: 'c', plan: 'racao-mensal', period: { unit: 'month', count: 1 }, startedAt: iso('2025-07-01T00:00:00Z'), status: 'active' };
    const [h] = replayLifecycle({ customers: [caio], subscriptions: [sub, again] }, { asOf: iso('2025-08-01T00:00:00Z') }).histories;
    expect(statuses(h).slice(1)).toEqual([['churned', '2025-05-01T00:00:00.000Z'], ['reactivated', '2025-07-01T00:00:00.000Z']]);
    expect(h?.stage).toBe('retention');
  });
});

describe('forward-only is a policy', () => {
  // A three-stage model: lead (no purchase), dormant (bought), hot (bought in the last 30 days).
  const model: LifecycleStageModel = {
    version: 1, id: 'hot-cold',
    stages: [
      { id: 'lead', label: { en: 'Lead', 'pt-BR': 'Lead' }, rules: [{ id: 'lead', condition: { version: 1, condition: { fact: 'frequency', op: 'eq', value: 0 } } }] },
      { id: 'dormant', label: { en: 'Dormant', 'pt-BR': 'Inativo' }, rules: [{ id: 'dormant', condition: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } } }] },
      { id: 'hot', label: { en: 'Hot', 'pt-BR': 'Quente' }, rules: [{ id: 'hot', condition: { version: 1, condition: { count: 'orders', within: { amount: 30, unit: 'days' }, op: 'gte', value: 1 } } }] },
    ],
  };
  const sources = { customers: [ana], orders: anaOrders.slice(0, 1) };
  const asOf = iso('2025-03-01T00:00:00Z');

  it('forward-only (default): hot stays hot', () => {
    const [h] = replayLifecycle(sources, { asOf, model }).histories;
    expect(stages(h).map((s) => s[0])).toEqual(['lead', 'hot']);
  });

  it('forwardOnly false: hot falls to dormant the first instant the 30-day window no longer holds the order', () => {
    // The window [asOf − 30 days, asOf] holds 11 Jan 00:00 until asOf = 10 Feb 00:00 exactly; 1 ms later it does not.
    const [h] = replayLifecycle(sources, { asOf, model, forwardOnly: false }).histories;
    expect(stages(h)).toEqual([
      ['lead', '2025-01-01T00:00:00.000Z', 'lead'],
      ['hot', '2025-01-11T00:00:00.000Z', 'hot'],
      ['dormant', '2025-02-10T00:00:00.001Z', 'dormant'],
    ]);
  });
});

describe('options', () => {
  it('custom status thresholds move the dates', () => {
    // No purchase: measured from sign-up with the default rhythm 30 here: at risk after 1·30 days.
    const [h] = replayLifecycle({ customers: [ana] }, { asOf: iso('2025-03-01T00:00:00Z'), status: { atRiskAfter: 1, lapsedAfter: 2, churnedAfter: 3, defaultRhythmDays: 30 } }).histories;
    // lapsed would come at 1 Jan + 60 days = 2 Mar, after asOf.
    expect(statuses(h)).toEqual([
      ['active', '2025-01-01T00:00:00.000Z'],
      ['at_risk', '2025-01-31T00:00:00.000Z'],
    ]);
  });

  it('bad options are INVALID_OPTION', () => {
    const asOf = iso('2025-03-01T00:00:00Z');
    expect(() => replayLifecycle({ customers: [] }, { asOf: new Date(NaN) })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => replayLifecycle({ customers: [] }, { asOf, status: { atRiskAfter: 3, lapsedAfter: 2 } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => replayLifecycle({ customers: [] }, { asOf, status: { minIntervals: 0 } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('a repeated customer id is INVALID_INPUT with its path', () => {
    expect(() => replayLifecycle({ customers: [ana, ana] }, { asOf: iso('2025-03-01T00:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['customers', 1, 'id'] })] }),
    );
  });

  it('customers not yet known at asOf are left out', () => {
    expect(replayLifecycle({ customers: [ana] }, { asOf: iso('2024-12-01T00:00:00Z') }).histories).toEqual([]);
  });
});
