/**
 * Closing the loop: detractors and dissatisfied customers still waiting for a follow-up — the list
 * the cadence engine acts on.
 *
 * @module
 */
import type { FeedbackResponse, Interaction } from '../model/index.js';
import { MS_PER_DAY } from '../core/time.js';
import { invalidAt, invalidOption } from './shared.js';

/**
 * Why a response needs a follow-up: an NPS `detractor` (0–6), a `dissatisfied` CSAT answer (below the
 * satisfied threshold) or, when asked for, a `high_effort` CES answer.
 *
 * @category Metrics
 */
export type FollowUpReason = 'detractor' | 'dissatisfied' | 'high_effort';

/**
 * Options of {@link pendingFollowUps}.
 *
 * @category Metrics
 */
export interface PendingFollowUpOptions {
  /** The instant of the report: responses after it are ignored, and only interactions up to it count. */
  asOf: Date;
  /** Service window in hours: a follow-up must come within this time after the response; default 48. */
  serviceWindowHours?: number;
  /** Only responses at or after this instant (to leave old history out); default: all. */
  since?: Date;
  /** CSAT answers below this count as dissatisfied; default `scale.max − 1` (below top-2-box). */
  csatSatisfiedFrom?: number;
  /** Also list high-effort CES answers (`ces2`, 1–7: 1–3; legacy 1–5: 4–5); default false. */
  includeHighEffort?: boolean;
  /**
   * Which interactions count as a follow-up, besides being outbound, to the same customer, after the
   * response and within the window; default: every such interaction.
   */
  isFollowUp?: (interaction: Interaction, response: FeedbackResponse) => boolean;
}

/**
 * A response still waiting for a follow-up.
 *
 * @category Metrics
 */
export interface PendingFollowUp {
  /** The response. */
  response: FeedbackResponse;
  /** The customer to contact. */
  customerId: string;
  /** Why. */
  reason: FollowUpReason;
  /** When the service window closes: `respondedAt + serviceWindowHours`. */
  dueAt: Date;
  /** Whether the window has closed without a follow-up (`dueAt ≤ asOf`). */
  overdue: boolean;
  /** Hours from the response to `asOf`. */
  waitingHours: number;
}

function reasonOf(r: FeedbackResponse, csatFrom: number | undefined, highEffort: boolean): FollowUpReason | undefined {
  if (r.kind === 'nps') return r.score <= 6 ? 'detractor' : undefined;
  if (r.kind === 'csat') return r.score < (csatFrom ?? r.scale.max - 1) ? 'dissatisfied' : undefined;
  if (!highEffort) return undefined;
  // CES: on a 7-point agreement scale, disagreeing (1–3) is high effort; on the legacy 5-point effort scale, 4–5.
  if (r.scale.max >= 7) return r.score <= r.scale.min + 2 ? 'high_effort' : undefined;
  return r.score >= r.scale.max - 1 ? 'high_effort' : undefined;
}

/**
 * Lists the detractors and dissatisfied customers still without a follow-up. A follow-up is an
 * **outbound** interaction to the same customer, strictly after the response, no later than the end
 * of the service window and no later than `asOf` (optionally filtered by `isFollowUp`). Each response
 * is judged on its own: an earlier detractor answer of the same customer does not count for a later
 * one. Sorted by `dueAt` (most urgent first), then response id.
 *
 * @param responses - Feedback responses (trusted; parse untrusted data with `parseFeedbackResponse`).
 * @param interactions - Interactions (trusted), in any order.
 * @param options - `asOf`, the service window, thresholds and the follow-up filter.
 * @returns The responses awaiting a follow-up: pending (window still open) or overdue.
 * @throws {JornadaError} `INVALID_OPTION` for a bad `asOf`, `since` or window; `INVALID_INPUT` with
 *   path `['responses', i, 'respondedAt']` or `['interactions', i, 'timestamp']` for an invalid date.
 *
 * @example
 * ```ts
 * const responses: FeedbackResponse[] = [{ id: 'f1', customerId: 'c1', kind: 'nps', score: 3,
 *   scale: { min: 0, max: 10 }, respondedAt: new Date('2026-05-10T12:00:00Z') }];
 * pendingFollowUps(responses, [], { asOf: new Date('2026-05-13T12:00:00Z') })
 *   .map((p) => [p.customerId, p.reason, p.overdue]); //=> [['c1', 'detractor', true]]
 * ```
 * @category Metrics
 */
export function pendingFollowUps(
  responses: readonly FeedbackResponse[],
  interactions: readonly Interaction[],
  options: PendingFollowUpOptions,
): PendingFollowUp[] {
  const { asOf } = options;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw invalidOption('asOf', 'must be a valid Date', asOf);
  const hours = options.serviceWindowHours ?? 48;
  if (!(hours >= 0) || hours === Infinity) throw invalidOption('serviceWindowHours', 'must be a finite number ≥ 0', hours);
  const since = options.since?.getTime() ?? -Infinity;
  if (Number.isNaN(since)) throw invalidOption('since', 'must be a valid Date', options.since);
  const asOfMs = asOf.getTime();
  const windowMs = (hours / 24) * MS_PER_DAY;

  const outbound = new Map<string, { time: number; interaction: Interaction }[]>();
  interactions.forEach((it, i) => {
    if (it.direction !== 'outbound' || it.customerId === undefined) return;
    const time = it.timestamp instanceof Date ? it.timestamp.getTime() : NaN;
    if (Number.isNaN(time)) throw invalidAt(['interactions', i, 'timestamp'], 'not a valid Date', 'invalid_date');
    if (time > asOfMs) return;
    let list = outbound.get(it.customerId);
    if (list === undefined) outbound.set(it.customerId, (list = []));
    list.push({ time, interaction: it });
  });
  for (const list of outbound.values()) list.sort((a, b) => a.time - b.time);

  const out: PendingFollowUp[] = [];
  responses.forEach((r, i) => {
    const time = r.respondedAt instanceof Date ? r.respondedAt.getTime() : NaN;
    if (Number.isNaN(time)) throw invalidAt(['responses', i, 'respondedAt'], 'not a valid Date', 'invalid_date');
    if (time > asOfMs || time < since) return;
    const reason = reasonOf(r, options.csatSatisfiedFrom, options.includeHighEffort ?? false);
    if (reason === undefined) return;
    const due = time + windowMs;
    const list = outbound.get(r.customerId) ?? [];
    // First outbound interaction strictly after the response (binary search), then scan the window.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as { time: number }).time <= time) lo = mid + 1;
      else hi = mid;
    }
    let followed = false;
    for (let k = lo; k < list.length; k++) {
      const candidate = list[k] as { time: number; interaction: Interaction };
      if (candidate.time > due) break;
      if (options.isFollowUp === undefined || options.isFollowUp(candidate.interaction, r)) {
        followed = true;
        break;
      }
    }
    if (followed) return;
    out.push({ response: r, customerId: r.customerId, reason, dueAt: new Date(due), overdue: due <= asOfMs, waitingHours: (asOfMs - time) / 3_600_000 });
  });
  out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.response.id < b.response.id ? -1 : a.response.id > b.response.id ? 1 : 0));
  return out;
}
