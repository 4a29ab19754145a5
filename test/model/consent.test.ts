import { describe, expect, it } from 'vitest';
import { canContact, LEGAL_BASES, LEGAL_BASIS_INFO, type Consent } from '../../src/model/index.js';

const t = (iso: string): Date => new Date(iso);
const grant = (recordedAt: string, extra: Partial<Consent> = {}): Consent => ({
  channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent', recordedAt: t(recordedAt), source: 'signup', ...extra,
});
const revoke = (recordedAt: string, extra: Partial<Consent> = {}): Consent => grant(recordedAt, { status: 'revoked', source: 'unsubscribe_link', ...extra });
const ask = { channel: 'email' as const, purpose: 'marketing' as const, at: t('2026-06-01T00:00:00Z') };

describe('canContact', () => {
  it('says no_record when nothing covers the channel and purpose', () => {
    expect(canContact([], ask)).toEqual({ allowed: false, reason: 'no_record' });
    expect(canContact([grant('2026-01-01T00:00:00Z', { channel: 'sms' })], ask).reason).toBe('no_record');
    expect(canContact([grant('2026-01-01T00:00:00Z', { purpose: 'research' })], ask).reason).toBe('no_record');
  });

  it('lets the latest record decide, whatever the input order', () => {
    const log = [revoke('2026-03-01T00:00:00Z'), grant('2026-01-01T00:00:00Z'), grant('2026-04-01T00:00:00Z')];
    expect(canContact(log, ask)).toMatchObject({ allowed: true, reason: 'granted', decidedBy: log[2] });
    expect(canContact([...log].reverse(), ask)).toMatchObject({ allowed: true, decidedBy: log[2] });
  });

  it('never lets an older grant override a revocation', () => {
    const log = [grant('2026-01-01T00:00:00Z'), revoke('2026-02-01T00:00:00Z'), grant('2025-12-01T00:00:00Z')];
    expect(canContact(log, ask)).toMatchObject({ allowed: false, reason: 'revoked' });
  });

  it('lets a refusal win over a grant recorded at the same instant', () => {
    const same = '2026-02-01T00:00:00Z';
    expect(canContact([grant(same), revoke(same)], ask).reason).toBe('revoked');
    expect(canContact([revoke(same), grant(same)], ask).reason).toBe('revoked');
    expect(canContact([grant(same), grant(same, { status: 'denied' })], ask).reason).toBe('denied');
  });

  it('ignores records made after the instant asked about', () => {
    expect(canContact([grant('2026-01-01T00:00:00Z'), revoke('2026-07-01T00:00:00Z')], ask).allowed).toBe(true);
  });

  it('applies a global (channel all, purpose all) revocation to every channel and purpose', () => {
    const log = [grant('2026-01-01T00:00:00Z'), revoke('2026-02-01T00:00:00Z', { channel: 'all', purpose: 'all' })];
    expect(canContact(log, ask).reason).toBe('revoked');
    expect(canContact(log, { ...ask, channel: 'whatsapp', purpose: 'research' }).reason).toBe('revoked');
  });

  it('lets a later specific grant re-open a channel after a global opt-out', () => {
    const log = [revoke('2026-02-01T00:00:00Z', { channel: 'all' }), grant('2026-03-01T00:00:00Z', { channel: 'email' })];
    expect(canContact(log, ask).allowed).toBe(true);
    expect(canContact(log, { ...ask, channel: 'sms' }).reason).toBe('revoked');
  });

  it('treats an expired grant as not allowed, expiry instant included', () => {
    const g = grant('2026-01-01T00:00:00Z', { expiresAt: t('2026-06-01T00:00:00Z') });
    expect(canContact([g], ask)).toMatchObject({ allowed: false, reason: 'expired' });
    expect(canContact([g], { ...ask, at: t('2026-05-31T23:59:59Z') }).allowed).toBe(true);
  });
});

describe('LEGAL_BASIS_INFO', () => {
  it('covers the ten bases of LGPD art. 7 (I–X) once each', () => {
    // Lei 13.709/2018, art. 7, items I to X.
    expect(LEGAL_BASES).toHaveLength(10);
    expect(LEGAL_BASES.map((b) => LEGAL_BASIS_INFO[b].lgpdArticle7)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']);
  });
  it('maps consent, contract, legal obligation and legitimate interest to GDPR art. 6(1)(a), (b), (c), (f)', () => {
    expect(LEGAL_BASIS_INFO.consent.gdprArticle6).toBe('a');
    expect(LEGAL_BASIS_INFO.contract.gdprArticle6).toBe('b');
    expect(LEGAL_BASIS_INFO.legal_obligation.gdprArticle6).toBe('c');
    expect(LEGAL_BASIS_INFO.legitimate_interest.gdprArticle6).toBe('f');
  });
});
