import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erfc, normalCdf, normalQuantile, normalSurvival, twoSidedCriticalValue, twoSidedNormalPValue } from '../../src/core/normal.js';

/** |actual − expected| ≤ rel · |expected| (relative tolerance). */
function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normalQuantile (Wichura AS 241)', () => {
  it('matches published quantiles of the standard normal', () => {
    // Reference values to 18–21 significant digits as published by arbitrary-precision systems
    // (Wolfram|Alpha: InverseCDF[NormalDistribution[0, 1], p]); the first digits agree with printed
    // tables of normal percentage points (Abramowitz & Stegun 1964, chapter 26).
    // Φ⁻¹(0.975) = 1.959963984540054 — the two-sided 95% critical value (1.95996398454005423552).
    expectRel(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRel(twoSidedCriticalValue(0.95), 1.959963984540054, 1e-15);
    // Φ⁻¹(0.995) = 2.5758293035489004 (99% two-sided critical value, 2.57582930354890076 to 18 digits).
    expectRel(normalQuantile(0.995), 2.5758293035489004, 1e-15);
    // Φ⁻¹(0.95) = 1.6448536269514722 (one-sided 95%, 1.64485362695147271).
    expectRel(normalQuantile(0.95), 1.6448536269514722, 1e-15);
    // Φ⁻¹(0.9) = 1.2815515655446004 (1.28155156554460081).
    expectRel(normalQuantile(0.9), 1.2815515655446004, 1e-15);
    // Φ⁻¹(0.75) = 0.6744897501960817, the upper quartile (0.674489750196081743).
    expectRel(normalQuantile(0.75), 0.6744897501960817, 1e-15);
    // Φ⁻¹(0.001) = −3.090232306167814 (−3.09023230616781436).
    expectRel(normalQuantile(0.001), -3.090232306167814, 1e-15);
    // Far tail, r > 5 branch of AS 241: Φ⁻¹(1e-20) = −9.262340089798408 (−9.26234008979840756).
    expectRel(normalQuantile(1e-20), -9.262340089798409, 1e-14);
  });

  it('is exactly 0 at one half and odd around it', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expectRel(normalQuantile(0.025), -normalQuantile(0.975), 2e-16); // 0.025 and 1 − 0.975 differ in the last bit
  });

  it('maps the ends and invalid probabilities', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });
});

describe('normalCdf and erfc (Cody 1969)', () => {
  it('matches published values of Φ', () => {
    // Φ(1) = 0.841344746068543 (Abramowitz & Stegun 1964, table 26.1: 0.84134 47460 68543).
    expectRel(normalCdf(1), 0.841344746068543, 1e-14);
    // Φ(2) = 0.977249868051821 (A&S table 26.1: 0.97724 98680 51821).
    expectRel(normalCdf(2), 0.977249868051821, 1e-14);
    // Φ(−1.959963984540054) = 0.025 by definition of the 97.5% quantile.
    expectRel(normalCdf(-1.959963984540054), 0.025, 1e-14);
    // Lower tail in relative accuracy: Φ(−10) = 7.619853024160526e-24 (7.6198530241605260660e-24).
    expectRel(normalCdf(-10), 7.6198530241605e-24, 1e-13);
    // Φ(−37) = 5.725571222524e-300 (5.72557122252458e-300), far below what 1 − Φ(37) could show.
    expectRel(normalCdf(-37), 5.72557122252458e-300, 1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('matches published values of erfc in each of Cody\'s three intervals', () => {
    // erfc(0.3) = 0.671373240540872 (A&S table 7.1: erf 0.3 = 0.32862 67594 59138).
    expectRel(erfc(0.3), 1 - 0.328626759459127, 1e-14);
    // erfc(1) = 0.157299207050285 (A&S 7.1: erf 1 = 0.84270 07929 49715).
    expectRel(erfc(1), 0.157299207050285, 1e-14);
    // erfc(5) = 1.5374597944280349e-12 (1.53745979442803485e-12).
    expectRel(erfc(5), 1.5374597944280349e-12, 1e-14);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 15);
    expect(erfc(30)).toBe(0);
    expect(erfc(NaN)).toBeNaN();
  });

  it('gives the two-sided p-value of a z statistic', () => {
    // P(|Z| ≥ 1.96) = 0.04999579029644087 (2·Φ(−1.96), Φ(−1.96) = 0.0249978951482204).
    expectRel(twoSidedNormalPValue(1.96), 0.04999579029644087, 1e-13);
    expectRel(twoSidedNormalPValue(-1.96), 0.04999579029644087, 1e-13);
    expect(twoSidedNormalPValue(0)).toBe(1);
    expect(twoSidedNormalPValue(NaN)).toBeNaN();
    expectRel(normalSurvival(3), 0.0013498980316300946, 1e-13); // 1 − Φ(3), A&S 26.1: Φ(3) = 0.99865 01019 68370
  });
});

describe('normal distribution invariants (property tests)', () => {
  it('Φ(Φ⁻¹(p)) = p across (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const back = normalCdf(normalQuantile(p));
        expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-13 * Math.max(p, 1e-3));
      }),
    );
  });

  it('Φ is monotone and Φ(x) + Φ(−x) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, dx) => {
        expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x));
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      }),
    );
  });
});
