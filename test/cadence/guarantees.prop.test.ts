// The planner's guarantees, over thousands of random scenarios: consent, caps in every window (history
// plus plan), quiet hours and weekdays in local time — around DST changes in America/New_York,
// Europe/Lisbon and Brazil's pre-2019 DST in America/Sao_Paulo, and in half-hour Asia/Kolkata — checked
// with an independent reading of local time (Intl.DateTimeFormat parts, not @date-fns/tz);
// determinism; re-running with the plan in the history plans nothing twice; unique idempotency keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planContacts,
  type CadenceFrequencyCap,
  type CadencePlannedContact,
  type CadencePolicy,
  type CadenceRule,
  type CadenceSentContact,
  type PlanContactsInput,
} from '../../src/cadence/index.js';
import { canContact, type Channel, type Consent, type Customer } from '../../src/model/index.js';

const ZONES = ['America/New_York', 'Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Kolkata', 'UTC'] as const;
// Instants next to DST changes (and one ordinary day): the planner's "now" is drawn around them.
const ANCHORS = [
  '2026-03-08T07:00:00Z', // New York springs forward at 02:00 local
  '2026-11-01T06:00:00Z', // New York falls back at 02:00 local
  '2026-03-29T01:00:00Z', // Lisbon springs forward at 01:00 UTC
  '2026-10-25T01:00:00Z', // Lisbon falls back at 01:00 UTC
  '2018-11-04T03:00:00Z', // São Paulo DST started at 00:00 local (clocks to 01:00)
  '2019-02-17T02:00:00Z', // São Paulo DST ended at 00:00 local (clocks back to 23:00)
  '2026-06-15T12:00:00Z',
].map((s) => Date.parse(s));
const CHANNELS: Channel[] = ['email', 'sms', 'whatsapp', 'push'];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const HOUR = 3_600_000;

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const capArb: fc.Arbitrary<Omit<CadenceFrequencyCap, 'id'>> = fc.record(
  {
    limit: fc.integer({ min: 0, max: 3 }),
    window: fc.oneof(
      fc.record({ kind: fc.constant('rolling' as const), amount: fc.integer({ min: 1, max: 72 }), unit: fc.constant('hours' as const) }),
      fc.record({ kind: fc.constant('rolling' as const), amount: fc.integer({ min: 1, max: 3 }), unit: fc.constant('days' as const) }),
      fc.record({ kind: fc.constant('calendar' as const), unit: fc.constantFrom('day' as const, 'week' as const, 'month' as const) }),
    ),
    channel: fc.constantFrom(...CHANNELS),
    objective: fc.constantFrom('nurture' as const, 'delight' as const),
  },
  { requiredKeys: ['limit', 'window'] },
);

const policyArb: fc.Arbitrary<CadencePolicy> = fc
  .record({
    caps: fc.array(capArb, { maxLength: 3 }),
    quiet: fc.array(fc.record({ from: hhmm, to: hhmm, channels: fc.option(fc.subarray(CHANNELS, { minLength: 1 }), { nil: undefined }) }), { maxLength: 2 }),
    weekdays: fc.option(fc.subarray([...WEEKDAY_NAMES], { minLength: 1 }), { nil: undefined }),
    blocked: fc.oneof(fc.constant({ kind: 'drop' as const }), fc.constant({ kind: 'defer' as const }), fc.record({ kind: fc.constant('defer' as const), maxHours: fc.integer({ min: 0, max: 48 }) })),
    bypassCaps: fc.boolean(),
    bypassQuiet: fc.boolean(),
    fallback: fc.constantFrom(...ZONES),
  })
  .map((p) => {
    const policy: CadencePolicy = {
      version: 1,
      fallbackTimeZone: p.fallback,
      caps: p.caps.map((c, i) => ({ ...c, id: `cap${i}` })),
      quietHours: p.quiet.filter((q) => q.from !== q.to).map((q) => (q.channels === undefined ? { from: q.from, to: q.to } : { from: q.from, to: q.to, channels: q.channels })),
      blocked: p.blocked,
      transactional: { bypassCaps: p.bypassCaps, bypassQuietHours: p.bypassQuiet },
    };
    if (p.weekdays !== undefined) policy.allowedWeekdays = p.weekdays;
    return policy;
  });

const stepsArb = fc.array(
  fc.record({
    wait: fc.integer({ min: 0, max: 40 }),
    channel: fc.constantFrom(...CHANNELS),
    fallback: fc.subarray(CHANNELS),
    transactional: fc.boolean(),
    bypass: fc.boolean(),
  }),
  { minLength: 1, maxLength: 3 },
);

const ruleArb = (i: number): fc.Arbitrary<CadenceRule> =>
  fc
    .record({
      priority: fc.integer({ min: 0, max: 3 }),
      objective: fc.constantFrom('nurture' as const, 'delight' as const, 'transactional' as const),
      trigger: fc.oneof(fc.constant({ kind: 'event' as const, event: 'Go' }), fc.record({ kind: fc.constant('schedule' as const), every: fc.constant('daily' as const), atLocalTime: hhmm })),
      steps: stepsArb,
      holdout: fc.constantFrom(0, 0, 0.3),
    })
    .map((r) => ({
      version: 1,
      id: `r${i}`,
      name: `rule ${i}`,
      objective: r.objective,
      priority: r.priority,
      trigger: r.trigger,
      steps: r.steps.flatMap((s) => [
        ...(s.wait > 0 ? [{ kind: 'wait' as const, duration: { amount: s.wait, unit: 'hours' as const } }] : []),
        {
          kind: 'contact' as const,
          channel: s.channel,
          fallbackChannels: s.fallback.filter((c) => c !== s.channel),
          content: `c${i}`,
          purpose: s.transactional ? ('transactional' as const) : ('marketing' as const),
          ...(s.transactional ? { countsTowardCaps: !s.bypass, bypassQuietHours: s.bypass } : {}),
        },
      ]),
      reEligibility: { kind: 'always' as const },
      holdoutShare: r.holdout,
    }));

const scenarioArb = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    shiftHours: fc.integer({ min: -60, max: 60 }),
    horizonHours: fc.integer({ min: 1, max: 96 }),
    policy: policyArb,
    rules: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(i)))),
    customers: fc.array(
      fc.record({
        zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
        consents: fc.array(fc.record({ channel: fc.constantFrom<Channel | 'all'>(...CHANNELS, 'all'), status: fc.constantFrom('granted' as const, 'revoked' as const), ago: fc.integer({ min: -48, max: 500 }) }), { maxLength: 4 }),
        history: fc.array(fc.record({ channel: fc.constantFrom(...CHANNELS), ago: fc.integer({ min: 0, max: 24 * 20 }), objective: fc.constantFrom('nurture' as const, 'delight' as const) }), { maxLength: 4 }),
        events: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((s) => {
    const now = s.anchor + s.shiftHours * HOUR;
    const customers: Customer[] = [];
    const history: CadenceSentContact[] = [];
    const events: PlanContactsInput['events'] = [];
    s.customers.forEach((c, k) => {
      const id = `c${k}`;
      const consents: Consent[] = c.consents.map((x) => ({ channel: x.channel, purpose: 'marketing', status: x.status, legalBasis: 'consent', recordedAt: new Date(now - x.ago * HOUR), source: 'prop' }));
      const cu: Customer = { id, createdAt: new Date(now - 1000 * HOUR), email: `${id}@example.com`, phone: '+5511912345678', consents };
      if (c.zone !== undefined) cu.timeZone = c.zone;
      customers.push(cu);
      for (const h of c.history) history.push({ customerId: id, channel: h.channel, at: new Date(now - h.ago * HOUR), objective: h.objective });
      c.events.forEach((ago, j) => (events as unknown[]).push({ id: `e${k}-${j}`, customerId: id, event: 'Go', direction: 'inbound', timestamp: new Date(now - ago * HOUR) }));
    });
    const input: PlanContactsInput = { rules: s.rules, policy: s.policy, customers, history, events, now: new Date(now), horizon: { amount: s.horizonHours, unit: 'hours' } };
    return input;
  });

// Independent local-time reader: Intl.DateTimeFormat parts.
const formatters = new Map<string, Intl.DateTimeFormat>();
function local(t: number, zone: string): { y: number; m: number; d: number; minute: number; weekday: number } {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return {
    y: Number(parts['year']),
    m: Number(parts['month']),
    d: Number(parts['day']),
    minute: Number(parts['hour']) * 60 + Number(parts['minute']),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(String(parts['weekday'])),
  };
}
const minutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

function stepOf(input: PlanContactsInput, c: CadencePlannedContact) {
  const rule = input.rules.find((r) => r.id === c.ruleId) as CadenceRule;
  const step = rule.steps[c.stepIndex];
  if (step?.kind !== 'contact') throw new Error('not a contact step');
  return step;
}

/** Period key of an instant for a calendar cap, from the Intl reading (week: Monday start, by day serial). */
function periodKey(t: number, zone: string, unit: 'day' | 'week' | 'month'): string {
  const l = local(t, zone);
  if (unit === 'month') return `${l.y}-${l.m}`;
  const serial = Date.UTC(l.y, l.m - 1, l.d) / 86_400_000;
  if (unit === 'day') return String(serial);
  return String(serial - ((l.weekday + 6) % 7));
}

const RUNS = 1500;

describe('planContacts guarantees', () => {
  it('never plans a marketing contact without consent for that channel and purpose', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const plan = planContacts(input);
        for (const c of plan.contacts) {
          if (c.purpose !== 'marketing') continue;
          const cu = (input.customers as Customer[]).find((x) => x.id === c.customerId) as Customer;
          expect(canContact(cu.consents ?? [], { channel: c.channel, purpose: 'marketing', at: c.at }).allowed).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never exceeds a cap in any window, counting history plus plan', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const plan = planContacts(input);
        const zoneOf = (id: string) => (input.customers as Customer[]).find((x) => x.id === id)?.timeZone ?? input.policy.fallbackTimeZone;
        for (const cap of input.policy.caps ?? []) {
          const applies = (ch: Channel, objective: string | undefined) => (cap.channel === undefined || cap.channel === ch) && (cap.objective === undefined || cap.objective === objective);
          for (const cu of input.customers as Customer[]) {
            const entries = [
              ...(input.history as CadenceSentContact[]).filter((h) => h.customerId === cu.id && applies(h.channel, h.objective)).map((h) => ({ at: h.at.getTime(), planned: false })),
              ...plan.contacts.filter((c) => c.customerId === cu.id && c.countsTowardCaps && applies(c.channel, c.objective)).map((c) => ({ at: c.at.getTime(), planned: true })),
            ].sort((a, b) => a.at - b.at);
            if (cap.window.kind === 'rolling') {
              const w = cap.window.amount * (cap.window.unit === 'hours' ? HOUR : 24 * HOUR);
              // Every window [a, a + w) that starts at an entry and holds a planned contact.
              for (let i = 0; i < entries.length; i++) {
                const a = (entries[i] as { at: number }).at;
                const inside = entries.filter((e) => e.at >= a && e.at < a + w);
                if (inside.some((e) => e.planned)) expect(inside.length).toBeLessThanOrEqual(cap.limit);
              }
              // And windows that end just after a planned contact (starting between entries).
              for (const p of entries.filter((e) => e.planned)) {
                const inside = entries.filter((e) => e.at > p.at - w && e.at <= p.at);
                expect(inside.length).toBeLessThanOrEqual(cap.limit);
              }
            } else {
              const unit = cap.window.unit;
              const zone = zoneOf(cu.id);
              const counts = new Map<string, { n: number; planned: boolean }>();
              for (const e of entries) {
                const k = periodKey(e.at, zone, unit);
                const cur = counts.get(k) ?? { n: 0, planned: false };
                counts.set(k, { n: cur.n + 1, planned: cur.planned || e.planned });
              }
              for (const v of counts.values()) if (v.planned) expect(v.n).toBeLessThanOrEqual(cap.limit);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never plans inside quiet hours or on a disallowed weekday, in local time (DST and half-hour zones included)', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const plan = planContacts(input);
        for (const c of plan.contacts) {
          const step = stepOf(input, c);
          const bypass = step.purpose === 'transactional' && step.bypassQuietHours === true && input.policy.transactional?.bypassQuietHours === true;
          if (bypass) continue;
          const cu = (input.customers as Customer[]).find((x) => x.id === c.customerId) as Customer;
          const l = local(c.at.getTime(), cu.timeZone ?? input.policy.fallbackTimeZone);
          for (const q of input.policy.quietHours ?? []) {
            if (q.channels !== undefined && !q.channels.includes(c.channel)) continue;
            const from = minutes(q.from);
            const to = minutes(q.to);
            const quiet = from < to ? l.minute >= from && l.minute < to : l.minute >= from || l.minute < to;
            expect(quiet, `${c.at.toISOString()} in ${q.from}–${q.to}`).toBe(false);
          }
          if (input.policy.allowedWeekdays !== undefined) expect(input.policy.allowedWeekdays).toContain(WEEKDAY_NAMES[l.weekday]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic, keys are unique, and a re-run with the plan in the history plans nothing twice', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const a = planContacts(input);
        const b = planContacts(input);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const keys = a.contacts.map((c) => c.idempotencyKey);
        expect(new Set(keys).size).toBe(keys.length);
        const again = planContacts({ ...input, history: [...(input.history as CadenceSentContact[]), ...a.contacts] });
        const first = new Set(keys);
        expect(again.contacts.filter((c) => first.has(c.idempotencyKey))).toEqual([]);
        const next = planContacts({ ...input, history: [...(input.history as CadenceSentContact[]), ...a.contacts], state: a.state, now: new Date(input.now.getTime() + HOUR) });
        expect(next.contacts.filter((c) => first.has(c.idempotencyKey))).toEqual([]);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
