/**
 * `engine_browser_*`: the big-data notebook in headless Chromium on a large synthetic order-line CSV
 * chosen in the load panel, profiled by each engine of the tab:
 * - DuckDB-wasm: the file is over the large-file threshold, so it stays on disk and DuckDB's worker
 *   reads it (`auto` picks DuckDB because the file is over the notebook's `thresholdMB`);
 * - JS: the threshold is raised so the loading worker parses the whole file into Arrow columns, and
 *   the notebook's engine is `js` (clean + rfm on typed arrays in the tab).
 * Time: file chosen → the `engine_stages` table shows the engine's profile. Memory: the peak of the
 * summed RSS of every Chromium process of the session (sampled every 250 ms from `ps`), minus the
 * same sum just before the file was chosen. Default 10M rows (≈ 0.6 GB); `TIERBOOK_ENGINE_ROWS` overrides;
 * `TIERBOOK_ENGINE_ONLY=duckdb-wasm` (or `js`) measures one engine only.
 *
 * Call from bench/run.ts: `await step('engine browser', () => benchEngineBrowser())`, or on its own:
 * `npx tsx bench/engineBrowser.ts [rows]` (after `vite build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, openApp, serveDist, waitForNotebook, type Session } from '../test/e2e/browser';
import { writeSyntheticCsv } from './engine';
import { result, type BenchResult } from './result';

const SELF = fileURLToPath(import.meta.url);
const cell = (name: string) => `article.cell[data-name="${name}"]`;

/** Summed RSS (MB) of the processes whose command line names `marker` (the session's profile folder). */
function rssMB(marker: string): number {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  let kb = 0;
  for (const line of out.split('\n')) {
    if (!line.includes(marker)) continue;
    const n = Number.parseInt(line.trim(), 10);
    if (Number.isFinite(n)) kb += n;
  }
  return kb / 1024;
}

interface EngineRun {
  ms: number;
  peakMB: number;
  baseMB: number;
  customers: number;
  stages: string;
  /** The engine's own User Timing measures (`tierbook:…`), e.g. "scan 21.3 s". */
  measures: string;
}

/** Choose `csv` in the big-data notebook with `engine` and wait for its profile. */
async function runIn(s: Session, engine: 'duckdb-wasm' | 'js', csv: string, timeoutMs: number): Promise<EngineRun> {
  const page = s.page;
  await waitForNotebook(page, 120_000);
  if (engine === 'js') {
    await page.locator('[data-testid=large-mb]').fill('100000');
    await page.locator(`${cell('engine')} select`).selectOption('js');
  } else {
    // Both thresholds (load panel: keep on disk; notebook: auto → DuckDB) under the file's size.
    const under = String(Math.max(1, Math.floor(statSync(csv).size / 2e6)));
    await page.locator('[data-testid=large-mb]').fill(under);
    const threshold = page.locator(`${cell('thresholdMB')} input[type=number]`);
    await threshold.fill(under);
    await threshold.dispatchEvent('change');
  }
  await waitForNotebook(page, 120_000);
  const baseMB = rssMB(s.userDataDir);
  let peakMB = baseMB;
  const timer = setInterval(() => (peakMB = Math.max(peakMB, rssMB(s.userDataDir))), 250);
  try {
    const t0 = performance.now();
    await page.locator('[data-testid=file-input]').setInputFiles(csv);
    const name = csv.split('/').at(-1)!;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = (await page.locator(`${cell('engine_stages')} [data-testid=table]`).textContent({ timeout: timeoutMs }).catch(() => '')) ?? '';
      // JS: the load row counts the file's lines (from the load panel's "loaded N rows"); DuckDB: it says it read the file.
      const loadedOk = engine === 'js' ? ((await page.locator('[data-testid=load-ok]').textContent({ timeout: 50 }).catch(() => null)) ?? '') : '';
      const lines = /loaded ([\d,]+) rows/.exec(loadedOk)?.[1];
      const done = (await page.locator(cell('stages')).getAttribute('data-status')) === 'done';
      if (done && text.includes(engine) && (engine === 'js' ? !!lines && loadedOk.includes(name) && text.includes(lines) : text.includes(`${name} from disk`))) {
        const ms = performance.now() - t0;
        const rows = await page.locator(`${cell('profile')} [data-testid=table]`).getAttribute('data-rows');
        const measures = (await page.evaluate(() =>
          performance.getEntriesByType('measure').filter((m) => m.name.startsWith('tierbook:')).map((m) => `${m.name.split(':').at(-1)} ${(m.duration / 1000).toFixed(1)} s`),
        )).join(', ');
        return { ms, peakMB, baseMB, customers: Number(rows), stages: text, measures };
      }
      // An expensive cell keeps its run button when done: click it only while the cell is stale, or a
      // finished run would be started again (and timed twice).
      const run = page.locator(`${cell('stages')} [data-testid=run]`);
      if ((await page.locator(cell('stages')).getAttribute('data-status')) === 'stale' && (await run.isVisible().catch(() => false))) await run.click().catch(() => undefined);
      const err = await page.locator('[data-testid=load-error]').textContent({ timeout: 50 }).catch(() => null);
      if (err) throw new Error(`loading failed: ${err}`);
      if ((await page.locator(cell('stages')).getAttribute('data-status')) === 'error') {
        throw new Error(`the stages cell failed: ${await page.locator(`${cell('stages')} [data-testid=cell-error]`).textContent()}`);
      }
      if (Date.now() > deadline) throw new Error(`no ${engine} profile within ${timeoutMs / 1000} s; engine_stages reads: ${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    clearInterval(timer);
  }
}

/**
 * Write `rows` synthetic lines, then profile them in Chromium with DuckDB-wasm and with the JS engine
 * (each in a fresh browser); the JS engine is the peer (ratio < 1 = DuckDB-wasm faster / smaller).
 *
 * @example await benchEngineBrowser({ rows: 1_000_000 }) // engine_browser_1m_ms, engine_browser_1m_peak_mb
 */
export async function benchEngineBrowser(opts: { rows?: number } = {}): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) {
    console.log(`engine browser: SKIPPED — ${CHROMIUM} not found (install Debian's chromium); no rows`);
    return [];
  }
  const rows = opts.rows ?? Number(process.env.TIERBOOK_ENGINE_ROWS ?? 10_000_000);
  const tag = rows >= 1e6 && rows % 1e6 === 0 ? `${rows / 1e6}m` : String(rows);
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-bench-engine-browser-'));
  const served = await serveDist();
  try {
    const csv = join(dir, `lines-${tag}.csv`);
    await writeSyntheticCsv(csv, rows);
    const mb = statSync(csv).size / 1e6;
    const timeoutMs = Math.max(120_000, rows / 10_000 * 1000); // 100 s per 1M rows at worst
    const measure = async (engine: 'duckdb-wasm' | 'js'): Promise<EngineRun | string> => {
      const s = await openApp(`${served.url}?notebook=big-data`);
      try {
        return await runIn(s, engine, csv, timeoutMs);
      } catch (e) {
        return (e as Error).message;
      } finally {
        await s.close();
      }
    };
    const only = process.env.TIERBOOK_ENGINE_ONLY;
    const duck = only === 'js' ? 'skipped (TIERBOOK_ENGINE_ONLY=js)' : await measure('duckdb-wasm');
    const js = only === 'duckdb-wasm' ? 'skipped (TIERBOOK_ENGINE_ONLY=duckdb-wasm)' : await measure('js');
    for (const [k, r] of [['duckdb-wasm', duck], ['js', js]] as const) {
      console.log(`[engine browser] ${k}: ${typeof r === 'string' ? `FAILED — ${r}` : `${(r.ms / 1000).toFixed(1)} s, peak +${(r.peakMB - r.baseMB).toFixed(0)} MB over ${r.baseMB.toFixed(0)} MB, ${r.customers} customers${r.measures ? ` (engine: ${r.measures})` : ''}`}`);
    }
    const num = (r: EngineRun | string, k: 'ms' | 'peak') => (typeof r === 'string' ? NaN : k === 'ms' ? r.ms : r.peakMB - r.baseMB);
    const same = typeof duck !== 'string' && typeof js !== 'string' ? (duck.customers === js.customers ? `same customers (${duck.customers.toLocaleString('en-US')})` : `CUSTOMERS DIFFER: ${duck.customers} vs ${js.customers}`) : '';
    const failed = [duck, js].filter((r) => typeof r === 'string').join('; ');
    const peer = 'JS engine in the tab (loading worker + typed arrays)';
    return [
      result(`engine_browser_${tag}_ms`, num(duck, 'ms'), 'ms (file chosen → profile, DuckDB-wasm reading the file from disk)', {
        peer,
        peerValue: num(js, 'ms'),
        note: `${mb.toFixed(0)} MB CSV, Chromium; ${same}${failed ? `; failed: ${failed}` : ''}`,
      }),
      result(`engine_browser_${tag}_peak_mb`, num(duck, 'peak'), 'MB peak RSS of all Chromium processes, over the idle notebook', { peer, peerValue: num(js, 'peak') }),
    ];
  } finally {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF) {
  benchEngineBrowser({ rows: process.argv[2] ? Number(process.argv[2]) : undefined }).then((r) => console.table(r));
}
