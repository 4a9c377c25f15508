/**
 * Per-customer aggregates over a time window, computed in one pass over typed arrays.
 * The shared engine of `rfm`, `purchaseDataset` and `scoringFeatures`.
 */
import type { Table, Vector } from 'apache-arrow';
import { hasColumn, numbersView, timeWords, type LazyCodes } from '../stats/columns';
import { cachedCodes, cachedTimes } from './cachedColumns';
import { idOrder, idVector } from './idOrder';

/** Aggregates per customer; arrays are indexed like `customers` (sorted by id). */
export interface CustomerStats {
  /**
   * Customer ids with ≥ 1 line in the window, sorted by id (UTF-16 code-unit order, like pandas on
   * strings). Decoded on first read.
   */
  readonly customers: string[];
  /** The same ids as a Dictionary<Utf8, Int32> column (row k = `customers[k]`), copied from the input's bytes. */
  customerColumn: () => Vector;
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

const NO_TIMES = new Float64Array(0);

/** Latest non-null `time` of the table in ms (NaN for an empty table). */
export function lastTime(tx: Table): number {
  const w = timeWords(tx, 'time');
  if (w) {
    // max over the raw 64-bit words in integer arithmetic (≈2× faster than converting each to a
    // double): the largest high word, then the largest unsigned low word among the rows that have it
    const n = w.length;
    if (n === 0) return NaN;
    let hi = -2147483648;
    for (let i = 1; i < n; i += 2) if (w[i] > hi) hi = w[i];
    let lo = 0;
    for (let i = 1; i < n; i += 2) {
      if (w[i] === hi) {
        const l = w[i - 1] >>> 0;
        if (l > lo) lo = l;
      }
    }
    return hi * 4294967296 + lo;
  }
  const t = cachedTimes(tx, 'time');
  let max = -Infinity;
  for (let i = 0; i < t.length; i++) if (t[i] > max) max = t[i];
  return max === -Infinity ? NaN : max;
}

/**
 * Count distinct `other` codes per customer code. `rowCust` is the customer code of each row, −1 for
 * rows left out. The other codes are bucketed by customer (a counting sort), then each bucket is
 * scanned with a stamp array.
 */
function distinctPerCustomer(rowCust: Int32Array, other: LazyCodes, nCust: number): Int32Array {
  const n = rowCust.length;
  const oc = other.codes;
  const start = new Int32Array(nCust + 1);
  for (let i = 0; i < n; i++) {
    const c = rowCust[i];
    if (c >= 0 && oc[i] >= 0) start[c + 1]++;
  }
  for (let c = 0; c < nCust; c++) start[c + 1] += start[c];
  const fill = start.slice(0, nCust);
  const vals = new Int32Array(start[nCust]);
  for (let i = 0; i < n; i++) {
    const c = rowCust[i];
    const o = oc[i];
    if (c >= 0 && o >= 0) vals[fill[c]++] = o;
  }
  const stamp = new Int32Array(other.size).fill(-1);
  const out = new Int32Array(nCust);
  for (let c = 0; c < nCust; c++) {
    let d = 0;
    for (let r = start[c]; r < start[c + 1]; r++) {
      const o = vals[r];
      if (stamp[o] !== c) {
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
  // the raw 64-bit time words when the column allows (no 1M-row conversion), else epoch-ms doubles
  const w = timeWords(tx, 'time');
  const t = w ? NO_TIMES : cachedTimes(tx, 'time');
  const ord = cachedCodes(tx, 'order');
  const o = ord.codes;
  const amount = numbersView(tx, 'amount');
  const n = cust.length;
  const size = customer.size;

  // 1. one pass; per customer code c, acc[4c .. 4c + 3] = first, last, Σ amount, orders
  // (interleaved so that a row touches one cache line)
  const acc = new Float64Array(4 * size);
  for (let c = 0; c < size; c++) {
    acc[4 * c] = Infinity;
    acc[4 * c + 1] = -Infinity;
  }
  const owner = new Int32Array(ord.size).fill(-1); // the customer an order was first seen with
  let shared = false;
  let prevOrder = -2;
  let prevCust = -2;
  // The running customer's first / last / Σ amount live in locals while its rows follow one another
  // (the lines of an order), and go back to acc when the customer changes. Σ starts from acc's value,
  // so the additions happen in row order exactly as without the run.
  let run = -1;
  let runFirst = Infinity;
  let runLast = -Infinity;
  let runSum = 0;
  // the lines of an order share their time: a row whose words equal the previous row's reuses its ms
  let prevLo = 0;
  let prevHi = 0;
  let prevT = NaN;
  for (let i = 0; i < n; i++) {
    const c = cust[i];
    if (c < 0) continue;
    let ti: number;
    if (w !== null) {
      const lo = w[2 * i];
      const hi = w[2 * i + 1];
      if (lo !== prevLo || hi !== prevHi || prevT !== prevT) {
        prevLo = lo;
        prevHi = hi;
        prevT = hi * 4294967296 + (lo >>> 0);
      }
      ti = prevT;
    } else ti = t[i];
    if (!(ti >= from && ti < before)) continue;
    if (c === run) {
      if (ti < runFirst) runFirst = ti;
      if (ti > runLast) runLast = ti;
      runSum += amount[i];
    } else {
      if (run >= 0) {
        acc[4 * run] = runFirst;
        acc[4 * run + 1] = runLast;
        acc[4 * run + 2] = runSum;
      }
      run = c;
      const a = 4 * c;
      runFirst = ti < acc[a] ? ti : acc[a];
      runLast = ti > acc[a + 1] ? ti : acc[a + 1];
      runSum = acc[a + 2] + amount[i];
    }
    const oc = o[i];
    if (oc === prevOrder && c === prevCust) continue; // the next line of the same order
    prevOrder = oc;
    prevCust = c;
    if (oc >= 0) {
      const own = owner[oc];
      if (own < 0) {
        owner[oc] = c;
        acc[4 * c + 3]++;
      } else if (own !== c) shared = true;
    }
  }
  if (run >= 0) {
    acc[4 * run] = runFirst;
    acc[4 * run + 1] = runLast;
    acc[4 * run + 2] = runSum;
  }
  const item = opts.items && hasColumn(tx, 'item') ? cachedCodes(tx, 'item') : null;
  let rowCust: Int32Array | null = null;
  if (shared || item) {
    rowCust = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const ti = w !== null ? w[2 * i + 1] * 4294967296 + (w[2 * i] >>> 0) : t[i];
      rowCust[i] = ti >= from && ti < before ? cust[i] : -1;
    }
  }
  const orders = shared ? distinctPerCustomer(rowCust!, ord, size) : null;
  const itemsC = item ? distinctPerCustomer(rowCust!, item, size) : null;

  // 2. present customers sorted by id (texts compared once per dictionary entry, not per row)
  let m = 0;
  for (let c = 0; c < size; c++) if (acc[4 * c] !== Infinity) m++;
  const present = new Int32Array(m);
  for (let c = 0, k = 0; c < size; c++) if (acc[4 * c] !== Infinity) present[k++] = c;
  const code = idOrder(present, customer);
  const first = new Float64Array(m);
  const last = new Float64Array(m);
  const monetary = new Float64Array(m);
  const ordersOut = new Int32Array(m);
  const items = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const c = code[k];
    first[k] = acc[4 * c];
    last[k] = acc[4 * c + 1];
    monetary[k] = acc[4 * c + 2];
    ordersOut[k] = orders ? orders[c] : acc[4 * c + 3];
    if (itemsC) items[k] = itemsC[c];
  }
  let ids: string[] | null = null;
  return {
    get customers() {
      if (!ids) {
        ids = new Array<string>(m);
        for (let k = 0; k < m; k++) ids[k] = customer.value(code[k]);
      }
      return ids;
    },
    customerColumn: () => idVector(code, customer),
    code,
    first,
    last,
    orders: ordersOut,
    monetary,
    items,
  };
}
