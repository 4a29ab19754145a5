/**
 * The customer profile: a flat, documented set of facts about one customer as of a date, which
 * conditions and segments run on. Built with plain loops from the model's records; extensible with
 * your own facts.
 *
 * @module
 */
import { localParts } from '../core/zone-time.js';
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import {
  CHANNELS,
  canContact,
  type Channel,
  type Consent,
  type Customer,
  type FeedbackKind,
  type FeedbackResponse,
  type Interaction,
  type JsonValue,
  type Order,
  type OrderStatus,
  type SalesChannel,
  type Subscription,
  type TouchpointKind,
} from '../model/index.js';

/**
 * One order as a profile holds it, for `count` conditions (`{ count: 'orders', where: … }`).
 *
 * @category Segments
 */
export interface ProfileOrderEvent {
  /** Order id. */
  id: string;
  /** When it was placed. */
  at: Date;
  /** Amount paid, in major units. */
  total: number;
  /** Its status (never `cancelled` or `refunded`: those orders are left out of profiles). */
  status: OrderStatus;
  /** Where it was placed, when known. */
  salesChannel?: SalesChannel;
  /** Distinct product categories of its lines, in line order. */
  categories: string[];
  /** Distinct SKUs of its lines, in line order. */
  skus: string[];
  /** Units bought (sum of line quantities). */
  itemCount: number;
  /** Whether a subscription generated it. */
  fromSubscription: boolean;
}

/**
 * One interaction as a profile holds it, for `count` conditions (`{ count: 'interactions', … }`).
 *
 * @category Segments
 */
export interface ProfileInteractionEvent {
  /** Interaction id. */
  id: string;
  /** When it happened. */
  at: Date;
  /** What happened (`Email Opened`, `Order Completed`…). */
  event: string;
  /** `inbound` (the customer acted) or `outbound` (the company reached out). */
  direction: 'inbound' | 'outbound';
  /** Channel, when known. */
  channel?: Channel;
  /** Touchpoint kind, when known. */
  touchpoint?: TouchpointKind;
  /** Campaign name, when known. */
  campaign?: string;
  /** Further facts of the event. */
  properties?: Record<string, JsonValue>;
}

/**
 * One survey answer as a profile holds it, for `count` conditions (`{ count: 'feedback', … }`).
 *
 * @category Segments
 */
export interface ProfileFeedbackEvent {
  /** Response id. */
  id: string;
  /** When it was answered. */
  at: Date;
  /** `nps`, `csat` or `ces`. */
  kind: FeedbackKind;
  /** The answer on its scale. */
  score: number;
  /** For NPS answers: promoter (9–10), passive (7–8) or detractor (0–6). */
  npsCategory?: NpsCategoryName;
}

/**
 * Category of an NPS answer: `promoter` (9–10), `passive` (7–8), `detractor` (0–6) (Reichheld 2003).
 *
 * @category Segments
 */
export type NpsCategoryName = 'promoter' | 'passive' | 'detractor';

/**
 * A customer's profile as of a date: the facts conditions read. Every fact is a JSON value or a `Date`;
 * facts that do not apply are absent (not `null`), so `exists` tells them apart.
 *
 * Orders count when placed at or before `asOf` and not `cancelled` or `refunded`; money facts add order
 * totals as given, so pass the orders of one currency (or converted ones). Interactions and
 * survey answers count when at or before `asOf`. Windows ("last 90 days") end at `asOf` and span whole
 * 24-hour days. Whole days (`recencyDays`, `tenureDays`) are elapsed days rounded down.
 *
 * @category Segments
 */
export interface CustomerProfile {
  /** The customer's id. */
  customerId: string;
  /** When the customer became known. */
  createdAt: Date;
  /** Whole days since `createdAt`. */
  tenureDays: number;
  /** Where the customer came from (`ecommerce`, `store`…). */
  source?: string;
  /** Preferred language (BCP 47). */
  locale?: string;
  /** The customer's IANA time zone. */
  timeZone?: string;
  /** Gender as stated. */
  gender?: string;
  /** Country of the main address (ISO alpha-2). */
  country?: string;
  /** State or region of the main address (`SP`). */
  state?: string;
  /** City of the main address. */
  city?: string;
  /** Birthday as an ISO calendar date: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday?: string;
  /** Age in whole years on `asOf`'s calendar day in the customer's zone, when the birth year is known. */
  age?: number;
  /** `contractual` or `non_contractual`. */
  bond: 'contractual' | 'non_contractual';
  /** The B2B account the person acts for. */
  accountId?: string;
  /** Roles at that account. */
  accountRoles: string[];
  /** Current lifecycle stage id, when set. */
  lifecycleStage?: string;
  /** Your own facts on the customer record (`traits.tier`). */
  traits: Record<string, JsonValue>;
  /** Whether there is a primary e-mail address. */
  hasEmail: boolean;
  /** Whether there is a primary phone number. */
  hasPhone: boolean;
  /** Channels on which marketing contact is allowed at `asOf` (consent log read by `canContact`). */
  marketingChannels: Channel[];
  /** Channels on which research contact (surveys) is allowed at `asOf`. */
  researchChannels: Channel[];
  /** Number of orders (the F of RFM). */
  frequency: number;
  /** Sum of order totals (the M of RFM, as a total), in major units. */
  monetary: number;
  /** `monetary / frequency`; absent without orders. */
  averageOrderValue?: number;
  /** First order. */
  firstOrderAt?: Date;
  /** Last order. */
  lastOrderAt?: Date;
  /** Whole days from the last order to `asOf` (the R of RFM); absent without orders. */
  recencyDays?: number;
  /** Orders in the 30 days up to `asOf`. */
  ordersLast30Days: number;
  /** Orders in the 90 days up to `asOf`. */
  ordersLast90Days: number;
  /** Orders in the 365 days up to `asOf`. */
  ordersLast365Days: number;
  /** Revenue of the orders in the 90 days up to `asOf`. */
  revenueLast90Days: number;
  /** Revenue of the orders in the 365 days up to `asOf`. */
  revenueLast365Days: number;
  /** Interactions in the 30 days up to `asOf`. */
  interactionsLast30Days: number;
  /** Interactions in the 90 days up to `asOf`. */
  interactionsLast90Days: number;
  /** Inbound interactions (the customer acted) in the 30 days up to `asOf`. */
  inboundInteractionsLast30Days: number;
  /** Last interaction of any direction. */
  lastInteractionAt?: Date;
  /** Last inbound interaction. */
  lastInboundAt?: Date;
  /** Last NPS answer, 0–10. */
  lastNpsScore?: number;
  /** Category of the last NPS answer. */
  lastNpsCategory?: NpsCategoryName;
  /** When the last NPS answer was given. */
  lastNpsAt?: Date;
  /** Subscription state at `asOf`: `active` or `paused` when one is (active wins), `cancelled` when all ended, `none` without any. */
  subscriptionStatus: 'active' | 'paused' | 'cancelled' | 'none';
  /** Subscriptions running at `asOf` and not paused (the pause state read is the record's current one). */
  activeSubscriptions: number;
  /** Counted orders, oldest first, for `count` conditions. */
  orders: ProfileOrderEvent[];
  /** Interactions up to `asOf`, oldest first. */
  interactions: ProfileInteractionEvent[];
  /** Survey answers up to `asOf`, oldest first. */
  feedback: ProfileFeedbackEvent[];
}

/**
 * A fact's name for people, in English and Brazilian Portuguese.
 *
 * @category Segments
 */
export interface FactLabel {
  /** English. */
  en: string;
  /** Brazilian Portuguese. */
  'pt-BR': string;
}

/**
 * Labels of the profile's facts and of its events' fields, used by {@link describeCondition}.
 *
 * @example
 * ```ts
 * PROFILE_FACT_LABELS.recencyDays['pt-BR']; //=> 'dias desde o último pedido'
 * ```
 * @category Segments
 */
export const PROFILE_FACT_LABELS: Readonly<Record<string, FactLabel>> = Object.freeze({
  customerId: { en: 'customer id', 'pt-BR': 'id do cliente' },
  createdAt: { en: 'sign-up date', 'pt-BR': 'data de cadastro' },
  tenureDays: { en: 'days since sign-up', 'pt-BR': 'dias desde o cadastro' },
  source: { en: 'source', 'pt-BR': 'origem' },
  locale: { en: 'language', 'pt-BR': 'idioma' },
  timeZone: { en: 'time zone', 'pt-BR': 'fuso horário' },
  gender: { en: 'gender', 'pt-BR': 'gênero' },
  country: { en: 'country', 'pt-BR': 'país' },
  state: { en: 'state', 'pt-BR': 'estado' },
  city: { en: 'city', 'pt-BR': 'cidade' },
  birthday: { en: 'birthday', 'pt-BR': 'data de nascimento' },
  age: { en: 'age', 'pt-BR': 'idade' },
  bond: { en: 'bond', 'pt-BR': 'tipo de vínculo' },
  accountId: { en: 'account', 'pt-BR': 'conta' },
  accountRoles: { en: 'account roles', 'pt-BR': 'papéis na conta' },
  lifecycleStage: { en: 'lifecycle stage', 'pt-BR': 'estágio do ciclo de vida' },
  hasEmail: { en: 'has an e-mail address', 'pt-BR': 'tem e-mail' },
  hasPhone: { en: 'has a phone number', 'pt-BR': 'tem telefone' },
  marketingChannels: { en: 'channels open to marketing', 'pt-BR': 'canais com consentimento de marketing' },
  researchChannels: { en: 'channels open to surveys', 'pt-BR': 'canais com consentimento para pesquisas' },
  frequency: { en: 'number of orders', 'pt-BR': 'número de pedidos' },
  monetary: { en: 'total spent', 'pt-BR': 'total gasto' },
  averageOrderValue: { en: 'average order value', 'pt-BR': 'tíquete médio' },
  firstOrderAt: { en: 'first order date', 'pt-BR': 'data do primeiro pedido' },
  lastOrderAt: { en: 'last order date', 'pt-BR': 'data do último pedido' },
  recencyDays: { en: 'days since the last order', 'pt-BR': 'dias desde o último pedido' },
  ordersLast30Days: { en: 'orders in the last 30 days', 'pt-BR': 'pedidos nos últimos 30 dias' },
  ordersLast90Days: { en: 'orders in the last 90 days', 'pt-BR': 'pedidos nos últimos 90 dias' },
  ordersLast365Days: { en: 'orders in the last 365 days', 'pt-BR': 'pedidos nos últimos 365 dias' },
  revenueLast90Days: { en: 'revenue in the last 90 days', 'pt-BR': 'receita nos últimos 90 dias' },
  revenueLast365Days: { en: 'revenue in the last 365 days', 'pt-BR': 'receita nos últimos 365 dias' },
  interactionsLast30Days: { en: 'interactions in the last 30 days', 'pt-BR': 'interações nos últimos 30 dias' },
  interactionsLast90Days: { en: 'interactions in the last 90 days', 'pt-BR': 'interações nos últimos 90 dias' },
  inboundInteractionsLast30Days: { en: 'customer-initiated interactions in the last 30 days', 'pt-BR': 'interações iniciadas pelo cliente nos últimos 30 dias' },
  lastInteractionAt: { en: 'last interaction date', 'pt-BR': 'data da última interação' },
  lastInboundAt: { en: 'last customer-initiated interaction date', 'pt-BR': 'data da última interação iniciada pelo cliente' },
  lastNpsScore: { en: 'last NPS answer', 'pt-BR': 'última nota NPS' },
  lastNpsCategory: { en: 'last NPS category', 'pt-BR': 'última categoria NPS' },
  lastNpsAt: { en: 'last NPS answer date', 'pt-BR': 'data da última resposta NPS' },
  subscriptionStatus: { en: 'subscription status', 'pt-BR': 'situação da assinatura' },
  activeSubscriptions: { en: 'active subscriptions', 'pt-BR': 'assinaturas ativas' },
  orders: { en: 'orders', 'pt-BR': 'pedidos' },
  interactions: { en: 'interactions', 'pt-BR': 'interações' },
  feedback: { en: 'survey answers', 'pt-BR': 'respostas a pesquisas' },
  // fields of events (inside `where`)
  at: { en: 'date', 'pt-BR': 'data' },
  total: { en: 'order total', 'pt-BR': 'valor do pedido' },
  status: { en: 'status', 'pt-BR': 'situação' },
  salesChannel: { en: 'sales channel', 'pt-BR': 'canal de venda' },
  categories: { en: 'categories', 'pt-BR': 'categorias' },
  skus: { en: 'products (SKU)', 'pt-BR': 'produtos (SKU)' },
  itemCount: { en: 'items', 'pt-BR': 'itens' },
  fromSubscription: { en: 'from a subscription', 'pt-BR': 'de assinatura' },
  event: { en: 'event', 'pt-BR': 'evento' },
  direction: { en: 'direction', 'pt-BR': 'direção' },
  channel: { en: 'channel', 'pt-BR': 'canal' },
  touchpoint: { en: 'touchpoint', 'pt-BR': 'ponto de contato' },
  campaign: { en: 'campaign', 'pt-BR': 'campanha' },
  kind: { en: 'survey', 'pt-BR': 'pesquisa' },
  score: { en: 'score', 'pt-BR': 'nota' },
  npsCategory: { en: 'NPS category', 'pt-BR': 'categoria NPS' },
});

/**
 * What {@link buildCustomerProfiles} reads. Only `customers` is required; records of unknown customers
 * are ignored.
 *
 * @category Segments
 */
export interface ProfileSources {
  /** The customers, one profile each, in this order. */
  customers: Iterable<Customer>;
  /** Their orders, in any order. */
  orders?: Iterable<Order>;
  /** Their interactions, in any order (anonymous ones are ignored). */
  interactions?: Iterable<Interaction>;
  /** Their survey answers, in any order. */
  feedback?: Iterable<FeedbackResponse>;
  /** Their subscriptions. */
  subscriptions?: Iterable<Subscription>;
}

/**
 * A fact you add to profiles: a JSON value or a `Date`.
 *
 * @category Segments
 */
export type ProfileFactValue = JsonValue | Date;

/**
 * Options of {@link buildCustomerProfiles}.
 *
 * @typeParam Extra - The facts `extend` adds.
 * @category Segments
 */
export interface BuildProfilesOptions<Extra extends Record<string, ProfileFactValue>> {
  /** The instant the profiles describe; nothing after it is read. */
  asOf: Date;
  /** Zone for `age` when the customer has no `timeZone`; default `UTC`. */
  timeZone?: string;
  /** Your own facts, computed from the built profile and the customer; names must not clash with built-in facts. */
  extend?: (profile: CustomerProfile, customer: Customer) => Extra;
}

const CONTACT_CHANNELS: readonly Channel[] = CHANNELS;

// Built-in facts that may be absent from a profile: an extra fact may not take their names either.
const OPTIONAL_FACTS: ReadonlySet<string> = new Set([
  'source', 'locale', 'timeZone', 'gender', 'country', 'state', 'city', 'birthday', 'age', 'accountId', 'lifecycleStage',
  'averageOrderValue', 'firstOrderAt', 'lastOrderAt', 'recencyDays', 'lastInteractionAt', 'lastInboundAt', 'lastNpsScore',
  'lastNpsCategory', 'lastNpsAt',
]);

function npsCategory(score: number): NpsCategoryName {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list !== undefined) list.push(item);
}

/** A consent log the profile reads must date every record (a malformed one gets a path, not a TypeError). */
function checkConsentDates(consents: readonly Consent[], customerIndex: number): void {
  for (let k = 0; k < consents.length; k++) {
    const at: unknown = (consents[k] as { recordedAt?: unknown } | undefined)?.recordedAt;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      throw new JornadaError('INVALID_INPUT', `Consent ${k} of customer ${customerIndex} has no valid recordedAt`, {
        issues: [{ path: ['customers', customerIndex, 'consents', k, 'recordedAt'], message: 'must be a valid Date' }],
      });
    }
  }
}

function birthdayString(b: NonNullable<Customer['birthday']>): string {
  const mm = String(b.month).padStart(2, '0');
  const dd = String(b.day).padStart(2, '0');
  return b.year === undefined ? `--${mm}-${dd}` : `${String(b.year).padStart(4, '0')}-${mm}-${dd}`;
}

function ageOn(b: NonNullable<Customer['birthday']>, asOf: Date, zone: string): number | undefined {
  if (b.year === undefined) return undefined;
  const today = localParts(asOf.getTime(), zone);
  const y = today.year;
  const m = today.month;
  const d = today.day;
  let age = y - b.year;
  if (m < b.month || (m === b.month && d < b.day)) age -= 1;
  return age;
}

/**
 * Builds the profile of every customer as of `asOf`, in one pass over each source.
 *
 * @typeParam Extra - The facts `extend` adds.
 * @param sources - Customers and their orders, interactions, survey answers and subscriptions.
 * @param options - `asOf`, the fallback zone, and your own facts.
 * @returns One profile per customer, in the order of `sources.customers`.
 * @throws {JornadaError} `INVALID_OPTION` when `asOf` is not a valid date or an extra fact clashes with a built-in one;
 *   `INVALID_INPUT` (path `customers.i.consents.k.recordedAt`) for a consent record without a valid date.
 *
 * @example
 * ```ts
 * const [p] = buildCustomerProfiles({
 *   customers: [{ id: 'c-1', createdAt: new Date('2025-01-10T12:00:00Z') }],
 *   orders: [{ id: 'o-1', customerId: 'c-1', placedAt: new Date('2026-10-20T15:00:00Z'), status: 'paid',
 *     currency: 'BRL', total: 120, items: [] }],
 * }, { asOf: new Date('2026-11-01T03:00:00Z'), extend: (p) => ({ bigSpender: p.monetary > 100 }) });
 * [p.frequency, p.recencyDays, p.ordersLast30Days, p.bigSpender]; //=> [1, 11, 1, true]
 * ```
 * @category Segments
 */
export function buildCustomerProfiles<Extra extends Record<string, ProfileFactValue> = Record<never, never>>(
  sources: ProfileSources,
  options: BuildProfilesOptions<Extra>,
): Array<CustomerProfile & Extra> {
  const asOfT = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (Number.isNaN(asOfT)) {
    throw new JornadaError('INVALID_OPTION', 'asOf must be a valid Date', { issues: [{ path: ['asOf'], message: 'not a valid date' }] });
  }
  const asOf = options.asOf;
  const fallbackZone = options.timeZone ?? 'UTC';
  const customers = [...sources.customers];
  const orders = new Map<string, ProfileOrderEvent[]>();
  const interactions = new Map<string, ProfileInteractionEvent[]>();
  const feedback = new Map<string, ProfileFeedbackEvent[]>();
  const subscriptions = new Map<string, Subscription[]>();
  for (const c of customers) {
    orders.set(c.id, []);
    interactions.set(c.id, []);
    feedback.set(c.id, []);
    subscriptions.set(c.id, []);
  }
  for (const o of sources.orders ?? []) {
    if (o.placedAt.getTime() > asOfT || o.status === 'cancelled' || o.status === 'refunded') continue;
    const categories: string[] = [];
    const skus: string[] = [];
    let itemCount = 0;
    for (const item of o.items) {
      itemCount += item.quantity;
      if (item.category !== undefined && !categories.includes(item.category)) categories.push(item.category);
      if (!skus.includes(item.sku)) skus.push(item.sku);
    }
    const e: ProfileOrderEvent = { id: o.id, at: o.placedAt, total: o.total, status: o.status, categories, skus, itemCount, fromSubscription: o.subscriptionId !== undefined };
    if (o.salesChannel !== undefined) e.salesChannel = o.salesChannel;
    pushTo(orders, o.customerId, e);
  }
  for (const i of sources.interactions ?? []) {
    if (i.customerId === undefined || i.timestamp.getTime() > asOfT) continue;
    const e: ProfileInteractionEvent = { id: i.id, at: i.timestamp, event: i.event, direction: i.direction };
    if (i.channel !== undefined) e.channel = i.channel;
    if (i.touchpoint !== undefined) e.touchpoint = i.touchpoint;
    if (i.campaign?.name !== undefined) e.campaign = i.campaign.name;
    if (i.properties !== undefined) e.properties = i.properties;
    pushTo(interactions, i.customerId, e);
  }
  for (const f of sources.feedback ?? []) {
    if (f.respondedAt.getTime() > asOfT) continue;
    const e: ProfileFeedbackEvent = { id: f.id, at: f.respondedAt, kind: f.kind, score: f.score };
    if (f.kind === 'nps') e.npsCategory = npsCategory(f.score);
    pushTo(feedback, f.customerId, e);
  }
  for (const s of sources.subscriptions ?? []) {
    if (s.startedAt.getTime() > asOfT) continue;
    subscriptions.get(s.customerId)?.push(s);
  }
  const byTime = (a: { at: Date }, b: { at: Date }): number => a.at.getTime() - b.at.getTime();
  const d30 = asOfT - 30 * MS_PER_DAY;
  const d90 = asOfT - 90 * MS_PER_DAY;
  const d365 = asOfT - 365 * MS_PER_DAY;

  const out: Array<CustomerProfile & Extra> = [];
  for (let index = 0; index < customers.length; index++) {
    const c = customers[index] as Customer;
    const os = (orders.get(c.id) ?? []).sort(byTime);
    const is = (interactions.get(c.id) ?? []).sort(byTime);
    const fs = (feedback.get(c.id) ?? []).sort(byTime);
    const subs = subscriptions.get(c.id) ?? [];
    const p: CustomerProfile = {
      customerId: c.id,
      createdAt: c.createdAt,
      tenureDays: Math.floor((asOfT - c.createdAt.getTime()) / MS_PER_DAY),
      bond: c.bond ?? 'non_contractual',
      accountRoles: c.accountRoles === undefined ? [] : [...c.accountRoles],
      traits: c.traits ?? {},
      hasEmail: c.email !== undefined,
      hasPhone: c.phone !== undefined,
      marketingChannels: [],
      researchChannels: [],
      frequency: 0,
      monetary: 0,
      ordersLast30Days: 0,
      ordersLast90Days: 0,
      ordersLast365Days: 0,
      revenueLast90Days: 0,
      revenueLast365Days: 0,
      interactionsLast30Days: 0,
      interactionsLast90Days: 0,
      inboundInteractionsLast30Days: 0,
      subscriptionStatus: 'none',
      activeSubscriptions: 0,
      orders: os,
      interactions: is,
      feedback: fs,
    };
    if (c.source !== undefined) p.source = c.source;
    if (c.locale !== undefined) p.locale = c.locale;
    if (c.timeZone !== undefined) p.timeZone = c.timeZone;
    if (c.gender !== undefined) p.gender = c.gender;
    const address = c.addresses?.[0];
    if (address !== undefined) {
      p.country = address.country;
      if (address.state !== undefined) p.state = address.state;
      if (address.city !== undefined) p.city = address.city;
    }
    if (c.birthday !== undefined) {
      p.birthday = birthdayString(c.birthday);
      const age = ageOn(c.birthday, asOf, c.timeZone ?? fallbackZone);
      if (age !== undefined) p.age = age;
    }
    if (c.accountId !== undefined) p.accountId = c.accountId;
    if (c.lifecycleStage !== undefined) p.lifecycleStage = c.lifecycleStage;
    if (c.consents !== undefined && c.consents.length > 0) {
      checkConsentDates(c.consents, index);
      for (const channel of CONTACT_CHANNELS) {
        if (canContact(c.consents, { channel, purpose: 'marketing', at: asOf }).allowed) p.marketingChannels.push(channel);
        if (canContact(c.consents, { channel, purpose: 'research', at: asOf }).allowed) p.researchChannels.push(channel);
      }
    }
    for (const o of os) {
      const t = o.at.getTime();
      p.frequency++;
      p.monetary += o.total;
      if (t >= d30) p.ordersLast30Days++;
      if (t >= d90) {
        p.ordersLast90Days++;
        p.revenueLast90Days += o.total;
      }
      if (t >= d365) {
        p.ordersLast365Days++;
        p.revenueLast365Days += o.total;
      }
    }
    const firstOrder = os[0];
    const lastOrder = os[os.length - 1];
    if (firstOrder !== undefined && lastOrder !== undefined) {
      p.firstOrderAt = firstOrder.at;
      p.lastOrderAt = lastOrder.at;
      p.recencyDays = Math.floor((asOfT - lastOrder.at.getTime()) / MS_PER_DAY);
      p.averageOrderValue = p.monetary / p.frequency;
    }
    for (const i of is) {
      const t = i.at.getTime();
      if (t >= d30) {
        p.interactionsLast30Days++;
        if (i.direction === 'inbound') p.inboundInteractionsLast30Days++;
      }
      if (t >= d90) p.interactionsLast90Days++;
      p.lastInteractionAt = i.at;
      if (i.direction === 'inbound') p.lastInboundAt = i.at;
    }
    for (const f of fs) {
      if (f.kind !== 'nps') continue;
      p.lastNpsScore = f.score;
      p.lastNpsAt = f.at;
      p.lastNpsCategory = npsCategory(f.score);
    }
    let paused = 0;
    let cancelled = 0;
    for (const s of subs) {
      const ended = s.cancelledAt !== undefined && s.cancelledAt.getTime() <= asOfT;
      if (ended) cancelled++;
      else if (s.status === 'paused') paused++;
      else p.activeSubscriptions++;
    }
    p.subscriptionStatus = p.activeSubscriptions > 0 ? 'active' : paused > 0 ? 'paused' : cancelled > 0 ? 'cancelled' : 'none';
    if (options.extend === undefined) {
      out.push(p as CustomerProfile & Extra);
      continue;
    }
    const extra = options.extend(p, c);
    for (const key of Object.keys(extra)) {
      if (Object.prototype.hasOwnProperty.call(p, key) || OPTIONAL_FACTS.has(key) || key === '__proto__') {
        throw new JornadaError('INVALID_OPTION', `The extra fact "${key}" clashes with a built-in profile fact`, {
          issues: [{ path: ['extend', key], message: 'choose another name' }],
        });
      }
    }
    out.push(Object.assign(p, extra) as CustomerProfile & Extra);
  }
  return out;
}
