import { describe, expect, it } from 'vitest';
import { jaroSimilarity, jaroWinkler } from '../../src/identity/index.js';

// Reference values: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in the
// Fellegi-Sunter Model of Record Linkage", Proc. Section on Survey Research Methods, ASA, 1990, and the
// comparison table repeated in Winkler, "Advanced Methods for Record Linkage", 1994 (columns "Jaro" and
// "Winkler"), three decimals. The pairs where the table prints 0.000 (HARDIN/MARTINEZ, ITMAN/SMITH,
// JON/JAN) come from the Census strcmp95 program, which zeroes low agreement; plain Jaro–Winkler does
// not, so those rows are not used.
const TABLE: Array<[string, string, number, number]> = [
  ['SHACKLEFORD', 'SHACKELFORD', 0.970, 0.982],
  ['DUNNINGHAM', 'CUNNIGHAM', 0.896, 0.896],
  ['NICHLESON', 'NICHULSON', 0.926, 0.956],
  ['JONES', 'JOHNSON', 0.790, 0.832],
  ['MASSEY', 'MASSIE', 0.889, 0.933],
  ['ABROMS', 'ABRAMS', 0.889, 0.922],
  ['JERALDINE', 'GERALDINE', 0.926, 0.926],
  ['MARHTA', 'MARTHA', 0.944, 0.961],
  ['MICHELLE', 'MICHAEL', 0.869, 0.921],
  ['JULIES', 'JULIUS', 0.889, 0.933],
  ['TANYA', 'TONYA', 0.867, 0.880],
  ['DWAYNE', 'DUANE', 0.822, 0.840],
  ['SEAN', 'SUSAN', 0.783, 0.805],
  ['JON', 'JOHN', 0.917, 0.933],
];

describe('Jaro and Jaro–Winkler', () => {
  it.each(TABLE)('%s / %s: Jaro %f, Jaro–Winkler %f (Winkler 1990/1994)', (a, b, jaro, jw) => {
    expect(jaroSimilarity(a, b)).toBeCloseTo(jaro, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 3);
    // Symmetric.
    expect(jaroWinkler(b, a)).toBeCloseTo(jw, 3);
  });

  it('DIXON / DICKSONX: 0.767 and 0.813 (Winkler 1990, also in the Wikipedia article)', () => {
    expect(jaroSimilarity('DIXON', 'DICKSONX')).toBeCloseTo(0.767, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
  });

  it('MARTHA / MARHTA worked by hand', () => {
    // m = 6, transpositions: T/H and H/T out of order → t = 2/2 = 1. Jaro = (6/6 + 6/6 + 5/6)/3 = 17/18.
    // Prefix MAR (ℓ = 3): 17/18 + 3·0.1·(1/18) = 0.96111…
    expect(jaroSimilarity('MARTHA', 'MARHTA')).toBeCloseTo(17 / 18, 12);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(17 / 18 + 0.3 / 18, 12);
  });

  it('handles edge cases', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('A', '')).toBe(0);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('ANA', 'ANA')).toBe(1);
    // Below the boost threshold the prefix bonus is not applied: Jaro of ITMAN/SMITH is 0.467.
    expect(jaroWinkler('ITMAN', 'SMITH')).toBeCloseTo(0.467, 3);
    // Without a threshold and with p = 0.25, ℓ = 4 can reach at most 1.
    expect(jaroWinkler('ABCDX', 'ABCDY', { prefixScale: 0.25, boostThreshold: 0 })).toBeLessThanOrEqual(1);
    expect(() => jaroWinkler('a', 'b', { prefixScale: 0.3 })).toThrow();
    expect(() => jaroWinkler('a', 'b', { maxPrefix: -1 })).toThrow();
  });
});
