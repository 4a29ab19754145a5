/**
 * Dense linear algebra for small systems (internal): LU decomposition with partial pivoting, solves
 * and the inverse. Used by the exact absorbing-Markov-chain attribution, whose systems have one
 * unknown per channel (tens to a few hundred).
 *
 * Matrices are row-major `Float64Array`s of n × n entries. Nothing here recurses or allocates per
 * entry; a factorisation costs n³/3 multiply-adds and each solve n².
 *
 * Method: Gaussian elimination with partial (row) pivoting, as in Golub & Van Loan (2013),
 * *Matrix Computations*, 4th ed., algorithm 3.4.1.
 *
 * @internal
 * @module
 */
import { JornadaError } from './errors.js';

/**
 * An LU decomposition P·A = L·U: `lu` holds L below the diagonal (unit diagonal implied) and U on
 * and above it; `pivots[i]` is the original row placed at row i.
 *
 * @internal
 */
export interface LuDecomposition {
  /** Order of the matrix. */
  readonly n: number;
  /** L and U packed, row-major. */
  readonly lu: Float64Array;
  /** Row permutation: `pivots[i]` is the row of A that ended at row i. */
  readonly pivots: Int32Array;
}

/**
 * Factorises a square matrix by Gaussian elimination with partial pivoting.
 *
 * @param matrix - Row-major n × n entries (not modified).
 * @param n - The order.
 * @returns The decomposition.
 * @throws {JornadaError} `NUMERIC` when the matrix is singular to working precision (a pivot below
 *   `n · ε · max|a|`), or when an entry is not finite.
 * @internal
 */
export function luDecompose(matrix: ArrayLike<number>, n: number): LuDecomposition {
  if (matrix.length !== n * n) {
    throw new JornadaError('NUMERIC', `a ${n} × ${n} matrix needs ${n * n} entries, got ${matrix.length}`);
  }
  const lu = Float64Array.from(matrix);
  const pivots = new Int32Array(n);
  let scale = 0;
  for (let i = 0; i < lu.length; i++) {
    const v = lu[i]!;
    if (!Number.isFinite(v)) throw new JornadaError('NUMERIC', 'a matrix entry is not finite', { details: { index: i } });
    scale = Math.max(scale, Math.abs(v));
  }
  const tolerance = n * Number.EPSILON * scale;
  for (let i = 0; i < n; i++) pivots[i] = i;
  for (let k = 0; k < n; k++) {
    let best = k;
    let bestAbs = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const a = Math.abs(lu[i * n + k]!);
      if (a > bestAbs) {
        best = i;
        bestAbs = a;
      }
    }
    if (!(bestAbs > tolerance)) {
      throw new JornadaError('NUMERIC', 'the matrix is singular to working precision', { details: { column: k, pivot: bestAbs } });
    }
    if (best !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[best * n + j]!;
        lu[best * n + j] = t;
      }
      const p = pivots[k]!;
      pivots[k] = pivots[best]!;
      pivots[best] = p;
    }
    const pivot = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const factor = lu[i * n + k]! / pivot;
      lu[i * n + k] = factor;
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = lu[i * n + j]! - factor * lu[k * n + j]!;
    }
  }
  return { n, lu, pivots };
}

/**
 * Solves A·x = b from an LU decomposition of A.
 *
 * @param decomposition - From {@link luDecompose}.
 * @param b - Right-hand side of length n (not modified).
 * @returns x.
 * @internal
 */
export function luSolve(decomposition: LuDecomposition, b: ArrayLike<number>): Float64Array {
  const { n, lu, pivots } = decomposition;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[pivots[i]!]!;
  for (let i = 1; i < n; i++) {
    let s = x[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/**
 * Solves the square system A·x = b by Gaussian elimination with partial pivoting.
 *
 * @param matrix - Row-major n × n entries.
 * @param b - Right-hand side, length n.
 * @returns x.
 * @throws {JornadaError} `NUMERIC` when A is singular to working precision.
 * @internal
 */
export function solveLinearSystem(matrix: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const n = b.length;
  return luSolve(luDecompose(matrix, n), b);
}

/**
 * The inverse of a square matrix, column by column from one LU decomposition.
 *
 * @param matrix - Row-major n × n entries.
 * @param n - The order.
 * @returns The inverse, row-major.
 * @throws {JornadaError} `NUMERIC` when the matrix is singular to working precision.
 * @internal
 */
export function invertMatrix(matrix: ArrayLike<number>, n: number): Float64Array {
  const decomposition = luDecompose(matrix, n);
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = luSolve(decomposition, unit);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i]!;
  }
  return inverse;
}
