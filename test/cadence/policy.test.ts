// Example-based tests of the policy: caps in each window kind, quiet hours, weekdays, blocked-contact
// handling, consent and fallback channels, suppression, transactional bypass, competing rules,
// holdout, re-eligibility, exit goals, concurrency, idempotency and validation. Expected instants are
// hand-worked (São Paulo is UTC−3).
import { describe, expect, it } from 'vitest';
import {
  explainCadenceCustomer,
  parseCadencePolicy,
  parseCadenceRule,
  parseCadenceRules,
  planContacts,
  safeParseCadencePolicy,
  safeParseCadenceRule,
  simulateCadence,
  type CadenceJourneyState,
  type PlanContactsInput,
} from '../../src/cadence/index.js';
import { isJornadaError } from '../../src/core/errors.js';
import { customer, event, grant, policy, rule } from './helpers.js';

function plan(extra: Partial<PlanContactsInput> & Pick<PlanContactsInput, 'rules' | 'now'>) {
  return planContacts({ policy: policy(), customers: [customer('c1')], horizon: { amount: 7, unit: 'days' }, ...extra });
}
const at = (p: ReturnType<typeof plan>) => p.contacts.map((c) => c.at.toISOString());
const NOW = new Date('2026-11-02T12:00:00Z'); // Monday 09:00 local
const go = [event('c1', '2026-11-02T12:00:00Z')];

describe('caps', () => {
  it('rolling window: deferred until the earlier contact leaves the window', () => {
    const p = plan({
      rules: [rule('r')], events: go, now: NOW,
      policy: policy({ caps: [{ id: 'one-a-day', limit: 1, window: { kind: 'rolling', amount: 24, unit: 'hours' } }] }),
      history: [{ customerId: 'c1', channel: 'sms', at: new Date('2026-11-02T02:00:00Z') }],
    });
    // History at 02:00Z; the window [02:00Z, 02:00Z + 24 h) holds it → next allowed 3 Nov 02:00Z.
    expect(at(p)).toEqual(['2026-11-03T02:00:00.000Z']);
    expect(p.contacts[0]?.reasons.some((r) => r.includes('cap one-a-day'))).toBe(true);
  });

  it('calendar day in the recipient zone: next local midnight', () => {
    const p = plan({
      rules: [rule('r')], events: go, now: NOW,
      policy: policy({ caps: [{ id: 'day', limit: 1, window: { kind: 'calendar', unit: 'day' } }] }),
      history: [{ customerId: 'c1', channel: 'sms', at: new Date('2026-11-02T04:00:00Z') }], // 01:00 local, same local day
    });
    // Next local day starts 3 Nov 00:00 local = 03:00Z.
    expect(at(p)).toEqual(['2026-11-03T03:00:00.000Z']);
  });

  it('calendar week (Monday start) and month', () => {
    const week = plan({
      rules: [rule('r')], events: go, now: NOW,
      policy: policy({ caps: [{ id: 'wk', limit: 1, window: { kind: 'calendar', unit: 'week' } }] }),
      history: [{ customerId: 'c1', channel: 'email', at: new Date('2026-11-02T04:00:00Z') }],
      horizon: { amount: 8, unit: 'days' },
    });
    // Week of Monday 2 Nov; the next starts Monday 9 Nov 00:00 local = 03:00Z.
    expect(at(week)).toEqual(['2026-11-09T03:00:00.000Z']);
    const month = plan({
      rules: [rule('r')], events: [event('c1', '2026-11-28T12:00:00Z')], now: new Date('2026-11-28T12:00:00Z'),
      policy: policy({ caps: [{ id: 'mo', limit: 1, window: { kind: 'calendar', unit: 'month' } }] }),
      history: [{ customerId: 'c1', channel: 'email', at: new Date('2026-11-05T12:00:00Z') }],
    });
    // November is used up; 1 Dec 00:00 local = 03:00Z.
    expect(at(month)).toEqual(['2026-12-01T03:00:00.000Z']);
  });

  it('caps scoped to a channel, an objective and a tag', () => {
    const base = { rules: [rule('r', { tags: ['promo'] })], events: go, now: NOW, history: [{ customerId: 'c1', channel: 'email' as const, at: new Date('2026-11-02T11:00:00Z'), objective: 'nurture' as const, tags: ['promo'] }] };
    const lim = (scope: object) => plan({ ...base, policy: policy({ blocked: { kind: 'drop' }, caps: [{ id: 'x', limit: 1, window: { kind: 'rolling', amount: 1, unit: 'days' }, ...scope }] }) });
    expect(lim({ channel: 'email' }).suppressed.map((s) => s.capId)).toEqual(['x']);
    expect(lim({ channel: 'sms' }).contacts).toHaveLength(1);
    expect(lim({ objective: 'nurture' }).suppressed.map((s) => s.reason)).toEqual(['cap']);
    expect(lim({ objective: 'delight' }).contacts).toHaveLength(1);
    expect(lim({ tag: 'promo' }).suppressed.map((s) => s.reason)).toEqual(['cap']);
    expect(lim({ tag: 'other' }).contacts).toHaveLength(1);
  });

  it('competing rules under one cap: priority, then objective rank, then id', () => {
    const cap = policy({ blocked: { kind: 'drop' }, caps: [{ id: 'day', limit: 1, window: { kind: 'calendar', unit: 'day' } }] });
    const winner = (rules: ReturnType<typeof rule>[]) => plan({ rules, events: go, now: NOW, policy: cap }).contacts.map((c) => c.ruleId);
    expect(winner([rule('a', { priority: 1 }), rule('b', { priority: 5 })])).toEqual(['b']);
    expect(winner([rule('a', { objective: 'nurture' }), rule('b', { objective: 'onboarding' })])).toEqual(['b']);
    expect(winner([rule('b'), rule('a')])).toEqual(['a']);
  });
});

describe('quiet hours, weekdays and blocked contacts', () => {
  const late = [event('c1', '2026-11-03T01:30:00Z')]; // 22:30 local on Monday 2 Nov
  const now = new Date('2026-11-03T01:30:00Z');
  const quiet = { quietHours: [{ from: '21:00', to: '08:00' }] };
  it('defer: to the end of the quiet hours; defer at most N hours; drop', () => {
    expect(at(plan({ rules: [rule('r')], events: late, now, policy: policy({ ...quiet }) }))).toEqual(['2026-11-03T11:00:00.000Z']); // 08:00 local
    const capped = plan({ rules: [rule('r')], events: late, now, policy: policy({ ...quiet, blocked: { kind: 'defer', maxHours: 5 } }) });
    // 22:30 → 08:00 is 9.5 hours > 5.
    expect(capped.contacts).toEqual([]);
    expect(capped.suppressed.map((s) => s.reason)).toEqual(['quiet_hours']);
    // The detail names the first block, the limit and what it counts from (the scheduled 22:30 local).
    expect(capped.suppressed[0]?.detail).toBe('inside quiet hours at 2026-11-02T22:30:00.000-03:00; no allowed moment within 5 hours of the scheduled 2026-11-02T22:30:00.000-03:00');
    const dropped = plan({ rules: [rule('r')], events: late, now, policy: policy({ ...quiet, blocked: { kind: 'drop' } }) });
    expect(dropped.suppressed.map((s) => s.reason)).toEqual(['quiet_hours']);
  });

  it('quiet hours apply per channel; fallback channels are tried', () => {
    const r = rule('r', { steps: [{ kind: 'contact', channel: 'whatsapp', fallbackChannels: ['email'], content: 'x', purpose: 'marketing' }] });
    const p = plan({ rules: [r], events: late, now, policy: policy({ quietHours: [{ channels: ['whatsapp'], from: '21:00', to: '08:00' }] }) });
    expect(p.contacts.map((c) => [c.channel, c.at.toISOString()])).toEqual([['email', '2026-11-03T01:30:00.000Z']]);
  });

  it('allowed weekdays move a Sunday contact to Monday', () => {
    const p = plan({ rules: [rule('r')], events: [event('c1', '2026-11-01T12:00:00Z')], now: new Date('2026-11-01T12:00:00Z'), policy: policy({ allowedWeekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], quietHours: [{ from: '20:00', to: '09:00' }] }) });
    // Sunday 1 Nov → Monday 2 Nov 00:00, in quiet hours until 09:00 local = 12:00Z.
    expect(at(p)).toEqual(['2026-11-02T12:00:00.000Z']);
  });

  it('transactional contacts bypass caps and quiet hours only where the policy flags it', () => {
    const r = rule('t', { objective: 'transactional', steps: [{ kind: 'contact', channel: 'sms', content: 'order', purpose: 'transactional', countsTowardCaps: false, bypassQuietHours: true }] });
    const base = { rules: [r], events: late, now, history: [{ customerId: 'c1', channel: 'sms' as const, at: new Date('2026-11-03T00:00:00Z') }] };
    const strict = { ...quiet, caps: [{ id: 'd', limit: 1, window: { kind: 'rolling' as const, amount: 12, unit: 'hours' as const } }] };
    expect(at(plan({ ...base, policy: policy({ ...strict, transactional: { bypassCaps: true, bypassQuietHours: true } }) }))).toEqual(['2026-11-03T01:30:00.000Z']);
    // Without the flags: quiet until 08:00 local (11:00Z) and the cap clears at 00:00Z + 12 h = 12:00Z.
    expect(at(plan({ ...base, policy: policy(strict) }))).toEqual(['2026-11-03T12:00:00.000Z']);
  });
});

describe('consent, reachability and suppression', () => {
  it('marketing needs a granted consent on the channel; fallback channels in order', () => {
    const c = customer('c1', { consents: [grant('sms')] });
    const r = rule('r', { steps: [{ kind: 'contact', channel: 'email', fallbackChannels: ['whatsapp', 'sms'], content: 'x', purpose: 'marketing' }] });
    const p = plan({ rules: [r], customers: [c], events: go, now: NOW });
    expect(p.contacts.map((x) => x.channel)).toEqual(['sms']);
    const none = plan({ rules: [rule('r')], customers: [customer('c1', { consents: [] })], events: go, now: NOW });
    expect(none.suppressed.map((s) => s.reason)).toEqual(['no_consent']);
    const revoked = customer('c1', { consents: [grant('all'), { ...grant('email'), status: 'revoked', recordedAt: new Date('2026-01-01T00:00:00Z') }] });
    expect(plan({ rules: [rule('r')], customers: [revoked], events: go, now: NOW }).suppressed.map((s) => s.reason)).toEqual(['no_consent']);
  });

  it('no address for the channel: unreachable', () => {
    const c = customer('c1');
    delete c.email;
    expect(plan({ rules: [rule('r')], customers: [c], events: go, now: NOW }).suppressed.map((s) => s.reason)).toEqual(['unreachable']);
  });

  it('the suppression list blocks all but transactional contacts', () => {
    const pol = policy({ suppression: { emails: ['C1@example.com'] } });
    expect(plan({ rules: [rule('r')], events: go, now: NOW, policy: pol }).suppressed.map((s) => s.reason)).toEqual(['suppression_list']);
    const t = rule('t', { steps: [{ kind: 'contact', channel: 'email', content: 'x', purpose: 'transactional' }] });
    expect(plan({ rules: [t], events: go, now: NOW, policy: pol }).contacts).toHaveLength(1);
  });
});

describe('journeys', () => {
  it('holdout: the measured share is close to the configured one', () => {
    const customers = Array.from({ length: 10_000 }, (_, i) => customer(`h${i}`));
    const events = customers.map((c) => event(c.id, '2026-11-02T12:00:00Z'));
    const p = planContacts({ rules: [rule('r', { holdoutShare: 0.2 })], policy: policy(), customers, events, now: NOW, horizon: { amount: 1, unit: 'days' } });
    const held = p.suppressed.filter((s) => s.reason === 'holdout').length;
    // Binomial(10,000, 0.2): sd = √(10,000·0.2·0.8) = 40; allow 5 sd = 200.
    expect(Math.abs(held - 2000)).toBeLessThan(200);
    expect(held + p.contacts.length).toBe(10_000);
    // Stable: the same customers are held out in another run.
    const again = planContacts({ rules: [rule('r', { holdoutShare: 0.2 })], policy: policy(), customers, events, now: NOW, horizon: { amount: 1, unit: 'days' } });
    expect(again.suppressed.map((s) => s.customerId)).toEqual(p.suppressed.map((s) => s.customerId));
  });

  const state = (triggeredAt: string, status: 'completed' | 'active' = 'completed'): CadenceJourneyState => ({
    version: 1, asOf: NOW.toISOString(), segmentMembers: {},
    journeys: [{ ruleId: 'r', customerId: 'c1', occurrence: 'event:old', triggeredAt, status, nextStep: 0, nextAt: triggeredAt }],
  });
  it('re-eligibility: never, after a duration, always', () => {
    const run = (re: ReturnType<typeof rule>['reEligibility'], s: CadenceJourneyState) => plan({ rules: [rule('r', { reEligibility: re })], events: go, now: NOW, state: s, since: new Date('2026-11-02T00:00:00Z') });
    expect(run({ kind: 'never' }, state('2025-01-01T00:00:00Z')).suppressed.map((x) => x.reason)).toEqual(['not_re_eligible']);
    const after = { kind: 'after' as const, duration: { amount: 30, unit: 'days' as const } };
    expect(run(after, state('2026-10-23T12:00:00Z')).suppressed.map((x) => x.reason)).toEqual(['not_re_eligible']); // 10 days ago
    expect(run(after, state('2026-09-23T12:00:00Z')).contacts).toHaveLength(1); // 40 days ago
    expect(run({ kind: 'always' }, state('2026-11-01T12:00:00Z', 'active')).contacts).toHaveLength(2); // the running one and the new one
  });

  it('exit goals: a purchase after entry ends the journey', () => {
    const r = rule('r', { exitGoals: [{ kind: 'purchased' }], steps: [
      { kind: 'contact', channel: 'email', content: 'a', purpose: 'marketing' },
      { kind: 'wait', duration: { amount: 1, unit: 'days' } },
      { kind: 'contact', channel: 'email', content: 'b', purpose: 'marketing' },
    ] });
    const s: CadenceJourneyState = { version: 1, asOf: '2026-11-01T12:00:00.000Z', segmentMembers: {}, journeys: [{ ruleId: 'r', customerId: 'c1', occurrence: 'event:x', triggeredAt: '2026-11-01T12:00:00.000Z', status: 'active', nextStep: 1, nextAt: '2026-11-01T12:00:00.000Z' }] };
    const orders = [{ id: 'o', customerId: 'c1', placedAt: new Date('2026-11-02T10:00:00Z'), status: 'paid' as const, currency: 'BRL', total: 50, items: [] }];
    const p = plan({ rules: [r], now: NOW, state: s, orders });
    expect(p.contacts).toEqual([]);
    expect(p.suppressed.map((x) => [x.reason, x.stepIndex])).toEqual([['exited', 1]]);
    expect(p.state.journeys).toEqual([]);
    const ev = rule('r2', { exitGoals: [{ kind: 'event', event: 'Order Completed' }] });
    const q = plan({ rules: [ev], now: NOW, events: [event('c1', '2026-11-02T11:00:00Z'), event('c1', '2026-11-02T11:30:00Z', 'Order Completed')] });
    expect(q.suppressed.map((x) => x.reason)).toEqual(['exited']);
  });

  it('maximum concurrent journeys: lower-precedence rules wait', () => {
    const long = (id: string, priority: number) => rule(id, { priority, steps: [{ kind: 'wait', duration: { amount: 30, unit: 'days' } }, { kind: 'contact', channel: 'email', content: id, purpose: 'marketing' }] });
    const p = plan({ rules: [long('a', 1), long('b', 2)], events: go, now: NOW, policy: policy({ maxConcurrentJourneys: 1 }) });
    expect(p.state.journeys.map((j) => j.ruleId)).toEqual(['b']);
    expect(p.suppressed.map((s) => [s.ruleId, s.reason])).toEqual([['a', 'max_concurrent_journeys']]);
  });

  it('idempotency: with the plan appended to the history nothing is planned twice', () => {
    const r = rule('r', { steps: [
      { kind: 'contact', channel: 'email', content: 'a', purpose: 'marketing' },
      { kind: 'wait', duration: { amount: 1, unit: 'days' } },
      { kind: 'contact', channel: 'email', content: 'b', purpose: 'marketing' },
    ] });
    const first = plan({ rules: [r], events: go, now: NOW });
    expect(first.contacts).toHaveLength(2);
    const again = plan({ rules: [r], events: go, now: NOW, history: first.contacts });
    expect(again.contacts).toEqual([]);
    const next = plan({ rules: [r], events: go, now: new Date('2026-11-02T13:00:00Z'), history: first.contacts, state: first.state });
    expect(next.contacts).toEqual([]);
  });

  it('idempotency: a state that carries the same journey twice still plans its contact once', () => {
    // A hand-edited or twice-merged state: two identical active journeys at step 0. Both walk to the
    // same idempotency key (rule, customer, occurrence, step); the second finds it planned already.
    const r = rule('r');
    const j = { ruleId: 'r', customerId: 'c1', occurrence: 'event:x', triggeredAt: '2026-11-02T12:00:00.000Z', status: 'active' as const, nextStep: 0, nextAt: '2026-11-02T12:00:00.000Z' };
    const s: CadenceJourneyState = { version: 1, asOf: '2026-11-02T12:00:00.000Z', segmentMembers: {}, journeys: [j, { ...j }] };
    const p = plan({ rules: [r], now: NOW, state: s });
    expect(p.contacts.map((c) => c.idempotencyKey)).toEqual(['r/c1/event%3Ax/0']);
  });
});

describe('validation and broken data', () => {
  it('bad rules and policies: INVALID_RULE with the JSON path', () => {
    const bad = safeParseCadenceRule({ ...rule('r'), audience: { version: 1, condition: { all: [{ fact: 'x', op: 'gte', value: true }] } } });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe('INVALID_RULE');
      expect(bad.error.issues[0]?.path.slice(0, 4)).toEqual(['audience', 'condition', 'all', 0]);
    }
    expect(() => parseCadenceRule({ ...rule('r'), steps: [{ kind: 'wait', duration: { amount: 1, unit: 'days' } }] })).toThrow(/steps/);
    expect(() => parseCadenceRule({ ...rule('r'), steps: [{ kind: 'contact', channel: 'email', content: 'x', purpose: 'marketing', countsTowardCaps: false }] })).toThrow(/countsTowardCaps/);
    try {
      parseCadenceRules([rule('a'), rule('a')]);
      expect.unreachable();
    } catch (e) {
      expect(isJornadaError(e) && e.issues[0]?.path).toEqual([1, 'id']);
    }
    const pol = safeParseCadencePolicy({ version: 1, fallbackTimeZone: 'Mars/Olympus' });
    expect(!pol.success && pol.error.issues[0]?.path).toEqual(['fallbackTimeZone']);
    expect(() => parseCadencePolicy({ version: 1, fallbackTimeZone: 'UTC', consentRequired: { marketing: false } })).toThrow(/consentRequired/);
    expect(() => plan({ rules: [{ ...rule('r'), priority: -1 }], now: NOW })).toThrow(expect.objectContaining({ code: 'INVALID_RULE' }));
  });

  it('a customer with broken data is skipped with a reason; the rest are planned', () => {
    const broken = { ...customer('bad'), timeZone: 'Nowhere/Land' };
    const noDate = { ...customer('nod'), createdAt: new Date('x') };
    const p = plan({ rules: [rule('r')], customers: [broken, noDate, customer('c1')], events: go, now: NOW });
    expect(p.skipped.map((s) => [s.customerId, s.index])).toEqual([['bad', 0], ['nod', 1]]);
    expect(p.contacts.map((c) => c.customerId)).toEqual(['c1']);
    // A record whose properties throw when read (a hostile proxy) is skipped too.
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    const q = plan({ rules: [rule('r')], customers: [hostile as never, customer('c1')], events: go, now: NOW });
    expect(q.skipped.map((s) => [s.customerId, s.reason])).toEqual([['#0', 'the record could not be read (boom)']]);
    expect(q.contacts).toHaveLength(1);
  });

  it('a malformed state is refused with its path', () => {
    const bad = { version: 1 as const, asOf: NOW.toISOString(), segmentMembers: {}, journeys: [{ ruleId: 'r', customerId: 'c1', occurrence: 'x', triggeredAt: 'yesterday', status: 'active' as const, nextStep: 0, nextAt: 'x' }] };
    expect(() => plan({ rules: [rule('r')], now: NOW, state: bad })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', issues: [expect.objectContaining({ path: ['state', 'journeys', 0] })] }));
  });
});

describe('explain and simulate', () => {
  it('explains why each rule did or did not fire', () => {
    const rules = [
      rule('fires'),
      rule('vip-only', { audience: { version: 1, condition: { fact: 'monetary', op: 'gte', value: 1000 } } }),
      rule('quiet', { trigger: { kind: 'event', event: 'Never' } }),
    ];
    const e = explainCadenceCustomer({ rules, policy: policy(), customers: [customer('c1'), customer('c2')], events: go, now: NOW, horizon: { amount: 1, unit: 'days' } }, 'c1');
    expect(e.rules.map((r) => [r.ruleId, r.fired])).toEqual([['fires', true], ['quiet', false], ['vip-only', false]]);
    expect(e.rules[2]?.suppressed[0]?.reason).toBe('not_in_audience');
    expect(e.rules[2]?.audience?.passed).toBe(false);
    expect(e.rules[1]?.notes[0]).toMatch(/no trigger occurrence/);
  });

  it('simulates day by day', () => {
    const sim = simulateCadence({
      rules: [rule('daily', { trigger: { kind: 'schedule', every: 'daily', atLocalTime: '10:00' } })],
      policy: policy({ blocked: { kind: 'drop' }, caps: [{ id: 'wk', limit: 3, window: { kind: 'calendar', unit: 'week' } }] }),
      customers: [customer('c1'), customer('c2', { consents: [] })],
      start: new Date('2026-11-02T03:00:00Z'), days: 7,
    });
    // Monday to Sunday: a daily contact capped at 3 a week, blocked ones dropped → 3 contacts for c1, none for c2 (no consent, 7 times).
    expect(sim.days.map((d) => d.contacts)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(sim.contactsPerCustomer).toEqual({ '3': 1, '0': 1 });
    expect(sim.suppressedByReason).toEqual({ cap: 4, no_consent: 7 });
  });
});
