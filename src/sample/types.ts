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
  /**
   * How hard the identity cases in the raw records are; default `'easy'`. `'easy'` injects only the
   * duplicates of `duplicateRate` with the changes of the {@link DuplicateChange} list before
   * `nickname`, which share a strong identifier with their original almost always. `'hard'` keeps those
   * and adds, from a stream of its own, harder true duplicates (a share `duplicateRate / 2` of
   * customers: nicknames, abbreviated or married names, transposed phone digits, moved addresses, new
   * e-mails, no CPF) and traps — records of different customers that share a value: a household phone,
   * a family e-mail, placeholders typed by shop staff, the shop's phone, the clerk's own CPF (see
   * {@link TrapKind}). Orders, interactions and feedback do not depend on it.
   */
  duplicateDifficulty?: DuplicateDifficulty;
}

/**
 * How hard the identity cases of a sample base are (option `duplicateDifficulty` of {@link SampleOptions}).
 *
 * @category Sample
 */
export type DuplicateDifficulty = 'easy' | 'hard';

/**
 * The options of a generated base: {@link SampleOptions} with defaults filled in. `duplicateDifficulty`
 * is present only when it is `'hard'`, so that a base generated without it has exactly the JSON it had
 * before the option existed.
 *
 * @category Sample
 */
export type ResolvedSampleOptions = Required<Omit<SampleOptions, 'duplicateDifficulty'>> & {
  /** `'hard'` when the base was generated with hard cases; absent for the default `'easy'`. */
  duplicateDifficulty?: 'hard';
};

/**
 * How an injected duplicate record differs from the record it copies.
 *
 * Every mode: `case` (letter case changed, or accents dropped as tills do), `spacing` (doubled, leading
 * or trailing spaces), `phone_format` (another mask or prefix for the same number), `typo` (one edit in
 * a name: a neighbouring key, a dropped, doubled or swapped letter), `second_source` (typed in another
 * system), `email_alias` (Gmail dots or a `+tag` on the same mailbox), `missing_field` (e-mail, phone,
 * CPF, birthday or postal code left out).
 *
 * Only with `duplicateDifficulty: 'hard'` (every hard duplicate has at least one of the first four):
 * - `nickname`: the given name replaced by its usual nickname (`Zé` for José, `Bia` for Beatriz, `Duda`
 *   for Maria Eduarda, `Cadu` for Carlos Eduardo);
 * - `abbreviated_name`: a name shortened as forms and tills do (`Ma. Eduarda`, `Ana P. Souza`,
 *   `J. Silva`, `Ana S. Lima`);
 * - `dropped_surname`: one of two family names left out (`Ana Souza Lima` → `Ana Lima`);
 * - `married_name`: a woman's family name after marriage, the husband's name added at the end or in
 *   place of the last one (`Ana Souza` → `Ana Souza Pereira`, `Ana Pereira`);
 * - `transposed_phone`: two neighbouring digits of the phone swapped (`91234-5678` → `91243-5678`);
 * - `moved_address`: another postal code, in the same city or another one (city and state follow);
 * - `new_email`: another mailbox of the same person (a new provider or a new pattern), not an alias.
 *
 * @category Sample
 */
export type DuplicateChange =
  | 'case'
  | 'spacing'
  | 'phone_format'
  | 'typo'
  | 'second_source'
  | 'email_alias'
  | 'missing_field'
  | 'nickname'
  | 'abbreviated_name'
  | 'dropped_surname'
  | 'married_name'
  | 'transposed_phone'
  | 'moved_address'
  | 'new_email';

/**
 * Kinds of trap injected with `duplicateDifficulty: 'hard'`: records of **different** customers that
 * share an identifier value, which must not be merged on that value alone. The value replaces the
 * customer's own in the record (or fills the field where there was none).
 * - `household_phone`: a relative living at the same address (same city, half the time the same family
 *   name) has the other's phone — the home line or a spouse's mobile — and postal code in their record;
 * - `family_email`: likewise with the other's e-mail address (one mailbox for the family);
 * - `junior_namesake`: a son named after his father (`José Souza` and `José Souza Filho`, `Júnior` or
 *   `Neto`, born 18 or more years later) sharing the father's phone and postal code; the son's true
 *   customer carries the name too, so in hard mode these customers' names differ from the easy base;
 * - `placeholder_email`: an e-mail typed by shop staff for customers who gave none: `naotem@naotem.com.br`,
 *   `sememail@gmail.com`, `naotem@gmail.com`, `x@x.com`, `sem@email.com`, `nao@tem.com`,
 *   `naopossui@gmail.com`, `nt@nt.com`;
 * - `placeholder_phone`: a phone typed the same way with the area code of the shop's city: `(11) 99999-9999`,
 *   `(11) 90000-0000`, `(11) 98765-4321`, `(11) 91234-5678`, `(11) 99999-0000`;
 * - `placeholder_cpf`: `000.000.000-00`, `111.111.111-11`, `999.999.999-99`, `123.456.789-09` and
 *   `123.456.789-00` (wrong check digits);
 * - `store_phone`: the shop's own landline typed for walk-in customers;
 * - `clerk_cpf`: a shop clerk's own (valid) CPF typed for customers who would not give theirs.
 *
 * @category Sample
 */
export type TrapKind =
  | 'household_phone'
  | 'family_email'
  | 'junior_namesake'
  | 'placeholder_email'
  | 'placeholder_phone'
  | 'placeholder_cpf'
  | 'store_phone'
  | 'clerk_cpf';

/**
 * Ground truth of one trap: records of different true customers that share one identifier value.
 *
 * @category Sample
 */
export interface InjectedTrap {
  /** What the shared value is. */
  kind: TrapKind;
  /** The field that shares it. */
  field: 'email' | 'phone' | 'cpf';
  /** The shared value in canonical form: the e-mail address in lower case, the phone in E.164, the CPF's 11 digits. */
  value: string;
  /**
   * The records that carry the value, each of a different true customer. For `household_phone` and
   * `family_email` the first is the untouched record of the customer the value belongs to.
   */
  recordIds: string[];
  /** Their true customers, in the same order. */
  customerIds: string[];
  /** The records whose value was replaced or filled in to build the trap (all of `recordIds` but a household's first). */
  modifiedRecordIds: string[];
}

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
  /** The options the base was generated with, defaults filled in (`duplicateDifficulty` only when `'hard'`). */
  options: ResolvedSampleOptions;
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
  /** The injected duplicates and what was changed in each (with `duplicateDifficulty: 'hard'`, the hard ones after the others). */
  injectedDuplicates: InjectedDuplicate[];
  /**
   * The traps (records of different customers sharing a value), only with `duplicateDifficulty: 'hard'`;
   * absent otherwise, so that a default base keeps its exact JSON.
   */
  injectedTraps?: InjectedTrap[];
}
