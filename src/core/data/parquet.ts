/**
 * Parquet in, with hyparquet (pure JS, works in the worker and in Node) and the codecs of
 * hyparquet-compressors (Snappy, gzip, Brotli, Zstd, LZ4).
 *
 * Column types: booleans → Bool; INT32/INT64/FLOAT/DOUBLE/DECIMAL → Float64 (int64 beyond 2^53
 * loses precision); strings → Dictionary<Utf8>; DATE, TIMESTAMP (ms/µs/ns) and legacy INT96 →
 * TimestampMillisecond (UTC); anything else (lists, structs, binary) → its JSON text. Nulls stay
 * nulls. Nested columns are read as a whole per top-level field.
 *
 * @example
 *   const table = await readParquet(new Uint8Array(await file.arrayBuffer()), 'orders.parquet');
 */
import { Table, type Vector } from 'apache-arrow';
import { parquetMetadata, parquetRead, parquetSchema, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../errors';
import { dictionaryVector, encode } from '../table';
import { boolVector, float64Vector, timestampVector } from './columns';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** True when the bytes start with the Parquet magic `PAR1`. */
export function isParquet(head: Uint8Array): boolean {
  return MAGIC.every((b, i) => head[i] === b);
}

const parsers = {
  timestampFromMilliseconds: (v: bigint): number => Number(v),
  timestampFromMicroseconds: (v: bigint): number => Number(v) / 1e3,
  timestampFromNanoseconds: (v: bigint): number => Number(v) / 1e6,
  dateFromDays: (d: number): number => d * 86_400_000,
};

function isTimeElement(e: SchemaElement): boolean {
  const lt = e.logical_type?.type;
  return (
    lt === 'TIMESTAMP' ||
    lt === 'DATE' ||
    e.converted_type === 'DATE' ||
    e.converted_type === 'TIMESTAMP_MILLIS' ||
    e.converted_type === 'TIMESTAMP_MICROS' ||
    (e.type === 'INT96' && !e.converted_type)
  );
}

function toVector(values: ArrayLike<unknown>, element: SchemaElement | undefined, nested: boolean): Vector {
  const n = values.length;
  if (!nested && element && isTimeElement(element)) {
    const ms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      ms[i] = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : Number(v);
    }
    return timestampVector(ms);
  }
  if (!nested && element?.type === 'BOOLEAN') {
    const flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) flags[i] = values[i] === null || values[i] === undefined ? 2 : values[i] ? 1 : 0;
    return boolVector(flags);
  }
  if (!nested && element && ['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(element.type ?? '') || (!nested && element?.converted_type === 'DECIMAL')) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? NaN : Number(v);
    }
    return float64Vector(out);
  }
  const texts: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    texts[i] = v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x));
  }
  return dictionaryVector(encode(texts));
}

/**
 * Read a whole Parquet file into a single-batch Arrow table. Errors are DataErrors naming `file`.
 *
 * @example
 *   (await readParquet(bytes, 'x.parquet')).numRows; // rows of every row group
 */
export async function readParquet(bytes: Uint8Array, file: string): Promise<Table> {
  if (!isParquet(bytes) || bytes.length < 12 || !isParquet(bytes.subarray(bytes.length - 4))) {
    throw new DataError({ file, problem: 'is not a Parquet file (no `PAR1` marker at both ends)', expected: 'a complete Parquet file' });
  }
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  try {
    const metadata = parquetMetadata(buffer, { parsers });
    const tree = parquetSchema(metadata);
    const n = Number(metadata.num_rows);
    const top = tree.children.map((c) => ({ name: c.element.name, element: c.element, nested: c.children.length > 0 }));
    const data = new Map<string, unknown[]>();
    for (const t of top) data.set(t.name, new Array(n));
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      parsers,
      onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
        const into = data.get(columnName);
        if (!into) return;
        for (let i = rowStart, k = 0; i < rowEnd && i < n; i++, k++) into[i] = columnData[k];
      },
    });
    const vectors: Record<string, Vector> = {};
    for (const t of top) vectors[t.name] = toVector(data.get(t.name)!, t.element, t.nested);
    return new Table(vectors);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError({ file, problem: `could not be read as Parquet: ${(e as Error).message}` });
  }
}
