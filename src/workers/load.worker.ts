/**
 * The loading worker (module worker): streams a user's File/Blob through the CSV reader (or reads an
 * Arrow file) off the main thread and hands back Arrow IPC bytes, transferred, never row objects.
 * Exposes `{ load(file, name, onProgress?) }` via comlink; see `loadClient.ts`.
 */
import * as Comlink from 'comlink';
import { writeArrow } from '../core/data/arrow';
import { readBlob } from '../core/data/loadBlob';
import { DataError, type DataErrorInfo } from '../core/errors';

/** What `load` returns: IPC bytes, or the DataError's fields (rebuilt as a DataError by the client). */
export type LoadReply = { ok: true; bytes: Uint8Array } | { ok: false; info: DataErrorInfo };

const api = {
  /**
   * Read `file` (CSV/TSV or Arrow, either optionally gzip) as a table and return it as Arrow IPC
   * (stream format) bytes. `onProgress` is a `Comlink.proxy` from the client, called with
   * (bytes read, total bytes); it is released when loading ends.
   */
  async load(file: Blob, name: string, onProgress?: (read: number, total: number) => void): Promise<LoadReply> {
    try {
      const table = await readBlob(file, name, {
        onProgress: onProgress ? (read, total) => void onProgress(read, total) : undefined,
      });
      const bytes = writeArrow(table, 'stream');
      return Comlink.transfer({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (e) {
      if (e instanceof DataError) return { ok: false, info: e.info };
      throw e;
    } finally {
      (onProgress as unknown as Partial<Comlink.Remote<unknown>> | undefined)?.[Comlink.releaseProxy]?.();
    }
  },
};

export type LoadApi = typeof api;

Comlink.expose(api);
