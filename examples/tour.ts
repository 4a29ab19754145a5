// The short tour of README.md, kept compiling: `npx tsx examples/tour.ts` runs it.
import { canContact, parseCustomer } from '../src/model/index.js';
import { generateSampleBase } from '../src/sample/index.js';
import { isValidCpf, normalizePhone, resolveIdentities } from '../src/identity/index.js';
import { npsScore } from '../src/metrics/index.js';
import { summarizeTransactions, fitBgNbd, bgNbdProbabilityAlive } from '../src/value/index.js';
import { compileCondition, describeCondition, buildCustomerProfiles, rfmInputsFromOrders, rfmScores, rfmSegments } from '../src/segments/index.js';
import { classifyLifecycle } from '../src/lifecycle/index.js';
import { BR_CALENDAR, nextOccurrence } from '../src/calendar/index.js';
import { planContacts } from '../src/cadence/index.js';

// Model: validate at the edge. Dates come in as Date or ISO-8601 with offset and leave as Date.
const ana = parseCustomer({
  id: 'c-1', firstName: 'Ana', email: 'ana@example.com.br', phone: '+5511912345678',
  birthday: '--05-10', timeZone: 'America/Sao_Paulo', createdAt: '2025-03-02T11:00:00-03:00',
  consents: [{ channel: 'whatsapp', purpose: 'marketing', status: 'granted', legalBasis: 'consent',
               recordedAt: '2025-03-02T14:00:00Z', source: 'checkout' }],
});
const asOf = new Date('2026-11-01T03:00:00Z');
console.log(canContact(ana.consents ?? [], { channel: 'whatsapp', purpose: 'marketing', at: asOf }).allowed); // true

// A seeded synthetic base: a Brazilian pet-supplies retailer.
const base = generateSampleBase({ seed: 42, customers: 2_000, to: asOf });

// Identify: raw source records → one golden customer each.
const phone = normalizePhone('(11) 91234-5678');
console.log(isValidCpf('529.982.247-25'), phone.valid ? phone.e164 : phone.reason); // true '+5511912345678'
const identities = resolveIdentities(base.customerRecords);
console.log(`${base.customerRecords.length} records → ${identities.customers.length} customers`);

// Differentiate: experience, value, segments, stage.
const nps = npsScore(base.feedback.filter((f) => f.kind === 'nps').map((f) => f.score));
console.log(`NPS ${nps.score.toFixed(1)} [${nps.interval.lower.toFixed(1)}, ${nps.interval.upper.toFixed(1)}]`);

const brl = base.orders.filter((o) => o.currency === 'BRL');
const summaries = summarizeTransactions(brl, { asOf, unit: 'weeks', timeZone: 'America/Sao_Paulo' });
const bgnbd = fitBgNbd(summaries.customers, { unit: 'weeks' });
const alive = summaries.customers.filter((c) => bgNbdProbabilityAlive(bgnbd, c) >= 0.5).length;
console.log(`${alive} of ${summaries.customers.length} buyers probably still active (BG/NBD P(alive) ≥ 0.5)`);

const rfm = rfmSegments(rfmScores(rfmInputsFromOrders(brl, asOf)).scores);
console.log(`${rfm.filter((r) => r.segment === 'champions').length} champions`);

const lapsing = { version: 1, condition: { all: [
  { fact: 'frequency', op: 'gte', value: 3 },
  { fact: 'lastOrderAt', op: 'moreThanAgo', amount: 90, unit: 'days' },
] } } as const;
console.log(describeCondition(lapsing, 'pt-BR'));
const isLapsing = compileCondition(lapsing, { timeZone: 'America/Sao_Paulo' });
const profiles = buildCustomerProfiles({ customers: base.customers, orders: base.orders }, { asOf });
console.log(`${profiles.filter((p) => isLapsing(p, asOf)).length} lapsing regulars`);

const stages = classifyLifecycle({ customers: base.customers, orders: base.orders, feedback: base.feedback, subscriptions: base.subscriptions }, { asOf });
console.log(`${stages.filter((s) => s.stage === 'loyalty').length} loyal customers`);

// Interact: the right moment.
const blackFriday = nextOccurrence(BR_CALENDAR, asOf, { timeZone: 'America/Sao_Paulo', ids: ['br.black_friday'] });
console.log(`Black Friday: ${blackFriday?.isoDate}`);

// Interact: a régua — a birthday e-mail at 10:00 in each customer's zone, only with marketing consent,
// never in quiet hours, at most two marketing contacts a week; every decision says why.
const plan = planContacts({
  rules: [{ version: 1, id: 'birthday', name: 'Birthday delight', objective: 'delight', priority: 50,
    trigger: { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' },
    steps: [{ kind: 'contact', channel: 'email', content: 'birthday-card', purpose: 'marketing' }],
    reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } } }],
  policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo', quietHours: [{ from: '21:00', to: '08:00' }],
    caps: [{ id: 'weekly', limit: 2, window: { kind: 'calendar', unit: 'week' } }] },
  customers: base.customers, orders: base.orders, now: asOf, horizon: { amount: 7, unit: 'days' },
});
console.log(`${plan.contacts.length} birthday e-mails planned, ${plan.suppressed.length} held back (${plan.suppressed[0]?.reason})`);
