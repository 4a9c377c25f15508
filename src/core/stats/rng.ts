/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same sequence everywhere.
 */

/**
 * A seeded generator of floats in [0, 1) — mulberry32, 32-bit state, period 2³².
 * The seed is taken as a 32-bit integer.
 *
 * @example
 *   const rand = mulberry32(42);
 *   rand(); // 0.6011037519201636 (always, for seed 42)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffle an Int32Array in place (Fisher–Yates) with the given generator; returns it.
 *
 * @example shuffle(Int32Array.of(0, 1, 2, 3), mulberry32(1));
 */
export function shuffle(a: Int32Array, rand: () => number): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
