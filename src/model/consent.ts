/**
 * Consent records and the question every contact must answer first: may we reach this customer on
 * this channel for this purpose now?
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import type { SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import { ChannelSchema, InstantSchema, type Channel } from './common.js';
import { decidingConsent } from './consent-decision.js';

/**
 * The legal bases for processing personal data of LGPD art. 7 (Lei 13.709/2018), I to X.
 *
 * @category Consent
 */
export const LEGAL_BASES = [
  'consent',
  'legal_obligation',
  'public_policy',
  'research',
  'contract',
  'exercise_of_rights',
  'protection_of_life',
  'health_protection',
  'legitimate_interest',
  'credit_protection',
] as const;

/**
 * A legal basis of LGPD art. 7; see {@link LEGAL_BASIS_INFO} for the article, the Portuguese name
 * and the GDPR art. 6(1) counterpart.
 *
 * @category Consent
 */
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * What the law says of one legal basis.
 *
 * @category Consent
 */
export interface LegalBasisInfo {
  /** The item of LGPD art. 7 (`I` … `X`). */
  lgpdArticle7: string;
  /** The basis as LGPD names it, in Portuguese. */
  namePt: string;
  /** The basis in English. */
  nameEn: string;
  /**
   * The GDPR art. 6(1) point that serves the same purpose (`a` … `f`), or `null` where the GDPR has
   * no general-purpose counterpart (research and health are special regimes there: art. 89 and art. 9).
   */
  gdprArticle6: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | null;
}

/**
 * The ten LGPD art. 7 legal bases with their GDPR counterparts.
 *
 * @example
 * ```ts
 * LEGAL_BASIS_INFO.contract.gdprArticle6; //=> 'b'
 * LEGAL_BASIS_INFO.credit_protection.lgpdArticle7; //=> 'X'
 * ```
 * @category Consent
 */
export const LEGAL_BASIS_INFO: Readonly<Record<LegalBasis, LegalBasisInfo>> = /* @__PURE__ */ Object.freeze({
  consent: { lgpdArticle7: 'I', namePt: 'consentimento do titular', nameEn: 'consent of the data subject', gdprArticle6: 'a' },
  legal_obligation: { lgpdArticle7: 'II', namePt: 'cumprimento de obrigação legal ou regulatória', nameEn: 'compliance with a legal or regulatory obligation', gdprArticle6: 'c' },
  public_policy: { lgpdArticle7: 'III', namePt: 'execução de políticas públicas pela administração pública', nameEn: 'execution of public policies by the public administration', gdprArticle6: 'e' },
  research: { lgpdArticle7: 'IV', namePt: 'realização de estudos por órgão de pesquisa', nameEn: 'studies by a research body', gdprArticle6: null },
  contract: { lgpdArticle7: 'V', namePt: 'execução de contrato ou de procedimentos preliminares', nameEn: 'performance of a contract or pre-contractual steps', gdprArticle6: 'b' },
  exercise_of_rights: { lgpdArticle7: 'VI', namePt: 'exercício regular de direitos em processo judicial, administrativo ou arbitral', nameEn: 'exercise of rights in judicial, administrative or arbitration proceedings', gdprArticle6: null },
  protection_of_life: { lgpdArticle7: 'VII', namePt: 'proteção da vida ou da incolumidade física', nameEn: 'protection of life or physical safety', gdprArticle6: 'd' },
  health_protection: { lgpdArticle7: 'VIII', namePt: 'tutela da saúde', nameEn: 'protection of health by health professionals or authorities', gdprArticle6: null },
  legitimate_interest: { lgpdArticle7: 'IX', namePt: 'legítimo interesse do controlador ou de terceiro', nameEn: 'legitimate interests of the controller or a third party', gdprArticle6: 'f' },
  credit_protection: { lgpdArticle7: 'X', namePt: 'proteção do crédito', nameEn: 'protection of credit', gdprArticle6: 'f' },
});

/**
 * Purposes a consent may cover. `all` in a record covers every purpose (a global opt-out).
 *
 * @category Consent
 */
export const CONSENT_PURPOSES = ['marketing', 'transactional', 'research', 'service', 'profiling', 'all'] as const;

/**
 * Purpose of a contact or of processing: `marketing`, `transactional` (order and account messages),
 * `research` (surveys such as NPS), `service` (support), `profiling` (automated decisions), or `all`.
 *
 * @category Consent
 */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Status of a consent record. `denied` is a refusal when asked; `revoked` withdraws an earlier grant
 * (LGPD art. 8 §5).
 *
 * @category Consent
 */
export type ConsentStatus = 'granted' | 'denied' | 'revoked';

/**
 * One consent event: what the customer said about one channel and purpose, when, and on what basis.
 * A customer's consents are a log; {@link canContact} reads the log.
 *
 * @example
 * ```ts
 * const c: Consent = {
 *   channel: 'whatsapp', purpose: 'marketing', status: 'granted', legalBasis: 'consent',
 *   recordedAt: new Date('2026-01-10T12:00:00Z'), source: 'checkout',
 * };
 * ```
 * @category Consent
 */
export interface Consent {
  /** The channel it covers, or `all` for every channel. */
  channel: Channel | 'all';
  /** The purpose it covers, or `all`. */
  purpose: ConsentPurpose;
  /** Granted, denied or revoked. */
  status: ConsentStatus;
  /** The LGPD art. 7 basis the processing rests on. */
  legalBasis: LegalBasis;
  /** When the customer said it (an instant). */
  recordedAt: Date;
  /** Where it was recorded: `checkout`, `store`, `unsubscribe_link`, `sac`… */
  source: string;
  /** When a grant stops being valid, if it expires. */
  expiresAt?: Date;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const ConsentShape = /* @__PURE__ */ (() =>
  z
    .object({
      channel: z.union([ChannelSchema, z.literal('all')]),
      purpose: z.enum(CONSENT_PURPOSES),
      status: z.enum(['granted', 'denied', 'revoked']),
      legalBasis: z.enum(LEGAL_BASES),
      recordedAt: InstantSchema,
      source: z.string().min(1),
      expiresAt: InstantSchema.exactOptional(),
    })
    .superRefine((c, ctx) => {
      if (c.expiresAt !== undefined && c.expiresAt.getTime() <= c.recordedAt.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after recordedAt' });
      }
    })
)();

/** Schema of a {@link Consent}; `expiresAt` must come after `recordedAt`. @category Consent */
export const ConsentSchema: z.ZodType<Consent, unknown> = ConsentShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _ConsentShapeMatches = Expect<Equal<z.output<typeof ConsentShape>, Consent>>;

/**
 * Validates a consent record.
 *
 * @param input - Untrusted data; dates as `Date` or ISO-8601 strings with offset.
 * @returns The consent with `Date` instants.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseConsent({ channel: 'email', purpose: 'marketing', status: 'revoked', legalBasis: 'consent',
 *   recordedAt: '2026-03-01T10:00:00-03:00', source: 'unsubscribe_link' }).recordedAt.toISOString();
 * //=> '2026-03-01T13:00:00.000Z'
 * ```
 * @category Consent
 */
export function parseConsent(input: unknown): Consent {
  return parseWith(ConsentSchema, 'consent', input);
}

/**
 * Validates a consent record without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseConsent({ channel: 'fax' }).success; //=> false
 * ```
 * @category Consent
 */
export function safeParseConsent(input: unknown): SafeParseResult<Consent> {
  return safeParseWith(ConsentSchema, 'consent', input);
}

/**
 * The answer of {@link canContact}, with the reason an operator or a data subject can read.
 *
 * @category Consent
 */
export interface ContactPermission {
  /** Whether the contact may be made. */
  allowed: boolean;
  /**
   * Why: `granted` (a valid grant is the latest record), `denied` or `revoked` (the latest record
   * refuses), `expired` (the latest grant has expired), `no_record` (nothing covers this channel and purpose).
   */
  reason: 'granted' | 'denied' | 'revoked' | 'expired' | 'no_record';
  /** The record that decided, when there is one. */
  decidedBy?: Consent;
}

/**
 * May we contact a customer on `channel` for `purpose` at instant `at`?
 *
 * Reads the consent log: among the records recorded at or before `at` that cover the channel (or `all`)
 * and the purpose (or `all`), the latest decides. When records share the latest instant, a refusal wins
 * over a grant, so a revocation is never overridden by a grant of the same or an earlier time. A grant
 * whose `expiresAt` is at or before `at` does not allow. No covering record: not allowed.
 *
 * Contacts that rest on a basis other than consent (an order confirmation rests on the contract) should
 * be recorded as such (`legalBasis: 'contract'`, `purpose: 'transactional'`); this helper does not presume them.
 *
 * @param consents - The customer's consent log, in any order.
 * @param query - Channel, purpose and the instant of the contact.
 * @returns Whether the contact is allowed and why.
 *
 * @example
 * ```ts
 * const log: Consent[] = [
 *   { channel: 'email', purpose: 'marketing', status: 'granted', legalBasis: 'consent',
 *     recordedAt: new Date('2026-01-01T00:00:00Z'), source: 'signup' },
 *   { channel: 'all', purpose: 'marketing', status: 'revoked', legalBasis: 'consent',
 *     recordedAt: new Date('2026-02-01T00:00:00Z'), source: 'sac' },
 * ];
 * canContact(log, { channel: 'email', purpose: 'marketing', at: new Date('2026-03-01T00:00:00Z') });
 * //=> { allowed: false, reason: 'revoked', decidedBy: log[1] }
 * ```
 * @category Consent
 */
export function canContact(
  consents: Iterable<Consent>,
  query: { channel: Channel; purpose: Exclude<ConsentPurpose, 'all'>; at: Date },
): ContactPermission {
  const at = query.at.getTime();
  const latest = decidingConsent(consents, query.channel, query.purpose, at);
  if (latest === undefined) return { allowed: false, reason: 'no_record' };
  if (latest.status !== 'granted') return { allowed: false, reason: latest.status, decidedBy: latest };
  if (latest.expiresAt !== undefined && latest.expiresAt.getTime() <= at) {
    return { allowed: false, reason: 'expired', decidedBy: latest };
  }
  return { allowed: true, reason: 'granted', decidedBy: latest };
}
