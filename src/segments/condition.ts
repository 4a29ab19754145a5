/**
 * The condition language: a versioned JSON document that says which customers (or events) qualify,
 * its zod schema, and `parseConditionDocument` / `safeParseConditionDocument`.
 *
 * @module
 */
import { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from '../core/errors.js';

/**
 * Where a fact lives in the subject: a dotted path (`'traits.tier'`) or the list of its property names
 * (`['traits', 'pet.name']`, for a key that holds a dot). Every step is an own-property lookup;
 * `__proto__`, `constructor` and `prototype` are refused.
 *
 * @category Segments
 */
export type FactPath = string | string[];

/**
 * A literal a condition compares with: a JSON scalar.
 *
 * @category Segments
 */
export type ConditionScalar = string | number | boolean | null;

/**
 * A unit of time in a condition. `hours`, `days` and `weeks` are fixed durations (24 h a day, however
 * the clocks change); `months` and `years` are calendar steps in the condition's time zone.
 *
 * @category Segments
 */
export type ConditionTimeUnit = 'hours' | 'days' | 'weeks' | 'months' | 'years';

/** Every {@link ConditionTimeUnit}. @category Segments */
export const CONDITION_TIME_UNITS: readonly ConditionTimeUnit[] = /* @__PURE__ */ Object.freeze(['hours', 'days', 'weeks', 'months', 'years']);

/**
 * A window that ends at the evaluation date: the last `amount` `unit`s.
 *
 * @category Segments
 */
export interface ConditionTimeWindow {
  /** How many units, an integer ≥ 0. */
  amount: number;
  /** The unit. */
  unit: ConditionTimeUnit;
}

/** Every node is true when all of its children are (an empty list is true). @category Segments */
export interface AllCondition {
  /** The children. */
  all: ConditionNode[];
}

/** True when at least one child is (an empty list is false). @category Segments */
export interface AnyCondition {
  /** The children. */
  any: ConditionNode[];
}

/** True when its child is false. @category Segments */
export interface NotCondition {
  /** The negated child. */
  not: ConditionNode;
}

/**
 * Compares a fact with a literal: `eq`, `ne` (the negation of `eq`, so true when the fact is missing),
 * `gt`, `gte`, `lt`, `lte` (numbers with numbers, strings with strings by code unit, and date facts
 * with ISO-8601 strings).
 *
 * @category Segments
 */
export interface CompareCondition {
  /** The fact. */
  fact: FactPath;
  /** The comparison. */
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
  /** The literal; ordered comparisons take a number or a string only. */
  value: ConditionScalar;
}

/**
 * True when the fact lies between two bounds, both inclusive (two numbers, or two strings: text, or
 * ISO-8601 instants for date facts).
 *
 * @category Segments
 */
export interface BetweenCondition {
  /** The fact. */
  fact: FactPath;
  /** The comparison. */
  op: 'between';
  /** Lower and upper bound, `[low, high]`, of the same type. */
  value: [number, number] | [string, string];
}

/** True when the fact equals one of the literals (`in`), or none of them (`notIn`, true when missing). @category Segments */
export interface InCondition {
  /** The fact. */
  fact: FactPath;
  /** Membership or its negation. */
  op: 'in' | 'notIn';
  /** The literals. */
  value: ConditionScalar[];
}

/** True when a text fact contains the text, or a list fact holds an element equal to the literal. @category Segments */
export interface ContainsCondition {
  /** The fact. */
  fact: FactPath;
  /** The comparison. */
  op: 'contains';
  /** A substring (text facts) or an element (list facts). */
  value: ConditionScalar;
}

/** True when a text fact starts (ends) with the text; case-sensitive. @category Segments */
export interface TextAffixCondition {
  /** The fact. */
  fact: FactPath;
  /** The comparison. */
  op: 'startsWith' | 'endsWith';
  /** The prefix or suffix. */
  value: string;
}

/** True when the fact is present and neither `null` nor `undefined`. @category Segments */
export interface ExistsCondition {
  /** The fact. */
  fact: FactPath;
  /** The test. */
  op: 'exists';
}

/**
 * A date fact relative to the evaluation date `asOf`: `withinLast` is true when
 * `asOf − amount·unit ≤ date ≤ asOf`; `moreThanAgo` when `date < asOf − amount·unit`. Date facts are
 * `Date`s or ISO-8601 strings; anything else is false.
 *
 * @category Segments
 */
export interface RelativeDateCondition {
  /** The date fact. */
  fact: FactPath;
  /** The relation. */
  op: 'withinLast' | 'moreThanAgo';
  /** How many units, an integer ≥ 0. */
  amount: number;
  /** The unit. */
  unit: ConditionTimeUnit;
  /** IANA zone for `months` and `years` (calendar steps); default: the compile option, else UTC. */
  timeZone?: string;
}

/**
 * True on the anniversary of a date fact: its month and day fall on the calendar day of `asOf` (or on
 * one of the next `withinDays` days). Calendar days are those of `timeZone`. A 29 February is kept on
 * 28 February in other years. When the date has a year, the date itself is not its own anniversary:
 * only later years count.
 *
 * @category Segments
 */
export interface AnniversaryCondition {
  /** The date fact: a `Date`, an ISO-8601 instant, a calendar date `YYYY-MM-DD` or `--MM-DD`, or `{ month, day }`. */
  fact: FactPath;
  /** The test. */
  op: 'anniversary';
  /** Also true when the anniversary falls within this many days after `asOf`'s day; default 0 (that day only). */
  withinDays?: number;
  /** IANA zone whose calendar decides the day; default: the compile option, else UTC. */
  timeZone?: string;
}

/**
 * A condition on one fact.
 *
 * @category Segments
 */
export type FactCondition =
  | CompareCondition
  | BetweenCondition
  | InCondition
  | ContainsCondition
  | TextAffixCondition
  | ExistsCondition
  | RelativeDateCondition
  | AnniversaryCondition;

/**
 * Counts the events of a list fact (`orders`, `interactions`…) that match `where` and fall in the window
 * `within` (by their `dateField`, default `at`), and compares the count: "2 or more orders in the last
 * 90 days" is `{ count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 }`.
 * A missing list counts 0.
 *
 * @category Segments
 */
export interface CountCondition {
  /** The list of events. */
  count: FactPath;
  /** The condition an event must meet, evaluated on the event with the same `asOf`. */
  where?: ConditionNode;
  /** Only events whose date lies in the last `amount` `unit`s up to `asOf` (both ends inclusive). */
  within?: ConditionTimeWindow;
  /** The event's date fact for `within`; default `at`. */
  dateField?: FactPath;
  /** IANA zone for `months` and `years` in `within`; default: the compile option, else UTC. */
  timeZone?: string;
  /** How the count compares with `value`. */
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'between';
  /** A count (an integer ≥ 0), or `[low, high]` for `between`. */
  value: number | [number, number];
}

/**
 * One node of a condition.
 *
 * @category Segments
 */
export type ConditionNode = AllCondition | AnyCondition | NotCondition | FactCondition | CountCondition;

/**
 * A stored condition: the language version and the root node.
 *
 * @example
 * ```ts
 * const recentBuyers: ConditionDocument = {
 *   version: 1,
 *   condition: { all: [
 *     { count: 'orders', within: { amount: 90, unit: 'days' }, op: 'gte', value: 2 },
 *     { fact: 'marketingChannels', op: 'contains', value: 'email' },
 *   ] },
 * };
 * ```
 * @category Segments
 */
export interface ConditionDocument {
  /** Version of the condition language; `1`. */
  version: 1;
  /** The root node. */
  condition: ConditionNode;
}

/** Property names a fact path may never step through. @category Segments */
export const FORBIDDEN_PATH_KEYS: readonly string[] = /* @__PURE__ */ Object.freeze(['__proto__', 'constructor', 'prototype']);

/** Limits of a document: deeper or larger documents are refused as `INVALID_RULE`. @category Segments */
export const CONDITION_LIMITS = /* @__PURE__ */ Object.freeze({
  /** Deepest nesting of nodes. */
  maxDepth: 32,
  /** Most nodes in one document. */
  maxNodes: 10_000,
  /** Most literals in one `in` / `notIn` list. */
  maxListLength: 100_000,
});

/**
 * Splits a fact path into its property names (a string is split on dots).
 *
 * @param path - The fact path.
 * @returns Its property names.
 * @internal
 */
export function factPathSegments(path: FactPath): string[] {
  return typeof path === 'string' ? path.split('.') : [...path];
}

function checkSegments(segments: readonly string[], ctx: z.RefinementCtx): void {
  if (segments.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'a fact path needs at least one property name' });
    return;
  }
  if (segments.length > 32) ctx.addIssue({ code: 'custom', message: 'a fact path has at most 32 steps' });
  for (const s of segments) {
    if (s.length === 0) ctx.addIssue({ code: 'custom', message: 'a fact path has no empty property names' });
    else if (FORBIDDEN_PATH_KEYS.includes(s)) ctx.addIssue({ code: 'custom', message: `the property name "${s}" is forbidden in a fact path` });
  }
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const FactPathSchema: z.ZodType<FactPath> = /* @__PURE__ */ (() =>
  z.union([
    z.string().max(1024).superRefine((s, ctx) => checkSegments(s.split('.'), ctx)),
    z.array(z.string().max(256)).superRefine((a, ctx) => checkSegments(a, ctx)),
  ])
)();

const ScalarSchema = /* @__PURE__ */ (() => z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]))();
const OrderedScalarSchema = /* @__PURE__ */ (() => z.union([z.string().max(10_000), z.number().finite()]))();
const AmountSchema = /* @__PURE__ */ (() => z.number().int().min(0).max(1_000_000))();
const UnitSchema = /* @__PURE__ */ (() => z.enum(['hours', 'days', 'weeks', 'months', 'years']))();
const WindowSchema = /* @__PURE__ */ (() => z.strictObject({ amount: AmountSchema, unit: UnitSchema }))();

function isTimeZoneName(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
const ZoneSchema = /* @__PURE__ */ (() => z.string().refine(isTimeZoneName, 'must be an IANA time-zone name such as America/Sao_Paulo'))();

const FactConditionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('op', [
    z.strictObject({ fact: FactPathSchema, op: z.enum(['eq', 'ne']), value: ScalarSchema }),
    z.strictObject({ fact: FactPathSchema, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: OrderedScalarSchema }),
    z.strictObject({
      fact: FactPathSchema,
      op: z.literal('between'),
      value: z.union([z.tuple([z.number().finite(), z.number().finite()]), z.tuple([z.string().max(10_000), z.string().max(10_000)])]),
    }),
    z.strictObject({ fact: FactPathSchema, op: z.enum(['in', 'notIn']), value: z.array(ScalarSchema).max(CONDITION_LIMITS.maxListLength) }),
    z.strictObject({ fact: FactPathSchema, op: z.literal('contains'), value: ScalarSchema }),
    z.strictObject({ fact: FactPathSchema, op: z.enum(['startsWith', 'endsWith']), value: z.string().max(10_000) }),
    z.strictObject({ fact: FactPathSchema, op: z.literal('exists') }),
    z.strictObject({
      fact: FactPathSchema,
      op: z.enum(['withinLast', 'moreThanAgo']),
      amount: AmountSchema,
      unit: UnitSchema,
      timeZone: ZoneSchema.exactOptional(),
    }),
    z.strictObject({
      fact: FactPathSchema,
      op: z.literal('anniversary'),
      withinDays: z.number().int().min(0).max(366).exactOptional(),
      timeZone: ZoneSchema.exactOptional(),
    }),
  ])
)();

// The union of node shapes. Each branch is strict, so a typo (`vaule`) is an error, not a silent no-op.
// The branch that reports is chosen by the node's keys (see `pickBranch`), so messages are specific.
const NodeSchema: z.ZodType<ConditionNode> = /* @__PURE__ */ (() =>
  z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(NodeSchema) }),
      z.strictObject({ any: z.array(NodeSchema) }),
      z.strictObject({ not: NodeSchema }),
      z.strictObject({
        count: FactPathSchema,
        where: NodeSchema.exactOptional(),
        within: WindowSchema.exactOptional(),
        dateField: FactPathSchema.exactOptional(),
        timeZone: ZoneSchema.exactOptional(),
        op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between']),
        value: z.union([AmountSchema, z.tuple([AmountSchema, AmountSchema])]),
      }).superRefine((c, ctx) => {
        if ((c.op === 'between') !== Array.isArray(c.value)) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: c.op === 'between' ? 'between takes [low, high]' : 'a count compares with one integer' });
        }
      }),
      FactConditionSchema,
    ]),
  ) as z.ZodType<ConditionNode>
)();

/** Schema of a {@link ConditionDocument} (use {@link parseConditionDocument} for jornada errors). @category Segments */
export const ConditionDocumentSchema: z.ZodType<ConditionDocument> = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.literal(1),
    condition: NodeSchema,
  }) as z.ZodType<ConditionDocument>
)();

const BRANCH_KEYS = ['all', 'any', 'not', 'count'] as const;

function pickBranch(node: unknown): number {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return -1;
  for (let i = 0; i < BRANCH_KEYS.length; i++) {
    if (Object.prototype.hasOwnProperty.call(node, BRANCH_KEYS[i] as string)) return i;
  }
  if (Object.prototype.hasOwnProperty.call(node, 'fact')) return 4;
  return -1;
}

type RawIssue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

// zod reports a failed union once, with every branch's issues; keep the issues of the branch the node
// was meant to be (by its keys), so that the path points at the real problem.
function flattenIssues(issues: readonly RawIssue[], root: unknown, prefix: readonly PropertyKey[], out: JornadaIssue[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length === 5) {
      const branch = pickBranch(valueAt(root, path));
      const chosen = branch >= 0 ? issue.errors[branch] : undefined;
      if (chosen !== undefined) {
        flattenIssues(chosen, root, path, out);
        continue;
      }
      out.push({
        path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: 'a condition node has one of the keys all, any, not, count or fact',
        code: 'invalid_node',
      });
      continue;
    }
    out.push({ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message, code: issue.code });
  }
}

function checkShape(input: unknown): JornadaIssue | undefined {
  // An iterative walk before zod: refuses documents too deep or too large (and cyclic objects) without
  // recursing over the input.
  const stack: Array<{ value: unknown; depth: number; path: (string | number)[] }> = [{ value: input, depth: 0, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    visited++;
    if (visited > CONDITION_LIMITS.maxNodes * 4) return { path, message: `the document has more than ${CONDITION_LIMITS.maxNodes} nodes`, code: 'too_large' };
    if (depth > CONDITION_LIMITS.maxDepth * 3) return { path, message: `the document nests deeper than ${CONDITION_LIMITS.maxDepth} nodes`, code: 'too_deep' };
    if (Array.isArray(value)) {
      if (value.length > CONDITION_LIMITS.maxListLength) continue; // zod reports the length
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, path: [...path, i] });
    } else {
      for (const key of Object.keys(value)) {
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: [...path, key] });
      }
    }
  }
  return undefined;
}

/**
 * Validates a condition document without throwing.
 *
 * @param input - Untrusted data (usually `JSON.parse` of a stored rule).
 * @returns `{ success: true, data }` or `{ success: false, error }`, where `error` is a `JornadaError`
 *   `INVALID_RULE` whose issues carry the JSON path of each offending node.
 *
 * @example
 * ```ts
 * const r = safeParseConditionDocument({ version: 1, condition: { fact: 'frequency', op: 'gte', value: 'x' } });
 * r.success; //=> false
 * ```
 * @category Segments
 */
export function safeParseConditionDocument(input: unknown): SafeParseResult<ConditionDocument> {
  let result: ReturnType<typeof ConditionDocumentSchema.safeParse>;
  try {
    const shapeIssue = checkShape(input);
    if (shapeIssue !== undefined) return { success: false, error: invalidRule([shapeIssue]) };
    result = ConditionDocumentSchema.safeParse(input);
  } catch (cause) {
    return {
      success: false,
      error: new JornadaError('INVALID_RULE', 'Invalid condition document: the input could not be read', {
        issues: [{ path: [], message: cause instanceof Error ? cause.message : String(cause), code: 'unreadable' }],
        cause,
      }),
    };
  }
  if (!result.success) {
    const issues: JornadaIssue[] = [];
    flattenIssues(result.error.issues, input, [], issues);
    return { success: false, error: invalidRule(issues) };
  }
  const depthIssue = checkDepth(result.data.condition);
  if (depthIssue !== undefined) return { success: false, error: invalidRule([depthIssue]) };
  return { success: true, data: result.data };
}

/**
 * Validates a condition document.
 *
 * @param input - Untrusted data.
 * @returns The typed document (a fresh copy; dates stay as ISO strings).
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of each offending node, for a malformed
 *   document, a forbidden property path, or a document deeper than {@link CONDITION_LIMITS}.
 *
 * @example
 * ```ts
 * parseConditionDocument({ version: 1, condition: { fact: ['traits', '__proto__'], op: 'exists' } });
 * //=> throws JornadaError INVALID_RULE, issues[0].path = ['condition', 'fact']
 * ```
 * @category Segments
 */
export function parseConditionDocument(input: unknown): ConditionDocument {
  const r = safeParseConditionDocument(input);
  if (r.success) return r.data;
  throw r.error;
}

function invalidRule(issues: readonly JornadaIssue[]): JornadaError {
  const first = issues[0];
  const where = first === undefined ? '' : ` at ${first.path.length === 0 ? '(root)' : first.path.join('.')}: ${first.message}`;
  return new JornadaError('INVALID_RULE', `Invalid condition document${where}`, { issues });
}

function checkDepth(root: ConditionNode): JornadaIssue | undefined {
  const stack: Array<{ node: ConditionNode; depth: number; path: (string | number)[] }> = [{ node: root, depth: 1, path: ['condition'] }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as { node: ConditionNode; depth: number; path: (string | number)[] };
    count++;
    if (count > CONDITION_LIMITS.maxNodes) return { path, message: `the document has more than ${CONDITION_LIMITS.maxNodes} nodes`, code: 'too_large' };
    if (depth > CONDITION_LIMITS.maxDepth) return { path, message: `the document nests deeper than ${CONDITION_LIMITS.maxDepth} nodes`, code: 'too_deep' };
    for (const [child, childPath] of childNodes(node, path)) stack.push({ node: child, depth: depth + 1, path: childPath });
  }
  return undefined;
}

/**
 * The direct children of a node with their JSON paths.
 *
 * @param node - A node.
 * @param path - Its JSON path.
 * @returns Each child with its path.
 * @internal
 */
export function childNodes(node: ConditionNode, path: readonly (string | number)[]): Array<[ConditionNode, (string | number)[]]> {
  if ('all' in node) return node.all.map((c, i) => [c, [...path, 'all', i]]);
  if ('any' in node) return node.any.map((c, i) => [c, [...path, 'any', i]]);
  if ('not' in node) return [[node.not, [...path, 'not']]];
  if ('count' in node && node.where !== undefined) return [[node.where, [...path, 'where']]];
  return [];
}
