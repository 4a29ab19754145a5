import type { CadencePolicy, CadenceRule } from '../../src/cadence/index.js';
import type { Channel, Consent, Customer } from '../../src/model/index.js';

export const SP = 'America/Sao_Paulo';

export function grant(channel: Channel | 'all', at = '2020-01-01T00:00:00Z', purpose: Consent['purpose'] = 'marketing'): Consent {
  return { channel, purpose, status: 'granted', legalBasis: 'consent', recordedAt: new Date(at), source: 'test' };
}

export function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return {
    id,
    createdAt: new Date('2024-01-01T12:00:00Z'),
    email: `${id}@example.com`,
    phone: '+5511912345678',
    timeZone: SP,
    consents: [grant('all')],
    ...extra,
  };
}

export function rule(id: string, extra: Partial<CadenceRule> = {}): CadenceRule {
  return {
    version: 1,
    id,
    name: id,
    objective: 'nurture',
    priority: 10,
    trigger: { kind: 'event', event: 'Go' },
    steps: [{ kind: 'contact', channel: 'email', content: `${id}-1`, purpose: 'marketing' }],
    reEligibility: { kind: 'always' },
    ...extra,
  };
}

export function policy(extra: Partial<CadencePolicy> = {}): CadencePolicy {
  return { version: 1, fallbackTimeZone: SP, ...extra };
}

export function event(customerId: string, at: string, name = 'Go', id = `e-${customerId}-${at}`) {
  return { id, customerId, event: name, direction: 'inbound' as const, timestamp: new Date(at) };
}
