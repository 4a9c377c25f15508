/**
 * Main-thread client of the loading worker: one fresh worker per file or URL, terminated after
 * use or on abort. Imports comlink, apache-arrow (to read the returned IPC) and types only; the
 * readers live in the worker chunk.
 *
 * @example
 *   const { table, skipped, problems } = await loadFile(input.files[0], { onProgress: (f) => (progress = f), signal });
 */
import * as Comlink from 'comlink';
import type { Table } from 'apache-arrow';
import { readArrow } from '../core/data/arrow';
import { DataError } from '../core/errors';
import type { LoadResult } from '../core/data/loadBlob';
import type { LoadApi, LoadProgress, LoadReply, ShippedReply } from './load.worker';

export type { LoadResult } from '../core/data/loadBlob';

/** Options of `loadFile` and `loadUrl`. */
export interface LoadFileOptions {
  /** Fraction (0–1) of the bytes done in the current phase (NaN when the size is unknown), and the phase. */
  onProgress?: (fraction: number, phase: 'download' | 'read') => void;
  /** Aborting terminates the worker and rejects with `DOMException('Loading was cancelled', 'AbortError')`. */
  signal?: AbortSignal;
}

/** Runs `call` in a fresh loading worker, terminated afterwards; abort → AbortError; a failed reply → its DataError. */
async function withLoadWorker<R extends LoadReply | ShippedReply>(
  opts: LoadFileOptions,
  call: (api: Comlink.Remote<LoadApi>, progress: LoadProgress | undefined) => Promise<R>,
): Promise<Extract<R, { ok: true }>> {
  const { onProgress, signal } = opts;
  const cancelled = (): DOMException => new DOMException('Loading was cancelled', 'AbortError');
  if (signal?.aborted) throw cancelled();
  const worker = new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'tierbook-load' });
  const api = Comlink.wrap<LoadApi>(worker);
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault?.();
      reject(new Error(`loading worker failed: ${e.message || 'could not load the worker script'}`));
    });
    onAbort = () => reject(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => {}); // observed through the race below
  try {
    const progress = onProgress
      ? Comlink.proxy<LoadProgress>((done, total, phase) => onProgress(total > 0 ? done / total : NaN, phase))
      : undefined;
    const reply = await Promise.race([call(api, progress), stopped]);
    if (!reply.ok) throw new DataError(reply.info);
    onProgress?.(1, 'read');
    return reply as Extract<R, { ok: true }>;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}

async function inWorker(name: string, opts: LoadFileOptions, call: (api: Comlink.Remote<LoadApi>, progress: LoadProgress | undefined) => Promise<LoadReply>): Promise<LoadResult> {
  const reply = await withLoadWorker(opts, call);
  const table: Table = readArrow(reply.bytes, name);
  return { table, ...reply.report };
}

/**
 * Load a CSV/TSV/TXT, Arrow or Parquet file (CSV/Arrow optionally gzip) in a worker. Resolves to
 * the table of good rows (the user's own columns; map roles and call `toTransactions` next) with
 * the report of skipped rows (`skipped`, `problems`, `skippedRows`, `warnings`; see `LoadResult`).
 * Fatal input problems reject with one located DataError.
 *
 * @example
 *   const { table, skipped } = await loadFile(file);
 *   const tx = toTransactions(table, detectRoles(table), { file: file.name });
 */
export function loadFile(file: File | (Blob & { name: string }), opts: LoadFileOptions = {}): Promise<LoadResult> {
  return inWorker(file.name, opts, (api, progress) => api.load(file, file.name, progress));
}

/**
 * Fetch a URL in the worker (progress phase `download`, then `read`) and load it like `loadFile`.
 * The server must allow cross-origin reads (CORS); the error says so when it does not.
 *
 * @example
 *   const { table } = await loadUrl('https://example.org/orders.csv');
 */
export function loadUrl(url: string, opts: LoadFileOptions = {}): Promise<LoadResult> {
  const name = url.split(/[?#]/)[0].split('/').filter(Boolean).at(-1) ?? url;
  return inWorker(name, opts, (api, progress) => api.loadUrl(url, progress));
}

/**
 * Read a data file that ships with the app (`url` on the app's own origin, e.g. `data/online-retail.arrow.gz`)
 * in a worker: the fetch, the inflating and any CSV parsing happen off the main thread; the tab only maps the
 * returned IPC bytes. `file` names the file in errors.
 *
 * @example
 *   const table = await loadShippedInWorker(new URL('data/online-retail.arrow.gz', document.baseURI).href, 'online-retail.arrow.gz');
 */
export async function loadShippedInWorker(url: string, file: string): Promise<Table> {
  return readArrow((await withLoadWorker({}, (api) => api.shipped(url, file) as Promise<ShippedReply>)).bytes, file);
}
