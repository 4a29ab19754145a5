import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import { canContact, CHANNELS, type Consent, type CustomerRecord } from '../../src/model/index.js';
import {
  BRAZIL_AREA_CODES,
  cnpjCheckDigits,
  cpfCheckDigits,
  dataQualityReport,
  emailMatchKey,
  evaluateDuplicatePairs,
  formatCnpj,
  formatCpf,
  generateCnpjs,
  generateCpfs,
  isValidCnpj,
  isValidCpf,
  jaroWinkler,
  matchRecords,
  mergeRecords,
  normalizeCep,
  normalizeCnpj,
  normalizeCpf,
  normalizeEmail,
  normalizePersonName,
  normalizePhone,
  personNameKey,
  phoneticKeyPt,
  resolveIdentities,
} from '../../src/identity/index.js';

const runs = { numRuns: 200 };

describe('normalisation is idempotent', () => {
  it('e-mail: normalising the normalised address changes nothing, and the key is its own key', () => {
    const messy = fc
      .tuple(fc.emailAddress(), fc.constantFrom('', ' ', '  ', '\u00a0'), fc.boolean())
      .map(([e, pad, upper]) => `${pad}${upper ? e.toUpperCase() : e}${pad}`);
    fc.assert(
      fc.property(messy, (raw) => {
        const n = normalizeEmail(raw);
        if (!n.valid) return;
        const again = normalizeEmail(n.address);
        expect(again).toEqual(n);
        expect(emailMatchKey(n.matchKey)).toBe(n.matchKey);
      }),
      runs,
    );
  });

  it('phone: the E.164 result normalises to itself, whatever the default country', () => {
    const br = fc.tuple(fc.constantFrom(...BRAZIL_AREA_CODES), fc.boolean(), fc.stringMatching(/^\d{8}$/)).map(([ddd, mobile, rest]) =>
      mobile ? `(${ddd}) 9${rest.slice(0, 4)}-${rest.slice(4)}` : `${ddd} ${2 + (Number(rest[0]) % 4)}${rest.slice(1, 4)}-${rest.slice(4)}`,
    );
    const any = fc.oneof(br, fc.stringMatching(/^[+\d ()-]{0,20}$/));
    fc.assert(
      fc.property(any, fc.constantFrom('BR', 'PT', 'US') as fc.Arbitrary<'BR' | 'PT' | 'US'>, (raw, country) => {
        const n = normalizePhone(raw, { defaultCountry: country });
        if (!n.valid) return;
        expect(n.e164).toMatch(/^\+[1-9]\d{7,14}$/);
        for (const c of ['BR', 'PT', 'US'] as const) {
          const again = normalizePhone(n.e164, { defaultCountry: c });
          expect(again.valid && again.e164).toBe(n.e164);
        }
      }),
      runs,
    );
  });

  it('names, name keys, phonetic keys and CEPs', () => {
    const nameish = fc.array(fc.constantFrom('ana', 'DA', 'souza', 'JOÃO', ' ', '  ', 'de', 'o’neil', 'maria-luísa', 'ii', 'É', 'ç', 'x', '.', ','), { maxLength: 8 }).map((a) => a.join(' '));
    fc.assert(
      fc.property(fc.oneof(nameish, fc.string()), (raw) => {
        const n = normalizePersonName(raw);
        expect(normalizePersonName(n)).toBe(n);
        const k = personNameKey(raw);
        expect(personNameKey(k)).toBe(k);
        expect(personNameKey(n)).toBe(k);
        expect(phoneticKeyPt(n)).toBe(phoneticKeyPt(raw));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}-?\d{3}$/), (raw) => {
        const c = normalizeCep(raw);
        if (c !== undefined) expect(normalizeCep(c)).toBe(c);
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[\d. -]{11,16}$/), fc.stringMatching(/^[\dA-Za-z./ -]{14,20}$/), (cpfRaw, cnpjRaw) => {
        const cpf = normalizeCpf(cpfRaw);
        if (cpf !== undefined) expect(normalizeCpf(formatCpf(cpf))).toBe(cpf);
        const cnpj = normalizeCnpj(cnpjRaw);
        if (cnpj !== undefined) expect(normalizeCnpj(formatCnpj(cnpj))).toBe(cnpj);
      }),
      runs,
    );
  });
});

describe('CPF and CNPJ generators and validators agree', () => {
  it('every generated document is valid, and changing a check digit makes it invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (seed, alnum) => {
        for (const cpf of generateCpfs(seed, 3)) {
          expect(isValidCpf(cpf)).toBe(true);
          expect(isValidCpf(formatCpf(cpf))).toBe(true);
          expect(cpfCheckDigits(cpf.slice(0, 9))).toBe(cpf.slice(9));
          const wrong = `${cpf.slice(0, 10)}${(Number(cpf[10]) + 1) % 10}`;
          expect(isValidCpf(wrong)).toBe(false);
        }
        for (const cnpj of generateCnpjs(seed, 3, { alphanumeric: alnum })) {
          expect(isValidCnpj(cnpj)).toBe(true);
          expect(isValidCnpj(formatCnpj(cnpj).toLowerCase())).toBe(true);
          expect(cnpjCheckDigits(cnpj.slice(0, 12))).toBe(cnpj.slice(12));
          const wrong = `${cnpj.slice(0, 12)}${(Number(cnpj[12]) + 1) % 10}${cnpj[13]}`;
          expect(isValidCnpj(wrong)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('any base completed with its check digits validates (unless all digits are equal)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^[0-9A-Z]{12}$/), (cpfBase, cnpjBase) => {
        expect(isValidCpf(cpfBase + cpfCheckDigits(cpfBase))).toBe(!/^(\d)\1{8}$/.test(cpfBase));
        const full = cnpjBase + cnpjCheckDigits(cnpjBase);
        expect(isValidCnpj(full)).toBe(!/^(\d)\1{13}$/.test(full));
      }),
      runs,
    );
  });
});

describe('Jaro–Winkler', () => {
  it('is symmetric, in [0, 1], and 1 exactly for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a === b) expect(s).toBe(1);
        else expect(s).toBeLessThan(1);
      }),
      runs,
    );
  });
});

// Records of a few people, written in varied ways: the inputs of the merge and matching properties.
const PEOPLE = [
  { name: 'Ana Paula Souza', email: 'ana.souza@gmail.com', phone: '(11) 91234-5678', cpf: '529.982.247-25', birthday: '1990-04-12', cep: '01310-100' },
  { name: 'Bruno Lima', email: 'bruno.lima@hotmail.com', phone: '(21) 3456-7890', cpf: '111.444.777-35', birthday: '1985-10-01', cep: '22041-001' },
  { name: 'Carla Dias', email: 'carla@uol.com.br', phone: '(31) 99876-5432', cpf: undefined, birthday: '1979-02-28', cep: '30140-071' },
];
const SOURCES = ['ecommerce', 'store', 'app', 'crm_import'];

const consentArb: fc.Arbitrary<Consent> = fc.record({
  channel: fc.constantFrom<Consent['channel']>('email', 'sms', 'whatsapp', 'all'),
  purpose: fc.constantFrom<Consent['purpose']>('marketing', 'research', 'all'),
  status: fc.constantFrom<Consent['status']>('granted', 'denied', 'revoked'),
  legalBasis: fc.constant<Consent['legalBasis']>('consent'),
  recordedAt: fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
  source: fc.constantFrom('web', 'store', 'sac'),
});

const recordArb = (id: number): fc.Arbitrary<CustomerRecord> =>
  fc
    .record({
      who: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
      source: fc.constantFrom(...SOURCES),
      day: fc.integer({ min: 0, max: 5 }),
      upper: fc.boolean(),
      drop: fc.subarray(['email', 'phone', 'cpf', 'birthday', 'cep'] as const),
      consents: fc.array(consentArb, { maxLength: 3 }),
    })
    .map(({ who, source, day, upper, drop, consents }) => {
      const p = PEOPLE[who] as (typeof PEOPLE)[number];
      const r: CustomerRecord = {
        recordId: `${source}:${id}`,
        source,
        updatedAt: new Date(Date.UTC(2026, 0, 1 + day)),
        fullName: upper ? p.name.toUpperCase() : p.name,
      };
      if (!drop.includes('email')) r.email = p.email;
      if (!drop.includes('phone')) r.phone = p.phone;
      if (!drop.includes('cpf') && p.cpf !== undefined) r.cpf = p.cpf;
      if (!drop.includes('birthday')) r.birthday = p.birthday;
      if (!drop.includes('cep')) r.postalCode = p.cep;
      if (consents.length > 0) r.consents = consents;
      return r;
    });
const batchArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(i))));

describe('merge and resolution are independent of input order', () => {
  it('resolveIdentities gives the same customers for any permutation', () => {
    fc.assert(
      fc.property(
        batchArb.chain((batch) => fc.tuple(fc.constant(batch), fc.shuffledSubarray(batch, { minLength: batch.length, maxLength: batch.length }))),
        ([batch, shuffled]) => {
          const a = resolveIdentities(batch);
          const b = resolveIdentities(shuffled);
          expect(JSON.stringify(b.customers)).toBe(JSON.stringify(a.customers));
          expect(b.assignments).toEqual(a.assignments);
          expect(JSON.stringify(mergeRecords(shuffled))).toBe(JSON.stringify(mergeRecords(batch)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('consents are merged conservatively', () => {
  it('a merged customer never has a granted consent that any of its records revoked later', () => {
    fc.assert(
      fc.property(batchArb, fc.integer({ min: 0, max: 25 }), (batch, atDay) => {
        const golden = mergeRecords(batch).customer;
        const at = new Date(Date.UTC(2026, 0, 1 + atDay));
        const all = batch.flatMap((r) => r.consents ?? []);
        for (const channel of ['email', 'sms', 'whatsapp'] as const) {
          for (const purpose of ['marketing', 'research'] as const) {
            const p = canContact(golden.consents ?? [], { channel, purpose, at });
            if (!p.allowed) continue;
            const grantTime = p.decidedBy?.recordedAt.getTime() ?? Infinity;
            // No record refuses this channel and purpose at or after the deciding grant, up to `at`.
            const refusedLater = all.some(
              (c) =>
                c.status !== 'granted' &&
                (c.channel === channel || c.channel === 'all') &&
                (c.purpose === purpose || c.purpose === 'all') &&
                c.recordedAt.getTime() >= grantTime &&
                c.recordedAt.getTime() <= at.getTime(),
            );
            expect(refusedLater).toBe(false);
          }
        }
        // And every event of every record is kept (proof of consent).
        expect((golden.consents ?? []).length).toBeLessThanOrEqual(all.length);
        for (const c of all) {
          expect(golden.consents?.some((g) => g.recordedAt.getTime() === c.recordedAt.getTime() && g.status === c.status && g.channel === c.channel && g.purpose === c.purpose)).toBe(true);
        }
      }),
      runs,
    );
  });
});

describe('pair evaluation', () => {
  it('equals brute-force pair counting', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { maxLength: 30 }), (rows) => {
        const pred: Record<string, string> = {};
        const truth: Record<string, string> = {};
        rows.forEach(([p, t], i) => {
          pred[`r${i}`] = `P${p}`;
          truth[`r${i}`] = `T${t}`;
        });
        let tp = 0;
        let pp = 0;
        let tt = 0;
        for (let i = 0; i < rows.length; i++) {
          for (let j = i + 1; j < rows.length; j++) {
            const sp = pred[`r${i}`] === pred[`r${j}`];
            const st = truth[`r${i}`] === truth[`r${j}`];
            if (sp) pp++;
            if (st) tt++;
            if (sp && st) tp++;
          }
        }
        const m = evaluateDuplicatePairs(pred, truth);
        expect([m.truePositives, m.predictedPairs, m.truePairs]).toEqual([tp, pp, tt]);
      }),
      runs,
    );
  });
});

describe('fuzzing: bad input is a JornadaError or a finding, never a crash', () => {
  const noThrow = (f: () => unknown): void => {
    f();
  };
  const onlyJornada = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      expect(isJornadaError(e)).toBe(true);
      if (isJornadaError(e) && e.code === 'INVALID_INPUT') expect(e.issues.length).toBeGreaterThan(0);
    }
  };

  it('validators and normalisers accept anything', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const s = x as string;
        noThrow(() => normalizeEmail(s));
        noThrow(() => normalizePhone(s));
        noThrow(() => normalizePersonName(s));
        noThrow(() => personNameKey(s));
        noThrow(() => phoneticKeyPt(s));
        noThrow(() => normalizeCep(s));
        expect(typeof isValidCpf(x)).toBe('boolean');
        expect(typeof isValidCnpj(x)).toBe('boolean');
        onlyJornada(() => formatCpf(s));
        onlyJornada(() => formatCnpj(s));
        onlyJornada(() => cpfCheckDigits(s));
        onlyJornada(() => cnpjCheckDigits(s));
      }),
      runs,
    );
  });

  it('batch functions reject malformed records with paths and carry on', () => {
    const looseRecord = fc.oneof(
      fc.anything(),
      fc.record(
        {
          recordId: fc.oneof(fc.string(), fc.integer()),
          source: fc.oneof(fc.string(), fc.constant(undefined)),
          updatedAt: fc.oneof(fc.date(), fc.string(), fc.constant(new Date(NaN))),
          fullName: fc.oneof(fc.string(), fc.integer()),
          email: fc.string(),
          phone: fc.string(),
          cpf: fc.string(),
          birthday: fc.string(),
          consents: fc.oneof(fc.array(fc.anything(), { maxLength: 2 }), fc.array(consentArb, { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(looseRecord, { maxLength: 6 }), (batch) => {
        const r = resolveIdentities(batch as CustomerRecord[]);
        for (const rej of r.rejected) {
          expect(rej.issues.length).toBeGreaterThan(0);
          expect(rej.issues[0]?.path[0]).toBe(rej.index);
        }
        const kept = Object.keys(r.assignments).length;
        expect(kept + r.rejected.length).toBe(batch.length);
        noThrow(() => matchRecords(batch as CustomerRecord[]));
        noThrow(() => dataQualityReport(batch as CustomerRecord[], { asOf: new Date('2026-01-01T00:00:00Z') }));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.anything(), (x) => {
        onlyJornada(() => matchRecords(x as CustomerRecord[]));
        onlyJornada(() => resolveIdentities(x as CustomerRecord[], { maxClusterSize: x as number }));
      }),
      runs,
    );
  });

  it('CHANNELS used by the consent arbitrary exist', () => {
    expect(CHANNELS).toContain('whatsapp');
  });
});
