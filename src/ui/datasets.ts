/**
 * Datasets the browser session knows: the shipped ones (fetched from the app's own origin) and
 * the files the user loaded in this tab. Keys are what the notebook's dataset widget holds.
 */
import type { Table } from 'apache-arrow';
import { loadArrowBytes, isGzip, gunzip } from '../core/data/defaultData';
import { parseCsv } from '../core/data/csv';
import { SHIPPED_DATASETS as SHIPPED } from '../stdlib/shippedData';

export class DatasetRegistry {
  #loaded = new Map<string, Promise<Table>>();
  #uploads = new Map<string, Table>();

  /** Keys the dataset picker offers. */
  keys(): { key: string; label: string }[] {
    return [...SHIPPED.map(({ key, label }) => ({ key, label })), ...[...this.#uploads.keys()].map((key) => ({ key, label: `${key} (your file)` }))];
  }

  add(key: string, table: Table) {
    this.#uploads.set(key, table);
    this.#loaded.set(key, Promise.resolve(table));
  }

  isUpload(key: string): boolean {
    return this.#uploads.has(key);
  }

  load(key: string): Promise<Table> {
    const cached = this.#loaded.get(key);
    if (cached) return cached;
    const shipped = SHIPPED.find((d) => d.key === key && d.file);
    if (!shipped) {
      return Promise.reject(new Error(`dataset \`${key}\` is not loaded in this tab — load the file again (your data is never stored in links)`));
    }
    const file = shipped.file!;
    const url = `data/${file}`;
    const promise = fetch(new URL(url, document.baseURI)).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      let bytes: Uint8Array = new Uint8Array(await response.arrayBuffer());
      if (/\.(arrow|arrows|feather|ipc)(\.gz)?$/i.test(file)) return loadArrowBytes(bytes, file);
      if (isGzip(bytes)) bytes = await gunzip(bytes, file);
      return parseCsv(bytes, { file: file.replace(/\.gz$/i, '') });
    });
    promise.catch(() => this.#loaded.delete(key));
    this.#loaded.set(key, promise);
    return promise;
  }
}
