/**
 * Orders and subscriptions of the sample base (internal): replenishment rhythms, seasonal peaks,
 * churn, subscriptions, delivery promises and late deliveries.
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Order, OrderItem, SalesChannel, Subscription } from '../model/index.js';
import { cents, seconds, type Person, type SampleRun, type SampleStreams, type SeasonYear } from './context.js';
import { HOURS, ONLINE_HOUR_WEIGHTS } from './people.js';
import { PRODUCTS, type Place, type Product, type ProductCategory, type SampleCountry } from './reference-data.js';
import { localDay, localInstant } from './time-grid.js';

/** Currency per country. */
export const CURRENCY: Readonly<Record<SampleCountry, string>> = { BR: 'BRL', PT: 'EUR', US: 'USD' };

// Shelf prices abroad: the BRL price converted (≈ 6.2 BRL/EUR, 5.4 BRL/USD) and ended in .99.
function localPrice(brl: number, country: SampleCountry): number {
  if (country === 'BR') return brl;
  const v = brl / (country === 'PT' ? 6.2 : 5.4);
  return Math.max(0.99, Math.round(v) - 0.01);
}

interface Catalogue {
  /** Index lists by category and species (dog / cat). */
  byCategory: Record<ProductCategory, { d: number[]; c: number[] }>;
  /** Prices per country, by product index. */
  prices: Record<SampleCountry, number[]>;
}

function buildCatalogue(): Catalogue {
  const empty = (): { d: number[]; c: number[] } => ({ d: [], c: [] });
  const byCategory: Catalogue['byCategory'] = { food: empty(), hygiene: empty(), toys: empty(), pharmacy: empty(), accessories: empty() };
  PRODUCTS.forEach((p, i) => {
    if (p.species !== 'c') byCategory[p.category].d.push(i);
    if (p.species !== 'd') byCategory[p.category].c.push(i);
  });
  return {
    byCategory,
    prices: {
      BR: PRODUCTS.map((p) => p.priceBRL),
      PT: PRODUCTS.map((p) => localPrice(p.priceBRL, 'PT')),
      US: PRODUCTS.map((p) => localPrice(p.priceBRL, 'US')),
    },
  };
}

// Promised delivery (calendar days: min, max) and the base probability of a late delivery per region.
const PROMISE: Readonly<Record<Place['region'], readonly [number, number, number]>> = {
  se_s: [2, 4, 0.06],
  co: [3, 6, 0.09],
  ne: [4, 8, 0.11],
  n: [6, 12, 0.16],
  pt: [5, 9, 0.08],
  us: [7, 14, 0.1],
};
/** Extra probability of a late delivery during the peaks (Black Friday fortnight, December). */
const PEAK_LATE = 0.12;
/** Share of cancelled orders. */
const CANCEL_RATE = 0.03;
/** Share of refunded orders among on-time and late deliveries. */
const REFUND_ON_TIME = 0.015;
const REFUND_LATE = 0.08;

// Free-shipping threshold and fee per region.
const SHIPPING: Readonly<Record<Place['region'], readonly [number, number]>> = {
  se_s: [199, 14.9],
  co: [199, 19.9],
  ne: [199, 22.9],
  n: [199, 29.9],
  pt: [49, 4.99],
  us: [59, 9.99],
};

const MIX: readonly SalesChannel[] = ['web', 'app', 'marketplace', 'whatsapp', 'store'];
const MIX_W = [50, 22, 14, 6, 8];
const MIX_W_NO_STORE = [50, 22, 14, 6, 0];

interface CommerceState {
  run: SampleRun;
  catalogue: Catalogue;
  /** 1 on days of a peak (Black Friday to 12 days after, 1–24 December), indexed by day − grid.firstDay. */
  peak: Uint8Array;
  /** Shared order lines by product, quantity and country. */
  lines: Map<number, OrderItem>;
}

function seasonOf(run: SampleRun, day: number): SeasonYear | undefined {
  // Seasons are one per year in order; the year of `day` is the last whose 1 January is not after it.
  let found: SeasonYear | undefined;
  for (const s of run.seasons) {
    if (s.newYear > day) break;
    found = s;
  }
  return found;
}

function orderMinutes(r: Random, channel: SalesChannel): number {
  if (channel === 'store') return r.int(9, 20) * 60 + r.int(0, 59);
  if (channel === 'whatsapp' || channel === 'sales_rep') return r.int(8, 18) * 60 + r.int(0, 59);
  return r.weighted(HOURS, ONLINE_HOUR_WEIGHTS) * 60 + r.int(0, 59);
}

function pickChannel(r: Random, p: Person): SalesChannel {
  if (r.chance(0.75)) return p.channel;
  if (p.account >= 0) return r.weighted<SalesChannel>(['sales_rep', 'whatsapp', 'web'], [40, 30, 30]);
  return r.weighted(MIX, p.storeId === undefined ? MIX_W_NO_STORE : MIX_W);
}

/** An order line; lines are shared between orders (same product, quantity and country) and frozen. */
function item(st: CommerceState, p: Person, index: number, quantity: number): OrderItem {
  const key = (index * 64 + quantity) * 4 + (p.country === 'BR' ? 0 : p.country === 'PT' ? 1 : 2);
  let line = st.lines.get(key);
  if (line === undefined) {
    const product = PRODUCTS[index] as Product;
    line = Object.freeze({ sku: product.sku, name: product.name, category: product.category, quantity, unitPrice: st.catalogue.prices[p.country][index] ?? 0 });
    st.lines.set(key, line);
  }
  return line;
}

function speciesList(st: CommerceState, p: Person, category: ProductCategory, r: Random): number[] {
  const lists = st.catalogue.byCategory[category];
  return p.pets === 'dog' ? lists.d : p.pets === 'cat' ? lists.c : r.chance(0.5) ? lists.d : lists.c;
}

const EXTRA_CATEGORIES: readonly ProductCategory[] = ['hygiene', 'toys', 'pharmacy', 'accessories'];

/** Creates an order (status, delivery, amounts) and records it; returns it. */
function placeOrder(
  st: CommerceState,
  r: Random,
  p: Person,
  placedAt: number,
  items: OrderItem[],
  channel: SalesChannel,
  discountRate: number,
  subscriptionId: string | undefined,
): Order {
  const run = st.run;
  let subtotal = 0;
  for (const it of items) subtotal += it.quantity * it.unitPrice;
  subtotal = cents(subtotal);
  const discount = discountRate > 0 ? cents(subtotal * discountRate) : 0;
  const store = channel === 'store';
  const [threshold, fee] = SHIPPING[p.place.region];
  const shipping = store || subscriptionId !== undefined || p.account >= 0 || subtotal - discount >= threshold ? 0 : fee;
  const order: Order = {
    id: '',
    customerId: p.customer.id,
    placedAt: new Date(placedAt),
    status: 'fulfilled',
    currency: CURRENCY[p.country],
    total: cents(subtotal - discount + shipping),
    items,
  };
  if (discount > 0) order.discount = discount;
  if (!store) order.shipping = shipping;
  order.salesChannel = channel;
  if (store && p.storeId !== undefined) order.storeId = p.storeId;
  if (subscriptionId !== undefined) order.subscriptionId = subscriptionId;
  const roll = r.next();
  if (store) {
    if (roll < 0.005) order.status = 'cancelled';
    else {
      order.deliveredAt = new Date(placedAt);
      if (roll > 0.99) order.status = 'refunded';
    }
  } else {
    const day = localDay(run.grid, p.zone, placedAt);
    const [lo, hi, late] = PROMISE[p.place.region];
    const promiseDays = r.int(lo, hi);
    const promised = localInstant(run.grid, p.zone, day + promiseDays, 20 * 60);
    const peak = st.peak[day - run.grid.firstDay] === 1;
    const isLate = r.chance(late + (peak ? PEAK_LATE : 0));
    const lateDays = isLate ? Math.min(15, 1 + Math.floor(r.exponential(2))) : 0;
    const deliveryDay = isLate ? day + promiseDays + lateDays : day + promiseDays - r.int(0, Math.min(2, promiseDays - 1));
    const delivered = Math.max(placedAt + 3_600_000, localInstant(run.grid, p.zone, deliveryDay, r.int(9 * 60, 19 * 60)));
    if (promised <= run.to) order.promisedAt = new Date(promised);
    if (roll < CANCEL_RATE) order.status = 'cancelled';
    else if (delivered > run.to) order.status = 'paid';
    else {
      order.deliveredAt = new Date(seconds(delivered));
      if (r.chance(isLate ? REFUND_LATE : REFUND_ON_TIME)) order.status = 'refunded';
    }
  }
  run.orders.push(order);
  run.orderTimes.push(placedAt);
  p.orders.push(order);
  return order;
}

function extraItems(st: CommerceState, r: Random, p: Person, count: number, categories: readonly ProductCategory[]): OrderItem[] {
  const items: OrderItem[] = [];
  for (let k = 0; k < count; k++) {
    const list = speciesList(st, p, r.pick(categories), r);
    const idx = r.pick(list);
    const sku = (PRODUCTS[idx] as Product).sku;
    let repeated = false;
    for (const it of items) if (it.sku === sku) repeated = true;
    if (repeated) continue;
    items.push(item(st, p, idx, r.chance(0.85) ? 1 : 2));
  }
  return items;
}

function foodItems(st: CommerceState, r: Random, p: Person, foods: readonly number[], multiplier: number): OrderItem[] {
  const items: OrderItem[] = [];
  const q = (p.petCount >= 3 ? 2 : 1) * multiplier;
  for (const f of foods) items.push(item(st, p, f, q));
  if (r.chance(0.22)) {
    const list = speciesList(st, p, 'hygiene', r);
    items.push(item(st, p, r.pick(list), 1));
  }
  if (r.chance(0.1)) items.push(...extraItems(st, r, p, 1, ['toys', 'pharmacy', 'accessories']));
  return items;
}

function personalFoods(st: CommerceState, r: Random, p: Person): number[] {
  const dogs = st.catalogue.byCategory.food.d;
  const cats = st.catalogue.byCategory.food.c;
  const dogFood = r.weighted(dogs, [40, 20, 10, 15, 15]);
  const catFood = r.weighted(cats, [30, 45, 25]);
  return p.pets === 'dog' ? [dogFood] : p.pets === 'cat' ? [catFood] : [dogFood, catFood];
}

/** Subscription plan of a person: id, price per month (the food at 10% off). */
function planOf(st: CommerceState, p: Person, foods: readonly number[]): [string, number] {
  let price = 0;
  for (const f of foods) price += (st.catalogue.prices[p.country][f] ?? 0) * (p.petCount >= 3 ? 2 : 1);
  const plan = p.pets === 'dog' ? 'racao-caes-mensal' : p.pets === 'cat' ? 'racao-gatos-mensal' : 'racao-caes-e-gatos-mensal';
  return [plan, cents(price * 0.9)];
}

/** Chance that a food order due within 12 days after Black Friday is pulled forward to Black Friday–Cyber Monday, doubled. */
const BLACK_FRIDAY_STOCK_UP = 0.35;
/** Chance that an active customer places an extra (non-food) order on Black Friday–Cyber Monday. */
const BLACK_FRIDAY_EXTRA = 0.2;
/** Chance of an extra (toys, accessories) order between 1 and 24 December. */
const CHRISTMAS_EXTRA = 0.22;
/** Chance of an extra order in the week before Dia das Mães (Brazilian customers). */
const MOTHERS_DAY_EXTRA = 0.1;
/** What the seasonal extra orders hold. */
const BLACK_FRIDAY_CATEGORIES: readonly ProductCategory[] = ['toys', 'accessories', 'pharmacy', 'hygiene'];
const CHRISTMAS_CATEGORIES: readonly ProductCategory[] = ['toys', 'accessories'];
const MOTHERS_DAY_CATEGORIES: readonly ProductCategory[] = ['accessories', 'toys', 'hygiene'];
/** Days after Black Friday (Friday, Saturday, Sunday, Cyber Monday) and their weights. */
const BF_DAYS = [0, 1, 2, 3];
const BF_DAY_WEIGHTS = [5, 2, 1, 3];
/** Days after 1 December and their weights: shopping builds up to the week before Christmas. */
const XMAS_DAYS = [0, 4, 8, 12, 16, 20, 23];
const XMAS_DAY_WEIGHTS = [1, 1.5, 2, 3, 3, 2, 0.8];

/** Share of eligible Brazilian buyers who subscribe at some point. */
const SUBSCRIBE_SHARE = 0.18;
/** Share of subscriptions cancelled early (trial churn, 15–100 days). */
const EARLY_CANCEL = 0.18;
/** Mean lifetime of the other subscriptions, days (a constant hazard of about 6% a month). */
const SUBSCRIPTION_MEAN_DAYS = 500;

function generateSubscription(st: CommerceState, r: Random, p: Person, firstOrder: number, foods: readonly number[]): [number, number, boolean] {
  const run = st.run;
  if (p.country !== 'BR' || p.account >= 0 || p.dropout >= 1 || !r.chance(SUBSCRIBE_SHARE)) return [NaN, NaN, false];
  const start = r.chance(0.4) ? firstOrder : seconds(firstOrder + (30 + r.next() * 370) * MS_PER_DAY);
  if (start >= run.to - MS_PER_DAY) return [NaN, NaN, false];
  const life = r.chance(EARLY_CANCEL) ? 15 + r.next() * 85 : r.exponential(SUBSCRIPTION_MEAN_DAYS);
  const end = seconds(start + life * MS_PER_DAY);
  const [plan, price] = planOf(st, p, foods);
  const sub: Subscription = {
    id: '',
    customerId: p.customer.id,
    plan,
    period: { unit: 'month', count: 1 },
    price,
    currency: 'BRL',
    startedAt: new Date(start),
    status: 'active',
  };
  let stop = end;
  if (end <= run.to) {
    sub.cancelledAt = new Date(end);
    sub.status = 'cancelled';
  } else if (r.chance(0.06)) {
    sub.status = 'paused';
    stop = Math.max(start + 1, run.to - (20 + r.next() * 60) * MS_PER_DAY);
  }
  p.subscription = sub;
  run.subscriptions.push(sub);
  p.customer.bond = 'contractual';
  // Monthly deliveries on the start's day of month (at most the 28th), billed at 08:00 local.
  const startDay = localDay(run.grid, p.zone, start);
  const d0 = new Date(startDay * MS_PER_DAY);
  const dom = Math.min(28, d0.getUTCDate());
  const channel: SalesChannel = p.usesApp && r.chance(0.5) ? 'app' : 'web';
  for (let k = 0; ; k++) {
    const day = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + k, k === 0 ? d0.getUTCDate() : dom) / MS_PER_DAY;
    const t = k === 0 ? start : seconds(localInstant(run.grid, p.zone, day, 8 * 60 + r.int(0, 59)));
    if (t >= stop || t > run.to) break;
    const items: OrderItem[] = [];
    for (const f of foods) items.push(item(st, p, f, p.petCount >= 3 ? 2 : 1));
    placeOrder(st, r, p, t, items, channel, 0.1, '');
  }
  return [start, stop, r.chance(0.5)];
}

/** Orders of one consumer: replenishment of food on a personal rhythm, extras, seasonal orders, churn. */
function consumerOrders(st: CommerceState, streams: SampleStreams, p: Person): void {
  const run = st.run;
  const r = streams.orders;
  const foods = personalFoods(st, r, p);
  let first = p.createdAt;
  if (p.source === 'crm_import') first = p.createdAt + r.next() * p.rhythm * MS_PER_DAY;
  else if (p.source === 'app' || (p.source === 'ecommerce' && r.chance(0.2))) first = p.createdAt + r.exponential(6 * MS_PER_DAY);
  first = seconds(first);
  if (first >= run.to) return;
  const [subStart, subStop, resume] = generateSubscription(st, streams.subscriptions, p, first, foods);
  let t = first;
  let n = 0;
  let lastAdHoc = NaN;
  while (t < run.to) {
    if (t >= subStart - 7 * MS_PER_DAY && t < subStop) {
      if (!resume || !(subStop < run.to)) break;
      t = seconds(subStop + r.next() * p.rhythm * MS_PER_DAY);
      continue;
    }
    const channel = pickChannel(r, p);
    let multiplier = 1;
    let discount = r.chance(0.06) ? 0.1 : 0;
    if (n > 0) {
      const day = localDay(run.grid, p.zone, t);
      const s = seasonOf(run, day);
      if (s !== undefined && day >= s.blackFriday && day <= s.blackFriday + 12 && r.chance(BLACK_FRIDAY_STOCK_UP)) {
        const moved = localInstant(run.grid, p.zone, s.blackFriday + r.weighted(BF_DAYS, BF_DAY_WEIGHTS), orderMinutes(r, channel));
        if (moved > lastAdHoc + 5 * MS_PER_DAY && moved < run.to) {
          t = seconds(moved);
          multiplier = 2;
          discount = 0.15;
        }
      }
    }
    placeOrder(st, r, p, t, foodItems(st, r, p, foods, multiplier), channel, discount, undefined);
    lastAdHoc = t;
    n++;
    if (r.chance(p.dropout)) break;
    let gap = p.rhythm * Math.exp(0.15 * r.normal());
    if (r.chance(0.07)) gap *= 2;
    if (multiplier === 2) gap += p.rhythm;
    const next = t + gap * MS_PER_DAY;
    t = seconds(localInstant(run.grid, p.zone, localDay(run.grid, p.zone, next), orderMinutes(r, p.channel)));
  }
  let lastActive = Number.isNaN(lastAdHoc) ? first : lastAdHoc;
  if (!Number.isNaN(subStart)) lastActive = Math.max(lastActive, Math.min(subStop, run.to));
  const end = Math.min(run.to, lastActive + p.rhythm * MS_PER_DAY);
  // Extras (hygiene, toys, pharmacy, accessories) now and then: a Poisson process, one order every ~150 days.
  for (let x = first + r.exponential(150 * MS_PER_DAY); x < end; x += r.exponential(150 * MS_PER_DAY)) {
    const channel = pickChannel(r, p);
    const tt = seconds(localInstant(run.grid, p.zone, localDay(run.grid, p.zone, x), orderMinutes(r, channel)));
    if (tt > p.createdAt && tt < run.to) placeOrder(st, r, p, tt, extraItems(st, r, p, r.int(1, 2), EXTRA_CATEGORIES), channel, 0, undefined);
  }
  // Seasonal orders.
  for (const s of run.seasons) {
    const bfDay = s.blackFriday + r.weighted(BF_DAYS, BF_DAY_WEIGHTS);
    const bfDiscount = 0.15 + 0.15 * r.next();
    const xmasDay = s.christmasStart + r.weighted(XMAS_DAYS, XMAS_DAY_WEIGHTS);
    const mothersDay = s.mothersDay - r.int(1, 7);
    for (let k = 0; k < 3; k++) {
      const day = k === 0 ? bfDay : k === 1 ? xmasDay : mothersDay;
      const chance = k === 0 ? BLACK_FRIDAY_EXTRA : k === 1 ? CHRISTMAS_EXTRA : p.culture === 'BR' ? MOTHERS_DAY_EXTRA : 0;
      const discount = k === 0 ? bfDiscount : 0;
      const categories = k === 0 ? BLACK_FRIDAY_CATEGORIES : k === 1 ? CHRISTMAS_CATEGORIES : MOTHERS_DAY_CATEGORIES;
      if (!r.chance(chance)) continue;
      const channel = pickChannel(r, p);
      const tt = seconds(localInstant(run.grid, p.zone, day, orderMinutes(r, channel)));
      if (tt < first || tt > end || tt >= run.to) continue;
      placeOrder(st, r, p, tt, extraItems(st, r, p, r.int(1, 3), categories), channel, discount, undefined);
    }
  }
}

/** Orders of a B2B buyer: restocking every 10–21 days, larger quantities, wholesale discount. */
function businessOrders(st: CommerceState, r: Random, p: Person): void {
  const run = st.run;
  const dogs = st.catalogue.byCategory.food.d;
  const cats = st.catalogue.byCategory.food.c;
  const hygiene = st.catalogue.byCategory.hygiene.d;
  for (let t = seconds(p.createdAt + r.next() * 10 * MS_PER_DAY); t < run.to; ) {
    const items: OrderItem[] = [];
    const kinds = r.int(2, 4);
    const seen = new Set<number>();
    for (let k = 0; k < kinds; k++) {
      const f = r.pick(k % 2 === 0 ? dogs : cats);
      if (seen.has(f)) continue;
      seen.add(f);
      items.push(item(st, p, f, r.int(3, 12)));
    }
    if (r.chance(0.5)) items.push(item(st, p, r.pick(hygiene), r.int(5, 20)));
    placeOrder(st, r, p, t, items, pickChannel(r, p), 0.1, undefined);
    if (r.chance(p.dropout)) break;
    const next = t + p.rhythm * (0.7 + 0.6 * r.next()) * MS_PER_DAY;
    t = seconds(localInstant(run.grid, p.zone, localDay(run.grid, p.zone, next), r.int(8, 17) * 60 + r.int(0, 59)));
  }
}

/**
 * Generates every order and subscription of the run.
 *
 * @param run - The run; orders and subscriptions are appended to it and to each person.
 * @param streams - The random streams (`orders` and `subscriptions` are drawn from).
 * @internal
 */
export function generateCommerce(run: SampleRun, streams: SampleStreams): void {
  const peak = new Uint8Array(run.grid.days);
  for (const s of run.seasons) {
    for (let d = s.blackFriday; d <= s.blackFriday + 12; d++) if (d - run.grid.firstDay >= 0 && d - run.grid.firstDay < peak.length) peak[d - run.grid.firstDay] = 1;
    for (let d = s.christmasStart; d < s.christmas; d++) if (d - run.grid.firstDay >= 0 && d - run.grid.firstDay < peak.length) peak[d - run.grid.firstDay] = 1;
  }
  const st: CommerceState = { run, catalogue: buildCatalogue(), peak, lines: new Map() };
  for (const p of run.people) {
    if (!p.buyer) continue;
    if (p.account >= 0) businessOrders(st, streams.orders, p);
    else consumerOrders(st, streams, p);
    if (p.customer.bond === undefined) p.customer.bond = 'non_contractual';
    if (p.orders.length > 1) p.orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  }
  for (const p of run.people) if (p.customer.bond === undefined) p.customer.bond = 'non_contractual';
}
