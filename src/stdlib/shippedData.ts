/**
 * Datasets that ship in public/data (attribution and licences in the README). The browser fetches
 * `data/<file>` from the app's own origin; the headless runner reads `public/data/<file>`.
 * A notebook's dataset widget holds one of these keys, or the name of a file the user loaded.
 */
export interface ShippedDataset {
  key: string;
  label: string;
  /** File name under public/data/ (CSV or Arrow IPC, optionally gzip-compressed); none when built in. */
  file?: string;
  /** Made by the notebook itself (seeded), never fetched: e.g. a synthetic A/B test. */
  builtin?: boolean;
}

export const SHIPPED_DATASETS: ShippedDataset[] = [
  { key: 'online-retail', label: 'UCI Online Retail (541,909 lines)', file: 'online-retail.arrow.gz' },
  { key: 'online-shoppers', label: 'UCI Online Shoppers Purchasing Intention (12,330 sessions)', file: 'online-shoppers.csv.gz' },
  { key: 'synthetic-ab-test', label: 'Synthetic A/B test (built in, seeded)', builtin: true },
  { key: 'simulated-campaign', label: 'Simulated campaign results (built in, seeded)', builtin: true },
];
