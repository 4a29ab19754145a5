/**
 * Matching: deterministic keys (CPF, e-mail, phone) with priorities, limits and blocked values, then
 * fuzzy comparison of names within blocks, and transitive clusters by union-find with guards.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { CustomerRecord } from '../model/index.js';
import type { IdentifierType } from './blocked.js';
import { checkRecords, type RejectedRecord } from './input.js';
import { jaroWinkler } from './jaro-winkler.js';
import { blockedSet, createNormalizeCache, normalizeRecordWith, type NormalizeOptions, type NormalizedCustomerRecord } from './record.js';
import { DisjointSets } from './union-find.js';

/**
 * How one kind of identifier links records.
 *
 * @category Matching
 */
export interface KeyRule {
  /** Whether the key links records at all; default `true`. */
  enabled?: boolean;
  /** Lower runs first; a link refused by a guard stays refused for keys that run later. Defaults: cpf 1, email 2, phone 3. */
  priority?: number;
  /**
   * A value shared by more records than this links none of them and is reported as noisy (a shop's
   * phone typed for walk-in customers, a family e-mail). Defaults: cpf 3, email 4, phone 4.
   */
  maxRecordsPerKey?: number;
  /**
   * Refuse the link when both records have names and their Jaro–Winkler similarity is below this
   * (people sharing a phone or an e-mail are often relatives). Defaults: cpf 0 (a CPF is personal), email 0.7, phone 0.7.
   */
  minNameSimilarity?: number;
}

/**
 * Name-similarity thresholds of the fuzzy matcher and the agreeing fields each one needs.
 *
 * @category Matching
 */
export interface FuzzyThresholds {
  /** Link with one strongly agreeing field (birth date, postal code, phone, e-mail key) from this Jaro–Winkler score; default 0.92. */
  high: number;
  /** Link with two strongly agreeing fields from this score; default 0.88. */
  medium: number;
  /** Link with three strongly agreeing fields from this score; below it, never link; default 0.70. Pairs from here with fewer agreements go to review. */
  low: number;
}

/**
 * Options of {@link matchRecords} (and of {@link resolveIdentities}).
 *
 * @category Matching
 */
export interface MatchOptions extends NormalizeOptions {
  /** Rules of the deterministic keys by identifier type. */
  keys?: Partial<Record<IdentifierType, KeyRule>>;
  /** Compare names within blocks; default `true`. */
  fuzzy?: boolean;
  /** Name-similarity thresholds; defaults 0.92 / 0.88 / 0.70. */
  thresholds?: Partial<FuzzyThresholds>;
  /**
   * A block larger than this is not compared pair by pair: its records are sorted by name key and each
   * is compared with the next `windowSize` (sorted neighbourhood). Default 40.
   */
  maxBlockSize?: number;
  /** Window of the sorted-neighbourhood pass over large blocks; default 10. */
  windowSize?: number;
  /** No cluster grows beyond this many records; a link that would exceed it is refused and reported. Default 12. */
  maxClusterSize?: number;
}

/**
 * Why two records were linked.
 *
 * @category Matching
 */
export interface MatchLink {
  /** One record. */
  a: string;
  /** The other record. */
  b: string;
  /** The key that linked them, or `fuzzy`. */
  reason: IdentifierType | 'fuzzy';
  /** Name similarity (Jaro–Winkler of name keys), when both records have names. */
  nameScore?: number;
  /**
   * For fuzzy links and review pairs: the fields that agreed. Strong: `birthday` (with year), `postalCode`,
   * `phone`, `email` (match key). Weak, never enough to link: `birthdayDayMonth`, `emailUser` (same user at
   * another provider), `city`.
   */
  agreements?: string[];
}

/**
 * A link that a guard refused.
 *
 * @category Matching
 */
export interface RefusedLink {
  /** One record. */
  a: string;
  /** The other record. */
  b: string;
  /** The key or `fuzzy`. */
  reason: IdentifierType | 'fuzzy';
  /** The guard: different valid CPFs in the two clusters, names too different, or the cluster size limit. */
  guard: 'cpf_conflict' | 'name_conflict' | 'cluster_size';
}

/**
 * A key value shared by too many records to be an identifier.
 *
 * @category Matching
 */
export interface NoisyKey {
  /** The identifier type. */
  type: IdentifierType;
  /** The normalised value (personal data). */
  value: string;
  /** How many records share it. */
  records: number;
}

/**
 * Counts of the matching work.
 *
 * @category Matching
 */
export interface MatchStats {
  /** Records matched (after rejecting malformed ones). */
  records: number;
  /** Key links tried (a record and the earlier record of its key group). */
  keyComparisons: number;
  /** Distinct record pairs whose names were compared in blocks. */
  pairsCompared: number;
  /** Blocks with at least two records. */
  blocks: number;
  /** Records in the largest block. */
  largestBlock: number;
  /** Blocks compared by sorted neighbourhood because they were larger than `maxBlockSize`. */
  windowedBlocks: number;
  /** Links made, by reason. */
  links: Record<IdentifierType | 'fuzzy', number>;
  /** Clusters (golden records to be). */
  clusters: number;
  /** Records that are not the first of their cluster: `records − clusters`. */
  duplicateRecords: number;
}

/**
 * The result of {@link matchRecords}.
 *
 * @category Matching
 */
export interface MatchResult {
  /** Clusters of record ids: each sorted, clusters ordered by their first id. Singletons included. */
  clusters: string[][];
  /** The links that built the clusters. */
  links: MatchLink[];
  /** Pairs similar enough to look at but not linked (for clerical review). */
  review: MatchLink[];
  /** Links refused by a guard. */
  refused: RefusedLink[];
  /** Key values that linked nobody because too many records share them. */
  noisyKeys: NoisyKey[];
  /** Records left out because their shape is wrong. */
  rejected: RejectedRecord[];
  /** Counts of the work done. */
  stats: MatchStats;
}

interface ResolvedKeyRule {
  type: IdentifierType;
  priority: number;
  max: number;
  minName: number;
}

interface Config {
  keys: ResolvedKeyRule[];
  fuzzy: boolean;
  high: number;
  medium: number;
  low: number;
  maxBlock: number;
  window: number;
  maxCluster: number;
}

function positiveInt(name: string, v: number | undefined, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min) {
    throw new JornadaError('INVALID_OPTION', `${name} must be an integer ≥ ${min}`, { details: { [name]: v } });
  }
  return v;
}

function unit(name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!(v >= 0 && v <= 1)) throw new JornadaError('INVALID_OPTION', `${name} must be in [0, 1]`, { details: { [name]: v } });
  return v;
}

const KEY_DEFAULTS: Record<IdentifierType, { priority: number; max: number; minName: number }> = {
  cpf: { priority: 1, max: 3, minName: 0 },
  email: { priority: 2, max: 4, minName: 0.7 },
  phone: { priority: 3, max: 4, minName: 0.7 },
};

/**
 * Resolves and checks the options once.
 *
 * @param options - The options as given.
 * @returns The checked configuration with defaults filled in.
 * @internal
 */
export function matchConfig(options: MatchOptions): Config {
  const keys: ResolvedKeyRule[] = [];
  for (const type of ['cpf', 'email', 'phone'] as const) {
    const rule = options.keys?.[type] ?? {};
    if (rule.enabled === false) continue;
    const d = KEY_DEFAULTS[type];
    const priority = rule.priority ?? d.priority;
    if (!Number.isFinite(priority)) throw new JornadaError('INVALID_OPTION', `keys.${type}.priority must be a number`, { details: { priority } });
    keys.push({
      type,
      priority,
      max: positiveInt(`keys.${type}.maxRecordsPerKey`, rule.maxRecordsPerKey, d.max, 2),
      minName: unit(`keys.${type}.minNameSimilarity`, rule.minNameSimilarity, d.minName),
    });
  }
  keys.sort((x, y) => x.priority - y.priority || x.type.localeCompare(y.type));
  const t = options.thresholds ?? {};
  const high = unit('thresholds.high', t.high, 0.92);
  const medium = unit('thresholds.medium', t.medium, 0.88);
  const low = unit('thresholds.low', t.low, 0.7);
  if (!(high >= medium && medium >= low)) {
    throw new JornadaError('INVALID_OPTION', 'thresholds must satisfy high ≥ medium ≥ low', { details: { high, medium, low } });
  }
  return {
    keys,
    fuzzy: options.fuzzy ?? true,
    high,
    medium,
    low,
    maxBlock: positiveInt('maxBlockSize', options.maxBlockSize, 40, 2),
    window: positiveInt('windowSize', options.windowSize, 10, 1),
    maxCluster: positiveInt('maxClusterSize', options.maxClusterSize, 12, 2),
  };
}

function keyOf(r: NormalizedCustomerRecord, type: IdentifierType): string | undefined {
  return type === 'cpf' ? r.cpf : type === 'email' ? r.emailKey : r.phone;
}

function nameScore(x: NormalizedCustomerRecord, y: NormalizedCustomerRecord): number {
  if (x.nameKey === y.nameKey) return 1;
  const s = jaroWinkler(x.nameKey, y.nameKey);
  if (s >= 0.97 || x.sortedNameKey === x.nameKey) return s;
  return Math.max(s, jaroWinkler(x.sortedNameKey, y.sortedNameKey));
}

function sameBirthday(x: NormalizedCustomerRecord, y: NormalizedCustomerRecord): boolean | undefined {
  const a = x.birthday;
  const b = y.birthday;
  if (a === undefined || b === undefined) return undefined;
  if (a.month !== b.month || a.day !== b.day) return false;
  return a.year === undefined || b.year === undefined || a.year === b.year;
}

function emailUser(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const at = key.lastIndexOf('@');
  return at >= 4 ? key.slice(0, at) : undefined;
}

/**
 * Matches normalised records (sorted by recordId).
 *
 * @param recs - Normalised records sorted by `recordId`.
 * @param cfg - The checked configuration.
 * @param rejected - Records rejected before matching, passed through to the result.
 * @returns The match result.
 * @internal
 */
export function matchNormalized(recs: readonly NormalizedCustomerRecord[], cfg: Config, rejected: RejectedRecord[]): MatchResult {
  const n = recs.length;
  const sets = new DisjointSets(n);
  const clusterCpf: (string | undefined)[] = recs.map((r) => r.cpf);
  const links: MatchLink[] = [];
  const review: MatchLink[] = [];
  const refused: RefusedLink[] = [];
  const noisyKeys: NoisyKey[] = [];
  const linkCounts: Record<IdentifierType | 'fuzzy', number> = { cpf: 0, email: 0, phone: 0, fuzzy: 0 };
  let keyComparisons = 0;

  const tryUnion = (i: number, j: number, reason: IdentifierType | 'fuzzy', extra: Omit<MatchLink, 'a' | 'b' | 'reason'>): boolean => {
    const ri = sets.find(i);
    const rj = sets.find(j);
    if (ri === rj) return true;
    const a = (recs[i] as NormalizedCustomerRecord).record.recordId;
    const b = (recs[j] as NormalizedCustomerRecord).record.recordId;
    const ci = clusterCpf[ri];
    const cj = clusterCpf[rj];
    if (ci !== undefined && cj !== undefined && ci !== cj) {
      refused.push({ a, b, reason, guard: 'cpf_conflict' });
      return false;
    }
    if ((sets.size[ri] as number) + (sets.size[rj] as number) > cfg.maxCluster) {
      refused.push({ a, b, reason, guard: 'cluster_size' });
      return false;
    }
    const root = sets.unionRoots(ri, rj);
    clusterCpf[root] = ci ?? cj;
    links.push({ a, b, reason, ...extra });
    linkCounts[reason]++;
    return true;
  };

  // 1. Deterministic keys, by priority.
  for (const rule of cfg.keys) {
    // Singletons stay plain numbers: most keys are unique, and an array each would be garbage.
    const groups = new Map<string, number | number[]>();
    for (let i = 0; i < n; i++) {
      const k = keyOf(recs[i] as NormalizedCustomerRecord, rule.type);
      if (k === undefined) continue;
      const g = groups.get(k);
      if (g === undefined) groups.set(k, i);
      else if (typeof g === 'number') groups.set(k, [g, i]);
      else g.push(i);
    }
    for (const [value, g] of groups) {
      if (typeof g === 'number') continue;
      if (g.length > rule.max) {
        noisyKeys.push({ type: rule.type, value, records: g.length });
        continue;
      }
      for (let x = 1; x < g.length; x++) {
        const i = g[x] as number;
        const ri = recs[i] as NormalizedCustomerRecord;
        let linked = false;
        let guarded = false;
        let lastConflict = -1;
        for (let y = 0; y < x && !linked && !guarded; y++) {
          const j = g[y] as number;
          const rj = recs[j] as NormalizedCustomerRecord;
          keyComparisons++;
          let score: number | undefined;
          if (ri.nameKey.length > 0 && rj.nameKey.length > 0) {
            score = nameScore(ri, rj);
            if (score < rule.minName) {
              lastConflict = j;
              continue;
            }
          }
          linked = tryUnion(j, i, rule.type, score === undefined ? {} : { nameScore: round3(score) });
          guarded = !linked;
        }
        if (!linked && !guarded && lastConflict >= 0) {
          refused.push({
            a: (recs[lastConflict] as NormalizedCustomerRecord).record.recordId,
            b: ri.record.recordId,
            reason: rule.type,
            guard: 'name_conflict',
          });
        }
      }
    }
  }

  // 2. Fuzzy names within blocks.
  let pairsCompared = 0;
  let blockCount = 0;
  let largestBlock = 0;
  let windowedBlocks = 0;
  if (cfg.fuzzy) {
    const blocks = new Map<string, number | number[]>();
    const add = (key: string, i: number): void => {
      const b = blocks.get(key);
      if (b === undefined) blocks.set(key, i);
      else if (typeof b === 'number') blocks.set(key, [b, i]);
      else b.push(i);
    };
    // A fuzzy link needs a strongly agreeing field (exact postal code, full birth date, phone or e-mail key;
    // the last two already linked by keys unless noisy), so blocking on the postal code and the birth
    // date loses no link. The postal code goes with the Portuguese phonetic code of the first name, and
    // again of the last; the birth date (a small universe: some 30,000 in use) with the code of the first
    // name and the initial of the last, and again the other way round. Spelling variants
    // (Thiago/Tiago, Wagner/Vagner) share a code, a typo in one name leaves the other key in common, and
    // blocks stay small as the base grows.
    for (let i = 0; i < n; i++) {
      const r = recs[i] as NormalizedCustomerRecord;
      if (r.phoneticKey.length === 0) continue;
      const space = r.phoneticKey.indexOf(' ');
      const pf = space < 0 ? r.phoneticKey : r.phoneticKey.slice(0, space);
      const pl = space < 0 ? '' : r.phoneticKey.slice(space + 1);
      const bd = r.birthday;
      const date = bd !== undefined && bd.year !== undefined ? `${bd.year}-${bd.month}-${bd.day}` : undefined;
      // Key 1: code of the first name + initial of the last; key 2: initial of the first + code of the last.
      const k1 = `${pf}|${pl.charAt(0)}`;
      const k2 = `${pf.charAt(0)}|${pl}`;
      if (r.postalCode !== undefined) {
        // A postal code is a large universe: the first name's code alone is enough, which also meets
        // records where a family name was added or dropped.
        add(`p|${r.postalCode}|${pf}`, i);
        if (pl.length > 0 && pl !== pf) add(`p|${r.postalCode}|${pl}`, i);
      }
      if (date !== undefined) {
        add(`b|${date}|${k1}`, i);
        if (k2 !== k1) add(`b|${date}|${k2}`, i);
      }
    }
    const seen = new Set<number>();
    const compare = (i: number, j: number): void => {
      const lo = i < j ? i : j;
      const hi = i < j ? j : i;
      const code = lo * n + hi;
      if (seen.has(code)) return;
      seen.add(code);
      if (sets.find(lo) === sets.find(hi)) return;
      pairsCompared++;
      decide(lo, hi);
    };
    const decide = (i: number, j: number): void => {
      const x = recs[i] as NormalizedCustomerRecord;
      const y = recs[j] as NormalizedCustomerRecord;
      if (x.cpf !== undefined && y.cpf !== undefined && x.cpf !== y.cpf) return;
      const bd = sameBirthday(x, y);
      if (bd === false) return;
      const s = nameScore(x, y);
      if (s < cfg.low) return;
      // Strong agreements are facts a namesake rarely shares; weak ones (a year-less birthday, the e-mail user
      // at another provider — often derived from the name —, the city) only send a pair to review.
      const agreements: string[] = [];
      let strong = 0;
      if (bd === true) {
        const full = x.birthday?.year !== undefined && y.birthday?.year !== undefined;
        agreements.push(full ? 'birthday' : 'birthdayDayMonth');
        if (full) strong++;
      }
      if (x.postalCode !== undefined && x.postalCode === y.postalCode) {
        agreements.push('postalCode');
        strong++;
      }
      if (x.phone !== undefined && x.phone === y.phone) {
        agreements.push('phone');
        strong++;
      }
      if (x.emailKey !== undefined && x.emailKey === y.emailKey) {
        agreements.push('email');
        strong++;
      } else {
        const ux = emailUser(x.emailKey);
        if (ux !== undefined && ux === emailUser(y.emailKey)) agreements.push('emailUser');
      }
      if (x.city !== undefined && x.city === y.city && x.state === y.state && !agreements.includes('postalCode')) agreements.push('city');
      const link = (s >= cfg.high && strong >= 1) || (s >= cfg.medium && strong >= 2) || strong >= 3;
      const entry = { nameScore: round3(s), agreements };
      if (link) tryUnion(i, j, 'fuzzy', entry);
      else if (agreements.length >= 1) {
        review.push({ a: x.record.recordId, b: y.record.recordId, reason: 'fuzzy', ...entry });
      }
    };
    for (const members of blocks.values()) {
      if (typeof members === 'number') continue;
      const size = members.length;
      blockCount++;
      if (size > largestBlock) largestBlock = size;
      if (size <= cfg.maxBlock) {
        for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) compare(members[a] as number, members[b] as number);
      } else {
        windowedBlocks++;
        const sorted = [...members].sort((p, q) => {
          const kp = (recs[p] as NormalizedCustomerRecord).sortedNameKey;
          const kq = (recs[q] as NormalizedCustomerRecord).sortedNameKey;
          return kp < kq ? -1 : kp > kq ? 1 : p - q;
        });
        for (let a = 0; a < size; a++) {
          const end = Math.min(size, a + 1 + cfg.window);
          for (let b = a + 1; b < end; b++) compare(sorted[a] as number, sorted[b] as number);
        }
      }
    }
  }

  // 3. Clusters.
  const byRoot = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    const id = (recs[i] as NormalizedCustomerRecord).record.recordId;
    const c = byRoot.get(root);
    if (c === undefined) byRoot.set(root, [id]);
    else c.push(id);
  }
  // Records are sorted by id, so each cluster is sorted and the first-seen order of roots is by first id.
  const clusters = [...byRoot.values()];
  clusters.sort((p, q) => ((p[0] as string) < (q[0] as string) ? -1 : 1));
  review.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
  return {
    clusters,
    links,
    review: review.filter((r) => !sameCluster(r, sets, recs)),
    refused,
    noisyKeys,
    rejected,
    stats: {
      records: n,
      keyComparisons,
      pairsCompared,
      blocks: blockCount,
      largestBlock,
      windowedBlocks,
      links: linkCounts,
      clusters: clusters.length,
      duplicateRecords: n - clusters.length,
    },
  };
}

function sameCluster(r: MatchLink, sets: DisjointSets, recs: readonly NormalizedCustomerRecord[]): boolean {
  // Review pairs hold record ids; find their positions by binary search (records are sorted by id).
  const i = indexOf(recs, r.a);
  const j = indexOf(recs, r.b);
  return i >= 0 && j >= 0 && sets.find(i) === sets.find(j);
}

function indexOf(recs: readonly NormalizedCustomerRecord[], id: string): number {
  let lo = 0;
  let hi = recs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = (recs[mid] as NormalizedCustomerRecord).record.recordId;
    if (m === id) return mid;
    if (m < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Compares record ids by UTF-16 code units (the order of clusters and golden ids).
 *
 * @param a - One record.
 * @param b - The other.
 * @returns Negative, zero or positive.
 * @internal
 */
export function byRecordId(a: CustomerRecord, b: CustomerRecord): number {
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/**
 * Checks, normalises and sorts a batch.
 *
 * @param input - Raw records.
 * @param options - Default country and blocked values.
 * @returns The normalised records sorted by id, and the rejected ones.
 * @internal
 */
export function prepareRecords(
  input: Iterable<CustomerRecord>,
  options: NormalizeOptions,
): { normalized: NormalizedCustomerRecord[]; rejected: RejectedRecord[] } {
  const { records, rejected } = checkRecords(input);
  records.sort(byRecordId);
  const country = options.defaultCountry ?? 'BR';
  if (country !== 'BR' && country !== 'PT' && country !== 'US') {
    throw new JornadaError('INVALID_OPTION', 'defaultCountry must be BR, PT or US', { details: { defaultCountry: country } });
  }
  const blocked = blockedSet(options);
  const cache = createNormalizeCache();
  return { normalized: records.map((r) => normalizeRecordWith(r, country, blocked, cache)), rejected };
}

/**
 * Finds the records that belong to one person. Records are first linked by deterministic keys in
 * priority order — valid CPF, e-mail match key, E.164 phone — skipping placeholder values and values
 * shared by more records than the key's limit; a phone or e-mail link is refused when both names are
 * known and clearly differ. Then names are compared with Jaro–Winkler within blocks (the postal code with
 * the Portuguese phonetic code of the first or of the last name; the birth date with the code of one name
 * and the initial of the other):
 * a pair links at ≥ 0.92 with one strongly agreeing field (birth date, postal code, phone, e-mail key),
 * ≥ 0.88 with two, ≥ 0.70 with three, and never across different valid CPFs or different birthdays;
 * weaker evidence (same city, same e-mail user at another provider) only sends a pair to `review`. Links are transitive (union-find), but a link that would
 * put two different valid CPFs in one cluster or grow a cluster beyond `maxClusterSize` is refused.
 *
 * The result depends only on the set of records, not on their order: records are processed sorted by
 * `recordId`.
 *
 * @param records - Raw records; malformed ones are left out and listed in `rejected`, never thrown.
 * @param options - Keys, thresholds, blocking and guards.
 * @returns Clusters of record ids, the links and refused links, pairs for review, noisy keys and counts.
 * @throws {JornadaError} `INVALID_OPTION` for an option out of range; `INVALID_INPUT` when `records` is not iterable.
 *
 * @example
 * ```ts
 * const t = new Date('2026-01-01T00:00:00Z');
 * const m = matchRecords([
 *   { recordId: 'a', source: 'web', updatedAt: t, fullName: 'Ana Souza', email: 'ana.souza@gmail.com' },
 *   { recordId: 'b', source: 'store', updatedAt: t, fullName: 'ANA SOUSA', email: 'anasouza+pet@gmail.com' },
 *   { recordId: 'c', source: 'store', updatedAt: t, fullName: 'Bruno Lima', phone: '(11) 91234-5678' },
 * ]);
 * m.clusters; //=> [['a', 'b'], ['c']]
 * m.links[0]?.reason; //=> 'email'
 * ```
 * @category Matching
 */
export function matchRecords(records: Iterable<CustomerRecord>, options: MatchOptions = {}): MatchResult {
  const cfg = matchConfig(options);
  const { normalized, rejected } = prepareRecords(records, options);
  return matchNormalized(normalized, cfg, rejected);
}
