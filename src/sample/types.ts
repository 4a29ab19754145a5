/**
 * The shape of a generated sample base.
 *
 * @module
 */
import type { Account, Customer, CustomerRecord, FeedbackResponse, Interaction, Order, Subscription } from '../model/index.js';

/**
 * Options of {@link generateSampleBase}.
 *
 * @category Sample
 */
export interface SampleOptions {
  /** Seed of the generator: the same seed and options give the same base, byte for byte. */
  seed: number;
  /** Number of distinct (true) customers; default 5,000. */
  customers?: number;
  /** Start of the observed history (an instant); default `2024-01-01T03:00:00Z` (midnight in São Paulo). */
  from?: Date;
  /** End of the observed history (an instant); default `2026-11-01T03:00:00Z`. Nothing is dated after it. */
  to?: Date;
  /** Share of customers that get one or more duplicate source records; default 0.08. */
  duplicateRate?: number;
}

/**
 * How an injected duplicate record differs from the record it copies: `case` (letter case changed, or
 * accents dropped as tills do), `spacing` (doubled, leading or trailing spaces), `phone_format` (another
 * mask or prefix for the same number), `typo` (one edit in a name: a neighbouring key, a dropped,
 * doubled or swapped letter), `second_source` (typed in another system), `email_alias` (Gmail dots or a
 * `+tag` on the same mailbox), `missing_field` (e-mail, phone, CPF, birthday or postal code left out).
 *
 * @category Sample
 */
export type DuplicateChange = 'case' | 'spacing' | 'phone_format' | 'typo' | 'second_source' | 'email_alias' | 'missing_field';

/**
 * Ground truth of one injected duplicate record.
 *
 * @category Sample
 */
export interface InjectedDuplicate {
  /** The duplicate record. */
  recordId: string;
  /** The record it was derived from. */
  originalRecordId: string;
  /** The true customer both belong to. */
  customerId: string;
  /** What was changed. */
  changes: DuplicateChange[];
}

/**
 * A generated base: a Brazilian pet-supplies retailer with an online store, physical shops and a
 * subscription programme.
 *
 * @category Sample
 */
export interface SampleBase {
  /** The options the base was generated with, defaults filled in. */
  options: Required<SampleOptions>;
  /** The true customers, one clean record each (the "single customer view" the identity module should reach). */
  customers: Customer[];
  /** B2B accounts (pet shops, veterinary clinics); their people are customers with `accountId`. */
  accounts: Account[];
  /** Orders, sorted by `placedAt`; `customerId` is a true customer id. Order lines are shared between orders and frozen. */
  orders: Order[];
  /** Subscriptions (the contractual bond), sorted by `startedAt`. */
  subscriptions: Subscription[];
  /** Touchpoint events, sorted by `timestamp`. Campaign objects are shared between events and frozen. */
  interactions: Interaction[];
  /** NPS, CSAT and CES answers, sorted by `respondedAt`. */
  feedback: FeedbackResponse[];
  /** Raw records from the sources (e-commerce, stores, app, CRM import), injected duplicates included, shuffled. */
  customerRecords: CustomerRecord[];
  /** For every record, the true customer it belongs to: records sharing a customer are duplicates. */
  recordOwner: Record<string, string>;
  /** The injected duplicates and what was changed in each. */
  injectedDuplicates: InjectedDuplicate[];
}
