/**
 * Test helper: the shipped Online Retail transactions (public/data/online-retail.arrow.gz), cached.
 * `retail()` returns null — and the caller skips with the printed reason — when the file is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { tableFromIPC, type Table } from 'apache-arrow';

export const RETAIL_PATH = fileURLToPath(new URL('../../../public/data/online-retail.arrow.gz', import.meta.url));
let cached: Table | null | undefined;

export function retail(): Table | null {
  if (cached !== undefined) return cached;
  if (!existsSync(RETAIL_PATH)) {
    console.warn(`skipping Online Retail tests: ${RETAIL_PATH} is absent (run \`npm run data:convert\`)`);
    cached = null;
  } else {
    cached = tableFromIPC(gunzipSync(readFileSync(RETAIL_PATH)));
  }
  return cached;
}

/** Golden values written by test/golden/stages_online_retail.py. */
export function retailGolden(): RetailGolden {
  const p = fileURLToPath(new URL('../../fixtures/stages_online_retail.json', import.meta.url));
  return JSON.parse(readFileSync(p, 'utf8'));
}

export interface RetailGolden {
  steps: { step: string; rows: number; customers: number }[];
  asOf: number;
  profile: {
    customer: string[];
    recency: number[];
    frequency: number[];
    monetary: number[];
    tenure: number[];
    firstMinutesBeforeAsOf: number[];
    lastMinutesBeforeAsOf: number[];
    r: number[];
    f: number[];
    m: number[];
    segment: string[];
  };
  purchase: {
    cutoff: number;
    n: number;
    positives: number;
    featureNames: string[];
    featureSums: number[];
    head: { customer: string[]; X: number[][]; y: number[] };
  };
  scoring: { n: number; featureSums: number[] };
}
