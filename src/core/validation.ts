/**
 * Bridges zod schemas to jornada's `parseX` / `safeParseX` convention (internal).
 *
 * @internal
 * @module
 */
import type { z } from 'zod';
import { JornadaError, type JornadaIssue, type SafeParseResult } from './errors.js';

/** Converts zod issues to jornada issues (paths keep strings and numbers; symbols become strings). */
export function issuesFromZod(error: z.ZodError): JornadaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
}

/** Builds the `INVALID_INPUT` error for a failed parse of `what`. */
export function invalidInput(what: string, issues: readonly JornadaIssue[]): JornadaError {
  const first = issues[0];
  const where = first === undefined ? '' : ` at ${first.path.length === 0 ? '(root)' : first.path.join('.')}: ${first.message}`;
  return new JornadaError('INVALID_INPUT', `Invalid ${what}${where}`, { issues });
}

/**
 * Runs a schema and returns jornada's safe-parse result. zod itself never throws from `safeParse`
 * for plain data; a throw from a user-supplied getter or a proxy is caught and reported too.
 */
export function safeParseWith<S extends z.ZodType>(
  schema: S,
  what: string,
  input: unknown,
): SafeParseResult<z.output<S>> {
  let result: ReturnType<S['safeParse']>;
  try {
    result = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (cause) {
    const error = new JornadaError('INVALID_INPUT', `Invalid ${what}: the input could not be read`, {
      issues: [{ path: [], message: cause instanceof Error ? cause.message : String(cause), code: 'unreadable' }],
      cause,
    });
    return { success: false, error };
  }
  if (result.success) return { success: true, data: result.data as z.output<S> };
  return { success: false, error: invalidInput(what, issuesFromZod(result.error)) };
}

/** Runs a schema and returns the value or throws `JornadaError('INVALID_INPUT')`. */
export function parseWith<S extends z.ZodType>(schema: S, what: string, input: unknown): z.output<S> {
  const result = safeParseWith(schema, what, input);
  if (result.success) return result.data;
  throw result.error;
}
