/**
 * Named segments: definitions stored as data, membership of a population, the diff between two
 * evaluations (who entered, who exited), sizes and the overlap matrix.
 *
 * @module
 */
import { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from '../core/errors.js';
import { compileCondition, type CompileConditionOptions, type ConditionPredicate } from './compile.js';
import { safeParseConditionDocument, type ConditionDocument } from './condition.js';

/**
 * A named segment: an id, a name and the condition its members meet.
 *
 * @example
 * ```ts
 * const lapsing: SegmentDefinition = {
 *   id: 'lapsing-buyers', name: 'Lapsing buyers',
 *   condition: { version: 1, condition: { all: [
 *     { fact: 'frequency', op: 'gte', value: 2 },
 *     { fact: 'lastOrderAt', op: 'moreThanAgo', amount: 120, unit: 'days' },
 *   ] } },
 * };
 * ```
 * @category Segments
 */
export interface SegmentDefinition {
  /** Stable id (1–128 characters; not `__proto__`, `constructor` or `prototype`). */
  id: string;
  /** Display name. */
  name: string;
  /** What the segment is for, in your words. */
  description?: string;
  /** Who belongs. */
  condition: ConditionDocument;
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const SegmentShapeSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z
      .string()
      .min(1)
      .max(128)
      .refine((s) => !['__proto__', 'constructor', 'prototype'].includes(s), 'this id is reserved'),
    name: z.string().min(1).max(256),
    description: z.string().max(4096).exactOptional(),
    condition: z.unknown(),
  })
)();

/**
 * Validates a segment definition without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }` (`INVALID_RULE` with JSON paths, the
 *   condition's issues under `condition`).
 *
 * @example
 * ```ts
 * safeParseSegmentDefinition({ id: 'x', name: 'X', condition: { version: 2 } }).success; //=> false
 * ```
 * @category Segments
 */
export function safeParseSegmentDefinition(input: unknown): SafeParseResult<SegmentDefinition> {
  let shape: ReturnType<typeof SegmentShapeSchema.safeParse>;
  try {
    shape = SegmentShapeSchema.safeParse(input);
  } catch (cause) {
    return { success: false, error: new JornadaError('INVALID_RULE', 'Invalid segment definition: the input could not be read', { cause, issues: [{ path: [], message: 'unreadable' }] }) };
  }
  if (!shape.success) {
    const issues: JornadaIssue[] = shape.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));
    return { success: false, error: new JornadaError('INVALID_RULE', `Invalid segment definition at ${issues[0]?.path.join('.') ?? '(root)'}: ${issues[0]?.message ?? ''}`, { issues }) };
  }
  const condition = safeParseConditionDocument(shape.data.condition);
  if (!condition.success) {
    const issues = condition.error.issues.map((i) => ({ ...i, path: ['condition', ...i.path] }));
    return { success: false, error: new JornadaError('INVALID_RULE', `Invalid segment "${shape.data.id}": ${condition.error.message}`, { issues }) };
  }
  const def: SegmentDefinition = { id: shape.data.id, name: shape.data.name, condition: condition.data };
  if (shape.data.description !== undefined) def.description = shape.data.description;
  return { success: true, data: def };
}

/**
 * Validates a segment definition.
 *
 * @param input - Untrusted data.
 * @returns The typed definition.
 * @throws {JornadaError} `INVALID_RULE` with the JSON path of each problem.
 *
 * @example
 * ```ts
 * parseSegmentDefinition({ id: 'vip', name: 'VIP', condition: { version: 1,
 *   condition: { fact: 'monetary', op: 'gte', value: 2000 } } }).id; //=> 'vip'
 * ```
 * @category Segments
 */
export function parseSegmentDefinition(input: unknown): SegmentDefinition {
  const r = safeParseSegmentDefinition(input);
  if (r.success) return r.data;
  throw r.error;
}

/**
 * A segment ready to run: its definition and its compiled predicate.
 *
 * @category Segments
 */
export interface CompiledSegment {
  /** The segment's id. */
  id: string;
  /** The segment's name. */
  name: string;
  /** The validated definition. */
  definition: SegmentDefinition;
  /** True when a subject belongs as of `asOf`. */
  test: ConditionPredicate;
}

/**
 * Validates and compiles segment definitions once.
 *
 * @param definitions - Untrusted definitions (for instance rows of your database).
 * @param options - Default time zone of the conditions.
 * @returns The compiled segments, in input order.
 * @throws {JornadaError} `INVALID_RULE` with paths `[index, …]` for an invalid definition or a repeated id.
 *
 * @example
 * ```ts
 * const [vip] = compileSegments([{ id: 'vip', name: 'VIP', condition: { version: 1,
 *   condition: { fact: 'monetary', op: 'gte', value: 2000 } } }]);
 * vip.test({ monetary: 2500 }, new Date('2026-11-01T00:00:00Z')); //=> true
 * ```
 * @category Segments
 */
export function compileSegments(definitions: Iterable<unknown>, options: CompileConditionOptions = {}): CompiledSegment[] {
  const out: CompiledSegment[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const input of definitions) {
    const r = safeParseSegmentDefinition(input);
    if (!r.success) {
      throw new JornadaError('INVALID_RULE', `Segment ${index}: ${r.error.message}`, { issues: r.error.issues.map((i) => ({ ...i, path: [index, ...i.path] })) });
    }
    if (seen.has(r.data.id)) {
      throw new JornadaError('INVALID_RULE', `Segment ${index}: the id "${r.data.id}" is used twice`, { issues: [{ path: [index, 'id'], message: 'duplicate id', code: 'duplicate' }] });
    }
    seen.add(r.data.id);
    out.push({ id: r.data.id, name: r.data.name, definition: r.data, test: compileCondition(r.data.condition, options) });
    index++;
  }
  return out;
}

/**
 * Who belongs to which segment, as of one instant. JSON-serialisable: store it to diff against the next run.
 *
 * @category Segments
 */
export interface SegmentMembership {
  /** The evaluation instant. */
  asOf: Date;
  /** Segment ids, in the order given. */
  segmentIds: string[];
  /** Member ids of each segment, in population order. */
  members: Record<string, string[]>;
}

/**
 * Options of {@link evaluateSegments}.
 *
 * @typeParam S - The subject type.
 * @category Segments
 */
export interface EvaluateSegmentsOptions<S> {
  /** The id of a subject; default its own `customerId` property (a non-empty string). */
  idOf?: (subject: S) => string;
}

function defaultId(subject: unknown, index: number): string {
  if (typeof subject === 'object' && subject !== null && Object.prototype.hasOwnProperty.call(subject, 'customerId')) {
    const id = (subject as { customerId: unknown }).customerId;
    if (typeof id === 'string' && id.length > 0) return id;
  }
  throw new JornadaError('INVALID_INPUT', `Subject ${index} has no customerId; pass idOf`, { issues: [{ path: [index, 'customerId'], message: 'a non-empty string is required' }] });
}

/**
 * Evaluates every segment for every subject of a population, in one pass over the population.
 *
 * @typeParam S - The subject type (usually {@link CustomerProfile}).
 * @param segments - Compiled segments (see {@link compileSegments}).
 * @param population - The subjects.
 * @param asOf - The evaluation instant.
 * @param options - How to read a subject's id.
 * @returns The members of each segment.
 * @throws {JornadaError} `INVALID_INPUT` when a subject has no id.
 *
 * @example
 * ```ts
 * const segs = compileSegments([{ id: 'buyers', name: 'Buyers', condition: { version: 1,
 *   condition: { fact: 'frequency', op: 'gte', value: 1 } } }]);
 * evaluateSegments(segs, [{ customerId: 'a', frequency: 2 }, { customerId: 'b', frequency: 0 }],
 *   new Date('2026-11-01T00:00:00Z')).members; //=> { buyers: ['a'] }
 * ```
 * @category Segments
 */
export function evaluateSegments<S>(
  segments: readonly CompiledSegment[],
  population: Iterable<S>,
  asOf: Date,
  options: EvaluateSegmentsOptions<S> = {},
): SegmentMembership {
  const lists: string[][] = segments.map(() => []);
  const idOf = options.idOf;
  let index = 0;
  for (const subject of population) {
    let id: string | undefined;
    for (let k = 0; k < segments.length; k++) {
      if ((segments[k] as CompiledSegment).test(subject, asOf)) {
        id ??= idOf === undefined ? defaultId(subject, index) : idOf(subject);
        (lists[k] as string[]).push(id);
      }
    }
    index++;
  }
  const members: Record<string, string[]> = {};
  segments.forEach((s, k) => {
    members[s.id] = lists[k] as string[];
  });
  return { asOf, segmentIds: segments.map((s) => s.id), members };
}

/**
 * Who entered and who exited one segment between two evaluations.
 *
 * @category Segments
 */
export interface SegmentChange {
  /** Members now who were not before, in the order of the later evaluation. */
  entered: string[];
  /** Members before who are not now, in the order of the earlier evaluation. */
  exited: string[];
  /** How many were members both times. */
  stayed: number;
}

/**
 * The diff between two evaluations: for every segment in either, who entered and who exited. These are
 * the "entered segment" / "left segment" triggers of contact cadences.
 *
 * @param before - The earlier membership.
 * @param after - The later membership.
 * @returns For each segment id (those of `after`, then any only in `before`), the change.
 *
 * @example
 * ```ts
 * const t0 = { asOf: new Date('2026-10-01T00:00:00Z'), segmentIds: ['vip'], members: { vip: ['a', 'b'] } };
 * const t1 = { asOf: new Date('2026-11-01T00:00:00Z'), segmentIds: ['vip'], members: { vip: ['b', 'c'] } };
 * diffSegmentMemberships(t0, t1); //=> { vip: { entered: ['c'], exited: ['a'], stayed: 1 } }
 * ```
 * @category Segments
 */
export function diffSegmentMemberships(before: SegmentMembership, after: SegmentMembership): Record<string, SegmentChange> {
  const ids = [...after.segmentIds];
  for (const id of before.segmentIds) if (!ids.includes(id)) ids.push(id);
  const out: Record<string, SegmentChange> = {};
  for (const id of ids) {
    const was = Object.prototype.hasOwnProperty.call(before.members, id) ? (before.members[id] as string[]) : [];
    const now = Object.prototype.hasOwnProperty.call(after.members, id) ? (after.members[id] as string[]) : [];
    const wasSet = new Set(was);
    const nowSet = new Set(now);
    const entered = now.filter((m) => !wasSet.has(m));
    const exited = was.filter((m) => !nowSet.has(m));
    out[id] = { entered, exited, stayed: nowSet.size - new Set(entered).size };
  }
  return out;
}

/**
 * The size of each segment.
 *
 * @param membership - An evaluation.
 * @returns Members per segment id.
 *
 * @example
 * ```ts
 * segmentSizes({ asOf: new Date(0), segmentIds: ['a', 'b'], members: { a: ['x', 'y'], b: [] } }); //=> { a: 2, b: 0 }
 * ```
 * @category Segments
 */
export function segmentSizes(membership: SegmentMembership): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of membership.segmentIds) out[id] = membership.members[id]?.length ?? 0;
  return out;
}

/**
 * How much segments overlap.
 *
 * @category Segments
 */
export interface SegmentOverlap {
  /** Row and column order. */
  segmentIds: string[];
  /** `counts[i][j]`: members of both segment i and segment j; the diagonal holds the sizes. */
  counts: number[][];
  /** `jaccard[i][j]`: |i ∩ j| / |i ∪ j|, `NaN` when both are empty; the diagonal is 1 for non-empty segments. */
  jaccard: number[][];
}

/**
 * The overlap matrix of the segments of one evaluation: shared members of each pair, and the Jaccard
 * index (Jaccard 1901) of each pair.
 *
 * @param membership - An evaluation.
 * @returns Counts and Jaccard indices, symmetric.
 *
 * @example
 * ```ts
 * segmentOverlap({ asOf: new Date(0), segmentIds: ['a', 'b'], members: { a: ['x', 'y'], b: ['y', 'z'] } }).counts;
 * //=> [[2, 1], [1, 2]]
 * ```
 * @category Segments
 */
export function segmentOverlap(membership: SegmentMembership): SegmentOverlap {
  const ids = membership.segmentIds;
  const k = ids.length;
  const counts = ids.map(() => new Array<number>(k).fill(0));
  const segmentsOf = new Map<string, number[]>();
  ids.forEach((id, i) => {
    for (const m of new Set(membership.members[id] ?? [])) {
      const list = segmentsOf.get(m);
      if (list === undefined) segmentsOf.set(m, [i]);
      else list.push(i);
    }
  });
  for (const list of segmentsOf.values()) {
    for (let a = 0; a < list.length; a++) {
      const i = list[a] as number;
      const row = counts[i] as number[];
      row[i] = (row[i] as number) + 1;
      for (let b = a + 1; b < list.length; b++) {
        const j = list[b] as number;
        row[j] = (row[j] as number) + 1;
        (counts[j] as number[])[i] = ((counts[j] as number[])[i] as number) + 1;
      }
    }
  }
  const jaccard = counts.map((row, i) =>
    row.map((both, j) => {
      const union = ((counts[i] as number[])[i] as number) + ((counts[j] as number[])[j] as number) - both;
      return union === 0 ? NaN : both / union;
    }),
  );
  return { segmentIds: [...ids], counts, jaccard };
}
