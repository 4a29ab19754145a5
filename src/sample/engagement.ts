/**
 * Interactions (touchpoint events) and feedback responses of the sample base (internal): campaigns
 * sent only where consent allows, opens and clicks, site and store visits, customer service, and NPS,
 * CSAT and CES answers that follow the experience.
 *
 * @internal
 * @module
 */
import type { Random } from '../core/random.js';
import { MS_PER_DAY } from '../core/time.js';
import type { Campaign, Channel, FeedbackResponse, Interaction, JsonValue, Order, TouchpointKind } from '../model/index.js';
import { MARKETING_CHANNELS, marketingAllowed, seconds, type Person, type SampleRun, type SampleStreams } from './context.js';
import { localDay, localInstant } from './time-grid.js';

const HOUR = 3_600_000;

interface Send {
  /** Campaign attribution (shared and frozen). */
  campaign: Campaign;
  /** Index of the marketing channel. */
  ch: number;
  /** Local day. */
  day: number;
  /** Local minutes after midnight. */
  minutes: number;
  /** Newsletters go to active customers only; seasonal campaigns to every consenting one. */
  newsletter: boolean;
  /** Brazilian-culture customers only (Dia das Mães). */
  brOnly: boolean;
}

const campaignCache = new Map<string, Campaign>();
function campaign(name: string, source: string, medium: string, content?: string): Campaign {
  const key = `${name}|${source}|${medium}|${content ?? ''}`;
  let c = campaignCache.get(key);
  if (c === undefined) {
    c = content === undefined ? { name, source, medium } : { name, source, medium, content };
    Object.freeze(c);
    campaignCache.set(key, c);
  }
  return c;
}

/** The calendar of marketing sends over the history, in time order. */
function campaignCalendar(run: SampleRun): Send[] {
  const sends: Send[] = [];
  const firstDay = Math.floor(run.from / MS_PER_DAY);
  const lastDay = Math.floor(run.to / MS_PER_DAY);
  const add = (name: string, ch: number, day: number, minutes: number, newsletter: boolean, brOnly: boolean, content?: string): void => {
    if (day < firstDay || day > lastDay) return;
    sends.push({ campaign: campaign(name, 'crm', MARKETING_CHANNELS[ch] ?? 'email', content), ch, day, minutes, newsletter, brOnly });
  };
  const start = new Date(run.from);
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); Date.UTC(y, m, 1) <= run.to; m === 11 ? ((m = 0), y++) : m++) {
    const dow = new Date(Date.UTC(y, m, 1)).getUTCDay();
    const firstTuesday = 1 + ((2 - dow + 7) % 7);
    add(`newsletter-${y}-${String(m + 1).padStart(2, '0')}`, 0, Date.UTC(y, m, firstTuesday) / MS_PER_DAY, 10 * 60, true, false);
  }
  for (const s of run.seasons) {
    const y = s.year;
    add(`dia-das-maes-${y}`, 0, s.mothersDay - 6, 9 * 60, false, true);
    add(`dia-do-cliente-${y}`, 0, Date.UTC(y, 8, 15) / MS_PER_DAY, 9 * 60, false, false);
    add(`black-friday-${y}`, 0, s.blackFriday - 3, 10 * 60, false, false, 'teaser');
    add(`black-friday-${y}`, 0, s.blackFriday, 7 * 60, false, false, 'oferta');
    add(`black-friday-${y}`, 3, s.blackFriday, 9 * 60, false, false, 'oferta');
    add(`black-friday-${y}`, 1, s.blackFriday, 10 * 60, false, false, 'oferta');
    add(`black-friday-${y}`, 2, s.blackFriday + 3, 10 * 60, false, false, 'cyber-monday');
    add(`natal-${y}`, 0, s.christmasStart + 9, 10 * 60, false, false);
    add(`natal-${y}`, 3, s.christmasStart + 9, 18 * 60, false, false);
  }
  sends.sort((a, b) => a.day - b.day || a.minutes - b.minutes);
  return sends;
}

const SENT = ['Email Sent', 'WhatsApp Message Sent', 'SMS Sent', 'Push Notification Sent'];
const OPENED = ['Email Opened', 'WhatsApp Message Read', '', 'Push Notification Opened'];
const CLICKED = ['Email Link Clicked', 'WhatsApp Link Clicked', 'SMS Link Clicked', 'Push Notification Opened'];

function event(
  run: SampleRun,
  p: Person,
  t: number,
  name: string,
  channel: Channel | undefined,
  touchpoint: TouchpointKind,
  direction: 'inbound' | 'outbound',
  camp: Campaign | undefined,
  properties: Record<string, JsonValue> | undefined,
): Interaction {
  // Whole literals (one per shape) keep the objects compact: no properties added after creation.
  let e: Interaction;
  if (channel === undefined) {
    e = { id: '', customerId: p.customer.id, timestamp: new Date(t), event: name, touchpoint, direction };
    if (camp !== undefined) e.campaign = camp;
  } else if (camp !== undefined) e = { id: '', customerId: p.customer.id, timestamp: new Date(t), event: name, channel, touchpoint, direction, campaign: camp };
  else if (properties !== undefined) e = { id: '', customerId: p.customer.id, timestamp: new Date(t), event: name, channel, touchpoint, direction, properties };
  else e = { id: '', customerId: p.customer.id, timestamp: new Date(t), event: name, channel, touchpoint, direction };
  if (properties !== undefined && e.properties === undefined) e.properties = properties;
  run.interactions.push(e);
  run.interactionTimes.push(t);
  return e;
}

/** A message and the customer's reaction; returns the click time (NaN when no click). */
function message(run: SampleRun, r: Random, p: Person, t: number, ch: number, camp: Campaign): number {
  const channel = MARKETING_CHANNELS[ch] ?? 'email';
  event(run, p, t, SENT[ch] ?? 'Message Sent', channel, 'direct_message', 'outbound', camp, undefined);
  const e = p.engagement;
  const open = ch === 0 ? e : ch === 1 ? 0.55 + 0.4 * e : ch === 2 ? 1 : 0.3 * e;
  if (!r.chance(open)) return NaN;
  let at = seconds(t + r.exponential(ch === 0 ? 3 * HOUR : HOUR / 2));
  if (at > run.to) return NaN;
  if (ch !== 2) event(run, p, at, OPENED[ch] ?? 'Message Opened', channel, 'direct_message', 'inbound', camp, undefined);
  const click = ch === 0 ? 0.18 : ch === 1 ? 0.14 : ch === 2 ? 0.03 : 1;
  if (ch === 3 || !r.chance(click)) return ch === 3 ? at : NaN;
  at = seconds(at + r.exponential(5 * 60_000));
  if (at > run.to) return NaN;
  event(run, p, at, CLICKED[ch] ?? 'Link Clicked', channel, 'direct_message', 'inbound', camp, undefined);
  return at;
}


const ACQUISITION: readonly (Campaign | undefined)[] = [
  campaign('racao-search', 'google', 'cpc'),
  campaign('pet-lovers', 'instagram', 'social'),
  campaign('organic', 'google', 'organic'),
  undefined,
];
const TICKET_CHANNELS: readonly Channel[] = ['whatsapp', 'chat', 'phone', 'email'];

/**
 * Generates the interactions of every person.
 *
 * @param run - The run; interactions are appended to it.
 * @param streams - The random streams (`interactions` is drawn from).
 * @internal
 */
export function generateInteractions(run: SampleRun, streams: SampleStreams): void {
  const r = streams.interactions;
  const sends = campaignCalendar(run);
  // Local send instants of every campaign in every zone, computed once.
  const zoneCount = run.zones.length;
  const sendAt = new Float64Array(sends.length * zoneCount);
  for (let k = 0; k < sends.length; k++) {
    const s = sends[k] as Send;
    for (let z = 0; z < zoneCount; z++) sendAt[k * zoneCount + z] = localInstant(run.grid, z, s.day, s.minutes);
  }
  const clicks: number[] = [];
  const clickCampaigns: Campaign[] = [];
  for (const p of run.people) {
    const c = p.customer;
    clicks.length = 0;
    clickCampaigns.length = 0;
    // Anonymous visits before signing up online, then the sign-up that links them.
    let anonymousId: string | undefined;
    if ((p.source === 'ecommerce' || p.source === 'app') && p.account < 0 && r.chance(0.5)) {
      anonymousId = `anon-${(r.int(0, 0xfffffff) * 16 + (p.index % 16)).toString(16).padStart(8, '0')}`;
      const camp = r.weighted(ACQUISITION, [35, 25, 20, 20]);
      const visits = r.int(1, 3);
      for (let k = 0; k < visits; k++) {
        const t = seconds(p.createdAt - (k + r.next()) * 3 * MS_PER_DAY);
        if (t < run.from) break;
        const web = p.source === 'ecommerce';
        const e: Interaction = { id: '', anonymousId, timestamp: new Date(t), event: 'Product Viewed', channel: web ? 'web' : 'in_app', touchpoint: 'website_app', direction: 'inbound' };
        if (camp !== undefined && k === visits - 1) e.campaign = camp;
        run.interactions.push(e);
        run.interactionTimes.push(t);
        if (camp !== undefined && camp.medium !== 'organic' && k === visits - 1 && t - 1000 >= run.from) {
          run.interactionTimes.push(t - 1000);
          run.interactions.push({
            id: '', anonymousId, timestamp: new Date(t - 1000), event: 'Ad Clicked', channel: camp.source === 'instagram' ? 'social' : 'web', touchpoint: 'advertising', direction: 'inbound', campaign: camp,
          });
        }
      }
    }
    if (p.account < 0 && p.source !== 'crm_import') {
      const store = p.source === 'store';
      const e = event(run, p, p.createdAt, 'Signed Up', store ? 'in_store' : p.source === 'app' ? 'in_app' : 'web', store ? 'point_of_sale' : 'website_app', 'inbound', undefined, undefined);
      if (anonymousId !== undefined) e.anonymousId = anonymousId;
    }
    const welcome = p.createdAt + 5 * 60_000;
    if (welcome < run.to && marketingAllowed(p, 0, welcome)) {
      const at = message(run, r, p, welcome, 0, campaign('boas-vindas', 'crm', 'email'));
      if (!Number.isNaN(at)) {
        clicks.push(at);
        clickCampaigns.push(campaign('boas-vindas', 'crm', 'email'));
      }
    }
    // Campaign sends: consent checked at the send time; newsletters only to active customers.
    let oi = 0;
    // Newsletters stop after three e-mails in a row left unopened (suppression of the unengaged).
    let ignored = 0;
    for (let k = 0; k < sends.length; k++) {
      const s = sends[k] as Send;
      const base = sendAt[k * zoneCount + p.zone] ?? 0;
      if (base <= p.createdAt) continue;
      if (s.brOnly && p.culture !== 'BR') continue;
      if (s.ch === 3 && !p.usesApp) continue;
      if (base > run.to || !marketingAllowed(p, s.ch, base)) continue;
      // Sends go out over two hours; consent is checked again at the actual send time.
      const t = seconds(base + r.next() * 2 * HOUR);
      if (t > run.to || !marketingAllowed(p, s.ch, t)) continue;
      if (s.newsletter) {
        if (ignored >= 3) continue;
        while (oi < p.orders.length && (p.orders[oi]?.placedAt.getTime() ?? Infinity) <= t) oi++;
        const last = oi > 0 ? (p.orders[oi - 1]?.placedAt.getTime() ?? -Infinity) : -Infinity;
        if (t - last > 180 * MS_PER_DAY && t - p.createdAt > 90 * MS_PER_DAY) continue;
      }
      const before = run.interactions.length;
      const at = message(run, r, p, t, s.ch, s.campaign);
      if (s.ch === 0) ignored = run.interactions.length - before > 1 ? 0 : ignored + 1;
      if (!Number.isNaN(at)) {
        clicks.push(at);
        clickCampaigns.push(s.campaign);
      }
    }
    // Orders: the visit that led to them, the order event, delays and customer service.
    let ci = 0;
    for (let k = 0; k < p.orders.length; k++) {
      const o = p.orders[k] as Order;
      const placed = o.placedAt.getTime();
      const sc = o.salesChannel ?? 'web';
      while (ci < clicks.length && (clicks[ci] ?? Infinity) <= placed) ci++;
      const lastClick = ci > 0 ? (clicks[ci - 1] ?? -Infinity) : -Infinity;
      const attributed = placed - lastClick <= 3 * MS_PER_DAY ? clickCampaigns[ci - 1] : undefined;
      if (sc === 'store') event(run, p, Math.max(run.from, seconds(placed - r.int(5, 40) * 60_000)), 'Store Visited', 'in_store', 'point_of_sale', 'inbound', undefined, undefined);
      else if ((sc === 'web' || sc === 'app') && o.subscriptionId === undefined && (attributed !== undefined || r.chance(0.25))) {
        const t = seconds(placed - r.next() * 2 * MS_PER_DAY);
        if (t > p.createdAt) event(run, p, t, 'Product Viewed', sc === 'app' ? 'in_app' : 'web', 'website_app', 'inbound', attributed, undefined);
      }
      const late = o.deliveredAt !== undefined && o.promisedAt !== undefined && o.deliveredAt.getTime() > o.promisedAt.getTime();
      if (late && o.promisedAt !== undefined) {
        event(run, p, o.promisedAt.getTime(), 'Delivery Delay Notified', p.country === 'BR' && c.phone !== undefined ? 'whatsapp' : 'email', 'delivery', 'outbound', undefined, undefined);
      }
      const ticketChance = o.status === 'refunded' ? 0.8 : o.status === 'cancelled' ? 0.2 : late ? 0.3 : 0.012;
      if (r.chance(ticketChance)) {
        const base = o.deliveredAt?.getTime() ?? placed;
        const opened = seconds(base + r.exponential(MS_PER_DAY));
        if (opened < run.to) {
          const reason = o.status === 'refunded' ? 'troca_ou_devolucao' : o.status === 'cancelled' ? 'cancelamento' : late ? 'atraso_entrega' : r.pick(['produto_avariado', 'cobranca', 'duvida_produto']);
          const ch = r.weighted(TICKET_CHANNELS, [45, 25, 20, 10]);
          const openedEvent = event(run, p, opened, 'Ticket Opened', ch, 'customer_service', 'inbound', undefined, { reason });
          const firstContact = r.chance(0.6);
          const solved = firstContact || r.chance(0.7);
          const closed = seconds(opened + r.exponential((firstContact ? 4 : 30) * HOUR));
          if (closed < run.to) {
            const resolvedEvent = event(run, p, closed, 'Ticket Resolved', ch, 'customer_service', 'outbound', undefined, { reason, solved, firstContact, hours: Math.round((closed - opened) / 36e4) / 10 });
            p.tickets.push({ opened: openedEvent, resolved: resolvedEvent, solved, firstContact, order: o });
          }
        }
      }
      // Replenishment reminder before the next food purchase is due.
      if (o.subscriptionId === undefined && p.account < 0 && o.items[0]?.category === 'food' && r.chance(0.25)) {
        const due = localDay(run.grid, p.zone, placed + (p.rhythm - 4) * MS_PER_DAY);
        const t = seconds(localInstant(run.grid, p.zone, due, 11 * 60 + r.int(0, 59)));
        const ch = marketingAllowed(p, 1, t) ? 1 : marketingAllowed(p, 3, t) ? 3 : -1;
        if (ch >= 0 && t < run.to) message(run, r, p, t, ch, campaign('reposicao-racao', 'crm', MARKETING_CHANNELS[ch as number] ?? 'whatsapp'));
      }
    }
    // Win-back for lapsed customers.
    const lastOrder = p.orders[p.orders.length - 1]?.placedAt.getTime();
    if (lastOrder !== undefined && p.account < 0 && (p.subscription === undefined || p.subscription.status === 'cancelled')) {
      const t = seconds(lastOrder + 120 * MS_PER_DAY);
      if (t < run.to && marketingAllowed(p, 0, t)) message(run, r, p, t, 0, campaign('reativacao', 'crm', 'email'));
    }
    // Birthdays.
    const b = c.birthday;
    if (b !== undefined && p.account < 0) {
      for (let y = new Date(p.createdAt).getUTCFullYear(); y <= new Date(run.to).getUTCFullYear(); y++) {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const day = Date.UTC(y, b.month - 1, b.month === 2 && b.day === 29 && !leap ? 28 : b.day) / MS_PER_DAY;
        const t = seconds(localInstant(run.grid, p.zone, day, 9 * 60) + r.next() * HOUR);
        if (t <= p.createdAt || t > run.to) continue;
        const ch = marketingAllowed(p, 0, t) ? 0 : marketingAllowed(p, 1, t) ? 1 : -1;
        if (ch >= 0) message(run, r, p, t, ch, campaign('aniversario', 'crm', MARKETING_CHANNELS[ch as number] ?? 'email'));
      }
    }
    // Unsubscriptions and opt-outs, as the events that recorded the consent changes.
    for (let ch = 0; ch < 4; ch++) {
      const t = p.revokeAt[ch] ?? NaN;
      const expired = c.consents?.some((x) => x.expiresAt !== undefined && x.expiresAt.getTime() === t) ?? false;
      if (!Number.isNaN(t) && !expired) event(run, p, t, 'Unsubscribed', MARKETING_CHANNELS[ch], 'direct_message', 'inbound', undefined, undefined);
    }
    if (!Number.isNaN(p.optOutAt)) event(run, p, p.optOutAt, 'Opt-Out Requested', 'phone', 'customer_service', 'inbound', undefined, undefined);
    // B2B: sales calls and the yearly trade fair.
    if (p.account >= 0 && (p.roles.includes('decision_maker') || p.roles.includes('buyer'))) {
      for (let t = seconds(p.createdAt + r.exponential(45 * MS_PER_DAY)); t < run.to; t = seconds(t + (20 + r.exponential(40)) * MS_PER_DAY)) {
        event(run, p, t, 'Sales Call Held', 'phone', 'direct_message', 'outbound', undefined, undefined);
      }
      for (const s of run.seasons) {
        const t = seconds(Date.UTC(s.year, 7, 12, 13) + r.int(0, 2) * MS_PER_DAY + r.next() * 6 * HOUR);
        if (t > p.createdAt && t < run.to && r.chance(0.3)) event(run, p, t, 'Trade Fair Visited', undefined, 'pr_events', 'inbound', campaign(`feira-pet-${s.year}`, 'events', 'trade_fair'), undefined);
      }
    } else if (p.storeId !== undefined) {
      for (const s of run.seasons) {
        const t = seconds(localInstant(run.grid, p.zone, Date.UTC(s.year, 9, 4) / MS_PER_DAY, r.int(10, 16) * 60));
        if (t > p.createdAt && t < run.to && r.chance(0.04)) {
          event(run, p, t, 'Adoption Fair Attended', 'in_store', 'pr_events', 'inbound', campaign(`feira-adocao-${s.year}`, 'store', 'event'), { storeId: p.storeId });
        }
      }
    }
  }
}

const COMMENTS = {
  late: { pt: ['A entrega atrasou.', 'Chegou depois do prazo prometido.', 'Demorou demais para chegar.'], en: ['The delivery was late.', 'It arrived after the promised date.'] },
  product: { pt: ['Meu pet não gostou da ração.', 'A embalagem veio danificada.'], en: ['My pet did not like the food.', 'The bag arrived damaged.'] },
  price: { pt: ['Achei o preço alto.', 'O frete está caro.'], en: ['Too expensive.', 'Shipping costs too much.'] },
  good: { pt: ['Entrega rápida, recomendo!', 'Meu cachorro adorou.', 'Ótimo atendimento.', 'Sempre chega certinho.'], en: ['Fast delivery, recommended!', 'My cat loves it.', 'Great service.'] },
};

// Delivery ratings (1–5): on time mostly 5; one or two days late mostly 3 or 2; later mostly 1 or 2.
const ON_TIME_RATINGS = [5, 4, 3];
const ON_TIME_WEIGHTS = [70, 25, 5];
const LATE_RATINGS = [4, 3, 2];
const LATE_WEIGHTS = [20, 45, 35];
const VERY_LATE_RATINGS = [2, 1];
const VERY_LATE_WEIGHTS = [45, 55];

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}


/**
 * Generates the feedback responses of every person.
 *
 * @param run - The run; responses are appended to it.
 * @param streams - The random streams (`feedback` is drawn from).
 * @internal
 */
export function generateFeedback(run: SampleRun, streams: SampleStreams): void {
  const r = streams.feedback;
  for (const p of run.people) {
    const lang = p.culture === 'US' ? 'en' : 'pt';
    const email = p.customer.email !== undefined;
    for (const o of p.orders) {
      if (o.deliveredAt === undefined) continue;
      const late = o.promisedAt !== undefined && o.deliveredAt.getTime() > o.promisedAt.getTime();
      const delivered = o.deliveredAt.getTime();
      if (o.salesChannel === 'store') {
        if (!r.chance(0.05)) continue;
        const t = seconds(delivered + 2 * HOUR + r.exponential(HOUR));
        if (t > run.to) continue;
        const score = clamp(Math.round(3.7 + 0.5 * p.affinity + 0.5 * p.bias + 0.7 * r.normal()), 1, 5);
        const response: FeedbackResponse = { id: '', customerId: p.customer.id, respondedAt: new Date(t), kind: 'csat', score, scale: { min: 1, max: 5 }, touchpoint: 'point_of_sale', channel: p.country === 'BR' ? 'whatsapp' : 'sms' };
        run.feedback.push(response);
        run.feedbackTimes.push(t);
        run.feedbackRefs.push({ response, order: o, interaction: undefined });
        continue;
      }
      // Transactional NPS after a delivery: a quarter of orders are surveyed, three in ten answer.
      if (!r.chance(0.075)) continue;
      const t = seconds(delivered + r.exponential(1.5 * MS_PER_DAY));
      if (t > run.to) continue;
      const lateDays = late && o.promisedAt !== undefined ? (delivered - o.promisedAt.getTime()) / MS_PER_DAY : 0;
      const delivery = !late ? r.weighted(ON_TIME_RATINGS, ON_TIME_WEIGHTS) : lateDays < 2.5 ? r.weighted(LATE_RATINGS, LATE_WEIGHTS) : r.weighted(VERY_LATE_RATINGS, VERY_LATE_WEIGHTS);
      const product = clamp(Math.round(3.6 + p.affinity + 0.7 * r.normal()), 1, 5);
      const price = clamp(Math.round(3.3 + 0.9 * r.normal() + (o.discount !== undefined ? 0.5 : 0)), 1, 5);
      const refunded = o.status === 'refunded';
      const raw = 2.2 + 0.75 * delivery + 0.55 * product + 0.3 * price + p.bias + 0.9 * r.normal() - (refunded ? 2 : 0);
      const score = clamp(Math.round(raw), 0, 10);
      const response: FeedbackResponse = {
        id: '', customerId: p.customer.id, respondedAt: new Date(t), kind: 'nps', score, scale: { min: 0, max: 10 }, touchpoint: 'delivery', channel: email ? 'email' : 'whatsapp',
        drivers: { delivery, product, price },
      };
      if (r.chance(0.3)) {
        response.expectations = {
          delivery: { expected: p.place.region === 'se_s' ? 5 : 4, perceived: delivery },
          product: { expected: 4, perceived: product },
          price: { expected: 3, perceived: price },
        };
      }
      if (r.chance(0.25)) {
        const list = delivery <= 2 ? COMMENTS.late : product <= 2 ? COMMENTS.product : price <= 2 ? COMMENTS.price : score >= 9 ? COMMENTS.good : undefined;
        if (list !== undefined) response.comment = r.pick(list[lang]);
      }
      run.feedback.push(response);
        run.feedbackTimes.push(t);
      run.feedbackRefs.push({ response, order: o, interaction: undefined });
    }
    // After customer service: CSAT (1–5) and CES 2.0 (1–7, higher is easier).
    for (const tk of p.tickets) {
      const closed = tk.resolved.timestamp.getTime();
      if (r.chance(0.4)) {
        const t = seconds(closed + r.exponential(3 * HOUR));
        if (t <= run.to) {
          const base = tk.firstContact ? 4.5 : tk.solved ? 3.6 : 1.6;
          const service = clamp(Math.round(base + 0.3 * p.bias + 0.6 * r.normal()), 1, 5);
          const score = clamp(Math.round(service + 0.5 * r.normal()), 1, 5);
          const response: FeedbackResponse = { id: '', customerId: p.customer.id, respondedAt: new Date(t), kind: 'csat', score, scale: { min: 1, max: 5 }, touchpoint: 'customer_service', channel: tk.resolved.channel ?? 'email', drivers: { service } };
          run.feedback.push(response);
        run.feedbackTimes.push(t);
          run.feedbackRefs.push({ response, order: tk.order, interaction: tk.resolved });
        }
      }
      if (r.chance(0.2)) {
        const t = seconds(closed + r.exponential(4 * HOUR));
        if (t <= run.to) {
          const score = clamp(Math.round((tk.firstContact ? 6.2 : tk.solved ? 4.6 : 2.3) + 0.8 * r.normal()), 1, 7);
          const response: FeedbackResponse = { id: '', customerId: p.customer.id, respondedAt: new Date(t), kind: 'ces', score, scale: { min: 1, max: 7 }, touchpoint: 'customer_service', channel: tk.resolved.channel ?? 'email' };
          run.feedback.push(response);
        run.feedbackTimes.push(t);
          run.feedbackRefs.push({ response, order: tk.order, interaction: tk.resolved });
        }
      }
    }
    // Relationship NPS, twice a year (15 March, 15 September), to customers with an order and an e-mail.
    if (!email || p.orders.length === 0) continue;
    const firstOrder = p.orders[0]?.placedAt.getTime() ?? Infinity;
    for (const s of run.seasons) {
      for (const month of [2, 8]) {
        const t = seconds(localInstant(run.grid, p.zone, Date.UTC(s.year, month, 15) / MS_PER_DAY, 10 * 60) + r.exponential(2 * MS_PER_DAY));
        if (t < firstOrder + 30 * MS_PER_DAY || t > run.to || !r.chance(0.06)) continue;
        // The share of late deliveries the customer had experienced by then.
        let delivered = 0;
        let late = 0;
        for (const o of p.orders) {
          if (o.deliveredAt === undefined || o.deliveredAt.getTime() > t) continue;
          delivered++;
          if (o.promisedAt !== undefined && o.deliveredAt.getTime() > o.promisedAt.getTime()) late++;
        }
        const lateShare = delivered === 0 ? 0 : late / delivered;
        const score = clamp(Math.round(8.4 + p.bias + 0.6 * p.affinity - 5 * lateShare + 1.1 * r.normal()), 0, 10);
        const response: FeedbackResponse = { id: '', customerId: p.customer.id, respondedAt: new Date(t), kind: 'nps', score, scale: { min: 0, max: 10 }, channel: 'email' };
        run.feedback.push(response);
        run.feedbackTimes.push(t);
        run.feedbackRefs.push({ response, order: undefined, interaction: undefined });
      }
    }
  }
}
