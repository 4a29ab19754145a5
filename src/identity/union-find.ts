/**
 * Disjoint sets with union by size and path halving (internal): near-constant time per operation and
 * no recursion, so a long chain of links cannot overflow the stack.
 *
 * @module
 */

/**
 * Union-find over the integers 0…n−1.
 *
 * @internal
 */
export class DisjointSets {
  readonly parent: Int32Array;
  readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let i = x;
    while (p[i] !== i) {
      const grand = p[p[i] as number] as number;
      p[i] = grand;
      i = grand;
    }
    return i;
  }

  /** Joins the sets of `a` and `b` (roots given); returns the new root. */
  unionRoots(ra: number, rb: number): number {
    if (ra === rb) return ra;
    const s = this.size;
    const [big, small] = (s[ra] as number) >= (s[rb] as number) ? [ra, rb] : [rb, ra];
    this.parent[small] = big;
    s[big] = (s[big] as number) + (s[small] as number);
    return big;
  }
}
