/**
 * RFM: recency, frequency and monetary scores 1..k by quantiles (two documented tie conventions) or by
 * fixed thresholds, and the RFM segment map as a first-match rule table.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import type { FactLabel } from './profile.js';

/**
 * One customer's RFM inputs.
 *
 * @category RFM
 */
export interface RfmInput {
  /** The customer. */
  customerId: string;
  /** Days from the last purchase to the analysis date (lower is better). */
  recencyDays: number;
  /** Number of purchases. */
  frequency: number;
  /** Money spent, in major units (a total; or an average if you prefer, consistently). */
  monetary: number;
}

/**
 * How quantile scores treat ties and bin edges.
 *
 * - `r-rfm` — the R package `rfm` (Hebbali, `rfm_table_order` / `rfm_table_customer`): the cut points
 *   are the sample quantiles at 1/k, 2/k, … (R's default quantile, type 7) **plus one**, and bins are
 *   half-open `[cut_{j−1}, cut_j)`; with integer data a value equal to a quantile stays in the lower bin.
 *   Ties always share a score; heavy ties leave some scores empty.
 * - `pandas-qcut` — the common pandas recipe: recency and monetary by `qcut(x, k)` (the same type-7
 *   quantiles, right-closed bins `(q_{j−1}, q_j]`), frequency by `qcut(frequency.rank(method="first"), k)`,
 *   so equal frequencies are split by order — here the order of `customerId` (UTF-16 code units), as the
 *   recipe sorts rows by customer id before ranking. Where pandas would raise on duplicate edges,
 *   jornada leaves the empty bins empty.
 *
 * @category RFM
 */
export type RfmTieConvention = 'r-rfm' | 'pandas-qcut';

/**
 * Options of {@link rfmScores}.
 *
 * @category RFM
 */
export interface RfmScoreOptions {
  /** Number of scores k for the quantile method (2–9 so that codes stay one digit each); default 5. */
  bins?: number;
  /** `quantiles` (default) or `thresholds`. */
  method?: 'quantiles' | 'thresholds';
  /** The quantile tie convention; default `r-rfm`. */
  ties?: RfmTieConvention;
  /**
   * For `method: 'thresholds'`: increasing cut points per dimension; scores are 1 + the number of cut
   * points ≤ the value (bins `[t_{j−1}, t_j)`, as `rfm_table_order` with vector bins), recency reversed.
   * Each dimension may have its own number of cut points (k = cut points + 1, at most 8 cut points).
   */
  thresholds?: {
    /** Recency cut points, in days. */
    recency: readonly number[];
    /** Frequency cut points. */
    frequency: readonly number[];
    /** Monetary cut points. */
    monetary: readonly number[];
  };
}

/**
 * One customer's scores. Higher is better on all three: a recency score of 5 is the most recent fifth.
 *
 * @category RFM
 */
export interface RfmScore extends RfmInput {
  /** Recency score, 1..k (k = most recent). */
  recencyScore: number;
  /** Frequency score, 1..k (k = most frequent). */
  frequencyScore: number;
  /** Monetary score, 1..k (k = highest spend). */
  monetaryScore: number;
  /** `100·R + 10·F + M`, the R package's `rfm_score` (`543`). */
  rfmScore: number;
}

/**
 * Result of {@link rfmScores}.
 *
 * @category RFM
 */
export interface RfmScoring {
  /** One score per input, in input order. */
  scores: RfmScore[];
  /**
   * The cut points used per dimension, ascending in the raw value. A value's ascending score is
   * 1 + the number of cut points it reaches: `value ≥ cut` for `r-rfm` and thresholds, `value > cut`
   * for `pandas-qcut` (whose frequency cut points are on ranks 1..n).
   */
  cutPoints: {
    /** Recency cut points (days). */
    recency: number[];
    /** Frequency cut points (counts, or ranks for `pandas-qcut`). */
    frequency: number[];
    /** Monetary cut points. */
    monetary: number[];
  };
}

/**
 * Sample quantile of sorted data, R type 7 / numpy `linear`: h = (n − 1)·p, interpolating between the
 * order statistics around h. Follows R's arithmetic (index 1 + (n − 1)p, `(1 − h)·x_lo + h·x_hi`, no
 * interpolation between equal neighbours), so that cut points equal R's to the last bit.
 */
function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const xlo = sorted[lo - 1] as number;
  const xhi = sorted[hi - 1] as number;
  const h = index - lo;
  if (index > lo && xhi !== xlo) return (1 - h) * xlo + h * xhi;
  return xlo;
}

/** numpy's `linear` quantile (what pandas `qcut` uses): virtual index (n − 1)·p and numpy's `_lerp`. */
function quantileNumpyLinear(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * p;
  const prev = Math.floor(virtual);
  const next = Math.min(prev + 1, n - 1);
  const t = virtual - prev;
  const a = sorted[prev] as number;
  const b = sorted[next] as number;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function probabilities(k: number): number[] {
  // seq(0, 1, length.out = k + 1) in R and linspace(0, 1, k + 1) in numpy both compute j · (1/k).
  const step = 1 / k;
  const out: number[] = [];
  for (let j = 1; j < k; j++) out.push(j * step);
  return out;
}

function countAtOrBelow(cuts: readonly number[], v: number): number {
  let c = 0;
  for (let j = 0; j < cuts.length; j++) if (v >= (cuts[j] as number)) c++;
  return c;
}

function countBelow(cuts: readonly number[], v: number): number {
  let c = 0;
  for (let j = 0; j < cuts.length; j++) if (v > (cuts[j] as number)) c++;
  return c;
}

function checkInputs(inputs: readonly RfmInput[]): void {
  inputs.forEach((r, i) => {
    for (const key of ['recencyDays', 'frequency', 'monetary'] as const) {
      if (typeof r[key] !== 'number' || !Number.isFinite(r[key])) {
        throw new JornadaError('INVALID_INPUT', `RFM input ${i}: ${key} must be a finite number`, { issues: [{ path: [i, key], message: 'must be a finite number' }] });
      }
    }
    if (typeof r.customerId !== 'string') {
      throw new JornadaError('INVALID_INPUT', `RFM input ${i}: customerId must be a string`, { issues: [{ path: [i, 'customerId'], message: 'must be a string' }] });
    }
  });
}

function checkThresholds(name: string, cuts: readonly number[] | undefined): number[] {
  if (cuts === undefined || !Array.isArray(cuts) || cuts.length === 0 || cuts.length > 8) {
    throw new JornadaError('INVALID_OPTION', `thresholds.${name} needs 1 to 8 cut points`, { issues: [{ path: ['thresholds', name], message: 'needs 1 to 8 cut points' }] });
  }
  for (let j = 0; j < cuts.length; j++) {
    const c = cuts[j] as number;
    if (typeof c !== 'number' || !Number.isFinite(c) || (j > 0 && c <= (cuts[j - 1] as number))) {
      throw new JornadaError('INVALID_OPTION', `thresholds.${name} must be finite and strictly increasing`, { issues: [{ path: ['thresholds', name, j], message: 'must be finite and greater than the previous cut point' }] });
    }
  }
  return [...cuts];
}

/**
 * RFM scores of a population.
 *
 * Quantile scores depend on the whole population, so score all customers together. Recency is
 * reversed: the most recent customers get the highest recency score.
 *
 * @param inputs - Recency (days), frequency and monetary value per customer.
 * @param options - Number of bins, method, tie convention or thresholds.
 * @returns Scores in input order, with the cut points used.
 * @throws {JornadaError} `INVALID_INPUT` for a non-finite value; `INVALID_OPTION` for bins outside 2–9,
 *   or thresholds that are missing, not increasing or more than 8; `EMPTY_INPUT` for quantiles of no customers.
 *
 * @example
 * ```ts
 * const customers = [
 *   { customerId: 'a', recencyDays: 10, frequency: 9, monetary: 900 },
 *   { customerId: 'b', recencyDays: 20, frequency: 7, monetary: 700 },
 *   { customerId: 'c', recencyDays: 30, frequency: 5, monetary: 500 },
 *   { customerId: 'd', recencyDays: 40, frequency: 3, monetary: 300 },
 *   { customerId: 'e', recencyDays: 50, frequency: 1, monetary: 100 },
 * ];
 * rfmScores(customers).scores.map((s) => s.rfmScore); //=> [555, 444, 323, 212, 111]
 * // (R's cut points are the quantiles + 1: a frequency of 5 reaches only 2.6 + 1, so it scores 2)
 * rfmScores(customers, { ties: 'pandas-qcut' }).scores.map((s) => s.rfmScore); //=> [555, 444, 333, 222, 111]
 * ```
 * @category RFM
 */
export function rfmScores(inputs: Iterable<RfmInput>, options: RfmScoreOptions = {}): RfmScoring {
  const rows = [...inputs];
  checkInputs(rows);
  const method = options.method ?? 'quantiles';
  const ties = options.ties ?? 'r-rfm';
  if (method === 'thresholds') {
    const t = options.thresholds;
    const rc = checkThresholds('recency', t?.recency);
    const fc = checkThresholds('frequency', t?.frequency);
    const mc = checkThresholds('monetary', t?.monetary);
    const scores = rows.map((r) => {
      const recencyScore = rc.length + 1 - countAtOrBelow(rc, r.recencyDays);
      const frequencyScore = 1 + countAtOrBelow(fc, r.frequency);
      const monetaryScore = 1 + countAtOrBelow(mc, r.monetary);
      return { ...r, recencyScore, frequencyScore, monetaryScore, rfmScore: 100 * recencyScore + 10 * frequencyScore + monetaryScore };
    });
    return { scores, cutPoints: { recency: rc, frequency: fc, monetary: mc } };
  }
  if (method !== 'quantiles') {
    throw new JornadaError('INVALID_OPTION', `Unknown RFM method: ${String(method)}`, { issues: [{ path: ['method'], message: 'quantiles or thresholds' }] });
  }
  if (ties !== 'r-rfm' && ties !== 'pandas-qcut') {
    throw new JornadaError('INVALID_OPTION', `Unknown tie convention: ${String(ties)}`, { issues: [{ path: ['ties'], message: 'r-rfm or pandas-qcut' }] });
  }
  const k = options.bins ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > 9) {
    throw new JornadaError('INVALID_OPTION', 'bins must be an integer from 2 to 9', { issues: [{ path: ['bins'], message: 'an integer from 2 to 9' }] });
  }
  if (rows.length === 0) throw new JornadaError('EMPTY_INPUT', 'RFM quantile scores need at least one customer');
  const probs = probabilities(k);
  const sortedOf = (key: 'recencyDays' | 'frequency' | 'monetary'): Float64Array => Float64Array.from(rows, (r) => r[key]).sort();
  const rs = sortedOf('recencyDays');
  const fs = sortedOf('frequency');
  const ms = sortedOf('monetary');
  if (ties === 'r-rfm') {
    const cuts = (sorted: Float64Array): number[] => probs.map((p) => quantileType7(sorted, p) + 1);
    const rc = cuts(rs);
    const fc = cuts(fs);
    const mc = cuts(ms);
    const scores = rows.map((r) => {
      const recencyScore = k - countAtOrBelow(rc, r.recencyDays);
      const frequencyScore = 1 + countAtOrBelow(fc, r.frequency);
      const monetaryScore = 1 + countAtOrBelow(mc, r.monetary);
      return { ...r, recencyScore, frequencyScore, monetaryScore, rfmScore: 100 * recencyScore + 10 * frequencyScore + monetaryScore };
    });
    return { scores, cutPoints: { recency: rc, frequency: fc, monetary: mc } };
  }
  // pandas-qcut: frequency on ordinal ranks, ties split by customerId.
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const ra = rows[a] as RfmInput;
    const rb = rows[b] as RfmInput;
    if (ra.frequency !== rb.frequency) return ra.frequency - rb.frequency;
    return ra.customerId < rb.customerId ? -1 : ra.customerId > rb.customerId ? 1 : a - b;
  });
  const rank = new Float64Array(rows.length);
  order.forEach((i, position) => {
    rank[i] = position + 1;
  });
  const ranks = Float64Array.from({ length: rows.length }, (_, i) => i + 1);
  const cuts = (sorted: Float64Array): number[] => probs.map((p) => quantileNumpyLinear(sorted, p));
  const rc = cuts(rs);
  const fc = cuts(ranks);
  const mc = cuts(ms);
  const scores = rows.map((r, i) => {
    const recencyScore = k - countBelow(rc, r.recencyDays);
    const frequencyScore = 1 + countBelow(fc, rank[i] as number);
    const monetaryScore = 1 + countBelow(mc, r.monetary);
    return { ...r, recencyScore, frequencyScore, monetaryScore, rfmScore: 100 * recencyScore + 10 * frequencyScore + monetaryScore };
  });
  return { scores, cutPoints: { recency: rc, frequency: fc, monetary: mc } };
}

/**
 * An order as {@link rfmInputsFromOrders} reads it (a {@link Order} fits).
 *
 * @category RFM
 */
export interface RfmOrderLike {
  /** The customer. */
  customerId: string;
  /** When it was placed. */
  placedAt: Date;
  /** Amount paid. */
  total: number;
  /** Orders `cancelled` or `refunded` are skipped. */
  status?: string;
  /** ISO 4217 code; all counted orders must share one. */
  currency?: string;
}

/**
 * Recency, frequency and monetary value per customer from orders, as `rfm_table_order` computes them:
 * recency is the whole days from the last order to `asOf` (elapsed time rounded down), frequency the
 * number of orders, monetary the sum of totals. Orders after `asOf`, and `cancelled` or `refunded`
 * orders, are left out.
 *
 * @param orders - Orders of any customers, in any order.
 * @param asOf - The analysis instant (pass midnight to count calendar days, as the R package's dates do).
 * @returns One input per customer with orders, in order of first appearance.
 * @throws {JornadaError} `INVALID_INPUT` when counted orders mix currencies or a total is not finite;
 *   `INVALID_OPTION` when `asOf` is not a valid date.
 *
 * @example
 * ```ts
 * rfmInputsFromOrders([
 *   { customerId: 'a', placedAt: new Date('2006-12-01T00:00:00Z'), total: 50 },
 *   { customerId: 'a', placedAt: new Date('2006-12-21T00:00:00Z'), total: 30 },
 * ], new Date('2006-12-31T00:00:00Z'));
 * //=> [{ customerId: 'a', recencyDays: 10, frequency: 2, monetary: 80 }]
 * ```
 * @category RFM
 */
export function rfmInputsFromOrders(orders: Iterable<RfmOrderLike>, asOf: Date): RfmInput[] {
  const asOfT = asOf instanceof Date ? asOf.getTime() : NaN;
  if (Number.isNaN(asOfT)) throw new JornadaError('INVALID_OPTION', 'asOf must be a valid Date', { issues: [{ path: ['asOf'], message: 'not a valid date' }] });
  const byCustomer = new Map<string, { last: number; frequency: number; monetary: number }>();
  let currency: string | undefined;
  let index = 0;
  for (const o of orders) {
    const t = o.placedAt.getTime();
    if (!(t <= asOfT) || o.status === 'cancelled' || o.status === 'refunded') {
      index++;
      continue;
    }
    if (!Number.isFinite(o.total)) throw new JornadaError('INVALID_INPUT', `Order ${index}: total must be finite`, { issues: [{ path: [index, 'total'], message: 'must be finite' }] });
    if (o.currency !== undefined) {
      if (currency === undefined) currency = o.currency;
      else if (currency !== o.currency) {
        throw new JornadaError('INVALID_INPUT', `Order ${index}: currency ${o.currency} differs from ${currency}; convert or split first`, { issues: [{ path: [index, 'currency'], message: 'mixed currencies' }] });
      }
    }
    const acc = byCustomer.get(o.customerId);
    if (acc === undefined) byCustomer.set(o.customerId, { last: t, frequency: 1, monetary: o.total });
    else {
      if (t > acc.last) acc.last = t;
      acc.frequency++;
      acc.monetary += o.total;
    }
    index++;
  }
  const out: RfmInput[] = [];
  for (const [customerId, acc] of byCustomer) {
    out.push({ customerId, recencyDays: Math.floor((asOfT - acc.last) / MS_PER_DAY), frequency: acc.frequency, monetary: acc.monetary });
  }
  return out;
}

/**
 * One row of an RFM segment table: the segment of the first rule whose score ranges (inclusive) all
 * contain the customer's scores. An absent range matches any score.
 *
 * @category RFM
 */
export interface RfmSegmentRule {
  /** The segment id (or name) assigned. */
  segment: string;
  /** Recency score range `[low, high]`. */
  recency?: [number, number];
  /** Frequency score range `[low, high]`. */
  frequency?: [number, number];
  /** Monetary score range `[low, high]`. */
  monetary?: [number, number];
}

/**
 * The ids of the 11 segments of the common RFM segment map.
 *
 * @category RFM
 */
export type RfmSegmentId =
  | 'champions'
  | 'loyal_customers'
  | 'potential_loyalist'
  | 'new_customers'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cant_lose_them'
  | 'hibernating'
  | 'lost';

/**
 * The default RFM segment map for 5 scores: the common recency × frequency grid (each of the 25 R×F
 * cells belongs to exactly one segment, so the order does not matter and nothing falls through), with
 * the low-frequency, low-recency corner split into `hibernating` (R 2) and `lost` (R 1):
 *
 * | R \ F | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | new_customers | potential_loyalist | potential_loyalist | champions | champions |
 * | 4 | promising | potential_loyalist | potential_loyalist | loyal_customers | loyal_customers |
 * | 3 | about_to_sleep | about_to_sleep | need_attention | loyal_customers | loyal_customers |
 * | 2 | hibernating | hibernating | at_risk | at_risk | cant_lose_them |
 * | 1 | lost | lost | at_risk | at_risk | cant_lose_them |
 *
 * Replace it with your own table (for instance one that also reads M) wherever a rules argument is taken.
 *
 * @example
 * ```ts
 * rfmSegment({ recencyScore: 1, frequencyScore: 5, monetaryScore: 5 }); //=> 'cant_lose_them'
 * ```
 * @category RFM
 */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = Object.freeze([
  { segment: 'champions', recency: [5, 5], frequency: [4, 5] },
  { segment: 'loyal_customers', recency: [3, 4], frequency: [4, 5] },
  { segment: 'potential_loyalist', recency: [4, 5], frequency: [2, 3] },
  { segment: 'new_customers', recency: [5, 5], frequency: [1, 1] },
  { segment: 'promising', recency: [4, 4], frequency: [1, 1] },
  { segment: 'need_attention', recency: [3, 3], frequency: [3, 3] },
  { segment: 'about_to_sleep', recency: [3, 3], frequency: [1, 2] },
  { segment: 'at_risk', recency: [1, 2], frequency: [3, 4] },
  { segment: 'cant_lose_them', recency: [1, 2], frequency: [5, 5] },
  { segment: 'hibernating', recency: [2, 2], frequency: [1, 2] },
  { segment: 'lost', recency: [1, 1], frequency: [1, 2] },
] satisfies RfmSegmentRule[]);

/**
 * Labels of the 11 default segments in English and Brazilian Portuguese.
 *
 * @example
 * ```ts
 * RFM_SEGMENT_LABELS.cant_lose_them['pt-BR']; //=> 'Não podemos perder'
 * ```
 * @category RFM
 */
export const RFM_SEGMENT_LABELS: Readonly<Record<RfmSegmentId, FactLabel>> = Object.freeze({
  champions: { en: 'Champions', 'pt-BR': 'Campeões' },
  loyal_customers: { en: 'Loyal Customers', 'pt-BR': 'Clientes fiéis' },
  potential_loyalist: { en: 'Potential Loyalist', 'pt-BR': 'Potenciais fiéis' },
  new_customers: { en: 'New Customers', 'pt-BR': 'Clientes novos' },
  promising: { en: 'Promising', 'pt-BR': 'Promissores' },
  need_attention: { en: 'Need Attention', 'pt-BR': 'Precisam de atenção' },
  about_to_sleep: { en: 'About To Sleep', 'pt-BR': 'Quase adormecidos' },
  at_risk: { en: 'At Risk', 'pt-BR': 'Em risco' },
  cant_lose_them: { en: "Can't Lose Them", 'pt-BR': 'Não podemos perder' },
  hibernating: { en: 'Hibernating', 'pt-BR': 'Hibernando' },
  lost: { en: 'Lost', 'pt-BR': 'Perdidos' },
});

/**
 * The label of a segment id in a language: the built-in label of the 11 default segments, else the id.
 *
 * @param segment - A segment id.
 * @param locale - `en` or `pt-BR` (any `pt…` gives Portuguese).
 * @returns The label.
 *
 * @example
 * ```ts
 * rfmSegmentLabel('champions', 'pt-BR'); //=> 'Campeões'
 * rfmSegmentLabel('my_own', 'en'); //=> 'my_own'
 * ```
 * @category RFM
 */
export function rfmSegmentLabel(segment: string, locale: string): string {
  if (!Object.prototype.hasOwnProperty.call(RFM_SEGMENT_LABELS, segment)) return segment;
  const label = RFM_SEGMENT_LABELS[segment as RfmSegmentId];
  return locale.toLowerCase().startsWith('pt') ? label['pt-BR'] : label.en;
}

function inRange(range: readonly [number, number] | undefined, v: number): boolean {
  return range === undefined || (v >= range[0] && v <= range[1]);
}

function checkRules(rules: readonly RfmSegmentRule[]): void {
  if (!Array.isArray(rules)) throw new JornadaError('INVALID_OPTION', 'rules must be an array', { issues: [{ path: ['rules'], message: 'an array of rules' }] });
  rules.forEach((rule, i) => {
    if (typeof rule !== 'object' || rule === null || typeof rule.segment !== 'string' || rule.segment.length === 0) {
      throw new JornadaError('INVALID_OPTION', `RFM rule ${i} needs a segment name`, { issues: [{ path: ['rules', i, 'segment'], message: 'a non-empty string' }] });
    }
    for (const key of ['recency', 'frequency', 'monetary'] as const) {
      const r = rule[key];
      if (r === undefined) continue;
      if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || r[0] > r[1]) {
        throw new JornadaError('INVALID_OPTION', `RFM rule ${i}: ${key} must be [low, high] with low ≤ high`, { issues: [{ path: ['rules', i, key], message: '[low, high] with low ≤ high' }] });
      }
    }
  });
}

/**
 * The segment of one set of scores: the first matching rule's segment, or `otherSegment`.
 *
 * @param scores - R, F and M scores.
 * @param rules - First-match rule table; default {@link RFM_SEGMENT_RULES}.
 * @param otherSegment - Segment of scores no rule matches; default `others`.
 * @returns The segment.
 * @throws {JornadaError} `INVALID_OPTION` for a malformed rule table.
 *
 * @example
 * ```ts
 * rfmSegment({ recencyScore: 5, frequencyScore: 5, monetaryScore: 1 }); //=> 'champions'
 * rfmSegment({ recencyScore: 3, frequencyScore: 3, monetaryScore: 3 }, [{ segment: 'top', recency: [5, 5] }]); //=> 'others'
 * ```
 * @category RFM
 */
export function rfmSegment(
  scores: Pick<RfmScore, 'recencyScore' | 'frequencyScore' | 'monetaryScore'>,
  rules: readonly RfmSegmentRule[] = RFM_SEGMENT_RULES,
  otherSegment = 'others',
): string {
  checkRules(rules);
  return segmentOf(scores, rules, otherSegment);
}

function segmentOf(scores: Pick<RfmScore, 'recencyScore' | 'frequencyScore' | 'monetaryScore'>, rules: readonly RfmSegmentRule[], other: string): string {
  for (const rule of rules) {
    if (inRange(rule.recency, scores.recencyScore) && inRange(rule.frequency, scores.frequencyScore) && inRange(rule.monetary, scores.monetaryScore)) {
      return rule.segment;
    }
  }
  return other;
}

/**
 * Options of {@link rfmSegments}.
 *
 * @category RFM
 */
export interface RfmSegmentOptions {
  /** First-match rule table; default {@link RFM_SEGMENT_RULES}. */
  rules?: readonly RfmSegmentRule[];
  /** Segment of scores no rule matches; default `others`. */
  otherSegment?: string;
}

/**
 * The segment {@link rfmSegments} adds to each score.
 *
 * @category RFM
 */
export interface RfmSegmentAssignment {
  /** Id of the first rule that matched, or the `otherSegment` id when none did. */
  segment: string;
}

/**
 * Assigns every scored customer to a segment (first matching rule wins).
 *
 * @typeParam T - The score rows.
 * @param scores - Scores from {@link rfmScores}.
 * @param options - The rule table and the fallback segment.
 * @returns The rows with `segment` added, in input order.
 * @throws {JornadaError} `INVALID_OPTION` for a malformed rule table.
 *
 * @example
 * ```ts
 * rfmSegments([{ customerId: 'a', recencyDays: 3, frequency: 9, monetary: 900,
 *   recencyScore: 5, frequencyScore: 5, monetaryScore: 5, rfmScore: 555 }])[0]?.segment; //=> 'champions'
 * ```
 * @category RFM
 */
export function rfmSegments<T extends Pick<RfmScore, 'recencyScore' | 'frequencyScore' | 'monetaryScore'>>(
  scores: Iterable<T>,
  options: RfmSegmentOptions = {},
): Array<T & RfmSegmentAssignment> {
  const rules = options.rules ?? RFM_SEGMENT_RULES;
  checkRules(rules);
  const other = options.otherSegment ?? 'others';
  const out: Array<T & RfmSegmentAssignment> = [];
  for (const s of scores) out.push({ ...s, segment: segmentOf(s, rules, other) });
  return out;
}

/**
 * One row of {@link rfmSegmentSummary}.
 *
 * @category RFM
 */
export interface RfmSegmentSummaryRow {
  /** The segment. */
  segment: string;
  /** Customers in it. */
  customers: number;
  /** Their orders (sum of frequency). */
  orders: number;
  /** Their revenue (sum of monetary). */
  revenue: number;
  /** Share of all customers, 0..1. */
  customerShare: number;
  /** Share of all revenue, 0..1 (`NaN` when total revenue is 0). */
  revenueShare: number;
  /** Revenue per order (`NaN` without orders). */
  averageOrderValue: number;
}

/**
 * Customers, orders, revenue and shares per segment (as the R package's `rfm_segment_summary`, plus shares).
 *
 * @param rows - Segmented rows (from {@link rfmSegments}).
 * @param order - Segment order of the table; segments not listed follow in order of first appearance.
 *   Listed segments without customers appear with zeros. Default: the default map's order, then `others`.
 * @returns One row per segment.
 *
 * @example
 * ```ts
 * rfmSegmentSummary([
 *   { segment: 'champions', frequency: 3, monetary: 300 },
 *   { segment: 'lost', frequency: 1, monetary: 100 },
 * ], ['champions', 'lost']).map((r) => [r.segment, r.revenueShare]); //=> [['champions', 0.75], ['lost', 0.25]]
 * ```
 * @category RFM
 */
export function rfmSegmentSummary(
  rows: Iterable<{ segment: string; frequency: number; monetary: number }>,
  order: readonly string[] = RFM_SEGMENT_RULES.map((r) => r.segment),
): RfmSegmentSummaryRow[] {
  const acc = new Map<string, { customers: number; orders: number; revenue: number }>();
  for (const seg of order) if (!acc.has(seg)) acc.set(seg, { customers: 0, orders: 0, revenue: 0 });
  let customers = 0;
  let revenue = 0;
  for (const r of rows) {
    let a = acc.get(r.segment);
    if (a === undefined) {
      a = { customers: 0, orders: 0, revenue: 0 };
      acc.set(r.segment, a);
    }
    a.customers++;
    a.orders += r.frequency;
    a.revenue += r.monetary;
    customers++;
    revenue += r.monetary;
  }
  const out: RfmSegmentSummaryRow[] = [];
  for (const [segment, a] of acc) {
    out.push({
      segment,
      customers: a.customers,
      orders: a.orders,
      revenue: a.revenue,
      customerShare: customers === 0 ? NaN : a.customers / customers,
      revenueShare: revenue === 0 ? NaN : a.revenue / revenue,
      averageOrderValue: a.orders === 0 ? NaN : a.revenue / a.orders,
    });
  }
  return out;
}
