/**
 * Key-driver analysis: how strongly each driver rating (delivery, price, product…) moves with
 * likelihood to recommend, by Pearson and Spearman correlation.
 *
 * @module
 */
import { invalidAt, invalidOption, showValue } from './shared.js';

/**
 * Options of {@link driverCorrelations}.
 *
 * @typeParam T - The item type.
 * @category Metrics
 */
export interface DriverCorrelationOptions<T> {
  /** The outcome of an item; default `item.score` (likelihood to recommend). */
  outcome?: (item: T) => number;
  /** The driver ratings of an item; default `item.drivers`. */
  drivers?: (item: T) => Readonly<Record<string, number>> | undefined;
  /** Survey kind to keep when items carry a `kind`; default `nps` (other kinds are skipped). */
  kind?: string;
  /** Rank drivers by `spearman` (default) or `pearson`, strongest positive first. */
  rankBy?: 'spearman' | 'pearson';
}

/**
 * Correlation of one driver with the outcome, over the items that rated it.
 *
 * @category Metrics
 */
export interface DriverCorrelation {
  /** Name of the driver. */
  driver: string;
  /** Number of items with both the driver rating and the outcome. */
  n: number;
  /** Pearson's product-moment correlation; `NaN` when n < 2 or either side is constant. */
  pearson: number;
  /** Spearman's rank correlation (Pearson's r of the ranks, ties given their average rank); `NaN` like `pearson`. */
  spearman: number;
  /** 1-based position in the ranking (drivers with `NaN` come last). */
  rank: number;
}

/** Pearson correlation of two equal-length arrays (two-pass, centred). `NaN` when undefined. */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks 1..n with ties given the average of the ranks they span ("fractional" ranking). */
function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1] as number] === values[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Correlates each driver rating with likelihood to recommend (or another outcome), over the items
 * that rated that driver, and ranks the drivers. Pearson's r measures linear association; Spearman's
 * ρ, Pearson's r of average ranks (Spearman 1904), measures monotone association and suits ordinal
 * ratings. Correlation is not causation: read the ranking as where to look first.
 *
 * @param items - Responses (any objects; `FeedbackResponse` works with the defaults).
 * @param options - Accessors, the kind to keep and the ranking statistic.
 * @returns One entry per driver seen, ranked (strongest positive first, `NaN` last, then by name).
 * @throws {JornadaError} `INVALID_INPUT` with path `['responses', i, 'score']` or
 *   `['responses', i, 'drivers', name]` for a value that is not a finite number;
 *   `INVALID_OPTION` for an unknown `rankBy`.
 *
 * @example
 * ```ts
 * const rs = [
 *   { kind: 'nps', score: 10, drivers: { delivery: 5, price: 2 } },
 *   { kind: 'nps', score: 6, drivers: { delivery: 2, price: 3 } },
 *   { kind: 'nps', score: 8, drivers: { delivery: 4, price: 1 } },
 * ];
 * driverCorrelations(rs).map((d) => [d.driver, d.spearman]); //=> [['delivery', 1], ['price', -0.5]]
 * ```
 * @category Metrics
 */
export function driverCorrelations<T>(items: Iterable<T>, options?: DriverCorrelationOptions<T>): DriverCorrelation[] {
  const rankBy = options?.rankBy ?? 'spearman';
  if (rankBy !== 'spearman' && rankBy !== 'pearson') throw invalidOption('rankBy', 'must be spearman or pearson', rankBy);
  const kind = options?.kind ?? 'nps';
  const pairs = new Map<string, { x: number[]; y: number[] }>();
  let index = 0;
  for (const item of items) {
    const itemKind = typeof item === 'object' && item !== null ? (item as { kind?: unknown }).kind : undefined;
    if (typeof itemKind !== 'string' || itemKind === kind) {
      const ratings = options?.drivers !== undefined ? options.drivers(item) : (item as { drivers?: Record<string, number> }).drivers;
      if (ratings !== undefined && ratings !== null) {
        const y = options?.outcome !== undefined ? options.outcome(item) : (item as { score?: unknown }).score;
        if (typeof y !== 'number' || !Number.isFinite(y)) throw invalidAt(['responses', index, 'score'], `expected a finite number, got ${showValue(y)}`);
        for (const name of Object.keys(ratings)) {
          const x = ratings[name];
          if (typeof x !== 'number' || !Number.isFinite(x)) throw invalidAt(['responses', index, 'drivers', name], `expected a finite number, got ${showValue(x)}`);
          let entry = pairs.get(name);
          if (entry === undefined) pairs.set(name, (entry = { x: [], y: [] }));
          entry.x.push(x);
          entry.y.push(y);
        }
      }
    }
    index++;
  }
  const rows = [...pairs.entries()].map(([driver, { x, y }]) => ({
    driver,
    n: x.length,
    pearson: pearson(x, y),
    spearman: x.length < 2 ? NaN : pearson(averageRanks(x), averageRanks(y)),
    rank: 0,
  }));
  const key = (r: DriverCorrelation): number => (rankBy === 'spearman' ? r.spearman : r.pearson);
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (Number.isNaN(ka) !== Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
    if (!Number.isNaN(ka) && ka !== kb) return kb - ka;
    return a.driver < b.driver ? -1 : a.driver > b.driver ? 1 : 0;
  });
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
