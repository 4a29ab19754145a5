/**
 * The B2B account: a company the business sells to, whose people are {@link Customer}s with roles.
 *
 * @module
 */
import { z } from 'zod';
import type { Equal, Expect } from '../core/type-equality.js';
import type { SafeParseResult } from '../core/errors.js';
import { parseWith, safeParseWith } from '../core/validation.js';
import { AddressSchema, IdSchema, IdentityDocumentSchema, InstantSchema, JsonRecordSchema, type Address, type IdentityDocument, type JsonValue } from './common.js';
import type { Customer } from './customer.js';

/**
 * Who the account sells to in turn: `b2b` (businesses), `b2c` (consumers) or `b2b2c` (through a
 * business to its consumers, as a pet shop reselling a brand).
 *
 * @category Model
 */
export type MarketType = 'b2b' | 'b2c' | 'b2b2c';

/**
 * Company size band. `micro` and `small` match the Brazilian ME and EPP bands of LC 123/2006 by revenue.
 *
 * @category Model
 */
export type CompanySize = 'micro' | 'small' | 'medium' | 'large' | 'enterprise';

/**
 * A B2B account (a company). Its contacts are customers whose `accountId` points here, each with
 * `accountRoles` (buyer, user, payer, influencer, decision maker).
 *
 * @example
 * ```ts
 * const clinic: Account = {
 *   id: 'a-9', name: 'Clínica Vet Bem-Estar', documents: [{ type: 'cnpj', value: '11222333000181' }],
 *   industry: 'veterinary_clinic', size: 'small', marketType: 'b2c',
 * };
 * ```
 * @category Model
 */
export interface Account {
  /** Stable identifier of the account. */
  id: string;
  /** Trade name (*nome fantasia*). */
  name: string;
  /** Registered name (*razão social*). */
  legalName?: string;
  /** Company documents (CNPJ and others). */
  documents?: IdentityDocument[];
  /** Industry, free text or your own code (`pet_shop`, `veterinary_clinic`, CNAE `4789-0/04`). */
  industry?: string;
  /** Size band. */
  size?: CompanySize;
  /** Number of employees, when known. */
  employees?: number;
  /** Whom the account itself sells to. */
  marketType?: MarketType;
  /** Main address. */
  address?: Address;
  /** When the account became known. */
  createdAt?: Date;
  /** Your own facts about the account. */
  traits?: Record<string, JsonValue>;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const AccountShape = /* @__PURE__ */ (() =>
  z.object({
    id: IdSchema,
    name: z.string().min(1),
    legalName: z.string().exactOptional(),
    documents: z.array(IdentityDocumentSchema).exactOptional(),
    industry: z.string().exactOptional(),
    size: z.enum(['micro', 'small', 'medium', 'large', 'enterprise']).exactOptional(),
    employees: z.number().int().nonnegative().exactOptional(),
    marketType: z.enum(['b2b', 'b2c', 'b2b2c']).exactOptional(),
    address: AddressSchema.exactOptional(),
    createdAt: InstantSchema.exactOptional(),
    traits: JsonRecordSchema.exactOptional(),
  })
)();

/** Schema of an {@link Account}. @category Model */
export const AccountSchema: z.ZodType<Account, unknown> = AccountShape;
// The schema's output type is exactly the documented interface (checked at compile time).
type _AccountShapeMatches = Expect<Equal<z.output<typeof AccountShape>, Account>>;

/**
 * Validates an account.
 *
 * @param input - Untrusted data.
 * @returns The typed account.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem.
 *
 * @example
 * ```ts
 * parseAccount({ id: 'a-1', name: 'Pet Shop Aurora', marketType: 'b2c' }).name; //=> 'Pet Shop Aurora'
 * ```
 * @category Model
 */
export function parseAccount(input: unknown): Account {
  return parseWith(AccountSchema, 'account', input);
}

/**
 * Validates an account without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseAccount({ id: 'a-1' }).success; //=> false (name is required)
 * ```
 * @category Model
 */
export function safeParseAccount(input: unknown): SafeParseResult<Account> {
  return safeParseWith(AccountSchema, 'account', input);
}

/**
 * The people of an account, grouped by role (a person with two roles appears under both).
 *
 * @param accountId - The account.
 * @param customers - Customers, some of whom act for the account.
 * @returns For each role, the customers who play it, in input order.
 *
 * @example
 * ```ts
 * const people: Customer[] = [
 *   { id: 'p1', createdAt: new Date(0), accountId: 'a-1', accountRoles: ['buyer', 'payer'] },
 *   { id: 'p2', createdAt: new Date(0), accountId: 'a-1', accountRoles: ['decision_maker'] },
 * ];
 * accountContacts('a-1', people).payer.map((c) => c.id); //=> ['p1']
 * ```
 * @category Model
 */
export function accountContacts(
  accountId: string,
  customers: Iterable<Customer>,
): Record<'buyer' | 'user' | 'payer' | 'influencer' | 'decision_maker', Customer[]> {
  const byRole: Record<'buyer' | 'user' | 'payer' | 'influencer' | 'decision_maker', Customer[]> = {
    buyer: [],
    user: [],
    payer: [],
    influencer: [],
    decision_maker: [],
  };
  for (const c of customers) {
    if (c.accountId !== accountId || c.accountRoles === undefined) continue;
    for (const role of new Set(c.accountRoles)) byRole[role].push(c);
  }
  return byRole;
}
