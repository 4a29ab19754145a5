/**
 * The data-quality report of a batch of customer records: completeness and validity per field,
 * duplicates and freshness, with every bad value listed by record and field.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { CustomerRecord } from '../model/index.js';
import { prepareRecords } from './match.js';
import type { NormalizeOptions, QualityFinding } from './record.js';
import { rejectedFindings } from './input.js';
import type { IdentityResolution } from './resolve.js';

/**
 * Completeness and validity of one field.
 *
 * @category Data quality
 */
export interface FieldQuality {
  /** The field of {@link CustomerRecord} (`name` stands for `fullName` or `firstName`/`lastName`). */
  field: string;
  /** Records where the field is filled (not blank). */
  present: number;
  /** Filled values that are usable (valid and not placeholders). */
  valid: number;
  /** Filled values that are invalid, implausible or placeholders. */
  invalid: number;
  /** `present / records`. */
  completeness: number;
  /** `valid / present`; `NaN` when nothing is present. */
  validity: number;
}

/**
 * How recent the records are, by `updatedAt`.
 *
 * @category Data quality
 */
export interface FreshnessSummary {
  /** The oldest `updatedAt`. */
  oldest?: Date;
  /** The newest `updatedAt` not after `asOf`. */
  newest?: Date;
  /** Median age in days at `asOf`. */
  medianAgeDays: number;
  /** Records not updated for more than `staleAfterDays`. */
  staleRecords: number;
  /** `staleRecords / records`. */
  staleShare: number;
  /** Records dated after `asOf` (clock or import errors). */
  futureDated: number;
}

/**
 * Duplicates found by a resolution.
 *
 * @category Data quality
 */
export interface DuplicateSummary {
  /** Golden customers. */
  customers: number;
  /** Customers built from more than one record. */
  clustersWithDuplicates: number;
  /** Records beyond the first of each customer: `records − customers`. */
  duplicateRecords: number;
  /** `duplicateRecords / records`. */
  duplicateShare: number;
  /** Records of the largest customer. */
  largestCluster: number;
  /** Pairs left for clerical review. */
  reviewPairs: number;
}

/**
 * The data-quality report of {@link dataQualityReport}.
 *
 * @category Data quality
 */
export interface DataQualityReport {
  /** Well-formed records examined. */
  records: number;
  /** Records left out because their shape is wrong. */
  malformedRecords: number;
  /** Completeness and validity per field. */
  fields: FieldQuality[];
  /** Every bad value, by record and field, sorted by record id then field. */
  findings: QualityFinding[];
  /** Findings counted by `field:code`. */
  findingCounts: Record<string, number>;
  /** Age of the records. */
  freshness: FreshnessSummary;
  /** Duplicates, when a resolution was given. */
  duplicates?: DuplicateSummary;
}

/**
 * Options of {@link dataQualityReport}.
 *
 * @category Data quality
 */
export interface DataQualityOptions extends NormalizeOptions {
  /** The instant ages are measured at (no clock is read). */
  asOf: Date;
  /** A record older than this many days is stale; default 365. */
  staleAfterDays?: number;
  /** The resolution of the same records, to report duplicates. */
  resolution?: IdentityResolution;
}

const FIELDS = ['name', 'email', 'phone', 'cpf', 'birthday', 'postalCode', 'city', 'state', 'country'] as const;

function filled(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}

/**
 * Measures the quality of a batch of raw customer records: for each field how many records fill it
 * (completeness) and how many of the filled values are usable (validity: well formed, right check
 * digits, possible phone, not a placeholder); every unusable value as a finding with its record and
 * field; the age of the records at `asOf`; and, given the resolution of the same batch, the duplicates.
 * Nothing is thrown for bad data: malformed records are counted and reported as findings.
 *
 * @param records - Raw records.
 * @param options - `asOf` (required), staleness horizon, default country, and a resolution for duplicates.
 * @returns The report.
 * @throws {JornadaError} `INVALID_OPTION` when `asOf` is not a valid date or `staleAfterDays` is negative; `INVALID_INPUT` when `records` is not iterable.
 *
 * @example
 * ```ts
 * const t = new Date('2026-01-01T00:00:00Z');
 * const q = dataQualityReport(
 *   [
 *     { recordId: 'a', source: 'web', updatedAt: t, email: 'ana@gmail.com', cpf: '529.982.247-25' },
 *     { recordId: 'b', source: 'web', updatedAt: t, email: 'ana@', cpf: '111.111.111-11' },
 *   ],
 *   { asOf: new Date('2026-07-01T00:00:00Z') },
 * );
 * q.fields.find((f) => f.field === 'email')?.validity; //=> 0.5
 * q.findings.map((f) => `${f.recordId}.${f.field}: ${f.code}`); //=> ['b.cpf: placeholder', 'b.email: invalid']
 * q.freshness.medianAgeDays; //=> 181
 * ```
 * @category Data quality
 */
export function dataQualityReport(records: Iterable<CustomerRecord>, options: DataQualityOptions): DataQualityReport {
  const asOf = options?.asOf;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new JornadaError('INVALID_OPTION', 'asOf must be a valid Date', { details: { asOf } });
  }
  const staleDays = options.staleAfterDays ?? 365;
  if (!(staleDays >= 0)) throw new JornadaError('INVALID_OPTION', 'staleAfterDays must be ≥ 0', { details: { staleAfterDays: staleDays } });
  const { normalized, rejected } = prepareRecords(records, options);
  const n = normalized.length;
  const present: Record<string, number> = {};
  const bad: Record<string, number> = {};
  for (const f of FIELDS) {
    present[f] = 0;
    bad[f] = 0;
  }
  const findings: QualityFinding[] = rejectedFindings(rejected);
  const ages: number[] = [];
  let oldest: Date | undefined;
  let newest: Date | undefined;
  let future = 0;
  let stale = 0;
  const at = asOf.getTime();
  for (const r of normalized) {
    const rec = r.record;
    const hasName = filled(rec.fullName) || filled(rec.firstName) || filled(rec.lastName);
    if (hasName) present['name'] = (present['name'] as number) + 1;
    for (const f of FIELDS) if (f !== 'name' && filled(rec[f])) present[f] = (present[f] as number) + 1;
    const badFields = new Set<string>();
    for (const fd of r.findings) {
      findings.push(fd);
      if (fd.code === 'non_standard_format') continue;
      badFields.add(fd.field === 'fullName' || fd.field === 'firstName' || fd.field === 'lastName' ? 'name' : fd.field);
    }
    if (r.birthday !== undefined && r.birthday.year !== undefined) {
      const b = Date.UTC(r.birthday.year, r.birthday.month - 1, r.birthday.day);
      if (b > at) {
        findings.push({ recordId: rec.recordId, field: 'birthday', code: 'future', reason: 'after_as_of', value: rec.birthday ?? '' });
        badFields.add('birthday');
      }
    }
    for (const f of badFields) if (f in bad) bad[f] = (bad[f] as number) + 1;
    const t = rec.updatedAt.getTime();
    if (t > at) {
      future++;
      findings.push({ recordId: rec.recordId, field: 'updatedAt', code: 'future', reason: 'after_as_of', value: rec.updatedAt.toISOString() });
      continue;
    }
    const age = (at - t) / MS_PER_DAY;
    ages.push(age);
    if (age > staleDays) stale++;
    if (oldest === undefined || t < oldest.getTime()) oldest = rec.updatedAt;
    if (newest === undefined || t > newest.getTime()) newest = rec.updatedAt;
  }
  ages.sort((a, b) => a - b);
  const mid = ages.length >> 1;
  const median = ages.length === 0 ? NaN : ages.length % 2 === 1 ? (ages[mid] as number) : ((ages[mid - 1] as number) + (ages[mid] as number)) / 2;
  findings.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  const findingCounts: Record<string, number> = {};
  for (const f of findings) {
    const k = `${f.field}:${f.code}`;
    findingCounts[k] = (findingCounts[k] ?? 0) + 1;
  }
  const fields: FieldQuality[] = FIELDS.map((field) => {
    const p = present[field] as number;
    const invalid = bad[field] as number;
    return { field, present: p, valid: p - invalid, invalid, completeness: n === 0 ? NaN : p / n, validity: p === 0 ? NaN : (p - invalid) / p };
  });
  const freshness: FreshnessSummary = { medianAgeDays: median, staleRecords: stale, staleShare: n === 0 ? NaN : stale / n, futureDated: future };
  if (oldest !== undefined) freshness.oldest = oldest;
  if (newest !== undefined) freshness.newest = newest;
  const report: DataQualityReport = { records: n, malformedRecords: rejected.length, fields, findings, findingCounts, freshness };
  const res = options.resolution;
  if (res !== undefined) {
    let withDup = 0;
    let largest = 0;
    let total = 0;
    for (const g of res.customers) {
      total += g.recordIds.length;
      if (g.recordIds.length > 1) withDup++;
      if (g.recordIds.length > largest) largest = g.recordIds.length;
    }
    report.duplicates = {
      customers: res.customers.length,
      clustersWithDuplicates: withDup,
      duplicateRecords: total - res.customers.length,
      duplicateShare: total === 0 ? NaN : (total - res.customers.length) / total,
      largestCluster: largest,
      reviewPairs: res.match.review.length,
    };
  }
  return report;
}
