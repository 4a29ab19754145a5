// Example-based tests of each trigger kind and each wait kind. Expected instants are worked by hand in
// the comments: São Paulo is UTC−3 all year since 2019 (Decreto 9.772/2019 ended its DST), so local
// 09:00 is 12:00Z.
import { describe, expect, it } from 'vitest';
import { planContacts, type PlanContactsInput } from '../../src/cadence/index.js';
import type { Order } from '../../src/model/index.js';
import { customer, event, policy, rule } from './helpers.js';

function plan(extra: Partial<PlanContactsInput> & Pick<PlanContactsInput, 'rules' | 'now'>) {
  return planContacts({ policy: policy(), customers: [customer('c1')], horizon: { amount: 7, unit: 'days' }, ...extra });
}
const at = (p: ReturnType<typeof plan>) => p.contacts.map((c) => c.at.toISOString());

function order(id: string, placedAt: string): Order {
  return { id, customerId: 'c1', placedAt: new Date(placedAt), status: 'paid', currency: 'BRL', total: 100, items: [] };
}

describe('triggers', () => {
  it('event: one journey per event in the window, contact at the event when allowed', () => {
    const p = plan({
      rules: [rule('r')],
      events: [event('c1', '2026-11-02T14:00:00Z'), event('c1', '2026-10-01T14:00:00Z'), event('c1', '2026-11-02T15:00:00Z', 'Other')],
      now: new Date('2026-11-02T15:00:00Z'),
    });
    // Only the 14:00Z "Go" event is within [now − 1 day, now]; the contact is due at 14:00Z, before now → sent now.
    expect(at(p)).toEqual(['2026-11-02T15:00:00.000Z']);
    expect(p.contacts[0]?.occurrence).toBe('event:e-c1-2026-11-02T14:00:00Z');
  });

  it('segment entered: the first run records membership; the next fires for newcomers', () => {
    const r = rule('seg', { trigger: { kind: 'segment_entered', segment: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } } } });
    const now1 = new Date('2026-11-01T12:00:00Z');
    const first = plan({ rules: [r], now: now1, orders: [] });
    expect(first.contacts).toEqual([]);
    expect(first.state.segmentMembers).toEqual({ seg: [] });
    const now2 = new Date('2026-11-02T12:00:00Z');
    const second = plan({ rules: [r], now: now2, orders: [order('o1', '2026-11-02T10:00:00Z')], state: first.state });
    // Entered between the runs → a journey at now2 (09:00 local, allowed).
    expect(at(second)).toEqual(['2026-11-02T12:00:00.000Z']);
    expect(second.state.segmentMembers).toEqual({ seg: ['c1'] });
    const exit = rule('out', { trigger: { kind: 'segment_exited', segment: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } } } });
    const third = plan({ rules: [exit], now: new Date('2026-11-03T12:00:00Z'), orders: [], state: { ...second.state, segmentMembers: { out: ['c1'] } } });
    expect(at(third)).toEqual(['2026-11-03T12:00:00.000Z']);
  });

  it('lifecycle stage entered: reads Customer.stageEnteredAt of the current stage', () => {
    const c = customer('c1', { lifecycleStage: 'retention', stageEnteredAt: { retention: new Date('2026-11-01T20:00:00Z') } });
    const p = plan({ rules: [rule('r', { trigger: { kind: 'lifecycle_stage_entered', stage: 'retention' } })], customers: [c], now: new Date('2026-11-01T21:00:00Z') });
    // Entered 17:00 local; contact due then, planned at now (18:00 local).
    expect(at(p)).toEqual(['2026-11-01T21:00:00.000Z']);
    const other = plan({ rules: [rule('r', { trigger: { kind: 'lifecycle_stage_entered', stage: 'loyalty' } })], customers: [c], now: new Date('2026-11-01T21:00:00Z') });
    expect(other.contacts).toEqual([]);
  });

  it('customer date: birthday at a local time, with an offset', () => {
    const c = customer('c1', { birthday: { month: 11, day: 3 } });
    const now = new Date('2026-11-01T03:00:00Z');
    const on = plan({ rules: [rule('b', { trigger: { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' } })], customers: [c], now });
    // 3 Nov 10:00 local = 13:00Z.
    expect(at(on)).toEqual(['2026-11-03T13:00:00.000Z']);
    const before = plan({ rules: [rule('b', { trigger: { kind: 'customer_date', date: 'birthday', offsetDays: -1 } })], customers: [c], now });
    // 2 Nov 09:00 local = 12:00Z.
    expect(at(before)).toEqual(['2026-11-02T12:00:00.000Z']);
  });

  it('customer date: days after the last purchase, and before the expected replenishment', () => {
    const after = plan({
      rules: [rule('a', { trigger: { kind: 'customer_date', date: 'after_last_purchase', days: 7 } })],
      orders: [order('o1', '2026-10-25T15:00:00Z')],
      now: new Date('2026-11-01T03:00:00Z'),
    });
    // Bought 25 Oct (local); +7 calendar days = 1 Nov, 09:00 local = 12:00Z.
    expect(at(after)).toEqual(['2026-11-01T12:00:00.000Z']);
    const orders = ['2026-07-04', '2026-08-03', '2026-09-02', '2026-10-02'].map((d, i) => order(`o${i}`, `${d}T12:00:00Z`));
    const rep = plan({
      rules: [rule('rep', { objective: 'replenishment', trigger: { kind: 'customer_date', date: 'before_replenishment', days: 3 } })],
      orders,
      now: new Date('2026-10-28T12:00:00Z'),
    });
    // Intervals 30, 30, 30 days → median 30 → expected 1 Nov 12:00Z (09:00 local); 3 days before = 29 Oct, 09:00 local = 12:00Z.
    expect(at(rep)).toEqual(['2026-10-29T12:00:00.000Z']);
  });

  it('calendar occasion: a week before Dia das Mães', () => {
    const p = plan({ rules: [rule('maes', { objective: 'commercial_date', trigger: { kind: 'calendar', occasion: 'br.mothers_day', offsetDays: -7 } })], now: new Date('2026-05-01T12:00:00Z') });
    // Dia das Mães 2026 is the second Sunday of May: 10 May. −7 days = 3 May, 09:00 local = 12:00Z.
    expect(at(p)).toEqual(['2026-05-03T12:00:00.000Z']);
  });

  it('inactivity: N days without purchase', () => {
    const p = plan({ rules: [rule('wb', { objective: 'reactivation', trigger: { kind: 'inactivity', days: 90 } })], orders: [order('o1', '2026-08-03T15:00:00Z')], now: new Date('2026-11-01T03:00:00Z') });
    // 3 Aug + 90 days = 1 Nov (Aug 28 + Sep 30 + Oct 31 = 89 → 1 Nov); 09:00 local = 12:00Z.
    expect(at(p)).toEqual(['2026-11-01T12:00:00.000Z']);
  });

  it('recurring schedule: weekly on Tuesdays', () => {
    const p = plan({ rules: [rule('news', { trigger: { kind: 'schedule', every: 'weekly', weekdays: ['tuesday'], atLocalTime: '10:00' } })], now: new Date('2026-11-01T03:00:00Z'), horizon: { amount: 14, unit: 'days' }, since: new Date('2026-11-01T03:00:00Z') });
    // 1 Nov 2026 is a Sunday: Tuesdays 3 and 10 Nov, 10:00 local = 13:00Z.
    expect(at(p)).toEqual(['2026-11-03T13:00:00.000Z', '2026-11-10T13:00:00.000Z']);
  });

  it('detractor follow-up: one journey per pending detractor answer', () => {
    const feedback = [
      { id: 'f1', customerId: 'c1', kind: 'nps' as const, score: 3, scale: { min: 0, max: 10 }, respondedAt: new Date('2026-11-02T13:00:00Z') },
      { id: 'f2', customerId: 'c1', kind: 'nps' as const, score: 10, scale: { min: 0, max: 10 }, respondedAt: new Date('2026-11-02T13:30:00Z') },
    ];
    const p = plan({ rules: [rule('rec', { objective: 'detractor_recovery', trigger: { kind: 'feedback_follow_up' }, steps: [{ kind: 'contact', channel: 'phone', content: 'call', purpose: 'service' }] })], feedback, now: new Date('2026-11-02T14:00:00Z') });
    expect(p.contacts.map((c) => [c.occurrence, c.at.toISOString(), c.channel])).toEqual([['follow_up:f1', '2026-11-02T14:00:00.000Z', 'phone']]);
  });
});

describe('waits', () => {
  it('a duration moves the clock from the previous contact', () => {
    const r = rule('w', { steps: [
      { kind: 'contact', channel: 'email', content: 'a', purpose: 'marketing' },
      { kind: 'wait', duration: { amount: 2, unit: 'days' } },
      { kind: 'contact', channel: 'email', content: 'b', purpose: 'marketing' },
    ] });
    const p = plan({ rules: [r], events: [event('c1', '2026-11-02T12:00:00Z')], now: new Date('2026-11-02T12:00:00Z') });
    expect(at(p)).toEqual(['2026-11-02T12:00:00.000Z', '2026-11-04T12:00:00.000Z']);
  });

  it('wait until the next allowed local time and weekday', () => {
    const r = rule('w', { steps: [{ kind: 'wait_until', localTime: '10:00', weekdays: ['monday'] }, { kind: 'contact', channel: 'email', content: 'a', purpose: 'marketing' }] });
    const p = plan({ rules: [r], events: [event('c1', '2026-11-01T12:00:00Z')], now: new Date('2026-11-01T12:00:00Z') });
    // Sunday 1 Nov 09:00 local → Monday 2 Nov 10:00 local = 13:00Z.
    expect(at(p)).toEqual(['2026-11-02T13:00:00.000Z']);
  });

  it('a step beyond the horizon stays in the state for the next run', () => {
    const r = rule('w', { steps: [
      { kind: 'contact', channel: 'email', content: 'a', purpose: 'marketing' },
      { kind: 'wait', duration: { amount: 10, unit: 'days' } },
      { kind: 'contact', channel: 'email', content: 'b', purpose: 'marketing' },
    ] });
    const p = plan({ rules: [r], events: [event('c1', '2026-11-02T12:00:00Z')], now: new Date('2026-11-02T12:00:00Z') });
    expect(at(p)).toEqual(['2026-11-02T12:00:00.000Z']);
    expect(p.state.journeys).toMatchObject([{ status: 'active', nextStep: 2, nextAt: '2026-11-12T12:00:00.000Z' }]);
    const later = plan({ rules: [r], now: new Date('2026-11-12T11:00:00Z'), state: p.state, history: p.contacts });
    expect(at(later)).toEqual(['2026-11-12T12:00:00.000Z']);
    expect(later.contacts[0]?.stepIndex).toBe(2);
  });
});

describe('local times in other zones', () => {
  it('a half-hour zone: Asia/Kolkata is UTC+05:30', () => {
    const c = customer('c1', { timeZone: 'Asia/Kolkata' });
    const p = plan({ rules: [rule('r', { trigger: { kind: 'schedule', every: 'daily', atLocalTime: '09:00' } })], customers: [c], now: new Date('2026-11-02T00:00:00Z'), horizon: { amount: 1, unit: 'days' }, since: new Date('2026-11-02T00:00:00Z') });
    // 2 Nov 09:00 IST = 03:30Z.
    expect(p.contacts.map((x) => [x.at.toISOString(), x.localTime])).toEqual([['2026-11-02T03:30:00.000Z', '2026-11-02T09:00:00.000+05:30']]);
  });

  it('New York on the day DST ends: 09:00 EST', () => {
    const c = customer('c1', { timeZone: 'America/New_York' });
    const p = plan({ rules: [rule('r', { trigger: { kind: 'schedule', every: 'daily', atLocalTime: '09:00' } })], customers: [c], now: new Date('2026-10-31T12:00:00Z'), horizon: { amount: 2, unit: 'days' }, since: new Date('2026-10-31T12:00:00Z') });
    // 31 Oct 09:00 EDT (UTC−4) = 13:00Z; 1 Nov 09:00 EST (UTC−5, after 02:00 fell back) = 14:00Z.
    expect(p.contacts.map((x) => x.localTime)).toEqual(['2026-10-31T09:00:00.000-04:00', '2026-11-01T09:00:00.000-05:00']);
    expect(p.contacts.map((x) => x.at.toISOString())).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z']);
  });
});

