// Shared test helpers for the identity tests.
import { isJornadaError } from '../../src/core/errors.js';
import type { CustomerRecord } from '../../src/model/index.js';

export { cnpjCheckDigits, cpfCheckDigits, formatCep, formatCnpj, formatCpf, generateCnpjs, generateCpfs } from '../../src/identity/index.js';

/** True when `e` is a JornadaError with the given code. */
export function isJornadaErrorLike(e: unknown, code: string): boolean {
  return isJornadaError(e) && e.code === code;
}

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A record with a fixed source and date unless overridden. */
export function rec(recordId: string, fields: Partial<CustomerRecord> = {}, dayOffset = 0): CustomerRecord {
  return { recordId, source: 'web', updatedAt: new Date(T0 + dayOffset * 86_400_000), ...fields };
}
