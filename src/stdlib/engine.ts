/**
 * Notebook builtins for the engine path: run load + preprocess + profile in the JS path or in DuckDB
 * (native in the runner, DuckDB-wasm in the browser), render that stage as SQL for a warehouse or
 * Spark, and load a per-customer feature file computed elsewhere straight into the profile stage.
 *
 * @example
 *   stages = runEngine(transactions, {engine: "auto", thresholdMB: 200, duplicates: true})
 *   profile = stages.profile
 *   sparkSql = profileSql({dialect: "spark", source: "shop.order_lines"})
 *   features = loadFeatures("customers.parquet")
 */
import type { Table } from 'apache-arrow';
import { detectRoles } from '../core/data/roles';
import { toTransactions } from '../core/data/transactions';
import { clean } from '../core/prep/clean';
import { rfm } from '../core/profile/rfm';
import { makeTable } from '../core/table';
import type { RoleMap } from '../core/schema';
import { cleaningSql, profileSql } from '../engine/sql';
import { compareProfiles, profileFromFeatures } from '../engine/profileFromEngine';
import type { EngineResult } from '../engine/engineTypes';
import { duckdbWasmLoader, type EngineHost, type EngineOptions } from '../engine/host';
import type { StdlibEnv } from './index';

/** Default size above which 'auto' hands a file to DuckDB, in MB (10⁶ bytes). */
export const DEFAULT_THRESHOLD_MB = 200;

export interface RunEngineOptions extends EngineOptions {
  /** 'js' (in-memory typed arrays), 'duckdb', or 'auto' (DuckDB above `thresholdMB` or when the runner asks). Default 'auto'. */
  engine?: 'auto' | 'js' | 'duckdb';
  /** File size above which 'auto' picks DuckDB, in MB. Default 200. */
  thresholdMB?: number;
  /** Column roles of a raw file (as `columnRoles`); default: detected. */
  roles?: RoleMap;
}

function sqlOrNote(opts: EngineOptions): string {
  try {
    return profileSql(opts);
  } catch (e) {
    return `-- ${e instanceof Error ? e.message : String(e)}\n`;
  }
}

async function jsProfile(env: StdlibEnv, key: string, opts: RunEngineOptions, reason: string): Promise<EngineResult> {
  const t0 = performance.now();
  const raw = await env.loadDataset(key);
  const tx = toTransactions(raw, opts.roles ?? detectRoles(raw), { file: key });
  const { engine: _e, thresholdMB: _t, roles: _r, asOf, ...cleanOpts } = opts;
  void _e;
  void _t;
  void _r;
  const { table, steps } = clean(tx, cleanOpts);
  const profile = rfm(table, asOf === undefined ? {} : { asOf });
  return { engine: 'js', reason, profile, steps, sql: sqlOrNote({ ...cleanOpts, asOf }), ms: performance.now() - t0 };
}

async function duckdbProfileOf(env: StdlibEnv & { engine?: EngineHost }, key: string, opts: RunEngineOptions, reason: string): Promise<EngineResult> {
  const { engine: _e, thresholdMB: _t, ...engineOpts } = opts;
  void _e;
  void _t;
  if (env.engine?.duckdb) return { ...(await env.engine.duckdb(key, engineOpts)), reason };
  const load = duckdbWasmLoader();
  if (!load) throw new Error('DuckDB is not available here (the sandbox and plain Node have no DuckDB engine): choose engine "js", or run the notebook in the app or with `tierbook run --engine duckdb`');
  profileSql(engineOpts); // refuse unsupported options before loading 33 MB of wasm
  const kept = env.engine?.file?.(key);
  if (kept) {
    // A large file the user kept on disk: DuckDB reads it in its worker; the tab never holds its lines.
    const { wasmProfile } = await load();
    return { ...(await wasmProfile({ file: kept }, engineOpts)), reason: `${reason}; DuckDB read ${kept.name} from disk` };
  }
  const [{ wasmProfile }, raw] = await Promise.all([load(), env.loadDataset(key)]);
  const roles = opts.roles;
  const tx = toTransactions(raw, roles ?? detectRoles(raw), { file: key });
  const { roles: _r, ...rest } = engineOpts;
  void _r;
  return { ...(await wasmProfile({ table: tx }, rest)), reason };
}

/**
 * Run the load, preprocess and profile stages of dataset `key` with the chosen engine and hand back
 * `{engine, reason, profile, steps, sql, ms}`: `profile` in `rfm`'s shape and `steps` in
 * `clean(...).steps`' shape whatever ran them, so downstream cells do not care. Cleaning options as
 * `clean` (every step on), `asOf` as `rfm`. 'auto' picks DuckDB when the runner says `--engine duckdb`
 * or the file is larger than `thresholdMB` (default 200 MB), else the JS path.
 *
 * @example
 *   await runEngine(env, 'online-retail', { engine: 'js' });     // engine 'js', 4,338 customers
 *   await runEngine(env, 'big.csv', { engine: 'auto' });         // engine 'duckdb' when big.csv > 200 MB
 */
export async function runEngine(env: StdlibEnv & { engine?: EngineHost }, key: string, opts: RunEngineOptions = {}): Promise<EngineResult> {
  const choice = opts.engine ?? 'auto';
  if (choice !== 'auto' && choice !== 'js' && choice !== 'duckdb') throw new Error(`runEngine: engine must be "auto", "js" or "duckdb", got "${String(choice)}"`);
  const threshold = opts.thresholdMB ?? DEFAULT_THRESHOLD_MB;
  if (!(threshold > 0)) throw new Error(`runEngine: thresholdMB must be a positive number of megabytes, got ${threshold}`);
  if (choice === 'js') return jsProfile(env, key, opts, 'engine "js" chosen in the notebook');
  if (choice === 'duckdb') return duckdbProfileOf(env, key, opts, 'engine "duckdb" chosen in the notebook');
  if (env.engine?.preferred === 'duckdb') return duckdbProfileOf(env, key, opts, 'the runner was started with --engine duckdb');
  // The file's size where the environment knows it (the runner); else the loaded table's size in memory.
  let bytes = await env.engine?.size?.(key);
  const what = bytes === undefined ? 'the table is' : 'the file is';
  if (bytes === undefined) bytes = tableBytes(await env.loadDataset(key));
  const mb = `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB${what === 'the table is' ? ' in memory' : ''}`;
  if (bytes > threshold * 1e6) return duckdbProfileOf(env, key, opts, `${what} ${mb}, over the ${threshold} MB threshold`);
  return jsProfile(env, key, opts, `${what} ${mb}, under the ${threshold} MB threshold`);
}

/** Bytes of an Arrow table's buffers (values, offsets, validity, dictionaries). */
export function tableBytes(t: Table): number {
  let n = 0;
  const seen = new Set<unknown>();
  const add = (d: { values?: ArrayBufferView; valueOffsets?: ArrayBufferView; nullBitmap?: ArrayBufferView; children?: unknown[]; dictionary?: { data: unknown[] } }) => {
    for (const b of [d.values, d.valueOffsets, d.nullBitmap]) if (b && !seen.has(b)) (seen.add(b), (n += b.byteLength));
    for (const c of (d.children ?? []) as (typeof d)[]) add(c);
    if (d.dictionary) for (const c of d.dictionary.data as (typeof d)[]) add(c);
  };
  for (const batch of t.batches) add(batch.data as unknown as Parameters<typeof add>[0]);
  return n;
}

/**
 * Which engine ran each stage, as a table: stage (load, preprocess, profile), engine, rows (lines
 * loaded, lines left after cleaning, customers profiled), and the reason for the choice.
 *
 * @example engineStages(stages) // load · duckdb · 541,909 · "the runner was started with --engine duckdb"
 */
export function engineStages(r: EngineResult): Table {
  const rows = r.steps.getChild('rows')!;
  return makeTable({
    stage: ['load', 'preprocess', 'profile'],
    engine: [r.engine, r.engine, r.engine],
    rows: Int32Array.of(Number(rows.get(0)), Number(rows.get(rows.length - 1)), r.profile.numRows),
    reason: [r.reason, r.reason, r.reason],
  });
}

/**
 * A SQL text as a code block with a download link (`filename`, default `profile.sql`), rendered into `doc`.
 *
 * @example sqlDownload(profileSql({dialect: "spark"}), {filename: "profile.spark.sql"})
 */
export function sqlDownload(sql: string, opts: { filename?: string; document?: Document } = {}): Element {
  const doc = opts.document ?? globalThis.document;
  if (!doc) throw new Error('sqlDownload needs a document');
  const filename = opts.filename ?? 'profile.sql';
  const figure = doc.createElement('figure');
  figure.className = 'sql-download';
  const a = doc.createElement('a');
  a.setAttribute('download', filename);
  a.setAttribute('href', `data:application/sql;charset=utf-8,${encodeURIComponent(sql)}`);
  a.textContent = `Download ${filename}`;
  const pre = doc.createElement('pre');
  pre.textContent = sql;
  figure.append(a, pre);
  return figure;
}

export function engineBuiltins(env: StdlibEnv & { engine?: EngineHost }): Record<string, unknown> {
  return {
    runEngine: (key: string, opts?: RunEngineOptions) => runEngine(env, key, opts),
    engineStages,
    profileSql,
    cleaningSql,
    sqlDownload: (sql: string, opts: { filename?: string } = {}) => sqlDownload(sql, { ...opts, document: env.document ?? globalThis.document }),
    profileFromFeatures,
    compareProfiles,
    loadFeatures: async (key: string) => profileFromFeatures(await env.loadDataset(key), { file: key }),
  };
}
