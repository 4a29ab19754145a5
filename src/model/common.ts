/**
 * Building blocks shared by the entity schemas: instants, JSON values, channels, touchpoint kinds,
 * codes and addresses.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';

/**
 * A JSON value: what `traits` and `properties` may hold, so that records survive storage as JSON.
 *
 * @category Model
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Top-level schemas are built as `/* @__PURE__ */ (() => z…)()`. `"sideEffects": false` lets a bundler skip
// unused modules, not unused calls inside a module it keeps, and a bare `z.object(…)…` call must be kept
// (a pure annotation on a chained call covers only the outer call). A pure-annotated arrow IIFE is
// dropped when its result is unused, so importing a function that needs no schema (`canContact`) pulls
// in neither the schemas nor zod. New top-level schemas in `src/` follow the same pattern.

/**
 * Schema of an instant: a valid `Date`, or an ISO-8601 date-time string **with** an offset or `Z`
 * (`2026-05-10T09:00:00-03:00`). A string without offset names no instant and is rejected.
 *
 * @example
 * ```ts
 * InstantSchema.parse('2026-05-10T12:00:00Z').toISOString(); //=> '2026-05-10T12:00:00.000Z'
 * ```
 * @category Model
 */
export const InstantSchema = /* @__PURE__ */ (() =>
  z
    .union([z.iso.datetime({ offset: true }), z.date()])
    .transform((value): Date => (typeof value === 'string' ? new Date(value) : value))
)();

const FORBIDDEN_KEYS = new Set(['__proto__']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `root` is a JSON value, iteratively (deep input cannot overflow the stack), and reports
 * each problem with its path: non-finite numbers, `undefined`, functions, class instances, cycles, and
 * the key `__proto__` (which, assigned by a consumer, would replace an object's prototype).
 */
function checkJsonValue(root: unknown, ctx: z.RefinementCtx, maxIssues = 20): void {
  // Paths are kept as parent links (node index → parent index and key) and spelled out only for a
  // problem, so a deep value costs linear time and memory.
  const values: unknown[] = [root];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const stack: number[] = [0];
  const seen = new Set<object>();
  let issues = 0;
  const pathOf = (node: number): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let n = node; n > 0; n = parents[n] as number) path.push(keys[n] as string | number);
    return path.reverse();
  };
  const report = (node: number, message: string): void => {
    issues++;
    ctx.addIssue({ code: 'custom', path: pathOf(node), message });
  };
  const push = (value: unknown, parent: number, key: string | number): void => {
    values.push(value);
    parents.push(parent);
    keys.push(key);
    stack.push(values.length - 1);
  };
  while (stack.length > 0 && issues < maxIssues) {
    const node = stack.pop() as number;
    const value = values[node];
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(node, 'must be a finite number (JSON has no NaN or Infinity)');
      continue;
    }
    if (typeof value !== 'object') {
      report(node, `must be a JSON value, not ${typeof value}`);
      continue;
    }
    if (seen.has(value)) {
      report(node, 'must not contain a cycle');
      continue;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], node, i);
      continue;
    }
    if (!isPlainObject(value)) {
      report(node, 'must be a plain JSON object, not a class instance such as Date or Map');
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        push(undefined, node, key);
        report(values.length - 1, `the key "${key}" is not allowed`);
        stack.pop();
      } else push(value[key], node, key);
    }
  }
}

/**
 * Schema of a JSON value: strings, finite numbers, booleans, `null`, arrays and plain objects. Rejects
 * `undefined`, functions, `NaN`, `Infinity`, class instances (`Date`, `Map`), cycles, and the key
 * `__proto__` at any depth (copying such data with `obj[key] = value` would replace a prototype). The
 * value is validated, not copied.
 *
 * @category Model
 */
export const JsonValueSchema: z.ZodType<JsonValue> = /* @__PURE__ */ (() => z.custom<JsonValue>(() => true).superRefine((v, ctx) => checkJsonValue(v, ctx)))();

/**
 * Schema of a free-form bag of JSON values keyed by name (`traits`, `properties`): a plain object whose
 * values are JSON values (see {@link JsonValueSchema}).
 *
 * @category Model
 */
export const JsonRecordSchema: z.ZodType<Record<string, JsonValue>> = /* @__PURE__ */ (() =>
  z
    .custom<Record<string, JsonValue>>((v) => isPlainObject(v), 'must be a plain object of JSON values')
    .superRefine((v, ctx) => checkJsonValue(v, ctx))
)();

/** Identifiers: non-empty strings of at most 256 characters, no leading or trailing spaces. */
export const IdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .refine((s) => s.trim() === s, 'must not start or end with spaces')
)();

/**
 * Channels through which jornada's entities reach or hear from a customer.
 *
 * @category Model
 */
export const CHANNELS = [
  'email',
  'sms',
  'whatsapp',
  'push',
  'in_app',
  'phone',
  'direct_mail',
  'in_store',
  'web',
  'social',
  'chat',
] as const;

/**
 * A contact or interaction channel: `email`, `sms`, `whatsapp`, `push`, `in_app`, `phone`,
 * `direct_mail`, `in_store`, `web`, `social` or `chat`.
 *
 * @category Model
 */
export type Channel = (typeof CHANNELS)[number];

const ChannelShape = /* @__PURE__ */ (() => z.enum(CHANNELS))();

/** Schema of a {@link Channel}. @category Model */
export const ChannelSchema: z.ZodType<Channel, unknown> = ChannelShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _ChannelShapeMatches = Expect<Equal<z.output<typeof ChannelShape>, Channel>>;

/**
 * The kinds of touchpoint (*pontos de contato*) a customer meets along the journey, after the seed's list:
 * product and packaging, point-of-sale environment, storefront and display, advertising, website and
 * app, social media, direct messages (email, SMS, WhatsApp, push), customer service, PR and events — plus
 * delivery, which a retailer with an online store cannot leave out.
 *
 * @category Model
 */
export const TOUCHPOINT_KINDS = [
  'product_packaging',
  'point_of_sale',
  'storefront_display',
  'advertising',
  'website_app',
  'social_media',
  'direct_message',
  'customer_service',
  'pr_events',
  'delivery',
] as const;

/**
 * A touchpoint kind; see {@link TOUCHPOINT_KINDS}.
 *
 * @category Model
 */
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

const TouchpointKindShape = /* @__PURE__ */ (() => z.enum(TOUCHPOINT_KINDS))();

/** Schema of a {@link TouchpointKind}. @category Model */
export const TouchpointKindSchema: z.ZodType<TouchpointKind, unknown> = TouchpointKindShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _TouchpointKindShapeMatches = Expect<Equal<z.output<typeof TouchpointKindShape>, TouchpointKind>>;

/** ISO 3166-1 alpha-2 country code, upper case (`BR`, `PT`, `US`). */
export const CountryCodeSchema = /* @__PURE__ */ (() => z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as BR'))();

/** ISO 4217 currency code, upper case (`BRL`, `EUR`, `USD`). */
export const CurrencyCodeSchema = /* @__PURE__ */ (() => z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BRL'))();

/** IANA time-zone name known to this runtime's `Intl` (`America/Sao_Paulo`). */
export const TimeZoneSchema = /* @__PURE__ */ (() => z.string().refine(isTimeZone, 'must be an IANA time-zone name such as America/Sao_Paulo'))();

/** BCP 47 language tag (`pt-BR`, `en-US`). */
export const LocaleSchema = /* @__PURE__ */ (() => z.string().refine(isLocale, 'must be a BCP 47 language tag such as pt-BR'))();

/** E.164 phone number: `+`, country code, subscriber number, 8 to 15 digits in all. */
export const E164Schema = /* @__PURE__ */ (() => z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 number such as +5511912345678'))();

/** An e-mail address (pragmatic check: one `@`, a dotted domain, no spaces). */
export const EmailSchema = /* @__PURE__ */ (() => z.string().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'))();

// Time-zone and locale checks construct Intl objects (tens of microseconds each); the answers are
// cached, since a base holds few distinct zones and locales. The caches are bounded.
const timeZoneCache = new Map<string, boolean>();
const localeCache = new Map<string, boolean>();
const CACHE_LIMIT = 1024;

function remember(cache: Map<string, boolean>, key: string, value: boolean): boolean {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function isTimeZone(name: string): boolean {
  const known = timeZoneCache.get(name);
  if (known !== undefined) return known;
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return remember(timeZoneCache, name, true);
  } catch {
    return remember(timeZoneCache, name, false);
  }
}

function isLocale(tag: string): boolean {
  const known = localeCache.get(tag);
  if (known !== undefined) return known;
  if (tag.length === 0 || tag.length > 35) return false;
  try {
    return remember(localeCache, tag, Intl.getCanonicalLocales(tag).length === 1);
  } catch {
    return remember(localeCache, tag, false);
  }
}

/**
 * A postal address. Field names follow the Segment Spec's `address` trait, with Brazilian parts
 * (`number`, `complement`, `district` — *número*, *complemento*, *bairro*) kept apart.
 *
 * @category Model
 */
export interface Address {
  /** What this address is for: `home`, `billing`, `shipping`, `work`… */
  label?: string;
  /** Street name (*logradouro*). */
  street?: string;
  /** House or building number (*número*); a string, since `s/n` and `120-A` occur. */
  number?: string;
  /** Apartment, block, suite (*complemento*). */
  complement?: string;
  /** Neighbourhood (*bairro*). */
  district?: string;
  /** City (*município*). */
  city?: string;
  /** State or region code (`SP`, `Lisboa`, `CA`). */
  state?: string;
  /** Postal code as given (CEP `01310-100`, `1000-001`, ZIP `94105`). */
  postalCode?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
}

const AddressShape = /* @__PURE__ */ (() =>
  z.object({
    label: z.string().exactOptional(),
    street: z.string().exactOptional(),
    number: z.string().exactOptional(),
    complement: z.string().exactOptional(),
    district: z.string().exactOptional(),
    city: z.string().exactOptional(),
    state: z.string().exactOptional(),
    postalCode: z.string().exactOptional(),
    country: CountryCodeSchema,
  })
)();

/** Schema of an {@link Address}. @category Model */
export const AddressSchema: z.ZodType<Address, unknown> = AddressShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _AddressShapeMatches = Expect<Equal<z.output<typeof AddressShape>, Address>>;

/**
 * An identity document. Values are stored without masks (`52998224725`, not `529.982.247-25`); the
 * `identity` module validates check digits and formats masks.
 *
 * @category Model
 */
export interface IdentityDocument {
  /** `cpf` (Brazilian person), `cnpj` (Brazilian company, numeric or the 2026 alphanumeric form), `nif` (Portugal), `ssn` (US), `passport` or `other`. */
  type: 'cpf' | 'cnpj' | 'nif' | 'ssn' | 'passport' | 'other';
  /** The document number without punctuation. */
  value: string;
  /** Issuing country (ISO 3166-1 alpha-2), when not implied by the type. */
  country?: string;
}

const IdentityDocumentShape = /* @__PURE__ */ (() =>
  z
    .object({
      type: z.enum(['cpf', 'cnpj', 'nif', 'ssn', 'passport', 'other']),
      value: z.string().min(1).max(64),
      country: CountryCodeSchema.exactOptional(),
    })
    .superRefine((doc, ctx) => {
      if (doc.type === 'cpf' && !/^\d{11}$/.test(doc.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'a CPF is 11 digits without punctuation' });
      }
      if (doc.type === 'cnpj' && !/^[0-9A-Z]{12}\d{2}$/.test(doc.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'a CNPJ is 12 digits or upper-case letters followed by 2 digits, without punctuation',
        });
      }
    })
)();

/** Schema of an {@link IdentityDocument}: CPF must be 11 digits, CNPJ 12 letters or digits and 2 digits. @category Model */
export const IdentityDocumentSchema: z.ZodType<IdentityDocument, unknown> = IdentityDocumentShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _IdentityDocumentShapeMatches = Expect<Equal<z.output<typeof IdentityDocumentShape>, IdentityDocument>>;

/**
 * An identifier of the customer in another system (`{ id: '123', type: 'shopify_customer_id' }`),
 * as in the Segment Spec's `externalIds`.
 *
 * @category Model
 */
export interface ExternalId {
  /** The identifier in that system. */
  id: string;
  /** Which system or kind of identifier it is. */
  type: string;
}

const ExternalIdShape = /* @__PURE__ */ (() => z.object({ id: IdSchema, type: z.string().min(1) }))();

/** Schema of an {@link ExternalId}. @category Model */
export const ExternalIdSchema: z.ZodType<ExternalId, unknown> = ExternalIdShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _ExternalIdShapeMatches = Expect<Equal<z.output<typeof ExternalIdShape>, ExternalId>>;
