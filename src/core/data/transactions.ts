/**
 * Build the canonical transactions table (see `../schema.ts`) from a user's table and role map.
 *
 * Rules:
 * - customer and time are required; so are quantity + price unless amount is mapped.
 * - order is optional: when unmapped, each (customer, timestamp) line group is one order whose id
 *   is `customer@ISO-time`, e.g. `00001@1997-01-01T00:00:00.000Z` (`@…` when the customer is missing).
 * - negative quantities (returns) are kept as they are; cleaning decides what to do with them.
 * - ids are normalised text (`17850.0` → `17850`); missing customer ids stay null.
 * - amount = quantity × price unless an amount column is mapped; then quantity defaults to 1 and
 *   price to amount ÷ quantity (or amount when quantity is unmapped or 0).
 * - cancelled = the order id starts with `C` (case-insensitive).
 * - optional roles (item, itemName, category, country) appear only when mapped.
 *
 * @example
 *   const t = parseCsv(bytes, { file: 'orders.csv' });
 *   const tx = toTransactions(t, detectRoles(t), { file: 'orders.csv' });
 *   tx.schema.fields.map((f) => f.name);
 *   // ['customer','order','time','quantity','price','amount','item','itemName','country','cancelled']
 */
import { Table, Vector } from 'apache-arrow';
import { DataError } from '../errors';
import { REQUIRED_ROLES, ROLE_LABELS, type Role, type RoleMap } from '../schema';
import { dictionaryVector, type Codes } from '../table';
import { boolVector, float64Vector, timestampVector } from './columns';
import { idCodes, numbers, timeMs } from './read';

/** Options of `toTransactions`. */
export interface TransactionsOptions {
  /** File name used in error messages. */
  file: string;
}

const OPTIONAL_TEXT: Role[] = ['item', 'itemName', 'category', 'country'];

/**
 * One order per (customer, timestamp) group of lines: id `customer@ISO-time`, in first-seen order.
 *
 * @example
 *   synthesiseOrders({ codes: Int32Array.of(0, 0), dict: ['7'] }, Float64Array.of(0, 0)).dict; // ['7@1970-01-01T00:00:00.000Z']
 */
export function synthesiseOrders(customer: Codes, time: Float64Array): Codes {
  const n = time.length;
  const timeCode = new Map<number, number>();
  const tc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = time[i];
    let c = timeCode.get(t);
    if (c === undefined) {
      c = timeCode.size;
      timeCode.set(t, c);
    }
    tc[i] = c;
  }
  const nt = timeCode.size;
  const key = new Map<number, number>();
  const codes = new Int32Array(n);
  const dict: string[] = [];
  for (let i = 0; i < n; i++) {
    const cu = customer.codes[i];
    const k = (cu + 1) * nt + tc[i];
    let c = key.get(k);
    if (c === undefined) {
      c = dict.length;
      const t = time[i];
      dict.push(`${cu >= 0 ? customer.dict[cu] : ''}@${t === t ? new Date(t).toISOString() : 'no-time'}`);
      key.set(k, c);
    }
    codes[i] = c;
  }
  return { codes, dict };
}

/**
 * Canonical transactions table (single batch, exact names and types of `schema.ts`).
 *
 * @example
 *   toTransactions(table, { customer: 'CustomerID', order: 'InvoiceNo', time: 'InvoiceDate',
 *                           quantity: 'Quantity', price: 'UnitPrice' }, { file: 'x.csv' }).numRows;
 */
/** Arrow type ids of the canonical columns (Dictionary −1, Float64 3, Timestamp 10, Bool 6). */
const CANONICAL_TYPES: Record<string, number> = {
  customer: -1, order: -1, time: 10, quantity: 3, price: 3, amount: 3, item: -1, itemName: -1, category: -1, country: -1, cancelled: 6,
};

/**
 * The table already is a canonical transactions table (e.g. the shipped Arrow file, or a table this
 * function made): every column has its canonical name and type, and each role maps to its own column.
 */
function isCanonical(table: Table, roles: RoleMap): boolean {
  if (table.batches.length !== 1) return false;
  const fields = table.schema.fields;
  for (const f of fields) {
    const want = CANONICAL_TYPES[f.name];
    if (want === undefined || f.type.typeId !== want) return false;
  }
  for (const [role, name] of Object.entries(roles)) if (name !== undefined && name !== role) return false;
  for (const f of fields) if (f.name !== 'cancelled' && (roles as Record<string, string | undefined>)[f.name] !== f.name) return false;
  return ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'cancelled'].every((c) => fields.some((f) => f.name === c));
}

export function toTransactions(table: Table, roles: RoleMap, opts: TransactionsOptions): Table {
  const file = opts.file;
  const have = table.schema.fields.map((f) => f.name);
  const missing = (role: Role): DataError =>
    new DataError({ file, problem: `has no column for the ${ROLE_LABELS[role]} role (columns: ${have.join(', ')})` });
  for (const [role, name] of Object.entries(roles) as [Role, string | undefined][]) {
    if (name !== undefined && !have.includes(name)) {
      throw new DataError({ file, column: name, problem: `is mapped to the ${ROLE_LABELS[role]} role but is not in the file (columns: ${have.join(', ')})` });
    }
  }
  for (const role of REQUIRED_ROLES) if (roles[role] === undefined) throw missing(role);
  if (isCanonical(table, roles)) return table;
  if (roles.amount === undefined) {
    if (roles.quantity === undefined) throw missing('quantity');
    if (roles.price === undefined) throw missing('price');
  }
  const n = table.numRows;

  const customer = idCodes(table, roles.customer!);
  const time = timeMs(table, roles.time!, file);
  const order = roles.order !== undefined ? idCodes(table, roles.order) : synthesiseOrders(customer, time);

  let quantity: Float64Array;
  let price: Float64Array;
  let amount: Float64Array;
  if (roles.amount !== undefined) {
    amount = numbers(table, roles.amount, file, ROLE_LABELS.amount);
    quantity = roles.quantity !== undefined ? numbers(table, roles.quantity, file, ROLE_LABELS.quantity) : new Float64Array(n).fill(1);
    if (roles.price !== undefined) price = numbers(table, roles.price, file, ROLE_LABELS.price);
    else {
      price = new Float64Array(n);
      const perUnit = roles.quantity !== undefined;
      for (let i = 0; i < n; i++) price[i] = perUnit && quantity[i] !== 0 ? amount[i] / quantity[i] : amount[i];
    }
  } else {
    quantity = numbers(table, roles.quantity!, file, ROLE_LABELS.quantity);
    price = numbers(table, roles.price!, file, ROLE_LABELS.price);
    amount = new Float64Array(n);
    for (let i = 0; i < n; i++) amount[i] = quantity[i] * price[i];
  }

  // cancelled: per dictionary entry, then per row. Only a real order column can mark one: a
  // synthesised id (`customer@time`) starting with C says nothing about a cancellation.
  const isC = new Uint8Array(order.dict.length);
  for (let c = 0; roles.order !== undefined && c < order.dict.length; c++) {
    const ch = order.dict[c].charCodeAt(0);
    isC[c] = ch === 67 || ch === 99 ? 1 : 0;
  }
  const cancelled = new Uint8Array(n);
  for (let i = 0; i < n; i++) cancelled[i] = order.codes[i] >= 0 ? isC[order.codes[i]] : 0;

  const cols: Record<string, Vector> = {
    customer: dictionaryVector(customer),
    order: dictionaryVector(order),
    time: timestampVector(time),
    quantity: float64Vector(quantity),
    price: float64Vector(price),
    amount: float64Vector(amount),
  };
  for (const role of OPTIONAL_TEXT) {
    const name = roles[role];
    if (name !== undefined) cols[role] = dictionaryVector(idCodes(table, name, role === 'item'));
  }
  cols.cancelled = boolVector(cancelled);
  return new Table(cols);
}
