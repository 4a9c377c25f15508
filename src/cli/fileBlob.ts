/**
 * A file on disk as the `Blob` that `loadBlob` reads, without reading it into memory first: `stream()`
 * reads it in fresh 1 MiB chunks, `slice()` and
 * `arrayBuffer()` read only the range asked for. Node's own file-backed Blob (`fs.openAsBlob`) streams
 * in 64 KiB pieces through more machinery and is ~2× slower for a large CSV.
 *
 * @example
 *   const r = await loadBlob(fileBlob('orders.csv'), 'orders.csv');
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { SYNC_CHUNKS } from '../core/data/loadBlob';

/** Bytes per chunk of `stream()`. */
export const FILE_CHUNK = 1 << 20;

function readRange(path: string, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < out.length) {
      const n = readSync(fd, out, done, out.length - done, start + done);
      if (n <= 0) break;
      done += n;
    }
    return done === out.length ? out : out.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

function rangeBlob(path: string, start: number, end: number): Blob {
  const size = end - start;
  const blob = {
    size,
    type: '',
    slice(from = 0, to = size): Blob {
      const clamp = (v: number) => Math.max(0, Math.min(size, v < 0 ? size + v : v));
      return rangeBlob(path, start + clamp(from), start + Math.max(clamp(from), clamp(to)));
    },
    async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = readRange(path, start, end);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    async bytes(): Promise<Uint8Array> {
      return readRange(path, start, end);
    },
    async text(): Promise<string> {
      return new TextDecoder().decode(readRange(path, start, end));
    },
    /**
     * The same chunks as `stream()`, read synchronously (loadBlob's fast path for uncompressed files).
     * With `reuse`, every chunk is read into the same memory: the consumer must be done with a chunk
     * when it asks for the next (the CSV reader keeps none), and no fresh memory is touched per chunk.
     */
    *[SYNC_CHUNKS](reuse = false): Generator<Uint8Array> {
      const fd = openSync(path, 'r');
      try {
        let shared: Uint8Array | null = null;
        for (let at = start; at < end; ) {
          const want = Math.min(FILE_CHUNK, end - at);
          const chunk: Uint8Array = reuse ? (shared ??= new Uint8Array(want)).subarray(0, want) : new Uint8Array(want);
          const n = readSync(fd, chunk, 0, chunk.length, at);
          if (n <= 0) return;
          at += n;
          yield n === chunk.length ? chunk : chunk.subarray(0, n);
        }
      } finally {
        closeSync(fd);
      }
    },
    stream(): ReadableStream<Uint8Array> {
      let fd: number | null = null;
      let at = start;
      const close = () => {
        if (fd !== null) closeSync(fd);
        fd = null;
      };
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          fd ??= openSync(path, 'r');
          const chunk = new Uint8Array(Math.min(FILE_CHUNK, end - at));
          const n = chunk.length ? readSync(fd, chunk, 0, chunk.length, at) : 0;
          if (n <= 0) {
            close();
            controller.close();
            return;
          }
          at += n;
          controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
        },
        cancel: close,
      });
    },
  };
  return blob as unknown as Blob;
}

/** The file at `path` as a lazily read Blob (its size from `stat`). */
export function fileBlob(path: string): Blob {
  return rangeBlob(path, 0, statSync(path).size);
}
