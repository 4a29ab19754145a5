import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import type { Customer, FeedbackResponse, Interaction, Order, Subscription } from '../../src/model/index.js';
import {
  DEFAULT_STAGE_MODEL,
  HUBSPOT_STAGE_MODEL,
  createRetailStageModel,
  replayLifecycle,
  safeParseLifecycleStageModel,
  stageDistribution,
  stageFunnel,
  stageTransitionMatrix,
  type LifecycleStageModel,
} from '../../src/lifecycle/index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const ASOF = new Date(T0 + 700 * DAY);

// Random histories of a few customers: sign-up, orders (some cancelled), NPS answers, referrals and subscriptions.
const customerArb = fc.record({
  createdDay: fc.integer({ min: 0, max: 650 }),
  orders: fc.array(fc.record({ day: fc.integer({ min: 0, max: 720 }), ms: fc.integer({ min: 0, max: DAY - 1 }), cancelled: fc.boolean() }), { maxLength: 12 }),
  nps: fc.array(fc.record({ day: fc.integer({ min: 0, max: 720 }), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 3 }),
  referrals: fc.array(fc.integer({ min: 0, max: 720 }), { maxLength: 2 }),
  opens: fc.array(fc.integer({ min: 0, max: 720 }), { maxLength: 4 }),
  subscription: fc.option(fc.record({ start: fc.integer({ min: 0, max: 700 }), length: fc.option(fc.integer({ min: 1, max: 400 })), paused: fc.boolean() })),
});

interface Base {
  customers: Customer[];
  orders: Order[];
  feedback: FeedbackResponse[];
  interactions: Interaction[];
  subscriptions: Subscription[];
}

type CustomerRow = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

function baseOf(rows: CustomerRow[]): Base {
  const b: Base = { customers: [], orders: [], feedback: [], interactions: [], subscriptions: [] };
  rows.forEach((r, c) => {
    const id = `c${c}`;
    b.customers.push({ id, createdAt: new Date(T0 + r.createdDay * DAY) });
    r.orders.forEach((o, k) => b.orders.push({ id: `${id}-o${k}`, customerId: id, placedAt: new Date(T0 + o.day * DAY + o.ms), status: o.cancelled ? 'cancelled' : 'paid', currency: 'BRL', total: 10, items: [] }));
    r.nps.forEach((f, k) => b.feedback.push({ id: `${id}-f${k}`, customerId: id, respondedAt: new Date(T0 + f.day * DAY), kind: 'nps', score: f.score, scale: { min: 0, max: 10 } }));
    r.referrals.forEach((d, k) => b.interactions.push({ id: `${id}-i${k}`, customerId: id, timestamp: new Date(T0 + d * DAY), event: 'Referral Sent', direction: 'inbound' }));
    r.opens.forEach((d, k) => b.interactions.push({ id: `${id}-e${k}`, customerId: id, timestamp: new Date(T0 + d * DAY + 3_600_000), event: 'Email Opened', direction: 'inbound', channel: 'email' }));
    if (r.subscription !== null) {
      const s = r.subscription;
      const sub: Subscription = { id: `${id}-s`, customerId: id, plan: 'p', period: { unit: 'month', count: 1 }, startedAt: new Date(T0 + s.start * DAY), status: s.paused ? 'paused' : 'active' };
      if (s.length !== null) {
        sub.status = 'cancelled';
        sub.cancelledAt = new Date(T0 + (s.start + s.length) * DAY);
      }
      b.subscriptions.push(sub);
    }
  });
  return b;
}

const baseArb = fc.array(customerArb, { minLength: 1, maxLength: 6 }).map(baseOf);
const modelArb = fc.constantFrom<LifecycleStageModel>(DEFAULT_STAGE_MODEL, HUBSPOT_STAGE_MODEL);
const runs = { numRuns: 60 };

describe('replay invariants', () => {
  it('is deterministic: the same input gives the same transitions, also with the records shuffled', () => {
    fc.assert(
      fc.property(baseArb, modelArb, (b, model) => {
        const a = replayLifecycle(b, { asOf: ASOF, model });
        const shuffled = { ...b, orders: [...b.orders].reverse(), feedback: [...b.feedback].reverse(), interactions: [...b.interactions].reverse() };
        expect(replayLifecycle(b, { asOf: ASOF, model })).toEqual(a);
        expect(replayLifecycle(shuffled, { asOf: ASOF, model }).histories).toEqual(a.histories);
      }),
      runs,
    );
  });

  it('is forward-only by default: stage indices never decrease; transitions and statuses are dated in order', () => {
    fc.assert(
      fc.property(baseArb, modelArb, (b, model) => {
        const ids = model.stages.map((s) => s.id);
        for (const h of replayLifecycle(b, { asOf: ASOF, model }).histories) {
          const idx = h.stageTransitions.map((t) => ids.indexOf(t.stage));
          for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1] as number);
          for (let k = 1; k < h.statusTransitions.length; k++) {
            expect(h.statusTransitions[k]?.at.getTime()).toBeGreaterThan(h.statusTransitions[k - 1]?.at.getTime() as number);
            expect(h.statusTransitions[k]?.status).not.toBe(h.statusTransitions[k - 1]?.status);
          }
          expect(h.stage).toBe(h.stageTransitions.at(-1)?.stage);
          expect(h.stageTransitions[0]?.at).toEqual(h.knownSince);
          expect(h.stageTransitions.at(-1)?.at.getTime()).toBeLessThanOrEqual(ASOF.getTime());
        }
      }),
      runs,
    );
  });

  it('is causal: a replay to an earlier date is the prefix of the longer one', () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 700 }), (b, cut) => {
        const asOf = new Date(T0 + cut * DAY);
        const long = replayLifecycle(b, { asOf: ASOF });
        const short = replayLifecycle(b, { asOf });
        const byId = new Map(long.histories.map((h) => [h.customerId, h]));
        for (const h of short.histories) {
          const l = byId.get(h.customerId);
          expect(h.stageTransitions).toEqual(l?.stageTransitions.filter((t) => t.at <= asOf));
          expect(h.statusTransitions).toEqual(l?.statusTransitions.filter((t) => t.at <= asOf));
        }
      }),
      runs,
    );
  });

  it('leaving out the records no rule can see changes nothing: a model forced to read every interaction agrees', () => {
    // The same default model plus a rule that never holds (interactionsLast30Days < 0) but makes the
    // model read all interactions (and adds evaluation instants): the histories must be identical.
    const never = { id: 'reach.never', condition: { version: 1 as const, condition: { fact: 'interactionsLast30Days', op: 'lt' as const, value: 0 } } };
    const forced: LifecycleStageModel = { ...DEFAULT_STAGE_MODEL, stages: DEFAULT_STAGE_MODEL.stages.map((s, i) => (i === 0 ? { ...s, rules: [...s.rules, never] } : s)) };
    fc.assert(
      fc.property(baseArb, (b) => {
        expect(replayLifecycle(b, { asOf: ASOF, model: forced }).histories).toEqual(replayLifecycle(b, { asOf: ASOF }).histories);
      }),
      runs,
    );
  });

  it('forwardOnly false may move back, but every stage entered is one whose rule held (ruleId set after the start)', () => {
    fc.assert(
      fc.property(baseArb, (b) => {
        for (const h of replayLifecycle(b, { asOf: ASOF, forwardOnly: false }).histories) {
          for (const t of h.stageTransitions.slice(1)) expect(t.ruleId).not.toBeNull();
        }
      }),
      runs,
    );
  });
});

describe('analytics invariants', () => {
  it('the distribution sums to the customers known at the date; shares sum to 1', () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 700 }), (b, day) => {
        const at = new Date(T0 + day * DAY);
        const r = replayLifecycle(b, { asOf: ASOF });
        const d = stageDistribution(r, at);
        const known = r.histories.filter((h) => h.knownSince <= at).length;
        expect(d.total).toBe(known);
        expect(d.rows.reduce((s, row) => s + row.count, 0)).toBe(known);
        for (const row of d.rows) expect(Object.values(row.byStatus).reduce((s, x) => s + x, 0)).toBe(row.count);
        if (known > 0) expect(d.rows.reduce((s, row) => s + row.share, 0)).toBeCloseTo(1, 12);
      }),
      runs,
    );
  });

  it('funnel shares and conversions lie in [0, 1]; the cohort funnel never grows', () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 700 }), (b, x, y) => {
        const r = replayLifecycle(b, { asOf: ASOF });
        const f = stageFunnel(r, { from: new Date(T0 + Math.min(x, y) * DAY), to: new Date(T0 + Math.max(x, y) * DAY) });
        for (const s of f.steps) {
          for (const v of [s.shareOfCohort, s.stepConversion, s.periodConversion]) if (!Number.isNaN(v)) expect(v >= 0 && v <= 1).toBe(true);
        }
        for (let k = 1; k < f.steps.length; k++) expect(f.steps[k]?.reached).toBeLessThanOrEqual(f.steps[k - 1]?.reached as number);
      }),
      runs,
    );
  });

  it('transition matrix rows sum to 1; counts and entrants add up to the customers known at the second date', () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 700 }), (b, x, y) => {
        const r = replayLifecycle(b, { asOf: ASOF });
        const from = new Date(T0 + Math.min(x, y) * DAY);
        const to = new Date(T0 + Math.max(x, y) * DAY);
        const m = stageTransitionMatrix(r, { from, to });
        m.shares.forEach((row, i) => {
          if ((m.rowTotals[i] as number) > 0) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
          else expect(row.every(Number.isNaN)).toBe(true);
        });
        const total = m.counts.flat().reduce((s, v) => s + v, 0) + m.entrants.reduce((s, v) => s + v, 0);
        expect(total).toBe(r.histories.filter((h) => h.knownSince <= to).length);
        // forward-only: nobody moves to an earlier stage
        m.counts.forEach((row, i) => row.forEach((c, j) => { if (j < i) expect(c).toBe(0); }));
      }),
      runs,
    );
  });
});

describe('fuzzing the stage-model parser', () => {
  const check = (input: unknown): void => {
    const r = safeParseLifecycleStageModel(input);
    if (r.success) return;
    expect(isJornadaError(r.error)).toBe(true);
    expect(r.error.code).toBe('INVALID_RULE');
    expect(r.error.issues.length).toBeGreaterThan(0);
    for (const i of r.error.issues) expect(Array.isArray(i.path)).toBe(true);
  };

  it('anything at all: a JornadaError INVALID_RULE with paths, never a crash', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), check), { numRuns: 300 });
  });

  it('a valid model with one value replaced anywhere: valid or INVALID_RULE with a path', () => {
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, p: Array<string | number>): void => {
      paths.push(p);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(DEFAULT_STAGE_MODEL, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.anything(), (path, value) => {
        const doc = JSON.parse(JSON.stringify(DEFAULT_STAGE_MODEL)) as Record<string | number, unknown>;
        let cur: Record<string | number, unknown> = doc;
        for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
        cur[path[path.length - 1] as string | number] = value;
        check(doc);
        const r = safeParseLifecycleStageModel(doc);
        // a string where a stage's rules list belongs is always an error at (or under) that path
        if (!r.success && path.length === 3 && path[2] === 'rules' && !Array.isArray(value)) {
          expect(r.error.issues.some((i) => i.path.slice(0, 3).join('.') === path.join('.'))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a throwing getter is reported, not thrown', () => {
    const evil = { version: 1, id: 'm', get stages(): unknown { throw new Error('boom'); } };
    check(evil);
    expect(safeParseLifecycleStageModel(evil).success).toBe(false);
  });
});

describe('fuzzing the options', () => {
  const customers: Customer[] = [{ id: 'c', createdAt: new Date(T0) }];
  const orders: Order[] = [{ id: 'o', customerId: 'c', placedAt: new Date(T0 + 10 * DAY), status: 'paid', currency: 'BRL', total: 10, items: [] }];

  it('replayLifecycle: any option values give a result or a JornadaError INVALID_OPTION / INVALID_RULE with a path', () => {
    const value = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -5, max: 500 }));
    const optionsArb = fc.record(
      {
        asOf: fc.oneof(fc.constant(ASOF), fc.date({ noInvalidDate: false }), value),
        forwardOnly: fc.oneof(fc.boolean(), value),
        timeZone: fc.oneof(fc.constantFrom('UTC', 'America/Sao_Paulo', 'Nowhere/City'), value),
        model: fc.oneof(fc.constant(DEFAULT_STAGE_MODEL), value),
        status: fc.oneof(fc.record({ atRiskAfter: value, lapsedAfter: value, churnedAfter: value, defaultRhythmDays: value, minIntervals: value }, { requiredKeys: [] }), value),
      },
      { requiredKeys: ['asOf'] },
    );
    fc.assert(
      fc.property(optionsArb, (options) => {
        try {
          replayLifecycle({ customers, orders }, options as never);
        } catch (e) {
          expect(isJornadaError(e)).toBe(true);
          if (!isJornadaError(e)) return;
          expect(['INVALID_OPTION', 'INVALID_RULE']).toContain(e.code);
          expect(e.issues[0]?.path).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('createRetailStageModel: any thresholds give a valid model or INVALID_OPTION with a path', () => {
    const value = fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -5, max: 500 }));
    const keys = ['acquisitionWindowDays', 'followUpDays', 'retentionMinOrders', 'maxRhythmRatio', 'loyaltyMinOrders', 'loyaltyMinTenureDays', 'promoterWithinDays', 'referralEvents', 'subscriptionRetentionDays', 'subscriptionLoyaltyDays'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (options) => {
        try {
          const m = createRetailStageModel(options as never);
          expect(safeParseLifecycleStageModel(JSON.parse(JSON.stringify(m))).success).toBe(true);
        } catch (e) {
          expect(isJornadaError(e) && e.code).toBe('INVALID_OPTION');
          if (isJornadaError(e)) expect(keys).toContain(e.issues[0]?.path[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
