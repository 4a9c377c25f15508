/**
 * Stratified train/test split.
 */
import { mulberry32, shuffle } from './rng';

/**
 * Mark a test set that keeps the class balance: within each class (0 and 1) the indices are
 * shuffled with `mulberry32(seed)` and the first round(testFraction × class size) become test.
 * Defaults: testFraction 0.25, seed 42. Returns a mask, 1 = test, 0 = train.
 *
 * @example
 *   const test = stratifiedSplit(y);                       // 25 % per class, seed 42
 *   stratifiedSplit(y, { testFraction: 0.2, seed: 7 });
 */
export function stratifiedSplit(y: Uint8Array, opts: { testFraction?: number; seed?: number } = {}): Uint8Array {
  const testFraction = opts.testFraction ?? 0.25;
  const seed = opts.seed ?? 42;
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new Error(`stratifiedSplit: testFraction must be in [0, 1], got ${testFraction}`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) throw new Error(`stratifiedSplit: labels must be 0 or 1, got ${y[i]} at index ${i}`);
  }
  const rand = mulberry32(seed);
  const mask = new Uint8Array(y.length);
  for (const cls of [0, 1]) {
    let count = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === cls) count++;
    const idx = new Int32Array(count);
    for (let i = 0, k = 0; i < y.length; i++) if (y[i] === cls) idx[k++] = i;
    shuffle(idx, rand);
    const nTest = Math.round(testFraction * count);
    for (let k = 0; k < nTest; k++) mask[idx[k]] = 1;
  }
  return mask;
}
