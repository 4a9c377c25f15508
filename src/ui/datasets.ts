/**
 * Datasets the browser session knows: the shipped ones (fetched from the app's own origin), the
 * tables the user loaded in this tab, and large files the user chose that stay on disk: a file over
 * the large-file threshold is not read into the tab; the engine cells hand it to DuckDB-wasm, which
 * reads it from disk in its worker, and only a cell that needs the raw lines loads it here (in the
 * loading worker, on demand). Keys are what the notebook's dataset widget holds.
 */
import type { Table } from 'apache-arrow';
import { SHIPPED_DATASETS as SHIPPED } from '../stdlib/shippedData';
import type { EngineHost } from '../engine/host';
import { loadShippedInWorker } from '../workers/client';

/** Default large-file threshold (MB, 10^6 bytes): the big-data notebook's `thresholdMB` default too. */
export const LARGE_FILE_MB = 200;

/** File names DuckDB-wasm reads itself (CSV-like text, optionally gzipped). */
export const DUCKDB_READS = /\.(csv|tsv|txt)(\.gz)?$/i;

/** Shipped datasets read in this tab (or being read), by key: they never change, so every session shares them. */
const shippedTables = new Map<string, Promise<Table>>();

/**
 * The shipped dataset `key` as a table, read once per tab: fetched from the app's own origin and inflated
 * (and parsed, for CSV) in the loading worker. The app calls it
 * while it boots, so the file arrives while the notebook is being laid out; the dataset widget's cell
 * then gets the same promise. A failed read is forgotten, so the next call tries again. Null when `key`
 * is not a shipped file (a built-in or a user's dataset).
 *
 * @example
 *   void loadShipped('online-retail'); // at boot: start reading now
 *   (await loadShipped('online-retail'))!.numRows; // 541909
 */
export function loadShipped(key: string): Promise<Table> | null {
  const cached = shippedTables.get(key);
  if (cached) return cached;
  const shipped = SHIPPED.find((d) => d.key === key && d.file);
  if (!shipped) return null;
  const file = shipped.file!;
  const url = new URL(`data/${file}`, document.baseURI).href;
  const promise = loadShippedInWorker(url, file);
  promise.catch(() => shippedTables.delete(key));
  shippedTables.set(key, promise);
  return promise;
}

export class DatasetRegistry {
  #loaded = new Map<string, Promise<Table>>();
  #uploads = new Map<string, Table>();
  #files = new Map<string, File>();
  /** Reads a kept file into a table (the loading worker in the app); set by the session. */
  readFile: ((file: File) => Promise<Table>) | null = null;

  /** Keys the dataset picker offers. */
  keys(): { key: string; label: string }[] {
    const own = [...this.#uploads.keys(), ...this.#files.keys()];
    return [...SHIPPED.map(({ key, label }) => ({ key, label })), ...own.map((key) => ({ key, label: `${key} (your file)` }))];
  }

  add(key: string, table: Table) {
    this.#files.delete(key);
    this.#uploads.set(key, table);
    this.#loaded.set(key, Promise.resolve(table));
  }

  /** Keep a large file on disk under `key`: nothing is read until a cell asks for it. */
  addFile(key: string, file: File) {
    this.#uploads.delete(key);
    this.#loaded.delete(key);
    this.#files.set(key, file);
  }

  isUpload(key: string): boolean {
    return this.#uploads.has(key) || this.#files.has(key);
  }

  /** The kept (unread) file behind `key`, if it is one. */
  file(key: string): File | undefined {
    return this.#files.get(key);
  }

  /** What the engine builtins need: the size of a kept file, and the file itself for DuckDB. */
  engineHost(): EngineHost {
    return {
      size: async (key) => this.#files.get(key)?.size,
      file: (key) => {
        const f = this.#files.get(key);
        return f && DUCKDB_READS.test(f.name) ? f : undefined;
      },
    };
  }

  load(key: string): Promise<Table> {
    const cached = this.#loaded.get(key);
    if (cached) return cached;
    const kept = this.#files.get(key);
    if (kept) {
      if (!this.readFile) return Promise.reject(new Error(`${kept.name}: this page cannot read files`));
      const promise = this.readFile(kept);
      promise.catch(() => this.#loaded.delete(key));
      this.#loaded.set(key, promise);
      return promise;
    }
    return (
      loadShipped(key) ??
      Promise.reject(new Error(`dataset \`${key}\` is not loaded in this tab — load the file again (your data is never stored in links)`))
    );
  }
}
