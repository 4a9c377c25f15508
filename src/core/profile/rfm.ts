/**
 * RFM profile: one row per customer with recency, frequency, monetary value and more.
 */
import type { Table } from 'apache-arrow';
import { DAY_MS } from '../schema';
import { makeTable } from '../table';
import { timestampVector } from '../stats/columns';
import { withColumnScope } from './cachedColumns';
import { customerStats } from './customerStats';
import { defaultAsOf } from './asOf';

export interface RfmOptions {
  /** The profile date in ms. Default: 00:00 UTC of the day after the last timestamp (`defaultAsOf`). */
  asOf?: number;
}

/**
 * Per-customer RFM profile of a (cleaned) canonical transactions table, from the lines before `asOf`.
 *
 * Columns: customer (string), recency (whole days from the customer's last line to asOf, floored),
 * frequency (distinct orders), monetary (Σ amount), aov (monetary / frequency), tenure (whole days
 * from the first line to asOf, floored), first, last (timestamps). Rows are sorted by customer id
 * (UTF-16 code-unit order, as pandas sorts string keys); null customers are skipped.
 * Runs in one pass over typed arrays (≈ 1M lines in tens of ms).
 *
 * @example
 *   rfm(clean(tx).table);                         // asOf = day after the last line
 *   rfm(tx, { asOf: Date.UTC(2011, 11, 10) });    // same, explicit
 */
export function rfm(tx: Table, opts: RfmOptions = {}): Table {
  return withColumnScope(() => rfmTable(tx, opts));
}

function rfmTable(tx: Table, opts: RfmOptions): Table {
  const asOf = opts.asOf ?? defaultAsOf(tx);
  if (!Number.isFinite(asOf)) throw new Error(`rfm: asOf must be a finite time in ms, got ${asOf}`);
  const s = customerStats(tx, { before: asOf });
  const m = s.code.length;
  const recency = new Int32Array(m);
  const tenure = new Int32Array(m);
  const aov = new Float64Array(m);
  // the arrays in locals: read through `s` (an object with a getter) the loop runs ≈4× slower
  const { first, last, orders, monetary } = s;
  for (let k = 0; k < m; k++) {
    recency[k] = Math.floor((asOf - last[k]) / DAY_MS);
    tenure[k] = Math.floor((asOf - first[k]) / DAY_MS);
    aov[k] = orders[k] > 0 ? monetary[k] / orders[k] : 0;
  }
  return makeTable({
    customer: s.customerColumn(),
    recency,
    frequency: orders,
    monetary,
    aov,
    tenure,
    first: timestampVector(first),
    last: timestampVector(last),
  });
}
