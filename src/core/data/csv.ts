/**
 * A fast, streaming CSV reader that produces a single-batch Arrow table — the entry points and
 * the public names of the reader, which lives in these files:
 *
 * | file              | what                                                                  |
 * |-------------------|-----------------------------------------------------------------------|
 * | `csvReader.ts`    | `CsvReader`: chunks in, table + report out; headers, ragged rows      |
 * | `csvScan.ts`      | the record scanner (RFC 4180 quotes, CRLF, whitespace runs)           |
 * | `csvColumns.ts`   | the per-column builder: interned bytes, or typed values after a sample |
 * | `csvIntern.ts`    | byte interning of a column's distinct values                          |
 * | `csvTyped.ts`     | decimals and ISO timestamps read straight from bytes, and back to text |
 * | `csvInfer.ts`     | type inference over distinct values (`parseNumber`, dates, booleans)  |
 * | `csvDetect.ts`    | delimiter and header detection                                        |
 * | `csvEncoding.ts`  | encoding sniffing (BOM, UTF-8, GB18030, UTF-16) and `EncodingError`   |
 *
 * How it is fast: one pass over the bytes finds the fields (RFC 4180 quoting); each field's bytes
 * are interned into a per-column hash table, so a row costs a few integer writes and no strings,
 * and once a sample of rows shows a column of plain decimals or ISO timestamps, its values are
 * read straight from the bytes into a Float64Array (a later value that does not fit turns the
 * column back into interned text, exactly as read). Types are inferred at the end over each
 * column's DISTINCT values.
 *
 * Reading: text encoding detected (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030),
 * delimiter detected (`,` `;` tab `|`, or runs of spaces as in CDNOW_master.txt), header detected
 * (a first row that looks like data gives columns `column_1…`), RFC 4180 quotes with embedded
 * newlines, CRLF or LF. Ragged rows throw, or with `badRows: 'skip'` are skipped and reported.
 *
 * Type inference (over all rows, empty field = null): all `true`/`false` → Bool; all 8-digit
 * valid `YYYYMMDD` → timestamp; all numbers → Float64; all one date format of `dates.ts` →
 * TimestampMillisecond (UTC); otherwise Dictionary<Utf8, Int32>.
 *
 * @example
 *   const t = parseCsv('a,b\n1,x\n2,"y, z"\n', { file: 'demo.csv' });
 *   t.numRows;               // 2
 *   t.getChild('b')?.get(1); // 'y, z'
 */
import type { Table } from 'apache-arrow';
import { EncodingError, type CsvEncoding } from './csvEncoding';
import { CsvReader, type CsvOptions, type CsvReport } from './csvReader';

export { DELIMITERS, detectDelimiter, firstRowIsHeader } from './csvDetect';
export { EncodingError, invalidUtf8At, sniffEncoding, type CsvEncoding } from './csvEncoding';
export { parseNumber } from './csvInfer';
export {
  CsvReader,
  MAX_PROBLEMS,
  MAX_RECORD_BYTES,
  MAX_SKIPPED_FRACTION,
  MAX_SKIPPED_TEXT,
  SNIFF_BYTES,
  type CsvOptions,
  type CsvReport,
  type CsvTuning,
  type SkippedRow,
} from './csvReader';

/**
 * Parse a whole CSV (bytes or text) into a single-batch Arrow table.
 *
 * @example
 *   parseCsv('id;when\n1;2024-01-02\n', { file: 'x.csv' }).getChild('when')?.type.toString(); // 'Timestamp<MILLISECOND>'
 */
export function parseCsv(input: Uint8Array | string, opts: CsvOptions): Table {
  return parseCsvReport(input, { badRows: 'error', ...opts }).table;
}

/**
 * Parse a whole CSV and return the table with the reader's report (skipped rows, warnings).
 * `badRows` defaults to `'skip'` here.
 *
 * @example
 *   const { table, report } = parseCsvReport('a,b\n1,2\n3\n…', { file: 'x.csv' });
 */
export function parseCsvReport(input: Uint8Array | string, opts: CsvOptions): { table: Table; report: CsvReport } {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const read = (encoding: CsvEncoding | undefined) => {
    const reader = new CsvReader({ badRows: 'skip', ...opts, encoding });
    reader.push(bytes);
    const table = reader.end();
    return { table, report: reader.report };
  };
  try {
    return read(opts.encoding);
  } catch (e) {
    // Invalid UTF-8 after the sniffed start: the file may be GBK with a plain-ASCII beginning.
    if (!(e instanceof EncodingError) || (opts.encoding ?? 'auto') !== 'auto') throw e;
    try {
      return read('gb18030');
    } catch {
      throw e;
    }
  }
}
