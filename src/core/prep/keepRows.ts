/**
 * Fast row filter for the cleaning steps: copies each column's raw buffers (dictionary codes,
 * 64-bit timestamps as two 32-bit words, bitmaps) instead of converting values, and keeps
 * dictionaries as they are.
 */
import { Bool, Dictionary, Table, makeData, makeVector, type Data, type Vector } from 'apache-arrow';
import { filterRows } from '../table';

type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;

/** Rows `idx` of `src` (row r = words `[r·wordsPerRow, (r + 1)·wordsPerRow)`), in that order. */
function copyWords32(src: Int32Array, idx: Int32Array, wordsPerRow: number): Int32Array {
  const out = new Int32Array(idx.length * wordsPerRow);
  if (wordsPerRow === 1) {
    for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]];
  } else {
    for (let k = 0; k < idx.length; k++) {
      const s = idx[k] * 2;
      out[2 * k] = src[s];
      out[2 * k + 1] = src[s + 1];
    }
  }
  return out;
}

/** A single-chunk column filtered, or null when its layout has no fast path. */
function keepColumn(col: Vector, idx: Int32Array): Vector | null {
  if (col.data.length !== 1) return null;
  const d = col.data[0] as Data;
  const type = col.type;
  const n = idx.length;
  let validity: Uint8Array | null = null;
  let nullCount = 0;
  if (d.nullCount > 0) {
    validity = new Uint8Array((n + 7) >> 3);
    const bits = d.nullBitmap;
    for (let k = 0; k < n; k++) {
      // Read the validity bitmap directly (Data#getValid per row is a method call and a branch).
      const b = d.offset + idx[k];
      if (bits ? (bits[b >> 3] >> (b & 7)) & 1 : d.getValid(idx[k])) validity[k >> 3] |= 1 << (k & 7);
      else nullCount++;
    }
  }
  let values: Typed;
  if (type instanceof Bool) {
    // Bool values are bits: Arrow does not cut them on slice, row i is bit `offset + i`.
    const bits = d.values as Uint8Array;
    const out = new Uint8Array((n + 7) >> 3);
    for (let k = 0; k < n; k++) {
      const b = d.offset + idx[k];
      if ((bits[b >> 3] >> (b & 7)) & 1) out[k >> 3] |= 1 << (k & 7);
    }
    values = out;
  } else {
    const src = d.values as unknown as Typed;
    if (!ArrayBuffer.isView(src)) return null;
    const stride = (d as Data & { stride?: number }).stride ?? 1;
    const bytes = src.BYTES_PER_ELEMENT * stride;
    if (bytes !== 4 && bytes !== 8) return null;
    if (src.byteOffset % 4 !== 0) return null;
    const words = new Int32Array(src.buffer, src.byteOffset, (src.length * src.BYTES_PER_ELEMENT) / 4);
    // Arrow cuts a slice's values to its first row; `offset` applies to the bitmaps only.
    const copied = copyWords32(words, idx, bytes / 4);
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
 *
 * @example keepRows(tx, Uint8Array.of(1, 0, 1)).numRows; // 2
 */
export function keepRows(table: Table, mask: Uint8Array): Table {
  if (mask.length !== table.numRows) throw new Error(`keepRows: mask has ${mask.length} entries for ${table.numRows} rows`);
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  const idx = new Int32Array(n);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) idx[k++] = i;
  const vectors: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const col = table.getChild(field.name)!;
    vectors[field.name] = keepColumn(col, idx) ?? filterRows(table.select([field.name]), mask).getChild(field.name)!;
  }
  return new Table(vectors);
}
