/**
 * Read a user's file (a Blob: browser File, or Node's Blob) into an Arrow table, streaming.
 *
 * Kinds, decided by magic bytes first and the name second:
 * - Arrow IPC (`ARROW1` magic or a stream message; `.arrow`, `.arrows`, `.feather`, `.ipc`), gzip or not;
 * - CSV / TSV / TXT (anything else), gzip or not: streamed chunk by chunk through `CsvReader`
 *   (gzip inflated on the fly with `DecompressionStream`), so the text never exists as one string.
 * Progress is the fraction of the FILE's bytes read (compressed bytes for gzip).
 *
 * @example
 *   const table = await readBlob(file, file.name, { onProgress: (read, total) => bar(read / total) });
 */
import type { Table } from 'apache-arrow';
import { DataError } from '../errors';
import { readArrow } from './arrow';
import { CsvReader, type CsvOptions } from './csv';
import { isGzip } from './defaultData';

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
async function* chunks(
  blob: Blob,
  name: string,
  gzip: boolean,
  onRead: (n: number) => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
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

/**
 * Read a Blob (CSV or Arrow, each optionally gzip) into a single-batch Arrow table.
 * Errors are DataErrors naming `name`.
 *
 * @example
 *   (await readBlob(new Blob(['a,b\n1,2\n']), 'x.csv')).numRows; // 1
 */
export async function readBlob(blob: Blob, name: string, opts: ReadBlobOptions = {}): Promise<Table> {
  const { onProgress, signal } = opts;
  if (signal?.aborted) throw abortError(signal);
  const total = blob.size;
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
  const arrow = gzip ? ARROW_NAMES.test(name) : looksLikeArrow(head) || ARROW_NAMES.test(name);
  try {
    if (arrow) {
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
      return readArrow(bytes, name);
    }
    const reader = new CsvReader({ ...opts.csv, file: name });
    for await (const c of chunks(blob, name, gzip, onRead, signal)) reader.push(c);
    return reader.end();
  } finally {
    if (read === total && reported !== 100) onProgress?.(read, total);
  }
}
