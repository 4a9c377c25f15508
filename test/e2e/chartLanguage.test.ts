/**
 * Charts and error messages follow the UI language, in real Chromium against the production build:
 * switching to 中文 on the default notebook redraws its charts in Chinese (title, axis label, tier
 * and segment names inside the charts, legend) without retraining or re-running anything expensive,
 * switching back restores English; a cell error is shown in Chinese with its English original; and a
 * notebook running in the sandbox opens with Chinese charts and redraws them on a switch too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';
import { encodeShare } from '../../src/notebook/share';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;
const chart = (name: string) => `${cell(name)} figure.chart`;

/** Texts of a chart: its title, an axis label and the tick labels of one axis. */
async function chartTexts(page: Page, name: string, axis: string) {
  const root = page.locator(chart(name));
  return {
    title: await root.locator('h2').first().innerText(),
    xLabel: await root.locator('[aria-label="x-axis label"] text').first().textContent(),
    ticks: await root.locator(`[aria-label="${axis} tick label"] text`).allTextContents(),
  };
}

/** Start recording every code cell that is queued or run from now on (by name). */
async function recordRuns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __runs: string[] };
    w.__runs = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (['queued', 'running'].includes(el.dataset.status ?? '')) w.__runs.push(el.dataset.name || el.dataset.cell || '?');
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
  });
}
const runs = (page: Page) => page.evaluate(() => [...new Set((window as unknown as { __runs: string[] }).__runs)]);

describe.skipIf(!hasChromium)('charts and errors follow the language', () => {
  let served: Served;
  const sessions: Session[] = [];
  const open = async (path = '') => {
    const s = await openApp(served.url + path);
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    served = await serveDist();
  });

  afterAll(async () => {
    for (const s of sessions) {
      expect(s.consoleErrors).toEqual([]);
      expect(s.foreignRequests).toEqual([]);
      await s.close();
    }
    await served?.stop();
  });

  test('中文 redraws the charts in Chinese without retraining, and EN restores them; a cell error shows in Chinese with its original', async () => {
    const s = await open();
    const page = s.page;
    await waitForNotebook(page, 90_000);
    const english = await chartTexts(page, 'tier_shares_chart', 'fy-axis');
    expect(english.title).toBe('Customers and revenue by tier');
    expect(english.xLabel).toContain('Share of the total (%)');
    expect(english.ticks).toContain('High value');
    const trained = await page.locator(`${cell('training')} [data-testid=training]`).innerText();
    const numbers = (text: string) => text.match(/\d(?:[\d,.]*\d)?/g);
    const trainedNumbers = numbers(trained);
    await recordRuns(page);

    await page.locator('[data-testid=lang-zh-CN]').click();
    await expect.poll(() => page.locator(`${chart('tier_shares_chart')} h2`).first().innerText(), { timeout: 30_000 }).toBe('各层级的用户与收入');
    await waitForNotebook(page);
    const chinese = await chartTexts(page, 'tier_shares_chart', 'fy-axis');
    expect(chinese.xLabel).toContain('占总体的比例（%）');
    expect(chinese.ticks).toContain('高价值');
    expect(chinese.ticks.some((t) => /High value|Low value|Dormant/.test(t))).toBe(false);
    // Other charts: the cleaning waterfall's steps, the RFM segments, the histogram's legend and threshold.
    expect(await page.locator(`${chart('cleaning_chart')} h2`).first().innerText()).toMatch(/^每个清洗步骤后剩余的行数/);
    expect(await page.locator(`${chart('cleaning_chart')} [aria-label="y-axis tick label"] text`).allTextContents()).toContain('已取消订单');
    expect(await page.locator(`${chart('segment_chart')} [aria-label="y-axis tick label"] text`).allTextContents()).toContain('重要价值客户');
    const histogram = await page.locator(chart('probability_histogram')).innerText();
    expect(histogram).toContain('未购买');
    expect(await page.locator(`${chart('probability_histogram')} .threshold-label`).textContent()).toBe('阈值 0.50');
    // Nothing expensive ran again: the model is the same one, trained once.
    const reran = await runs(page);
    expect(reran).toContain('tier_shares_chart');
    for (const name of ['training', 'model', 'kmeans_sweep', 'clusters', 'raw', 'lines', 'cleaning', 'profile']) expect(reran).not.toContain(name);
    expect(numbers(await page.locator(`${cell('training')} [data-testid=training]`).innerText())).toEqual(trainedNumbers);

    // A cell error: Chinese, with the English original under it.
    const seg = page.locator(cell('segment_chart'));
    await seg.locator('header.bar button.btn.ghost').click();
    await seg.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('segment_chart = segmentBars(rfm_scoresX)');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => seg.locator('[data-testid=cell-error] [data-testid=error-text]').innerText()).toBe('`rfm_scoresX` 未定义');
    expect(await seg.locator('[data-testid=error-original]').innerText()).toBe('英文原文：`rfm_scoresX` is not defined');

    await page.locator('[data-testid=lang-en]').click();
    await expect.poll(() => page.locator(`${chart('tier_shares_chart')} h2`).first().innerText(), { timeout: 30_000 }).toBe('Customers and revenue by tier');
    await waitForNotebook(page);
    expect(await chartTexts(page, 'tier_shares_chart', 'fy-axis')).toEqual(english);
    expect(await page.locator(`${chart('probability_histogram')} .threshold-label`).textContent()).toBe('threshold 0.50');
    expect(await seg.locator('[data-testid=cell-error]').innerText()).toBe('`rfm_scoresX` is not defined');
    expect(await seg.locator('[data-testid=error-original]').count()).toBe(0);
    for (const name of ['training', 'model', 'kmeans_sweep', 'clusters']) expect(await runs(page)).not.toContain(name);
  });

  test('?lang=zh-CN draws Chinese charts from the start, also in the sandbox, which redraws them on a switch', async () => {
    const text = readFileSync('notebooks/value-tiering.md', 'utf8');
    const { parseNotebook } = await import('../../src/notebook');
    const target = parseNotebook(text).cells.find((c) => c.source.startsWith('weightF = slider'))!;
    const hash = await encodeShare({ notebook: 'value-tiering', params: {}, code: { [target.id]: target.source.replace('value: 1,', 'value: 2,') } });
    const s = await open(`?lang=zh-CN#${hash}`);
    const page = s.page;
    await waitForNotebook(page, 90_000);
    expect(await page.locator(`${chart('tier_shares_chart')} h2`).first().innerText()).toBe('各层级的用户与收入');
    expect(await page.locator(`${chart('segment_chart')} [aria-label="y-axis tick label"] text`).allTextContents()).toContain('重要价值客户');

    await expect.poll(() => page.locator('[data-testid=trust]').count()).toBe(1);
    await page.locator('[data-testid=trust-run]').click();
    await expect.poll(() => page.locator('iframe[sandbox="allow-scripts"]').count()).toBe(1);
    await expect.poll(() => page.locator(`${cell('weightF')} output`).innerText(), { timeout: 60_000 }).toBe('2.0');
    await waitForNotebook(page, 90_000);
    // Charts now come from the sandbox (sanitised markup), drawn in Chinese there.
    await expect.poll(() => page.locator(`${chart('segment_chart')} [aria-label="y-axis tick label"] text`).allTextContents(), { timeout: 30_000 }).toContain('重要价值客户');
    expect(await page.locator(`${chart('tier_shares_chart')} h2`).first().innerText()).toBe('各层级的用户与收入');

    await page.locator('[data-testid=lang-en]').click();
    await expect.poll(() => page.locator(`${chart('tier_shares_chart')} h2`).first().innerText(), { timeout: 30_000 }).toBe('Customers and revenue by tier');
    await expect.poll(() => page.locator(`${chart('segment_chart')} [aria-label="y-axis tick label"] text`).allTextContents()).toContain('Champions');
  });
});
