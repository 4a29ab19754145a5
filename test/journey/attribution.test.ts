import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  attributeFirstTouch,
  attributeLastTouch,
  attributeLinear,
  attributeMarkov,
  attributePositionBased,
  attributeTimeDecay,
  attributionModels,
  attributionPathsFromTable,
  markovAttributionAccumulator,
  type AttributionPath,
  type AttributionResult,
} from '../../src/journey/index.js';
import { readFixtureCsv } from './csv.js';

/** Credit of one channel under a result. */
function credit(result: AttributionResult, channel: string): { conversions: number; value: number } {
  const c = result.channels.find((x) => x.channel === channel);
  if (c === undefined) throw new Error(`no channel ${channel}`);
  return c;
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1e-300, Math.abs(expected)));
}

// ---------------------------------------------------------------------------------------------
// attribution_toy: six hand-made journeys with every model's expected value per channel
// (README: first/last/linear from ChannelAttribution 2.0.7, position-based as DP6, time decay
// continuous and stepwise, exact first-order Markov).
// ---------------------------------------------------------------------------------------------
const toyPaths = attributionPathsFromTable(readFixtureCsv('attribution_toy/toy_paths.csv'), { hoursColumn: 'time_to_conversion_hours' });
const toyExpected = readFixtureCsv('attribution_toy/expected_attribution.csv');

describe('attribution on attribution_toy (expected_attribution.csv)', () => {
  it('reads the six journeys', () => {
    expect(toyPaths).toHaveLength(6);
    expect(toyPaths[3]).toEqual({
      touches: ['Social', 'Search', 'Email', 'Direct'],
      conversions: 1,
      value: 200,
      nulls: 0,
      hoursToConversion: [240, 120, 24, 0],
    });
  });

  const columns: [string, () => AttributionResult][] = [
    ['first_touch_value', () => attributeFirstTouch(toyPaths)],
    ['last_touch_value', () => attributeLastTouch(toyPaths)],
    ['linear_value', () => attributeLinear(toyPaths)],
    ['position_based_40_20_40_value', () => attributePositionBased(toyPaths)],
    ['time_decay_halflife168h_continuous_value', () => attributeTimeDecay(toyPaths, { halfLifeHours: 168 })],
    ['time_decay_halflife168h_stepwise_floor_value', () => attributeTimeDecay(toyPaths, { halfLifeHours: 168, decay: 'stepwise' })],
    ['markov_attributed_value_by_conversion_RE', () => attributeMarkov(toyPaths)],
  ];
  for (const [column, run] of columns) {
    it(`matches ${column} for every channel`, () => {
      const result = run();
      for (const row of toyExpected) expectRelative(credit(result, row['channel']!).value, Number(row[column]), 1e-12);
    });
  }

  it('matches the Markov removal effects and attributed conversions', () => {
    const markov = attributeMarkov(toyPaths);
    for (const row of toyExpected) {
      const c = markov.channels.find((x) => x.channel === row['channel'])!;
      expectRelative(c.removalEffect, Number(row['markov_removal_effect']), 1e-12);
      expectRelative(c.conversions, Number(row['markov_attributed_conversions']), 1e-12);
    }
  });

  it('derives the removal effect of Email by hand', () => {
    // Chain from the six journeys (weight = conversions + nulls = 1 each):
    //   start → Email 2 (rows 1, 6), Social 3 (rows 2, 4, 5), Search 1 (row 3);
    //   Email → Search, conv, Direct, Social (1 each, rows 1, 2, 4, 6);
    //   Search → Direct, conv, Email (1 each, rows 1, 3, 4);
    //   Social → Email, Search, null, null (rows 2, 4, 5, 6); Direct → conv 2.
    // Conversion probabilities: h_D = 1, h_S = (2 + h_E)/3, h_So = (h_E + h_S)/4,
    // h_E = (2 + h_S + h_So)/4 ⇒ 20·h_E = 17: h_E = 17/20, h_S = 19/20, h_So = 9/20,
    // P = (2·17/20 + 3·9/20 + 19/20)/6 = 2/3.
    // Email removed (h_E = 0): h_S = 2/3, h_So = 1/6, P₋E = (3/6 + 2/3)/6 = 7/36,
    // RE_E = 1 − (7/36)/(2/3) = 17/24 = 0.708333… (the file's value).
    const markov = attributeMarkov(toyPaths);
    expectRelative(markov.conversionProbability, 2 / 3, 1e-14);
    expectRelative(markov.channels.find((c) => c.channel === 'Email')!.removalEffect, 17 / 24, 1e-14);
  });
});

// ---------------------------------------------------------------------------------------------
// ChannelAttribution's PathData (10,000 aggregated paths, 12 channels).
// ---------------------------------------------------------------------------------------------
const pathData = attributionPathsFromTable(readFixtureCsv('channelattribution_pathdata/PathData.csv'));

describe('attribution on ChannelAttribution PathData', () => {
  it('reads the documented totals', () => {
    // README: total_conversions sums to 19785, total_conversion_value to 74802.97, total_null to 68602.
    expect(pathData).toHaveLength(10_000);
    expect(pathData.reduce((s, p) => s + p.conversions, 0)).toBe(19785);
    // The README rounds the value sum to cents.
    expect(Math.abs(pathData.reduce((s, p) => s + p.value, 0) - 74802.97)).toBeLessThan(0.005);
    expect(pathData.reduce((s, p) => s + p.nulls, 0)).toBe(68602);
  });

  it('reproduces heuristic_models (expected_heuristic.csv) for every channel', () => {
    const first = attributeFirstTouch(pathData);
    const last = attributeLastTouch(pathData);
    const linear = attributeLinear(pathData);
    const rows = readFixtureCsv('channelattribution_pathdata/expected_heuristic.csv');
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const ch = row['channel_name']!;
      // First and last touch conversions are integer counts: exact.
      expect(credit(first, ch).conversions).toBe(Number(row['first_touch_conversions']));
      expect(credit(last, ch).conversions).toBe(Number(row['last_touch_conversions']));
      // The rest are sums of fractions, printed with 15 significant digits.
      expectRelative(credit(first, ch).value, Number(row['first_touch_value']), 1e-12);
      expectRelative(credit(last, ch).value, Number(row['last_touch_value']), 1e-12);
      expectRelative(credit(linear, ch).conversions, Number(row['linear_touch_conversions']), 1e-12);
      expectRelative(credit(linear, ch).value, Number(row['linear_touch_value']), 1e-12);
    }
  });

  it('reproduces the exact first-order removal effects with and without nulls to 1e-6', () => {
    const withNull = attributeMarkov(pathData);
    const noNull = attributeMarkov(pathData, { useNulls: false });
    const rows = readFixtureCsv('channelattribution_pathdata/expected_markov_exact_order1.csv');
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const ch = row['channel_name']!;
      const a = withNull.channels.find((c) => c.channel === ch)!;
      const b = noNull.channels.find((c) => c.channel === ch)!;
      expectRelative(a.removalEffect, Number(row['removal_effect_with_null']), 1e-6);
      expectRelative(a.conversions, Number(row['attributed_conversions_with_null']), 1e-6);
      expectRelative(b.removalEffect, Number(row['removal_effect_no_null']), 1e-6);
      expectRelative(b.conversions, Number(row['attributed_conversions_no_null']), 1e-6);
    }
    // 12 channels + start + conversion + null; without nulls every journey converts.
    expect(withNull.stateCount).toBe(15);
    expect(noNull.conversionProbability).toBeCloseTo(1, 12);
  });

  it("agrees with ChannelAttribution's simulation (seed 0, 2e6 draws) within its noise", () => {
    // The README: the simulation agrees with the exact values "within ~2 % relative for channels with
    // removal effect > 0.01". Measured on this file, the largest gap is gamma (exact RE 0.017880 vs
    // simulated 0.017500, 2.2 %; conversions 171.15 vs 166.87, 2.6 %), so the bound is 3 %.
    const exact = attributeMarkov(pathData);
    const rows = readFixtureCsv('channelattribution_pathdata/expected_markov_ca_simulated_seed0_nsim2e6.csv');
    let compared = 0;
    for (const row of rows) {
      const c = exact.channels.find((x) => x.channel === row['channel_name'])!;
      if (c.removalEffect <= 0.01) continue;
      compared++;
      expectRelative(c.removalEffect, Number(row['removal_effects_conversion']), 0.03);
      expectRelative(c.conversions, Number(row['total_conversions']), 0.03);
    }
    expect(compared).toBe(10);
  });

  it('gives the same exact removal effects from two merged accumulator states', () => {
    const acc = markovAttributionAccumulator();
    const first = pathData.slice(0, 5000).reduce((st, p) => acc.add(st, p), acc.create());
    const second = pathData.slice(5000).reduce((st, p) => acc.add(st, p), acc.create());
    const merged = acc.result(acc.merge(second, first));
    const rows = readFixtureCsv('channelattribution_pathdata/expected_markov_exact_order1.csv');
    for (const row of rows) {
      const c = merged.channels.find((x) => x.channel === row['channel_name'])!;
      expectRelative(c.removalEffect, Number(row['removal_effect_with_null']), 1e-6);
    }
    expect(() => acc.add(acc.create(), { touches: [], conversions: 1, value: 0, nulls: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => acc.merge(acc.create(), markovAttributionAccumulator({ useNulls: false }).create())).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('lays every model side by side', () => {
    const table = attributionModels(pathData);
    // PathData has no touch times, so time decay is skipped under `auto`.
    expect(table.models).toEqual(['first_touch', 'last_touch', 'linear', 'position_based', 'markov']);
    expect(table.rows.map((r) => r.channel).sort()).toEqual(
      ['alpha', 'beta', 'delta', 'epsilon', 'eta', 'gamma', 'iota', 'kappa', 'lambda', 'mi', 'theta', 'zeta'],
    );
    const alpha = table.rows.find((r) => r.channel === 'alpha')!;
    expect(alpha.conversions.first_touch).toBe(6308); // expected_heuristic.csv
    expectRelative(alpha.removalEffect, 0.558399489507747, 1e-6); // expected_markov_exact_order1.csv
    expect(() => attributionModels(pathData, { includeTimeDecay: true })).toThrow(/hoursToConversion/);
  });
});

describe('attribution by hand', () => {
  const twoPaths: AttributionPath[] = [
    { touches: ['social', 'email'], conversions: 1, value: 50, nulls: 0 },
    { touches: ['email'], conversions: 1, value: 30, nulls: 1 },
  ];

  it('computes the Markov removal effects of a two-path chain', () => {
    // start → social 1, email 2; social → email 1; email → conv 2, null 1.
    // h_email = 2/3, h_social = h_email = 2/3, P = (1·2/3 + 2·2/3)/3 = 2/3.
    // Without social: start → social → null, P = (2/3)·(2/3) = 4/9, RE = 1 − (4/9)/(2/3) = 1/3.
    // Without email: nothing converts, RE = 1. Shares 1/4 and 3/4 of 2 conversions and 80 of value.
    const r = attributeMarkov(twoPaths);
    expect(r.conversionProbability).toBeCloseTo(2 / 3, 14);
    expect(r.channels.map((c) => c.channel)).toEqual(['social', 'email']);
    expect(r.channels[0]!.removalEffect).toBeCloseTo(1 / 3, 14);
    expect(r.channels[1]!.removalEffect).toBeCloseTo(1, 14);
    expect(r.channels[0]!.conversions).toBeCloseTo(0.5, 14);
    expect(r.channels[1]!.value).toBeCloseTo(60, 12);
    expect(r.stateCount).toBe(5);
    // start→social, start→email, social→email, email→conv, email→null.
    expect(r.transitionCount).toBe(5);
  });

  it('gives self-loops no weight in first order', () => {
    // a > a > b converts like a > b: a self-loop does not change absorption probabilities.
    const looped = attributeMarkov([
      { touches: ['a', 'a', 'b'], conversions: 2, value: 0, nulls: 1 },
      { touches: ['b'], conversions: 0, value: 0, nulls: 2 },
    ]);
    const plain = attributeMarkov([
      { touches: ['a', 'b'], conversions: 2, value: 0, nulls: 1 },
      { touches: ['b'], conversions: 0, value: 0, nulls: 2 },
    ]);
    expect(looped.conversionProbability).toBeCloseTo(plain.conversionProbability, 14);
    for (let i = 0; i < 2; i++) expect(looped.channels[i]!.removalEffect).toBeCloseTo(plain.channels[i]!.removalEffect, 14);
  });

  it('credits nothing without conversions', () => {
    const r = attributeMarkov([{ touches: ['a', 'b'], conversions: 0, value: 0, nulls: 3 }]);
    expect(r.conversionProbability).toBe(0);
    expect(r.channels.map((c) => [c.removalEffect, c.conversions])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('splits position-based shares by the two-touch rule and custom shares', () => {
    // Two touches with 40/40 → 50/50; with 30/50 → 3/8 and 5/8.
    expect(attributePositionBased(twoPaths).channels).toEqual([
      { channel: 'social', conversions: 0.5, value: 25 },
      { channel: 'email', conversions: 1.5, value: 55 },
    ]);
    const custom = attributePositionBased([{ touches: ['a', 'b', 'c', 'd'], conversions: 1, value: 100, nulls: 0 }], {
      firstShare: 0.3,
      lastShare: 0.5,
    });
    // Middle touches share 1 − 0.3 − 0.5 = 0.2 equally: 0.1 each.
    const expected = [30, 10, 10, 50];
    custom.channels.forEach((c, i) => expect(c.value).toBeCloseTo(expected[i]!, 12));
    expect(() => attributePositionBased(twoPaths, { firstShare: 0.7, lastShare: 0.4 })).toThrow(/firstShare/);
  });

  it('weighs time decay by the half-life', () => {
    // Touches 24 h and 0 h before, half-life 24 h: weights 1/2 and 1 → shares 1/3, 2/3.
    const r = attributeTimeDecay([{ touches: ['a', 'b'], conversions: 3, value: 3, nulls: 0, hoursToConversion: [24, 0] }], { halfLifeHours: 24 });
    expect(r.channels[0]!.conversions).toBeCloseTo(1, 14);
    expect(r.channels[1]!.conversions).toBeCloseTo(2, 14);
    // Ancient touches do not underflow: 1e6 h apart at a 1 h half-life, the recent one takes all.
    const old = attributeTimeDecay([{ touches: ['a', 'b'], conversions: 1, value: 0, nulls: 0, hoursToConversion: [2e6, 1e6] }], {
      halfLifeHours: 1,
    });
    expect(old.channels[1]!.conversions).toBe(1);
  });

  it('reports bad input and options as JornadaError', () => {
    const noHours = [{ touches: ['a'], conversions: 1, value: 0, nulls: 0 }];
    let caught: unknown;
    try {
      attributeTimeDecay(noHours);
    } catch (e) {
      caught = e;
    }
    expect(isJornadaError(caught) && caught.code === 'INVALID_INPUT' && caught.issues[0]?.path).toEqual([0, 'hoursToConversion']);
    expect(() => attributeTimeDecay(noHours, { halfLifeHours: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => attributeLinear([{ touches: [], conversions: 1, value: 0, nulls: 0 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => attributeMarkov([{ touches: [], conversions: 1, value: 0, nulls: 0 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
