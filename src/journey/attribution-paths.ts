/**
 * The input of every attribution model: journeys (ordered touches) with their conversions, value and
 * non-converting count — one journey each, or identical journeys aggregated with counts as
 * ChannelAttribution's `PathData` does — and their validation at the edge.
 *
 * @module
 */
import { z } from 'zod';
import type { SafeParseResult } from '../core/errors.js';
import { invalidInput, parseWith, safeParseWith } from '../core/validation.js';

/**
 * One journey, or a group of identical journeys with counts: the ordered touches (channels,
 * touchpoints, campaigns — any label), how many of them ended in a conversion, the value of those
 * conversions, and how many ended without one.
 *
 * @example
 * ```ts
 * const p: AttributionPath = { touches: ['social', 'email', 'web'], conversions: 1, value: 189.9, nulls: 0,
 *   hoursToConversion: [72, 20, 0] };
 * ```
 * @category Journey
 */
export interface AttributionPath {
  /** The touches in time order, first to last; at least one. Repeats are kept (`a > a > b`). */
  touches: readonly string[];
  /** Conversions that followed this sequence (≥ 0; 1 for a single converting journey). */
  conversions: number;
  /** Total value of those conversions (≥ 0); 0 when unknown, and 0 when there are no conversions. */
  value: number;
  /** Journeys of this sequence that did not convert (≥ 0). Only the Markov model reads it. */
  nulls: number;
  /**
   * Hours from each touch to the conversion, one per touch (≥ 0); needed by time decay only. For
   * aggregated rows this is the (representative) age of each touch.
   */
  hoursToConversion?: readonly number[];
}

// Schemas are built in pure-annotated IIFEs so that bundlers drop them, and zod, when unused (see model/common.ts).
const finiteNonNegative = /* @__PURE__ */ (() => z.number().finite().nonnegative())();

const PathObjectSchema = /* @__PURE__ */ (() =>
  z
    .object({
      touches: z.array(z.string().min(1)).min(1),
      conversions: finiteNonNegative,
      value: finiteNonNegative,
      nulls: finiteNonNegative,
      hoursToConversion: z.array(finiteNonNegative).exactOptional(),
    })
    .superRefine((p, ctx) => {
      if (p.conversions === 0 && p.value > 0) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'a path without conversions has no conversion value' });
      }
      if (p.hoursToConversion !== undefined && p.hoursToConversion.length !== p.touches.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['hoursToConversion'],
          message: `needs one age per touch (${p.touches.length}), got ${p.hoursToConversion.length}`,
        });
      }
    })
)();

/**
 * Schema of an {@link AttributionPath}: at least one non-empty touch, finite counts ≥ 0, no value
 * without conversions, and one hour count per touch when hours are given.
 *
 * @example
 * ```ts
 * AttributionPathSchema.safeParse({ touches: ['email'], conversions: 0, value: 10, nulls: 1 }).success; //=> false
 * ```
 * @category Journey
 */
export const AttributionPathSchema: z.ZodType<AttributionPath> = PathObjectSchema as unknown as z.ZodType<AttributionPath>;

const AttributionPathsSchema = /* @__PURE__ */ (() => z.array(PathObjectSchema))();

/**
 * Validates a list of attribution paths.
 *
 * @param input - Untrusted data: an array of objects shaped like {@link AttributionPath}.
 * @returns The typed paths.
 * @throws {JornadaError} `INVALID_INPUT` with the path of each problem (`[3, 'touches']`…).
 *
 * @example
 * ```ts
 * parseAttributionPaths([{ touches: ['email'], conversions: 1, value: 50, nulls: 0 }]).length; //=> 1
 * ```
 * @category Journey
 */
export function parseAttributionPaths(input: unknown): AttributionPath[] {
  return parseWith(AttributionPathsSchema, 'attribution paths', input);
}

/**
 * Validates a list of attribution paths without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * safeParseAttributionPaths([{ touches: [], conversions: 1, value: 0, nulls: 0 }]).success; //=> false
 * ```
 * @category Journey
 */
export function safeParseAttributionPaths(input: unknown): SafeParseResult<AttributionPath[]> {
  return safeParseWith(AttributionPathsSchema, 'attribution paths', input);
}

/**
 * Column names and path separator of an aggregated path table (ChannelAttribution's layout by default).
 *
 * @category Journey
 */
export interface AttributionTableOptions {
  /** Column holding the path; default `path`. */
  pathColumn?: string;
  /** Column holding the conversions; default `total_conversions`. */
  conversionsColumn?: string;
  /** Column holding the conversion value; default `total_conversion_value` (0 when absent in a row). */
  valueColumn?: string;
  /** Column holding the non-converting count; default `total_null` (0 when absent in a row). */
  nullsColumn?: string;
  /** Column holding the per-touch hours to conversion (same separator); default none. */
  hoursColumn?: string;
  /** Separator between touches; default `>`. Touches are trimmed, so `a > b` and `a>b` are alike. */
  separator?: string;
}

function readNumber(row: Record<string, unknown>, column: string, required: boolean): unknown {
  if (!Object.prototype.hasOwnProperty.call(row, column)) return required ? undefined : 0;
  const v = row[column];
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return v;
}

/**
 * Reads an aggregated path table — rows such as ChannelAttribution's `PathData`
 * (`path = "eta > iota > alpha"`, `total_conversions`, `total_conversion_value`, `total_null`) — into
 * {@link AttributionPath}s. Numbers may be given as numbers or numeric strings (as a CSV reader
 * yields them). Rows are validated; nothing is merged or reordered.
 *
 * @param rows - Untrusted rows: plain objects keyed by column name.
 * @param options - Column names and separator.
 * @returns One path per row.
 * @throws {JornadaError} `INVALID_INPUT` with the row index and field of each problem (an empty
 *   path, an empty touch, a negative or non-numeric count).
 *
 * @example
 * ```ts
 * attributionPathsFromTable([{ path: 'eta > iota > alpha > eta', total_conversions: 1,
 *   total_conversion_value: 0.244, total_null: 3 }]);
 * //=> [{ touches: ['eta', 'iota', 'alpha', 'eta'], conversions: 1, value: 0.244, nulls: 3 }]
 * ```
 * @category Journey
 */
export function attributionPathsFromTable(rows: unknown, options: AttributionTableOptions = {}): AttributionPath[] {
  const pathColumn = options.pathColumn ?? 'path';
  const conversionsColumn = options.conversionsColumn ?? 'total_conversions';
  const valueColumn = options.valueColumn ?? 'total_conversion_value';
  const nullsColumn = options.nullsColumn ?? 'total_null';
  const separator = options.separator ?? '>';
  const split = (text: unknown): unknown => (typeof text === 'string' ? text.split(separator).map((t) => t.trim()) : text);
  const candidates = Array.isArray(rows)
    ? rows.map((row: unknown) => {
        if (typeof row !== 'object' || row === null) return row;
        const r = row as Record<string, unknown>;
        const own = (c: string): unknown => (Object.prototype.hasOwnProperty.call(r, c) ? r[c] : undefined);
        const candidate: Record<string, unknown> = {
          touches: split(own(pathColumn)),
          conversions: readNumber(r, conversionsColumn, true),
          value: readNumber(r, valueColumn, false),
          nulls: readNumber(r, nullsColumn, false),
        };
        if (options.hoursColumn !== undefined && own(options.hoursColumn) !== undefined) {
          const hours = split(own(options.hoursColumn));
          candidate['hoursToConversion'] = Array.isArray(hours) ? hours.map((h) => (typeof h === 'string' && h !== '' ? Number(h) : h)) : hours;
        }
        return candidate;
      })
    : rows;
  const parsed = safeParseWith(AttributionPathsSchema, 'attribution table', candidates);
  if (parsed.success) return parsed.data;
  // Name the table's columns in the issue paths rather than the fields of AttributionPath.
  const columnOf: Record<string, string> = {
    touches: pathColumn,
    conversions: conversionsColumn,
    value: valueColumn,
    nulls: nullsColumn,
    hoursToConversion: options.hoursColumn ?? 'hoursToConversion',
  };
  const issues = parsed.error.issues.map((issue) => {
    const [row, field, ...rest] = issue.path;
    if (typeof field !== 'string' || !Object.prototype.hasOwnProperty.call(columnOf, field) || row === undefined) return issue;
    return { ...issue, path: [row, columnOf[field]!, ...rest] };
  });
  throw invalidInput('attribution table', issues);
}
