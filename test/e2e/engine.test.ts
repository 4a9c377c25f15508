/**
 * big-data.md in a real Chromium against the production build: the three heavy stages run in the
 * JS engine by default (the shipped file is under the threshold), then in DuckDB-wasm when the user
 * picks it — loaded lazily from the app's own origin (no wasm before, nothing foreign after) — and
 * its per-customer profile equals the JS engine's (same customers, exact counts, sums within 1e-9).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { synthCsv } from '../../src/core/synth/shop';
import { parseCsv } from '../../src/core/data/csv';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';
import { clean } from '../../src/core/prep/clean';
import { rfm } from '../../src/core/profile/rfm';
import { floats, strings } from '../../src/core/table';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;

describe.skipIf(!hasChromium)('big-data notebook: DuckDB-wasm in Chromium', () => {
  let served: Served;
  let s: Session;
  const requests: string[] = [];

  beforeAll(async () => {
    served = await serveDist();
    s = await openApp(`${served.url}?notebook=big-data`);
    s.context.on('request', (r) => requests.push(r.url()));
    await waitForNotebook(s.page, 90_000);
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    await served?.stop();
  });

  test('auto keeps the small shipped file in the JS engine and loads no DuckDB', async () => {
    const statuses = await waitForNotebook(s.page);
    expect(Object.entries(statuses).filter(([, v]) => v !== 'done')).toEqual([]);
    const stages = await s.page.locator(`${cell('engine_stages')} [data-testid=table]`).innerText();
    expect(stages).toMatch(/load\s+js/);
    expect(stages).toContain('under the 200 MB threshold');
    const resources = await s.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect([...resources, ...requests].filter((u) => /duckdb/i.test(u))).toEqual([]);
  });

  test('choosing DuckDB runs the stages in DuckDB-wasm from this origin, with the same profile as JS', async () => {
    const page = s.page;
    await page.locator(`${cell('compareWithJs')} input[type=checkbox]`).check();
    await page.locator(`${cell('engine')} select`).selectOption('duckdb');
    await waitForNotebook(page);
    const run = page.locator(`${cell('stages')} [data-testid=run]`);
    if (await run.isVisible()) await run.click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('duckdb-wasm'), `${cell('engine_stages')} [data-testid=table]`, { timeout: 90_000 });
    const statuses = await waitForNotebook(page, 90_000);
    expect(Object.entries(statuses).filter(([, v]) => v !== 'done')).toEqual([]);
    const stages = await page.locator(`${cell('engine_stages')} [data-testid=table]`).innerText();
    expect(stages).toMatch(/load\s+duckdb-wasm\s+541,?909/);
    expect(stages).toMatch(/profile\s+duckdb-wasm\s+4,?338/);
    // The pipeline map says which engine ran each stage.
    expect(await page.locator('[data-stage=preprocess] [data-testid=stage-engine]').innerText()).toBe('duckdb-wasm');
    expect(await page.locator(`${cell('profile')} [data-testid=table]`).getAttribute('data-rows')).toBe('4338');
    const agreement = await page.locator(`${cell('engine_agreement')} [data-testid=output]`).innerText();
    expect(agreement).toMatch(/engine\W+duckdb-wasm/);
    expect(agreement).toMatch(/sameCustomers\W+true/);
    expect(agreement).toMatch(/agree\W+true/);
    // The wasm and its worker came from the app's origin; nothing went anywhere else.
    const origin = new URL(served.url).origin;
    const duck = requests.filter((u) => /duckdb/i.test(u));
    expect(duck.some((u) => /\.wasm$/.test(u))).toBe(true);
    expect(duck.every((u) => u.startsWith(origin))).toBe(true);
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 180_000);

  test('DuckDB-wasm reads a dropped CSV file itself (roles detected) and profiles it like the JS loader', async () => {
    const chunk = readdirSync('dist/assets').find((f) => /^duckdbWasm-.*\.js$/.test(f));
    expect(chunk, 'the lazy DuckDB-wasm chunk is in dist/assets').toBeTruthy();
    const text = synthCsv({ customers: 150, transactions: 3000, seed: 5 });
    // A string, so vitest does not rewrite the page's dynamic import().
    const got = (await s.page.evaluate(`(async () => {
      const m = await import(${JSON.stringify(`./assets/${chunk}`)});
      const r = await m.wasmProfile({ file: new File([${JSON.stringify(text)}], 'shop.csv', { type: 'text/csv' }) });
      const col = (n) => Array.from(r.profile.getChild(n).toArray(), (v) => (typeof v === 'bigint' ? Number(v) : v));
      const log = (n) => Array.from(r.steps.getChild(n).toArray(), (v) => (typeof v === 'bigint' ? Number(v) : v));
      return { engine: r.engine, customer: col('customer'), recency: col('recency'), frequency: col('frequency'), monetary: col('monetary'),
        steps: { step: log('step'), rows: log('rows'), customers: log('customers') } };
    })()`)) as { engine: string; customer: string[]; recency: number[]; frequency: number[]; monetary: number[]; steps: Record<string, unknown[]> };
    const raw = parseCsv(text, { file: 'shop.csv' });
    const cleaned = clean(toTransactions(raw, detectRoles(raw), { file: 'shop.csv' }));
    const want = rfm(cleaned.table);
    expect(got.engine).toBe('duckdb-wasm');
    // The cleaning log (computed from the same single scan) is the JS one, step by step.
    expect(got.steps).toEqual({ step: strings(cleaned.steps, 'step'), rows: Array.from(floats(cleaned.steps, 'rows')), customers: Array.from(floats(cleaned.steps, 'customers')) });
    expect(got.customer).toEqual(strings(want, 'customer'));
    expect(got.recency).toEqual(Array.from(floats(want, 'recency')));
    expect(got.frequency).toEqual(Array.from(floats(want, 'frequency')));
    const m = floats(want, 'monetary');
    expect(Math.max(...got.monetary.map((v, i) => Math.abs(v - m[i]) / Math.max(1, Math.abs(m[i]))))).toBeLessThan(1e-9);
  }, 120_000);

  test('a file over the large-file threshold stays on disk: DuckDB-wasm reads it and the tab never parses it', async () => {
    const page = s.page;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.locator(`${cell('compareWithJs')} input[type=checkbox]`).uncheck();
    await page.locator(`${cell('engine')} select`).selectOption('auto');
    const threshold = page.locator(`${cell('thresholdMB')} input[type=number]`);
    await threshold.fill('1');
    await threshold.dispatchEvent('change');
    await page.locator('[data-testid=large-mb]').fill('1');
    const text = synthCsv({ customers: 400, transactions: 30_000, seed: 9 });
    const mb = Buffer.byteLength(text) / 1e6;
    expect(mb).toBeGreaterThan(1);
    await page.locator('[data-testid=file-input]').setInputFiles({ name: 'big-shop.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await expect.poll(() => page.locator('[data-testid=load-kept]').textContent(), { timeout: 10_000 }).toContain('big-shop.csv');
    await waitForNotebook(page);
    const run = page.locator(`${cell('stages')} [data-testid=run]`);
    if (await run.isVisible()) await run.click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.includes('big-shop.csv from disk'), `${cell('engine_stages')} [data-testid=table]`, { timeout: 90_000 });
    const statuses = await waitForNotebook(page, 90_000);
    expect(Object.entries(statuses).filter(([, v]) => v !== 'done')).toEqual([]);
    const stages = (await page.locator(`${cell('engine_stages')} [data-testid=table]`).textContent()) ?? '';
    expect(stages).toContain('duckdb-wasm');
    expect(stages).toContain('over the 1 MB threshold');
    const raw = parseCsv(text, { file: 'big-shop.csv' });
    const want = rfm(clean(toTransactions(raw, detectRoles(raw), { file: 'big-shop.csv' })).table);
    expect(await page.locator(`${cell('profile')} [data-testid=table]`).getAttribute('data-rows')).toBe(String(want.numRows));
    // The loading worker never started: the lines were read by DuckDB's worker only.
    expect(workers.filter((u) => /load/i.test(u))).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 180_000);
});
