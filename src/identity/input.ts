/**
 * Shape checks of raw record batches (internal): a fast hand-written check, and zod for the records
 * that fail it (to coerce ISO strings or to say exactly what is wrong).
 *
 * @module
 */
import { JornadaError, type JornadaIssue } from '../core/errors.js';
import { safeParseCustomerRecord, type CustomerRecord } from '../model/index.js';
import type { QualityFinding } from './record.js';

const OPTIONAL_STRINGS = ['sourceCustomerId', 'firstName', 'lastName', 'fullName', 'email', 'phone', 'cpf', 'birthday', 'postalCode', 'city', 'state', 'country'] as const;
const STATUSES = new Set(['granted', 'denied', 'revoked']);

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

function looksValid(r: unknown): r is CustomerRecord {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  const id = o['recordId'];
  if (typeof id !== 'string' || id.length === 0 || id.length > 256 || id.trim() !== id) return false;
  if (typeof o['source'] !== 'string' || (o['source'] as string).length === 0) return false;
  if (!isValidDate(o['updatedAt'])) return false;
  for (const k of OPTIONAL_STRINGS) {
    const v = o[k];
    if (v !== undefined && typeof v !== 'string') return false;
  }
  const consents = o['consents'];
  if (consents === undefined) return true;
  if (!Array.isArray(consents)) return false;
  for (const c of consents as unknown[]) {
    if (typeof c !== 'object' || c === null) return false;
    const cc = c as Record<string, unknown>;
    if (!isValidDate(cc['recordedAt']) || !STATUSES.has(cc['status'] as string)) return false;
    if (typeof cc['channel'] !== 'string' || typeof cc['purpose'] !== 'string' || typeof cc['source'] !== 'string') return false;
    if (typeof cc['legalBasis'] !== 'string') return false;
    if (cc['expiresAt'] !== undefined && !isValidDate(cc['expiresAt'])) return false;
  }
  return true;
}

/**
 * A record left out of a batch because its shape is wrong (or its `recordId` repeats an earlier one).
 *
 * @category Identity
 */
export interface RejectedRecord {
  /** Position in the input. */
  index: number;
  /** Its `recordId` when it has a usable one. */
  recordId?: string;
  /** What is wrong, with paths from the root of the batch (`[index, 'updatedAt']`). */
  issues: JornadaIssue[];
}

/** Result of {@link checkRecords}. @internal */
export interface CheckedRecords {
  records: CustomerRecord[];
  rejected: RejectedRecord[];
}

/**
 * Checks the shape of every record of a batch; never throws for a bad record. Duplicate `recordId`s:
 * the first occurrence is kept, later ones are rejected.
 *
 * @param input - The batch as given (anything).
 * @returns The usable records and the rejected ones.
 * @internal
 */
export function checkRecords(input: unknown): CheckedRecords {
  if (input === null || typeof input !== 'object' || typeof (input as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new JornadaError('INVALID_INPUT', 'Customer records must be an array or an iterable', {
      issues: [{ path: [], message: 'expected an array or an iterable of records', code: 'not_iterable' }],
    });
  }
  const records: CustomerRecord[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const r of input as Iterable<unknown>) {
    let rec: CustomerRecord | undefined;
    if (looksValid(r)) rec = r;
    else {
      const parsed = safeParseCustomerRecord(r);
      if (parsed.success) rec = parsed.data;
      else {
        const id = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)['recordId'] : undefined;
        const rej: RejectedRecord = {
          index,
          issues: parsed.error.issues.map((i) => ({ ...i, path: [index, ...i.path] })),
        };
        if (typeof id === 'string' && id.length > 0) rej.recordId = id;
        rejected.push(rej);
      }
    }
    if (rec !== undefined) {
      if (seen.has(rec.recordId)) {
        rejected.push({
          index,
          recordId: rec.recordId,
          issues: [{ path: [index, 'recordId'], message: `duplicate recordId ${rec.recordId}`, code: 'duplicate_record_id' }],
        });
      } else {
        seen.add(rec.recordId);
        records.push(rec);
      }
    }
    index++;
  }
  return { records, rejected };
}

/**
 * The findings that tell of rejected records.
 *
 * @param rejected - The rejected records of a batch.
 * @returns One `malformed_record` finding per issue.
 * @internal
 */
export function rejectedFindings(rejected: readonly RejectedRecord[]): QualityFinding[] {
  const out: QualityFinding[] = [];
  for (const r of rejected) {
    for (const issue of r.issues) {
      out.push({
        recordId: r.recordId ?? `#${r.index}`,
        field: issue.path.slice(1).join('.') || '(record)',
        code: 'malformed_record',
        reason: issue.code ?? 'invalid',
      });
    }
  }
  return out;
}
