/**
 * Arrow IPC in and out.
 *
 * @example
 *   const bytes = writeArrow(table);          // IPC file format
 *   readArrow(bytes, 'out.arrow').numRows;    // table.numRows
 */
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
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
 * Serialise a table as Arrow IPC (file format by default).
 *
 * @example
 *   writeArrow(makeTable({ x: Float64Array.of(1) })).byteLength > 0; // true
 */
export function writeArrow(table: Table, format: 'file' | 'stream' = 'file'): Uint8Array {
  return tableToIPC(table, format);
}
