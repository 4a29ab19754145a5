/**
 * The domain model of jornada: customers and B2B accounts, consents, orders and subscriptions,
 * interactions (touchpoint events) and feedback responses — documented interfaces, zod schemas,
 * and `parseX` / `safeParseX` for each.
 *
 * @example
 * ```ts
 * import { parseCustomer, canContact } from 'jornada/model';
 * ```
 * @module model
 */
export { JornadaError, isJornadaError, JORNADA_ERROR_CODES } from '../core/errors.js';
export type { JornadaErrorCode, JornadaIssue, JornadaErrorOptions, SafeParseResult } from '../core/errors.js';
export * from './common.js';
export * from './consent.js';
export * from './customer.js';
export * from './account.js';
export * from './order.js';
export * from './interaction.js';
export * from './feedback.js';
