/**
 * A small deterministic PRNG (mulberry32): the same seed always gives the same sequence, in every
 * runtime, so a failing re-chunking can be replayed from its seed.
 *
 * @example
 * const random = seededRandom(42); random(); // 0 ≤ x < 1, identical on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
