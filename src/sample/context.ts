/**
 * Shared state of one run of the sample generator (internal): the people being built with their
 * hidden behaviour parameters, the output arrays, the seasons and the random streams.
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import { MS_PER_DAY } from '../core/time.js';
import type {
  Account,
  AccountRole,
  Customer,
  FeedbackResponse,
  Interaction,
  Order,
  SalesChannel,
  Subscription,
} from '../model/index.js';
import type { Place, SampleCountry } from './reference-data.js';
import type { ZoneOffsets } from './time-grid.js';

/** Where a customer signed up. */
export type SampleSource = 'ecommerce' | 'store' | 'app' | 'crm_import';

/** Marketing channels with a consent timeline, in this order. */
export const MARKETING_CHANNELS = ['email', 'whatsapp', 'sms', 'push'] as const;

/** A customer being generated, with the hidden parameters that drive their behaviour. */
export interface Person {
  /** Position in the customers array. */
  index: number;
  /** The clean customer record (output). */
  customer: Customer;
  /** Country of residence. */
  country: SampleCountry;
  /** Country whose names and language the person has (a Brazilian living in the US has `BR`). */
  culture: SampleCountry;
  /** Where they live. */
  place: Place;
  /** Index of their zone in the run's zone list. */
  zone: number;
  /** Sign-up source. */
  source: SampleSource;
  /** createdAt in ms. */
  createdAt: number;
  /** Index of their account, or -1 for a consumer. */
  account: number;
  /** Roles at the account. */
  roles: AccountRole[];
  /** Pets: `dog`, `cat` or `dog_and_cat`. */
  pets: 'dog' | 'cat' | 'dog_and_cat';
  /** Number of pets. */
  petCount: number;
  /** The shop in their city, if any. */
  storeId: string | undefined;
  /** Uses the app (push notifications possible). */
  usesApp: boolean;
  /** Buys at all. */
  buyer: boolean;
  /** Probability of churning after each purchase. */
  dropout: number;
  /** Personal food replenishment rhythm, days. */
  rhythm: number;
  /** Preferred sales channel. */
  channel: SalesChannel;
  /** Personal satisfaction bias (NPS points). */
  bias: number;
  /** How much they like the products (driver points). */
  affinity: number;
  /** Propensity to open marketing messages (0..1). */
  engagement: number;
  /** Marketing consent per channel of {@link MARKETING_CHANNELS}: grant instant or NaN. */
  grantAt: number[];
  /** Revocation instant per channel or NaN. */
  revokeAt: number[];
  /** Re-grant instant per channel (after a revocation) or NaN. */
  regrantAt: number[];
  /** Global marketing opt-out instant or NaN. */
  optOutAt: number;
  /** Orders placed, in time order. */
  orders: Order[];
  /** Subscription, if any. */
  subscription: Subscription | undefined;
  /** Tickets opened (for feedback): the resolution event, whether it was solved and at first contact. */
  tickets: { resolved: Interaction; opened: Interaction; solved: boolean; firstContact: boolean; order: Order | undefined }[];
}

/** Calendar days (UTC day numbers of local dates) of the commercial seasons of one year. */
export interface SeasonYear {
  /** Year. */
  year: number;
  /** 1 January. */
  newYear: number;
  /** Black Friday: the day after the fourth Thursday of November. */
  blackFriday: number;
  /** 1 December (start of the Christmas season). */
  christmasStart: number;
  /** 25 December. */
  christmas: number;
  /** Dia das Mães: the second Sunday of May (Brazil). */
  mothersDay: number;
}

/** The state of one run. */
export interface SampleRun {
  /** Start and end in ms. */
  from: number;
  /** End in ms. */
  to: number;
  /** Time zones used, indexed by {@link Person.zone}. */
  zones: string[];
  /** Their offsets. */
  grid: ZoneOffsets;
  /** Seasons of every year touched by the history. */
  seasons: SeasonYear[];
  /** People, in customer order. */
  people: Person[];
  /** Accounts. */
  accounts: Account[];
  /** Orders in creation order. */
  orders: Order[];
  /** `placedAt` of each order, in ms (read by the final sort without touching the objects). */
  orderTimes: number[];
  /** Subscriptions in creation order. */
  subscriptions: Subscription[];
  /** Interactions in creation order. */
  interactions: Interaction[];
  /** `timestamp` of each interaction, in ms. */
  interactionTimes: number[];
  /** Feedback in creation order. */
  feedback: FeedbackResponse[];
  /** `respondedAt` of each response, in ms. */
  feedbackTimes: number[];
  /** For feedback: the order and interaction it follows, whose ids are filled after sorting. */
  feedbackRefs: { response: FeedbackResponse; order: Order | undefined; interaction: Interaction | undefined }[];
}

/** The random streams of a run, one per concern so that one concern's draws never shift another's. */
export interface SampleStreams {
  /** Accounts and their people. */
  accounts: Random;
  /** Consumers. */
  people: Random;
  /** Consents. */
  consents: Random;
  /** Orders. */
  orders: Random;
  /** Subscriptions. */
  subscriptions: Random;
  /** Interactions. */
  interactions: Random;
  /** Feedback. */
  feedback: Random;
  /** Raw records and duplicates. */
  records: Random;
}

function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month, day) / MS_PER_DAY;
}

/**
 * The seasons of the years `fromYear..toYear`.
 *
 * @param fromYear - First year.
 * @param toYear - Last year (inclusive).
 * @returns One entry per year.
 * @internal
 */
export function seasonsOf(fromYear: number, toYear: number): SeasonYear[] {
  const out: SeasonYear[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const nov1 = new Date(Date.UTC(y, 10, 1)).getUTCDay();
    const firstThursday = 1 + ((4 - nov1 + 7) % 7);
    const may1 = new Date(Date.UTC(y, 4, 1)).getUTCDay();
    const firstSunday = 1 + ((7 - may1) % 7);
    out.push({
      year: y,
      newYear: utcDay(y, 0, 1),
      blackFriday: utcDay(y, 10, firstThursday + 21 + 1),
      christmasStart: utcDay(y, 11, 1),
      christmas: utcDay(y, 11, 25),
      mothersDay: utcDay(y, 4, firstSunday + 7),
    });
  }
  return out;
}

/**
 * Whether marketing on channel `ch` is allowed at `t` by the person's consent timeline.
 *
 * @param p - The person.
 * @param ch - Index in {@link MARKETING_CHANNELS}.
 * @param t - The instant, ms.
 * @returns True when a grant is in force at `t`.
 * @internal
 */
export function marketingAllowed(p: Person, ch: number, t: number): boolean {
  const g = p.grantAt[ch] ?? NaN;
  if (!(t >= g)) return false;
  if (t >= p.optOutAt) return false;
  const r = p.revokeAt[ch] ?? NaN;
  if (t >= r) return t >= (p.regrantAt[ch] ?? NaN);
  return true;
}

/**
 * Rounds to cents.
 *
 * @param x - An amount.
 * @returns The amount rounded to two decimals.
 * @internal
 */
export function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Rounds an instant to whole seconds.
 *
 * @param ms - Milliseconds since the epoch.
 * @returns The nearest whole second, in ms.
 * @internal
 */
export function seconds(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}
