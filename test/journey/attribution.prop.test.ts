import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveLinearSystem } from '../../src/core/linear.js';
import {
  attributeFirstTouch,
  attributeLastTouch,
  attributeLinear,
  attributeMarkov,
  attributePositionBased,
  attributeTimeDecay,
  attributionModels,
  markovAttributionAccumulator,
  type AttributionPath,
  type AttributionResult,
} from '../../src/journey/index.js';

const channel = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const pathArb: fc.Arbitrary<AttributionPath> = fc
  .record({
    touches: fc.array(channel, { minLength: 1, maxLength: 7 }),
    conversions: fc.integer({ min: 0, max: 5 }),
    value: fc.double({ min: 0, max: 1000, noNaN: true }),
    nulls: fc.integer({ min: 0, max: 5 }),
    seed: fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ touches, conversions, value, nulls, seed }) => ({
    touches,
    conversions,
    value: conversions > 0 ? value : 0,
    nulls,
    // Hours to conversion: the last touch 0 h before, each earlier one older by a random gap.
    hoursToConversion: touches.map((_, i) => seed.slice(i, touches.length - 1).reduce((sum, h) => sum + h, 0)),
  }));
const pathsArb = fc.array(pathArb, { minLength: 1, maxLength: 25 });

function sums(r: AttributionResult): { conversions: number; value: number } {
  return r.channels.reduce((s, c) => ({ conversions: s.conversions + c.conversions, value: s.value + c.value }), { conversions: 0, value: 0 });
}

function totals(paths: readonly AttributionPath[]): { conversions: number; value: number } {
  return paths.reduce((s, p) => ({ conversions: s.conversions + p.conversions, value: s.value + p.value }), { conversions: 0, value: 0 });
}

function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Oracle: the conversion probability of the first-order chain with the channels in `removed` sent to
 * null, by solving (I − Q)·h = r on the remaining states directly (no fundamental-matrix shortcut).
 */
function conversionProbability(paths: readonly AttributionPath[], removed: string | undefined): number {
  const names = [...new Set(paths.flatMap((p) => p.touches))].filter((c) => c !== removed);
  const idx = new Map(names.map((c, i) => [c, i]));
  const n = names.length;
  const counts = names.map(() => new Map<string, number>());
  const start = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, w: number): void => void m.set(k, (m.get(k) ?? 0) + w);
  for (const p of paths) {
    const w = p.conversions + p.nulls;
    if (w === 0) continue;
    add(start, p.touches[0]!, w);
    p.touches.forEach((t, i) => {
      if (t === removed) return;
      const row = counts[idx.get(t)!]!;
      if (i + 1 < p.touches.length) add(row, p.touches[i + 1]!, w);
      else {
        add(row, '(conversion)', p.conversions);
        add(row, '(null)', p.nulls);
      }
    });
  }
  const a = new Float64Array(n * n);
  const r = new Float64Array(n);
  const active: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const row = counts[i]!;
    const total = [...row.values()].reduce((s, v) => s + v, 0);
    a[i * n + i] = 1;
    active.push(total > 0);
    if (total === 0) continue;
    for (const [to, c] of row) {
      if (to === '(conversion)') r[i] = c / total;
      else if (idx.has(to)) a[i * n + idx.get(to)!]! -= c / total;
    }
  }
  const h = n > 0 ? solveLinearSystem(a, r) : new Float64Array(0);
  const startTotal = [...start.values()].reduce((s, v) => s + v, 0);
  let p = 0;
  for (const [c, w] of start) if (idx.has(c)) p += (w / startTotal) * h[idx.get(c)!]!;
  return p;
}

describe('attribution invariants', () => {
  it('every model credits exactly the total conversions and value', () => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        const t = totals(paths);
        const results = [
          attributeFirstTouch(paths),
          attributeLastTouch(paths),
          attributeLinear(paths),
          attributePositionBased(paths),
          attributePositionBased(paths, { firstShare: 0.3, lastShare: 0.1 }),
          attributeTimeDecay(paths),
          attributeTimeDecay(paths, { halfLifeHours: 3, decay: 'stepwise' }),
        ];
        for (const r of results) {
          const s = sums(r);
          expect(close(s.conversions, t.conversions)).toBe(true);
          expect(close(s.value, t.value)).toBe(true);
          expect(r.channels.every((c) => c.conversions >= 0 && c.value >= 0)).toBe(true);
        }
        const markov = attributeMarkov(paths);
        const ms = sums(markov);
        // With at least one conversion the credits add up to the totals; without, everything is 0.
        expect(close(ms.conversions, t.conversions)).toBe(true);
        if (t.conversions > 0) expect(close(ms.value, t.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('removal effects lie in [0, 1] and equal a direct re-solve of the chain without the channel', () => {
    fc.assert(
      fc.property(pathsArb, fc.boolean(), (paths, useNulls) => {
        const r = attributeMarkov(paths, { useNulls });
        const input = useNulls ? paths : paths.map((p) => ({ ...p, nulls: 0 }));
        const p = conversionProbability(input, undefined);
        expect(close(r.conversionProbability, p, 1e-9)).toBe(true);
        for (const c of r.channels) {
          expect(c.removalEffect).toBeGreaterThanOrEqual(0);
          expect(c.removalEffect).toBeLessThanOrEqual(1);
          const expected = p > 0 ? 1 - conversionProbability(input, c.channel) / p : 0;
          expect(Math.abs(c.removalEffect - expected)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('results do not depend on path order, and Markov not on splitting a path into two with the same counts', () => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        const reversed = [...paths].reverse();
        const byChannel = (r: AttributionResult): Record<string, number> => Object.fromEntries(r.channels.map((c) => [c.channel, c.conversions]));
        for (const model of [attributeLinear, attributePositionBased, attributeMarkov] as const) {
          const a = byChannel(model(paths));
          const b = byChannel(model(reversed));
          for (const k of Object.keys(a)) expect(close(a[k]!, b[k]!)).toBe(true);
        }
        const first = paths[0]!;
        const split = [
          { ...first, conversions: first.conversions / 2, value: first.value / 2, nulls: first.nulls / 2 },
          { ...first, conversions: first.conversions / 2, value: first.value / 2, nulls: first.nulls / 2 },
          ...paths.slice(1),
        ];
        const m1 = attributeMarkov(paths);
        const m2 = attributeMarkov(split);
        expect(close(m1.conversionProbability, m2.conversionProbability)).toBe(true);
        m1.channels.forEach((c, i) => expect(Math.abs(c.removalEffect - m2.channels[i]!.removalEffect)).toBeLessThan(1e-12));
      }),
      { numRuns: 100 },
    );
  });

  it('the side-by-side table carries each model’s credits', () => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        const t = attributionModels(paths);
        expect(t.models).toContain('time_decay');
        for (const model of t.models) {
          const total = t.rows.reduce((s, r) => s + (r.conversions[model] ?? 0), 0);
          expect(close(total, t.totalConversions)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('the Markov accumulator, split and merged in any order (and through JSON), equals attributeMarkov', () => {
    fc.assert(
      fc.property(pathsArb, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }), fc.boolean(), (paths, parts, useNulls) => {
        const acc = markovAttributionAccumulator({ useNulls });
        const states = [acc.create(), acc.create(), acc.create(), acc.create()];
        paths.forEach((p, i) => acc.add(states[parts[i]!]!, p));
        const revived = states.map((st) => JSON.parse(JSON.stringify(st)) as typeof st);
        const merged = acc.merge(acc.merge(revived[3]!, revived[1]!), acc.merge(revived[2]!, revived[0]!));
        const fromParts = acc.result(merged);
        const direct = attributeMarkov(paths, { useNulls });
        expect(merged.paths).toBe(paths.length);
        expect(close(fromParts.conversionProbability, direct.conversionProbability)).toBe(true);
        expect(fromParts.stateCount).toBe(direct.stateCount);
        expect(fromParts.transitionCount).toBe(direct.transitionCount);
        for (const c of direct.channels) {
          const other = fromParts.channels.find((x) => x.channel === c.channel)!;
          expect(Math.abs(other.removalEffect - c.removalEffect)).toBeLessThan(1e-12);
          expect(close(other.conversions, c.conversions)).toBe(true);
          expect(close(other.value, c.value)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
