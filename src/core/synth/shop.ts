/**
 * A deterministic synthetic shop: a canonical transactions table (with `category`) of a given size,
 * with the structure real shops have:
 *
 * - customer activity is heavy-tailed (Pareto weights: a few customers place many orders);
 * - each customer is active between a join day and a churn day, so recency varies;
 * - item popularity is Zipf-like (weight ∝ 1 / rank^1.1), prices are log-normal per item;
 * - orders have 1–~20 lines (geometric, mean 4); quantities are mostly small with some bulk buys;
 * - about 2% of orders are cancellations (`C` order ids, negative quantities);
 * - about 1% of orders have no customer id;
 * - about 85% of customers are in the United Kingdom, the rest spread over 11 countries.
 *
 * Built with typed arrays only; rows are sorted by time. Same options → same table, same bytes.
 *
 * @example
 *   const t = synthShop({ customers: 200, transactions: 2_000, seed: 7 });
 *   t.numRows; // 2000
 */
import { Table } from 'apache-arrow';
import { dictionaryVector, type Codes } from '../table';
import { boolVector, float64Vector, timestampVector } from '../data/columns';
import { csvField } from '../data/csvWrite';
import { DAY_MS } from '../schema';
import { cumulative, pick, rng } from './random';

/** Options of `synthShop` / `synthCsv` (all optional). */
export interface ShopOptions {
  /** Customers that may buy (default 1000). */
  customers?: number;
  /** Order lines = table rows (default 10 000). */
  transactions?: number;
  /** Items in the catalogue (default 500). */
  items?: number;
  /** Item categories (default 20). */
  categories?: number;
  /** Random seed (default 1). */
  seed?: number;
  /** First day, `YYYY-MM-DD`, UTC (default '2024-01-01'). */
  start?: string;
  /** Days covered (default 365). */
  days?: number;
}

const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands', 'Belgium', 'Switzerland', 'Portugal', 'Australia', 'Norway', 'Italy'];
const NOUNS = ['MUG', 'CANDLE', 'BAG', 'CARD', 'LANTERN', 'FRAME', 'CLOCK', 'BOWL', 'TIN', 'SIGN', 'CUSHION', 'BOTTLE', 'BOX', 'GARLAND', 'TRAY'];
const ADJECTIVES = ['RED', 'WHITE', 'VINTAGE', 'PINK', 'BLUE', 'HEART', 'RETRO', 'GREEN', 'GLASS', 'WOODEN', 'SPOTTY', 'PAISLEY'];

/** Internal column arrays shared by `synthShop` and `synthCsv`. */
interface ShopData {
  n: number;
  customer: Int32Array; // customer index or -1
  order: Int32Array; // order index
  orderCancelled: Uint8Array; // per order
  time: Float64Array;
  quantity: Float64Array;
  price: Float64Array;
  item: Int32Array;
  itemCategory: Int32Array; // per item
  customerCountry: Int32Array; // per customer
  itemNames: string[];
  nCustomers: number;
}

function startMs(start: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) throw new Error(`synthShop: start must be YYYY-MM-DD, got \`${start}\``);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function generate(opts: ShopOptions): ShopData {
  const nCustomers = opts.customers ?? 1000;
  const n = opts.transactions ?? 10_000;
  const nItems = opts.items ?? 500;
  const nCats = opts.categories ?? 20;
  const days = opts.days ?? 365;
  const t0 = startMs(opts.start ?? '2024-01-01');
  for (const [k, v] of Object.entries({ customers: nCustomers, transactions: n, items: nItems, categories: nCats, days })) {
    if (!Number.isInteger(v) || v < (k === 'transactions' ? 0 : 1)) throw new Error(`synthShop: ${k} must be a positive integer, got ${v}`);
  }
  const r = rng(opts.seed ?? 1);

  // Items: category (Zipf-ish category sizes), price (log-normal, 2 decimals), popularity (Zipf).
  const catCum = cumulative(Float64Array.from({ length: nCats }, (_, c) => 1 / (c + 1) ** 0.7));
  const itemCategory = new Int32Array(nItems);
  const itemPrice = new Float64Array(nItems);
  const popularity = new Float64Array(nItems);
  const rank = Int32Array.from({ length: nItems }, (_, i) => i);
  for (let i = nItems - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const t = rank[i];
    rank[i] = rank[j];
    rank[j] = t;
  }
  const itemNames = new Array<string>(nItems);
  for (let i = 0; i < nItems; i++) {
    itemCategory[i] = pick(catCum, r.next());
    itemPrice[i] = Math.max(0.19, Math.round(Math.exp(1.2 + 0.8 * r.normal()) * 100) / 100);
    popularity[i] = 1 / (rank[i] + 1) ** 1.1;
    itemNames[i] = `${ADJECTIVES[r.int(ADJECTIVES.length)]} ${NOUNS[r.int(NOUNS.length)]} ${i + 1}`;
  }
  const itemCum = cumulative(popularity);

  // Customers: Pareto activity, active window, country.
  const activity = new Float64Array(nCustomers);
  const join = new Float64Array(nCustomers);
  const span = new Float64Array(nCustomers);
  const customerCountry = new Int32Array(nCustomers);
  for (let u = 0; u < nCustomers; u++) {
    activity[u] = (1 - r.next()) ** (-1 / 1.3);
    join[u] = r.next() * days * 0.85;
    span[u] = Math.min(days - join[u], r.exp(days * 0.6));
    customerCountry[u] = r.next() < 0.85 ? 0 : 1 + r.int(COUNTRIES.length - 1);
  }
  const custCum = cumulative(activity);

  // Orders: customer, flags, time (seconds after t0), line count, bulk factor.
  let cap = Math.max(16, Math.ceil(n / 3));
  let oCust = new Int32Array(cap);
  let oSec = new Float64Array(cap);
  let oLines = new Int32Array(cap);
  let oFlags = new Uint8Array(cap); // 1 missing id, 2 cancelled, 4 bulk
  let nOrders = 0;
  let total = 0;
  while (total < n) {
    if (nOrders === cap) {
      cap *= 2;
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as { new (k: number): T })(cap);
        b.set(a);
        return b;
      };
      oCust = grow(oCust);
      oSec = grow(oSec);
      oLines = grow(oLines);
      oFlags = grow(oFlags);
    }
    const u = pick(custCum, r.next());
    let flags = 0;
    if (r.next() < 0.01) flags |= 1;
    if (r.next() < 0.02) flags |= 2;
    if (r.next() < 0.1) flags |= 4;
    const day = Math.min(days - 1, Math.floor(join[u] + r.next() * span[u]));
    const secs = (8 + r.int(12)) * 3600 + r.int(60) * 60 + (r.next() < 0.5 ? 0 : r.int(60));
    let lines = 1;
    while (lines < 20 && r.next() < 0.75) lines++;
    lines = Math.min(lines, n - total);
    oCust[nOrders] = u;
    oSec[nOrders] = day * 86_400 + secs;
    oLines[nOrders] = lines;
    oFlags[nOrders] = flags;
    total += lines;
    nOrders++;
  }

  // Sort orders by time (ties keep generation order) with one numeric key per order.
  let sorted: Int32Array;
  if (days * 86_400 * nOrders < 2 ** 52) {
    const keys = new Float64Array(nOrders);
    for (let o = 0; o < nOrders; o++) keys[o] = oSec[o] * nOrders + o;
    keys.sort();
    sorted = new Int32Array(nOrders);
    for (let k = 0; k < nOrders; k++) sorted[k] = keys[k] % nOrders;
  } else {
    sorted = Int32Array.from({ length: nOrders }, (_, i) => i);
    sorted.sort((a, b) => oSec[a] - oSec[b] || a - b);
  }

  // Lines, in time order, from a second stream so order-level draws stay independent of them.
  const r2 = rng(((opts.seed ?? 1) * 2654435761 + 97) >>> 0);
  const out: ShopData = {
    n,
    customer: new Int32Array(n),
    order: new Int32Array(n),
    orderCancelled: new Uint8Array(nOrders),
    time: new Float64Array(n),
    quantity: new Float64Array(n),
    price: new Float64Array(n),
    item: new Int32Array(n),
    itemCategory,
    customerCountry,
    itemNames,
    nCustomers,
  };
  let row = 0;
  for (let k = 0; k < nOrders; k++) {
    const o = sorted[k];
    const flags = oFlags[o];
    const cancelled = (flags & 2) !== 0;
    const cust = flags & 1 ? -1 : oCust[o];
    const when = t0 + oSec[o] * 1000;
    const bulk = flags & 4 ? 12 : 1;
    out.orderCancelled[k] = cancelled ? 1 : 0;
    for (let l = 0; l < oLines[o]; l++, row++) {
      const it = pick(itemCum, r2.next());
      let q = 1;
      while (q < 24 && r2.next() < 0.55) q++;
      q *= bulk;
      out.customer[row] = cust;
      out.order[row] = k;
      out.time[row] = when;
      out.item[row] = it;
      out.price[row] = itemPrice[it];
      out.quantity[row] = cancelled ? -Math.max(1, Math.round(q / 2)) : q;
    }
  }
  return out;
}

/** Codes in first-seen order over `keys` (-1 = null) with `label` giving each key's text. */
function firstSeen(keys: Int32Array, range: number, label: (k: number) => string): Codes {
  const remap = new Int32Array(range).fill(-1);
  const dict: string[] = [];
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k < 0) {
      codes[i] = -1;
      continue;
    }
    let c = remap[k];
    if (c < 0) {
      c = remap[k] = dict.length;
      dict.push(label(k));
    }
    codes[i] = c;
  }
  return { codes, dict };
}

const customerId = (u: number): string => String(12346 + u);
const orderId = (o: number, cancelled: number): string => `${cancelled ? 'C' : ''}${536365 + o}`;
const itemId = (i: number): string => `SKU${String(10001 + i)}`;
const categoryName = (c: number): string => `Category ${String(c + 1).padStart(2, '0')}`;

/**
 * The synthetic shop as a canonical transactions table (single batch, with `category`).
 *
 * @example
 *   synthShop().numRows;                        // 10000
 *   synthShop({ transactions: 1_000_000 });     // ~1M rows in well under 2 s
 */
export function synthShop(opts: ShopOptions = {}): Table {
  const d = generate(opts);
  const n = d.n;
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) amount[i] = d.quantity[i] * d.price[i];
  const cancelled = new Uint8Array(n);
  for (let i = 0; i < n; i++) cancelled[i] = d.orderCancelled[d.order[i]];
  const category = new Int32Array(n);
  const country = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    category[i] = d.itemCategory[d.item[i]];
    country[i] = d.customer[i] < 0 ? 0 : d.customerCountry[d.customer[i]];
  }
  return new Table({
    customer: dictionaryVector(firstSeen(d.customer, d.nCustomers, customerId)),
    order: dictionaryVector(firstSeen(d.order, d.orderCancelled.length, (o) => orderId(o, d.orderCancelled[o]))),
    time: timestampVector(d.time),
    quantity: float64Vector(d.quantity),
    price: float64Vector(d.price),
    amount: float64Vector(amount),
    item: dictionaryVector(firstSeen(d.item, d.itemNames.length, itemId)),
    itemName: dictionaryVector(firstSeen(d.item, d.itemNames.length, (i) => d.itemNames[i])),
    category: dictionaryVector(firstSeen(category, d.itemCategory.length ? Math.max(...d.itemCategory) + 1 : 0, categoryName)),
    country: dictionaryVector(firstSeen(country, COUNTRIES.length, (c) => COUNTRIES[c])),
    cancelled: boolVector(cancelled),
  });
}

function pad2(x: number): string {
  return x < 10 ? `0${x}` : String(x);
}

/** `YYYY-MM-DD HH:mm:ss` (UTC) for epoch ms. */
function retailDate(ms: number): string {
  const t = new Date(ms);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`;
}

/**
 * The same shop as an Online-Retail-shaped CSV (InvoiceNo,StockCode,Description,Quantity,
 * InvoiceDate,UnitPrice,CustomerID,Country; CustomerID like `12346.0`, empty when missing;
 * no category column). Parsing it and calling `toTransactions` gives `synthShop(opts)` minus
 * `category`.
 *
 * @example
 *   synthCsv({ transactions: 3 }).split('\n')[0];
 *   // 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'
 */
export function synthCsv(opts: ShopOptions = {}): string {
  const d = generate(opts);
  const lines = new Array<string>(d.n + 1);
  lines[0] = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
  const itemPart = d.itemNames.map((name, i) => `${itemId(i)},${csvField(name)},`);
  const pricePart = Array.from(d.itemNames, (_, i) => '');
  const countries = COUNTRIES.map(csvField);
  const quantities = new Map<number, string>();
  let lastOrder = -1;
  let head = '';
  let middle = '';
  let tail = '';
  for (let i = 0; i < d.n; i++) {
    const o = d.order[i];
    if (o !== lastOrder) {
      lastOrder = o;
      const u = d.customer[i];
      head = `${orderId(o, d.orderCancelled[o])},`;
      middle = `,${retailDate(d.time[i])},`;
      tail = `,${u < 0 ? '' : `${customerId(u)}.0`},${countries[u < 0 ? 0 : d.customerCountry[u]]}`;
    }
    const it = d.item[i];
    const qv = d.quantity[i];
    let q = quantities.get(qv);
    if (q === undefined) quantities.set(qv, (q = String(qv)));
    if (pricePart[it] === '') pricePart[it] = String(d.price[i]);
    lines[i + 1] = head + itemPart[it] + q + middle + pricePart[it] + tail;
  }
  return `${lines.join('\n')}\n`;
}
