/**
 * Customer features beyond RFM: order rhythm, breadth, returns, country and category affinity.
 */
import { Bool, type Table } from 'apache-arrow';
import { DAY_MS } from '../schema';
import { makeTable, type ColumnInput } from '../table';
import { bytes, hasColumn, lazyCodes, numbersView, timeWords } from '../stats/columns';
import { cachedCodes, cachedTimes, withColumnScope } from './cachedColumns';
import { customerStats, type CustomerStats } from './customerStats';
import { defaultAsOf } from './asOf';

export interface FeatureOptions {
  /** Profile date in ms. Default `defaultAsOf(orders)` (00:00 UTC of the day after the last line). */
  asOf?: number;
  /**
   * The uncleaned lines (with cancellations and returns) to measure `return_rate` from.
   * Default: `orders` itself (then the rate is 0 when cleaning dropped returns).
   */
  returnsFrom?: Table;
}

/**
 * Row times as the raw 64-bit words when the column allows (`timeWords`), else epoch-ms doubles.
 * Row i's ms: `w[2i + 1] · 2³² + (w[2i] >>> 0)`, or `t[i]`.
 */
interface RowTimes {
  w: Int32Array | null;
  t: Float64Array;
}

const NO_TIMES = new Float64Array(0);

function rowTimes(tx: Table): RowTimes {
  const w = timeWords(tx, 'time');
  return { w, t: w ? NO_TIMES : cachedTimes(tx, 'time') };
}

/**
 * For every order, the customer (first seen) and time of its first line before asOf. A line of the
 * same order, customer and time as the previous line it follows changes nothing and is skipped.
 */
function orderTimes(tx: Table, cust: Int32Array, rt: RowTimes, asOf: number) {
  const ord = cachedCodes(tx, 'order');
  const oc = ord.codes;
  const { w, t } = rt;
  const time = new Float64Array(ord.size).fill(Infinity);
  const owner = new Int32Array(ord.size).fill(-1);
  let prevO = -1;
  let prevC = -1;
  let prevLo = 0;
  let prevHi = 0;
  let prevT = NaN;
  for (let i = 0; i < oc.length; i++) {
    const o = oc[i];
    const c = cust[i];
    if (o < 0 || c < 0) continue;
    let ti: number;
    if (w !== null) {
      const lo = w[2 * i];
      const hi = w[2 * i + 1];
      if (lo === prevLo && hi === prevHi && prevT === prevT) {
        if (o === prevO && c === prevC) continue;
      } else {
        prevLo = lo;
        prevHi = hi;
        prevT = hi * 4294967296 + (lo >>> 0);
      }
      ti = prevT;
    } else {
      ti = t[i];
      if (ti === prevT && o === prevO && c === prevC) continue;
      prevT = ti;
    }
    if (!(ti < asOf)) {
      prevO = -1;
      continue;
    }
    prevO = o;
    prevC = c;
    if (owner[o] < 0) owner[o] = c;
    if (ti < time[o]) time[o] = ti;
  }
  return { time, owner };
}

/**
 * One row per customer (the customers and order of `rfm(orders)`): customer, recency, frequency,
 * monetary, aov, tenure (as in `rfm`), then
 * - `ipt_mean`, `ipt_std`: mean and standard deviation (n − 1) of the days between consecutive
 *   orders (an order's time is its first line); 0 when undefined (fewer than 2, resp. 3, orders);
 * - `items`: distinct items bought (when an `item` column exists);
 * - `return_rate`: orders with a return (cancelled, or a negative quantity) ÷ all orders of the
 *   customer in `returnsFrom`;
 * - `country`: the customer's most frequent country (when a `country` column exists);
 * - `top_category`, `top_category_share`: the category with the largest share of the customer's
 *   spend, and that share (when a `category` column exists).
 *
 * @example
 *   customerFeatures(cleaned, { returnsFrom: lines }); // 4,338 rows on Online Retail
 */
export function customerFeatures(orders: Table, opts: FeatureOptions = {}): Table {
  return withColumnScope(() => features(orders, opts));
}

function features(orders: Table, opts: FeatureOptions): Table {
  const asOf = opts.asOf ?? defaultAsOf(orders);
  const s = customerStats(orders, { before: asOf, items: true });
  const m = s.code.length;
  const custLazy = cachedCodes(orders, 'customer');
  const custCodes = custLazy.codes;
  const rt = rowTimes(orders);
  const row = new Int32Array(custLazy.size).fill(-1);
  for (let k = 0; k < m; k++) row[s.code[k]] = k;

  // inter-purchase times
  const { time, owner } = orderTimes(orders, custCodes, rt, asOf);
  const start = new Int32Array(m + 1);
  for (let o = 0; o < owner.length; o++) if (owner[o] >= 0 && row[owner[o]] >= 0) start[row[owner[o]] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const fill = start.slice(0, m);
  const times = new Float64Array(start[m]);
  for (let o = 0; o < owner.length; o++) if (owner[o] >= 0 && row[owner[o]] >= 0) times[fill[row[owner[o]]]++] = time[o];
  const iptMean = new Float64Array(m);
  const iptStd = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const a = start[k];
    const b = start[k + 1];
    const g = b - a - 1;
    if (g < 1) continue;
    sortRange(times, a, b);
    let sum = 0;
    for (let j = a + 1; j < b; j++) sum += (times[j] - times[j - 1]) / DAY_MS;
    const mean = sum / g;
    iptMean[k] = mean;
    if (g < 2) continue;
    let ss = 0;
    for (let j = a + 1; j < b; j++) ss += ((times[j] - times[j - 1]) / DAY_MS - mean) ** 2;
    iptStd[k] = Math.sqrt(ss / (g - 1));
  }

  const recency = new Int32Array(m);
  const tenure = new Int32Array(m);
  const aov = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    recency[k] = Math.floor((asOf - s.last[k]) / DAY_MS);
    tenure[k] = Math.floor((asOf - s.first[k]) / DAY_MS);
    aov[k] = s.orders[k] > 0 ? s.monetary[k] / s.orders[k] : 0;
  }
  const out: Record<string, ColumnInput> = {
    customer: s.customerColumn(),
    recency,
    frequency: s.orders,
    monetary: s.monetary,
    aov,
    tenure,
    ipt_mean: iptMean,
    ipt_std: iptStd,
  };
  if (hasColumn(orders, 'item')) out.items = s.items;
  out.return_rate = returnRate(opts.returnsFrom ?? orders, s, asOf, sameDictionary(orders, opts.returnsFrom ?? orders) ? row : null);
  const t = hasColumn(orders, 'country') || hasColumn(orders, 'category') ? cachedTimes(orders, 'time') : NO_TIMES;
  if (hasColumn(orders, 'country')) out.country = modeOf(orders, 'country', custCodes, row, m, t, asOf);
  if (hasColumn(orders, 'category')) Object.assign(out, topCategory(orders, custCodes, row, m, t, asOf));
  return makeTable(out);
}

/** Sorts `v[a..b)` ascending in place: insertion sort for the few orders most customers have. */
function sortRange(v: Float64Array, a: number, b: number): void {
  if (b - a > 32) {
    v.subarray(a, b).sort();
    return;
  }
  for (let i = a + 1; i < b; i++) {
    const x = v[i];
    let j = i - 1;
    while (j >= a && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

/** True when both tables' customer columns share one dictionary (cleaning keeps dictionaries as they are). */
function sameDictionary(a: Table, b: Table): boolean {
  const x = a.getChild('customer')?.data;
  const y = b.getChild('customer')?.data;
  return !!x && !!y && x.length === 1 && y.length === 1 && !!x[0].dictionary && x[0].dictionary === y[0].dictionary;
}

/**
 * Orders with a return ÷ all orders, per customer of `s` (0 for customers absent from `lines`).
 * `rowByCode` maps `lines`' customer codes to rows when it shares the dictionary of the profile.
 */
function returnRate(lines: Table, s: CustomerStats, asOf: number, rowByCode: Int32Array | null): Float64Array {
  const m = s.code.length;
  const c = cachedCodes(lines, 'customer');
  const cc = c.codes;
  const ord = cachedCodes(lines, 'order');
  const o = ord.codes;
  const { w, t } = rowTimes(lines);
  // the Bool column's bitmap read in place when it is one chunk without nulls, else one byte per row
  const cd = lines.getChild('cancelled')?.data;
  const inPlace = !!cd && cd.length === 1 && cd[0].nullCount === 0 && cd[0].type instanceof Bool;
  const bits = inPlace ? (cd[0].values as Uint8Array) : bytes(lines, 'cancelled');
  const bitAt = inPlace ? cd[0].offset : 0;
  const q = numbersView(lines, 'quantity');
  let rowOf = rowByCode;
  if (!rowOf) {
    const at = new Map(s.customers.map((id, k) => [id, k]));
    rowOf = new Int32Array(c.size);
    for (let k = 0; k < c.size; k++) rowOf[k] = at.get(c.value(k)) ?? -1;
  }
  // One pass: flag return orders (any line, in the window or not) and list each (order, row) pair
  // counted once; the flags are added per pair afterwards, when complete.
  const seen = new Int32Array(ord.size).fill(-1);
  const isReturnOrder = new Uint8Array(seen.length);
  const all = new Int32Array(m);
  let pairOrder = new Int32Array(ord.size);
  let pairRow = new Int32Array(ord.size);
  let pairs = 0;
  let prevO = -1;
  let prevK = -1;
  let prevLo = 0;
  let prevHi = 0;
  let prevT = NaN;
  for (let i = 0; i < o.length; i++) {
    const oi = o[i];
    if (oi < 0) continue;
    if (q[i] < 0 || (inPlace ? (bits[(bitAt + i) >> 3] >> ((bitAt + i) & 7)) & 1 : bits[i])) isReturnOrder[oi] = 1;
    const ci = cc[i];
    if (ci < 0) continue;
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
    if (!(ti < asOf)) continue;
    const k = rowOf[ci];
    if (k < 0 || (oi === prevO && k === prevK)) continue;
    prevO = oi;
    prevK = k;
    if (seen[oi] === k) continue;
    seen[oi] = k;
    all[k]++;
    if (pairs === pairOrder.length) {
      // an order shared by customers whose lines interleave is listed once per visit
      const grownO = new Int32Array(2 * pairs + 16);
      grownO.set(pairOrder);
      pairOrder = grownO;
      const grownR = new Int32Array(2 * pairs + 16);
      grownR.set(pairRow);
      pairRow = grownR;
    }
    pairOrder[pairs] = oi;
    pairRow[pairs++] = k;
  }
  const ret = new Int32Array(m);
  for (let j = 0; j < pairs; j++) ret[pairRow[j]] += isReturnOrder[pairOrder[j]];
  const rate = new Float64Array(m);
  for (let k = 0; k < m; k++) rate[k] = all[k] > 0 ? ret[k] / all[k] : 0;
  return rate;
}

/** The most frequent value of a text column per customer row (ties: the smaller code). */
function modeOf(tx: Table, column: string, cust: Int32Array, row: Int32Array, m: number, t: Float64Array, asOf: number): string[] {
  const v = lazyCodes(tx, column);
  const counts = new Map<number, number>();
  const best = new Int32Array(m).fill(-1);
  const bestN = new Int32Array(m);
  for (let i = 0; i < cust.length; i++) {
    const k = cust[i] >= 0 ? row[cust[i]] : -1;
    const x = v.codes[i];
    if (k < 0 || x < 0 || !(t[i] < asOf)) continue;
    const key = k * v.size + x;
    const cnt = (counts.get(key) ?? 0) + 1;
    counts.set(key, cnt);
    if (cnt > bestN[k] || (cnt === bestN[k] && x < best[k])) {
      bestN[k] = cnt;
      best[k] = x;
    }
  }
  return Array.from(best, (x) => (x < 0 ? '' : v.value(x)));
}

function topCategory(tx: Table, cust: Int32Array, row: Int32Array, m: number, t: Float64Array, asOf: number) {
  const v = lazyCodes(tx, 'category');
  const a = numbersView(tx, 'amount');
  const spend = new Map<number, number>();
  const total = new Float64Array(m);
  for (let i = 0; i < cust.length; i++) {
    const k = cust[i] >= 0 ? row[cust[i]] : -1;
    const x = v.codes[i];
    if (k < 0 || x < 0 || !(t[i] < asOf)) continue;
    const key = k * v.size + x;
    spend.set(key, (spend.get(key) ?? 0) + a[i]);
    total[k] += a[i];
  }
  const best = new Int32Array(m).fill(-1);
  const bestS = new Float64Array(m).fill(-Infinity);
  for (const [key, sp] of spend) {
    const k = Math.floor(key / v.size);
    const x = key - k * v.size;
    if (sp > bestS[k] || (sp === bestS[k] && x < best[k])) {
      bestS[k] = sp;
      best[k] = x;
    }
  }
  return {
    top_category: Array.from(best, (x) => (x < 0 ? '' : v.value(x))),
    top_category_share: Float64Array.from(bestS, (sp, k) => (total[k] > 0 && sp > -Infinity ? sp / total[k] : 0)),
  };
}
