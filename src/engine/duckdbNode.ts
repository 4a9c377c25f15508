/**
 * The runner's engine for data larger than memory: native DuckDB (@duckdb/node-api) reads the CSV
 * or Parquet file itself (streaming, spilling to a temp folder), runs `cleaningSql` + `profileSql`,
 * and hands back the per-customer table in `rfm`'s shape. Node only (`tierbook run --engine duckdb`).
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parseCsv } from '../core/data/csv';
import { detectRoles } from '../core/data/roles';
import { DataError } from '../core/errors';
import { timeMs, bytes, hasColumn } from '../core/stats/columns';
import { floats, strings } from '../core/table';
import { cleanedSql, cleaningSql, profileSql, type ProfileSqlOptions } from './sql';
import { plainProfileQuery, stepsTable, type EngineResult } from './engineTypes';
import { profileFromColumns } from './profileFromEngine';

const CANONICAL = ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'cancelled'] as const;
const OPTIONAL = ['item', 'itemName', 'category', 'country'] as const;

export interface DuckDbOptions extends Omit<ProfileSqlOptions, 'source' | 'dialect' | 'optional'> {
  /** DuckDB memory limit, e.g. '4GB'. Default: DuckDB's (80% of RAM); beyond it DuckDB spills to a temp folder. */
  memoryLimit?: string;
  /** DuckDB worker threads. Default: DuckDB's (all cores). */
  threads?: number;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The DuckDB table function that reads `path`, by its extension (CSV/TSV/TXT, optionally .gz, or Parquet). */
export function readerFor(path: string): string {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.parquet')) return `read_parquet(${sqlString(path)})`;
  if (/\.(csv|tsv|txt)$/.test(name)) return `read_csv(${sqlString(path)}, header = true)`;
  throw new DataError({ file: basename(path), problem: 'is not a file DuckDB reads here', expected: 'CSV (.csv, .tsv, .txt, optionally .gz) or Parquet (.parquet); Arrow files go through the JS engine' });
}

async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown[]>> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getColumnsObjectJS() as Record<string, unknown[]>;
}

/** Write a canonical transactions table as CSV with fixed column types, for DuckDB to read. */
async function writeCanonicalCsv(tx: Table, path: string): Promise<string> {
  const cols = [...CANONICAL, ...OPTIONAL.filter((c) => hasColumn(tx, c))];
  const types: Record<string, string> = {};
  const getters = cols.map((c) => {
    if (c === 'time') {
      types[c] = 'TIMESTAMP';
      const t = timeMs(tx, c);
      return (i: number) => (t[i] === t[i] ? new Date(t[i]).toISOString().replace('T', ' ').replace('Z', '') : '');
    }
    if (c === 'cancelled') {
      types[c] = 'BOOLEAN';
      const b = bytes(tx, c);
      return (i: number) => (b[i] ? 'true' : 'false');
    }
    if (c === 'quantity' || c === 'price' || c === 'amount') {
      types[c] = 'DOUBLE';
      const v = floats(tx, c);
      return (i: number) => (v[i] === v[i] ? String(v[i]) : '');
    }
    types[c] = 'VARCHAR';
    const s = strings(tx, c);
    return (i: number) => (s[i] === null ? '' : `"${s[i]!.replace(/"/g, '""')}"`);
  });
  const fh = await open(path, 'w');
  try {
    let chunk = cols.join(',') + '\n';
    for (let i = 0; i < tx.numRows; i++) {
      chunk += getters.map((g) => g(i)).join(',') + '\n';
      if (chunk.length > 1 << 20) {
        await fh.write(chunk);
        chunk = '';
      }
    }
    await fh.write(chunk);
  } finally {
    await fh.close();
  }
  const typeList = cols.map((c) => `${sqlString(c)}: ${sqlString(types[c])}`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, quote = '"', escape = '"', columns = {${typeList}})`;
}

/**
 * Decide how the SQL reads a source relation: canonical columns when it has them, else the roles
 * given, else roles detected (`detectRoles`, like the JS loader) on its first 2,000 rows.
 */
async function sqlSourceOptions(conn: DuckDBConnection, source: string, file: string, tmp: string, roles?: ProfileSqlOptions['roles']): Promise<Partial<ProfileSqlOptions>> {
  const described = await query(conn, `DESCRIBE SELECT * FROM ${source}`);
  const names = (described.column_name as string[]) ?? [];
  if (!roles && CANONICAL.every((c) => names.includes(c))) return { source, optional: OPTIONAL.filter((c) => names.includes(c)) };
  if (roles) return { source, roles };
  const sample = join(tmp, 'sample.csv');
  await conn.run(`COPY (SELECT * FROM ${source} LIMIT 2000) TO ${sqlString(sample)} (HEADER, DELIMITER ',')`);
  const detected = detectRoles(parseCsv(await readFile(sample, 'utf8'), { file }));
  if (!detected.customer || !detected.time) {
    throw new DataError({ file, problem: `has no column detected as the ${!detected.customer ? 'customer id' : 'timestamp'} role`, expected: `canonical columns (${CANONICAL.join(', ')}) or a roles mapping; columns: ${names.join(', ')}` });
  }
  return { source, roles: detected };
}

/**
 * Run load + preprocess + profile in native DuckDB on a file (streamed from disk) or on an
 * in-memory canonical transactions table (written to a temporary CSV first). Cleaning options and
 * `asOf` as in `clean` / `rfm` / `profileSql` (every step on; asOf = the day after the last line).
 *
 * @example
 *   const r = await duckdbProfile({ path: 'big.csv' }, { duplicates: false });
 *   r.profile.numRows; r.steps; r.sql; r.ms;
 */
export async function duckdbProfile(input: { path: string } | { table: Table; file?: string }, opts: DuckDbOptions = {}): Promise<EngineResult> {
  const started = performance.now();
  profileSql({ ...opts, memoryLimit: undefined, threads: undefined } as ProfileSqlOptions); // refuse unsupported options before any work
  const tmp = await mkdtemp(join(tmpdir(), 'tierbook-duckdb-'));
  const config: Record<string, string> = { temp_directory: join(tmp, 'spill') };
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
  if (opts.threads) config.threads = String(opts.threads);
  const instance = await DuckDBInstance.create(':memory:', config);
  const conn = await instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'").catch(() => undefined);
    const file = 'path' in input ? basename(input.path) : (input.file ?? 'transactions');
    const source = 'path' in input ? readerFor(input.path) : await writeCanonicalCsv(input.table, join(tmp, 'transactions.csv'));
    const { memoryLimit: _m, threads: _t, ...rest } = opts;
    void _m;
    void _t;
    const sourceOpts = await sqlSourceOptions(conn, source, file, tmp, opts.roles);
    // `sql` (handed back) is the one-query form over the file; running it, the cleaned lines are
    // materialised once so the cleaning log and the profile do not deduplicate twice.
    const sql = profileSql({ ...rest, ...sourceOpts, dialect: 'duckdb' });
    const sqlOpts: ProfileSqlOptions = { ...rest, ...sourceOpts, dialect: 'duckdb' };
    const optional = sourceOpts.roles ? OPTIONAL.filter((k) => sourceOpts.roles![k]) : (sourceOpts.optional ?? OPTIONAL);
    let log: Record<string, unknown[]>;
    let cols: Record<string, unknown[]>;
    try {
      // Clean (and deduplicate) once into a temp table — DuckDB spills it to the temp folder when it
      // outgrows memory; the log's earlier steps are streaming counts over the source.
      await conn.run(`CREATE TEMP TABLE tierbook_cleaned AS ${cleanedSql(sqlOpts)}`);
      log = await query(conn, cleaningSql({ ...sqlOpts, distinctFrom: 'tierbook_cleaned' }));
      const none = { missingCustomer: false, cancelled: false, nonPositiveQuantity: false, nonPositivePrice: false, duplicates: false };
      cols = await query(conn, plainProfileQuery(profileSql({ ...none, source: 'tierbook_cleaned', optional, asOf: opts.asOf, dialect: 'duckdb' })));
    } catch (e) {
      throw new DataError({ file, problem: `could not be profiled by DuckDB: ${e instanceof Error ? e.message : String(e)}` });
    }
    const steps = stepsTable(
      log.step as string[],
      (log.rows as unknown[]).map(Number),
      (log.customers as unknown[]).map(Number),
    );
    const profile = profileFromColumns({
      customer: cols.customer as string[],
      recency: cols.recency as number[],
      frequency: cols.frequency as number[],
      monetary: cols.monetary as number[],
      aov: cols.aov as number[],
      tenure: cols.tenure as number[],
      first: cols.first as number[],
      last: cols.last as number[],
    });
    return { engine: 'duckdb', reason: '', profile, steps, sql, ms: performance.now() - started };
  } finally {
    conn.closeSync();
    instance.closeSync();
    await rm(tmp, { recursive: true, force: true });
  }
}
