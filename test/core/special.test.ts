import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  digamma,
  hypergeometric2F1,
  logAddExp,
  logBeta,
  logGamma,
  logSigmoid,
  logSubExp,
  logSumExp,
  tanhSinhNodes,
} from '../../src/core/special.js';

const EULER_GAMMA = 0.5772156649015329; // A&S 6.1.3

describe('logGamma', () => {
  it('matches exact values: Γ(1/2) = √π (A&S 6.1.8), Γ(3/2) = √π/2, Γ(n) = (n−1)!', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
  });

  it('matches Abramowitz & Stegun Table 6.1 (Γ(x) for 1 ≤ x ≤ 2, 10 decimals)', () => {
    // A&S Table 6.1: Γ(1.250) = 0.9064024771, Γ(1.900) = 0.9617658319; the minimum of Γ on (0, ∞),
    // Γ(1.4616321449…) = 0.8856031944… (A&S 6.1, OEIS A030169/A030171)
    expect(Math.exp(logGamma(1.25))).toBeCloseTo(0.9064024771, 10);
    expect(Math.exp(logGamma(1.4616321449683622))).toBeCloseTo(0.8856031944, 10);
    expect(Math.exp(logGamma(1.9))).toBeCloseTo(0.9617658319, 10);
  });

  it('agrees with ln((n−1)!) summed by hand for large n (Stirling branch) and relative to 1e-14', () => {
    let lnFact = 0;
    for (let k = 2; k < 100; k++) lnFact += Math.log(k); // ln 99!
    expect(Math.abs(logGamma(100) - lnFact) / lnFact).toBeLessThan(1e-14);
    // across the Lanczos/Stirling switch at 10: Γ(10) = 9!, Γ(10.5) = Γ(0.5)·Π(k − 1/2)
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    let l = 0.5 * Math.log(Math.PI);
    for (let k = 1; k <= 10; k++) l += Math.log(k - 0.5);
    expect(logGamma(10.5)).toBeCloseTo(l, 12);
  });

  it('uses the reflection formula below 1/2: Γ(1/4)Γ(3/4) = π√2 (A&S 6.1.17)', () => {
    expect(logGamma(0.25) + logGamma(0.75)).toBeCloseTo(Math.log(Math.PI * Math.SQRT2), 13);
    expect(logGamma(0)).toBe(Infinity);
  });

  it('logBeta(a, b) = ln(Γ(a)Γ(b)/Γ(a+b)): B(2, 3) = 1/12, B(1/2, 1/2) = π', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });
});

describe('digamma', () => {
  it('ψ(1) = −γ (A&S 6.3.2), ψ(1/2) = −γ − 2 ln 2 (A&S 6.3.3), ψ(n) = −γ + Σ 1/k', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 13);
    let h = 0;
    for (let k = 1; k < 20; k++) h += 1 / k;
    expect(digamma(20)).toBeCloseTo(-EULER_GAMMA + h, 13);
  });

  it('is the derivative of logGamma (central difference)', () => {
    for (const x of [0.01, 0.3, 2.7, 15, 1234.5]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 5);
    }
  });

  it('returns NaN outside its domain', () => {
    expect(digamma(0)).toBeNaN();
  });
});

describe('log-sum-exp helpers', () => {
  it('do not overflow or underflow', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(800, 800)).toBeCloseTo(800 + Math.LN2, 12);
    expect(logSubExp(800 + Math.LN2, 800)).toBeCloseTo(800, 12);
    expect(logSubExp(5, 5)).toBe(-Infinity);
    expect(logSigmoid(-800)).toBeCloseTo(-800, 12);
    expect(logSigmoid(800)).toBeCloseTo(0, 12);
  });
});

describe('hypergeometric2F1', () => {
  it('matches closed forms (A&S 15.1.3, 15.1.6, 15.1.8)', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.95]) {
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12); // 15.1.3
      expect(hypergeometric2F1(2.5, 0.7, 0.7, z)).toBeCloseTo(Math.pow(1 - z, -2.5), 10); // 15.1.8
    }
    for (const x of [0.2, 0.6, 0.9]) expect(hypergeometric2F1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 12); // 15.1.6
  });

  it('throws NUMERIC outside |z| < 1 and at poles of c', () => {
    for (const [a, b, c, z] of [
      [1, 1, 2, 1],
      [1, 1, -2, 0.5],
    ] as const) {
      try {
        hypergeometric2F1(a, b, c, z);
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.code).toBe('NUMERIC');
      }
    }
  });
});

describe('tanhSinhNodes', () => {
  const rule = tanhSinhNodes();
  const betaMoment = (a: number, b: number, f: (p: number) => number): number => {
    let s = 0;
    const lb = logBeta(a, b);
    for (let i = 0; i < rule.p.length; i++) {
      s += Math.exp((rule.logWeight[i] as number) + (a - 1) * (rule.logP[i] as number) + (b - 1) * (rule.log1mP[i] as number) - lb) * f(rule.p[i] as number);
    }
    return s;
  };
  it('integrates Beta densities with endpoint singularities to 1 and gets their means a/(a+b)', () => {
    for (const [a, b] of [
      [0.05, 0.3],
      [0.5, 0.5],
      [2, 7],
      [30, 1.5],
    ] as const) {
      expect(betaMoment(a, b, () => 1)).toBeCloseTo(1, 12);
      expect(betaMoment(a, b, (p) => p)).toBeCloseTo(a / (a + b), 12);
    }
  });
});
