import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, hashString32, hashToUnit } from '../../src/core/random.js';

describe('createRandom', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, label) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        const xs = Array.from({ length: 8 }, () => a.next());
        expect(Array.from({ length: 8 }, () => b.next())).toEqual(xs);
        expect(createRandom(seed).fork(label).next()).toBe(createRandom(seed).fork(label).next());
      }),
      { numRuns: 100 },
    );
    expect(createRandom(1).next()).not.toBe(createRandom(2).next());
  });

  it('draws floats in [0, 1) and integers in the closed range asked', () => {
    const r = createRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(-3, 3);
      expect(Number.isInteger(k) && k >= -3 && k <= 3).toBe(true);
    }
  });

  // Moments checked against the distributions' known means and variances; with n = 200,000 the
  // standard error of a mean is sd/√n ≈ 0.0022·sd, so a tolerance of 0.02·sd is about 9 standard errors.
  const n = 200_000;
  const moments = (draw: () => number): [number, number] => {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    return [mean, s2 / n - mean * mean];
  };

  it('uniform: mean 1/2, variance 1/12', () => {
    const r = createRandom(11);
    const [m, v] = moments(() => r.next());
    expect(Math.abs(m - 0.5)).toBeLessThan(0.02 * Math.sqrt(1 / 12));
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.02 / 12);
  });

  it('normal: mean 0, variance 1', () => {
    const r = createRandom(12);
    const [m, v] = moments(() => r.normal());
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
  });

  it('gamma(k): mean k, variance k, for k below and above 1', () => {
    for (const k of [0.4, 2.5]) {
      const r = createRandom(13);
      const [m, v] = moments(() => r.gamma(k));
      expect(Math.abs(m - k)).toBeLessThan(0.02 * Math.sqrt(k));
      expect(Math.abs(v - k) / k).toBeLessThan(0.05);
    }
  });

  it('poisson(λ): mean λ, variance λ', () => {
    for (const lambda of [0.7, 12]) {
      const r = createRandom(14);
      const [m, v] = moments(() => r.poisson(lambda));
      expect(Math.abs(m - lambda)).toBeLessThan(0.02 * Math.sqrt(lambda));
      expect(Math.abs(v - lambda) / lambda).toBeLessThan(0.05);
    }
  });

  it('weighted picks in proportion to the weights', () => {
    const r = createRandom(15);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < n; i++) counts[r.weighted(['a', 'b', 'c'] as const, [1, 2, 7])]++;
    expect(Math.abs(counts.a / n - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(counts.c / n - 0.7)).toBeLessThan(0.005);
  });
});

describe('stable hashes', () => {
  it('FNV-1a 32 matches its published test vectors', () => {
    // Test vectors of the FNV reference (Fowler/Noll/Vo): FNV-1a 32 of "" and "a" and "foobar".
    expect(hashString32('')).toBe(0x811c9dc5);
    expect(hashString32('a')).toBe(0xe40c292c);
    expect(hashString32('foobar')).toBe(0xbf9cf968);
  });
  it('hashToUnit spreads keys evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = hashToUnit(`rule-1:customer-${i}`);
      expect(u >= 0 && u < 1).toBe(true);
      buckets[Math.floor(u * 10)]!++;
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});
