import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../../src/core/errors.js';
import {
  bgBbProbabilityAlive,
  bgBbPurchaseCountProbability,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitSbg,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  sbgSurvival,
  type BgBbModel,
  type BgNbdModel,
  type MbgNbdModel,
  type ParetoNbdModel,
} from '../../../src/value/probabilistic/index.js';

const positive = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const bgParams = fc.record({ r: positive(0.01, 20), alpha: positive(0.01, 500), a: positive(0.01, 20), b: positive(0.01, 20) });
const pnbdParams = fc.record({ r: positive(0.01, 20), alpha: positive(0.01, 500), s: positive(0.01, 20), beta: positive(0.01, 500) });
const customer = fc
  .record({ frequency: fc.integer({ min: 0, max: 500 }), T: positive(0.01, 2000), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ frequency, T, share }) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));

describe('properties of the continuous-time models', () => {
  it('probability alive is in [0, 1] and predictions are finite for any parameters and history', () => {
    fc.assert(
      fc.property(bgParams, pnbdParams, customer, (bp, pp, c) => {
        const bg: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: bp };
        const mbg: MbgNbdModel = { model: 'mbg-nbd', unit: 'weeks', params: bp };
        const pn: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: pp };
        for (const p of [bgNbdProbabilityAlive(bg, c), mbgNbdProbabilityAlive(mbg, c)]) expect(p >= 0 && p <= 1).toBe(true);
        try {
          const p = paretoNbdProbabilityAlive(pn, c);
          expect(p >= 0 && p <= 1).toBe(true);
        } catch (e) {
          // the only allowed failure is a clear NUMERIC error (₂F₁ not summable), never NaN
          expect(isJornadaError(e) && e.code).toBe('NUMERIC');
        }
        const v = bgNbdConditionalExpectedPurchases(bg, c, { weeks: 52 });
        expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('expected purchases are non-decreasing in the horizon', () => {
    fc.assert(
      fc.property(bgParams, pnbdParams, customer, positive(0.1, 200), positive(0.1, 200), (bp, pp, c, t1, dt) => {
        const bg: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: bp };
        const mbg: MbgNbdModel = { model: 'mbg-nbd', unit: 'weeks', params: bp };
        const pn: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: pp };
        const tol = 1e-9;
        expect(bgNbdExpectedPurchases(bg, { weeks: t1 + dt })).toBeGreaterThanOrEqual(bgNbdExpectedPurchases(bg, { weeks: t1 }) * (1 - tol));
        expect(bgNbdConditionalExpectedPurchases(bg, c, { weeks: t1 + dt })).toBeGreaterThanOrEqual(bgNbdConditionalExpectedPurchases(bg, c, { weeks: t1 }) * (1 - tol));
        expect(mbgNbdConditionalExpectedPurchases(mbg, c, { weeks: t1 + dt })).toBeGreaterThanOrEqual(mbgNbdConditionalExpectedPurchases(mbg, c, { weeks: t1 }) * (1 - tol));
        expect(paretoNbdExpectedPurchases(pn, { weeks: t1 + dt })).toBeGreaterThanOrEqual(paretoNbdExpectedPurchases(pn, { weeks: t1 }) * (1 - tol));
        try {
          const a = paretoNbdConditionalExpectedPurchases(pn, c, { weeks: t1 });
          const b = paretoNbdConditionalExpectedPurchases(pn, c, { weeks: t1 + dt });
          expect(b).toBeGreaterThanOrEqual(a * (1 - tol));
        } catch (e) {
          expect(isJornadaError(e) && e.code).toBe('NUMERIC');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scaling the time unit leaves predictions unchanged (weeks model vs the same model in days)', () => {
    fc.assert(
      fc.property(bgParams, customer, positive(0.1, 100), (bp, c, t) => {
        const weeks: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: bp };
        const days: BgNbdModel = { model: 'bg-nbd', unit: 'days', params: { ...bp, alpha: bp.alpha * 7 } };
        const cDays = { frequency: c.frequency, recency: c.recency * 7, T: c.T * 7 };
        expect(bgNbdProbabilityAlive(days, cDays)).toBeCloseTo(bgNbdProbabilityAlive(weeks, c), 9);
        const a = bgNbdConditionalExpectedPurchases(weeks, c, { weeks: t });
        const b = bgNbdConditionalExpectedPurchases(days, cDays, { days: 7 * t });
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
      }),
      { numRuns: 150 },
    );
  });

  it('scaling the time unit leaves Pareto/NBD predictions unchanged too', () => {
    fc.assert(
      fc.property(pnbdParams, customer, positive(0.1, 100), (pp, c, t) => {
        const weeks: ParetoNbdModel = { model: 'pareto-nbd', unit: 'weeks', params: pp };
        const days: ParetoNbdModel = { model: 'pareto-nbd', unit: 'days', params: { ...pp, alpha: pp.alpha * 7, beta: pp.beta * 7 } };
        const cDays = { frequency: c.frequency, recency: c.recency * 7, T: c.T * 7 };
        expect(paretoNbdProbabilityAlive(days, cDays)).toBeCloseTo(paretoNbdProbabilityAlive(weeks, c), 8);
        const a = paretoNbdConditionalExpectedPurchases(weeks, c, { weeks: t });
        const b = paretoNbdConditionalExpectedPurchases(days, cDays, { days: 7 * t });
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * Math.max(1, a));
      }),
      { numRuns: 150 },
    );
  });

  it('P(X(t) = n) sums to 1 over a long enough range', () => {
    fc.assert(
      fc.property(
        fc.record({ r: positive(0.05, 5), alpha: positive(0.5, 50), a: positive(0.05, 5), b: positive(0.05, 5) }),
        positive(0.1, 52),
        (bp, t) => {
          const bg: BgNbdModel = { model: 'bg-nbd', unit: 'weeks', params: bp };
          let sum = 0;
          for (let n = 0; n < 3000; n++) {
            const p = bgNbdPurchaseCountProbability(bg, n, { weeks: t });
            expect(p >= 0 && p <= 1).toBe(true);
            sum += p;
            if (n > 20 && p < 1e-16) break;
          }
          expect(sum).toBeCloseTo(1, 6);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('properties of the discrete-time models', () => {
  const bbParams = fc.record({ alpha: positive(0.01, 20), beta: positive(0.01, 20), gamma: positive(0.01, 20), delta: positive(0.01, 20) });
  it('BG/BB: PMF sums to 1 and P(alive) is in [0, 1]', () => {
    fc.assert(
      fc.property(bbParams, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (p, n, xi, ti) => {
        const m: BgBbModel = { model: 'bg-bb', params: p };
        let sum = 0;
        for (let x = 0; x <= n; x++) sum += bgBbPurchaseCountProbability(m, x, n);
        expect(sum).toBeCloseTo(1, 9);
        const x = xi % (n + 1);
        const tx = x === 0 ? 0 : x + (ti % (n - x + 1));
        const alive = bgBbProbabilityAlive(m, { frequency: x, recency: tx, periods: n });
        expect(alive >= 0 && alive <= 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sBG: survival is non-increasing and in [0, 1]', () => {
    fc.assert(
      fc.property(positive(0.01, 50), positive(0.01, 50), fc.integer({ min: 1, max: 200 }), (gamma, delta, t) => {
        const m = { model: 'sbg', params: { gamma, delta } } as const;
        const a = sbgSurvival(m, t - 1);
        const b = sbgSurvival(m, t);
        expect(b <= a * (1 + 1e-12) && b >= 0 && a <= 1).toBe(true);
      }),
    );
  });
});

describe('fuzzing the fit entry points: bad input gives a JornadaError with a path, never a crash', () => {
  it('fitBgBb and fitSbg', () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.double(), fc.integer({ min: -3, max: 8 }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ frequency: junk, recency: junk, periods: junk, weight: junk }, { requiredKeys: [] }), { minLength: 1, maxLength: 5 }),
        fc.array(junk, { minLength: 0, maxLength: 6 }),
        (patterns, survivors) => {
          for (const fit of [() => fitBgBb(patterns as never, { allowNotConverged: true }), () => fitSbg(survivors as never, { allowNotConverged: true })]) {
            try {
              fit();
            } catch (e) {
              expect(isJornadaError(e)).toBe(true);
              if (isJornadaError(e) && e.code === 'INVALID_INPUT') expect(e.issues.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.double(), fc.integer({ min: -5, max: 5 }), fc.constant(NaN), fc.constant(-1));
  it('fitBgNbd and fitGammaGamma', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ frequency: junk, recency: junk, T: junk, monetaryValue: junk }, { requiredKeys: [] }), { minLength: 1, maxLength: 5 }), (rows) => {
        for (const fit of [() => fitBgNbd(rows as never, { unit: 'weeks', allowNotConverged: true }), () => fitGammaGamma(rows as never, { allowNotConverged: true })]) {
          try {
            fit();
          } catch (e) {
            expect(isJornadaError(e)).toBe(true);
            if (isJornadaError(e) && e.code === 'INVALID_INPUT') expect(e.issues[0]?.path.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
