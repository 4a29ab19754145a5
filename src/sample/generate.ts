/**
 * The sample base generator.
 *
 * @module
 */
import { createRandom } from '../core/random.js';
import { seasonsOf, type SampleRun, type SampleStreams } from './context.js';
import { generateCommerce } from './commerce.js';
import { generateFeedback, generateInteractions } from './engagement.js';
import { resolveSampleOptions } from './options.js';
import { generateConsents, generatePeople } from './people.js';
import { injectHardCases } from './hard-cases.js';
import { generateRecords, shuffleRecords } from './records.js';
import { PLACES } from './reference-data.js';
import { buildZoneOffsets, timeOrder } from './time-grid.js';
import type { SampleBase, SampleOptions } from './types.js';

/** Sorts entities by their times (kept beside them) and numbers them `prefix000001…` in that order. */
function sortAndNumber<T extends { id: string }>(items: T[], times: ArrayLike<number>, prefix: string, minWidth: number): T[] {
  const n = items.length;
  const order = timeOrder(times, n);
  const width = Math.max(minWidth, String(n).length);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const item = items[order[i] ?? 0] as T;
    item.id = prefix + String(i + 1).padStart(width, '0');
    out[i] = item;
  }
  return out;
}

/**
 * Generates a realistic synthetic customer base of a Brazilian pet-supplies retailer with an online
 * store, physical shops and a subscription programme: customers (mostly in Brazil, across its time
 * zones, some in Portugal and the United States), B2B accounts with their contacts, orders with
 * replenishment rhythms and seasonal peaks, subscriptions, touchpoint events, NPS/CSAT/CES answers,
 * consent logs, and the raw source records with injected duplicates and their ground truth. With
 * `duplicateDifficulty: 'hard'` the records also hold harder true duplicates (nicknames, married names,
 * moves, transposed phone digits) and traps — different customers sharing a household phone, a family
 * e-mail or a placeholder typed at a shop — listed in `injectedTraps`, so that a matcher's precision and
 * recall mean something.
 *
 * The same options give the same base, byte for byte (`JSON.stringify` equal): randomness comes from
 * a seeded generator (sfc32) with one independent stream per concern. Nothing is dated after `to`.
 * Rates, rhythms and their sources are described in the sample guide (docs/sample.md).
 *
 * @param options - Seed, number of customers, the history's window, the duplicate rate and difficulty.
 * @returns The base; every entity passes its `jornada/model` schema.
 * @throws {JornadaError} `INVALID_OPTION` when the seed is not a finite number, `customers` is not an
 *   integer in 0..2,000,000, `from`/`to` are not valid dates at least a day apart, `duplicateRate`
 *   is outside 0..1, or `duplicateDifficulty` is not `'easy'` or `'hard'`; `issues` carry the path of
 *   each bad option.
 *
 * @example
 * ```ts
 * import { generateSampleBase } from 'jornada/sample';
 *
 * const base = generateSampleBase({ seed: 42, customers: 1_000 });
 * base.customers.length; //=> 1000
 * base.customers[0]?.id; //=> 'cus-00001'
 * base.orders.every((o) => o.placedAt <= base.options.to); //=> true
 * base.injectedDuplicates.length > 0; //=> true
 *
 * // Harder identity cases: the same orders and events, more duplicates, and traps.
 * const hard = generateSampleBase({ seed: 42, customers: 1_000, duplicateDifficulty: 'hard' });
 * hard.injectedDuplicates.some((d) => d.changes.includes('nickname')); //=> true
 * hard.injectedTraps?.some((t) => t.kind === 'household_phone'); //=> true
 * ```
 * @category Sample
 */
export function generateSampleBase(options: SampleOptions): SampleBase {
  const opts = resolveSampleOptions(options);
  const from = opts.from.getTime();
  const to = opts.to.getTime();
  const root = createRandom(opts.seed);
  const streams: SampleStreams = {
    accounts: root.fork('accounts'),
    people: root.fork('people'),
    consents: root.fork('consents'),
    orders: root.fork('orders'),
    subscriptions: root.fork('subscriptions'),
    interactions: root.fork('interactions'),
    feedback: root.fork('feedback'),
    records: root.fork('records'),
  };
  const zones = [...new Set(PLACES.map((p) => p.timeZone))];
  const run: SampleRun = {
    from,
    to,
    zones,
    grid: buildZoneOffsets(zones, from, to),
    seasons: seasonsOf(new Date(from).getUTCFullYear(), new Date(to).getUTCFullYear()),
    people: [],
    accounts: [],
    orders: [],
    orderTimes: [],
    subscriptions: [],
    interactions: [],
    interactionTimes: [],
    feedback: [],
    feedbackTimes: [],
    feedbackRefs: [],
  };
  generatePeople(run, streams, opts.customers);
  generateConsents(run, streams);
  generateCommerce(run, streams);
  generateInteractions(run, streams);
  generateFeedback(run, streams);
  const raw = generateRecords(run, streams, opts.duplicateRate);
  const { records, owner, injected } = raw;
  // Hard cases draw from a stream of their own, forked only when asked for: the default base's draws
  // are exactly what they were before the option existed.
  const traps = opts.duplicateDifficulty === 'hard' ? injectHardCases(run, root.fork('hard-duplicates'), raw, opts.duplicateRate) : undefined;
  shuffleRecords(streams.records, records);

  const subscriptions = sortAndNumber(run.subscriptions, run.subscriptions.map((s) => s.startedAt.getTime()), 'sub-', 5);
  for (const p of run.people) {
    const sub = p.subscription;
    if (sub === undefined) continue;
    for (const o of p.orders) if (o.subscriptionId !== undefined) o.subscriptionId = sub.id;
  }
  const orders = sortAndNumber(run.orders, run.orderTimes, 'ord-', 6);
  const interactions = sortAndNumber(run.interactions, run.interactionTimes, 'evt-', 7);
  const feedback = sortAndNumber(run.feedback, run.feedbackTimes, 'fb-', 6);
  for (const { response, order, interaction } of run.feedbackRefs) {
    if (order !== undefined) response.orderId = order.id;
    if (interaction !== undefined) response.interactionId = interaction.id;
  }
  return {
    options: opts,
    customers: run.people.map((p) => p.customer),
    accounts: run.accounts,
    orders,
    subscriptions,
    interactions,
    feedback,
    customerRecords: records,
    recordOwner: owner,
    injectedDuplicates: injected,
    ...(traps === undefined ? {} : { injectedTraps: traps }),
  };
}
