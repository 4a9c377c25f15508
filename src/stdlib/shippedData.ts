/**
 * Datasets that ship in public/data (attribution and licences in the README). The browser fetches
 * `data/<file>` from the app's own origin; the headless runner reads `public/data/<file>`.
 * A notebook's dataset widget holds one of these keys, or the name of a file the user loaded.
 */
export interface ShippedDataset {
  key: string;
  label: string;
  /** File name under public/data/ (CSV or Arrow IPC, optionally gzip-compressed). */
  file: string;
}

export const SHIPPED_DATASETS: ShippedDataset[] = [
  { key: 'online-retail', label: 'UCI Online Retail (541,909 lines)', file: 'online-retail.arrow.gz' },
];
