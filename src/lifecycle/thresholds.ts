/**
 * Where a stage model's time-based conditions can change their outcome (internal): the durations
 * a model's rules measure, and from which dates of a customer's history they count.
 *
 * @internal
 * @module
 */
import { addMonths, addYears } from 'date-fns';
import { tz } from '@date-fns/tz';
import { MS_PER_DAY } from '../core/time.js';
import { childNodes, factPathSegments, type ConditionDocument, type ConditionNode, type ConditionTimeUnit } from '../segments/condition.js';
import type { LifecycleStageModel } from './stage-model.js';

/** The dates of a customer's history a threshold counts from. */
export type AnchorKind = 'created' | 'firstOrder' | 'orders' | 'feedback' | 'interactions' | 'subscriptions' | 'all';

/** A duration after an anchor at which a condition may flip. */
export interface ThresholdSpec {
  /** The anchor dates. */
  anchor: AnchorKind;
  /** A fixed duration in ms, or a calendar step. */
  ms?: number;
  /** Calendar step for months and years. */
  calendar?: { amount: number; unit: 'months' | 'years'; zone: string };
  /** A multiple of the customer's rhythm (days) at the anchor. */
  rhythmMultiple?: number;
  /** Also evaluate 1 ms after the threshold (strict comparisons). */
  strict: boolean;
}

const DATE_FACT_ANCHORS: Readonly<Record<string, AnchorKind>> = {
  firstOrderAt: 'firstOrder',
  lastOrderAt: 'orders',
  createdAt: 'created',
  lastNpsAt: 'feedback',
  lastPromoterAt: 'feedback',
  lastInteractionAt: 'interactions',
  lastInboundAt: 'interactions',
};

const DAY_FACT_ANCHORS: Readonly<Record<string, AnchorKind>> = {
  daysSinceFirstOrder: 'firstOrder',
  recencyDays: 'orders',
  tenureDays: 'created',
  subscriptionDays: 'subscriptions',
};

const LIST_ANCHORS: Readonly<Record<string, AnchorKind>> = { orders: 'orders', feedback: 'feedback', interactions: 'interactions' };

function unitMs(unit: ConditionTimeUnit): number {
  return unit === 'hours' ? 3_600_000 : unit === 'days' ? MS_PER_DAY : unit === 'weeks' ? 7 * MS_PER_DAY : NaN;
}

function durationSpec(anchor: AnchorKind, amount: number, unit: ConditionTimeUnit, zone: string): ThresholdSpec {
  const ms = unitMs(unit);
  if (!Number.isNaN(ms)) return { anchor, ms: amount * ms, strict: true };
  return { anchor, calendar: { amount, unit: unit as 'months' | 'years', zone }, strict: true };
}

/**
 * Collects the thresholds of every rule of a model: relative dates, count windows, whole-day facts
 * (`…Days`), the built-in `…LastNDays` window facts and the `rhythmRatio` fact.
 *
 * @param model - A validated model.
 * @param defaultZone - Zone of calendar windows that name none.
 * @returns The distinct thresholds.
 * @internal
 */
export function collectThresholds(model: LifecycleStageModel, defaultZone: string): ThresholdSpec[] {
  const out: ThresholdSpec[] = [];
  const seen = new Set<string>();
  const push = (s: ThresholdSpec): void => {
    const key = JSON.stringify(s);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  };
  for (const stage of model.stages) {
    for (const rule of stage.rules) {
      const stack: ConditionNode[] = [rule.condition.condition];
      while (stack.length > 0) {
        const node = stack.pop() as ConditionNode;
        if ('count' in node) {
          const list = factPathSegments(node.count).join('.');
          if (node.within !== undefined) push(durationSpec(LIST_ANCHORS[list] ?? 'all', node.within.amount, node.within.unit, node.timeZone ?? defaultZone));
          continue; // the where clause reads the events, not the profile
        }
        if ('fact' in node) {
          const segments = factPathSegments(node.fact);
          const name = segments[segments.length - 1] ?? '';
          const top = segments[0] ?? '';
          if (node.op === 'withinLast' || node.op === 'moreThanAgo') {
            push(durationSpec(DATE_FACT_ANCHORS[top] ?? 'all', node.amount, node.unit, node.timeZone ?? defaultZone));
            continue;
          }
          const literals: number[] = [];
          if ((node.op === 'gt' || node.op === 'gte' || node.op === 'lt' || node.op === 'lte' || node.op === 'eq' || node.op === 'ne') && typeof node.value === 'number') literals.push(node.value);
          if (node.op === 'between' && typeof node.value[0] === 'number') literals.push(node.value[0], node.value[1] as number);
          if (name === 'rhythmRatio') {
            for (const x of literals) if (x >= 0) push({ anchor: 'orders', rhythmMultiple: x, strict: true });
            continue;
          }
          const window = /Last(\d+)Days$/.exec(name);
          if (window !== null) {
            const days = Number(window[1]);
            const anchor: AnchorKind = name.startsWith('orders') || name.startsWith('revenue') ? 'orders' : name.includes('nteraction') ? 'interactions' : 'all';
            push({ anchor, ms: days * MS_PER_DAY, strict: true });
            continue;
          }
          if (name.endsWith('Days') || Object.prototype.hasOwnProperty.call(DAY_FACT_ANCHORS, name)) {
            const anchor = DAY_FACT_ANCHORS[name] ?? 'all';
            for (const x of literals) {
              if (!Number.isFinite(x) || x < 0) continue;
              const n = Math.ceil(x);
              push({ anchor, ms: n * MS_PER_DAY, strict: false });
              push({ anchor, ms: (n + 1) * MS_PER_DAY, strict: false });
            }
          }
          continue;
        }
        for (const [child] of childNodes(node, [])) stack.push(child);
      }
    }
  }
  return out;
}

/**
 * The instant `spec` after `anchorMs`.
 *
 * @param spec - The threshold.
 * @param anchorMs - The anchor instant.
 * @param rhythmDays - The rhythm at the anchor, for rhythm multiples.
 * @returns The instant in ms.
 * @internal
 */
export function thresholdAfter(spec: ThresholdSpec, anchorMs: number, rhythmDays: number): number {
  if (spec.ms !== undefined) return anchorMs + spec.ms;
  if (spec.rhythmMultiple !== undefined) return anchorMs + Math.round(spec.rhythmMultiple * rhythmDays * MS_PER_DAY);
  const c = spec.calendar;
  if (c === undefined) return NaN;
  const inZone = tz(c.zone);
  return (c.unit === 'months' ? addMonths(new Date(anchorMs), c.amount, { in: inZone }) : addYears(new Date(anchorMs), c.amount, { in: inZone })).getTime();
}

const INTERACTION_FACTS = new Set(['interactions', 'interactionsLast30Days', 'interactionsLast90Days', 'inboundInteractionsLast30Days', 'lastInteractionAt', 'lastInboundAt']);

/**
 * Which interactions a model can see: `'none'`, `'all'`, or only those meeting one of the `where`
 * clauses of its `count: 'interactions'` nodes (when that is the only way it reads them and the clauses
 * do not depend on the evaluation date). Interactions no rule can see are neither evaluation points
 * nor profile input, which changes no outcome.
 *
 * @param model - A validated model.
 * @returns The interactions the model reads.
 * @internal
 */
export function interactionsReadBy(model: LifecycleStageModel): 'none' | 'all' | ConditionDocument[] {
  const wheres: ConditionDocument[] = [];
  let all = false;
  for (const stage of model.stages) {
    for (const rule of stage.rules) {
      const stack: ConditionNode[] = [rule.condition.condition];
      while (stack.length > 0) {
        const node = stack.pop() as ConditionNode;
        if ('count' in node) {
          const list = factPathSegments(node.count)[0] ?? '';
          if (INTERACTION_FACTS.has(list)) {
            if (node.where === undefined || /"(withinLast|moreThanAgo|anniversary|within)"/.test(JSON.stringify(node.where))) all = true;
            else wheres.push({ version: 1, condition: node.where });
          }
          continue;
        }
        if ('fact' in node) {
          if (INTERACTION_FACTS.has(factPathSegments(node.fact)[0] ?? '')) all = true;
          continue;
        }
        for (const [child] of childNodes(node, [])) stack.push(child);
      }
    }
  }
  if (all) return 'all';
  return wheres.length === 0 ? 'none' : wheres;
}

/**
 * Whether the model reads the consent facts (`marketingChannels`, `researchChannels`).
 *
 * @param model - A validated model.
 * @returns Whether any rule mentions them.
 * @internal
 */
export function modelReadsConsents(model: LifecycleStageModel): boolean {
  const text = JSON.stringify(model.stages);
  return text.includes('marketingChannels') || text.includes('researchChannels');
}
