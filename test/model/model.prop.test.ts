import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  canContact,
  interactionFromSegmentTrack,
  interactionToSegmentTrack,
  isJornadaError,
  parseAccount,
  parseConsent,
  parseCustomer,
  parseCustomerRecord,
  parseFeedbackResponse,
  parseInteraction,
  parseOrder,
  parseSubscription,
  safeParseAccount,
  safeParseConsent,
  safeParseCustomer,
  safeParseCustomerRecord,
  safeParseFeedbackResponse,
  safeParseInteraction,
  safeParseOrder,
  safeParseSubscription,
  TOUCHPOINT_KINDS,
  type Consent,
  type Interaction,
  type JsonValue,
} from '../../src/model/index.js';

const parsers = [
  ['customer', parseCustomer, safeParseCustomer],
  ['customer record', parseCustomerRecord, safeParseCustomerRecord],
  ['consent', parseConsent, safeParseConsent],
  ['account', parseAccount, safeParseAccount],
  ['order', parseOrder, safeParseOrder],
  ['subscription', parseSubscription, safeParseSubscription],
  ['interaction', parseInteraction, safeParseInteraction],
  ['feedback response', parseFeedbackResponse, safeParseFeedbackResponse],
] as const;

// Arbitrary input: any JSON, any JS value, and objects whose keys are the schemas' own field names with
// random values (to reach the refinements, not only the first type check).
const fieldNames = ['id', 'customerId', 'createdAt', 'placedAt', 'status', 'currency', 'total', 'items', 'kind', 'score', 'scale', 'channel', 'purpose',
  'legalBasis', 'recordedAt', 'source', 'event', 'direction', 'timestamp', 'properties', 'birthday', 'documents', 'period', 'startedAt', 'cancelledAt',
  'drivers', 'expectations', 'recordId', 'updatedAt', '__proto__', 'constructor'];
const anyInput = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.jsonValue(), fc.date({ noInvalidDate: false }), fc.anything()), { maxKeys: 12 }),
);

describe('parse entry points under fuzzing', () => {
  for (const [what, parse, safeParse] of parsers) {
    it(`safeParse (${what}) never throws and parse throws only JornadaError with paths`, () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const r = safeParse(input);
          if (!r.success) {
            expect(isJornadaError(r.error)).toBe(true);
            expect(r.error.issues.length).toBeGreaterThan(0);
            for (const issue of r.error.issues) expect(Array.isArray(issue.path)).toBe(true);
          }
          try {
            parse(input);
          } catch (e) {
            expect(isJornadaError(e)).toBe(true);
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('a throwing getter in the input is reported, not propagated', () => {
    const hostile = { id: 'c', get createdAt(): string { throw new Error('boom'); } };
    const r = safeParseCustomer(hostile);
    expect(r.success).toBe(false);
  });
});

const hasProtoKey = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (Object.prototype.hasOwnProperty.call(v, '__proto__') || Object.values(v).some(hasProtoKey));
// JSON values without the `__proto__` key, which the schemas refuse on purpose (tested in schemas.test.ts).
const jsonValue: fc.Arbitrary<JsonValue> = (fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>).filter((v) => !hasProtoKey(v));
const idArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const interactionArb: fc.Arbitrary<Interaction> = fc
  .record({
    id: idArb,
    customerId: optional(idArb),
    anonymousId: optional(idArb),
    timestamp: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
    event: fc.string({ minLength: 1, maxLength: 30 }),
    channel: optional(fc.constantFrom(...CHANNELS)),
    touchpoint: optional(fc.constantFrom(...TOUCHPOINT_KINDS)),
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    campaign: optional(fc.record({ name: optional(fc.string()), source: optional(fc.string()), medium: optional(fc.string()), term: optional(fc.string()), content: optional(fc.string()) })),
    properties: optional(fc.dictionary(fc.string({ maxLength: 10 }).filter((k) => k !== 'jornada' && k !== '__proto__'), jsonValue, { minKeys: 1, maxKeys: 5 })),
  })
  .filter((i) => i.customerId !== undefined || i.anonymousId !== undefined)
  .map((i) => {
    // exactOptionalPropertyTypes: absent keys are absent, not undefined.
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(i)) {
      if (v === undefined) continue;
      if (k === 'campaign') {
        const c = Object.fromEntries(Object.entries(v as object).filter(([, x]) => x !== undefined));
        clean[k] = c;
      } else clean[k] = v;
    }
    return clean as unknown as Interaction;
  });

describe('Segment track conversion', () => {
  it('is lossless: interaction → track → interaction gives the same interaction', () => {
    fc.assert(
      fc.property(interactionArb, (interaction) => {
        const message = interactionToSegmentTrack(interaction);
        expect(message.type).toBe('track');
        expect(message.messageId).toBe(interaction.id);
        // In memory, exactly; through JSON (as Segment carries it), exactly too once the properties are
        // JSON values as a store would hold them (JSON has no -0).
        expect(interactionFromSegmentTrack(message)).toEqual(interaction);
        const stored = { ...interaction, ...(interaction.properties ? { properties: JSON.parse(JSON.stringify(interaction.properties)) } : {}) };
        expect(interactionFromSegmentTrack(JSON.parse(JSON.stringify(interactionToSegmentTrack(stored))))).toEqual(stored);
      }),
      { numRuns: 500 },
    );
  });

  it('fromSegmentTrack throws only JornadaError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constant('track'), messageId: idArb, event: fc.string(), timestamp: fc.string(), properties: fc.dictionary(fc.string(), fc.anything()) })), (m) => {
        try {
          interactionFromSegmentTrack(m);
        } catch (e) {
          expect(isJornadaError(e)).toBe(true);
        }
      }),
    );
  });
});

describe('canContact properties', () => {
  const consentArb: fc.Arbitrary<Consent> = fc.record({
    channel: fc.constantFrom('email' as const, 'sms' as const, 'all' as const),
    purpose: fc.constantFrom('marketing' as const, 'all' as const),
    status: fc.constantFrom('granted' as const, 'denied' as const, 'revoked' as const),
    legalBasis: fc.constant('consent' as const),
    recordedAt: fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
    source: fc.constant('test'),
  });
  const at = new Date(Date.UTC(2026, 0, 15));

  it('does not depend on the order of the log', () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 12 }), fc.integer(), (log, seed) => {
        const shuffled = [...log].sort((a, b) => ((a.recordedAt.getTime() * 31 + seed) % 7) - ((b.recordedAt.getTime() * 31 + seed) % 7));
        const q = { channel: 'email' as const, purpose: 'marketing' as const, at };
        const a = canContact(log, q);
        const b = canContact(shuffled, q);
        expect(a.allowed).toBe(b.allowed);
        expect(a.reason).toBe(b.reason);
      }),
    );
  });

  it('never allows when a refusal covering the query is at least as recent as every grant', () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 12 }), (log) => {
        const q = { channel: 'email' as const, purpose: 'marketing' as const, at };
        const covering = log.filter((c) => c.recordedAt <= at && (c.channel === 'email' || c.channel === 'all'));
        const lastRefusal = Math.max(-Infinity, ...covering.filter((c) => c.status !== 'granted').map((c) => c.recordedAt.getTime()));
        const lastGrant = Math.max(-Infinity, ...covering.filter((c) => c.status === 'granted').map((c) => c.recordedAt.getTime()));
        if (lastRefusal >= lastGrant && lastRefusal > -Infinity) expect(canContact(log, q).allowed).toBe(false);
        if (lastGrant > lastRefusal) expect(canContact(log, q).allowed).toBe(true);
      }),
    );
  });
});
