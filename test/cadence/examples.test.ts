// The @example blocks of the public functions, run as written: their shown results must hold.
import { describe, expect, it } from 'vitest';
import {
  explainCadenceCustomer,
  parseCadencePolicy,
  parseCadenceRule,
  parseCadenceRules,
  safeParseCadencePolicy,
  safeParseCadenceRule,
  simulateCadence,
} from '../../src/cadence/index.js';

describe('documented examples', () => {
  it('parsers', () => {
    const r = safeParseCadenceRule({ version: 1, id: 'x', name: 'X', objective: 'nurture', priority: 1, trigger: { kind: 'inactivity', days: 0 }, steps: [], reEligibility: { kind: 'never' } });
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.error.issues[0]?.path).toEqual(['trigger', 'days']);
    expect(parseCadenceRule({ version: 1, id: 'bday', name: 'Birthday', objective: 'delight', priority: 50, trigger: { kind: 'customer_date', date: 'birthday' }, steps: [{ kind: 'contact', channel: 'email', content: 'bday', purpose: 'marketing' }], reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } } }).trigger.kind).toBe('customer_date');
    expect(parseCadenceRules([])).toEqual([]);
    const p = safeParseCadencePolicy({ version: 1, fallbackTimeZone: 'America/Sao_Paulo', quietHours: [{ from: '22:00', to: '8:00' }] });
    expect(p.success ? undefined : p.error.issues[0]?.path).toEqual(['quietHours', 0, 'to']);
    expect(parseCadencePolicy({ version: 1, fallbackTimeZone: 'America/Sao_Paulo', quietHours: [{ from: '21:00', to: '08:00' }] }).quietHours?.[0]?.from).toBe('21:00');
  });

  it('explainCadenceCustomer', () => {
    const e = explainCadenceCustomer({
      rules: [{ version: 1, id: 'bday', name: 'Birthday', objective: 'delight', priority: 10, trigger: { kind: 'customer_date', date: 'birthday', atLocalTime: '10:00' }, steps: [{ kind: 'contact', channel: 'email', content: 'bday', purpose: 'marketing' }], reEligibility: { kind: 'after', duration: { amount: 300, unit: 'days' } } }],
      policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo' },
      customers: [{ id: 'c-1', email: 'a@example.com', birthday: { month: 11, day: 3 }, createdAt: new Date('2025-01-01T00:00:00Z') }],
      now: new Date('2026-11-01T12:00:00Z'), horizon: { amount: 7, unit: 'days' },
    }, 'c-1');
    expect(e.rules[0]?.suppressed[0]?.reason).toBe('no_consent');
  });

  it('simulateCadence', () => {
    const sim = simulateCadence({
      rules: [{ version: 1, id: 'weekly', name: 'Weekly news', objective: 'nurture', priority: 1, trigger: { kind: 'schedule', every: 'weekly', weekdays: ['tuesday'], atLocalTime: '10:00' }, steps: [{ kind: 'contact', channel: 'push', content: 'news', purpose: 'marketing' }], reEligibility: { kind: 'always' } }],
      policy: { version: 1, fallbackTimeZone: 'America/Sao_Paulo' },
      customers: [{ id: 'c-1', createdAt: new Date('2025-01-01T00:00:00Z'), consents: [{ channel: 'push', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: new Date('2025-01-01T00:00:00Z'), source: 'app' }] }],
      start: new Date('2026-11-01T03:00:00Z'), days: 14,
    });
    // 1 Nov 2026 is a Sunday: Tuesdays 3 and 10 November.
    expect(sim.byRule).toEqual({ weekly: 2 });
  });
});
