/**
 * Every shipped notebook besides the default one, in a real Chromium against the production build
 * (dist/, served by serveDist): opened with `?notebook=<id>`, every code cell settles without an error,
 * nothing is written to the console as an error, no request leaves the app's origin, and at least one
 * chart is drawn. One browser, the notebooks in sequence. The ad-strategy notebook is also switched from
 * the co-purchase recommender to implicit ALS (trained in the recommend worker), and its per-tier
 * strategy table shows the items the new recommender picked.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;

/** Notebook id → a chart cell that must draw, and a table cell (where the notebook has one) that must have rows. */
const NOTEBOOKS: { id: string; chart: string; table: string | null }[] = [
  { id: 'purchase-intent', chart: 'roc_chart', table: 'predictions' },
  { id: 'synthetic-shop', chart: 'roc_chart', table: null },
  { id: 'recommendations', chart: 'comparison_chart', table: 'recommendations' },
  { id: 'clv', chart: 'clv_tier_chart', table: 'clv_tier_summary' },
  { id: 'ad-strategy', chart: 'allocation_chart', table: 'strategy_by_tier' },
  { id: 'ab-testing', chart: 'ab_chart', table: 'ab_details' },
];

describe.skipIf(!hasChromium)('every shipped notebook in Chromium', () => {
  let served: Served;
  let s: Session;

  beforeAll(async () => {
    served = await serveDist();
    s = await openApp(served.url);
  });

  afterAll(async () => {
    await s?.close();
    await served?.stop();
  });

  for (const nb of NOTEBOOKS) {
    test(`${nb.id}: every code cell settles without an error, a chart draws, no console error or foreign request`, async () => {
      const page = s.page;
      s.consoleErrors.length = 0;
      s.foreignRequests.length = 0;
      const t0 = Date.now();
      await page.goto(`${served.url}?notebook=${nb.id}`);
      await page.waitForSelector('article.cell.code', { timeout: 30_000 });
      const statuses = await waitForNotebook(page, 90_000);
      console.log(`[e2e] ${nb.id}: ${Object.keys(statuses).length} code cells settled in ${Date.now() - t0} ms`);
      // The shipped notebooks run every cell, expensive ones included: nothing may be left stale either.
      expect(Object.entries(statuses).filter(([, v]) => v !== 'done')).toEqual([]);
      expect(Object.keys(statuses).length).toBeGreaterThan(5);
      // At least one chart: a figure with a drawn SVG (marks inside), and the named one in particular.
      const drawn = await page.evaluate(
        () => [...document.querySelectorAll('article.cell.code figure.chart svg')].filter((svg) => svg.querySelectorAll('path, rect, circle, line, text').length > 0).length,
      );
      expect(drawn).toBeGreaterThan(0);
      expect(await page.locator(`${cell(nb.chart)} figure.chart svg`).count()).toBeGreaterThan(0);
      if (nb.table) expect(Number(await page.locator(`${cell(nb.table)} [data-testid=table]`).first().getAttribute('data-rows'))).toBeGreaterThan(0);
      expect(s.consoleErrors).toEqual([]);
      expect(s.foreignRequests).toEqual([]);
    });
  }

  test('ad-strategy: the delivery stage takes its items from the chosen recommender (ALS in the worker)', async () => {
    const page = s.page;
    s.consoleErrors.length = 0;
    await page.goto(`${served.url}?notebook=ad-strategy`);
    await page.waitForSelector('article.cell.code', { timeout: 30_000 });
    await waitForNotebook(page, 90_000);
    const plan = page.locator(`${cell('strategy_by_tier')} [data-testid=table]`);
    expect(await plan.innerText()).toContain('Co-purchase');
    const delivery = await page.locator(`${cell('delivery_by_tier')} [data-testid=table]`).innerText();
    await page.locator(`${cell('recommender')} select`).selectOption('als');
    const targeting = page.locator(cell('targeting'));
    await expect.poll(() => targeting.getAttribute('data-status'), { timeout: 10_000 }).toBe('stale');
    await targeting.locator('[data-testid=run]').click();
    await expect.poll(() => targeting.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const statuses = await waitForNotebook(page, 60_000);
    expect(Object.entries(statuses).filter(([, v]) => v !== 'done')).toEqual([]);
    // Every strategy tier lists items with their mean delivery probability, now from ALS.
    const text = await plan.innerText();
    expect(text).toContain('Implicit ALS');
    expect(text).not.toContain('Co-purchase');
    expect((text.match(/P̄ 0\.\d{3}/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(await page.locator(`${cell('delivery_by_tier')} [data-testid=table]`).innerText()).not.toBe(delivery);
    expect(s.consoleErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
