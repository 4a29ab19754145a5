import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import type { Subscription } from '../../src/model/order.js';
import { kaplanMeier, kaplanMeierSurvivalAt, subscriptionLifetimes, type SurvivalObservation } from '../../src/value/index.js';

// Remission times (weeks) of leukaemia patients, Freireich et al. (1963), Blood 21(6):699–716, as
// reprinted in Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text" (3rd ed., 2012), ch. 2,
// and in Klein & Moeschberger, "Survival Analysis" (2nd ed., 2003), section 1.2 / Example 4.1.
// 6-MP group: 21 patients, 9 relapses; `false` marks a censored time.
const sixMp: SurvivalObservation[] = [
  [6, true], [6, true], [6, true], [6, false], [7, true], [9, false], [10, true], [10, false], [11, false],
  [13, true], [16, true], [17, false], [19, false], [20, false], [22, true], [23, true], [25, false],
  [32, false], [32, false], [34, false], [35, false],
].map(([t, e]) => ({ duration: t as number, event: e as boolean }));
// Placebo group: 21 patients, all relapsed.
const placebo: SurvivalObservation[] = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((t) => ({
  duration: t,
  event: true,
}));

describe('kaplanMeier', () => {
  it('reproduces the product-limit estimate and Greenwood standard errors of the 6-MP group', () => {
    // Klein & Moeschberger (2003), Table 4.1A: t, Ŝ(t), Greenwood SE. Every row was also recomputed
    // independently from the data above: Ŝ = Π(1 − d/n), SE = Ŝ·√Σ d/(n(n − d)), with (n, d) =
    // (21, 3), (17, 1), (15, 1), (12, 1), (11, 1), (7, 1), (6, 1).
    const table: [number, number, number][] = [
      [6, 0.857, 0.0764],
      [7, 0.807, 0.0869],
      [10, 0.753, 0.0963],
      [13, 0.69, 0.1068],
      [16, 0.627, 0.1141],
      [22, 0.538, 0.1282],
      [23, 0.448, 0.1346],
    ];
    const km = kaplanMeier(sixMp);
    expect(km.steps.map((s) => s.time)).toEqual(table.map((r) => r[0]));
    km.steps.forEach((s, i) => {
      const [, surv, se] = table[i] as [number, number, number];
      expect(s.survival.toFixed(3)).toBe(surv.toFixed(3));
      expect(s.standardError.toFixed(4)).toBe(se.toFixed(4));
    });
    // At-risk counts by hand: 21, 17, 15, 12, 11, 7, 6.
    expect(km.steps.map((s) => s.atRisk)).toEqual([21, 17, 15, 12, 11, 7, 6]);
    expect([km.observations, km.events, km.censored]).toEqual([21, 9, 12]);
    // Kleinbaum & Klein: median remission 23 weeks for 6-MP, 8 weeks for placebo.
    expect(km.medianLifetime).toBe(23);
    expect(kaplanMeier(placebo).medianLifetime).toBe(8);
  });

  it('gives intervals that contain the estimate and stay in [0, 1]', () => {
    for (const s of kaplanMeier(sixMp, { confidenceLevel: 0.9 }).steps) {
      expect(s.lower).toBeGreaterThanOrEqual(0);
      expect(s.lower).toBeLessThanOrEqual(s.survival);
      expect(s.upper).toBeGreaterThanOrEqual(s.survival);
      expect(s.upper).toBeLessThanOrEqual(1);
    }
  });

  it('reads the step function and leaves the median null when not reached', () => {
    const km = kaplanMeier(sixMp);
    expect(kaplanMeierSurvivalAt(km, 5.9)).toBe(1);
    expect(kaplanMeierSurvivalAt(km, 9)).toBeCloseTo(0.807, 3);
    // Stop following everyone at 16.5 weeks: Ŝ only falls to 0.627, so the median is not observable yet.
    const early = kaplanMeier(sixMp.map((o) => (o.duration > 16.5 ? { duration: 16.5, event: false } : o)));
    expect(early.steps.at(-1)?.survival.toFixed(3)).toBe('0.627');
    expect(early.medianLifetime).toBeNull();
  });

  it('rejects bad observations with a path', () => {
    for (const [bad, field] of [
      [{ duration: -1, event: true }, 'duration'],
      [{ duration: 2, event: 'yes' }, 'event'],
    ] as const) {
      try {
        kaplanMeier([{ duration: 1, event: true }, bad as never]);
        expect.unreachable();
      } catch (e) {
        expect(isJornadaError(e) && e.issues[0]?.path).toEqual([1, field]);
      }
    }
  });
});

describe('subscriptionLifetimes', () => {
  it('turns subscriptions into durations, censoring the active ones at asOf', () => {
    const s = (id: string, start: string, cancel?: string): Subscription => ({
      id,
      customerId: id,
      plan: 'p',
      period: { unit: 'month', count: 1 },
      startedAt: new Date(start),
      ...(cancel === undefined ? { status: 'active' as const } : { status: 'cancelled' as const, cancelledAt: new Date(cancel) }),
    });
    const obs = subscriptionLifetimes(
      [
        s('1', '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z'),
        s('2', '2026-01-01T00:00:00Z'),
        s('3', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'), // cancelled after asOf: censored
        s('4', '2026-02-01T00:00:00Z'), // starts after asOf: left out
      ],
      { asOf: '2026-01-29T00:00:00Z', unit: 'days' },
    );
    expect(obs).toEqual([
      { duration: 14, event: true },
      { duration: 28, event: false },
      { duration: 28, event: false },
    ]);
  });
});
