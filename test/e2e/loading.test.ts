/**
 * Loading a user's file in real Chromium against the production build: a CSV with two bad rows
 * loads the good ones and shows the located report with a download button; a GBK file with
 * Chinese headers is decoded; a fatal file shows one error and the app keeps working.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const HEADER = 'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n';
const goodRows = (n: number, from: number): string =>
  Array.from({ length: n }, (_, i) => `${536000 + from + i},SKU${(from + i) % 9},${(i % 4) + 1},2011-01-${String(((from + i) % 28) + 1).padStart(2, '0')} 10:00,2.5,${17000 + ((from + i) % 11)}\n`).join('');

describe.skipIf(!hasChromium)('loading files in Chromium', () => {
  let served: Served;
  let s: Session;

  beforeAll(async () => {
    served = await serveDist();
    s = await openApp(served.url);
    await waitForNotebook(s.page, 90_000);
  });

  afterAll(async () => {
    await s?.close();
    await served?.stop();
  });

  test('a CSV with 2 bad rows loads the good ones and reports the bad ones', async () => {
    const csv = HEADER + goodRows(20, 0) + '537001,SKU1,3,2011-02-01 10:00\n' + goodRows(10, 30) + '537002,SKU2,lots,2011-02-02 10:00,2.5,17001\n' + goodRows(10, 50);
    await s.page.locator('[data-testid=file-input]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const ok = s.page.locator('[data-testid=load-ok]');
    await expect.poll(() => ok.innerText(), { timeout: 20_000 }).toBe('orders.csv: loaded 40 rows, 6 columns; 2 rows skipped');
    const report = s.page.locator('[data-testid=load-skipped] li');
    expect(await report.allInnerTexts()).toEqual([
      'orders.csv, row 21: has 4 fields (expected 6, as in the header)',
      'orders.csv, row 32, column `Quantity`: `lots` is not a number (expected a number for the quantity role)',
    ]);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('[data-testid=skipped-download]').click()]);
    expect(download.suggestedFilename()).toBe('orders-skipped-rows.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('row,problem,text');
    expect(text).toContain('21,"orders.csv, row 21: has 4 fields (expected 6, as in the header)","537001,SKU1,3,2011-02-01 10:00"');
    expect(await s.page.locator('[data-testid=load-error]').count()).toBe(0);
  });

  test('a GBK file with Chinese headers is decoded', async () => {
    const gbk = readFileSync('test/fixtures/inputs/gbk_orders.csv');
    await s.page.locator('[data-testid=file-input]').setInputFiles({ name: 'gbk_orders.csv', mimeType: 'text/csv', buffer: gbk });
    const ok = s.page.locator('[data-testid=load-ok]');
    await expect.poll(() => ok.innerText(), { timeout: 20_000 }).toBe('gbk_orders.csv: loaded 4 rows, 6 columns');
    // The raw table shows the decoded Chinese header.
    await expect.poll(() => s.page.locator('article.cell[data-name="raw"]').innerText(), { timeout: 30_000 }).toContain('客户ID');
  });

  test('a fatal file gets one located error and the page stays usable', async () => {
    await s.page.locator('[data-testid=file-input]').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    const error = s.page.locator('[data-testid=load-error]');
    await expect.poll(() => error.innerText(), { timeout: 15_000 }).toBe('empty.csv: is empty (expected a header line and data rows)');
    expect(await s.page.locator('[data-testid=file-input]').isEnabled()).toBe(true);
  });
});
