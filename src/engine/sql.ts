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

/** The row-wise cleaning steps switched on, in order: SQL step name and the condition a kept line meets. */
function rowFilters(o: ProfileSqlOptions, d: Dial): { key: string; keep: string }[] {
  const c = d.q('customer');
  const all = [
    { on: o.missingCustomer, key: 'missing_customer', keep: `${c} IS NOT NULL AND trim(${c}) <> ''` },
    { on: o.cancelled, key: 'cancelled', keep: `NOT coalesce(${d.q('cancelled')}, false)` },
    { on: o.nonPositiveQuantity, key: 'non_positive_quantity', keep: `${d.q('quantity')} > 0` },
    { on: o.nonPositivePrice, key: 'non_positive_price', keep: `${d.q('price')} > 0` },
  ];
  return all.filter((f) => f.on !== false).map(({ key, keep }) => ({ key, keep }));
}

/** The cleaning CTEs (`loaded`, one per step switched on, `cleaned`) and the step names, in order. */
function cleaningCtes(o: ProfileSqlOptions, d: Dial): { ctes: string[]; steps: { key: string; rel: string }[] } {
  if (o.returns === 'net') {
    throw new Error("profileSql: returns 'net' has no SQL form (it matches each return to earlier purchases in order); use returns 'drop' or the JS engine");
  }
  const ctes = [`loaded AS (\n  ${loadedSelect(o, d)}\n)`];
  const steps = [{ key: 'loaded', rel: 'loaded' }];
  let prev = 'loaded';
  const add = (key: string, body: string) => {
    ctes.push(`${key} AS (\n  ${body.replace('{prev}', prev)}\n)`);
    steps.push({ key, rel: key });
    prev = key;
  };
  for (const f of rowFilters(o, d)) add(f.key, `SELECT * FROM {prev} WHERE ${f.keep}`);
  if (o.duplicates !== false) add('duplicates', o.distinctFrom ? `SELECT * FROM ${o.distinctFrom}` : 'SELECT DISTINCT * FROM {prev}');
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

/** The canonical columns the `loaded` relation has (the duplicate check compares all of them). */
function loadedColumns(o: ProfileSqlOptions): string[] {
  const optional = o.roles ? OPTIONAL.filter((k) => o.roles![k]) : (o.optional ?? OPTIONAL);
  return ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'cancelled', ...optional];
}

/** The three queries of the one-scan form (see `groupedSql`). */
export interface GroupedSql {
  /** Reads the source once: one row per customer and cleaning stage reached (run it into a table). */
  groups: string;
  /** The cleaning log from that table, in `cleaningSql`'s shape (position, step, rows, customers). */
  steps: (groups: string) => string;
  /** The profile from that table, in `plainProfileQuery`'s shape (plain numbers; times as epoch ms). */
  profile: (groups: string) => string;
}

/**
 * The same stage as `cleaningSql` + `profileSql` (DuckDB dialect), shaped for an engine that must read
 * the source once and keep little: a single scan labels every line with the number of cleaning steps
 * it survives (`stage`), collapses exact duplicates with a `GROUP BY` over every canonical column (when
 * the duplicates step is on), and folds the lines into one row per customer and stage — line count,
 * distinct-line count, and, for lines that survive every step and fall before asOf, distinct orders,
 * Σ amount, first and last time. That small table holds everything the cleaning log and the profile
 * need: a step keeps the lines whose stage reaches it; customers are distinct non-null ids; the
 * duplicates step keeps the distinct lines of the last stage; the default asOf is the day after the
 * last fully cleaned line. Equal results to the two queries (sums may add in another order).
 *
 * @example
 *   const q = groupedSql({ source: "read_csv('big.csv')" });
 *   // CREATE TEMP TABLE g AS <q.groups>; then q.steps('g') and q.profile('g')
 */
export function groupedSql(opts: Omit<ProfileSqlOptions, 'dialect' | 'distinctFrom'> = {}): GroupedSql {
  const o: ProfileSqlOptions = { ...opts, dialect: 'duckdb' };
  const d = DIALECTS.duckdb;
  cleaningCtes(o, d); // the same refusals (returns 'net') as the two-query form
  const filters = rowFilters(o, d);
  const last = filters.length;
  const cols = loadedColumns(o).map(d.q);
  const [customer, order, time, amount] = ['customer', 'order', 'time', 'amount'].map(d.q);
  const stage = last === 0 ? '0' : `CASE ${filters.map((f, i) => `WHEN NOT coalesce(${f.keep}, false) THEN ${i}`).join(' ')} ELSE ${last} END`;
  const lines =
    o.duplicates === false
      ? `SELECT ${customer}, ${order}, ${time}, ${amount}, ${stage} AS stage, 1 AS n\n    FROM loaded`
      : `SELECT ${customer}, ${order}, ${time}, ${amount}, ${stage} AS stage, count(*) AS n\n    FROM loaded\n   GROUP BY ${cols.join(', ')}`;
  const inProfile = `stage = ${last} AND ${o.asOf === undefined ? `${time} IS NOT NULL` : `${time} < ${timestampLiteral(o.asOf)}`}`;
  // Distinct orders per customer by a GROUP BY on (customer, stage, order) then a count: cheaper in
  // DuckDB than a count(DISTINCT …) inside the per-customer aggregate.
  const groups =
    `WITH loaded AS (\n  ${loadedSelect(o, d)}\n),\nlines AS (\n  ${lines}\n),\n` +
    `orders AS (\n  SELECT ${customer}, stage, ${order}, sum(n) AS n_rows, count(*) AS n_lines, max(${time}) AS max_time,\n` +
    `         count(*) FILTER (WHERE ${inProfile}) AS n_in,\n` +
    `         sum(${amount}) FILTER (WHERE ${inProfile}) AS monetary,\n` +
    `         min(${time}) FILTER (WHERE ${inProfile}) AS first_time,\n` +
    `         max(${time}) FILTER (WHERE ${inProfile}) AS last_time\n` +
    `    FROM lines\n   GROUP BY ${customer}, stage, ${order}\n)\n` +
    `SELECT ${customer}, stage, sum(n_rows) AS n_rows, sum(n_lines) AS n_lines, max(max_time) AS max_time,\n` +
    `       count(${order}) FILTER (WHERE n_in > 0) AS orders, sum(monetary) AS monetary,\n` +
    `       min(first_time) AS first_time, max(last_time) AS last_time\n` +
    `  FROM orders\n GROUP BY ${customer}, stage\n`;
  const stepRow = (position: number, key: string, rows: string, reached: number) =>
    `SELECT ${position} AS "position", ${d.lit(key)} AS "step", CAST(coalesce(sum(${rows}) FILTER (WHERE stage >= ${reached}), 0) AS BIGINT) AS "rows", ` +
    `count(DISTINCT ${customer}) FILTER (WHERE stage >= ${reached}) AS "customers" FROM {g}`;
  const stepRows = [stepRow(0, 'loaded', 'n_rows', 0), ...filters.map((f, i) => stepRow(i + 1, f.key, 'n_rows', i + 1))];
  if (o.duplicates !== false) stepRows.push(stepRow(last + 1, 'duplicates', 'n_lines', last));
  const steps = (g: string) => `${stepRows.join('\nUNION ALL\n').replaceAll('{g}', g)}\nORDER BY "position"\n`;
  const asOf = o.asOf === undefined ? `(SELECT date_trunc('day', max(max_time)) + INTERVAL '1' DAY FROM {g} WHERE stage = ${last})` : timestampLiteral(o.asOf);
  const days = (e: string) => `CAST(floor((epoch_ms(a.as_of) - epoch_ms(${e})) / 86400000.0) AS INTEGER)`;
  const profile = (g: string) =>
    (`WITH a AS (SELECT ${asOf} AS as_of)\n` +
      `SELECT ${customer}, ${days('last_time')} AS "recency", CAST(orders AS INTEGER) AS "frequency",\n` +
      `       CAST(monetary AS DOUBLE) AS "monetary", CAST(CASE WHEN orders > 0 THEN monetary / orders ELSE 0 END AS DOUBLE) AS "aov",\n` +
      `       ${days('first_time')} AS "tenure", CAST(epoch_ms(first_time) AS DOUBLE) AS "first", CAST(epoch_ms(last_time) AS DOUBLE) AS "last"\n` +
      `  FROM {g} CROSS JOIN a\n WHERE stage = ${last} AND ${customer} IS NOT NULL AND last_time IS NOT NULL AND last_time < a.as_of\n` +
      ` ORDER BY ${customer}\n`).replaceAll('{g}', g);
  return { groups, steps, profile };
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
