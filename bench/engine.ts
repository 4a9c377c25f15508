/**
 * `engine_*`: the load + preprocess + profile stages on a large synthetic order-line file on disk, by
 * the JS engine (read the whole file into typed-array Arrow columns, `clean`, `rfm`) and by native
 * DuckDB (`duckdbProfile`, streaming the file). Each run is its own child process so its peak RSS
 * (`process.resourceUsage().maxRSS`) is its own. The two profiles are checked against each other
 * (customers, Σ frequency, Σ monetary within 1e-9 relative).
 *
 * Default 10M rows (≈ 0.8 GB CSV); `TIERBOOK_ENGINE_ROWS` overrides. Call from bench/run.ts:
 *   `await step('engine', () => benchEngine())`
 * or on its own: `npx tsx bench/engine.ts [rows]`.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { result, type BenchResult } from './result';

const SELF = fileURLToPath(import.meta.url);
/** DuckDB's memory limit in the bench: beyond it DuckDB spills to its temp folder. */
export const DUCKDB_MEMORY = '2GB';

/** Deterministic synthetic order lines in canonical columns, streamed to `path` (mulberry32, seed 1). */
export async function writeSyntheticCsv(path: string, rows: number, seed = 1): Promise<void> {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const customers = Math.max(10, Math.round(rows / 50));
  const start = Date.UTC(2023, 0, 1);
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('customer,order,time,quantity,price,amount,cancelled,item\n');
  let buf = '';
  let order = 0;
  let left = 0;
  let cust = '';
  let time = '';
  let cancelled = false;
  for (let i = 0; i < rows; i++) {
    if (left === 0) {
      order++;
      left = 1 + Math.floor(rand() * 8);
      const c = Math.floor(customers * rand() ** 2); // heavy-tailed activity
      cust = rand() < 0.02 ? '' : String(10000 + c);
      time = new Date(start + Math.floor(rand() * 730 * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
      cancelled = rand() < 0.02;
    }
    left--;
    const q = cancelled ? -1 - Math.floor(rand() * 3) : 1 + Math.floor(rand() * 6);
    const p = Math.round((0.5 + rand() * 20) * 100) / 100;
    const line = `${cust},${cancelled ? 'C' : ''}${order},${time},${q},${p},${Math.round(q * p * 100) / 100},${cancelled},SKU${Math.floor(rand() * 4000)}\n`;
    buf += rand() < 0.002 ? line + line : line; // a few exact duplicates
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r, e) => out.end((err?: Error | null) => (err ? e(err) : r())));
}

interface ChildReport {
  engine: string;
  ms: number;
  maxRssMB: number;
  customers: number;
  frequency: number;
  monetary: number;
}

/** In the child: run one engine on one file and print a ChildReport. */
async function child(engine: string, path: string): Promise<void> {
  const { readTableFile } = await import('../src/cli/nodeEnv');
  const { detectRoles } = await import('../src/core/data/roles');
  const { toTransactions } = await import('../src/core/data/transactions');
  const { clean } = await import('../src/core/prep/clean');
  const { rfm } = await import('../src/core/profile/rfm');
  const { duckdbProfile } = await import('../src/engine/duckdbNode');
  const t0 = performance.now(); // modules loaded: time the engine only
  let profile;
  if (engine === 'js') {
    const raw = await readTableFile(path);
    profile = rfm(clean(toTransactions(raw, detectRoles(raw), { file: path })).table);
  } else {
    profile = (await duckdbProfile({ path }, { memoryLimit: DUCKDB_MEMORY })).profile;
  }
  const ms = performance.now() - t0;
  const f = profile.getChild('frequency')!.toArray() as Int32Array;
  const m = profile.getChild('monetary')!.toArray() as Float64Array;
  const report: ChildReport = {
    engine,
    ms,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    customers: profile.numRows,
    frequency: f.reduce((s, x) => s + x, 0),
    monetary: m.reduce((s, x) => s + x, 0),
  };
  process.stdout.write(`\n@@${JSON.stringify(report)}\n`);
}

function runChild(engine: string, path: string): ChildReport | string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', SELF, '--child', engine, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@'));
  return line ? (JSON.parse(line.slice(2)) as ChildReport) : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
}

/**
 * Write `rows` synthetic lines to a temp CSV (and DuckDB's Parquet copy of it), profile them with
 * both engines, and report time and peak RSS of each; the JS engine is the peer (ratio < 1 = DuckDB faster).
 *
 * @example await benchEngine({ rows: 1_000_000 }) // engine_csv_1m_ms, engine_csv_1m_rss_mb, engine_parquet_1m_ms, …
 */
export async function benchEngine(opts: { rows?: number } = {}): Promise<BenchResult[]> {
  const rows = opts.rows ?? Number(process.env.TIERBOOK_ENGINE_ROWS ?? 10_000_000);
  const tag = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}m` : String(rows);
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-engine-'));
  try {
    const csv = join(dir, 'lines.csv');
    const t0 = performance.now();
    await writeSyntheticCsv(csv, rows);
    const mb = statSync(csv).size / 1e6;
    const parquet = join(dir, 'lines.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
    console.log(`[engine] ${rows.toLocaleString('en-US')} lines: CSV ${mb.toFixed(0)} MB, Parquet ${(statSync(parquet).size / 1e6).toFixed(0)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const duck = runChild('duckdb', csv);
    const duckPq = runChild('duckdb', parquet);
    const js = runChild('js', csv);
    const out: BenchResult[] = [];
    const note = (r: ChildReport | string) => (typeof r === 'string' ? `failed: ${r}` : '');
    const agree = (a: ChildReport | string, b: ChildReport | string) =>
      typeof a === 'string' || typeof b === 'string'
        ? 'not compared'
        : a.customers === b.customers && a.frequency === b.frequency && Math.abs(a.monetary - b.monetary) <= 1e-9 * Math.abs(b.monetary)
          ? `same profile (${a.customers.toLocaleString('en-US')} customers)`
          : `PROFILES DIFFER: ${JSON.stringify({ a, b })}`;
    const num = (r: ChildReport | string, k: 'ms' | 'maxRssMB') => (typeof r === 'string' ? NaN : r[k]);
    const peer = 'JS engine (typed arrays)';
    out.push(result(`engine_csv_${tag}_ms`, num(duck, 'ms'), `ms (1 run, native DuckDB memory_limit ${DUCKDB_MEMORY}, CSV on disk)`, { peer, peerValue: num(js, 'ms'), note: `${mb.toFixed(0)} MB CSV; ${agree(duck, js)} ${note(duck)} ${note(js)}`.trim() }));
    out.push(result(`engine_csv_${tag}_rss_mb`, num(duck, 'maxRssMB'), 'MB peak RSS', { peer, peerValue: num(js, 'maxRssMB'), note: 'whole child process' }));
    out.push(result(`engine_parquet_${tag}_ms`, num(duckPq, 'ms'), `ms (1 run, native DuckDB memory_limit ${DUCKDB_MEMORY}, Parquet on disk)`, { note: `peak RSS ${num(duckPq, 'maxRssMB').toFixed(0)} MB; ${agree(duckPq, duck)} ${note(duckPq)}`.trim() }));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4]).catch((e) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(1);
  });
} else if (process.argv[1] === SELF) {
  benchEngine({ rows: process.argv[2] ? Number(process.argv[2]) : undefined }).then((r) => console.table(r));
}
