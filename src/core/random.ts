/**
 * Seeded pseudo-random numbers (internal). The library never calls `Math.random`: sample data,
 * holdout groups and simulations draw from this generator so that the same seed gives the same output.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, public domain, as in
 * PractRand), seeded through splitmix32 so that nearby seeds give unrelated streams.
 *
 * @internal
 * @module
 */

/** A deterministic source of random numbers. */
export interface Random {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element chosen with the given non-negative weights (same length as `items`). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** A gamma draw with shape `k` > 0 and scale 1 (Marsaglia–Tsang). */
  gamma(k: number): number;
  /** An exponential draw with the given mean. */
  exponential(mean: number): number;
  /** A Poisson draw with mean `lambda` (inversion for small means, normal approximation above 50). */
  poisson(lambda: number): number;
  /** A new independent generator derived from this one and a label (for sub-streams). */
  fork(label: string | number): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a seeded generator. Integer seeds and string seeds (hashed) are both accepted. */
export function createRandom(seed: number | string): Random {
  const seed32 = typeof seed === 'number' ? (Math.trunc(seed) ^ Math.trunc(seed / 2 ** 32)) >>> 0 : hashString32(seed);
  const init = splitmix32(seed32);
  // State kept as signed 32-bit integers (`| 0`): V8 stores them unboxed, where unsigned values above
  // 2^31 would be heap numbers allocated on almost every draw. The output is the same sequence.
  let a = init() | 0;
  let b = init() | 0;
  let c = init() | 0;
  let d = init() | 0;
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32();
  let spareNormal: number | undefined;

  const rng: Random = {
    next: () => nextU32() / 4294967296,
    int: (min, max) => min + Math.floor((nextU32() / 4294967296) * (max - min + 1)),
    chance: (p) => nextU32() / 4294967296 < p,
    pick: (items) => {
      const item = items[Math.floor((nextU32() / 4294967296) * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty array');
      return item;
    },
    weighted: (items, weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let u = (nextU32() / 4294967296) * total;
      for (let i = 0; i < items.length; i++) {
        u -= weights[i] ?? 0;
        if (u < 0) return items[i] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    normal: () => {
      if (spareNormal !== undefined) {
        const s = spareNormal;
        spareNormal = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = nextU32() / 4294967296;
      const v = nextU32() / 4294967296;
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    gamma: (k) => {
      if (k < 1) {
        const u = 1 - nextU32() / 4294967296;
        return rng.gamma(k + 1) * Math.pow(u, 1 / k);
      }
      const dd = k - 1 / 3;
      const cc = 1 / Math.sqrt(9 * dd);
      for (;;) {
        let x: number;
        let v: number;
        do {
          x = rng.normal();
          v = 1 + cc * x;
        } while (v <= 0);
        v = v * v * v;
        const u = 1 - nextU32() / 4294967296;
        if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
        if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
      }
    },
    exponential: (mean) => -mean * Math.log(1 - nextU32() / 4294967296),
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = nextU32() / 4294967296;
      while (p > limit) {
        k++;
        p *= nextU32() / 4294967296;
      }
      return k;
    },
    fork: (label) => createRandom((nextU32() ^ hashString32(String(label))) >>> 0),
  };
  return rng;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units: stable across platforms and runs. */
export function hashString32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A stable number in [0, 1) from a string key (for deterministic holdout groups and sampling):
 * FNV-1a followed by a murmur3 finaliser so that similar keys spread evenly.
 */
export function hashToUnit(key: string): number {
  let h = hashString32(key);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
