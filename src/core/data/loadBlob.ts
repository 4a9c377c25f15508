/**
 * Read a user's file (a Blob: browser File, or Node's Blob) into an Arrow table, streaming.
 *
 * Kinds, decided by magic bytes first and the name second:
 * - Parquet (`PAR1` magic), read with hyparquet;
 * - Arrow IPC (`ARROW1` magic or a stream message; `.arrow`, `.arrows`, `.feather`, `.ipc`), gzip or not;
 * - CSV / TSV / TXT (anything else), gzip or not: streamed chunk by chunk through `CsvReader`
 *   (gzip inflated on the fly with `DecompressionStream`), so the text never exists as one string.
 * Progress is the fraction of the FILE's bytes read (compressed bytes for gzip).
 *
 * @example
 *   const { table, skipped, problems } = await loadBlob(file, file.name, { onProgress: (read, total) => bar(read / total) });
 */
import type { Table } from 'apache-arrow';
import { DataError, type DataErrorInfo } from '../errors';
import { readArrow } from './arrow';
import { dropBadRoleRows } from './badRows';
import { CsvReader, EncodingError, MAX_PROBLEMS, MAX_SKIPPED_TEXT, type CsvOptions, type SkippedRow } from './csv';
export { skippedRowsCsv } from './skipped';
import { isGzip } from './defaultData';
import { isParquet, readParquet } from './parquet';
import { detectRoles } from './roles';

/** Options of `readBlob`. */
export interface ReadBlobOptions {
  /** Called with (bytes read, total bytes) as the file streams in, at most ~100 times. */
  onProgress?: (read: number, total: number) => void;
  /** CSV options other than the file name (delimiter, header). */
  csv?: Omit<CsvOptions, 'file'>;
  /** Abort reading (rejects with the signal's reason, an AbortError by default). */
  signal?: AbortSignal;
}

const ARROW_NAMES = /\.(arrow|arrows|feather|ipc)(\.gz)?$/i;

function looksLikeArrow(head: Uint8Array): boolean {
  const magic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
  if (magic.every((b, i) => head[i] === b)) return true;
  return head.length >= 4 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Loading was cancelled', 'AbortError');
}

/** Iterate a byte stream, counting the bytes of the ORIGINAL file for progress. */
/**
 * A Blob may offer its bytes as a synchronous sequence of chunks under this key (the runner's
 * `fileBlob`: plain reads from disk), skipping the web-stream machinery for uncompressed input.
 * Called with `reuse = true` it may read every chunk into the same memory (for a consumer that
 * keeps no chunk once it asks for the next, like `CsvReader`).
 */
export const SYNC_CHUNKS = Symbol.for('tierbook.syncChunks');

async function* chunks(
  blob: Blob,
  name: string,
  gzip: boolean,
  onRead: (n: number) => void,
  signal: AbortSignal | undefined,
  reuse = false,
): AsyncGenerator<Uint8Array> {
  const direct = (blob as unknown as { [SYNC_CHUNKS]?: (reuse: boolean) => Iterable<Uint8Array> })[SYNC_CHUNKS];
  if (direct && !gzip) {
    for (const c of direct.call(blob, reuse)) {
      if (signal?.aborted) throw abortError(signal);
      onRead(c.byteLength);
      yield c;
    }
    return;
  }
  let stream: ReadableStream<Uint8Array> = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        onRead(chunk.byteLength);
        ctl.enqueue(chunk);
      },
    }),
  );
  if (gzip) stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  try {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        if (gzip) throw new DataError({ file: name, problem: `is not valid gzip: ${(e as Error).message}` });
        throw e;
      }
      const { done, value } = next;
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Files larger than this (2 GiB) are refused before reading. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** What `loadBlob` resolves to: the table of good rows and a report of what was skipped. */
export interface LoadResult {
  /** The user's own columns, bad rows removed (map roles and call `toTransactions` next). */
  table: Table;
  /** How the file was read. */
  format: 'csv' | 'arrow' | 'parquet';
  /** CSV only: encoding, delimiter (`' '` = whitespace runs) and whether a header was found. */
  csv?: { encoding: string; delimiter: string; header: boolean };
  /** Data rows in the file, kept and skipped together. */
  rows: number;
  /** Rows skipped (exact count). */
  skipped: number;
  /** Located problems of the first 100 skipped rows, in row order. */
  problems: DataErrorInfo[];
  /** The first 10,000 skipped rows: row, located message, the row's text. */
  skippedRows: SkippedRow[];
  /** Changes that lost nothing, e.g. a duplicate header renamed `Quantity_2`. */
  warnings: DataErrorInfo[];
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * Read a Blob (CSV/TSV/TXT, Arrow IPC or Parquet; CSV and Arrow optionally gzip) into a table of
 * its good rows plus a report of the bad ones.
 *
 * - Refused before reading: files over 2 GB (`MAX_FILE_BYTES`).
 * - CSV: ragged rows are skipped (more than 10% of rows ragged: one DataError for the file); an
 *   invalid-UTF-8 file is retried as GB18030 before its error is reported.
 * - Every format: rows whose time / quantity / price / amount value is unusable for the role
 *   `detectRoles` gives its column are skipped (see `badRows.ts`); `roles: false` turns this off.
 * - Fatal problems (empty, header only, binary, unclosed quote, …) reject with one DataError.
 *
 * @example
 *   const r = await loadBlob(file, file.name);
 *   `loaded ${r.table.numRows} rows; ${r.skipped} rows skipped`;
 */
export async function loadBlob(blob: Blob, name: string, opts: ReadBlobOptions & { roles?: boolean } = {}): Promise<LoadResult> {
  const { onProgress, signal } = opts;
  if (signal?.aborted) throw abortError(signal);
  const total = blob.size;
  if (total > MAX_FILE_BYTES) {
    throw new DataError({
      file: name,
      problem: `is ${gib(total)}, too large to load in a browser tab`,
      expected: 'at most 2 GB: filter or split the export, or save it as Parquet or gzip-compressed CSV',
    });
  }
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  const gzip = isGzip(head);
  let read = 0;
  let reported = -1;
  const onRead = (n: number): void => {
    read += n;
    const step = Math.floor((read / Math.max(1, total)) * 100);
    if (step !== reported) {
      reported = step;
      onProgress?.(read, total);
    }
  };
  const whole = async (): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const c of chunks(blob, name, gzip, onRead, signal)) {
      parts.push(c);
      size += c.byteLength;
    }
    const bytes = new Uint8Array(size);
    let o = 0;
    for (const p of parts) {
      bytes.set(p, o);
      o += p.byteLength;
    }
    return bytes;
  };
  const empty = { skipped: 0, problems: [] as DataErrorInfo[], skippedRows: [] as SkippedRow[], warnings: [] as DataErrorInfo[] };
  let result: LoadResult;
  let fileRow = (i: number): number => i + 1;
  try {
    if (!gzip && isParquet(head)) {
      const table = await readParquet(await whole(), name);
      result = { table, format: 'parquet', rows: table.numRows, ...empty };
    } else if (gzip ? ARROW_NAMES.test(name) : looksLikeArrow(head) || ARROW_NAMES.test(name)) {
      const table = readArrow(await whole(), name);
      result = { table, format: 'arrow', rows: table.numRows, ...empty };
    } else {
      const readCsv = async (encoding?: CsvOptions['encoding']) => {
        read = 0;
        reported = -1;
        const sizeHint = gzip ? undefined : total;
        const reader = new CsvReader({ badRows: 'skip', sizeHint, ...opts.csv, encoding: encoding ?? opts.csv?.encoding, file: name });
        for await (const c of chunks(blob, name, gzip, onRead, signal, true)) reader.push(c);
        const table = reader.end();
        return { table, reader };
      };
      let out: Awaited<ReturnType<typeof readCsv>>;
      try {
        out = await readCsv();
      } catch (e) {
        if (!(e instanceof EncodingError) || (opts.csv?.encoding ?? 'auto') !== 'auto') throw e;
        try {
          out = await readCsv('gb18030');
        } catch {
          throw e;
        }
      }
      const rep = out.reader.report;
      fileRow = (i) => out.reader.fileRow(i);
      result = {
        table: out.table,
        format: 'csv',
        csv: { encoding: rep.encoding, delimiter: rep.delimiter, header: rep.header },
        rows: rep.rows,
        skipped: rep.skipped,
        problems: rep.problems,
        skippedRows: rep.skippedRows,
        warnings: rep.warnings,
      };
    }
  } finally {
    if (read === total && reported !== 100) onProgress?.(read, total);
  }
  if (opts.roles !== false) {
    const more = dropBadRoleRows(result.table, detectRoles(result.table), name, fileRow);
    if (more.skipped || more.table !== result.table) {
      const byRow = <T extends { row?: number }>(a: T[], b: T[], max: number): T[] => [...a, ...b].sort((x, y) => (x.row ?? 0) - (y.row ?? 0)).slice(0, max);
      result = {
        ...result,
        table: more.table,
        skipped: result.skipped + more.skipped,
        problems: byRow(result.problems, more.problems, MAX_PROBLEMS),
        skippedRows: byRow(result.skippedRows, more.skippedRows, MAX_SKIPPED_TEXT),
      };
    }
  }
  return result;
}

/**
 * Read a Blob into the table of its good rows (`loadBlob(...).table`; the report is dropped).
 *
 * @example
 *   (await readBlob(new Blob(['a,b\n1,2\n']), 'x.csv')).numRows; // 1
 */
export async function readBlob(blob: Blob, name: string, opts: ReadBlobOptions = {}): Promise<Table> {
  return (await loadBlob(blob, name, opts)).table;
}
