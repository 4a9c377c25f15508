/**
 * Sorting dictionary entries by their text without a string comparator: the profile stages list
 * customers sorted by id (UTF-16 code-unit order, as pandas sorts strings).
 */
import { Dictionary, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
import type { LazyCodes } from '../stats/columns';
import { dictionaryVector } from '../table';

const TWO_32 = 2 ** 32;
const TWO_53 = 2 ** 53;
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * The dictionary codes `present` (ascending) reordered so their texts ascend (UTF-16 code-unit
 * order; equal texts keep code order).
 *
 * Fast path (ids such as `17850`, `SKU10001`, `C536365`): when the entries are ASCII bytes of a
 * small alphabet, each text becomes an exact integer key — its bytes read as digits in base
 * (alphabet size + 1), right-padded with 0 so that a prefix sorts first — and the keys are sorted
 * by a stable LSD radix sort (11-bit digits, constant digits skipped). Falls back to a comparator
 * over decoded strings when the entries are not ASCII or a key would reach 2^53.
 *
 * @example
 *   // dictionary ['9', '10', '1']
 *   idOrder(Int32Array.of(0, 1, 2), lazyCodes(t, 'customer')); // Int32Array [2, 1, 0] ('1' < '10' < '9')
 */
export function idOrder(present: Int32Array, lazy: LazyCodes): Int32Array {
  return keyedOrder(present, lazy) ?? comparatorOrder(present, lazy);
}

/**
 * The texts of `codes` as an Arrow Dictionary<Utf8, Int32> column with one entry per row
 * (row k = entry k), copied from the source dictionary's bytes when it has them.
 *
 * @example idVector(Int32Array.of(2, 0), lazyCodes(t, 'customer')).get(0); // the text of code 2
 */
export function idVector(codes: Int32Array, lazy: LazyCodes): Vector {
  const m = codes.length;
  const e = lazy.entries;
  const rows = iota(m);
  if (!e) return dictionaryVector({ codes: rows, dict: Array.from(codes, (c) => lazy.value(c)) });
  const { offsets, data } = e;
  const out = new Int32Array(m + 1);
  for (let k = 0; k < m; k++) out[k + 1] = out[k] + offsets[codes[k] + 1] - offsets[codes[k]];
  const bytes = new Uint8Array(out[m]);
  for (let k = 0; k < m; k++) {
    const s = offsets[codes[k]];
    const len = out[k + 1] - out[k];
    const o = out[k];
    if (len <= 16) for (let i = 0; i < len; i++) bytes[o + i] = data[s + i];
    else bytes.set(data.subarray(s, s + len), o);
  }
  const dictionary = makeVector(makeData({ type: new Utf8(), length: m, nullCount: 0, valueOffsets: out, data: bytes }));
  return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: m, nullCount: 0, data: rows, dictionary }));
}

/** The fast path of `idOrder`, or null when it does not apply. */
function keyedOrder(present: Int32Array, lazy: LazyCodes): Int32Array | null {
  const e = lazy.entries;
  if (!e || !e.ascii) return null;
  const { offsets, data } = e;
  const m = present.length;
  // alphabet and longest text over the present entries
  const used = new Uint8Array(128);
  let maxLen = 0;
  for (let k = 0; k < m; k++) {
    const c = present[k];
    const s = offsets[c];
    const end = offsets[c + 1];
    if (end - s > maxLen) maxLen = end - s;
    for (let i = s; i < end; i++) used[data[i]] = 1;
  }
  const rank = new Uint8Array(128);
  let base = 1; // digit 0 = past the end of a shorter text
  for (let b = 0; b < 128; b++) if (used[b]) rank[b] = base++;
  if (base ** maxLen >= TWO_53) return null;
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  let sorted = true;
  let prev = -1;
  for (let k = 0; k < m; k++) {
    const c = present[k];
    const s = offsets[c];
    const len = offsets[c + 1] - s;
    let key = 0;
    for (let i = 0; i < maxLen; i++) key = key * base + (i < len ? rank[data[s + i]] : 0);
    if (key < prev) sorted = false;
    prev = key;
    const h = Math.floor(key / TWO_32);
    hi[k] = h;
    lo[k] = key - h * TWO_32;
  }
  if (sorted) return present.slice();
  return radixOrder(present, hi, lo);
}

/** Stable LSD radix sort of `items` by the 64-bit keys (hi, lo); passes whose digit is constant are skipped. */
function radixOrder(items: Int32Array, hi: Uint32Array, lo: Uint32Array): Int32Array {
  const m = items.length;
  let idx: Int32Array = iota(m);
  let tmp: Int32Array = new Int32Array(m);
  const count = new Int32Array(RADIX);
  for (const [words, shifts] of [
    [lo, [0, 11, 22]],
    [hi, [0, 11]],
  ] as const) {
    for (const shift of shifts) {
      count.fill(0);
      for (let k = 0; k < m; k++) count[(words[k] >>> shift) & (RADIX - 1)]++;
      let constant = false;
      for (let d = 0; d < RADIX; d++) if (count[d] === m) constant = true;
      if (constant) continue;
      let sum = 0;
      for (let d = 0; d < RADIX; d++) {
        const c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (let k = 0; k < m; k++) {
        const j = idx[k];
        tmp[count[(words[j] >>> shift) & (RADIX - 1)]++] = j;
      }
      const swap = idx;
      idx = tmp;
      tmp = swap;
    }
  }
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = items[idx[k]];
  return out;
}

/** Comparator sort over the decoded texts (ties by code). */
function comparatorOrder(present: Int32Array, lazy: LazyCodes): Int32Array {
  const m = present.length;
  const ids = new Array<string>(m);
  for (let k = 0; k < m; k++) ids[k] = lazy.value(present[k]);
  let sorted = true;
  for (let k = 1; k < m && sorted; k++) sorted = ids[k - 1] < ids[k];
  if (sorted) return present.slice();
  const byId = iota(m);
  byId.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : present[a] - present[b]));
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = present[byId[k]];
  return out;
}

/** Int32Array [0, 1, …, m − 1]. */
function iota(m: number): Int32Array {
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) out[k] = k;
  return out;
}
