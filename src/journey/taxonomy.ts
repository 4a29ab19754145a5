/**
 * The touchpoint taxonomy: the kinds of touchpoint of the model, what each is, the lifecycle stages
 * where customers meet it, and the default mapping of touchpoints to stages (data, overridable).
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { TOUCHPOINT_KINDS, type Channel, type TouchpointKind } from '../model/common.js';

/**
 * A lifecycle stage of the seed's five-stage model: `reach` (alcance), `acquisition` (aquisição),
 * `nurture` (nutrição), `retention` (retenção), `loyalty` (lealdade). The same ids as the
 * `jornada/lifecycle` default stage model.
 *
 * @category Journey
 */
export type JourneyStageId = 'reach' | 'acquisition' | 'nurture' | 'retention' | 'loyalty';

/**
 * The five stage ids in lifecycle order.
 *
 * @example
 * ```ts
 * JOURNEY_STAGE_IDS.indexOf('nurture'); //=> 2
 * ```
 * @category Journey
 */
export const JOURNEY_STAGE_IDS: readonly JourneyStageId[] = Object.freeze(['reach', 'acquisition', 'nurture', 'retention', 'loyalty']);

/**
 * What the taxonomy says about one touchpoint kind.
 *
 * @category Journey
 */
export interface TouchpointDefinition {
  /** The touchpoint kind. */
  kind: TouchpointKind;
  /** A short English label for reports. */
  label: string;
  /** The Portuguese name used in the seed material. */
  labelPtBr: string;
  /** What it covers. */
  description: string;
  /** Whether the company can contact the customer through it (`outbound`), the customer seeks it out (`inbound`), or both. */
  direction: 'inbound' | 'outbound' | 'both';
  /** Channels on which it usually happens. */
  channels: readonly Channel[];
  /** Stages in which customers usually meet it, in lifecycle order. */
  stages: readonly JourneyStageId[];
  /** The stage it belongs to when only one is wanted (the default mapping). */
  primaryStage: JourneyStageId;
}

const definitions: readonly TouchpointDefinition[] = [
  {
    kind: 'advertising',
    label: 'Advertising',
    labelPtBr: 'Propaganda',
    description: 'Paid media: search and display ads, social ads, TV, radio, out-of-home.',
    direction: 'outbound',
    channels: ['web', 'social'],
    stages: ['reach', 'acquisition'],
    primaryStage: 'reach',
  },
  {
    kind: 'pr_events',
    label: 'PR and events',
    labelPtBr: 'Relações públicas e eventos',
    description: 'Press coverage, sponsorships, fairs, adoption days and community events.',
    direction: 'outbound',
    channels: ['in_store', 'social', 'web'],
    stages: ['reach', 'loyalty'],
    primaryStage: 'reach',
  },
  {
    kind: 'social_media',
    label: 'Social media',
    labelPtBr: 'Redes sociais',
    description: 'Organic posts, comments, direct messages and reviews on social networks.',
    direction: 'both',
    channels: ['social'],
    stages: ['reach', 'acquisition', 'loyalty'],
    primaryStage: 'reach',
  },
  {
    kind: 'storefront_display',
    label: 'Storefront and display',
    labelPtBr: 'Vitrine e exposição',
    description: 'Shop windows, shelves and displays, and their online equivalents (home page, banners).',
    direction: 'inbound',
    channels: ['in_store', 'web'],
    stages: ['reach', 'acquisition'],
    primaryStage: 'acquisition',
  },
  {
    kind: 'website_app',
    label: 'Website and app',
    labelPtBr: 'Site e aplicativo',
    description: 'Visits, searches, product pages, carts and account pages on the site or app.',
    direction: 'inbound',
    channels: ['web', 'in_app'],
    stages: ['acquisition', 'nurture', 'retention'],
    primaryStage: 'acquisition',
  },
  {
    kind: 'point_of_sale',
    label: 'Point of sale',
    labelPtBr: 'Ponto de venda',
    description: 'The store environment, checkout and sales staff.',
    direction: 'inbound',
    channels: ['in_store'],
    stages: ['acquisition', 'retention'],
    primaryStage: 'acquisition',
  },
  {
    kind: 'delivery',
    label: 'Delivery',
    labelPtBr: 'Entrega',
    description: 'Shipping, tracking, delivery and pick-up of an order.',
    direction: 'outbound',
    channels: ['email', 'sms', 'whatsapp', 'push'],
    stages: ['nurture', 'retention'],
    primaryStage: 'nurture',
  },
  {
    kind: 'product_packaging',
    label: 'Product and packaging',
    labelPtBr: 'Produto e embalagem',
    description: 'The product itself, its packaging, inserts and unboxing.',
    direction: 'inbound',
    channels: ['in_store'],
    stages: ['nurture', 'retention'],
    primaryStage: 'nurture',
  },
  {
    kind: 'direct_message',
    label: 'Direct messages',
    labelPtBr: 'Mensagens diretas',
    description: 'E-mail, SMS, WhatsApp, push and direct mail sent to a known customer.',
    direction: 'outbound',
    channels: ['email', 'sms', 'whatsapp', 'push', 'in_app', 'direct_mail'],
    stages: ['nurture', 'retention', 'loyalty'],
    primaryStage: 'retention',
  },
  {
    kind: 'customer_service',
    label: 'Customer service',
    labelPtBr: 'Atendimento (SAC)',
    description: 'Questions, complaints, returns and support on any channel.',
    direction: 'inbound',
    channels: ['phone', 'chat', 'whatsapp', 'email', 'in_store'],
    stages: ['nurture', 'retention', 'loyalty'],
    primaryStage: 'retention',
  },
];

/**
 * The touchpoint taxonomy of the model: one definition per {@link TouchpointKind}, ordered by the
 * stage where each is first met (reach first).
 *
 * @example
 * ```ts
 * TOUCHPOINT_TAXONOMY.find((t) => t.kind === 'delivery')?.primaryStage; //=> 'nurture'
 * ```
 * @category Journey
 */
export const TOUCHPOINT_TAXONOMY: readonly TouchpointDefinition[] = Object.freeze(definitions.map((d) => Object.freeze({ ...d })));

/**
 * The default touchpoint → stage mapping: each kind's `primaryStage` in {@link TOUCHPOINT_TAXONOMY}.
 * advertising, PR and events, social media → reach; storefront and display, website and app, point
 * of sale → acquisition; delivery, product and packaging → nurture; direct messages, customer
 * service → retention.
 *
 * @example
 * ```ts
 * DEFAULT_TOUCHPOINT_STAGES.customer_service; //=> 'retention'
 * ```
 * @category Journey
 */
export const DEFAULT_TOUCHPOINT_STAGES: Readonly<Record<TouchpointKind, JourneyStageId>> = Object.freeze(
  Object.fromEntries(definitions.map((d) => [d.kind, d.primaryStage])) as Record<TouchpointKind, JourneyStageId>,
);

/**
 * The touchpoint → stage mapping with overrides applied: {@link DEFAULT_TOUCHPOINT_STAGES} where
 * `overrides` says nothing.
 *
 * @param overrides - Stages for some touchpoint kinds.
 * @returns A complete mapping.
 * @throws {JornadaError} `INVALID_OPTION` for an unknown touchpoint kind or stage id.
 *
 * @example
 * ```ts
 * touchpointStageMapping({ pr_events: 'loyalty' }).pr_events; //=> 'loyalty'
 * touchpointStageMapping({ pr_events: 'loyalty' }).advertising; //=> 'reach'
 * ```
 * @category Journey
 */
export function touchpointStageMapping(overrides: Partial<Record<TouchpointKind, JourneyStageId>> = {}): Record<TouchpointKind, JourneyStageId> {
  const mapping = { ...DEFAULT_TOUCHPOINT_STAGES };
  for (const [kind, stage] of Object.entries(overrides)) {
    if (!(TOUCHPOINT_KINDS as readonly string[]).includes(kind)) {
      throw new JornadaError('INVALID_OPTION', `Invalid option touchpointStages: unknown touchpoint kind ${JSON.stringify(kind)}`, {
        details: { kind },
      });
    }
    if (!(JOURNEY_STAGE_IDS as readonly string[]).includes(stage as string)) {
      throw new JornadaError('INVALID_OPTION', `Invalid option touchpointStages.${kind}: unknown stage ${JSON.stringify(stage)}`, {
        details: { kind, stage },
      });
    }
    mapping[kind as TouchpointKind] = stage as JourneyStageId;
  }
  return mapping;
}
