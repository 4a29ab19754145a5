/**
 * Special functions for the probability models (internal): log-gamma, log-beta, digamma, log-sum-exp,
 * the Gauss hypergeometric function ₂F₁ and a tanh-sinh quadrature rule on (0, 1).
 *
 * Algorithms:
 * - `logGamma`: Lanczos approximation with g = 7 and nine coefficients (C. Lanczos 1964, SIAM J. Numer.
 *   Anal. B 1, 86–96; coefficients as tabulated by P. Godfrey) below 10, the Stirling series with five
 *   Bernoulli terms (Abramowitz & Stegun 6.1.40) from 10 up, and the reflection formula (A&S 6.1.17)
 *   below 0.5.
 * - `digamma`: the recurrence ψ(x) = ψ(x + 1) − 1/x (A&S 6.3.5) up to x ≥ 10, then the asymptotic series
 *   (A&S 6.3.18).
 * - `hypergeometric2F1`: the defining Gauss series (A&S 15.1.1) for |z| < 1, summed until the terms
 *   stop mattering.
 * - `tanhSinhNodes`: the double-exponential rule of Takahasi & Mori (1974, Publ. RIMS 9, 721–741) mapped
 *   to (0, 1) through the logistic function, which keeps both p and 1 − p accurate near the endpoints.
 *
 * @internal
 * @module
 */
import { JornadaError } from './errors.js';

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046727;

/** Natural log of |Γ(x)| for real x that is not a non-positive integer (those give `Infinity`). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity;
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 10) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Natural log of the beta function B(a, b) = Γ(a) Γ(b) / Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Digamma ψ(x) = d/dx ln Γ(x), for x > 0 (reflection below 0 is not needed here; returns NaN). */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const inv = 1 / v;
  const inv2 = inv * inv;
  // ψ(v) ≈ ln v − 1/(2v) − Σ B₂ₖ / (2k v²ᵏ)
  const tail = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return result + Math.log(v) - 0.5 * inv - tail;
}

/** log(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(eᵃ − eᵇ) for a ≥ b; `-Infinity` when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (b > a) return NaN;
  if (b === a) return -Infinity;
  const d = b - a;
  // log1p(−e^d) loses accuracy when e^d is close to 1: use log(−expm1(d)) there (Mächler 2012).
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/** log Σ exp(values[i]) over the first `length` entries, without overflow or underflow. */
export function logSumExp(values: ArrayLike<number>, length = values.length): number {
  let max = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = values[i] as number;
    if (v > max) max = v;
  }
  if (max === -Infinity || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

/** log σ(u) = −log(1 + e^(−u)), accurate for any u. */
export function logSigmoid(u: number): number {
  return u >= 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for |z| < 1 by its series (A&S 15.1.1), with
 * c not a non-positive integer.
 *
 * @throws {JornadaError} `NUMERIC` when |z| ≥ 1, when c is a non-positive integer, or when the series
 * has not converged after `maxTerms` terms (z very close to 1).
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): number {
  if (!(Math.abs(z) < 1)) throw new JornadaError('NUMERIC', `2F1 series needs |z| < 1 (got ${z})`, { details: { a, b, c, z } });
  if (c <= 0 && Number.isInteger(c)) throw new JornadaError('NUMERIC', `2F1 is undefined for c = ${c}`, { details: { a, b, c, z } });
  let term = 1;
  let sum = 1;
  let compensation = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    // Kahan summation keeps long, slowly decaying series accurate.
    const y = term - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
    if (term === 0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > Math.abs(a * b / c))) return sum;
    if (!Number.isFinite(sum)) break;
  }
  throw new JornadaError('NUMERIC', '2F1 series did not converge', { details: { a, b, c, z } });
}

/** Nodes of a quadrature rule on (0, 1), all in log form so that no node underflows. */
export interface QuadratureRule {
  /** Nodes in [0, 1) (the smallest may underflow to 0; use `logP` there). */
  readonly p: Float64Array;
  /** ln p of each node, computed without cancellation. */
  readonly logP: Float64Array;
  /** ln(1 − p) of each node, computed without cancellation. */
  readonly log1mP: Float64Array;
  /** ln of each weight: ∫₀¹ f(p) dp ≈ Σ exp(logWeight[i]) f(p[i]). */
  readonly logWeight: Float64Array;
}

let cachedRule: QuadratureRule | undefined;

/**
 * The tanh-sinh rule on (0, 1) with step 1/16 over |t| ≤ 8 (257 nodes): p = σ(π sinh t),
 * dp = π cosh t · p (1 − p) dt. The range reaches ln p ≈ −4,700, so integrable algebraic singularities
 * at either end (Beta densities with a shape as small as 0.01) keep full double precision; callers skip
 * the nodes whose log weight is negligible. Computed once and cached.
 */
export function tanhSinhNodes(): QuadratureRule {
  if (cachedRule !== undefined) return cachedRule;
  const h = 1 / 16;
  const limit = 8;
  const count = 2 * Math.round(limit / h) + 1;
  const p = new Float64Array(count);
  const logP = new Float64Array(count);
  const log1mP = new Float64Array(count);
  const logWeight = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const t = (k - (count - 1) / 2) * h;
    const u = Math.PI * Math.sinh(t);
    const lp = logSigmoid(u);
    const lq = logSigmoid(-u);
    p[k] = Math.exp(lp);
    logP[k] = lp;
    log1mP[k] = lq;
    logWeight[k] = Math.log(h * Math.PI * Math.cosh(t)) + lp + lq;
  }
  cachedRule = { p, logP, log1mP, logWeight };
  return cachedRule;
}
