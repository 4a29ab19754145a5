/**
 * The built-in stage models: the seed's five stages for retail with subscriptions (reach →
 * acquisition → nurture → retention → loyalty) with every threshold an option, and a HubSpot-style
 * model, with the mapping between the two.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import type { ConditionDocument, ConditionNode } from '../segments/condition.js';
import type { LifecycleStageModel } from './stage-model.js';
import { showValue } from '../core/show-value.js';

/**
 * Thresholds of {@link createRetailStageModel}. Days are whole elapsed days (24 h each); rhythm ratios
 * are days since the last purchase divided by the customer's expected inter-purchase interval (the
 * `rhythmRatio` fact).
 *
 * @category Lifecycle
 */
export interface RetailStageModelOptions {
  /** Acquisition lasts this many days from the first purchase (or from the start of a subscription); default 30. */
  acquisitionWindowDays?: number;
  /** Nurture: a single purchase, from the end of the acquisition window until this many days after it; default 90. */
  followUpDays?: number;
  /** Retention: at least this many purchases; default 2. */
  retentionMinOrders?: number;
  /** Retention and loyalty need the customer within their rhythm: `rhythmRatio` at most this; default 1.5. */
  maxRhythmRatio?: number;
  /** Loyalty: at least this many purchases; default 5. */
  loyaltyMinOrders?: number;
  /** Loyalty: at least this many days since the first purchase; default 365. */
  loyaltyMinTenureDays?: number;
  /** Advocacy: a promoter NPS answer (9–10) within this many days; default 365. */
  promoterWithinDays?: number;
  /** Advocacy: interactions with one of these events (1–1000 names of 1–1000 characters) are referrals; default `['Referral Sent', 'Referral Completed']`. */
  referralEvents?: string[];
  /** Contractual bond: retention after this many days of a running subscription; default 90. */
  subscriptionRetentionDays?: number;
  /** Contractual bond: loyalty after this many days of a running subscription (plus advocacy); default 365. */
  subscriptionLoyaltyDays?: number;
}

function doc(condition: ConditionNode): ConditionDocument {
  return { version: 1, condition };
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min || value > 100_000) {
    throw new JornadaError('INVALID_OPTION', `${name} must be an integer from ${min} to 100000, got ${showValue(value)}`, {
      issues: [{ path: [name], message: `must be an integer ≥ ${min}` }],
    });
  }
}

/**
 * Builds the seed's five-stage model for non-contractual retail with a contractual (subscription)
 * track, with your thresholds. Every stage but `reach` has a rule for purchases and a rule for
 * subscriptions:
 *
 * | stage | rule id | condition (defaults) |
 * |---|---|---|
 * | reach | `reach.known-contact` | a known contact with no purchase (`frequency = 0`) |
 * | acquisition | `acquisition.first-purchase` | a purchase, the first less than 30 days ago |
 * | acquisition | `acquisition.new-subscription` | a running subscription that started less than 30 days ago |
 * | nurture | `nurture.single-purchase` | exactly one purchase, made 30 to 119 days ago (the follow-up window of 90 days after acquisition) |
 * | nurture | `nurture.subscription-onboarding` | a running subscription of 30 to 89 days |
 * | retention | `retention.repeat-purchases` | 2+ purchases and `rhythmRatio ≤ 1.5` |
 * | retention | `retention.subscription-tenure` | a running subscription of 90+ days |
 * | loyalty | `loyalty.loyal-advocate` | 5+ purchases, first 365+ days ago, `rhythmRatio ≤ 1.5`, and advocacy |
 * | loyalty | `loyalty.subscriber-advocate` | a running subscription of 365+ days and advocacy |
 *
 * Advocacy is a promoter NPS answer (9–10, as `classifyNps` in `jornada/metrics`) in the last 365 days
 * or a referral event at any time.
 *
 * @param options - Thresholds; see {@link RetailStageModelOptions}.
 * @returns A stage model with id `default-retail` (forward-only).
 * @throws {JornadaError} `INVALID_OPTION` for a threshold that is not a non-negative integer (ratios: a positive number).
 *
 * @example
 * ```ts
 * const m = createRetailStageModel({ loyaltyMinOrders: 8 });
 * m.stages[4]?.rules[0]?.condition.condition;
 * //=> { all: [{ fact: 'frequency', op: 'gte', value: 8 }, …] }
 * ```
 * @category Lifecycle
 */
export function createRetailStageModel(options: RetailStageModelOptions = {}): LifecycleStageModel {
  const acq = options.acquisitionWindowDays ?? 30;
  const follow = options.followUpDays ?? 90;
  const minRepeat = options.retentionMinOrders ?? 2;
  const ratio = options.maxRhythmRatio ?? 1.5;
  const loyalOrders = options.loyaltyMinOrders ?? 5;
  const loyalTenure = options.loyaltyMinTenureDays ?? 365;
  const promoterDays = options.promoterWithinDays ?? 365;
  const referralEvents = options.referralEvents ?? ['Referral Sent', 'Referral Completed'];
  const subRetention = options.subscriptionRetentionDays ?? 90;
  const subLoyalty = options.subscriptionLoyaltyDays ?? 365;
  checkCount('acquisitionWindowDays', acq, 1);
  checkCount('followUpDays', follow, 0);
  checkCount('retentionMinOrders', minRepeat, 2);
  checkCount('loyaltyMinOrders', loyalOrders, 1);
  checkCount('loyaltyMinTenureDays', loyalTenure, 0);
  checkCount('promoterWithinDays', promoterDays, 0);
  checkCount('subscriptionRetentionDays', subRetention, acq);
  checkCount('subscriptionLoyaltyDays', subLoyalty, 0);
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0) {
    throw new JornadaError('INVALID_OPTION', `maxRhythmRatio must be a positive number, got ${showValue(ratio)}`, {
      issues: [{ path: ['maxRhythmRatio'], message: 'must be a positive number' }],
    });
  }
  if (!Array.isArray(referralEvents) || referralEvents.length > 1000 || referralEvents.some((e) => typeof e !== 'string' || e.length === 0 || e.length > 1000)) {
    throw new JornadaError('INVALID_OPTION', 'referralEvents must be a list of at most 1000 event names of 1 to 1000 characters', { issues: [{ path: ['referralEvents'], message: 'must be non-empty strings' }] });
  }
  const advocacy = (): ConditionNode => ({
    any: [
      { fact: 'lastPromoterAt', op: 'withinLast', amount: promoterDays, unit: 'days' },
      { count: 'interactions', where: { fact: 'event', op: 'in', value: [...referralEvents] }, op: 'gte', value: 1 },
    ],
  });
  return {
    version: 1,
    id: 'default-retail',
    name: 'Reach → acquisition → nurture → retention → loyalty',
    forwardOnly: true,
    stages: [
      {
        id: 'reach',
        label: { en: 'Reach', 'pt-BR': 'Alcance' },
        description: 'Known contacts who have not bought yet.',
        rules: [{ id: 'reach.known-contact', description: 'A known contact with no purchase.', condition: doc({ fact: 'frequency', op: 'eq', value: 0 }) }],
      },
      {
        id: 'acquisition',
        label: { en: 'Acquisition', 'pt-BR': 'Aquisição' },
        description: `First purchase or subscription in the last ${acq} days.`,
        rules: [
          {
            id: 'acquisition.first-purchase',
            description: `A purchase, the first less than ${acq} days ago.`,
            condition: doc({ all: [{ fact: 'frequency', op: 'gte', value: 1 }, { fact: 'daysSinceFirstOrder', op: 'lt', value: acq }] }),
          },
          {
            id: 'acquisition.new-subscription',
            description: `A running subscription that started less than ${acq} days ago.`,
            condition: doc({ fact: 'subscriptionDays', op: 'lt', value: acq }),
          },
        ],
      },
      {
        id: 'nurture',
        label: { en: 'Nurture', 'pt-BR': 'Nutrição' },
        description: `One purchase, in the ${follow}-day follow-up window after acquisition.`,
        rules: [
          {
            id: 'nurture.single-purchase',
            description: `Exactly one purchase, made ${acq} to ${acq + follow - 1} days ago.`,
            condition: doc({ all: [{ fact: 'frequency', op: 'eq', value: 1 }, { fact: 'daysSinceFirstOrder', op: 'gte', value: acq }, { fact: 'daysSinceFirstOrder', op: 'lt', value: acq + follow }] }),
          },
          {
            id: 'nurture.subscription-onboarding',
            description: `A running subscription of ${acq} to ${subRetention - 1} days.`,
            condition: doc({ all: [{ fact: 'subscriptionDays', op: 'gte', value: acq }, { fact: 'subscriptionDays', op: 'lt', value: subRetention }] }),
          },
        ],
      },
      {
        id: 'retention',
        label: { en: 'Retention', 'pt-BR': 'Retenção' },
        description: 'Repeat purchases within the customer’s own rhythm, or an established subscription.',
        rules: [
          {
            id: 'retention.repeat-purchases',
            description: `${minRepeat}+ purchases and the last within ${ratio}× the customer’s usual interval.`,
            condition: doc({ all: [{ fact: 'frequency', op: 'gte', value: minRepeat }, { fact: 'rhythmRatio', op: 'lte', value: ratio }] }),
          },
          {
            id: 'retention.subscription-tenure',
            description: `A running subscription of ${subRetention}+ days.`,
            condition: doc({ fact: 'subscriptionDays', op: 'gte', value: subRetention }),
          },
        ],
      },
      {
        id: 'loyalty',
        label: { en: 'Loyalty', 'pt-BR': 'Lealdade' },
        description: 'Frequent, long-standing customers who recommend the company (promoter answer or referral).',
        rules: [
          {
            id: 'loyalty.loyal-advocate',
            description: `${loyalOrders}+ purchases, the first ${loyalTenure}+ days ago, within rhythm, and advocacy.`,
            condition: doc({
              all: [
                { fact: 'frequency', op: 'gte', value: loyalOrders },
                { fact: 'daysSinceFirstOrder', op: 'gte', value: loyalTenure },
                { fact: 'rhythmRatio', op: 'lte', value: ratio },
                advocacy(),
              ],
            }),
          },
          {
            id: 'loyalty.subscriber-advocate',
            description: `A running subscription of ${subLoyalty}+ days and advocacy.`,
            condition: doc({ all: [{ fact: 'subscriptionDays', op: 'gte', value: subLoyalty }, advocacy()] }),
          },
        ],
      },
    ],
  };
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

/**
 * The default stage model: {@link createRetailStageModel} with its default thresholds (frozen). Stage
 * ids `reach`, `acquisition`, `nurture`, `retention`, `loyalty`; labels in English and Portuguese
 * (alcance, aquisição, nutrição, retenção, lealdade).
 *
 * @example
 * ```ts
 * DEFAULT_STAGE_MODEL.stages.map((s) => s.label['pt-BR']);
 * //=> ['Alcance', 'Aquisição', 'Nutrição', 'Retenção', 'Lealdade']
 * ```
 * @category Lifecycle
 */
export const DEFAULT_STAGE_MODEL: LifecycleStageModel = deepFreeze(createRetailStageModel());

/**
 * A HubSpot-style stage model (the lifecycle-stage property of HubSpot's CRM): subscriber → lead →
 * marketing-qualified lead → sales-qualified lead → opportunity → customer → evangelist, written on
 * the same profile facts (frozen; copy and edit it to change a rule):
 *
 * - `subscriber`: known with an e-mail address or a marketing consent;
 * - `lead`: the contact acted at least once (an inbound interaction);
 * - `marketing_qualified_lead`: 3+ inbound interactions in the last 30 days;
 * - `sales_qualified_lead`: a sales conversation (`Sales Call Held`, `Demo Requested` or `Quote Requested`);
 * - `opportunity`: an order placed but not yet paid;
 * - `customer`: a paid or fulfilled order, or a running subscription;
 * - `evangelist`: a customer with a promoter NPS answer in the last 365 days or a referral.
 *
 * @example
 * ```ts
 * HUBSPOT_STAGE_MODEL.stages.map((s) => s.id).at(-1); //=> 'evangelist'
 * ```
 * @category Lifecycle
 */
export const HUBSPOT_STAGE_MODEL: LifecycleStageModel = deepFreeze({
  version: 1,
  id: 'hubspot',
  name: 'HubSpot-style lifecycle stages',
  forwardOnly: true,
  stages: [
    {
      id: 'subscriber',
      label: { en: 'Subscriber', 'pt-BR': 'Assinante de conteúdo' },
      rules: [
        {
          id: 'subscriber.reachable',
          description: 'Known with an e-mail address or a marketing consent.',
          condition: doc({ any: [{ fact: 'hasEmail', op: 'eq', value: true }, { count: 'marketingChannels', op: 'gte', value: 1 }] }),
        },
      ],
    },
    {
      id: 'lead',
      label: { en: 'Lead', 'pt-BR': 'Lead' },
      rules: [{ id: 'lead.engaged-once', description: 'At least one inbound interaction.', condition: doc({ count: 'interactions', where: { fact: 'direction', op: 'eq', value: 'inbound' }, op: 'gte', value: 1 }) }],
    },
    {
      id: 'marketing_qualified_lead',
      label: { en: 'Marketing qualified lead', 'pt-BR': 'Lead qualificado por marketing' },
      rules: [{ id: 'mql.engaged-recently', description: '3+ inbound interactions in the last 30 days.', condition: doc({ fact: 'inboundInteractionsLast30Days', op: 'gte', value: 3 }) }],
    },
    {
      id: 'sales_qualified_lead',
      label: { en: 'Sales qualified lead', 'pt-BR': 'Lead qualificado por vendas' },
      rules: [
        {
          id: 'sql.sales-conversation',
          description: 'A sales conversation took place.',
          condition: doc({ count: 'interactions', where: { fact: 'event', op: 'in', value: ['Sales Call Held', 'Demo Requested', 'Quote Requested'] }, op: 'gte', value: 1 }),
        },
      ],
    },
    {
      id: 'opportunity',
      label: { en: 'Opportunity', 'pt-BR': 'Oportunidade' },
      rules: [{ id: 'opportunity.open-order', description: 'An order placed but not yet paid.', condition: doc({ count: 'orders', where: { fact: 'status', op: 'eq', value: 'placed' }, op: 'gte', value: 1 }) }],
    },
    {
      id: 'customer',
      label: { en: 'Customer', 'pt-BR': 'Cliente' },
      rules: [
        {
          id: 'customer.paid-order-or-subscription',
          description: 'A paid or fulfilled order, or a running subscription.',
          condition: doc({ any: [{ count: 'orders', where: { fact: 'status', op: 'in', value: ['paid', 'fulfilled'] }, op: 'gte', value: 1 }, { fact: 'subscriptionDays', op: 'gte', value: 0 }] }),
        },
      ],
    },
    {
      id: 'evangelist',
      label: { en: 'Evangelist', 'pt-BR': 'Evangelizador' },
      rules: [
        {
          id: 'evangelist.promoter-or-referral',
          description: 'A customer with a promoter answer in the last 365 days or a referral.',
          condition: doc({
            all: [
              { fact: 'frequency', op: 'gte', value: 1 },
              {
                any: [
                  { fact: 'lastPromoterAt', op: 'withinLast', amount: 365, unit: 'days' },
                  { count: 'interactions', where: { fact: 'event', op: 'in', value: ['Referral Sent', 'Referral Completed'] }, op: 'gte', value: 1 },
                ],
              },
            ],
          }),
        },
      ],
    },
  ],
} satisfies LifecycleStageModel);

/**
 * How each HubSpot-style stage reads in the default five-stage model. The models measure different
 * things (HubSpot's is a sales pipeline before the first purchase; the seed's is the relationship after
 * it), so the mapping is many-to-one and lossy: every pre-purchase stage is `reach`, `customer` is
 * `acquisition` (the default model needs the purchase history to tell nurture and retention apart),
 * and `evangelist` is `loyalty`.
 *
 * @example
 * ```ts
 * HUBSPOT_TO_DEFAULT_STAGE.marketing_qualified_lead; //=> 'reach'
 * ```
 * @category Lifecycle
 */
export const HUBSPOT_TO_DEFAULT_STAGE: Readonly<Record<string, string>> = Object.freeze({
  subscriber: 'reach',
  lead: 'reach',
  marketing_qualified_lead: 'reach',
  sales_qualified_lead: 'reach',
  opportunity: 'reach',
  customer: 'acquisition',
  evangelist: 'loyalty',
});

/**
 * How each default stage reads in the HubSpot-style model: `reach` is `lead` (a known contact),
 * `acquisition`, `nurture` and `retention` are `customer`, `loyalty` is `evangelist`.
 *
 * @example
 * ```ts
 * DEFAULT_TO_HUBSPOT_STAGE.retention; //=> 'customer'
 * ```
 * @category Lifecycle
 */
export const DEFAULT_TO_HUBSPOT_STAGE: Readonly<Record<string, string>> = Object.freeze({
  reach: 'lead',
  acquisition: 'customer',
  nurture: 'customer',
  retention: 'customer',
  loyalty: 'evangelist',
});
