/**
 * The preprocess + profile stage as SQL text, with the notebook's cleaning options, in the DuckDB
 * dialect (run by the DuckDB engines here) and in Spark SQL (to take to a cluster).
 *
 * The SQL reads a relation with Tierbook's canonical transaction columns (`customer`, `order`,
 * `time`, `quantity`, `price`, `amount`, `cancelled`, and any of `item`, `itemName`, `category`,
 * `country`) — or, with `roles`, a raw file's columns mapped onto them — and mirrors `clean` then
 * `rfm` step by step:
 *
 * | step                | JS (`src/core/prep`)        | SQL                                             |
 * |---------------------|-----------------------------|-------------------------------------------------|
 * | missing customer    | null or blank id dropped    | `customer IS NOT NULL AND trim(customer) <> ''` |
 * | cancelled           | `cancelled` flag dropped    | `NOT cancelled`                                 |
 * | quantity ≤ 0        | dropped (null too)          | `quantity > 0`                                  |
 * | unit price ≤ 0      | dropped (null too)          | `price > 0`                                     |
 * | duplicate lines     | equal in every column       | `SELECT DISTINCT *`                             |
 * | profile             | `rfm(cleaned, {asOf})`      | `GROUP BY customer`                             |
 *
 * recency = ⌊(asOf − last) / 1 day⌋, tenure = ⌊(asOf − first) / 1 day⌋, frequency = distinct
 * orders, monetary = Σ amount, aov = monetary / frequency; only lines with `time < asOf` count, and
 * asOf defaults to 00:00 UTC of the day after the last cleaned line. `returns: 'net'` has no SQL
 * form (it is an ordered, per-item matching) and is refused with a clear error.
 *
 * @example
 *   profileSql();                                   // DuckDB, every step on, over `transactions`
 *   profileSql({ dialect: 'spark', duplicates: false, source: 'shop.order_lines' });
 *   profileSql({ source: "read_csv('orders.csv')", roles: { customer: 'CustomerID', order: 'InvoiceNo',
 *     time: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' } });
 */
import type { CleanOptions } from '../core/prep/clean';
import type { Role, RoleMap } from '../core/schema';

export type Dialect = 'duckdb' | 'spark';

export interface ProfileSqlOptions extends CleanOptions {
  /** SQL dialect. Default 'duckdb'. */
  dialect?: Dialect;
  /** The relation to read: a table name or a table function (e.g. `read_parquet('x.parquet')`). Default `transactions`. */
  source?: string;
  /**
   * Raw column per role when the source does not have canonical columns (like `columnRoles`). Then
   * ids are cast to text (a trailing `.0` removed), amount = quantity × price unless mapped, and
   * cancelled = the order id starts with `C`. Default: the source has canonical columns.
   */
  roles?: RoleMap;
  /** Optional canonical columns the source has (they take part in the duplicate check). Default: all four when `roles` is not given. */
  optional?: readonly ('item' | 'itemName' | 'category' | 'country')[];
  /** The profile date in ms (UTC). Default: 00:00 UTC of the day after the last cleaned line. */
  asOf?: number;
  /**
   * Engines only: a relation that already holds the cleaned lines (`cleanedSql`'s result), so the
   * cleaning log counts the duplicates step from it instead of deduplicating again. Default: none.
   */
  distinctFrom?: string;
}

const OPTIONAL = ['item', 'itemName', 'category', 'country'] as const;

interface Dial {
  q: (id: string) => string;
  text: string;
  ms: (e: string) => string;
  lit: (s: string) => string;
}

const DIALECTS: Record<Dialect, Dial> = {
  duckdb: {
    q: (id) => `"${id.replace(/"/g, '""')}"`,
    text: 'VARCHAR',
    ms: (e) => `epoch_ms(${e})`,
    lit: (s) => `'${s.replace(/'/g, "''")}'`,
  },
  spark: {
    q: (id) => `\`${id.replace(/`/g, '``')}\``,
    text: 'STRING',
    ms: (e) => `unix_millis(${e})`,
    lit: (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  },
};

function timestampLiteral(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error(`profileSql: asOf must be a finite time in ms, got ${ms}`);
  return `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
}

/** The `loaded` relation: canonical columns from the source. */
function loadedSelect(o: ProfileSqlOptions, d: Dial): string {
  const source = o.source ?? 'transactions';
  if (!o.roles) {
    const cols = ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'cancelled', ...(o.optional ?? OPTIONAL)];
    const list = cols.map((c) =>
      c === 'customer' ? `CAST(${d.q(c)} AS ${d.text}) AS ${d.q(c)}` : c === 'time' ? `CAST(${d.q(c)} AS TIMESTAMP) AS ${d.q(c)}` : d.q(c),
    );
    return `SELECT ${list.join(', ')}\n  FROM ${source}`;
  }
  const r = o.roles;
  const col = (role: Role) => {
    const c = r[role];
    return c ? d.q(c) : null;
  };
  const need = (role: Role) => {
    const c = col(role);
    if (!c) throw new Error(`profileSql: roles has no column for the ${role} role`);
    return c;
  };
  const id = (e: string) => `regexp_replace(CAST(${e} AS ${d.text}), '[.]0+$', '')`;
  const qty = col('quantity');
  const price = col('price');
  const amount = col('amount') ? `CAST(${col('amount')} AS DOUBLE)` : qty && price ? `CAST(${qty} AS DOUBLE) * CAST(${price} AS DOUBLE)` : null;
  if (!amount) throw new Error('profileSql: roles needs an amount column, or both quantity and unit price');
  const order = col('order');
  const list = [
    `${id(need('customer'))} AS ${d.q('customer')}`,
    order ? `${id(order)} AS ${d.q('order')}` : `concat(${id(need('customer'))}, '@', CAST(${need('time')} AS ${d.text})) AS ${d.q('order')}`,
    `CAST(${need('time')} AS TIMESTAMP) AS ${d.q('time')}`,
    `${qty ? `CAST(${qty} AS DOUBLE)` : 'CAST(1 AS DOUBLE)'} AS ${d.q('quantity')}`,
    `${price ? `CAST(${price} AS DOUBLE)` : amount} AS ${d.q('price')}`,
    `${amount} AS ${d.q('amount')}`,
    `${order ? `coalesce(upper(CAST(${order} AS ${d.text})) LIKE 'C%', false)` : 'false'} AS ${d.q('cancelled')}`,
    ...OPTIONAL.filter((k) => r[k]).map((k) => `CAST(${col(k)} AS ${d.text}) AS ${d.q(k)}`),
  ];
  return `SELECT ${list.join(',\n         ')}\n  FROM ${o.source ?? 'transactions'}`;
}

/** The cleaning CTEs (`loaded`, one per step switched on, `cleaned`) and the step names, in order. */
function cleaningCtes(o: ProfileSqlOptions, d: Dial): { ctes: string[]; steps: { key: string; rel: string }[] } {
  if (o.returns === 'net') {
    throw new Error("profileSql: returns 'net' has no SQL form (it matches each return to earlier purchases in order); use returns 'drop' or the JS engine");
  }
  const on = { missingCustomer: true, cancelled: true, nonPositiveQuantity: true, nonPositivePrice: true, duplicates: true, ...o };
  const ctes = [`loaded AS (\n  ${loadedSelect(o, d)}\n)`];
  const steps = [{ key: 'loaded', rel: 'loaded' }];
  let prev = 'loaded';
  const add = (key: string, body: string) => {
    ctes.push(`${key} AS (\n  ${body.replace('{prev}', prev)}\n)`);
    steps.push({ key, rel: key });
    prev = key;
  };
  const c = d.q('customer');
  if (on.missingCustomer) add('missing_customer', `SELECT * FROM {prev} WHERE ${c} IS NOT NULL AND trim(${c}) <> ''`);
  if (on.cancelled) add('cancelled', `SELECT * FROM {prev} WHERE NOT coalesce(${d.q('cancelled')}, false)`);
  if (on.nonPositiveQuantity) add('non_positive_quantity', `SELECT * FROM {prev} WHERE ${d.q('quantity')} > 0`);
  if (on.nonPositivePrice) add('non_positive_price', `SELECT * FROM {prev} WHERE ${d.q('price')} > 0`);
  if (on.duplicates) add('duplicates', o.distinctFrom ? `SELECT * FROM ${o.distinctFrom}` : 'SELECT DISTINCT * FROM {prev}');
  ctes.push(`cleaned AS (\n  SELECT * FROM ${prev}\n)`);
  return { ctes, steps };
}

function header(o: ProfileSqlOptions, what: string): string {
  const dialect = o.dialect ?? 'duckdb';
  const on = (k: keyof CleanOptions) => (o[k] === false ? 'off' : 'on');
  return (
    `-- Tierbook ${what}, ${dialect === 'spark' ? 'Spark SQL' : 'DuckDB'} dialect\n` +
    `-- cleaning: missing customer ${on('missingCustomer')}, cancelled ${on('cancelled')}, quantity<=0 ${on('nonPositiveQuantity')}, ` +
    `price<=0 ${on('nonPositivePrice')}, duplicates ${on('duplicates')}\n` +
    (dialect === 'spark' ? "-- run with spark.sql.session.timeZone = 'UTC' (timestamps are UTC wall-clock times)\n" : '')
  );
}

/**
 * The cleaning + RFM profile query. Result columns, sorted by customer: customer, recency,
 * frequency, monetary, aov, tenure, first, last — the shape of `rfm`'s table.
 * See the module comment for the steps; defaults: dialect 'duckdb', source `transactions`, every
 * cleaning step on, asOf = day after the last cleaned line.
 *
 * @example
 *   profileSql({ dialect: 'spark', source: 'sales.lines' }); // "-- Tierbook … WITH loaded AS (…"
 */
export function profileSql(opts: ProfileSqlOptions = {}): string {
  const d = DIALECTS[opts.dialect ?? 'duckdb'];
  if (!d) throw new Error(`profileSql: dialect must be "duckdb" or "spark", got "${String(opts.dialect)}"`);
  const { ctes } = cleaningCtes(opts, d);
  const t = d.q('time');
  const asOf = opts.asOf === undefined ? `date_trunc('day', max(${t})) + INTERVAL '1' DAY` : timestampLiteral(opts.asOf);
  ctes.push(`as_of AS (\n  SELECT ${asOf} AS as_of${opts.asOf === undefined ? ' FROM cleaned' : ''}\n)`);
  const days = (e: string) => `CAST(floor((${d.ms('a.as_of')} - ${d.ms(e)}) / 86400000.0) AS INT)`;
  const orders = `count(DISTINCT ${d.q('order')})`;
  const body =
    `SELECT ${d.q('customer')},\n` +
    `       ${days(`max(${t})`)} AS ${d.q('recency')},\n` +
    `       CAST(${orders} AS INT) AS ${d.q('frequency')},\n` +
    `       sum(${d.q('amount')}) AS ${d.q('monetary')},\n` +
    `       CASE WHEN ${orders} > 0 THEN sum(${d.q('amount')}) / ${orders} ELSE 0 END AS ${d.q('aov')},\n` +
    `       ${days(`min(${t})`)} AS ${d.q('tenure')},\n` +
    `       min(${t}) AS ${d.q('first')},\n` +
    `       max(${t}) AS ${d.q('last')}\n` +
    `  FROM cleaned CROSS JOIN as_of a\n` +
    ` WHERE ${d.q('customer')} IS NOT NULL AND ${t} IS NOT NULL AND ${t} < a.as_of\n` +
    ` GROUP BY ${d.q('customer')}, a.as_of\n` +
    ` ORDER BY ${d.q('customer')}`;
  return `${header(opts, 'preprocess + profile')}WITH ${ctes.join(',\n')}\n${body}\n`;
}

/**
 * The cleaning log as a query: one row per step (loaded first) with rows and distinct non-null
 * customers left after it — `clean(tx).steps`' rows and customers columns. Same options as `profileSql`.
 *
 * @example
 *   cleaningSql({ duplicates: false }); // steps loaded, missing_customer, cancelled, non_positive_quantity, non_positive_price
 */
export function cleaningSql(opts: ProfileSqlOptions = {}): string {
  const d = DIALECTS[opts.dialect ?? 'duckdb'];
  if (!d) throw new Error(`cleaningSql: dialect must be "duckdb" or "spark", got "${String(opts.dialect)}"`);
  const { ctes, steps } = cleaningCtes(opts, d);
  const parts = steps.map(
    (s, i) =>
      `SELECT ${i} AS ${d.q('position')}, ${d.lit(s.key)} AS ${d.q('step')}, count(*) AS ${d.q('rows')}, ` +
      `count(DISTINCT ${d.q('customer')}) AS ${d.q('customers')} FROM ${s.rel}`,
  );
  return `${header(opts, 'cleaning log')}WITH ${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}\nORDER BY ${d.q('position')}\n`;
}

/**
 * Only the cleaned lines (canonical columns), for an engine to materialise once: the cleaning CTEs
 * then `SELECT * FROM cleaned`. Same options as `profileSql`.
 *
 * @example cleanedSql({ source: "read_csv('big.csv')" }) // "WITH loaded AS (…) SELECT * FROM cleaned"
 */
export function cleanedSql(opts: ProfileSqlOptions = {}): string {
  const d = DIALECTS[opts.dialect ?? 'duckdb'];
  if (!d) throw new Error(`cleanedSql: dialect must be "duckdb" or "spark", got "${String(opts.dialect)}"`);
  const { ctes } = cleaningCtes(opts, d);
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM cleaned\n`;
}

/** JS `clean` step keys for the SQL step names (`missing_customer` → `missingCustomer`). */
export const SQL_STEP_KEYS: Record<string, string> = {
  loaded: 'loaded',
  missing_customer: 'missingCustomer',
  cancelled: 'cancelled',
  non_positive_quantity: 'nonPositiveQuantity',
  non_positive_price: 'nonPositivePrice',
  duplicates: 'duplicates',
};
