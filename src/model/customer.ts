/**
 * The customer: one person, with contact points, documents, consents, the account they act for and
 * the kind of bond they have with the company.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import type { SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import {
  AddressSchema,
  CountryCodeSchema,
  E164Schema,
  EmailSchema,
  ExternalIdSchema,
  IdSchema,
  IdentityDocumentSchema,
  InstantSchema,
  JsonRecordSchema,
  LocaleSchema,
  TimeZoneSchema,
  type Address,
  type ExternalId,
  type IdentityDocument,
  type JsonValue,
} from './common.js';
import { ConsentSchema, type Consent } from './consent.js';

/**
 * A calendar date without time, whose year may be unknown (a birthday given as "10 May").
 *
 * @category Model
 */
export interface PartialDate {
  /** Year, when known. */
  year?: number;
  /** Month, 1–12. */
  month: number;
  /** Day of month, 1–31, valid for the month (29 February only in leap years or when the year is unknown). */
  day: number;
}

function isValidMonthDay(month: number, day: number, year: number | undefined): boolean {
  const limits = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const max = limits[month - 1];
  if (max === undefined || day < 1 || day > max) return false;
  if (month === 2 && day === 29 && year !== undefined) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }
  return true;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const PartialDateObjectSchema = /* @__PURE__ */ (() =>
  z.object({
    year: z.number().int().min(1000).max(9999).exactOptional(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  })
)();

const PartialDateShape = /* @__PURE__ */ (() =>
  z
    .union([
      PartialDateObjectSchema,
      z
        .string()
        .regex(/^(\d{4}|-)-\d{2}-\d{2}$/, 'must be YYYY-MM-DD or --MM-DD')
        .transform((s): PartialDate => {
          const [y, m, d] = s.startsWith('--') ? ['', s.slice(2, 4), s.slice(5, 7)] : [s.slice(0, 4), s.slice(5, 7), s.slice(8, 10)];
          return y === '' ? { month: Number(m), day: Number(d) } : { year: Number(y), month: Number(m), day: Number(d) };
        }),
    ])
    .superRefine((d, ctx) => {
      if (!isValidMonthDay(d.month, d.day, d.year)) {
        ctx.addIssue({ code: 'custom', path: ['day'], message: `day ${d.day} does not exist in month ${d.month}${d.year === undefined ? '' : ` of ${d.year}`}` });
      }
    })
)();

/**
 * Schema of a {@link PartialDate}. Accepts `{ year?, month, day }`, an ISO calendar date `YYYY-MM-DD`,
 * or the ISO 8601 form without year `--MM-DD`.
 *
 * @category Model
 */
export const PartialDateSchema: z.ZodType<PartialDate, unknown> = PartialDateShape;


/**
 * The roles a person plays at a B2B account (the seed's *papéis de clientes*): who buys, who uses,
 * who pays, who influences and who decides.
 *
 * @category Model
 */
export const ACCOUNT_ROLES = ['buyer', 'user', 'payer', 'influencer', 'decision_maker'] as const;

/**
 * A role at an account; see {@link ACCOUNT_ROLES}.
 *
 * @category Model
 */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * The kind of bond with the company (the seed's *tipos de vínculo*): `contractual` (a subscription or
 * contract whose end is observed) or `non_contractual` (purchases whenever the customer wants; churn is unobserved).
 * The probabilistic value models differ by this.
 *
 * @category Model
 */
export type BondType = 'contractual' | 'non_contractual';

/**
 * A further way to reach the customer beyond the primary `email` and `phone`.
 *
 * @category Model
 */
export interface ContactPoint {
  /** An e-mail address or a phone number. */
  kind: 'email' | 'phone';
  /** The address, or the number in E.164. */
  value: string;
  /** Country of a phone number (ISO 3166-1 alpha-2). */
  country?: string;
  /** What it is for: `work`, `personal`, `billing`… */
  label?: string;
  /** Whether the customer proved they own it (double opt-in, one-time code). */
  verified?: boolean;
}

const ContactPointShape = /* @__PURE__ */ (() =>
  z
    .object({
      kind: z.enum(['email', 'phone']),
      value: z.string(),
      country: CountryCodeSchema.exactOptional(),
      label: z.string().exactOptional(),
      verified: z.boolean().exactOptional(),
    })
    .superRefine((cp, ctx) => {
      const check = cp.kind === 'email' ? EmailSchema.safeParse(cp.value) : E164Schema.safeParse(cp.value);
      if (!check.success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: check.error.issues[0]?.message ?? 'invalid value' });
      }
    })
)();

/** Schema of a {@link ContactPoint}; the value must fit its kind. @category Model */
export const ContactPointSchema: z.ZodType<ContactPoint, unknown> = ContactPointShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _ContactPointShapeMatches = Expect<Equal<z.output<typeof ContactPointShape>, ContactPoint>>;

/**
 * A customer: one person, clean and validated (the "single customer view" record). Raw records from
 * the sources, before cleaning and matching, are {@link CustomerRecord}s.
 *
 * Field names follow the Segment Spec's reserved traits where one exists.
 *
 * @example
 * ```ts
 * const ana: Customer = {
 *   id: 'c-1', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com.br',
 *   phone: '+5511912345678', phoneCountry: 'BR', timeZone: 'America/Sao_Paulo', locale: 'pt-BR',
 *   createdAt: new Date('2025-03-02T14:00:00Z'), bond: 'non_contractual',
 * };
 * ```
 * @category Model
 */
export interface Customer {
  /** Stable identifier of the customer in your system. */
  id: string;
  /** Given name. */
  firstName?: string;
  /** Family name(s). */
  lastName?: string;
  /** Full name as the customer writes it, when not split. */
  name?: string;
  /** Primary e-mail address, as given (kept for sending; matching keys are derived by `identity`). */
  email?: string;
  /** Primary phone number in E.164. */
  phone?: string;
  /** Country of the primary phone (ISO 3166-1 alpha-2). */
  phoneCountry?: string;
  /** Further e-mail addresses and phone numbers. */
  contactPoints?: ContactPoint[];
  /** Birthday; the year may be unknown. */
  birthday?: PartialDate;
  /** Gender as the customer stated it (free text, optional). */
  gender?: string;
  /** Postal addresses; the first is the main one. */
  addresses?: Address[];
  /** Preferred language (BCP 47, `pt-BR`). */
  locale?: string;
  /** The customer's IANA time zone (`America/Manaus`); local-time logic uses it. */
  timeZone?: string;
  /** Identity documents (CPF and others). */
  documents?: IdentityDocument[];
  /** When the customer became known to the company. */
  createdAt: Date;
  /** Where the customer came from: `ecommerce`, `store`, `app`, `import`… */
  source?: string;
  /** Identifiers in other systems. */
  externalIds?: ExternalId[];
  /** Your own facts about the customer, as JSON values. */
  traits?: Record<string, JsonValue>;
  /** The B2B account this person acts for. */
  accountId?: string;
  /** The roles they play at that account. */
  accountRoles?: AccountRole[];
  /** Contractual (subscription) or non-contractual bond; `non_contractual` when absent. */
  bond?: BondType;
  /** Consent log; see {@link canContact}. */
  consents?: Consent[];
  /** Current lifecycle stage id (filled by `jornada/lifecycle`). */
  lifecycleStage?: string;
  /** When each lifecycle stage was entered, by stage id. */
  stageEnteredAt?: Record<string, Date>;
}

const CustomerShape = /* @__PURE__ */ (() =>
  z
    .object({
      id: IdSchema,
      firstName: z.string().exactOptional(),
      lastName: z.string().exactOptional(),
      name: z.string().exactOptional(),
      email: EmailSchema.exactOptional(),
      phone: E164Schema.exactOptional(),
      phoneCountry: CountryCodeSchema.exactOptional(),
      contactPoints: z.array(ContactPointSchema).exactOptional(),
      birthday: PartialDateSchema.exactOptional(),
      gender: z.string().exactOptional(),
      addresses: z.array(AddressSchema).exactOptional(),
      locale: LocaleSchema.exactOptional(),
      timeZone: TimeZoneSchema.exactOptional(),
      documents: z.array(IdentityDocumentSchema).exactOptional(),
      createdAt: InstantSchema,
      source: z.string().exactOptional(),
      externalIds: z.array(ExternalIdSchema).exactOptional(),
      traits: JsonRecordSchema.exactOptional(),
      accountId: IdSchema.exactOptional(),
      accountRoles: z.array(z.enum(ACCOUNT_ROLES)).exactOptional(),
      bond: z.enum(['contractual', 'non_contractual']).exactOptional(),
      consents: z.array(ConsentSchema).exactOptional(),
      lifecycleStage: z.string().min(1).exactOptional(),
      stageEnteredAt: z.record(z.string(), InstantSchema).exactOptional(),
    })
    .superRefine((c, ctx) => {
      if (c.accountRoles !== undefined && c.accountRoles.length > 0 && c.accountId === undefined) {
        ctx.addIssue({ code: 'custom', path: ['accountRoles'], message: 'roles need an accountId' });
      }
    })
)();

/** Schema of a {@link Customer}. @category Model */
export const CustomerSchema: z.ZodType<Customer, unknown> = CustomerShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _CustomerShapeMatches = Expect<Equal<z.output<typeof CustomerShape>, Customer>>;

/**
 * Validates a customer.
 *
 * @param input - Untrusted data; instants as `Date` or ISO-8601 strings with offset; birthday as
 *   `YYYY-MM-DD`, `--MM-DD` or `{ year?, month, day }`.
 * @returns The typed customer.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseCustomer({ id: 'c-1', createdAt: '2025-03-02T11:00:00-03:00', birthday: '--05-10' }).birthday;
 * //=> { month: 5, day: 10 }
 * ```
 * @category Model
 */
export function parseCustomer(input: unknown): Customer {
  return parseWith(CustomerSchema, 'customer', input);
}

/**
 * Validates a customer without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }` (a `JornadaError` with paths).
 *
 * @example
 * ```ts
 * const r = safeParseCustomer({ id: 'c-1', createdAt: 'yesterday' });
 * r.success; //=> false
 * ```
 * @category Model
 */
export function safeParseCustomer(input: unknown): SafeParseResult<Customer> {
  return safeParseWith(CustomerSchema, 'customer', input);
}

/**
 * A raw customer record as a source system holds it, before cleaning and matching: every field is
 * the text that was typed, so it may be badly cased, masked, misspelled or plainly wrong. The
 * `identity` module turns records into {@link Customer}s.
 *
 * @example
 * ```ts
 * const raw: CustomerRecord = {
 *   recordId: 'pos-77', source: 'store', updatedAt: new Date('2026-02-01T15:00:00Z'),
 *   fullName: '  ANA  souza', email: 'Ana@Example.com.br ', phone: '(11) 91234-5678', cpf: '529.982.247-25',
 * };
 * ```
 * @category Model
 */
export interface CustomerRecord {
  /** Identifier of this record, unique across sources (e.g. `store:77`). */
  recordId: string;
  /** The system it comes from (`ecommerce`, `store`, `app`, `crm_import`…). */
  source: string;
  /** When the source last changed the record. */
  updatedAt: Date;
  /** The customer id in the source system, if it differs from `recordId`. */
  sourceCustomerId?: string;
  /** Given name as typed. */
  firstName?: string;
  /** Family name as typed. */
  lastName?: string;
  /** Full name as typed, when not split. */
  fullName?: string;
  /** E-mail as typed. */
  email?: string;
  /** Phone as typed (any format). */
  phone?: string;
  /** CPF as typed (with or without mask). */
  cpf?: string;
  /** Birthday as typed (ISO `YYYY-MM-DD` preferred; anything else is a data-quality finding). */
  birthday?: string;
  /** Postal code as typed. */
  postalCode?: string;
  /** City as typed. */
  city?: string;
  /** State or region as typed. */
  state?: string;
  /** Country as typed (ISO alpha-2 preferred). */
  country?: string;
  /** Consent events this source recorded. */
  consents?: Consent[];
}

const CustomerRecordShape = /* @__PURE__ */ (() =>
  z.object({
    recordId: IdSchema,
    source: z.string().min(1),
    updatedAt: InstantSchema,
    sourceCustomerId: z.string().exactOptional(),
    firstName: z.string().exactOptional(),
    lastName: z.string().exactOptional(),
    fullName: z.string().exactOptional(),
    email: z.string().exactOptional(),
    phone: z.string().exactOptional(),
    cpf: z.string().exactOptional(),
    birthday: z.string().exactOptional(),
    postalCode: z.string().exactOptional(),
    city: z.string().exactOptional(),
    state: z.string().exactOptional(),
    country: z.string().exactOptional(),
    consents: z.array(ConsentSchema).exactOptional(),
  })
)();

/** Schema of a {@link CustomerRecord}: shapes only; content is judged by `identity`. @category Model */
export const CustomerRecordSchema: z.ZodType<CustomerRecord, unknown> = CustomerRecordShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _CustomerRecordShapeMatches = Expect<Equal<z.output<typeof CustomerRecordShape>, CustomerRecord>>;

/**
 * Validates the shape of a raw customer record.
 *
 * @param input - Untrusted data.
 * @returns The typed record.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseCustomerRecord({ recordId: 'r1', source: 'store', updatedAt: '2026-01-01T00:00:00Z', phone: '11 91234 5678' }).phone;
 * //=> '11 91234 5678'
 * ```
 * @category Model
 */
export function parseCustomerRecord(input: unknown): CustomerRecord {
  return parseWith(CustomerRecordSchema, 'customer record', input);
}

/**
 * Validates the shape of a raw customer record without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseCustomerRecord({ recordId: 'r1' }).success; //=> false
 * ```
 * @category Model
 */
export function safeParseCustomerRecord(input: unknown): SafeParseResult<CustomerRecord> {
  return safeParseWith(CustomerRecordSchema, 'customer record', input);
}
