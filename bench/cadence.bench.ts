// Cadence planner: 100,000 customers × 20 rules × a 7-day horizon, beside a floor — a hand-written loop
// that evaluates the same 20 audience predicates (as plain JavaScript expressions) for the same
// customer × rule pairs. The planner does much more (trigger occurrences in each customer's zone,
// consent, caps, quiet hours, journey state), so the ratio says what that costs over the bare
// audience test. A second floor adds building an output of the same size and shapes as the plan's
// (the part no planner avoids). Then one run over 1,000,000 customers, reporting peak memory.
//
// Customers and profiles are built synthetically here (seeded), with the profile facts the audiences
// read; building profiles is not part of the timing (pass `profiles` to planContacts, as a production
// job that keeps profiles would).
import { createRandom } from '../src/core/random.js';
import { planContacts, type CadencePolicy, type CadenceRule } from '../src/cadence/index.js';
import type { Customer, Interaction } from '../src/model/index.js';
import type { ConditionDocument, CustomerProfile } from '../src/segments/index.js';
import { peakMemoryMiB, report, time } from './harness.js';

const DAY = 86_400_000;
const now = new Date('2026-11-01T12:00:00Z');
const zones = ['America/Sao_Paulo', 'America/Manaus', 'America/Recife', 'America/Cuiaba', 'America/Rio_Branco'];
const channels = ['email', 'sms', 'whatsapp', 'push'] as const;

function population(n: number, seed: number): { customers: Customer[]; profiles: CustomerProfile[]; events: Interaction[] } {
  const rng = createRandom(seed);
  const customers: Customer[] = new Array(n);
  const profiles: CustomerProfile[] = new Array(n);
  const events: Interaction[] = [];
  const consentAt = new Date('2024-01-01T00:00:00Z');
  const grants = channels.map((ch) => ({ channel: ch, purpose: 'marketing' as const, status: 'granted' as const, legalBasis: 'consent' as const, recordedAt: consentAt, source: 'bench' }));
  for (let i = 0; i < n; i++) {
    const id = `c${i}`;
    const createdAt = new Date(now.getTime() - rng.int(1, 900) * DAY);
    const frequency = rng.int(0, 12);
    const last = frequency > 0 ? new Date(now.getTime() - rng.int(1, 200) * DAY - rng.int(0, 86_399) * 1000) : undefined;
    const c: Customer = { id, createdAt, email: `${id}@example.com`, phone: '+5511912345678', timeZone: zones[i % zones.length] as string, consents: grants.filter(() => rng.chance(0.7)), birthday: { month: rng.int(1, 12), day: rng.int(1, 28) } };
    customers[i] = c;
    const monetary = frequency * rng.int(40, 300);
    const p = {
      customerId: id, createdAt, tenureDays: Math.floor((now.getTime() - createdAt.getTime()) / DAY), bond: 'non_contractual', accountRoles: [], traits: { tier: rng.pick(['bronze', 'silver', 'gold']) },
      hasEmail: true, hasPhone: true, marketingChannels: [], researchChannels: [], frequency, monetary, ordersLast30Days: rng.int(0, 2), ordersLast90Days: rng.int(0, 4), ordersLast365Days: frequency,
      revenueLast90Days: 0, revenueLast365Days: monetary, interactionsLast30Days: rng.int(0, 10), interactionsLast90Days: 0, inboundInteractionsLast30Days: 0, subscriptionStatus: rng.chance(0.2) ? 'active' : 'none',
      activeSubscriptions: 0, orders: [], interactions: [], feedback: [], state: rng.pick(['SP', 'RJ', 'MG', 'AM']),
    } as unknown as CustomerProfile;
    if (last !== undefined) {
      p.lastOrderAt = last;
      p.firstOrderAt = new Date(last.getTime() - 100 * DAY);
      p.recencyDays = Math.floor((now.getTime() - last.getTime()) / DAY);
    }
    profiles[i] = p;
    if (rng.chance(0.05)) events.push({ id: `e${i}`, customerId: id, event: rng.pick(['Order Completed', 'Signed Up', 'Cart Abandoned']), direction: 'inbound', timestamp: new Date(now.getTime() - rng.int(0, 20) * 3_600_000) });
  }
  return { customers, profiles, events };
}

// Twenty audiences, as condition documents and as hand-written predicates (the floor).
type Hand = (p: CustomerProfile) => boolean;
const tier = (p: CustomerProfile): unknown => p.traits['tier'];
const audiences: Array<[ConditionDocument['condition'], Hand]> = [
  [{ fact: 'frequency', op: 'gte', value: 1 }, (p) => p.frequency >= 1],
  [{ fact: 'monetary', op: 'gte', value: 500 }, (p) => p.monetary >= 500],
  [{ all: [{ fact: 'frequency', op: 'gte', value: 2 }, { fact: 'state', op: 'eq', value: 'SP' }] }, (p) => p.frequency >= 2 && p.state === 'SP'],
  [{ fact: ['traits', 'tier'], op: 'in', value: ['gold', 'silver'] }, (p) => tier(p) === 'gold' || tier(p) === 'silver'],
  [{ fact: 'recencyDays', op: 'gte', value: 60 }, (p) => p.recencyDays !== undefined && p.recencyDays >= 60],
  [{ any: [{ fact: 'ordersLast90Days', op: 'gte', value: 2 }, { fact: 'monetary', op: 'gt', value: 1000 }] }, (p) => p.ordersLast90Days >= 2 || p.monetary > 1000],
  [{ fact: 'subscriptionStatus', op: 'eq', value: 'active' }, (p) => p.subscriptionStatus === 'active'],
  [{ not: { fact: 'subscriptionStatus', op: 'eq', value: 'active' } }, (p) => p.subscriptionStatus !== 'active'],
  [{ fact: 'tenureDays', op: 'lt', value: 30 }, (p) => p.tenureDays < 30],
  [{ fact: 'interactionsLast30Days', op: 'gte', value: 3 }, (p) => p.interactionsLast30Days >= 3],
];
for (let k = audiences.length; k < 20; k++) audiences.push(audiences[k % 10] as [ConditionDocument['condition'], Hand]);

const triggers: CadenceRule['trigger'][] = [
  { kind: 'event', event: 'Order Completed' },
  { kind: 'event', event: 'Signed Up' },
  { kind: 'event', event: 'Cart Abandoned' },
  { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' },
  { kind: 'customer_date', date: 'after_last_purchase', days: 30 },
  { kind: 'inactivity', days: 90 },
  { kind: 'calendar', occasion: 'br.black_friday', offsetDays: -25 },
  { kind: 'schedule', every: 'weekly', weekdays: ['tuesday'], atLocalTime: '11:00' },
  { kind: 'customer_date', date: 'signup_anniversary' },
  { kind: 'customer_date', date: 'first_purchase_anniversary' },
];
const rules: CadenceRule[] = audiences.map(([condition], k) => ({
  version: 1,
  id: `rule-${String(k).padStart(2, '0')}`,
  name: `Rule ${k}`,
  objective: (['nurture', 'delight', 'reactivation', 'cross_sell', 'onboarding'] as const)[k % 5] as CadenceRule['objective'],
  priority: k % 7,
  audience: { version: 1, condition },
  trigger: triggers[k % triggers.length] as CadenceRule['trigger'],
  steps: [
    { kind: 'contact', channel: channels[k % 4] as 'email', fallbackChannels: ['email'].filter((c) => c !== channels[k % 4]) as ['email'], content: `t${k}`, purpose: 'marketing' },
    { kind: 'wait', duration: { amount: 2, unit: 'days' } },
    { kind: 'contact', channel: 'email', content: `t${k}b`, purpose: 'marketing' },
  ],
  reEligibility: { kind: 'after', duration: { amount: 30, unit: 'days' } },
  holdoutShare: 0.1,
}));
const policy: CadencePolicy = {
  version: 1,
  fallbackTimeZone: 'America/Sao_Paulo',
  caps: [
    { id: 'week', limit: 3, window: { kind: 'calendar', unit: 'week' } },
    { id: 'day', limit: 1, window: { kind: 'rolling', amount: 24, unit: 'hours' } },
    { id: 'whatsapp', limit: 1, channel: 'whatsapp', window: { kind: 'calendar', unit: 'week' } },
  ],
  quietHours: [{ from: '21:00', to: '08:00' }],
  blocked: { kind: 'defer', maxHours: 48 },
};

// The 100,000-customer comparison in a block, so its population is garbage before the next run.
const horizon = { amount: 7, unit: 'days' } as const;
{
  const N = 100_000;
  const { customers, profiles, events } = population(N, 2026);
  let planned = 0;
  const plan = time('planContacts (20 rules, 7 days)', () => {
    const p = planContacts({ rules, policy, customers, profiles, events, now, horizon });
    planned = p.contacts.length;
    return p;
  }, { warmup: 1, repeat: 3 });
  const asOf = now;
  const hands = audiences.map(([, h]) => h);
  const floor = time('floor: hand-written audience predicates', () => {
    let n = 0;
    for (let i = 0; i < profiles.length; i++) {
      const p = profiles[i] as CustomerProfile;
      for (let k = 0; k < hands.length; k++) if ((hands[k] as Hand)(p)) n++;
    }
    return n + asOf.getTime();
  }, { warmup: 2, repeat: 5 });
  // A second floor: the same predicates, plus building records of the same shapes and number as the
  // plan's output (contacts, suppressed decisions, journey records: new objects, new Dates, new
  // arrays; texts reused). What any planner returning this output pays at least, garbage collection
  // included.
  const sample = planContacts({ rules, policy, customers, profiles, events, now, horizon });
  const outputFloor = time('floor: predicates + building the same output', () => {
    let n = 0;
    for (let i = 0; i < profiles.length; i++) {
      const p = profiles[i] as CustomerProfile;
      for (let k = 0; k < hands.length; k++) if ((hands[k] as Hand)(p)) n++;
    }
    const contacts = sample.contacts.map((c) => ({ ...c, at: new Date(c.at.getTime()), tags: [...c.tags], reasons: [...c.reasons] }));
    const suppressed = sample.suppressed.map((d) => ({ ...d, at: new Date(d.at.getTime()) }));
    const journeys = sample.state.journeys.map((j) => ({ ...j }));
    return n + contacts.length + suppressed.length + journeys.length;
  }, { warmup: 1, repeat: 5 });
  report(
    `Cadence planner, ${N.toLocaleString('en-US')} customers × ${rules.length} rules × 7 days (${planned.toLocaleString('en-US')} contacts, ${sample.suppressed.length.toLocaleString('en-US')} suppressed decisions, ${sample.state.journeys.length.toLocaleString('en-US')} journey records)`,
    [floor, outputFloor, plan],
  );
  console.log(`  planContacts ×${(plan.medianMs / outputFloor.medianMs).toFixed(2)} of the output floor`);
}

// One million customers in one run.
const M = 1_000_000;
const big = population(M, 7);
const t0 = performance.now();
const bigPlan = planContacts({ rules, policy, customers: big.customers, profiles: big.profiles, events: big.events, now, horizon });
const ms = performance.now() - t0;
console.log(`\n1,000,000 customers in one run: ${(ms / 1000).toFixed(1)} s, ${bigPlan.contacts.length.toLocaleString('en-US')} contacts, ${bigPlan.suppressed.length.toLocaleString('en-US')} suppressed decisions; peak memory ${peakMemoryMiB().toFixed(0)} MiB`);
