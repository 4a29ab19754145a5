import { describe, expect, it } from 'vitest';
import {
  finiteDifferenceGradient,
  finiteDifferenceHessian,
  invertSymmetricPositiveDefinite,
  minimizeBfgs,
  minimizeNelderMead,
  type Objective,
} from '../../src/core/optimize.js';

// Rosenbrock's function, minimum 0 at (1, 1); standard start (−1.2, 1) (Moré, Garbow & Hillstrom 1981,
// "Testing Unconstrained Optimization Software", ACM TOMS 7(1), problem 1).
const rosenbrock: Objective = (x, g) => {
  const a = x[0] as number;
  const b = x[1] as number;
  if (g !== null) {
    g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
    g[1] = 200 * (b - a * a);
  }
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

// Extended Rosenbrock in 4 dimensions (MGH problem 21), minimum 0 at (1, 1, 1, 1).
const rosenbrock4: Objective = (x, g) => {
  let f = 0;
  if (g !== null) g.fill(0);
  for (let i = 0; i < 4; i += 2) {
    const a = x[i] as number;
    const b = x[i + 1] as number;
    f += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    if (g !== null) {
      g[i] = -400 * a * (b - a * a) - 2 * (1 - a);
      g[i + 1] = 200 * (b - a * a);
    }
  }
  return f;
};

describe('minimizeBfgs', () => {
  it('finds the minimum of Rosenbrock from (−1.2, 1) and says it converged', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
    expect(r.value).toBeLessThan(1e-16);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-10);
    expect(r.iterations).toBeGreaterThan(5);
    expect(r.iterations).toBeLessThan(200);
  });

  it('finds the minimum of the extended Rosenbrock function in 4 dimensions', () => {
    const r = minimizeBfgs(rosenbrock4, [-1.2, 1, -1.2, 1], { gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1, 6);
  });

  it('minimises a quadratic to the tolerance asked: f = ½ xᵀAx − bᵀx has its minimum at A⁻¹b', () => {
    // A = [[4, 1], [1, 3]], b = [1, 2]: A⁻¹b = [1/11, 7/11] by hand (det 11).
    const f: Objective = (x, g) => {
      const a = x[0] as number;
      const c = x[1] as number;
      if (g !== null) {
        g[0] = 4 * a + c - 1;
        g[1] = a + 3 * c - 2;
      }
      return 0.5 * (4 * a * a + 2 * a * c + 3 * c * c) - a - 2 * c;
    };
    const r = minimizeBfgs(f, [10, -10], { gradientTolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1 / 11, 10);
    expect(r.x[1]).toBeCloseTo(7 / 11, 10);
  });

  it('reports non-convergence when the iteration cap is hit', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.message).toMatch(/iteration/);
  });

  it('backs off from regions where the objective is not finite', () => {
    // f = x − ln x on x > 0 (NaN elsewhere): minimum at x = 1
    const f: Objective = (x, g) => {
      const v = x[0] as number;
      if (g !== null) g[0] = 1 - 1 / v;
      return v - Math.log(v);
    };
    const r = minimizeBfgs(f, [0.05]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
  });

  it('does not start from a non-finite point', () => {
    const r = minimizeBfgs(() => NaN, [0]);
    expect(r.converged).toBe(false);
    expect(r.value).toBe(Infinity);
  });
});

describe('minimizeNelderMead', () => {
  it('finds the minimum of Rosenbrock without derivatives', () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1], { valueTolerance: 1e-14, pointTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
    expect(r.gradientNorm).toBeLessThan(1e-3);
  });

  it('reports the iteration cap', () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(5);
  });
});

describe('finite differences and the SPD inverse', () => {
  it('gradient and Hessian of Rosenbrock at (−1.2, 1) match the analytic ones', () => {
    // analytic: ∇f = (−215.6, −88), ∇²f = [[1330, 480], [480, 200]] at (−1.2, 1) (hand differentiation)
    const x = Float64Array.from([-1.2, 1]);
    const g = finiteDifferenceGradient((p) => rosenbrock(p, null), x);
    expect(g[0]).toBeCloseTo(-215.6, 5);
    expect(g[1]).toBeCloseTo(-88, 5);
    const H1 = finiteDifferenceHessian((p) => rosenbrock(p, null), x);
    const H2 = finiteDifferenceHessian((p) => rosenbrock(p, null), x, (p, out) => void rosenbrock(p, out));
    for (const H of [H1, H2]) {
      expect(H[0]).toBeCloseTo(1330, 1);
      expect(H[1]).toBeCloseTo(480, 2);
      expect(H[2]).toBeCloseTo(480, 2);
      expect(H[3]).toBeCloseTo(200, 2);
    }
    expect(Array.from(x)).toEqual([-1.2, 1]);
  });

  it('inverts an SPD matrix and refuses an indefinite one', () => {
    // [[4, 1], [1, 3]]⁻¹ = [[3, −1], [−1, 4]] / 11
    const inv = invertSymmetricPositiveDefinite(Float64Array.from([4, 1, 1, 3]), 2);
    expect(inv).not.toBeNull();
    const expected = [3 / 11, -1 / 11, -1 / 11, 4 / 11];
    expected.forEach((v, i) => expect(inv?.[i]).toBeCloseTo(v, 14));
    expect(invertSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
