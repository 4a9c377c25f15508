/**
 * mulberry32: a tiny, fast, seeded 32-bit PRNG (public domain, Tommy Ettinger). Used for the SGD
 * mini-batch shuffles so that the same seed gives the same weights.
 *
 * @example
 *   const rand = mulberry32(42);
 *   rand(); // 0.6011037519201636 — a float in [0, 1), the same sequence for the same seed
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
 * In-place Fisher–Yates shuffle of `perm` driven by `rand` (from `mulberry32`).
 *
 * @example
 *   shuffleInPlace(Int32Array.of(0, 1, 2, 3), mulberry32(1)); // a permutation of 0..3, same for the same seed
 */
export function shuffleInPlace(perm: Int32Array, rand: () => number): Int32Array {
  for (let i = perm.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}
