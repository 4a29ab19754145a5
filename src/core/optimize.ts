/**
 * Unconstrained minimisation (internal): quasi-Newton BFGS with a line search satisfying the strong Wolfe
 * conditions, derivative-free Nelder–Mead, central finite-difference gradients and Hessians, and a small
 * symmetric-matrix inverse.
 *
 * Algorithms:
 * - BFGS: Nocedal & Wright, *Numerical Optimization* (2nd ed., 2006), Algorithm 6.1 with the inverse
 *   Hessian update (6.17), the initial scaling (6.20), and the line search of Algorithms 3.5 and 3.6
 *   (bracketing, then zoom by safeguarded cubic interpolation, eq. 3.59), c₁ = 10⁻⁴, c₂ = 0.9.
 * - Nelder–Mead: Lagarias, Reeds, Wright & Wright (1998), *SIAM J. Optim.* 9(1), 112–147, with the
 *   dimension-adapted coefficients of Gao & Han (2012), *Comput. Optim. Appl.* 51, 259–277.
 *
 * @internal
 * @module
 */

/**
 * An objective: returns f(x) and, when `gradient` is given, writes ∇f(x) into it. Non-finite values
 * are treated as +∞ (the line search backs off).
 */
export type Objective = (x: Float64Array, gradient: Float64Array | null) => number;

/** Outcome of a minimisation. */
export interface OptimizeResult {
  /** The best point found. */
  x: Float64Array;
  /** f at `x`. */
  value: number;
  /** ∇f at `x` (finite differences for Nelder–Mead). */
  gradient: Float64Array;
  /** Largest absolute component of the gradient at `x`. */
  gradientNorm: number;
  /** Iterations carried out. */
  iterations: number;
  /** Objective evaluations. */
  evaluations: number;
  /**
   * Whether the stopping test was met: for BFGS the gradient test, or (at the noise floor of f, where no
   * step can decrease it any more) a gradient within 100× the tolerance; for Nelder–Mead the simplex size.
   */
  converged: boolean;
  /** Why the method stopped. */
  message: string;
}

/** Options of {@link minimizeBfgs}. */
export interface BfgsOptions {
  /** Stop when max |∂f/∂xᵢ| ≤ this. Default 1e-8. */
  gradientTolerance?: number;
  /** Iteration cap. Default 200. */
  maxIterations?: number;
}

function normInf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function finiteOr(v: number): number {
  return Number.isFinite(v) ? v : Infinity;
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db) (N&W eq. 3.59), or NaN. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

/**
 * Minimises a smooth function by BFGS with a strong-Wolfe line search.
 *
 * @param f - The objective, which must fill the gradient when asked.
 * @param x0 - Starting point (not modified).
 * @param options - Tolerance and iteration cap.
 * @returns The best point with its value, gradient, counts and whether the gradient test was met.
 */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: BfgsOptions = {}): OptimizeResult {
  const gtol = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 200;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = finiteOr(f(x, g));
  let evaluations = 1;
  if (!Number.isFinite(fx)) {
    return { x, value: fx, gradient: g, gradientNorm: NaN, iterations: 0, evaluations, converged: false, message: 'objective not finite at the starting point' };
  }
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  const dir = new Float64Array(n);
  const xt = new Float64Array(n);
  const gt = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let message = 'iteration limit reached';
  let converged = normInf(g) <= gtol;
  if (converged) message = 'gradient below tolerance';
  let firstStep = true;

  while (!converged && iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      dir[i] = v;
    }
    let d0 = dot(dir, g);
    if (!(d0 < 0)) {
      // Not a descent direction (H lost positive definiteness): restart from steepest descent.
      H.fill(0);
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        dir[i] = -(g[i] as number);
      }
      d0 = dot(dir, g);
      firstStep = true;
    }
    // Step 1 is natural for a quasi-Newton direction; the very first step is limited in length.
    const dirNorm = normInf(dir);
    const alpha0 = firstStep ? Math.min(1, 1 / Math.max(dirNorm, 1e-300)) : 1;

    let lastAlpha = NaN;
    let lastF = NaN;
    const phi = (alpha: number): { f: number; d: number } => {
      for (let i = 0; i < n; i++) xt[i] = (x[i] as number) + alpha * (dir[i] as number);
      evaluations++;
      const v = finiteOr(f(xt, gt));
      lastAlpha = alpha;
      lastF = v;
      return { f: v, d: Number.isFinite(v) ? dot(gt, dir) : NaN };
    };

    const c1 = 1e-4;
    const c2 = 0.9;
    let accepted = NaN;
    let acceptedF = Infinity;
    const zoom = (lo: number, flo: number, dlo: number, hi: number, fhi: number, dhi: number): number => {
      for (let k = 0; k < 40; k++) {
        let a = NaN;
        if (Number.isFinite(fhi) && Number.isFinite(dhi)) a = cubicMin(lo, flo, dlo, hi, fhi, dhi);
        const left = Math.min(lo, hi);
        const width = Math.abs(hi - lo);
        if (!(a > left + 0.1 * width && a < left + 0.9 * width)) a = 0.5 * (lo + hi);
        const r = phi(a);
        if (r.f > fx + c1 * a * d0 || r.f >= flo) {
          hi = a;
          fhi = r.f;
          dhi = r.d;
        } else {
          if (Math.abs(r.d) <= -c2 * d0) return a;
          if (r.d * (hi - lo) >= 0) {
            hi = lo;
            fhi = flo;
            dhi = dlo;
          }
          lo = a;
          flo = r.f;
          dlo = r.d;
        }
        if (width < 1e-16 * Math.max(1, Math.abs(lo))) break;
      }
      // Fall back to the best point with sufficient decrease, if any.
      return lo > 0 ? lo : NaN;
    };

    let prev = 0;
    let fprev = fx;
    let dprev = d0;
    let a = alpha0;
    for (let k = 0; k < 60; k++) {
      const r = phi(a);
      if (r.f > fx + c1 * a * d0 || (k > 0 && r.f >= fprev)) {
        accepted = zoom(prev, fprev, dprev, a, r.f, r.d);
        break;
      }
      if (Math.abs(r.d) <= -c2 * d0) {
        accepted = a;
        break;
      }
      if (r.d >= 0) {
        accepted = zoom(a, r.f, r.d, prev, fprev, dprev);
        break;
      }
      prev = a;
      fprev = r.f;
      dprev = r.d;
      a *= 2;
    }
    if (!Number.isFinite(accepted)) {
      // At the noise floor of f no step can decrease it: accept when the expected decrease −gᵀd is below
      // what f's rounding can resolve and the gradient is within 100× the tolerance.
      const gn = normInf(g);
      if (-d0 <= 1e-11 * Math.max(1, Math.abs(fx)) && gn <= 100 * gtol) {
        converged = true;
        message = 'at machine precision: no further decrease possible, gradient within 100× tolerance';
      } else message = 'line search failed to find a lower point';
      break;
    }
    if (accepted === lastAlpha) acceptedF = lastF; // (xt, gt) already hold the accepted point
    else {
      for (let i = 0; i < n; i++) xt[i] = (x[i] as number) + accepted * (dir[i] as number);
      acceptedF = finiteOr(f(xt, gt));
      evaluations++;
    }
    if (!(acceptedF <= fx)) {
      message = 'line search failed to find a lower point';
      break;
    }
    for (let i = 0; i < n; i++) {
      s[i] = (xt[i] as number) - (x[i] as number);
      y[i] = (gt[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    const fChange = fx - acceptedF;
    const xNew = Float64Array.from(xt);
    const gNew = Float64Array.from(gt);
    x = xNew;
    g = gNew;
    fx = acceptedF;
    if (normInf(g) <= gtol) {
      converged = true;
      message = 'gradient below tolerance';
      break;
    }
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstStep) {
        const scale = sy / dot(y, y);
        H.fill(0);
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
        firstStep = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, expanded.
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const idx = i * n + j;
          H[idx] =
            (H[idx] as number) -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    if (fChange === 0 && normInf(s) === 0) {
      message = 'no progress';
      break;
    }
  }
  return { x, value: fx, gradient: g, gradientNorm: normInf(g), iterations, evaluations, converged, message };
}

/** Options of {@link minimizeNelderMead}. */
export interface NelderMeadOptions {
  /** Stop when the simplex's values differ by at most this. Default 1e-10. */
  valueTolerance?: number;
  /** … and its vertices by at most this in every coordinate. Default 1e-8. */
  pointTolerance?: number;
  /** Iteration cap. Default 2000 × dimension. */
  maxIterations?: number;
  /** Initial simplex edge. Default 0.25 (suited to log-parameters). */
  initialStep?: number;
}

/**
 * Minimises a function without derivatives by the Nelder–Mead simplex method (adaptive coefficients).
 *
 * @param f - The objective (its gradient argument is always `null` here, except for the final report).
 * @param x0 - Starting point (not modified).
 * @param options - Tolerances, iteration cap, initial step.
 * @returns The best vertex, its value, a finite-difference gradient there, counts and convergence.
 */
export function minimizeNelderMead(f: Objective, x0: ArrayLike<number>, options: NelderMeadOptions = {}): OptimizeResult {
  const n = x0.length;
  const ftol = options.valueTolerance ?? 1e-10;
  const xtol = options.pointTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const step = options.initialStep ?? 0.25;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const evaluate = (p: Float64Array): number => {
    evaluations++;
    return finiteOr(f(p, null));
  };
  const pts: Float64Array[] = [];
  const vals: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    pts.push(p);
    vals.push(evaluate(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = (from: Float64Array, coef: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = (centroid[j] as number) + coef * ((centroid[j] as number) - (from[j] as number));
    return p;
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    order.sort((i, j) => (vals[i] as number) - (vals[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    let spread = 0;
    let size = 0;
    for (let k = 1; k <= n; k++) {
      const idx = order[k] as number;
      spread = Math.max(spread, Math.abs((vals[idx] as number) - (vals[best] as number)));
      for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(((pts[idx] as Float64Array)[j] as number) - ((pts[best] as Float64Array)[j] as number)));
    }
    if (Number.isFinite(vals[best] as number) && spread <= ftol && size <= xtol) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = pts[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const xw = pts[worst] as Float64Array;
    const xr = trial(xw, alpha);
    const fr = evaluate(xr);
    if (fr < (vals[best] as number)) {
      const xe = trial(xw, alpha * beta);
      const fe = evaluate(xe);
      if (fe < fr) {
        pts[worst] = xe;
        vals[worst] = fe;
      } else {
        pts[worst] = xr;
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < (vals[secondWorst] as number)) {
      pts[worst] = xr;
      vals[worst] = fr;
      continue;
    }
    const outside = fr < (vals[worst] as number);
    const xc = outside ? trial(xw, alpha * gamma) : trial(xw, -gamma);
    const fc = evaluate(xc);
    if (outside ? fc <= fr : fc < (vals[worst] as number)) {
      pts[worst] = xc;
      vals[worst] = fc;
      continue;
    }
    // Shrink towards the best vertex.
    const xb = pts[best] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const idx = order[k] as number;
      const p = pts[idx] as Float64Array;
      for (let j = 0; j < n; j++) p[j] = (xb[j] as number) + delta * ((p[j] as number) - (xb[j] as number));
      vals[idx] = evaluate(p);
    }
  }
  order.sort((i, j) => (vals[i] as number) - (vals[j] as number));
  const bestIdx = order[0] as number;
  const x = Float64Array.from(pts[bestIdx] as Float64Array);
  const gradient = finiteDifferenceGradient((p) => f(p, null), x);
  evaluations += 2 * n;
  return {
    x,
    value: vals[bestIdx] as number,
    gradient,
    gradientNorm: normInf(gradient),
    iterations,
    evaluations,
    converged,
    message: converged ? 'simplex below tolerance' : 'iteration limit reached',
  };
}

/**
 * Central finite-difference gradient with steps ε^(1/3)·max(1, |xᵢ|) (error O(h²) + O(ε/h)).
 *
 * @param f - The function.
 * @param x - The point (restored on return).
 * @param out - Where to write the gradient (a new array by default).
 * @returns The gradient.
 */
export function finiteDifferenceGradient(f: (x: Float64Array) => number, x: Float64Array, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const h0 = 6.055454452393343e-6; // cube root of machine epsilon
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const h = h0 * Math.max(1, Math.abs(xi));
    x[i] = xi + h;
    const fp = f(x);
    x[i] = xi - h;
    const fm = f(x);
    x[i] = xi;
    out[i] = (fp - fm) / (2 * h);
  }
  return out;
}

/**
 * Hessian by central differences: of the gradient when `gradient` is given (step 1e-5), else of the
 * function values (step 1e-4). Symmetrised. Row-major n × n.
 *
 * @param f - The function (used when no gradient is given).
 * @param x - The point (restored on return).
 * @param gradient - Optional analytic gradient writer.
 * @returns The Hessian.
 */
export function finiteDifferenceHessian(
  f: (x: Float64Array) => number,
  x: Float64Array,
  gradient?: (x: Float64Array, out: Float64Array) => void,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  if (gradient !== undefined) {
    const gp = new Float64Array(n);
    const gm = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const xj = x[j] as number;
      const h = 1e-5 * Math.max(1, Math.abs(xj));
      x[j] = xj + h;
      gradient(x, gp);
      x[j] = xj - h;
      gradient(x, gm);
      x[j] = xj;
      for (let i = 0; i < n; i++) H[i * n + j] = ((gp[i] as number) - (gm[i] as number)) / (2 * h);
    }
  } else {
    const f0 = f(x);
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      const hi = 1e-4 * Math.max(1, Math.abs(xi));
      for (let j = i; j < n; j++) {
        const xj = x[j] as number;
        const hj = 1e-4 * Math.max(1, Math.abs(xj));
        let v: number;
        if (i === j) {
          x[i] = xi + hi;
          const fp = f(x);
          x[i] = xi - hi;
          const fm = f(x);
          x[i] = xi;
          v = (fp - 2 * f0 + fm) / (hi * hi);
        } else {
          x[i] = xi + hi;
          x[j] = xj + hj;
          const fpp = f(x);
          x[j] = xj - hj;
          const fpm = f(x);
          x[i] = xi - hi;
          const fmm = f(x);
          x[j] = xj + hj;
          const fmp = f(x);
          x[i] = xi;
          x[j] = xj;
          v = (fpp - fpm - fmp + fmm) / (4 * hi * hj);
        }
        H[i * n + j] = v;
        H[j * n + i] = v;
      }
    }
    return H;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky factorisation, or `null` when the matrix
 * is not positive definite (a flat or saddle direction).
 *
 * @param A - Row-major n × n matrix (not modified).
 * @param n - Its order.
 * @returns The inverse, row-major, or `null`.
 */
export function invertSymmetricPositiveDefinite(A: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * n + i] = Math.sqrt(sum);
      } else {
        L[i * n + j] = sum / (L[j * n + j] as number);
      }
    }
  }
  // Inverse of L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / (L[i * n + i] as number);
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (L[i * n + k] as number) * (Li[k * n + j] as number);
      Li[i * n + j] = sum / (L[i * n + i] as number);
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k++) sum += (Li[k * n + i] as number) * (Li[k * n + j] as number);
      inv[i * n + j] = sum;
    }
  }
  return inv;
}
