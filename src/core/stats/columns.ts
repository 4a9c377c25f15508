/**
 * Fast column readers for hot loops: timestamps without BigInt conversion, Bool bitmaps as bytes,
 * and optional columns. They complement `floats` / `codes` of `../table.ts`.
 *
 * @example
 *   const t = makeTable({ time: { timestampMs: Float64Array.of(0, 86_400_000) } });
 *   timeMs(t, 'time'); // Float64Array [0, 86400000]
 */
import { Table, Bool, Dictionary, Timestamp, TimestampMillisecond, makeData, makeVector, type Vector } from 'apache-arrow';
import { codes, floats, type Codes } from '../table';

function child(table: Table, name: string) {
  const col = table.getChild(name);
  if (!col) {
    const have = table.schema.fields.map((f) => f.name).join(', ');
    throw new Error(`column \`${name}\` not found (columns: ${have})`);
  }
  return col;
}

/** True when the table has a column of that name. */
export function hasColumn(table: Table, name: string): boolean {
  return table.schema.fields.some((f) => f.name === name);
}

/**
 * A timestamp (or numeric) column as epoch milliseconds in a Float64Array; nulls are NaN. It is
 * `floats`, which reads 64-bit millisecond timestamps as two 32-bit words (≈10× faster than
 * `Number(bigint)` per row); other units and numeric columns come as their stored numbers.
 *
 * @example timeMs(tx, 'time')[0] // 1291191960000
 */
export function timeMs(table: Table, name: string): Float64Array {
  return floats(table, name);
}

/**
 * The raw 32-bit words of a millisecond timestamp column stored in one chunk without nulls, read in
 * place (no copy — do not write to it): row i is `words[2i + 1] · 2³² + (words[2i] >>> 0)` ms
 * (little-endian, low word first). `null` for any other layout (several chunks, nulls, another unit
 * or type); callers then fall back to `timeMs`.
 *
 * @example
 *   const w = timeWords(tx, 'time');
 *   if (w) w[1] * 4294967296 + (w[0] >>> 0); // row 0 in ms
 */
export function timeWords(table: Table, name: string): Int32Array | null {
  const col = child(table, name);
  const type = col.type;
  if (!(type instanceof Timestamp) || type.unit !== 1 /* TimeUnit.MILLISECOND */ || col.data.length !== 1) return null;
  const data = col.data[0];
  if (data.nullCount > 0) return null;
  const big = data.values as unknown as BigInt64Array;
  if (!(big instanceof BigInt64Array)) return null;
  return new Int32Array(big.buffer, big.byteOffset, data.length * 2); // values start at the chunk's first row
}

/**
 * A Bool column as one byte per row (1 = true; null = 0). Numeric columns: nonzero = 1.
 *
 * @example bytes(tx, 'cancelled') // Uint8Array [0, 1, 0, …]
 */
export function bytes(table: Table, name: string): Uint8Array {
  const col = child(table, name);
  const out = new Uint8Array(col.length);
  if (!(col.type instanceof Bool)) {
    const v = floats(table, name);
    for (let i = 0; i < v.length; i++) out[i] = v[i] !== 0 && v[i] === v[i] ? 1 : 0;
    return out;
  }
  let at = 0;
  for (const data of col.data) {
    // Bool values are bits: Arrow does not cut them on slice, row i is bit `offset + i` (as in the null bitmap).
    const bits = data.values as Uint8Array;
    const hasNulls = data.nullCount > 0;
    for (let i = 0; i < data.length; i++) {
      const b = data.offset + i;
      out[at + i] = hasNulls && !data.getValid(i) ? 0 : (bits[b >> 3] >> (b & 7)) & 1;
    }
    at += data.length;
  }
  return out;
}

/** Codes of an optional string column, or `null` when the table has no such column. */
export function optionalCodes(table: Table, name: string): Codes | null {
  return hasColumn(table, name) ? codes(table, name) : null;
}

/** True when the column is dictionary-encoded or plain text. */
export function isTextColumn(table: Table, name: string): boolean {
  const t = child(table, name).type;
  return t instanceof Dictionary || t.typeId === 5;
}

/** Dictionary codes without materialising the dictionary: `value(k)` reads one entry on demand. */
export interface LazyCodes {
  /** Code per row, −1 = null. May share memory with the table: do not write to it. */
  codes: Int32Array;
  /** Number of dictionary entries (codes are < size). */
  size: number;
  /** The string of code k. */
  value: (k: number) => string;
  /**
   * The dictionary's UTF-8 bytes when the column is an Arrow dictionary over one Utf8 chunk: entry k
   * is `data[offsets[k] .. offsets[k + 1])`. Lets hot code compare or sort entries without strings.
   */
  entries?: Utf8Entries;
}

/** The UTF-8 bytes of a Utf8 vector's entries: entry k is `data[offsets[k] .. offsets[k + 1])`. */
export interface Utf8Entries {
  offsets: Int32Array;
  data: Uint8Array;
  /** True when every byte is < 0x80 (then byte offsets are also UTF-16 offsets). */
  ascii: boolean;
}

/**
 * The entry bytes of a single-chunk Utf8 vector (a dictionary), or null for any other layout.
 *
 * @example utf8Entries(tx.getChild('customer')!.data[0].dictionary!)?.offsets.length; // entries + 1
 */
export function utf8Entries(dict: Vector): Utf8Entries | null {
  if (dict.data.length !== 1 || dict.type.typeId !== 5 /* Utf8 */) return null;
  const d = dict.data[0];
  const off = d.valueOffsets as Int32Array | undefined;
  const bytes = d.values as Uint8Array | undefined;
  if (!(off instanceof Int32Array) || !(bytes instanceof Uint8Array) || d.nullCount > 0) return null;
  // A slice's valueOffsets are cut to its first row (they still index the whole `values`).
  const offsets = off.subarray(0, d.length + 1);
  const lo = offsets[0];
  const hi = offsets[d.length];
  let any = 0;
  for (let i = lo; i < hi; i++) any |= bytes[i];
  return { offsets, data: bytes, ascii: any < 0x80 };
}

/**
 * `value(k)` over a Utf8 dictionary: an all-ASCII dictionary is decoded once, on the first call,
 * into one string that entries are sliced from; otherwise each call decodes its entry.
 */
function dictionaryValue(dict: Vector, entries: Utf8Entries | null): (k: number) => string {
  if (!entries || !entries.ascii) return (k: number) => String(dict.get(k));
  let all: string | null = null;
  const { offsets, data } = entries;
  return (k: number) => {
    if (all === null) all = latin1.decode(data.subarray(offsets[0], offsets[offsets.length - 1]));
    return all.slice(offsets[k] - offsets[0], offsets[k + 1] - offsets[0]);
  };
}

const latin1 = new TextDecoder('latin1');

/**
 * Codes of a text column for hot loops. A single-chunk dictionary column without nulls is read
 * in place (no copy, no string conversion); with nulls its codes are copied once and the validity
 * bitmap is read a byte (8 rows) at a time; other columns go through `codes` of `../table`.
 *
 * @example
 *   const { codes, size, value } = lazyCodes(tx, 'order'); // value(codes[0]) === '536365'
 */
export function lazyCodes(table: Table, name: string): LazyCodes {
  const col = child(table, name);
  if (col.type instanceof Dictionary && col.data.length === 1) {
    const data = col.data[0];
    const dict = data.dictionary!;
    const values = data.values as Int32Array;
    const size = dict.length;
    let out: Int32Array;
    const bitmap = data.nullBitmap as Uint8Array | null | undefined;
    if (values instanceof Int32Array && (data.nullCount === 0 || bitmap)) {
      // the codes start at the chunk's first row; `offset` applies to the null bitmap only
      const view = values.subarray(0, data.length);
      out = data.nullCount === 0 ? view : maskNulls(view, bitmap!, data.offset);
    } else {
      out = new Int32Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = data.getValid(i) ? values[i] : -1;
    }
    // The dictionary's bytes are looked at only when a caller asks for them.
    let entries: Utf8Entries | null | undefined;
    const getEntries = () => (entries === undefined ? (entries = utf8Entries(dict)) : entries);
    let value: ((k: number) => string) | null = null;
    return {
      codes: out,
      size,
      value: (k: number) => (value ??= dictionaryValue(dict, getEntries()))(k),
      get entries() {
        return getEntries() ?? undefined;
      },
    };
  }
  const c = codes(table, name);
  return { codes: c.codes, size: c.dict.length, value: (k: number) => c.dict[k] };
}

/** A copy of `values` with −1 where the validity bitmap (bit `offset + i`) is 0. */
function maskNulls(values: Int32Array, bitmap: Uint8Array, offset: number): Int32Array {
  const n = values.length;
  const out = values.slice();
  let i = 0;
  // rows up to the first byte boundary of the bitmap
  for (; i < n && ((offset + i) & 7) !== 0; i++) {
    const b = offset + i;
    if (!((bitmap[b >> 3] >> (b & 7)) & 1)) out[i] = -1;
  }
  // whole bytes: 8 rows per check, most bytes are 0xff
  for (; i + 8 <= n; i += 8) {
    const byte = bitmap[(offset + i) >> 3];
    if (byte === 0xff) continue;
    for (let k = 0; k < 8; k++) if (!((byte >> k) & 1)) out[i + k] = -1;
  }
  for (; i < n; i++) {
    const b = offset + i;
    if (!((bitmap[b >> 3] >> (b & 7)) & 1)) out[i] = -1;
  }
  return out;
}

/**
 * A Float64 column for reading in hot loops: a single-chunk column without nulls is returned in
 * place (no copy — do not write to it); anything else goes through `floats` (nulls → NaN).
 *
 * @example numbersView(tx, 'amount')[0] // 15.3
 */
export function numbersView(table: Table, name: string): Float64Array {
  const col = child(table, name);
  if (col.data.length === 1 && col.data[0].nullCount === 0 && col.data[0].values instanceof Float64Array && col.type.typeId === 3) {
    const d = col.data[0];
    return (d.values as Float64Array).subarray(0, d.length); // values start at the chunk's first row
  }
  return floats(table, name);
}

/**
 * A TimestampMillisecond vector from epoch ms (NaN → null), written as 32-bit word pairs
 * (no BigInt per value).
 *
 * @example timestampVector(Float64Array.of(0, 86_400_000)).get(1) // 86400000
 */
export function timestampVector(ms: Float64Array): Vector {
  const n = ms.length;
  const words = new Int32Array(n * 2);
  const valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = ms[i];
    if (v !== v) {
      nullCount++;
      continue;
    }
    valid[i >> 3] |= 1 << (i & 7);
    const x = Math.round(v);
    const hi = Math.floor(x / 4294967296);
    words[2 * i] = x - hi * 4294967296; // low word (wraps to int32)
    words[2 * i + 1] = hi;
  }
  return makeVector(
    makeData({
      type: new TimestampMillisecond(),
      length: n,
      nullCount,
      nullBitmap: nullCount ? valid : null,
      data: new BigInt64Array(words.buffer) as never,
    }),
  );
}
