/**
 * Load the shipped default dataset (or any Arrow IPC file, gzip-compressed or not).
 *
 * @example
 *   const res = await fetch('data/online-retail.arrow.gz');
 *   const table = await loadArrowBytes(new Uint8Array(await res.arrayBuffer()), 'online-retail.arrow.gz');
 */
import type { Table } from 'apache-arrow';
import { DataError } from '../errors';
import { readArrow } from './arrow';

/** Default dataset path, relative to the app base (public/data/). */
export const DEFAULT_DATA_FILE = 'data/online-retail.arrow.gz';
/** Its metadata file (rows, columns, source, licence, attribution, sha256). */
export const DEFAULT_DATA_META = 'data/online-retail.json';

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflate gzip bytes with the standard `DecompressionStream` (browsers, Node ≥ 18).
 *
 * @example
 *   await gunzip(gzipped); // Uint8Array of the original bytes
 */
export async function gunzip(bytes: Uint8Array, file = 'input'): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new DataError({ file, problem: `is not valid gzip: ${(e as Error).message}` });
  }
}

/**
 * Read Arrow IPC bytes (file or stream format), inflating first only when the gzip magic bytes are
 * there (a static host may already have removed the gzip layer). Errors are DataErrors naming `file`.
 *
 * @example
 *   (await loadArrowBytes(bytes, 'online-retail.arrow.gz')).numRows; // 541909
 */
export async function loadArrowBytes(bytes: Uint8Array, file: string): Promise<Table> {
  const raw = isGzip(bytes) ? await gunzip(bytes, file) : bytes;
  return readArrow(raw, file);
}
