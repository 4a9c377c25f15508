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

/**
 * Time-based split: the test set is the latest rows. With `cutoff`, test = rows whose time is ≥ cutoff;
 * otherwise the cutoff is the latest time value such that at least `testFraction` of the rows fall at or
 * after it (rows sharing a time value are never split apart). Default testFraction 0.25.
 * Returns a mask, 1 = test, 0 = train, and throws when either side would be empty.
 *
 * @example
 *   timeSplit(Float64Array.of(1, 2, 2, 3, 4), { testFraction: 0.3 }); // Uint8Array [0, 0, 0, 1, 1]
 *   timeSplit(months, { cutoff: 11 });                                // November and December are test
 */
export function timeSplit(times: ArrayLike<number>, opts: { testFraction?: number; cutoff?: number } = {}): Uint8Array {
  const n = times.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) throw new Error(`timeSplit: time at index ${i} is ${times[i]}, not a finite number`);
  }
  let cutoff = opts.cutoff;
  if (cutoff === undefined) {
    const testFraction = opts.testFraction ?? 0.25;
    if (!(testFraction > 0 && testFraction < 1)) throw new Error(`timeSplit: testFraction must be in (0, 1), got ${testFraction}`);
    const sorted = Float64Array.from(times).sort();
    // the value at the (1 − f) quantile position from the top: at least f·n rows are ≥ it
    cutoff = sorted[Math.max(0, n - Math.ceil(testFraction * n))];
  }
  const mask = new Uint8Array(n);
  let test = 0;
  for (let i = 0; i < n; i++) if (times[i] >= cutoff) (mask[i] = 1), test++;
  if (test === 0 || test === n) {
    throw new Error(`timeSplit: cutoff ${cutoff} puts ${test === 0 ? 'no' : 'every'} row in the test set; choose a cutoff inside the time range`);
  }
  return mask;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Month names (English, any case, 3 letters or longer: "Feb", "June", "September") → 1–12, for a
 * time-based split on a month column. An unknown name throws, naming the row.
 *
 * @example monthNumbers(['Feb', 'June', 'Dec']); // Float64Array [2, 6, 12]
 */
export function monthNumbers(names: ArrayLike<string | null>): Float64Array {
  const out = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const s = String(names[i] ?? '').trim().toLowerCase();
    const m = s.length >= 3 ? MONTHS.findIndex((full) => full.startsWith(s)) : -1;
    if (m < 0) {
      throw new Error(`monthNumbers: row ${i + 1}: \`${names[i]}\` is not a month name (expected Jan … Dec or January … December)`);
    }
    out[i] = m + 1;
  }
  return out;
}

/**
 * How a split divides the rows: one row per side with its rows, positives and positive rate — the table the
 * notebooks show under each split.
 *
 * @example splitSummary(Uint8Array.of(0, 0, 1), Uint8Array.of(1, 0, 1));
 *   // rows: {split: 'train', rows: 2, positives: 1, positiveRate: 0.5}, {split: 'test', rows: 1, positives: 1, positiveRate: 1}
 */
export function splitSummary(split: Uint8Array, y: Uint8Array): { split: string[]; rows: Float64Array; positives: Float64Array; positiveRate: Float64Array } {
  if (split.length !== y.length) throw new Error(`splitSummary: ${split.length} split flags but ${y.length} labels`);
  const rows = new Float64Array(2);
  const positives = new Float64Array(2);
  for (let i = 0; i < y.length; i++) {
    rows[split[i]]++;
    positives[split[i]] += y[i];
  }
  return { split: ['train', 'test'], rows, positives, positiveRate: Float64Array.from([0, 1], (k) => (rows[k] ? positives[k] / rows[k] : 0)) };
}
