/**
 * Datasets the browser session knows: the shipped ones (fetched from the app's own origin) and
 * the files the user loaded in this tab. Keys are what the notebook's dataset widget holds.
 */
import type { Table } from 'apache-arrow';
import { loadArrowBytes } from '../core/data/defaultData';

export interface ShippedDataset {
  key: string;
  label: string;
  url: string;
}

/** Datasets that ship with the app (see public/data and the README for attribution). */
export const SHIPPED: ShippedDataset[] = [
  { key: 'online-retail', label: 'UCI Online Retail (541,909 lines)', url: 'data/online-retail.arrow.gz' },
];

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
    const shipped = SHIPPED.find((d) => d.key === key);
    if (!shipped) {
      return Promise.reject(new Error(`dataset \`${key}\` is not loaded in this tab — load the file again (your data is never stored in links)`));
    }
    const promise = fetch(new URL(shipped.url, document.baseURI)).then(async (response) => {
      if (!response.ok) throw new Error(`${shipped.url}: HTTP ${response.status}`);
      return loadArrowBytes(new Uint8Array(await response.arrayBuffer()), shipped.url.split('/').pop()!);
    });
    promise.catch(() => this.#loaded.delete(key));
    this.#loaded.set(key, promise);
    return promise;
  }
}
