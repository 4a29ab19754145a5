// parseCustomer (zod schema + refinements) beside a hand-written shape check of the same 100k objects.
// The hand check tests types and the E.164 / e-mail patterns only; it is the floor of what validation costs.
import { parseCustomer } from '../src/model/index.js';
import { report, time } from './harness.js';

const N = 100_000;
const zones = ['America/Sao_Paulo', 'America/Manaus', 'Europe/Lisbon', 'America/New_York'];
const inputs = Array.from({ length: N }, (_, i) => ({
  id: `c-${i}`,
  firstName: `Nome${i % 997}`,
  lastName: `Sobrenome${i % 331}`,
  email: `cliente${i}@example.com.br`,
  phone: `+55119${String(10_000_000 + i).padStart(8, '0')}`,
  phoneCountry: 'BR',
  birthday: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
  timeZone: zones[i % zones.length],
  locale: 'pt-BR',
  createdAt: `2025-0${1 + (i % 9)}-0${1 + (i % 9)}T12:00:00-03:00`,
  consents: [{ channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: '2025-01-01T12:00:00Z', source: 'signup' }],
  traits: { pets: i % 3, vip: i % 10 === 0 },
}));

const E164 = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function handCheck(x: (typeof inputs)[number]): boolean {
  if (typeof x.id !== 'string' || x.id.length === 0) return false;
  if (typeof x.email !== 'string' || !EMAIL.test(x.email)) return false;
  if (typeof x.phone !== 'string' || !E164.test(x.phone)) return false;
  const created = new Date(x.createdAt);
  if (Number.isNaN(created.getTime())) return false;
  if (!Array.isArray(x.consents)) return false;
  for (const c of x.consents) if (typeof c.channel !== 'string' || Number.isNaN(new Date(c.recordedAt).getTime())) return false;
  return typeof x.traits === 'object';
}

const timings = [
  time('hand-written shape check (baseline)', () => {
    let ok = 0;
    for (const x of inputs) if (handCheck(x)) ok++;
    return ok;
  }),
  time('parseCustomer (zod schema, full rules)', () => {
    let ok = 0;
    for (const x of inputs) if (parseCustomer(x).id) ok++;
    return ok;
  }, { warmup: 1, repeat: 3 }),
];
report(`Validating ${N.toLocaleString('en-US')} customers`, timings);
const per = (timings[1]?.medianMs ?? NaN) / N * 1000;
console.log(`  parseCustomer: ${per.toFixed(2)} µs per customer (${Math.round(N / ((timings[1]?.medianMs ?? NaN) / 1000)).toLocaleString('en-US')} customers/s)`);
