/**
 * Per-customer aggregates over a time window, computed in one pass over typed arrays.
 * The shared engine of `rfm`, `purchaseDataset` and `scoringFeatures`.
 */
import type { Table } from 'apache-arrow';
import { hasColumn, numbersView, timeMs, type LazyCodes } from '../stats/columns';
import { cachedCodes, cachedTimes } from './cachedColumns';

/** Aggregates per customer; arrays are indexed like `customers` (sorted by id). */
export interface CustomerStats {
  /** Customer ids with ≥ 1 line in the window, sorted by id (UTF-16 code-unit order, like pandas on strings). */
  customers: string[];
  /** Dictionary code of each customer in the input `customer` column. */
  code: Int32Array;
  /** Earliest line time (ms). */
  first: Float64Array;
  /** Latest line time (ms). */
  last: Float64Array;
  /** Distinct orders. */
  orders: Int32Array;
  /** Σ amount. */
  monetary: Float64Array;
  /** Distinct items (0 when the table has no `item` column or `items` was not asked for). */
  items: Int32Array;
}

/** Latest non-null `time` of the table in ms (NaN for an empty table). */
export function lastTime(tx: Table): number {
  const t = timeMs(tx, 'time');
  let max = -Infinity;
  for (let i = 0; i < t.length; i++) if (t[i] > max) max = t[i];
  return max === -Infinity ? NaN : max;
}

/** Count distinct `other` codes per customer code by grouping the window's rows per customer. */
function distinctPerCustomer(cust: Int32Array, inWindow: (i: number) => boolean, other: LazyCodes, nCust: number): Int32Array {
  const n = cust.length;
  const start = new Int32Array(nCust + 1);
  for (let i = 0; i < n; i++) if (cust[i] >= 0 && inWindow(i)) start[cust[i] + 1]++;
  for (let c = 0; c < nCust; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nCust);
  const rows = new Int32Array(start[nCust]);
  for (let i = 0; i < n; i++) if (cust[i] >= 0 && inWindow(i)) rows[fill[cust[i]]++] = i;
  const stamp = new Int32Array(other.size).fill(-1);
  const out = new Int32Array(nCust);
  const oc = other.codes;
  for (let c = 0; c < nCust; c++) {
    let d = 0;
    for (let r = start[c]; r < start[c + 1]; r++) {
      const o = oc[rows[r]];
      if (o >= 0 && stamp[o] !== c) {
        stamp[o] = c;
        d++;
      }
    }
    out[c] = d;
  }
  return out;
}

/**
 * Aggregate the lines with `from ≤ time < before` (defaults: −∞, +∞) per non-null customer.
 * Lines with a null customer or a null time are skipped. Distinct items are counted only when
 * `items: true` (default false). One sequential pass; orders shared by several customers are
 * detected and then counted per customer exactly (a slower grouped pass).
 *
 * @example
 *   const s = customerStats(tx, { before: Date.UTC(2011, 8, 1), items: true });
 *   s.customers[0], s.orders[0], s.monetary[0], s.items[0];
 */
export function customerStats(tx: Table, opts: { from?: number; before?: number; items?: boolean } = {}): CustomerStats {
  const from = opts.from ?? -Infinity;
  const before = opts.before ?? Infinity;
  const customer = cachedCodes(tx, 'customer');
  const cust = customer.codes;
  const t = cachedTimes(tx, 'time');
  const ord = cachedCodes(tx, 'order');
  const o = ord.codes;
  const amount = numbersView(tx, 'amount');
  const n = cust.length;
  const size = customer.size;

  // 1. one pass, accumulators indexed by customer code
  const count = new Int32Array(size);
  const firstC = new Float64Array(size).fill(Infinity);
  const lastC = new Float64Array(size).fill(-Infinity);
  const moneyC = new Float64Array(size);
  const ordersC = new Int32Array(size);
  const owner = new Int32Array(ord.size).fill(-1); // the customer an order was first seen with
  let shared = false;
  for (let i = 0; i < n; i++) {
    const c = cust[i];
    const ti = t[i];
    if (c < 0 || !(ti >= from && ti < before)) continue;
    count[c]++;
    if (ti < firstC[c]) firstC[c] = ti;
    if (ti > lastC[c]) lastC[c] = ti;
    moneyC[c] += amount[i];
    const oc = o[i];
    if (oc >= 0) {
      const w = owner[oc];
      if (w < 0) {
        owner[oc] = c;
        ordersC[c]++;
      } else if (w !== c) shared = true;
    }
  }
  const inWindow = (i: number) => t[i] >= from && t[i] < before;
  const orders = shared ? distinctPerCustomer(cust, inWindow, ord, size) : ordersC;
  const item = opts.items && hasColumn(tx, 'item') ? cachedCodes(tx, 'item') : null;
  const itemsC = item ? distinctPerCustomer(cust, inWindow, item, size) : null;

  // 2. present customers sorted by id
  const present: number[] = [];
  const ids: string[] = [];
  for (let c = 0; c < size; c++) {
    if (count[c] > 0) {
      present.push(c);
      ids.push(customer.value(c));
    }
  }
  let sorted = true;
  for (let k = 1; k < ids.length && sorted; k++) if (!(ids[k - 1] < ids[k])) sorted = false;
  if (!sorted) {
    const byId = present.map((_, k) => k);
    byId.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : present[a] - present[b]));
    const p0 = present.slice();
    const i0 = ids.slice();
    for (let k = 0; k < byId.length; k++) {
      present[k] = p0[byId[k]];
      ids[k] = i0[byId[k]];
    }
  }
  const m = present.length;
  const code = Int32Array.from(present);
  const first = new Float64Array(m);
  const last = new Float64Array(m);
  const monetary = new Float64Array(m);
  const ordersOut = new Int32Array(m);
  const items = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const c = code[k];
    first[k] = firstC[c];
    last[k] = lastC[c];
    monetary[k] = moneyC[c];
    ordersOut[k] = orders[c];
    if (itemsC) items[k] = itemsC[c];
  }
  return { customers: ids, code, first, last, orders: ordersOut, monetary, items };
}
