/**
 * Small, allocation-aware helpers for reading and building Apache Arrow tables.
 *
 * Every core stage takes Arrow tables in and gives Arrow tables out; hot loops run over the
 * typed arrays these helpers return, never over row objects.
 *
 * @example
 *   const t = makeTable({ customer: ['a', 'b'], spend: Float64Array.of(1, 2) });
 *   floats(t, 'spend'); // Float64Array [1, 2]
 */
import {
  Table,
  Vector,
  makeVector,
  vectorFromArray,
  Dictionary,
  Utf8,
  Int32,
  Float64,
  TimestampMillisecond,
  Bool,
  makeData,
} from 'apache-arrow';

/** A dictionary-encoded column read as codes into `dict`; `-1` marks a null. */
export interface Codes {
  codes: Int32Array;
  dict: string[];
}

/** Column values the builder accepts. */
export type ColumnInput =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint8Array
  | (string | null)[]
  | Codes
  | { timestampMs: Float64Array }
  | { bool: Uint8Array }
  | Vector;

function column(table: Table, name: string): Vector {
  const col = table.getChild(name);
  if (!col) {
    const have = table.schema.fields.map((f) => f.name).join(', ');
    throw new Error(`column \`${name}\` not found (columns: ${have})`);
  }
  return col;
}

/** Numeric column as a Float64Array (nulls become NaN). Timestamps give epoch milliseconds. */
export function floats(table: Table, name: string): Float64Array {
  const col = column(table, name);
  const out = new Float64Array(col.length);
  let at = 0;
  for (const data of col.data) {
    // Arrow keeps a chunk's values from its first row (a slice's values are cut to it); its `offset`
    // applies to the null bitmap only.
    copyFloats(data.values as ArrayLike<number | bigint> & ArrayBufferView, data.length, out, at);
    if (data.nullCount > 0) {
      const bits = data.nullBitmap as Uint8Array;
      for (let i = 0; i < data.length; i++) {
        const k = data.offset + i;
        if (!((bits[k >> 3] >> (k & 7)) & 1)) out[at + i] = NaN;
      }
    }
    at += data.length;
  }
  return out;
}

/** `values[0 .. n)` as numbers into `out` at `to`: one copy for Float64, 64-bit integers read as two words. */
function copyFloats(values: ArrayLike<number | bigint> & ArrayBufferView, n: number, out: Float64Array, to: number): void {
  if (values instanceof Float64Array) {
    out.set(values.subarray(0, n), to);
    return;
  }
  if (values instanceof BigInt64Array) {
    // Little-endian words: value = hi·2³² + unsigned(lo), exact below 2⁵³ (epoch ms, counts); larger ones via Number().
    const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const hi = words[2 * i + 1];
      out[to + i] = hi >= -0x200000 && hi < 0x200000 ? hi * 4294967296 + (words[2 * i] >>> 0) : Number(values[i]);
    }
    return;
  }
  for (let i = 0; i < n; i++) out[to + i] = Number(values[i]);
}

/**
 * Decoded dictionaries, by dictionary vector: Arrow dictionaries are immutable, and a column that is
 * passed along from table to table (tiers re-made on every slider move keep their `customer` column)
 * keeps its dictionary object, so its strings are decoded once, not on every call.
 */
const decodedDictionaries = new WeakMap<object, readonly string[]>();

function decodedDictionary(dictVec: Vector): readonly string[] {
  let dict = decodedDictionaries.get(dictVec);
  if (!dict) {
    dict = Array.from(dictVec.toArray() as unknown as ArrayLike<unknown>, String);
    decodedDictionaries.set(dictVec, dict);
  }
  return dict;
}

/** Dictionary or string column as integer codes; nulls are -1. Plain Utf8 columns are encoded here. */
export function codes(table: Table, name: string): Codes {
  const col = column(table, name);
  const n = col.length;
  const out = new Int32Array(n);
  if (col.type instanceof Dictionary && col.data.length === 1) {
    const data = col.data[0];
    const dictVec = data.dictionary as Vector;
    const values = data.values as Int32Array;
    const hasNulls = data.nullCount > 0;
    for (let i = 0; i < n; i++) out[i] = hasNulls && !data.getValid(i) ? -1 : values[i];
    return { codes: out, dict: decodedDictionary(dictVec).slice() };
  }
  const index = new Map<string, number>();
  const dict: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    if (v === null || v === undefined) {
      out[i] = -1;
      continue;
    }
    const s = String(v);
    let c = index.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      index.set(s, c);
    }
    out[i] = c;
  }
  return { codes: out, dict };
}

/** String values of a column (nulls stay null). */
export function strings(table: Table, name: string): (string | null)[] {
  const { codes: c, dict } = codes(table, name);
  const out = new Array<string | null>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i] < 0 ? null : dict[c[i]];
  return out;
}

const encoder = new TextEncoder();

/**
 * A Utf8 vector from strings (null → null), encoded into one buffer (ASCII written byte by byte);
 * several times faster than `vectorFromArray` for many short ids.
 *
 * @example utf8Vector(['a', null, 'é']).get(2) // 'é'
 */
export function utf8Vector(values: readonly (string | null)[]): Vector {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const encoded = new Map<number, Uint8Array>(); // non-ASCII strings, encoded once
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s !== null) {
      let ascii = true;
      for (let j = 0; j < s.length; j++) {
        if (s.charCodeAt(j) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) bytes += s.length;
      else {
        const e = encoder.encode(s);
        encoded.set(i, e);
        bytes += e.length;
      }
    }
    offsets[i + 1] = bytes;
  }
  const data = new Uint8Array(bytes);
  const valid = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const s = values[i];
    if (s === null) {
      nullCount++;
      continue;
    }
    valid[i >> 3] |= 1 << (i & 7);
    const e = encoded.get(i);
    if (e) data.set(e, offsets[i]);
    else for (let j = 0, at = offsets[i]; j < s.length; j++) data[at++] = s.charCodeAt(j);
  }
  return makeVector(
    makeData({ type: new Utf8(), length: n, nullCount, nullBitmap: nullCount ? valid : null, valueOffsets: offsets, data }),
  );
}

/** Build a dictionary vector from codes (-1 = null) without copying strings per row. */
export function dictionaryVector({ codes: c, dict }: { codes: Int32Array; dict: readonly string[] }): Vector {
  const type = new Dictionary(new Utf8(), new Int32());
  const dictionary = utf8Vector(dict);
  let nullCount = 0;
  const valid = new Uint8Array((c.length + 7) >> 3);
  for (let i = 0; i < c.length; i++) {
    if (c[i] < 0) nullCount++;
    else valid[i >> 3] |= 1 << (i & 7);
  }
  const values = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) values[i] = c[i] < 0 ? 0 : c[i];
  const data = makeData({
    type,
    length: c.length,
    nullCount,
    nullBitmap: nullCount ? valid : null,
    data: values,
    dictionary,
  });
  return makeVector(data);
}

function toVector(value: ColumnInput): Vector {
  if (value instanceof Vector) return value;
  if (value instanceof Float64Array) return makeVector(value);
  if (value instanceof Float32Array) return makeVector(value);
  if (value instanceof Int32Array) return makeVector(value);
  if (value instanceof Uint8Array) return makeVector(value);
  if (Array.isArray(value)) return dictionaryVector(encode(value));
  if ('timestampMs' in value) {
    const ms = value.timestampMs;
    const big = new BigInt64Array(ms.length);
    let nullCount = 0;
    const valid = new Uint8Array((ms.length + 7) >> 3);
    for (let i = 0; i < ms.length; i++) {
      if (Number.isNaN(ms[i])) nullCount++;
      else {
        big[i] = BigInt(Math.round(ms[i]));
        valid[i >> 3] |= 1 << (i & 7);
      }
    }
    return makeVector(
      makeData({ type: new TimestampMillisecond(), length: ms.length, nullCount, nullBitmap: nullCount ? valid : null, data: big as never }),
    );
  }
  if ('bool' in value) return vectorFromArray(Array.from(value.bool, (b) => b !== 0), new Bool());
  return dictionaryVector(value);
}

/** Encode strings as dictionary codes (first-seen order). */
export function encode(values: (string | null)[]): Codes {
  const index = new Map<string, number>();
  const dict: string[] = [];
  const c = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      c[i] = -1;
      continue;
    }
    let k = index.get(v);
    if (k === undefined) {
      k = dict.length;
      dict.push(v);
      index.set(v, k);
    }
    c[i] = k;
  }
  return { codes: c, dict };
}

/** Build a single-batch Arrow table from named columns (insertion order kept). */
export function makeTable(columns: Record<string, ColumnInput>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, value] of Object.entries(columns)) vectors[name] = toVector(value);
  return new Table(vectors);
}

/** Keep the rows whose mask byte is 1; dictionary columns keep their dictionaries. */
export function filterRows(table: Table, mask: Uint8Array): Table {
  const keep: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) keep.push(i);
  return takeRows(table, Int32Array.from(keep));
}

/**
 * Rows at the given indices, in that order. Every column keeps its type and its nulls: text as
 * dictionary codes over the same strings, fixed-width numbers, timestamps, dates and booleans value by
 * value; other layouts (lists, structs, decimals) through Arrow's own reader.
 *
 * @example takeRows(makeTable({ x: Int32Array.of(5, 6, 7) }), Int32Array.of(2, 0)).getChild('x').toArray(); // Int32Array [7, 5]
 */
export function takeRows(table: Table, index: Int32Array): Table {
  const cols: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const name = field.name;
    const type = field.type;
    if (type instanceof Dictionary || type.typeId === 5 /* Utf8 */) {
      const { codes: c, dict } = codes(table, name);
      const out = new Int32Array(index.length);
      for (let i = 0; i < index.length; i++) out[i] = c[index[i]];
      cols[name] = dictionaryVector({ codes: out, dict });
    } else {
      const col = column(table, name);
      cols[name] = takeFixedWidth(col, index) ?? vectorFromArray(Array.from(index, (i) => col.get(i)), type);
    }
  }
  return new Table(cols);
}

/** Rows `index` of a column of one value per row in a typed array (or of booleans, one bit each); null for other layouts. */
function takeFixedWidth(col: Vector, index: Int32Array): Vector | null {
  const chunks = col.data;
  const isBool = col.type.typeId === 6;
  for (const d of chunks) {
    if (d.children.length || !ArrayBuffer.isView(d.values) || (!isBool && (d.values as unknown as ArrayLike<unknown>).length !== d.length)) return null;
  }
  // Chunk of each row: starts[k] is the first row of chunk k.
  const starts = new Int32Array(chunks.length + 1);
  chunks.forEach((d, k) => (starts[k + 1] = starts[k] + d.length));
  const chunkOf = (row: number): number => {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const n = index.length;
  const nullable = chunks.some((d) => d.nullCount > 0);
  const valid = nullable ? new Uint8Array((n + 7) >> 3) : null;
  // Arrow cuts a slice's values to its first row; bitmaps (and booleans' bits) keep `offset`.
  const bit = (bits: Uint8Array, at: number) => (bits[at >> 3] >> (at & 7)) & 1;
  const Ctor = (isBool ? Uint8Array : chunks[0]?.values.constructor ?? Float64Array) as unknown as new (n: number) => { [i: number]: unknown };
  const out = new Ctor(isBool ? (n + 7) >> 3 : n);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const row = index[i];
    const k = chunks.length === 1 ? 0 : chunkOf(row);
    const d = chunks[k];
    const r = row - starts[k];
    const isValid = d.nullCount === 0 || !d.nullBitmap || bit(d.nullBitmap, d.offset + r) === 1;
    if (valid) {
      if (isValid) valid[i >> 3] |= 1 << (i & 7);
      else nullCount++;
    }
    if (isBool) {
      if (isValid && bit(d.values as Uint8Array, d.offset + r)) (out as Uint8Array)[i >> 3] |= 1 << (i & 7);
    } else out[i] = (d.values as unknown as { [i: number]: unknown })[r];
  }
  return makeVector(makeData({ type: col.type, length: n, nullCount, nullBitmap: nullCount ? valid : null, data: out as never }));
}

export { Float64, Utf8, Int32 };
