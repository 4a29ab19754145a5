/**
 * The lifecycle stage model as data: an ordered list of stages, each with rules written in the
 * segments condition language, its zod schema and the `parse…` / `safeParse…` pair.
 *
 * @module
 */
import { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from '../core/errors.js';
import { safeParseConditionDocument, type ConditionDocument } from '../segments/condition.js';

/**
 * A stage's name for people, in English and Brazilian Portuguese.
 *
 * @category Lifecycle
 */
export interface LifecycleStageLabel {
  /** English. */
  en: string;
  /** Brazilian Portuguese. */
  'pt-BR': string;
}

/**
 * One rule of a stage: the customer qualifies for the stage when the condition holds on their
 * profile (a `CustomerProfile` of `jornada/segments` with the lifecycle facts of {@link LifecycleFacts}).
 *
 * @category Lifecycle
 */
export interface LifecycleStageRule {
  /** Id of the rule, unique in the model (`acquisition.first-purchase`); explanations name it. */
  id: string;
  /** What the rule means, in your words. */
  description?: string;
  /** The condition, in the segments condition language. */
  condition: ConditionDocument;
}

/**
 * One stage of a model. A customer qualifies for the stage when any of its rules holds (a stage
 * without rules is never qualified for by rule, only entered as the model's first stage).
 *
 * @category Lifecycle
 */
export interface LifecycleStageDefinition {
  /** Stable id (`reach`, `acquisition`…); 1–64 characters, letters, digits, `_` and `-`. */
  id: string;
  /** Display names. */
  label: LifecycleStageLabel;
  /** What the stage means. */
  description?: string;
  /** The rules, any of which qualifies. */
  rules: LifecycleStageRule[];
}

/**
 * A lifecycle stage model: stages in lifecycle order, first to last. A customer starts in the first
 * stage when they become known; at every evaluation the stage is the **last** stage in the list whose
 * rules hold. With `forwardOnly` (the default) a customer never moves back to an earlier stage: a
 * loyal customer who stops buying stays `loyalty`, and the {@link LifecycleStatus} says they churned.
 *
 * @example
 * ```ts
 * const twoStages: LifecycleStageModel = {
 *   version: 1, id: 'buyers',
 *   stages: [
 *     { id: 'prospect', label: { en: 'Prospect', 'pt-BR': 'Prospect' }, rules: [] },
 *     { id: 'buyer', label: { en: 'Buyer', 'pt-BR': 'Comprador' }, rules: [
 *       { id: 'buyer.any-order', condition: { version: 1, condition: { fact: 'frequency', op: 'gte', value: 1 } } },
 *     ] },
 *   ],
 * };
 * ```
 * @category Lifecycle
 */
export interface LifecycleStageModel {
  /** Version of the document format; `1`. */
  version: 1;
  /** Id of the model (`default-retail`, `hubspot`). */
  id: string;
  /** Display name. */
  name?: string;
  /** Whether customers only move forward (default `true`); `false` lets them fall back to the last stage whose rules hold. */
  forwardOnly?: boolean;
  /** The stages in lifecycle order; at least one. */
  stages: LifecycleStageDefinition[];
}

const RESERVED = ['__proto__', 'constructor', 'prototype'];
// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const IdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'an id has letters, digits, "_" and "-" only')
    .refine((s) => !RESERVED.includes(s), 'this id is reserved')
)();
const RuleIdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'a rule id has letters, digits, "_", ".", ":" and "-" only')
    .refine((s) => !RESERVED.includes(s), 'this id is reserved')
)();

const ModelShapeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.literal(1),
    id: IdSchema,
    name: z.string().max(256).exactOptional(),
    forwardOnly: z.boolean().exactOptional(),
    stages: z
      .array(
        z.strictObject({
          id: IdSchema,
          label: z.strictObject({ en: z.string().min(1).max(256), 'pt-BR': z.string().min(1).max(256) }),
          description: z.string().max(4096).exactOptional(),
          rules: z
            .array(
              z.strictObject({
                id: RuleIdSchema,
                description: z.string().max(4096).exactOptional(),
                condition: z.unknown(),
              }),
            )
            .max(1000),
        }),
      )
      .min(1)
      .max(100),
  })
)();

function zodIssues(error: z.ZodError): JornadaIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));
}

function invalidModel(issues: JornadaIssue[]): JornadaError {
  const first = issues[0];
  const where = first === undefined ? '' : ` at ${first.path.length === 0 ? '(root)' : first.path.join('.')}: ${first.message}`;
  return new JornadaError('INVALID_RULE', `Invalid lifecycle stage model${where}`, { issues });
}

/**
 * Validates a lifecycle stage model without throwing: the shape, unique stage and rule ids, and every
 * rule's condition (through the segments parser).
 *
 * @param input - Untrusted data (usually `JSON.parse` of a stored model).
 * @returns `{ success: true, data }` or `{ success: false, error }` where `error` is a `JornadaError`
 *   `INVALID_RULE` whose issues carry JSON paths from the model's root
 *   (`['stages', 1, 'rules', 0, 'condition', 'condition', 'value']`).
 *
 * @example
 * ```ts
 * const r = safeParseLifecycleStageModel({ version: 1, id: 'm', stages: [] });
 * r.success; //=> false
 * ```
 * @category Lifecycle
 */
export function safeParseLifecycleStageModel(input: unknown): SafeParseResult<LifecycleStageModel> {
  let shape: ReturnType<typeof ModelShapeSchema.safeParse>;
  try {
    shape = ModelShapeSchema.safeParse(input);
  } catch (cause) {
    return {
      success: false,
      error: new JornadaError('INVALID_RULE', 'Invalid lifecycle stage model: the input could not be read', {
        issues: [{ path: [], message: cause instanceof Error ? cause.message : String(cause), code: 'unreadable' }],
        cause,
      }),
    };
  }
  if (!shape.success) return { success: false, error: invalidModel(zodIssues(shape.error)) };
  const issues: JornadaIssue[] = [];
  const stageIds = new Set<string>();
  const ruleIds = new Set<string>();
  const stages: LifecycleStageDefinition[] = [];
  shape.data.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) issues.push({ path: ['stages', i, 'id'], message: `the stage id "${s.id}" is repeated`, code: 'duplicate_id' });
    stageIds.add(s.id);
    const rules: LifecycleStageRule[] = [];
    s.rules.forEach((r, j) => {
      if (ruleIds.has(r.id)) issues.push({ path: ['stages', i, 'rules', j, 'id'], message: `the rule id "${r.id}" is repeated`, code: 'duplicate_id' });
      ruleIds.add(r.id);
      const c = safeParseConditionDocument(r.condition);
      if (!c.success) {
        for (const issue of c.error.issues) issues.push({ ...issue, path: ['stages', i, 'rules', j, 'condition', ...issue.path] });
        return;
      }
      const rule: LifecycleStageRule = { id: r.id, condition: c.data };
      if (r.description !== undefined) rule.description = r.description;
      rules.push(rule);
    });
    const stage: LifecycleStageDefinition = { id: s.id, label: { en: s.label.en, 'pt-BR': s.label['pt-BR'] }, rules };
    if (s.description !== undefined) stage.description = s.description;
    stages.push(stage);
  });
  if (issues.length > 0) return { success: false, error: invalidModel(issues) };
  const model: LifecycleStageModel = { version: 1, id: shape.data.id, stages };
  if (shape.data.name !== undefined) model.name = shape.data.name;
  if (shape.data.forwardOnly !== undefined) model.forwardOnly = shape.data.forwardOnly;
  return { success: true, data: model };
}

/**
 * Validates a lifecycle stage model.
 *
 * @param input - Untrusted data.
 * @returns The typed model (a fresh copy).
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of each problem.
 *
 * @example
 * ```ts
 * parseLifecycleStageModel(JSON.parse(JSON.stringify(DEFAULT_STAGE_MODEL))).stages.map((s) => s.id);
 * //=> ['reach', 'acquisition', 'nurture', 'retention', 'loyalty']
 * ```
 * @category Lifecycle
 */
export function parseLifecycleStageModel(input: unknown): LifecycleStageModel {
  const r = safeParseLifecycleStageModel(input);
  if (r.success) return r.data;
  throw r.error;
}
