// Fuzzing of the entry points: any input to the rule and policy parsers gives a typed value or a
// JornadaError INVALID_RULE whose issues carry array paths — never a crash; the planner given junk
// customers skips them with a reason and never throws for them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planContacts, safeParseCadencePolicy, safeParseCadenceRule } from '../../src/cadence/index.js';
import { isJornadaError } from '../../src/core/errors.js';
import { customer, policy, rule } from './helpers.js';

function mutate(base: unknown): fc.Arbitrary<unknown> {
  // Replace one nested value of a valid document with anything.
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]): void => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths), fc.anything()).map(([path, value]) => {
    if (path.length === 0) return value;
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let cur = copy;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    cur[path[path.length - 1] as string | number] = value;
    return copy;
  });
}

const validRule = rule('r', {
  audience: { version: 1, condition: { all: [{ fact: 'frequency', op: 'gte', value: 1 }] } },
  trigger: { kind: 'customer_date', date: 'birthday', offsetDays: -2, atLocalTime: '10:00' },
  steps: [{ kind: 'wait_until', localTime: '09:00', weekdays: ['monday'] }, { kind: 'contact', channel: 'email', fallbackChannels: ['sms'], content: 'x', purpose: 'marketing' }],
  exitGoals: [{ kind: 'purchased' }, { kind: 'condition', condition: { version: 1, condition: { fact: 'recencyDays', op: 'lt', value: 3 } } }],
  reEligibility: { kind: 'after', duration: { amount: 30, unit: 'days' } },
  holdoutShare: 0.1,
});
const validPolicy = policy({
  caps: [{ id: 'a', limit: 2, window: { kind: 'rolling', amount: 24, unit: 'hours' }, channel: 'email' }],
  quietHours: [{ from: '21:00', to: '08:00', channels: ['sms'] }],
  allowedWeekdays: ['monday'],
  blocked: { kind: 'defer', maxHours: 12 },
  suppression: { customerIds: ['x'] },
});

function checkResult(r: { success: boolean; error?: unknown }): void {
  if (r.success) return;
  expect(isJornadaError(r.error)).toBe(true);
  const e = r.error as { code: string; issues: { path: unknown[] }[] };
  expect(e.code).toBe('INVALID_RULE');
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) expect(Array.isArray(i.path)).toBe(true);
}

describe('fuzzing', () => {
  it('rules: anything, and valid rules with one value replaced', () => {
    expect(safeParseCadenceRule(validRule).success).toBe(true);
    fc.assert(fc.property(fc.oneof(fc.anything(), mutate(validRule)), (input) => checkResult(safeParseCadenceRule(input))), { numRuns: 1500 });
  });

  it('policies: anything, and valid policies with one value replaced', () => {
    expect(safeParseCadencePolicy(validPolicy).success).toBe(true);
    fc.assert(fc.property(fc.oneof(fc.anything(), mutate(validPolicy)), (input) => checkResult(safeParseCadencePolicy(input))), { numRuns: 1500 });
  });

  it('junk customers are skipped with a reason, never the whole run', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), mutate(customer('z'))), { maxLength: 4 }), (junk) => {
        const customers = [...(junk as never[]), customer('ok')];
        const p = planContacts({ rules: [rule('r', { trigger: { kind: 'schedule', every: 'daily' } })], policy: policy(), customers, now: new Date('2026-11-02T12:00:00Z'), horizon: { amount: 1, unit: 'days' } });
        expect(p.contacts.some((c) => c.customerId === 'ok')).toBe(true);
        for (const s of p.skipped) expect(s.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
