import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJornadaError } from '../../src/core/errors.js';
import {
  attributionPathsFromTable,
  customerPaths,
  markovAttributionAccumulator,
  parseAttributionPaths,
  safeParseAttributionPaths,
  type ConversionEvent,
} from '../../src/journey/index.js';

/** Runs `fn`; a throw must be a JornadaError whose issues all carry a path array. */
function acceptsOrExplains(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(isJornadaError(e)).toBe(true);
    if (isJornadaError(e)) {
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues.length).toBeGreaterThan(0);
      for (const issue of e.issues) expect(Array.isArray(issue.path)).toBe(true);
    }
  }
}

// Values shaped like attribution rows, with every field sometimes wrong.
const loosePath = fc.record(
  {
    touches: fc.oneof(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(''))), fc.anything()),
    conversions: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.anything()),
    value: fc.oneof(fc.double(), fc.anything()),
    nulls: fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 })),
    hoursToConversion: fc.oneof(fc.array(fc.double()), fc.anything()),
  },
  { requiredKeys: [] },
);
const looseRow = fc.record(
  {
    path: fc.oneof(fc.string(), fc.constantFrom('a > b', ' > ', 'a>>b', ''), fc.anything()),
    total_conversions: fc.oneof(fc.double(), fc.string(), fc.constantFrom('1', '-1', 'NaN', '1e400')),
    total_conversion_value: fc.oneof(fc.double(), fc.string()),
    total_null: fc.oneof(fc.integer(), fc.string(), fc.anything()),
    hours: fc.oneof(fc.string(), fc.constantFrom('1 > 0', 'x > 0', '')),
  },
  { requiredKeys: [] },
);

describe('fuzzing the journey entry points', () => {
  it('parseAttributionPaths accepts or explains anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(loosePath), fc.array(fc.anything())), (input) => {
        acceptsOrExplains(() => parseAttributionPaths(input));
        const safe = safeParseAttributionPaths(input);
        if (!safe.success) expect(isJornadaError(safe.error)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('attributionPathsFromTable accepts or explains anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(looseRow), fc.array(fc.anything())), (rows) => {
        acceptsOrExplains(() => attributionPathsFromTable(rows, { hoursColumn: 'hours' }));
      }),
      { numRuns: 400 },
    );
  });

  it('the Markov accumulator explains malformed paths and stays usable', () => {
    const acc = markovAttributionAccumulator();
    fc.assert(
      fc.property(fc.array(fc.oneof(loosePath, fc.anything()), { maxLength: 8 }), (paths) => {
        const state = acc.create();
        for (const p of paths) acceptsOrExplains(() => acc.add(state, p as never));
        const r = acc.result(state);
        for (const c of r.channels) expect(c.removalEffect >= 0 && c.removalEffect <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('customerPaths explains malformed conversions', () => {
    const looseConversion = fc.oneof(
      fc.anything(),
      fc.record(
        { customerId: fc.oneof(fc.string(), fc.anything()), at: fc.oneof(fc.date(), fc.anything()), value: fc.oneof(fc.double(), fc.anything()) },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(looseConversion, { maxLength: 5 }), (conversions) => {
        acceptsOrExplains(() => customerPaths([], conversions as ConversionEvent[]));
      }),
      { numRuns: 400 },
    );
  });
});
