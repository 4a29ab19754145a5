import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/core/show-value.js';

describe('showValue', () => {
  it('shows primitives as they are and strings quoted and cut at 60 characters', () => {
    expect(showValue(3.5)).toBe('3.5');
    expect(showValue(Number.NaN)).toBe('NaN');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(10n)).toBe('10');
    expect(showValue('abc')).toBe('"abc"');
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`);
  });
  it('never calls a hostile toString, valueOf or getter, and never throws', () => {
    const hostile = { toString: {}, valueOf: () => { throw new Error('no'); } };
    expect(showValue(hostile)).toBe('an object');
    expect(showValue(Object.create(null))).toBe('an object');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => showValue(revoked.proxy)).not.toThrow();
    expect(showValue([1])).toBe('an array');
    expect(showValue(() => 1)).toBe('a function');
    expect(showValue(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(showValue(new Date(Number.NaN))).toBe('Invalid Date');
  });
});
