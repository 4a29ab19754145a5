import { describe, expect, it } from 'vitest';
import { invertMatrix, luDecompose, solveLinearSystem } from '../../src/core/linear.js';

describe('dense linear solver', () => {
  it('solves a system that needs a row exchange', () => {
    // A·x = b with x = (1, 2, 3) by construction: rows give 0+4+3, 1+2+3, 2+2+0. A[0][0] = 0, so
    // elimination without pivoting would divide by zero.
    const x = solveLinearSystem([0, 2, 1, 1, 1, 1, 2, 1, 0], [7, 6, 4]);
    expect([...x].map((v) => Number(v.toFixed(12)))).toEqual([1, 2, 3]);
  });

  it('inverts a 2 × 2 matrix', () => {
    // [[4, 7], [2, 6]]⁻¹ = (1/10)·[[6, −7], [−2, 4]] (determinant 10).
    const inv = invertMatrix([4, 7, 2, 6], 2);
    [0.6, -0.7, -0.2, 0.4].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
  });

  it('refuses a singular matrix and a wrong size with a NUMERIC error', () => {
    expect(() => luDecompose([1, 2, 2, 4], 2)).toThrow(expect.objectContaining({ code: 'NUMERIC' }));
    expect(() => luDecompose([1, 2, 3], 2)).toThrow(expect.objectContaining({ code: 'NUMERIC' }));
    expect(() => luDecompose([1, NaN, 0, 1], 2)).toThrow(expect.objectContaining({ code: 'NUMERIC' }));
  });
});
