/**
 * Arrow IPC in and out.
 *
 * @example
 *   const bytes = writeArrow(table);          // IPC file format
 *   readArrow(bytes, 'out.arrow').numRows;    // table.numRows
 */
import { Table, makeVector, tableFromIPC, tableToIPC, type Data, type Vector } from 'apache-arrow';
import { DataError } from '../errors';

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

function hasFileMagic(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

function isStream(bytes: Uint8Array): boolean {
  // Stream messages start with the continuation marker 0xFFFFFFFF (or, pre-0.15, a length).
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

/**
 * Read Arrow IPC bytes (file or stream format) into a Table. Errors are DataErrors naming `file`.
 *
 * @example
 *   readArrow(new Uint8Array([1, 2, 3]), 'x.arrow'); // throws "x.arrow: is not an Arrow IPC file (expected …)"
 */
export function readArrow(bytes: Uint8Array, file: string): Table {
  if (!hasFileMagic(bytes) && !isStream(bytes)) {
    throw new DataError({ file, problem: 'is not an Arrow IPC file', expected: 'Arrow IPC file or stream bytes' });
  }
  try {
    return tableFromIPC(bytes);
  } catch (e) {
    throw new DataError({ file, problem: `could not be read as Arrow IPC: ${(e as Error).message}` });
  }
}

/**
 * Serialise a table as Arrow IPC (file format by default). Columns that share a buffer with an earlier
 * column are written from a copy (`withOwnBuffers`).
 *
 * @example
 *   writeArrow(makeTable({ x: Float64Array.of(1) })).byteLength > 0; // true
 */
export function writeArrow(table: Table, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(withOwnBuffers(table), format);
}

type Buffer = ArrayBufferView | null | undefined;

/**
 * The same table, but no two columns share a value, offset or validity buffer: apache-arrow's IPC
 * writer writes a body shorter than its header says when they do (`table({a: x, b: x})`: "Expected to
 * read 48 bytes for message body, but only read 32" on reading it back). A column that repeats a
 * buffer gets its own copy; a table without repeats is returned as it is.
 *
 * @example
 *   const x = Float64Array.of(1, 2);
 *   tableFromIPC(tableToIPC(withOwnBuffers(makeTable({ a: x, b: x })))).numRows; // 2
 */
export function withOwnBuffers(table: Table): Table {
  // The memory views seen so far: buffer → "byteOffset:byteLength" (views of one buffer at other places are fine).
  const seen = new Map<ArrayBufferLike, Set<string>>();
  const buffersOf = (d: Data): Buffer[] => [d.valueOffsets, d.values, d.nullBitmap, d.typeIds];
  const key = (b: ArrayBufferView) => `${b.byteOffset}:${b.byteLength}`;
  const repeats = (d: Data, mine: ArrayBufferView[]): boolean => {
    let hit = false;
    for (const b of buffersOf(d)) {
      if (!b || b.byteLength === 0) continue;
      if (seen.get(b.buffer)?.has(key(b))) hit = true;
      mine.push(b);
    }
    for (const c of d.children) if (repeats(c, mine)) hit = true;
    return hit;
  };
  const copy = (d: Data): Data => {
    const own = buffersOf(d).map((b) => (b ? (b as Uint8Array).slice() : b));
    return d.clone(d.type, d.offset, d.length, d.nullCount, own as never, d.children.map(copy));
  };
  let changed = false;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const col = table.getChild(field.name)!;
    const mine: ArrayBufferView[] = [];
    const hit = col.data.map((d) => repeats(d, mine)).some(Boolean);
    columns[field.name] = hit ? makeVector(col.data.map(copy)) : col;
    changed ||= hit;
    for (const b of mine) {
      if (!seen.has(b.buffer)) seen.set(b.buffer, new Set());
      seen.get(b.buffer)!.add(key(b));
    }
  }
  return changed ? new Table(columns) : table;
}
