/**
 * User × item interactions, the input of every recommender: explicit ratings (a `user item rating
 * [timestamp]` file) or implicit purchase counts derived from a transactions table.
 *
 * Users and items are indexed 0..n-1 in ascending id order (UTF-16 code-unit order), so "ties: smaller
 * index" means "ties: smaller id" everywhere. Plain data (typed arrays and string arrays), so it can be
 * posted to a worker as is.
 *
 * @example
 *   const inter = interactionsFromRatings(parseCsv('u,i,r\na,x,5\nb,x,3\n', { file: 'r.csv' }));
 *   inter.users;    // ['a', 'b']
 *   inter.explicit; // true
 */
import type { Table } from 'apache-arrow';
import { codes, floats, strings } from '../table';
import { DataError } from '../errors';
import { bytes, optionalCodes } from '../stats/columns';

export interface Interactions {
  /** User ids, ascending; index = user code. */
  users: string[];
  /** Item ids, ascending; index = item code. */
  items: string[];
  /** One entry per (user, item) pair: user code, item code, rating, time (epoch ms or the file's number; NaN = none). */
  user: Int32Array;
  item: Int32Array;
  rating: Float64Array;
  time: Float64Array;
  /** true: ratings are explicit scores (RMSE/MAE make sense); false: implicit counts. */
  explicit: boolean;
  /** Display name per item (its id when none is known). */
  itemNames: string[];
  /** Category per item, null when unknown. */
  itemCategory: (string | null)[];
  /** Mean unit price per item, NaN when unknown. */
  itemPrice: Float64Array;
  /** Where the interactions came from, for messages. */
  source: string;
}

const USER_NAMES = ['user', 'userid', 'user_id', 'customer', 'customerid', 'customer_id', 'uid', 'u'];
const ITEM_NAMES = ['item', 'itemid', 'item_id', 'movie', 'movieid', 'movie_id', 'product', 'productid', 'product_id', 'stockcode', 'sku', 'iid', 'i'];
const RATING_NAMES = ['rating', 'ratings', 'score', 'value', 'stars', 'r', 'count', 'quantity'];
const TIME_NAMES = ['timestamp', 'time', 'date', 'datetime', 'ts', 't'];

function findColumn(names: string[], wanted: string[]): number {
  const norm = names.map((n) => n.trim().toLowerCase().replace(/\s+/g, '_'));
  for (const w of wanted) {
    const at = norm.indexOf(w);
    if (at >= 0) return at;
  }
  return -1;
}

/** Sorted, de-duplicated ids and the code remap old → new. */
function sortedDict(dict: string[]): { ids: string[]; remap: Int32Array } {
  const order = Array.from(dict.keys()).sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : 0));
  const ids: string[] = [];
  const remap = new Int32Array(dict.length);
  for (const c of order) {
    if (ids.length === 0 || ids[ids.length - 1] !== dict[c]) ids.push(dict[c]);
    remap[c] = ids.length - 1;
  }
  return { ids, remap };
}

/**
 * Collapse raw (user, item, rating, time) rows into one entry per pair, users/items indexed by sorted id.
 * `combine`: 'last' keeps the latest row's rating (explicit re-ratings), 'sum' adds them (purchase counts).
 */
export function buildInteractions(
  rows: { user: Int32Array; userDict: string[]; item: Int32Array; itemDict: string[]; rating: Float64Array; time: Float64Array },
  opts: { explicit: boolean; combine: 'last' | 'sum'; source: string; itemNames?: (string | null)[]; itemCategory?: (string | null)[]; itemPrice?: Float64Array },
): Interactions {
  const U = sortedDict(rows.userDict);
  const I = sortedDict(rows.itemDict);
  const nI = I.ids.length;
  const n = rows.user.length;
  // group rows by (user, item) keeping row order within a pair: counting sort by item, then a stable one by user
  const nU = U.ids.length;
  const valid: number[] = [];
  for (let r = 0; r < n; r++) if (rows.user[r] >= 0 && rows.item[r] >= 0 && Number.isFinite(rows.rating[r])) valid.push(r);
  const countingSort = (input: ArrayLike<number>, keyOf: (r: number) => number, nKeys: number): Int32Array => {
    const start = new Int32Array(nKeys + 1);
    for (let q = 0; q < input.length; q++) start[keyOf(input[q]) + 1]++;
    for (let c = 0; c < nKeys; c++) start[c + 1] += start[c];
    const out = new Int32Array(input.length);
    for (let q = 0; q < input.length; q++) out[start[keyOf(input[q])]++] = input[q];
    return out;
  };
  const byItem = countingSort(valid, (r) => I.remap[rows.item[r]], nI);
  const idx = countingSort(byItem, (r) => U.remap[rows.user[r]], nU);
  const keys = new Float64Array(n);
  for (const r of idx) keys[r] = U.remap[rows.user[r]] * nI + I.remap[rows.item[r]];
  const user: number[] = [];
  const item: number[] = [];
  const rating: number[] = [];
  const time: number[] = [];
  let lastKey = -1;
  for (const r of idx) {
    const t = rows.time[r];
    if (keys[r] !== lastKey) {
      lastKey = keys[r];
      user.push(U.remap[rows.user[r]]);
      item.push(I.remap[rows.item[r]]);
      rating.push(rows.rating[r]);
      time.push(t);
      continue;
    }
    const p = rating.length - 1;
    if (opts.combine === 'sum') rating[p] += rows.rating[r];
    else if (!(t < time[p])) rating[p] = rows.rating[r];
    if (t > time[p] || Number.isNaN(time[p])) time[p] = t;
  }
  const itemNames = I.ids.slice();
  const itemCategory = new Array<string | null>(nI).fill(null);
  const itemPrice = new Float64Array(nI).fill(NaN);
  for (let c = 0; c < rows.itemDict.length; c++) {
    const to = I.remap[c];
    const name = opts.itemNames?.[c];
    if (name) itemNames[to] = name;
    const cat = opts.itemCategory?.[c];
    if (cat) itemCategory[to] = cat;
    const price = opts.itemPrice?.[c];
    if (price !== undefined && Number.isFinite(price)) itemPrice[to] = price;
  }
  return {
    users: U.ids,
    items: I.ids,
    user: Int32Array.from(user),
    item: Int32Array.from(item),
    rating: Float64Array.from(rating),
    time: Float64Array.from(time),
    explicit: opts.explicit,
    itemNames,
    itemCategory,
    itemPrice,
    source: opts.source,
  };
}

/** Whether a column name looks like a data value (a headerless file read with a header). */
function looksLikeValue(name: string): boolean {
  return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(name.trim());
}

/**
 * Explicit ratings from a table of 3–4 columns `user item rating [timestamp]`. Columns are found by name
 * (user/userId/customer…, item/movieId/StockCode…, rating/score…, timestamp/time…), else by position.
 * A file read with a header although it had none (the third column's "name" is a number) gets its first
 * line back as a data row. Repeated (user, item) pairs keep the latest rating (the last row on equal times).
 * Rows with a missing user, item or rating are dropped.
 *
 * @example
 *   interactionsFromRatings(parseCsv('1,10,4\n1,11,2\n2,10,5\n', { file: 'u.data' })).rating; // [4, 2, 5]
 */
export function interactionsFromRatings(table: Table, opts: { file?: string } = {}): Interactions {
  const file = opts.file ?? 'ratings';
  const names = table.schema.fields.map((f) => f.name);
  if (names.length < 3) {
    throw new DataError({ file, problem: `has ${names.length} column${names.length === 1 ? '' : 's'}`, expected: 'user, item, rating and optionally timestamp columns' });
  }
  let u = findColumn(names, USER_NAMES);
  let i = findColumn(names, ITEM_NAMES);
  let r = findColumn(names, RATING_NAMES);
  let t = findColumn(names, TIME_NAMES);
  let positional = false;
  if (u < 0 || i < 0 || r < 0 || new Set([u, i, r]).size < 3) {
    [u, i, r] = [0, 1, 2];
    t = names.length >= 4 ? 3 : -1;
    positional = true;
  }
  const uc = codes(table, names[u]);
  const ic = codes(table, names[i]);
  const ratingCol = table.getChild(names[r])!;
  const numeric = ['Float', 'Int'].includes(String(ratingCol.type.constructor.name).replace(/\d+$/, '')) || typeof ratingCol.get(0) === 'number';
  let rating: Float64Array;
  if (numeric) rating = floats(table, names[r]);
  else {
    const text = strings(table, names[r]);
    rating = new Float64Array(text.length);
    for (let row = 0; row < text.length; row++) {
      const v = text[row];
      rating[row] = v === null || v.trim() === '' ? NaN : Number(v);
      if (v !== null && v.trim() !== '' && Number.isNaN(rating[row])) {
        throw new DataError({ file, row: row + 1, column: names[r], value: v, problem: 'is not a number', expected: 'a numeric rating' });
      }
    }
  }
  let time = t >= 0 ? floats(table, names[t]) : new Float64Array(rating.length).fill(NaN);
  let user = uc.codes;
  let item = ic.codes;
  let rat = rating;
  // headerless file read with a header: the header line is the first rating
  if (positional && looksLikeValue(names[r])) {
    const head = (k: number) => names[k].trim();
    user = Int32Array.from([uc.dict.length, ...uc.codes]);
    uc.dict.push(head(u));
    item = Int32Array.from([ic.dict.length, ...ic.codes]);
    ic.dict.push(head(i));
    rat = Float64Array.from([Number(head(r)), ...rating]);
    time = Float64Array.from([t >= 0 ? Number(head(t)) : NaN, ...time]);
  }
  return buildInteractions(
    { user, userDict: uc.dict, item, itemDict: ic.dict, rating: rat, time },
    { explicit: true, combine: 'last', source: file },
  );
}

/**
 * Implicit feedback from a canonical transactions table (see core/schema.ts), usually after `clean`:
 * r_ui = the number of distinct orders of customer u that contain item i (a purchase count, robust to
 * bulk quantities); time = the last such order line. Lines with a null customer or item, a cancelled
 * order or a non-positive quantity are skipped. Item name: the first non-null `itemName` in row order;
 * category likewise; price: the mean unit price over the item's lines.
 *
 * @example
 *   const inter = interactionsFromTransactions(clean(tx).table); // customers × StockCode purchase counts
 */
export function interactionsFromTransactions(tx: Table, opts: { source?: string } = {}): Interactions {
  const item = optionalCodes(tx, 'item');
  if (!item) throw new Error('recommenders need an item column: map a column to the "item id" role');
  const cust = codes(tx, 'customer');
  const order = codes(tx, 'order');
  const time = floats(tx, 'time');
  const qty = floats(tx, 'quantity');
  const price = floats(tx, 'price');
  const cancelled = tx.getChild('cancelled') ? bytes(tx, 'cancelled') : null;
  const names = optionalCodes(tx, 'itemName');
  const cats = optionalCodes(tx, 'category');
  const n = cust.codes.length;
  const nItems = item.dict.length;
  const itemNames = new Array<string | null>(nItems).fill(null);
  const itemCategory = new Array<string | null>(nItems).fill(null);
  const priceSum = new Float64Array(nItems);
  const priceN = new Float64Array(nItems);
  // one row per line: 1 for the first line of each (customer, order, item), 0 for repeats (which still
  // move the pair's time forward). Lines are visited per customer (counting sort) with a numeric set of
  // order × item keys, cleared per customer.
  const nCust = cust.dict.length;
  const cStart = new Int32Array(nCust + 1);
  for (let r = 0; r < n; r++) if (cust.codes[r] >= 0) cStart[cust.codes[r] + 1]++;
  for (let c = 0; c < nCust; c++) cStart[c + 1] += cStart[c];
  const fill = cStart.slice(0, nCust);
  const byCust = new Int32Array(cStart[nCust]);
  for (let r = 0; r < n; r++) if (cust.codes[r] >= 0) byCust[fill[cust.codes[r]]++] = r;
  const u = new Int32Array(byCust.length);
  const it = new Int32Array(byCust.length);
  const t = new Float64Array(byCust.length);
  const ones = new Float64Array(byCust.length);
  let m = 0;
  const seen = new Set<number>();
  for (let c = 0; c < nCust; c++) {
    seen.clear();
    for (let p = cStart[c]; p < cStart[c + 1]; p++) {
      const r = byCust[p];
      const i = item.codes[r];
      if (i < 0 || !(qty[r] > 0) || (cancelled !== null && cancelled[r] === 1)) continue;
      if (names && itemNames[i] === null && names.codes[r] >= 0) itemNames[i] = names.dict[names.codes[r]];
      if (cats && itemCategory[i] === null && cats.codes[r] >= 0) itemCategory[i] = cats.dict[cats.codes[r]];
      if (Number.isFinite(price[r])) {
        priceSum[i] += price[r];
        priceN[i]++;
      }
      const key = order.codes[r] * nItems + i;
      u[m] = c;
      it[m] = i;
      t[m] = time[r];
      ones[m++] = seen.has(key) ? 0 : 1;
      seen.add(key);
    }
  }
  return buildInteractions(
    { user: u.subarray(0, m), userDict: cust.dict, item: it.subarray(0, m), itemDict: item.dict, rating: ones.subarray(0, m), time: t.subarray(0, m) },
    {
      explicit: false,
      combine: 'sum',
      source: opts.source ?? 'transactions',
      itemNames,
      itemCategory,
      itemPrice: Float64Array.from(priceSum, (s, k) => (priceN[k] > 0 ? s / priceN[k] : NaN)),
    },
  );
}
