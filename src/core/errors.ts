/**
 * The one error class of jornada and the codes it carries.
 *
 * @module
 */

/**
 * What went wrong, as a stable machine-readable code. Match on this, not on the message.
 *
 * - `INVALID_INPUT` — data given to a `parse…` function or a calculator failed validation; `issues` say where.
 * - `INVALID_OPTION` — an option or argument is outside its documented range (a negative window, an unknown unit).
 * - `INVALID_RULE` — a rule document (segment condition, calendar date rule, cadence rule or policy) is
 *   malformed, unsafe (a forbidden property path) or inconsistent (a cycle, an unknown reference); `issues`
 *   carry the JSON path of the offending node.
 * - `EMPTY_INPUT` — a calculation that needs data got none (an empty holdout period, a fit without customers).
 * - `NOT_CONVERGED` — an estimation did not converge; `details` carry iterations and gradient norm.
 * - `NUMERIC` — a result would not be finite (overflow, a parameter region the formula cannot reach).
 * - `UNSUPPORTED` — a valid request that this version cannot carry out (a construct that cannot be imported).
 *
 * @category Errors
 */
export type JornadaErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_OPTION'
  | 'INVALID_RULE'
  | 'EMPTY_INPUT'
  | 'NOT_CONVERGED'
  | 'NUMERIC'
  | 'UNSUPPORTED';

/** Every code of {@link JornadaErrorCode}, for runtime checks. @category Errors */
export const JORNADA_ERROR_CODES: readonly JornadaErrorCode[] = Object.freeze([
  'INVALID_INPUT',
  'INVALID_OPTION',
  'INVALID_RULE',
  'EMPTY_INPUT',
  'NOT_CONVERGED',
  'NUMERIC',
  'UNSUPPORTED',
]);

/**
 * One problem found in input data or in a rule document.
 *
 * @category Errors
 */
export interface JornadaIssue {
  /** Where the problem is: property names and array indices from the root of the value given. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in English, for a developer. */
  readonly message: string;
  /** A finer code for the issue (zod's issue code for schema failures, or a jornada-specific one). */
  readonly code?: string;
}

/**
 * Options of the {@link JornadaError} constructor.
 *
 * @category Errors
 */
export interface JornadaErrorOptions {
  /** Problems with their paths (for `INVALID_INPUT` and `INVALID_RULE`). */
  issues?: readonly JornadaIssue[];
  /** Extra facts for diagnosis (iterations of a fit, the offending value…). */
  details?: Readonly<Record<string, unknown>>;
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * The error jornada throws. Every failure the library anticipates is a `JornadaError` with a
 * {@link JornadaErrorCode}; malformed data never surfaces as a bare `TypeError`.
 *
 * Check for it with {@link isJornadaError} rather than `instanceof`: when both the ESM and the CJS
 * build are loaded in one process, there are two classes of this name.
 *
 * @example
 * ```ts
 * try {
 *   parseCustomer({ id: '' });
 * } catch (e) {
 *   if (isJornadaError(e) && e.code === 'INVALID_INPUT') {
 *     console.log(e.issues[0]?.path); //=> ['id']
 *   }
 * }
 * ```
 * @category Errors
 */
export class JornadaError extends Error {
  /** Stable code of the failure. */
  readonly code: JornadaErrorCode;
  /** Problems with their paths; empty when the failure is not about a particular place in the input. */
  readonly issues: readonly JornadaIssue[];
  /** Extra facts for diagnosis. */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code - Stable code of the failure.
   * @param message - Human-readable summary.
   * @param options - Issues with paths, details and cause.
   */
  constructor(code: JornadaErrorCode, message: string, options: JornadaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JornadaError';
    this.code = code;
    this.issues = Object.freeze([...(options.issues ?? [])]);
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }
}

/**
 * True when `e` is a {@link JornadaError} from any copy of jornada (ESM or CJS): checks the `name`
 * and that `code` is one of {@link JORNADA_ERROR_CODES}, not the class identity.
 *
 * @param e - Anything caught.
 * @returns Whether `e` is a jornada error, narrowing its type.
 *
 * @example
 * ```ts
 * isJornadaError(new JornadaError('EMPTY_INPUT', 'no orders')); //=> true
 * isJornadaError(new Error('x')); //=> false
 * ```
 * @category Errors
 */
export function isJornadaError(e: unknown): e is JornadaError {
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; code?: unknown; issues?: unknown };
  return (
    candidate.name === 'JornadaError' &&
    typeof candidate.code === 'string' &&
    (JORNADA_ERROR_CODES as readonly string[]).includes(candidate.code) &&
    Array.isArray(candidate.issues)
  );
}

/**
 * Result of a `safeParse…` function: the typed value, or the error `parse…` would have thrown.
 *
 * @typeParam T - The parsed type.
 * @category Errors
 */
export type SafeParseResult<T> =
  | {
      /** The input was valid. */
      readonly success: true;
      /** The parsed value. */
      readonly data: T;
    }
  | {
      /** The input was not valid. */
      readonly success: false;
      /** What `parse…` would have thrown: `INVALID_INPUT` with one issue per problem. */
      readonly error: JornadaError;
    };
