import { describe, expect, it } from 'vitest';
import type { Customer, Order, Subscription } from '../../src/model/index.js';
import {
  lifecycleStageLookup,
  lifecycleStatusLookup,
  monthlyStageTransitionMatrices,
  replayLifecycle,
  stageDistribution,
  stageFunnel,
  stageTransitionMatrix,
  timeInStage,
} from '../../src/lifecycle/index.js';

// Three hand-built customers whose transitions are worked out in replay.test.ts:
// A: reach 1 Jan 2025 → acquisition 11 Jan → nurture 10 Feb → retention 20 Feb; active on 1 Oct.
// C: (subscription 1 Jan, cancelled 1 May) acquisition 1 Jan → nurture 31 Jan → retention 1 Apr; churned from 1 May.
// D: known from 1 Mar, never buys: reach; rhythm 60 days by default, so at risk after 90 days (30 May),
//    lapsed after 150 (29 Jul), churned after 240 (27 Oct): lapsed on 1 Oct.
// Every expected number below is counted by hand from these lines.
const iso = (s: string): Date => new Date(s);
const order = (id: string, at: string): Order => ({ id, customerId: 'a', placedAt: iso(at), status: 'paid', currency: 'BRL', total: 100, items: [] });
const customers: Customer[] = [
  { id: 'a', createdAt: iso('2025-01-01T00:00:00Z') },
  { id: 'c', createdAt: iso('2025-01-01T00:00:00Z') },
  { id: 'd', createdAt: iso('2025-03-01T00:00:00Z') },
];
const orders = [order('a1', '2025-01-11T00:00:00Z'), order('a2', '2025-02-20T00:00:00Z'), order('a3', '2025-03-22T00:00:00Z'), order('a4', '2025-09-01T00:00:00Z'), order('a5', '2025-09-21T00:00:00Z')];
const subscriptions: Subscription[] = [
  { id: 's1', customerId: 'c', plan: 'p', period: { unit: 'month', count: 1 }, startedAt: iso('2025-01-01T00:00:00Z'), cancelledAt: iso('2025-05-01T00:00:00Z'), status: 'cancelled' },
];
const replay = replayLifecycle({ customers, orders, subscriptions }, { asOf: iso('2025-10-01T00:00:00Z') });

describe('stageDistribution', () => {
  it('counts stages and statuses on 1 Oct', () => {
    const d = stageDistribution(replay);
    expect(d.total).toBe(3);
    expect(d.rows.map((r) => [r.stage, r.count])).toEqual([['reach', 1], ['acquisition', 0], ['nurture', 0], ['retention', 2], ['loyalty', 0]]);
    expect(d.rows[0]?.byStatus).toEqual({ active: 0, at_risk: 0, lapsed: 1, churned: 0, reactivated: 0 });
    expect(d.rows[3]?.byStatus).toEqual({ active: 1, at_risk: 0, lapsed: 0, churned: 1, reactivated: 0 });
    expect(d.rows[3]?.share).toBeCloseTo(2 / 3, 15);
  });

  it('as of 15 Feb: D is not known yet; A and C are in nurture', () => {
    const d = stageDistribution(replay, iso('2025-02-15T00:00:00Z'));
    expect(d.total).toBe(2);
    expect(d.rows[2]?.count).toBe(2);
  });

  it('refuses a date after the replay', () => {
    expect(() => stageDistribution(replay, iso('2026-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('stageFunnel', () => {
  it('cohort funnel of the year: skipped stages count as passed', () => {
    const f = stageFunnel(replay, { from: iso('2025-01-01T00:00:00Z'), to: iso('2025-10-01T00:00:00Z') });
    expect(f.cohort).toBe(3);
    // reach: all three (C starts in acquisition, so it passed reach on 1 Jan); acquisition..retention: A and C
    expect(f.steps.map((s) => s.reached)).toEqual([3, 2, 2, 2, 0]);
    expect(f.steps.map((s) => s.stepConversion)).toEqual([1, 2 / 3, 1, 1, 0]);
    expect(f.steps[1]?.shareOfCohort).toBeCloseTo(2 / 3, 15);
  });

  it('period conversion from 1 Feb: who entered each stage in the period and moved on', () => {
    const f = stageFunnel(replay, { from: iso('2025-02-01T00:00:00Z'), to: iso('2025-10-01T00:00:00Z') });
    expect(f.cohort).toBe(1); // D
    // reach: D (1 Mar), never bought; acquisition: nobody in the period; nurture: A (10 Feb) → retention 20 Feb;
    // retention: A (20 Feb) and C (1 Apr), neither loyal by 1 Oct; loyalty is the last stage (NaN)
    expect(f.steps.map((s) => [s.enteredInPeriod, s.convertedInPeriod])).toEqual([[1, 0], [0, 0], [1, 1], [2, 0], [0, 0]]);
    expect(f.steps.map((s) => s.periodConversion)).toEqual([0, NaN, 1, 0, NaN]);
  });
});

describe('timeInStage', () => {
  it('median and quartiles of the completed stays, Kaplan–Meier with the ongoing ones censored', () => {
    const t = timeInStage(replay);
    // reach: A 10 days (1 → 11 Jan) completed; D ongoing (214 days). KM: 2 at risk at day 10, 1 event: S = 0.5 → median 10.
    expect(t[0]).toEqual({ stage: 'reach', completed: 1, ongoing: 1, medianDays: 10, lowerQuartileDays: 10, upperQuartileDays: 10, kaplanMeierMedianDays: 10 });
    // acquisition: A 30 days (11 Jan → 10 Feb), C 30 days (1 → 31 Jan)
    expect(t[1]).toMatchObject({ completed: 2, ongoing: 0, medianDays: 30, kaplanMeierMedianDays: 30 });
    // nurture: A 10 days (10 → 20 Feb), C 60 days (31 Jan → 1 Apr); type-7 quartiles 10 + 0.25·50, 10 + 0.75·50
    expect(t[2]).toMatchObject({ completed: 2, medianDays: 35, lowerQuartileDays: 22.5, upperQuartileDays: 47.5, kaplanMeierMedianDays: 10 });
    // retention: both still there
    expect(t[3]).toMatchObject({ completed: 0, ongoing: 2, kaplanMeierMedianDays: null });
    expect(t[3]?.medianDays).toBeNaN();
  });
});

describe('transition matrices', () => {
  it('between 15 Feb and 1 Oct: both nurture customers moved to retention; D entered', () => {
    const m = stageTransitionMatrix(replay, { from: iso('2025-02-15T00:00:00Z'), to: iso('2025-10-01T00:00:00Z') });
    expect(m.stages).toEqual(['reach', 'acquisition', 'nurture', 'retention', 'loyalty']);
    expect(m.counts[2]).toEqual([0, 0, 0, 2, 0]);
    expect(m.shares[2]).toEqual([0, 0, 0, 1, 0]);
    expect(m.rowTotals).toEqual([0, 0, 2, 0, 0]);
    expect(m.shares[0]?.every(Number.isNaN)).toBe(true);
    expect(m.entrants).toEqual([1, 0, 0, 0, 0]);
  });

  it('monthly snapshots: 1 Jan → 1 Feb → 1 Mar → 1 Apr', () => {
    const ms = monthlyStageTransitionMatrices(replay, { from: iso('2025-01-01T00:00:00Z'), to: iso('2025-04-01T00:00:00Z') });
    expect(ms.map((m) => m.from.toISOString().slice(0, 10))).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    // 1 Jan: A reach, C acquisition; 1 Feb: A acquisition, C nurture
    expect(ms[0]?.counts[0]).toEqual([0, 1, 0, 0, 0]);
    expect(ms[0]?.counts[1]).toEqual([0, 0, 1, 0, 0]);
    // 1 Mar: A retention (20 Feb), C nurture; D becomes known on 1 Mar itself, so it is an entrant of Feb → Mar
    expect(ms[1]?.counts[1]).toEqual([0, 0, 0, 1, 0]);
    expect(ms[1]?.entrants).toEqual([1, 0, 0, 0, 0]);
    // 1 Apr: C retention (1 Apr itself)
    expect(ms[2]?.counts[2]).toEqual([0, 0, 0, 1, 0]);
  });

  it('months in São Paulo start at 03:00 UTC', () => {
    const ms = monthlyStageTransitionMatrices(replay, { from: iso('2025-01-01T00:00:00Z'), to: iso('2025-04-01T03:00:00Z'), timeZone: 'America/Sao_Paulo' });
    // 1 Jan 00:00 UTC is still 31 Dec in São Paulo (UTC−3, no DST since 2019): the first month start at or
    // after it is 1 Jan 03:00 UTC; 1 Apr 03:00 UTC is the last, inclusive.
    expect(ms.map((m) => m.from.toISOString())).toEqual(['2025-01-01T03:00:00.000Z', '2025-02-01T03:00:00.000Z', '2025-03-01T03:00:00.000Z']);
    expect(ms[2]?.to.toISOString()).toBe('2025-04-01T03:00:00.000Z');
  });

  it('refuses dates out of order', () => {
    expect(() => stageTransitionMatrix(replay, { from: iso('2025-05-01T00:00:00Z'), to: iso('2025-02-01T00:00:00Z') })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => monthlyStageTransitionMatrices(replay, { from: iso('2025-01-01T00:00:00Z'), to: iso('2025-02-01T00:00:00Z'), timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('point lookups', () => {
  it('the stage and status at any instant, from the transitions listed at the top', () => {
    const stageAt = lifecycleStageLookup(replay);
    const statusAt = lifecycleStatusLookup(replay);
    expect(stageAt('a', iso('2024-12-31T23:59:59Z'))).toBeUndefined(); // before sign-up
    expect(stageAt('a', iso('2025-01-01T00:00:00Z'))).toBe('reach');
    expect(stageAt('a', iso('2025-02-10T00:00:00Z'))).toBe('nurture'); // the instant of the transition
    expect(stageAt('a', iso('2025-02-19T23:59:59Z'))).toBe('nurture');
    expect(stageAt('c', iso('2025-03-31T23:59:59Z'))).toBe('nurture');
    expect(stageAt('c', iso('2025-04-01T00:00:00Z'))).toBe('retention');
    expect(stageAt('zz', iso('2025-04-01T00:00:00Z'))).toBeUndefined();
    // D: known 1 Mar, at risk from 30 May (1 Mar + 90 days), lapsed from 29 Jul (+150)
    expect(statusAt('d', iso('2025-05-29T23:59:59Z'))).toBe('active');
    expect(statusAt('d', iso('2025-05-30T00:00:00Z'))).toBe('at_risk');
    expect(statusAt('d', iso('2025-07-29T00:00:00Z'))).toBe('lapsed');
    expect(statusAt('c', iso('2025-05-01T00:00:00Z'))).toBe('churned');
  });
});
