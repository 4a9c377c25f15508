/**
 * Fast row filter for the cleaning steps: copies each column's raw buffers (dictionary codes,
 * 64-bit timestamps as two 32-bit words, bitmaps) run by run of kept rows instead of converting
 * values, and keeps dictionaries as they are.
 */
import { Bool, Dictionary, Table, makeData, makeVector, type Data, type Vector } from 'apache-arrow';
import { filterRows } from '../table';

type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** The kept rows as runs: run j is rows `[starts[j], ends[j])`; `kept` rows in all. */
interface Runs {
  starts: Int32Array;
  ends: Int32Array;
  kept: number;
}

/** The runs of rows whose mask byte is nonzero (Online Retail's cleaning keeps 392,692 rows in 8,131 runs). */
function runsOf(mask: Uint8Array): Runs {
  let count = 0;
  let kept = 0;
  let prev = 0;
  for (let i = 0; i < mask.length; i++) {
    const on = mask[i] ? 1 : 0;
    count += on & (prev ^ 1);
    kept += on;
    prev = on;
  }
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  for (let i = 0, j = 0; i < mask.length; ) {
    if (!mask[i]) {
      i++;
      continue;
    }
    starts[j] = i;
    while (i < mask.length && mask[i]) i++;
    ends[j++] = i;
  }
  return { starts, ends, kept };
}

/** Runs at least this long are copied with `TypedArray#set` (a memory copy); shorter ones word by word. */
const BULK = 16;

/** The kept rows of `src` (row r = words `[r·wordsPerRow, (r + 1)·wordsPerRow)`), in order. */
function copyWords32(src: Int32Array, { starts, ends, kept }: Runs, wordsPerRow: number): Int32Array {
  const out = new Int32Array(kept * wordsPerRow);
  let k = 0;
  for (let j = 0; j < starts.length; j++) {
    const from = starts[j] * wordsPerRow;
    const to = ends[j] * wordsPerRow;
    if (to - from >= BULK) {
      out.set(src.subarray(from, to), k);
      k += to - from;
    } else for (let w = from; w < to; w++) out[k++] = src[w];
  }
  return out;
}

/** 1 when bits `[from, to)` are all set, 0 when all clear, -1 when mixed (whole bytes read at once). */
function uniformBits(bits: Uint8Array, from: number, to: number): number {
  let all = 1;
  let any = 0;
  let b = from;
  for (; b < to && (b & 7) !== 0; b++) {
    const x = (bits[b >> 3] >> (b & 7)) & 1;
    all &= x;
    any |= x;
  }
  for (; b + 8 <= to; b += 8) {
    const x = bits[b >> 3];
    if (x === 0xff) any = 1;
    else if (x === 0) all = 0;
    else return -1;
    if (any && !all) return -1;
  }
  for (; b < to; b++) {
    const x = (bits[b >> 3] >> (b & 7)) & 1;
    all &= x;
    any |= x;
  }
  return all ? 1 : any ? -1 : 0;
}

/** Set bits `[from, to)` of `out` (whole bytes at once). */
function setBits(out: Uint8Array, from: number, to: number): void {
  let b = from;
  for (; b < to && (b & 7) !== 0; b++) out[b >> 3] |= 1 << (b & 7);
  if (b + 8 <= to) {
    out.fill(0xff, b >> 3, (to >> 3));
    b = to & ~7;
  }
  for (; b < to; b++) out[b >> 3] |= 1 << (b & 7);
}

/**
 * The kept rows' bits of a bitmap whose row 0 is bit `offset` (validity, or Bool values), packed from
 * bit 0; `ones` counts the set bits written. A run whose bits are all set (or all clear) is written
 * bytes at a time.
 */
function copyBits(bits: Uint8Array, offset: number, { starts, ends, kept }: Runs): { out: Uint8Array; ones: number } {
  const out = new Uint8Array((kept + 7) >> 3);
  let k = 0;
  let ones = 0;
  for (let j = 0; j < starts.length; j++) {
    const from = starts[j] + offset;
    const to = ends[j] + offset;
    const u = uniformBits(bits, from, to);
    if (u === 1) {
      setBits(out, k, k + to - from);
      ones += to - from;
      k += to - from;
    } else if (u === 0) k += to - from;
    else {
      for (let b = from; b < to; b++, k++) {
        const bit = (bits[b >> 3] >> (b & 7)) & 1;
        out[k >> 3] |= bit << (k & 7);
        ones += bit;
      }
    }
  }
  return { out, ones };
}

/** A single-chunk column filtered, or null when its layout has no fast path. */
function keepColumn(col: Vector, runs: Runs): Vector | null {
  if (col.data.length !== 1) return null;
  const d = col.data[0] as Data;
  const type = col.type;
  const n = runs.kept;
  let validity: Uint8Array | null = null;
  let nullCount = 0;
  if (d.nullCount > 0 && d.nullBitmap && d.nullBitmap.byteLength > 0) {
    // Read the validity bitmap directly (Data#getValid per row is a method call and a branch);
    // without one every row is valid, as Arrow reads it.
    const { out, ones } = copyBits(d.nullBitmap, d.offset, runs);
    nullCount = n - ones;
    if (nullCount) validity = out;
  }
  let values: Typed;
  if (type instanceof Bool) {
    // Bool values are bits: Arrow does not cut them on slice, row i is bit `offset + i`.
    values = copyBits(d.values as Uint8Array, d.offset, runs).out;
  } else {
    const src = d.values as unknown as Typed;
    if (!ArrayBuffer.isView(src)) return null;
    const stride = (d as Data & { stride?: number }).stride ?? 1;
    const bytes = src.BYTES_PER_ELEMENT * stride;
    if (bytes !== 4 && bytes !== 8) return null;
    if (src.byteOffset % 4 !== 0) return null;
    const words = new Int32Array(src.buffer, src.byteOffset, (src.length * src.BYTES_PER_ELEMENT) / 4);
    // Arrow cuts a slice's values to its first row; `offset` applies to the bitmaps only.
    const copied = copyWords32(words, runs, bytes / 4);
    const Ctor = src.constructor as unknown as new (b: ArrayBuffer) => Typed;
    values = new Ctor(copied.buffer as ArrayBuffer);
  }
  const data = makeData({
    type,
    length: n,
    nullCount,
    nullBitmap: validity,
    data: values,
    dictionary: type instanceof Dictionary ? d.dictionary : undefined,
  } as never);
  return makeVector(data as never) as Vector;
}

/**
 * Keep the rows whose mask byte is 1 (row order kept). Same result as `filterRows` of `../table`,
 * several times faster on 0.5M rows; multi-chunk columns and other layouts go through `filterRows`.
 * A column whose kept rows hold no null gets no validity bitmap.
 *
 * @example keepRows(tx, Uint8Array.of(1, 0, 1)).numRows; // 2
 */
export function keepRows(table: Table, mask: Uint8Array): Table {
  if (mask.length !== table.numRows) throw new Error(`keepRows: mask has ${mask.length} entries for ${table.numRows} rows`);
  const runs = runsOf(mask);
  const vectors: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const col = table.getChild(field.name)!;
    vectors[field.name] = keepColumn(col, runs) ?? filterRows(table.select([field.name]), mask).getChild(field.name)!;
  }
  return new Table(vectors);
}
