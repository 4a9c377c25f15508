/**
 * Text encodings of CSV input: the UTF-8 validity check, the sniffing of a file's first bytes
 * (BOM, binary formats refused, UTF-8 or GB18030), and the error a bad encoding raises.
 *
 * @example
 *   sniffEncoding(new TextEncoder().encode('a,b\n'), 'x.csv', true); // 'utf-8'
 */
import { DataError } from '../errors';

const LF = 10;

/**
 * Offset of the first byte of `buf` that breaks UTF-8, or -1 when there is none. An incomplete
 * sequence at the very end is fine unless `final` (the next chunk may complete it).
 *
 * @example
 *   invalidUtf8At(Uint8Array.of(0x61, 0xff), true); // 1
 */
export function invalidUtf8At(buf: Uint8Array, final = true): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = buf[i + k];
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Text encodings the reader can read (`auto` detects one of the others). */
export type CsvEncoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

function lineOf(buf: Uint8Array, offset: number): number {
  let k = 0;
  for (let i = 0; i < offset; i++) if (buf[i] === LF) k++;
  return k;
}

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/**
 * Decide the encoding of the first bytes of a text file, or refuse a file that is not text.
 * Order: a BOM (UTF-8, UTF-16 LE/BE); known binary formats (ZIP/xlsx, xls, Parquet, gzip, PDF);
 * NUL bytes = binary; valid UTF-8; else GB18030 (a superset of GBK) when it decodes without
 * error; else a DataError naming the line (0 = the first line) of the first byte that is not UTF-8.
 *
 * @example
 *   sniffEncoding(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'x.csv', true); // 'gb18030'
 */
export function sniffEncoding(buf: Uint8Array, file: string, final: boolean): Exclude<CsvEncoding, 'auto'> {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  const refuse = (problem: string, expected: string): DataError => new DataError({ file, problem, expected });
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return fail(refuse('is a ZIP archive (an Excel .xlsx workbook is one), not text', 'CSV text: unzip it, or save the sheet as CSV'));
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return fail(refuse('is an Excel .xls workbook, not text', 'CSV text: save the sheet as CSV'));
  if (startsWith(buf, [0x50, 0x41, 0x52, 0x31])) return fail(refuse('is a Parquet file, not text', 'CSV text here; open Parquet files with the file picker or readBlob'));
  if (startsWith(buf, [0x1f, 0x8b])) return fail(refuse('is gzip-compressed', 'CSV text here; gzip files are inflated by the file picker or readBlob'));
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return fail(refuse('is a PDF document, not text', 'CSV/TSV text, Arrow IPC or Parquet'));
  const nul = buf.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return fail(refuse(`is not a text file (byte 0x00 at offset ${nul})`, 'CSV/TSV text, Arrow IPC or Parquet'));
  const bad = invalidUtf8At(buf, final);
  if (bad < 0) return 'utf-8';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(buf, { stream: !final });
    return 'gb18030';
  } catch {
    const hex = buf[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new EncodingError({
      file,
      row: lineOf(buf, bad),
      problem: `is not valid UTF-8 text (byte 0x${hex} at offset ${bad})`,
      expected: 'UTF-8 or GBK/GB18030 text',
    });
  }
}

function fail(e: DataError): never {
  throw e;
}

/** A text-encoding problem; `readBlob` retries such a file as GB18030 before giving up. */
export class EncodingError extends DataError {}
