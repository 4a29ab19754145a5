// Loaders for the CDNOW and donations reference files in test/fixtures/cdnow (see its README for
// source and licence: lifetimes' datasets, data from Fader & Hardie's public material).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'cdnow');

function rows(file: string): number[][] {
  return readFileSync(join(dir, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** cdnow_customers_summary.csv: x, t_x, T in weeks, 2,357 customers. */
export function cdnowSummaries(): { frequency: number; recency: number; T: number }[] {
  return rows('cdnow_customers_summary.csv').map(([, frequency, recency, T]) => ({ frequency: frequency!, recency: recency!, T: T! }));
}

/** cdnow_customers_summary_with_transactions.csv: x, t_x, T (weeks) and zbar (USD). */
export function cdnowWithSpend(): { frequency: number; recency: number; T: number; monetaryValue: number }[] {
  return rows('cdnow_customers_summary_with_transactions.csv').map(([, frequency, recency, T, zbar]) => ({
    frequency: frequency!,
    recency: recency!,
    T: T!,
    monetaryValue: zbar!,
  }));
}

/** donations.csv: (x, t_x, n) patterns with weights, 11,104 donors. */
export function donations(): { frequency: number; recency: number; periods: number; weight: number }[] {
  return rows('donations.csv').map(([frequency, recency, periods, weight]) => ({ frequency: frequency!, recency: recency!, periods: periods!, weight: weight! }));
}
