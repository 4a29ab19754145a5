import { describe, expect, it } from 'vitest';
import { canContact, type Consent } from '../../src/model/index.js';
import { dataQualityReport, mergeConsentLogs, mergeRecords, resolveIdentities } from '../../src/identity/index.js';
import { isJornadaErrorLike, rec } from './helpers.js';

const consent = (status: Consent['status'], iso: string, source = 'web', channel: Consent['channel'] = 'email'): Consent => ({
  channel, purpose: 'marketing', status, legalBasis: 'consent', recordedAt: new Date(iso), source,
});

describe('mergeRecords', () => {
  const records = [
    rec('web:1', { fullName: 'ana souza', email: 'ana@gmail.com', phone: '(11) 91234-5678', birthday: '1990-04-12', postalCode: '01310-100', city: 'São Paulo', state: 'SP' }, 0),
    rec('pos:2', { source: 'store', fullName: 'Ana Souza', email: 'ana.souza@hotmail.com', birthday: '1990-04-12', cpf: '529.982.247-25' }, 10),
    rec('app:3', { source: 'app', fullName: 'Ana Sousa', phone: '(11) 3456-7890', birthday: '1990-12-04', postalCode: '22041-001', city: 'Rio de Janeiro', state: 'RJ', cpf: 'não tem' }, 20),
  ];

  it('keeps the most frequent name and birthday, the most recent e-mail, phone and address, and unites the rest', () => {
    const g = mergeRecords(records);
    expect(g.customer).toMatchObject({
      id: 'cust:app:3',
      firstName: 'Ana',
      lastName: 'Souza', // 2 of 3 records
      email: 'ana.souza@hotmail.com', // the newest record with an e-mail (day 10)
      phone: '+551134567890', // the newest record with a phone (day 20)
      phoneCountry: 'BR',
      birthday: { year: 1990, month: 4, day: 12 }, // 2 of 3
      addresses: [{ postalCode: '22041-001', city: 'Rio de Janeiro', state: 'RJ', country: 'BR' }],
      documents: [{ type: 'cpf', value: '52998224725', country: 'BR' }],
      createdAt: new Date('2026-01-01T00:00:00Z'),
      source: 'web',
    });
    expect(g.customer.contactPoints).toEqual([
      { kind: 'email', value: 'ana@gmail.com' },
      { kind: 'phone', value: '+5511912345678', country: 'BR' },
    ]);
    expect(g.customer.externalIds).toEqual([
      { id: 'app:3', type: 'app' },
      { id: 'pos:2', type: 'store' },
      { id: 'web:1', type: 'web' },
    ]);
    expect(g.recordIds).toEqual(['app:3', 'pos:2', 'web:1']);
    const from = Object.fromEntries(g.lineage.map((l) => [l.field, l.recordId]));
    expect(from).toMatchObject({ email: 'pos:2', phone: 'app:3', 'addresses.0': 'app:3', 'documents.0': 'pos:2', createdAt: 'web:1', 'contactPoints.0': 'web:1' });
    expect(g.lineage.find((l) => l.field === 'lastName')).toMatchObject({ rule: 'most_frequent', candidates: 3, distinctValues: 2 });
  });

  it('follows source priority and other rules when asked', () => {
    const g = mergeRecords(records, { sourcePriority: ['web', 'store'], rules: { email: 'source_priority', phone: 'source_priority', address: 'source_priority', name: 'most_recent' } });
    expect(g.customer.email).toBe('ana@gmail.com');
    expect(g.customer.phone).toBe('+5511912345678');
    expect(g.customer.addresses?.[0]?.city).toBe('São Paulo');
    expect(g.customer.lastName).toBe('Sousa');
    expect(g.customer.id).toBe('cust:app:3');
    expect(mergeRecords(records, { customerId: 'C-1' }).customer.id).toBe('C-1');
  });

  it('ignores empty, invalid and placeholder values', () => {
    const g = mergeRecords([
      rec('a', { fullName: '  ', email: 'teste@teste.com', phone: '(11) 0000-0000' }, 5),
      rec('b', { fullName: 'Bruno Lima', email: 'bruno@', phone: '(11) 3456-7890' }, 1),
    ]);
    expect(g.customer.name).toBe('Bruno Lima');
    expect(g.customer.email).toBeUndefined();
    expect(g.customer.phone).toBe('+551134567890');
  });

  it('checks its input and options', () => {
    try {
      mergeRecords([]);
      expect.unreachable();
    } catch (e) {
      expect(isJornadaErrorLike(e, 'EMPTY_INPUT')).toBe(true);
    }
    expect(() => mergeRecords(records, { rules: { email: 'newest' as never } })).toThrow();
  });
});

describe('consents', () => {
  it('lets a revocation in one source override an earlier grant in another', () => {
    const merged = mergeConsentLogs([
      [consent('granted', '2026-01-01T00:00:00Z', 'web')],
      [consent('revoked', '2026-02-01T00:00:00Z', 'sac', 'all')],
    ]);
    expect(canContact(merged, { channel: 'email', purpose: 'marketing', at: new Date('2026-03-01T00:00:00Z') })).toMatchObject({ allowed: false, reason: 'revoked' });
    // Before the revocation the grant held.
    expect(canContact(merged, { channel: 'email', purpose: 'marketing', at: new Date('2026-01-15T00:00:00Z') }).allowed).toBe(true);
  });

  it('keeps every event once, ordered, refusals after grants at one instant', () => {
    const same = '2026-01-01T00:00:00Z';
    const merged = mergeConsentLogs([[consent('revoked', same, 'a'), consent('granted', same, 'a')], [consent('granted', same, 'a')], undefined]);
    expect(merged.map((c) => c.status)).toEqual(['granted', 'revoked']);
    expect(canContact(merged, { channel: 'email', purpose: 'marketing', at: new Date(same) }).allowed).toBe(false);
  });
});

describe('resolveIdentities and dataQualityReport', () => {
  const batch = [
    rec('web:1', { fullName: 'Ana Souza', cpf: '529.982.247-25', email: 'ana@gmail.com', consents: [consent('granted', '2026-01-01T00:00:00Z')] }, 0),
    rec('pos:7', { source: 'store', fullName: 'ANA SOUZA', cpf: '52998224725', phone: '11 91234-5678', consents: [consent('revoked', '2026-02-01T00:00:00Z', 'store')] }, 40),
    rec('app:3', { source: 'app', fullName: 'Bruno Lima', email: 'teste@teste.com', birthday: '2030-01-01' }, 100),
    rec('app:4', { source: 'app', fullName: 'Carla Dias', email: 'carla@', phone: '(11) 1234-5678' }, 500),
  ];

  it('resolves to golden customers with stable ids', () => {
    const r = resolveIdentities(batch);
    expect(r.customers.map((g) => g.customer.id)).toEqual(['cust:app:3', 'cust:app:4', 'cust:pos:7']);
    expect(r.assignments).toEqual({ 'web:1': 'cust:pos:7', 'pos:7': 'cust:pos:7', 'app:3': 'cust:app:3', 'app:4': 'cust:app:4' });
    const ana = r.customers[2]?.customer;
    expect(ana?.consents?.map((c) => c.status)).toEqual(['granted', 'revoked']);
    expect(canContact(ana?.consents ?? [], { channel: 'email', purpose: 'marketing', at: new Date('2026-06-01T00:00:00Z') }).allowed).toBe(false);
    // A previous run's ids survive, and merged ids are reported.
    const again = resolveIdentities(batch, { previousAssignments: { 'web:1': 'C-9', 'pos:7': 'C-2', 'app:3': 'C-5' } });
    expect(again.assignments['web:1']).toBe('C-2');
    expect(again.supersededIds).toEqual([{ id: 'C-9', by: 'C-2' }]);
    expect(again.assignments['app:4']).toBe('cust:app:4');
  });

  it('reports completeness, validity, findings and freshness', () => {
    const asOf = new Date('2027-01-01T00:00:00Z');
    const resolution = resolveIdentities(batch);
    const q = dataQualityReport([...batch, { recordId: 'bad' } as never], { asOf, resolution, staleAfterDays: 365 });
    expect(q.records).toBe(4);
    expect(q.malformedRecords).toBe(1);
    const email = q.fields.find((f) => f.field === 'email');
    // 3 of 4 records have an e-mail; only ana@gmail.com is usable (teste@teste.com placeholder, carla@ invalid).
    expect(email).toMatchObject({ present: 3, valid: 1, invalid: 2, completeness: 0.75 });
    expect(email?.validity).toBeCloseTo(1 / 3, 12);
    expect(q.fields.find((f) => f.field === 'cpf')).toMatchObject({ present: 2, valid: 2, validity: 1 });
    expect(q.findings.map((f) => `${f.recordId}.${f.field}:${f.code}`)).toEqual([
      'app:3.birthday:future', 'app:3.email:placeholder', 'app:4.email:invalid', 'app:4.phone:invalid', 'app:4.updatedAt:future', 'bad.source:malformed_record', 'bad.updatedAt:malformed_record',
    ]);
    // Ages at 2027-01-01 of records dated 2026-01-01 + 0, 40, 100, 500 days: 365, 325, 265, -135 (future).
    expect(q.freshness).toMatchObject({ futureDated: 1, staleRecords: 0, medianAgeDays: 325 });
    expect(q.duplicates).toMatchObject({ customers: 3, clustersWithDuplicates: 1, duplicateRecords: 1, largestCluster: 2 });
    expect(q.findingCounts['email:placeholder']).toBe(1);
    expect(() => dataQualityReport(batch, { asOf: new Date(NaN) })).toThrow();
  });
});
