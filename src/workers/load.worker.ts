/**
 * The loading worker (module worker): streams a user's File/Blob — or a URL it fetches itself —
 * through the readers (CSV, Arrow IPC, Parquet) off the main thread and hands back Arrow IPC bytes,
 * transferred, never row objects, with the report of skipped rows.
 * Exposes `{ load(file, name, onProgress?), loadUrl(url, onProgress?) }` via comlink; see `loadClient.ts`.
 */
import * as Comlink from 'comlink';
import { writeArrow } from '../core/data/arrow';
import { loadBlob, type LoadResult } from '../core/data/loadBlob';
import { shippedIpc } from '../core/data/shipped';
import { DataError, type DataErrorInfo } from '../core/errors';

/** Progress callback: (bytes done, total bytes or 0 when unknown, phase). */
export type LoadProgress = (done: number, total: number, phase: 'download' | 'read') => void;

/** What the worker returns: IPC bytes and the report, or the DataError's fields (rebuilt by the client). */
export type LoadReply = { ok: true; bytes: Uint8Array; report: Omit<LoadResult, 'table'> } | { ok: false; info: DataErrorInfo };

/** The file name a URL's last path segment gives (`data.csv` for `https://x.org/a/data.csv?raw=1`). */
export function nameOfUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).at(-1) ?? '');
    return last || u.hostname;
  } catch {
    return url;
  }
}

/**
 * Fetch `url` into a Blob with byte progress. Network and CORS failures become DataErrors that say
 * what to do (a browser cannot tell the two apart: both surface as a TypeError).
 */
async function fetchBlob(url: string, name: string, onProgress?: LoadProgress): Promise<Blob> {
  let parsed: URL;
  try {
    parsed = new URL(url, self.location.href);
  } catch {
    throw new DataError({ file: url, problem: 'is not a valid URL', expected: 'an http(s):// address of a CSV, Arrow or Parquet file' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DataError({ file: url, problem: `uses ${parsed.protocol} which cannot be fetched`, expected: 'an http(s):// address' });
  }
  let response: Response;
  try {
    response = await fetch(parsed.href, { mode: 'cors', credentials: 'omit' });
  } catch (e) {
    throw new DataError({
      file: name,
      problem: `could not be fetched from ${parsed.host} (${(e as Error).message}): the server is unreachable, or it does not allow other sites to read the file (CORS)`,
      expected: 'a server that sends Access-Control-Allow-Origin; otherwise download the file and load it from disk',
    });
  }
  if (!response.ok) throw new DataError({ file: name, problem: `could not be fetched: the server answered ${response.status} ${response.statusText}`.trim() });
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    parts.push(next.value);
    done += next.value.byteLength;
    onProgress?.(done, total, 'download');
  }
  return new Blob(parts as BlobPart[]);
}

async function reply(blob: Blob, name: string, onProgress?: LoadProgress): Promise<LoadReply> {
  const { table, ...report } = await loadBlob(blob, name, {
    onProgress: onProgress ? (read, total) => void onProgress(read, total, 'read') : undefined,
  });
  const bytes = writeArrow(table, 'stream');
  return Comlink.transfer({ ok: true as const, bytes, report }, [bytes.buffer as ArrayBuffer]);
}

function release(onProgress: unknown): void {
  (onProgress as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
}

/** What `shipped` returns: the IPC bytes, or the DataError's fields (rebuilt by the client). */
export type ShippedReply = { ok: true; bytes: Uint8Array } | { ok: false; info: DataErrorInfo };

const api = {
  /**
   * Fetch a file that ships with the app (`url` on the app's own origin) and return it as Arrow IPC bytes,
   * transferred (`shippedIpc`: an Arrow file inflated, a CSV parsed). `file` names it in errors.
   */
  async shipped(url: string, file: string): Promise<ShippedReply> {
    try {
      const blob = await fetchBlob(url, file);
      const bytes = await shippedIpc(new Uint8Array(await blob.arrayBuffer()), file);
      return Comlink.transfer({ ok: true as const, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      if (e instanceof DataError) return { ok: false, info: e.info };
      throw e;
    }
  },
  /**
   * Read `file` (CSV/TSV/TXT, Arrow or Parquet; CSV/Arrow optionally gzip) and return its good rows
   * as Arrow IPC (stream format) bytes plus the skipped-rows report. `onProgress` is a
   * `Comlink.proxy` from the client; it is released when loading ends.
   */
  async load(file: Blob, name: string, onProgress?: LoadProgress): Promise<LoadReply> {
    try {
      return await reply(file, name, onProgress);
    } catch (e) {
      if (e instanceof DataError) return { ok: false, info: e.info };
      throw e;
    } finally {
      release(onProgress);
    }
  },
  /** Fetch `url` (progress phase `download`), then read it like `load` (phase `read`). */
  async loadUrl(url: string, onProgress?: LoadProgress): Promise<LoadReply> {
    const name = nameOfUrl(url);
    try {
      const blob = await fetchBlob(url, name, onProgress);
      return await reply(blob, name, onProgress);
    } catch (e) {
      if (e instanceof DataError) return { ok: false, info: e.info };
      throw e;
    } finally {
      release(onProgress);
    }
  },
};

export type LoadApi = typeof api;

Comlink.expose(api);
