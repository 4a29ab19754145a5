/**
 * Pairwise evaluation of a deduplication against ground truth.
 *
 * @module
 */

/**
 * Precision and recall of duplicate pairs.
 *
 * @category Matching
 */
export interface DuplicatePairMetrics {
  /** Records present in both assignments (the others are ignored). */
  records: number;
  /** Pairs of records that truly belong to one customer. */
  truePairs: number;
  /** Pairs of records put in one cluster. */
  predictedPairs: number;
  /** Predicted pairs that are true pairs. */
  truePositives: number;
  /** `truePositives / predictedPairs`; 1 when nothing was predicted. */
  precision: number;
  /** `truePositives / truePairs`; 1 when there is nothing to find. */
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1: number;
}

function pairs(k: number): number {
  return (k * (k - 1)) / 2;
}

/**
 * Scores a deduplication by pairs of records, the usual measure of record linkage (Christen, *Data
 * Matching*, 2012, §7.2): a pair is predicted when both records were put in one cluster and true when
 * both belong to one customer. Counted from the contingency table of the two assignments, so the cost is
 * linear in the number of records, not in the number of pairs.
 *
 * @param predicted - Record id → predicted cluster or customer id (e.g. `resolveIdentities(…).assignments`).
 * @param truth - Record id → true customer id.
 * @returns Pair counts, precision, recall and F1.
 *
 * @example
 * ```ts
 * // Truth: {a, b, c} one person, {d} another. Predicted: {a, b}, {c, d}.
 * // True pairs ab, ac, bc (3); predicted ab, cd (2); ab is right: precision 1/2, recall 1/3.
 * const m = evaluateDuplicatePairs({ a: 'X', b: 'X', c: 'Y', d: 'Y' }, { a: '1', b: '1', c: '1', d: '2' });
 * [m.precision, m.recall]; //=> [0.5, 0.3333333333333333]
 * ```
 * @category Matching
 */
export function evaluateDuplicatePairs(
  predicted: Readonly<Record<string, string>>,
  truth: Readonly<Record<string, string>>,
): DuplicatePairMetrics {
  const cell = new Map<string, number>();
  const predCount = new Map<string, number>();
  const trueCount = new Map<string, number>();
  let records = 0;
  for (const rid of Object.keys(predicted)) {
    if (!Object.prototype.hasOwnProperty.call(truth, rid)) continue;
    const p = predicted[rid] as string;
    const t = truth[rid] as string;
    records++;
    const k = `${p.length}:${p}${t}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    trueCount.set(t, (trueCount.get(t) ?? 0) + 1);
  }
  let tp = 0;
  for (const c of cell.values()) tp += pairs(c);
  let pp = 0;
  for (const c of predCount.values()) pp += pairs(c);
  let tt = 0;
  for (const c of trueCount.values()) tt += pairs(c);
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = tt === 0 ? 1 : tp / tt;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { records, truePairs: tt, predictedPairs: pp, truePositives: tp, precision, recall, f1 };
}
