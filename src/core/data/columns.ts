/**
 * Null-aware Arrow vector builders over typed arrays (the shared `table.ts` builders do not take
 * nulls for numbers). NaN marks a null in every Float64Array input here.
 *
 * @example
 *   float64Vector(Float64Array.of(1, NaN, 3)).toArray(); // Float64Array [1, 0, 3], nullCount 1
 */
import { Bool, Dictionary, Float64, Int32, TimestampMillisecond, Utf8, Vector, makeData, makeVector } from 'apache-arrow';

/** Validity bitmap for `isValid`, or null when every entry is valid. Returns [bitmap, nullCount]. */
export function validity(n: number, isValid: (i: number) => boolean): [Uint8Array | null, number] {
  const bits = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    if (isValid(i)) bits[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return [nulls ? bits : null, nulls];
}

function nanBitmap(values: Float64Array): [Uint8Array | null, number] {
  const n = values.length;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] !== values[i]) nulls++;
  if (!nulls) return [null, 0];
  const bits = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i] === values[i]) bits[i >> 3] |= 1 << (i & 7);
  return [bits, nulls];
}

/**
 * Float64 vector; NaN entries become nulls (their slot holds 0). With `inPlace` the 0s are
 * written into `values` itself (no copy) when there are nulls.
 *
 * @example
 *   float64Vector(Float64Array.of(2.5, NaN)).get(1); // null
 */
export function float64Vector(values: Float64Array, inPlace = false): Vector {
  const [nullBitmap, nullCount] = nanBitmap(values);
  let data = values;
  if (nullCount) {
    if (!inPlace) data = values.slice();
    for (let i = 0; i < data.length; i++) if (data[i] !== data[i]) data[i] = 0;
  }
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap, data }));
}

/**
 * TimestampMillisecond (UTC) vector from epoch milliseconds; NaN entries become nulls.
 * Writes the int64 words directly (no BigInt per row). With `inPlace` the words are written over
 * `ms` itself (no second array; `ms` no longer holds milliseconds afterwards).
 *
 * @example
 *   timestampVector(Float64Array.of(0, 86_400_000)).get(1); // 86400000
 */
export function timestampVector(ms: Float64Array, inPlace = false): Vector {
  const n = ms.length;
  const [nullBitmap, nullCount] = nanBitmap(ms);
  const big = inPlace ? new BigInt64Array(ms.buffer, ms.byteOffset, n) : new BigInt64Array(n);
  const words = new Int32Array(big.buffer, big.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    const v = ms[i];
    if (v !== v) {
      words[2 * i] = 0;
      words[2 * i + 1] = 0;
      continue;
    }
    const t = Math.round(v);
    const hi = Math.floor(t / 4294967296);
    words[2 * i] = (t - hi * 4294967296) | 0;
    words[2 * i + 1] = hi | 0;
  }
  return makeVector(
    makeData({ type: new TimestampMillisecond(), length: n, nullCount, nullBitmap, data: big as never }),
  );
}

/**
 * Bool vector from bytes: 1 = true, 0 = false, 2 = null.
 *
 * @example
 *   boolVector(Uint8Array.of(1, 0, 2)).get(2); // null
 */
export function boolVector(flags: Uint8Array): Vector {
  const n = flags.length;
  const values = new Uint8Array((n + 7) >> 3);
  const valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f === 2) {
      nullCount++;
      continue;
    }
    valid[i >> 3] |= 1 << (i & 7);
    if (f) values[i >> 3] |= 1 << (i & 7);
  }
  return makeVector(
    makeData({ type: new Bool(), length: n, nullCount, nullBitmap: nullCount ? valid : null, data: values }),
  );
}

/**
 * Dictionary<Utf8, Int32> vector straight from UTF-8 bytes: entry `k` of the dictionary is
 * `pool[starts[k] .. starts[k] + lens[k])` for each `k` in `entries`; `codes` index `entries`
 * (-1 = null). No string is decoded or re-encoded. With `inPlace` the vector may keep `pool` and
 * `codes` themselves (nulls' codes set to 0) instead of copies.
 *
 * @example
 *   const pool = new TextEncoder().encode('ab');
 *   utf8DictionaryVector(Int32Array.of(1, -1, 0), pool, Int32Array.of(0, 1), Int32Array.of(1, 1), Int32Array.of(0, 1)).get(0); // 'b'
 */
export function utf8DictionaryVector(
  codes: Int32Array,
  pool: Uint8Array,
  starts: Int32Array,
  lens: Int32Array,
  entries: Int32Array,
  inPlace = false,
): Vector {
  const k = entries.length;
  const offsets = new Int32Array(k + 1);
  // The entries usually lie back to back in `pool` already (an interning pool, empty values
  // skipped): then the whole run will do, as one copy or as it is.
  let contiguous = k === 0 || starts[entries[0]] === 0;
  for (let j = 0; j < k; j++) {
    offsets[j + 1] = offsets[j] + lens[entries[j]];
    if (starts[entries[j]] !== offsets[j]) contiguous = false;
  }
  let bytes: Uint8Array;
  if (contiguous && inPlace) bytes = pool.subarray(0, offsets[k]);
  else {
    bytes = new Uint8Array(offsets[k]);
    if (contiguous) bytes.set(pool.subarray(0, offsets[k]));
    else {
      for (let j = 0; j < k; j++) {
        const s = starts[entries[j]];
        bytes.set(pool.subarray(s, s + lens[entries[j]]), offsets[j]);
      }
    }
  }
  const dictionary = makeVector(makeData({ type: new Utf8(), length: k, nullCount: 0, valueOffsets: offsets, data: bytes }));
  const n = codes.length;
  let nullCount = 0;
  for (let i = 0; i < n; i++) if (codes[i] < 0) nullCount++;
  let nullBitmap: Uint8Array | null = null;
  let values = codes;
  if (nullCount) {
    nullBitmap = new Uint8Array((n + 7) >> 3);
    if (!inPlace) values = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c >= 0) {
        values[i] = c;
        nullBitmap[i >> 3] |= 1 << (i & 7);
      } else values[i] = 0;
    }
  }
  return makeVector(
    makeData({ type: new Dictionary(new Utf8(), new Int32()), length: n, nullCount, nullBitmap, data: values, dictionary }),
  );
}
