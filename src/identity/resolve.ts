/**
 * The whole identity step: normalise, match and merge a batch of raw records into golden customers.
 *
 * @module
 */
import type { CustomerRecord } from '../model/index.js';
import type { RejectedRecord } from './input.js';
import { matchConfig, matchNormalized, prepareRecords, type MatchOptions, type MatchResult } from './match.js';
import { mergeContext, mergeNormalized, type GoldenRecord, type MergeOptions } from './merge.js';
import type { NormalizedCustomerRecord, QualityFinding } from './record.js';
import { rejectedFindings } from './input.js';

/**
 * Options of {@link resolveIdentities}: matching and merging options, and the assignment of a previous run.
 *
 * @category Identity
 */
export interface ResolveOptions extends MatchOptions, MergeOptions {
  /**
   * The `assignments` of a previous run (record id → customer id). A cluster that holds records
   * assigned before keeps the smallest of their customer ids, so published ids survive new records;
   * when clusters that had different ids merge, the others are listed in `supersededIds`.
   */
  previousAssignments?: Readonly<Record<string, string>>;
}

/**
 * A customer id that no longer names a golden record because its cluster merged into another.
 *
 * @category Identity
 */
export interface SupersededId {
  /** The id given in a previous run. */
  id: string;
  /** The id that replaces it. */
  by: string;
}

/**
 * The result of {@link resolveIdentities}.
 *
 * @category Identity
 */
export interface IdentityResolution {
  /** The golden customers with their record ids and lineage, sorted by customer id. */
  customers: GoldenRecord[];
  /** Record id → customer id, for every record kept (pass it back as `previousAssignments`). */
  assignments: Record<string, string>;
  /** How the records were matched: clusters, links, review pairs, refused links, noisy keys, counts. */
  match: MatchResult;
  /** Every value that could not be used, by record and field (also malformed records). */
  findings: QualityFinding[];
  /** Records left out because their shape is wrong. */
  rejected: RejectedRecord[];
  /** Customer ids of a previous run that were merged into others. */
  supersededIds: SupersededId[];
}

/**
 * Turns a batch of raw customer records into golden customers (the single customer view): each record
 * is normalised ({@link normalizeCustomerRecord}), the records are matched ({@link matchRecords}) and
 * each cluster is merged ({@link mergeRecords}). Bad values become findings and malformed records are
 * listed in `rejected`; nothing is thrown mid-batch. The output does not depend on the order of the
 * input. Golden ids are `idPrefix` + the smallest record id of the cluster, or the id a previous run
 * gave (see `previousAssignments`).
 *
 * @param records - Raw records from every source.
 * @param options - Matching, merging and id options.
 * @returns Golden customers, the record → customer assignment, match details, findings and rejects.
 * @throws {JornadaError} `INVALID_OPTION` for an option out of range; `INVALID_INPUT` when `records` is not iterable.
 *
 * @example
 * ```ts
 * const t = new Date('2026-01-01T00:00:00Z');
 * const r = resolveIdentities([
 *   { recordId: 'web:1', source: 'web', updatedAt: t, fullName: 'Ana Souza', cpf: '529.982.247-25' },
 *   { recordId: 'pos:7', source: 'store', updatedAt: t, fullName: 'ANA SOUZA', cpf: '52998224725', phone: '11 91234-5678' },
 *   { recordId: 'app:3', source: 'app', updatedAt: t, fullName: 'Bruno', email: 'teste@teste.com' },
 * ]);
 * r.customers.map((g) => g.customer.id); //=> ['cust:app:3', 'cust:pos:7']
 * r.assignments['web:1']; //=> 'cust:pos:7'
 * r.findings.map((f) => `${f.recordId} ${f.field} ${f.code}`); //=> ['app:3 email placeholder']
 * ```
 * @category Identity
 */
export function resolveIdentities(records: Iterable<CustomerRecord>, options: ResolveOptions = {}): IdentityResolution {
  const cfg = matchConfig(options);
  const ctx = mergeContext(options);
  const { normalized, rejected } = prepareRecords(records, options);
  const match = matchNormalized(normalized, cfg, rejected);
  const byId = new Map<string, NormalizedCustomerRecord>();
  for (const r of normalized) byId.set(r.record.recordId, r);
  const previous = options.previousAssignments ?? {};
  const customers: GoldenRecord[] = [];
  const assignments: Record<string, string> = {};
  const superseded: SupersededId[] = [];
  for (const cluster of match.clusters) {
    const olds = new Set<string>();
    for (const rid of cluster) {
      const p = Object.prototype.hasOwnProperty.call(previous, rid) ? previous[rid] : undefined;
      if (typeof p === 'string' && p.length > 0) olds.add(p);
    }
    const sortedOld = [...olds].sort();
    const id = sortedOld[0] ?? `${ctx.prefix}${cluster[0] as string}`;
    for (const other of sortedOld.slice(1)) superseded.push({ id: other, by: id });
    const golden = mergeNormalized(cluster.map((rid) => byId.get(rid) as NormalizedCustomerRecord), id, ctx);
    customers.push(golden);
    for (const rid of cluster) assignments[rid] = id;
  }
  customers.sort((a, b) => (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0));
  const findings = rejectedFindings(rejected);
  for (const r of normalized) for (const f of r.findings) findings.push(f);
  return { customers, assignments, match, findings, rejected, supersededIds: superseded };
}
