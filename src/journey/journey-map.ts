/**
 * The journey map: stage × touchpoint with volume, unique customers, satisfaction (NPS and CSAT from
 * `jornada/metrics`, with intervals) and the conversion that follows each touchpoint.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { MS_PER_DAY } from '../core/time.js';
import { csatAccumulator, type CsatOptions, type CsatResult, type RatingAccumulatorState } from '../metrics/csat.js';
import { npsAccumulator, type NpsOptions, type NpsResult, type NpsState } from '../metrics/nps.js';
import { wilsonInterval, type ConfidenceInterval } from '../metrics/shared.js';
import type { TouchpointKind } from '../model/common.js';
import type { FeedbackResponse } from '../model/feedback.js';
import type { Interaction } from '../model/interaction.js';
import type { ConversionEvent } from './paths.js';
import { JOURNEY_STAGE_IDS, TOUCHPOINT_TAXONOMY, touchpointStageMapping, type JourneyStageId } from './taxonomy.js';

/**
 * A customer's lifecycle stage at an instant (for example from `jornada/lifecycle`'s stage history);
 * `undefined` when unknown.
 *
 * @category Journey
 */
export type StageAtFunction = (customerId: string, at: Date) => string | undefined;

/**
 * How interactions and answers are placed in stages (shared by the journey map and omnichannel consistency).
 *
 * @category Journey
 */
export interface StagePlacementOptions {
  /**
   * The customer's stage at the time of the interaction or answer. Default: the stage of the
   * touchpoint in the mapping ({@link DEFAULT_TOUCHPOINT_STAGES} with `touchpointStages` applied).
   */
  stageAt?: StageAtFunction;
  /** Overrides of the default touchpoint → stage mapping (used when `stageAt` is absent). */
  touchpointStages?: Partial<Record<TouchpointKind, JourneyStageId>>;
  /** The stage ids in row order; default the five lifecycle stages. Stages met but not listed follow, in order of first sight. */
  stages?: readonly string[];
}

/**
 * Options of {@link journeyMap}.
 *
 * @category Journey
 */
export interface JourneyMapOptions extends StagePlacementOptions {
  /**
   * Survey answers. An answer joins the cell of the interaction it names (`interactionId`), or else
   * the cell of its `touchpoint` in its stage. NPS answers give each cell's NPS, CSAT answers on the
   * CSAT scale its CSAT; CES answers are not read.
   */
  feedback?: Iterable<FeedbackResponse>;
  /** Conversions, for each cell's conversion rate. */
  conversions?: Iterable<ConversionEvent>;
  /** Days after a touch within which a conversion counts as following it (> 0); default 7. */
  conversionWindowDays?: number;
  /** Fewer answers than this flag a score as too thin to read (`…TooFewAnswers`); default 30. */
  minAnswers?: number;
  /** Level and interval method of the NPS. */
  nps?: NpsOptions;
  /** Scale, satisfied threshold and level of the CSAT (answers on another scale are skipped). */
  csat?: CsatOptions;
}

/**
 * One cell of the journey map: a touchpoint in a stage.
 *
 * @category Journey
 */
export interface JourneyMapCell {
  /** The stage. */
  stage: string;
  /** The touchpoint kind. */
  touchpoint: TouchpointKind;
  /** Interactions in the cell. */
  interactions: number;
  /** Distinct customers (customer id, or anonymous id for visitors) with an interaction in the cell. */
  customers: number;
  /** NPS of the cell's answers (`NaN` score without answers), with its interval. */
  nps: NpsResult;
  /** Whether the NPS rests on fewer than `minAnswers` answers. */
  npsTooFewAnswers: boolean;
  /** CSAT of the cell's answers, with its interval. */
  csat: CsatResult;
  /** Whether the CSAT rests on fewer than `minAnswers` answers. */
  csatTooFewAnswers: boolean;
  /** Known customers of the cell with a conversion within the window after one of their touches in it. */
  convertedCustomers: number;
  /** `convertedCustomers` over the known customers of the cell (`NaN` without conversions given or without known customers). */
  conversionRate: number;
  /** Wilson interval of `conversionRate`, at the NPS level (`nps.level`, default 0.95); `NaN` ends without conversions given. */
  conversionInterval: ConfidenceInterval;
}

/**
 * Counts of what the journey map read.
 *
 * @category Journey
 */
export interface JourneyMapTotals {
  /** Interactions read. */
  interactions: number;
  /** Interactions placed in a cell (the cells' `interactions` add up to this). */
  placed: number;
  /** Interactions without a touchpoint kind or a stage, left out. */
  unplaced: number;
  /** Distinct customers over all placed interactions. */
  customers: number;
  /** NPS and CSAT answers placed in a cell. */
  answersPlaced: number;
  /** NPS and CSAT answers with no cell (no touchpoint or stage, or a CSAT on another scale). */
  answersUnplaced: number;
}

/**
 * The journey map.
 *
 * @category Journey
 */
export interface JourneyMap {
  /** Stages in row order. */
  stages: string[];
  /** Touchpoint kinds in column order (taxonomy order). */
  touchpoints: TouchpointKind[];
  /** Cells with at least one interaction or answer, by stage then touchpoint. */
  cells: JourneyMapCell[];
  /** What was read and placed. */
  totals: JourneyMapTotals;
}

/**
 * Resolves stages and orders them (shared with omnichannel consistency).
 *
 * @internal
 */
export class StagePlacer {
  readonly order: string[];
  private readonly rank = new Map<string, number>();
  private readonly mapping: Record<TouchpointKind, JourneyStageId>;
  private readonly stageAt: StageAtFunction | undefined;

  constructor(options: StagePlacementOptions) {
    this.mapping = touchpointStageMapping(options.touchpointStages);
    this.stageAt = options.stageAt;
    if (this.stageAt !== undefined && typeof this.stageAt !== 'function') {
      throw new JornadaError('INVALID_OPTION', 'Invalid option stageAt: must be a function', {});
    }
    const stages = options.stages ?? JOURNEY_STAGE_IDS;
    this.order = [];
    for (const s of stages) this.rankOf(s);
  }

  rankOf(stage: string): number {
    let r = this.rank.get(stage);
    if (r === undefined) {
      r = this.order.length;
      this.rank.set(stage, r);
      this.order.push(stage);
    }
    return r;
  }

  stageOf(customerId: string | undefined, at: Date, touchpoint: TouchpointKind): string | undefined {
    if (this.stageAt === undefined) return this.mapping[touchpoint];
    if (customerId === undefined) return undefined;
    return this.stageAt(customerId, at);
  }
}

const TOUCHPOINT_ORDER: readonly TouchpointKind[] = TOUCHPOINT_TAXONOMY.map((t) => t.kind);
const TOUCHPOINT_RANK = new Map<TouchpointKind, number>(TOUCHPOINT_ORDER.map((k, i) => [k, i]));

interface CellState {
  stage: string;
  touchpoint: TouchpointKind;
  interactions: number;
  customers: Set<string>;
  knownCustomers: Set<string>;
  converted: Set<string>;
  nps: NpsState;
  csat: RatingAccumulatorState;
}

function positiveOption(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || value === Infinity) {
    throw new JornadaError('INVALID_OPTION', `Invalid option ${name}: must be a positive finite number`, { details: { [name]: value } });
  }
  return value;
}

/**
 * Builds the journey map: every interaction with a touchpoint kind is placed in a (stage, touchpoint)
 * cell — the stage is the customer's stage at that time when `stageAt` is given, else the
 * touchpoint's default stage — and each cell reports its volume, unique customers, NPS and CSAT
 * (computed by `npsAccumulator` and `csatAccumulator` of `jornada/metrics`, with their intervals and
 * a flag below `minAnswers` answers), and the share of its known customers who converted within
 * `conversionWindowDays` after a touch in the cell (with a Wilson interval).
 *
 * @param interactions - Touchpoint events (trusted; validate with `parseInteraction`).
 * @param options - Stage placement, feedback, conversions, window and thresholds.
 * @returns The cells and totals.
 * @throws {JornadaError} `INVALID_OPTION` for a bad window, threshold, mapping or metric option;
 *   `INVALID_INPUT` for an answer off its scale (from `jornada/metrics`).
 *
 * @example
 * ```ts
 * const map = journeyMap(
 *   [{ id: 'i1', customerId: 'c1', timestamp: new Date('2026-05-01T12:00:00Z'), event: 'Ad Clicked',
 *      touchpoint: 'advertising', channel: 'social', direction: 'inbound' }],
 *   { conversions: [{ customerId: 'c1', at: new Date('2026-05-03T12:00:00Z') }] },
 * );
 * map.cells.map((c) => [c.stage, c.touchpoint, c.interactions, c.conversionRate]);
 * //=> [['reach', 'advertising', 1, 1]]
 * ```
 * @category Journey
 */
export function journeyMap(interactions: Iterable<Interaction>, options: JourneyMapOptions = {}): JourneyMap {
  const windowMs = positiveOption('conversionWindowDays', options.conversionWindowDays ?? 7) * MS_PER_DAY;
  const minAnswers = options.minAnswers ?? 30;
  if (typeof minAnswers !== 'number' || !(minAnswers >= 0) || minAnswers === Infinity) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option minAnswers: must be a finite number ≥ 0', { details: { minAnswers } });
  }
  const npsAcc = npsAccumulator(options.nps);
  const csatAcc = csatAccumulator(options.csat);
  const csatScale = options.csat?.scale ?? { min: 1, max: 5 };
  const placer = new StagePlacer(options);

  // Conversion instants per customer, sorted, for the binary search "a conversion in (t, t + window]".
  const conversionTimes = new Map<string, number[]>();
  const haveConversions = options.conversions !== undefined;
  for (const c of options.conversions ?? []) {
    let list = conversionTimes.get(c.customerId);
    if (list === undefined) conversionTimes.set(c.customerId, (list = []));
    list.push(c.at.getTime());
  }
  for (const list of conversionTimes.values()) list.sort((a, b) => a - b);
  const convertsWithin = (customerId: string, t: number): boolean => {
    const list = conversionTimes.get(customerId);
    if (list === undefined) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo]! <= t + windowMs;
  };

  const cells = new Map<string, CellState>();
  const cellOf = (stage: string, touchpoint: TouchpointKind): CellState => {
    const id = `${stage}\u0000${touchpoint}`;
    let cell = cells.get(id);
    if (cell === undefined) {
      placer.rankOf(stage);
      cell = {
        stage,
        touchpoint,
        interactions: 0,
        customers: new Set(),
        knownCustomers: new Set(),
        converted: new Set(),
        nps: npsAcc.create(),
        csat: csatAcc.create(),
      };
      cells.set(id, cell);
    }
    return cell;
  };

  const totals: JourneyMapTotals = { interactions: 0, placed: 0, unplaced: 0, customers: 0, answersPlaced: 0, answersUnplaced: 0 };
  const allCustomers = new Set<string>();
  const cellOfInteraction = new Map<string, CellState>();
  for (const i of interactions) {
    totals.interactions++;
    const touchpoint = i.touchpoint;
    const stage = touchpoint === undefined ? undefined : placer.stageOf(i.customerId, i.timestamp, touchpoint);
    if (touchpoint === undefined || stage === undefined) {
      totals.unplaced++;
      continue;
    }
    const cell = cellOf(stage, touchpoint);
    totals.placed++;
    cell.interactions++;
    const who = i.customerId ?? i.anonymousId;
    if (who !== undefined) {
      cell.customers.add(who);
      allCustomers.add(who);
    }
    if (i.customerId !== undefined) {
      cell.knownCustomers.add(i.customerId);
      if (haveConversions && !cell.converted.has(i.customerId) && convertsWithin(i.customerId, i.timestamp.getTime())) {
        cell.converted.add(i.customerId);
      }
    }
    if (options.feedback !== undefined) cellOfInteraction.set(i.id, cell);
  }
  totals.customers = allCustomers.size;

  for (const r of options.feedback ?? []) {
    if (r.kind !== 'nps' && r.kind !== 'csat') continue;
    let cell = r.interactionId === undefined ? undefined : cellOfInteraction.get(r.interactionId);
    if (cell === undefined && r.touchpoint !== undefined) {
      const stage = placer.stageOf(r.customerId, r.respondedAt, r.touchpoint);
      if (stage !== undefined) cell = cellOf(stage, r.touchpoint);
    }
    const onScale = r.kind === 'nps' || (r.scale.min === csatScale.min && r.scale.max === csatScale.max);
    if (cell === undefined || !onScale) {
      totals.answersUnplaced++;
      continue;
    }
    totals.answersPlaced++;
    if (r.kind === 'nps') npsAcc.add(cell.nps, r.score);
    else csatAcc.add(cell.csat, r.score);
  }

  const ordered = [...cells.values()].sort(
    (a, b) => placer.rankOf(a.stage) - placer.rankOf(b.stage) || TOUCHPOINT_RANK.get(a.touchpoint)! - TOUCHPOINT_RANK.get(b.touchpoint)!,
  );
  return {
    stages: [...placer.order],
    touchpoints: [...TOUCHPOINT_ORDER],
    cells: ordered.map((c) => {
      const nps = npsAcc.result(c.nps);
      const csat = csatAcc.result(c.csat);
      const known = c.knownCustomers.size;
      const rate = haveConversions && known > 0 ? c.converted.size / known : NaN;
      return {
        stage: c.stage,
        touchpoint: c.touchpoint,
        interactions: c.interactions,
        customers: c.customers.size,
        nps,
        npsTooFewAnswers: nps.n < minAnswers,
        csat,
        csatTooFewAnswers: csat.n < minAnswers,
        convertedCustomers: c.converted.size,
        conversionRate: rate,
        conversionInterval: haveConversions
          ? wilsonInterval(c.converted.size, known, options.nps?.level)
          : { lower: NaN, upper: NaN, level: options.nps?.level ?? 0.95, method: 'wilson' },
      };
    }),
    totals,
  };
}

