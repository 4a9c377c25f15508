/**
 * The browser's engine for data that outgrows the in-memory path: DuckDB-wasm, loaded lazily (this
 * module is only ever imported dynamically). Its wasm (~33 MB raw, ~7 MB gzip) and worker are bundled
 * by Vite with `?url` and served from the app's origin — never a CDN. One instance per page, started
 * on first use (~2–3 s).
 *
 * Input: a canonical transactions table (inserted as Arrow in chunks well under DuckDB-wasm's 2 GiB
 * per-insert limit), or a CSV `File` that DuckDB reads itself from the user's disk. Parquet is not
 * built into DuckDB-wasm (it would try to download an extension): read it with `readParquet`
 * (hyparquet) and pass the table. Times are plain TIMESTAMP (no time-zone support in the wasm build).
 *
 * DuckDB-wasm runs on one thread and cannot spill (no temp directory; 3.1 GiB memory limit), so the
 * stage runs as `groupedSql`: one scan of the source into a small per-customer table, from which the
 * cleaning log and the profile are read (10M CSV lines: ≈ 30 s and +1.7 GB in Chromium).
 *
 * @example
 *   const { wasmProfile } = await import('./duckdbWasm');
 *   const r = await wasmProfile({ table: tx }, { duplicates: false });
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, tableFromArrays, type Vector } from 'apache-arrow';
import { detectRoles } from '../core/data/roles';
import { DataError } from '../core/errors';
import { timeMs, bytes, hasColumn } from '../core/stats/columns';
import { floats, strings } from '../core/table';
import { groupedSql, profileSql, type ProfileSqlOptions } from './sql';
import { stepsTable, type EngineResult } from './engineTypes';
import { profileFromColumns } from './profileFromEngine';

const CANONICAL = ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'cancelled'] as const;
const OPTIONAL = ['item', 'itemName', 'category', 'country'] as const;
/** Rows per Arrow insert: keeps each insert far below the 2 GiB limit. */
const CHUNK_ROWS = 1_000_000;
/** The temp table of per-customer, per-stage aggregates (`groupedSql`'s `groups`). */
const GROUPS = 'tierbook_groups';

let started: Promise<duckdb.AsyncDuckDB> | null = null;

/** The page's DuckDB-wasm instance, started on first call. */
export function duckdbWasm(): Promise<duckdb.AsyncDuckDB> {
  started ??= (async () => {
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    return db;
  })();
  started.catch(() => (started = null));
  return started;
}

type Conn = duckdb.AsyncDuckDBConnection;

/** Plain (non-dictionary) Arrow columns of a canonical table slice, for `insertArrowTable`. */
function plainSlice(tx: Table, from: number, to: number): Table {
  const cols: Record<string, unknown> = {};
  for (const c of [...CANONICAL, ...OPTIONAL.filter((k) => hasColumn(tx, k))]) {
    if (c === 'time') cols[c] = timeMs(tx, c).slice(from, to);
    else if (c === 'cancelled') cols[c] = Array.from(bytes(tx, c).subarray(from, to), (b) => b === 1);
    else if (c === 'quantity' || c === 'price' || c === 'amount') cols[c] = floats(tx, c).slice(from, to);
    else cols[c] = strings(tx, c).slice(from, to);
  }
  return tableFromArrays(cols as Parameters<typeof tableFromArrays>[0]);
}

async function insertTable(conn: Conn, tx: Table): Promise<void> {
  await conn.query('DROP TABLE IF EXISTS transactions_in');
  for (let from = 0; from < Math.max(tx.numRows, 1); from += CHUNK_ROWS) {
    const slice = plainSlice(tx, from, Math.min(tx.numRows, from + CHUNK_ROWS));
    await conn.insertArrowTable(slice, { name: 'transactions_in', create: from === 0 });
  }
  // time arrives as epoch-ms doubles: make it a TIMESTAMP once.
  await conn.query(
    'CREATE OR REPLACE TEMP VIEW transactions AS SELECT * REPLACE (make_timestamp(CAST("time" * 1000 AS BIGINT)) AS "time") FROM transactions_in',
  );
}

/**
 * A User Timing measure `tierbook:duckdb-wasm:<what>` from `since` to now, so a profiler or the bench
 * can tell the engine's own time from the rest of the page: start (instantiate), source (insert the
 * table or sniff the file), scan (the single pass), results (log + profile to Arrow), total. Returns now.
 */
function measure(what: string, since: number): number {
  const now = performance.now();
  performance.measure(`tierbook:duckdb-wasm:${what}`, { start: since, end: now });
  return now;
}

function column(t: Table, name: string): unknown[] {
  const v = t.getChild(name) as Vector | null;
  return v ? Array.from(v.toArray() as ArrayLike<unknown>, (x) => (typeof x === 'bigint' ? Number(x) : x)) : [];
}

/**
 * Run load + preprocess + profile in DuckDB-wasm: on a canonical transactions table, or on a CSV
 * `File` read by DuckDB (columns: canonical, else `roles`, else detected on its first 2,000 rows).
 * Options as `profileSql` (every cleaning step on; asOf = the day after the last cleaned line).
 *
 * @example
 *   await wasmProfile({ file: droppedCsv }); // → { engine: 'duckdb-wasm', profile, steps, sql, ms }
 */
export async function wasmProfile(
  input: { table: Table } | { file: File },
  opts: Omit<ProfileSqlOptions, 'source' | 'dialect' | 'optional'> = {},
): Promise<EngineResult> {
  const t0 = performance.now();
  profileSql({ ...opts }); // refuse unsupported options before starting anything
  const db = await duckdbWasm();
  const tStarted = measure('start', t0);
  const conn = await db.connect();
  const name = 'file' in input ? input.file.name : 'transactions';
  try {
    let sqlOpts: ProfileSqlOptions;
    if ('table' in input) {
      await insertTable(conn, input.table);
      sqlOpts = { ...opts, source: 'transactions', optional: OPTIONAL.filter((k) => hasColumn(input.table, k)) };
    } else {
      await db.registerFileHandle(name, input.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      const source = `read_csv('${name.replace(/'/g, "''")}', header = true)`;
      const sample = await conn.query(`SELECT * FROM ${source} LIMIT 2000`);
      const names = sample.schema.fields.map((f) => f.name);
      if (!opts.roles && CANONICAL.every((c) => names.includes(c))) sqlOpts = { ...opts, source, optional: OPTIONAL.filter((c) => names.includes(c)) };
      else {
        const roles = opts.roles ?? detectRoles(sample as unknown as Table);
        if (!roles.customer || !roles.time) throw new DataError({ file: name, problem: 'has no column detected as the customer id or timestamp role', expected: `canonical columns or a roles mapping; columns: ${names.join(', ')}` });
        sqlOpts = { ...opts, source, roles };
      }
    }
    const sql = profileSql({ ...sqlOpts, dialect: 'duckdb' });
    const tScan = measure('source', tStarted);
    // One scan of the source into one row per customer and cleaning stage: DuckDB-wasm has one
    // thread and nowhere to spill, so the two-query form (which re-reads the file and keeps the
    // CTE chain) is run in this equivalent shape instead — see `groupedSql`.
    const q = groupedSql(sqlOpts);
    let log: Table;
    let prof: Table;
    let tResults = 0;
    try {
      await conn.query(`CREATE OR REPLACE TEMP TABLE ${GROUPS} AS ${q.groups}`);
      tResults = measure('scan', tScan);
      log = (await conn.query(q.steps(GROUPS))) as unknown as Table;
      prof = (await conn.query(q.profile(GROUPS))) as unknown as Table;
    } catch (e) {
      throw new DataError({ file: name, problem: `could not be profiled by DuckDB-wasm: ${e instanceof Error ? e.message : String(e)}` });
    }
    const steps = stepsTable(column(log, 'step') as string[], column(log, 'rows') as number[], column(log, 'customers') as number[]);
    const profile = profileFromColumns({
      customer: column(prof, 'customer') as string[],
      recency: column(prof, 'recency') as number[],
      frequency: column(prof, 'frequency') as number[],
      monetary: column(prof, 'monetary') as number[],
      aov: column(prof, 'aov') as number[],
      tenure: column(prof, 'tenure') as number[],
      first: column(prof, 'first') as number[],
      last: column(prof, 'last') as number[],
    });
    measure('results', tResults);
    measure('total', t0);
    return { engine: 'duckdb-wasm', reason: '', profile, steps, sql, ms: performance.now() - t0 };
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${GROUPS}`).catch(() => undefined);
    if ('table' in input) await conn.query('DROP VIEW IF EXISTS transactions; DROP TABLE IF EXISTS transactions_in').catch(() => undefined);
    await conn.close();
  }
}
