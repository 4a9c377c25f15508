/**
 * Main-thread client of the loading worker: one fresh worker per file, terminated after use or on
 * abort. Imports comlink, apache-arrow (to read the returned IPC) and types only; the CSV reader
 * lives in the worker chunk.
 *
 * @example
 *   const table = await loadFile(input.files[0], { onProgress: (f) => (progress = f), signal });
 */
import * as Comlink from 'comlink';
import type { Table } from 'apache-arrow';
import { readArrow } from '../core/data/arrow';
import { DataError } from '../core/errors';
import type { LoadApi } from './load.worker';

/** Options of `loadFile`. */
export interface LoadFileOptions {
  /** Fraction (0–1) of the file's bytes read so far. */
  onProgress?: (fraction: number) => void;
  /** Aborting terminates the worker and rejects with `DOMException('Loading was cancelled', 'AbortError')`. */
  signal?: AbortSignal;
}

/**
 * Load a CSV/TSV or Arrow file (optionally gzip) in a worker and return its table (the user's own
 * columns; map roles and call `toTransactions` next). Input problems reject with a DataError.
 *
 * @example
 *   const t = await loadFile(file);
 *   const tx = toTransactions(t, detectRoles(t), { file: file.name });
 */
export async function loadFile(file: File | (Blob & { name: string }), opts: LoadFileOptions = {}): Promise<Table> {
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
    const progress = onProgress ? Comlink.proxy((read: number, total: number) => onProgress(total > 0 ? read / total : 1)) : undefined;
    const reply = await Promise.race([api.load(file, file.name, progress), stopped]);
    if (!reply.ok) throw new DataError(reply.info);
    onProgress?.(1);
    return readArrow(reply.bytes, file.name);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
