/**
 * Omnichannel consistency: how much satisfaction varies across channels within a stage, and which
 * channels fall significantly below the others.
 *
 * @module
 */
import { JornadaError } from '../core/errors.js';
import { twoSidedNormalPValue } from '../core/normal.js';
import { csatAccumulator, type CsatOptions, type RatingAccumulatorState } from '../metrics/csat.js';
import { npsAccumulator, npsDifference, type NpsOptions, type NpsState } from '../metrics/nps.js';
import type { ConfidenceInterval } from '../metrics/shared.js';
import type { Channel } from '../model/common.js';
import type { FeedbackResponse } from '../model/feedback.js';
import type { Interaction } from '../model/interaction.js';
import { StagePlacer, type StagePlacementOptions } from './journey-map.js';

/**
 * Options of {@link omnichannelConsistency}.
 *
 * @category Journey
 */
export interface OmnichannelConsistencyOptions extends StagePlacementOptions {
  /** Which score to compare: `nps` (default, NPS answers) or `csat` (the satisfied share of CSAT answers). */
  metric?: 'nps' | 'csat';
  /**
   * Interactions, to find the channel and touchpoint of an answer that names its `interactionId` but
   * carries no `channel` or `touchpoint` of its own.
   */
  interactions?: Iterable<Interaction>;
  /** Channels with fewer answers are reported but not tested or counted in the spread; default 30. */
  minAnswers?: number;
  /** Family-wise significance level per stage (Bonferroni over the channels tested); default 0.05. */
  alpha?: number;
  /** Level and interval method of the NPS. */
  nps?: NpsOptions;
  /** Scale, satisfied threshold and level of the CSAT (answers on another scale are skipped). */
  csat?: CsatOptions;
}

/**
 * One channel's satisfaction within a stage, compared with the stage's other channels pooled.
 *
 * @category Journey
 */
export interface ChannelSatisfaction {
  /** The channel. */
  channel: Channel;
  /** Answers. */
  n: number;
  /** The score: NPS points, or the CSAT satisfied share (0..1). */
  estimate: number;
  /** Its confidence interval (from `jornada/metrics`). */
  interval: ConfidenceInterval;
  /** Whether it has fewer than `minAnswers` answers (then it is not tested). */
  tooFewAnswers: boolean;
  /** The score minus the score of the stage's other channels pooled; `NaN` when untested. */
  differenceFromRest: number;
  /** Two-sided p-value of that difference (z test with unpooled variances); `NaN` when untested or when both sides have zero variance. */
  pValue: number;
  /** Whether the channel falls significantly below the rest: difference < 0 and p < alpha / channels tested. */
  significantlyBelow: boolean;
}

/**
 * The consistency of one stage across channels.
 *
 * @category Journey
 */
export interface StageChannelConsistency {
  /** The stage. */
  stage: string;
  /** Channels by descending score (channels with too few answers last). */
  channels: ChannelSatisfaction[];
  /** Highest minus lowest score among channels with enough answers; `NaN` with fewer than two. */
  spread: number;
  /** Channels tested (enough answers on both sides), the Bonferroni divisor. */
  tested: number;
  /** Channels flagged as significantly below the rest. */
  flagged: Channel[];
}

/**
 * Omnichannel consistency of satisfaction.
 *
 * @category Journey
 */
export interface OmnichannelConsistency {
  /** Which score was compared. */
  metric: 'nps' | 'csat';
  /** One entry per stage with answers, in stage order. */
  stages: StageChannelConsistency[];
  /** Answers read (of the compared kind). */
  answers: number;
  /** Answers left out for want of a channel, touchpoint or stage (or a CSAT on another scale). */
  unplaced: number;
}

interface Bucket {
  nps: NpsState;
  csat: RatingAccumulatorState;
}

/**
 * Measures omnichannel consistency: for each stage, the satisfaction of each channel (NPS or CSAT,
 * computed by `jornada/metrics`), the spread between the best and worst channel, and which channels
 * fall significantly below the stage's other channels pooled. The test is a two-sided z test of the
 * difference with unpooled variances (`npsDifference` for NPS; for CSAT shares
 * z = (p₁ − p₂)/√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂)), at `alpha` divided by the number of channels
 * tested (Bonferroni), so that a stage with many channels does not flag one by chance.
 *
 * An answer's channel is its own `channel`, else that of the interaction it names; its stage is the
 * customer's stage when answering (`stageAt`) or else its touchpoint's default stage.
 *
 * @param feedback - Survey answers (trusted; validate with `parseFeedbackResponse`).
 * @param options - Metric, stage placement, thresholds, interactions for channel look-up.
 * @returns Per stage, the channels' scores, the spread and the flagged channels.
 * @throws {JornadaError} `INVALID_OPTION` for a bad metric, threshold or alpha; `INVALID_INPUT` for
 *   an answer off its scale.
 *
 * @example
 * ```ts
 * const answers = (channel: 'email' | 'phone', scores: number[]) => scores.map((score, i) => ({
 *   id: `${channel}-${i}`, customerId: `c-${channel}-${i}`, respondedAt: new Date('2026-05-01T12:00:00Z'),
 *   kind: 'nps' as const, score, scale: { min: 0, max: 10 }, channel, touchpoint: 'customer_service' as const }));
 * const r = omnichannelConsistency([
 *   ...answers('email', [...Array(30).fill(10), ...Array(10).fill(8)]), // NPS 75
 *   ...answers('phone', [...Array(20).fill(3), ...Array(20).fill(9)]), // NPS 0
 * ]);
 * r.stages[0]?.spread; //=> 75
 * r.stages[0]?.flagged; //=> ['phone']
 * ```
 * @category Journey
 */
export function omnichannelConsistency(feedback: Iterable<FeedbackResponse>, options: OmnichannelConsistencyOptions = {}): OmnichannelConsistency {
  const metric = options.metric ?? 'nps';
  if (metric !== 'nps' && metric !== 'csat') {
    throw new JornadaError('INVALID_OPTION', 'Invalid option metric: must be nps or csat', { details: { metric } });
  }
  const minAnswers = options.minAnswers ?? 30;
  if (typeof minAnswers !== 'number' || !(minAnswers >= 1) || minAnswers === Infinity) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option minAnswers: must be a finite number ≥ 1', { details: { minAnswers } });
  }
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new JornadaError('INVALID_OPTION', 'Invalid option alpha: must lie strictly between 0 and 1', { details: { alpha } });
  }
  const npsAcc = npsAccumulator(options.nps);
  const csatAcc = csatAccumulator(options.csat);
  const csatScale = options.csat?.scale ?? { min: 1, max: 5 };
  const placer = new StagePlacer(options);
  const byId = new Map<string, Interaction>();
  for (const i of options.interactions ?? []) byId.set(i.id, i);

  const stages = new Map<string, Map<Channel, Bucket>>();
  let answers = 0;
  let unplaced = 0;
  for (const r of feedback) {
    if (r.kind !== metric) continue;
    answers++;
    const linked = r.interactionId === undefined ? undefined : byId.get(r.interactionId);
    const channel = r.channel ?? linked?.channel;
    const touchpoint = r.touchpoint ?? linked?.touchpoint;
    const stage = touchpoint === undefined ? undefined : placer.stageOf(r.customerId, r.respondedAt, touchpoint);
    const onScale = metric === 'nps' || (r.scale.min === csatScale.min && r.scale.max === csatScale.max);
    if (channel === undefined || stage === undefined || !onScale) {
      unplaced++;
      continue;
    }
    placer.rankOf(stage);
    let channels = stages.get(stage);
    if (channels === undefined) stages.set(stage, (channels = new Map()));
    let bucket = channels.get(channel);
    if (bucket === undefined) channels.set(channel, (bucket = { nps: npsAcc.create(), csat: csatAcc.create() }));
    if (metric === 'nps') npsAcc.add(bucket.nps, r.score);
    else csatAcc.add(bucket.csat, r.score);
  }

  const out: StageChannelConsistency[] = [];
  const orderedStages = [...stages.keys()].sort((a, b) => placer.rankOf(a) - placer.rankOf(b));
  for (const stage of orderedStages) {
    const channels = stages.get(stage)!;
    const all = [...channels.entries()];
    const enough = (b: Bucket): boolean => (metric === 'nps' ? b.nps.n : b.csat.n) >= minAnswers;
    const rows: ChannelSatisfaction[] = [];
    const candidates: { row: ChannelSatisfaction; bucket: Bucket }[] = [];
    for (const [channel, bucket] of all) {
      const result = metric === 'nps' ? npsAcc.result(bucket.nps) : csatAcc.result(bucket.csat);
      const row: ChannelSatisfaction = {
        channel,
        n: result.n,
        estimate: result.estimate,
        interval: result.interval,
        tooFewAnswers: !enough(bucket),
        differenceFromRest: NaN,
        pValue: NaN,
        significantlyBelow: false,
      };
      rows.push(row);
      if (!row.tooFewAnswers) candidates.push({ row, bucket });
    }
    // Compare each channel with enough answers against every other channel of the stage pooled.
    const tested: ChannelSatisfaction[] = [];
    for (const { row, bucket } of candidates) {
      let restNps = npsAcc.create();
      let restCsat = csatAcc.create();
      for (const [channel, other] of all) {
        if (channel === row.channel) continue;
        restNps = npsAcc.merge(restNps, other.nps);
        restCsat = csatAcc.merge(restCsat, other.csat);
      }
      if ((metric === 'nps' ? restNps.n : restCsat.n) < minAnswers) continue;
      if (metric === 'nps') {
        const d = npsDifference(npsAcc.result(bucket.nps), npsAcc.result(restNps));
        row.differenceFromRest = d.difference;
        row.pValue = d.pValue;
      } else {
        const a = csatAcc.result(bucket.csat);
        const b = csatAcc.result(restCsat);
        const se = Math.sqrt((a.share * (1 - a.share)) / a.effectiveN + (b.share * (1 - b.share)) / b.effectiveN);
        row.differenceFromRest = a.share - b.share;
        const z = row.differenceFromRest / se;
        row.pValue = Number.isFinite(z) ? twoSidedNormalPValue(z) : NaN;
      }
      tested.push(row);
    }
    for (const row of tested) row.significantlyBelow = row.differenceFromRest < 0 && row.pValue < alpha / tested.length;
    const scored = candidates.map((c) => c.row.estimate);
    const spread = scored.length >= 2 ? Math.max(...scored) - Math.min(...scored) : NaN;
    rows.sort((a, b) => Number(a.tooFewAnswers) - Number(b.tooFewAnswers) || b.estimate - a.estimate || (a.channel < b.channel ? -1 : 1));
    out.push({ stage, channels: rows, spread, tested: tested.length, flagged: rows.filter((r) => r.significantlyBelow).map((r) => r.channel) });
  }
  return { metric, stages: out, answers, unplaced };
}
