/**
 * English and Simplified Chinese in real Chromium against the production build: `?lang=zh-CN` shows
 * the Chinese UI and narrative (the notebook itself stays English underneath), numbers and dates
 * are formatted for zh-CN, table footers, the load panel and tier names in tables are Chinese, another
 * notebook (ab-testing) opens in Chinese, the EN / 中文 switch toggles in place and is remembered
 * across a reload, and an edited narrative cell shows its English with a "translation out of date" note.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;

describe.skipIf(!hasChromium)('language: English and Simplified Chinese', () => {
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

  test('?lang=zh-CN shows the Chinese UI, narrative and widget labels, with zh-CN numbers and dates', async () => {
    const s = await open('?lang=zh-CN');
    const page = s.page;
    await waitForNotebook(page, 90_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // UI chrome.
    expect(await page.locator('[data-testid=share]').innerText()).toBe('分享');
    expect(await page.locator('[data-testid=lang-zh-CN]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('nav.map').innerText()).toContain('价值分层');
    expect(await page.locator('[data-testid=privacy-note]').innerText()).toContain('数据只保留在本浏览器中');
    expect(await page.locator(`${cell('profile')} [data-testid=status]`).innerText()).toBe('已完成');
    // Narrative and title from notebooks/i18n/zh-CN/value-tiering.md; widget labels from its labels map.
    expect(await page.locator('h1.title').innerText()).toBe('用户价值分层与精准营销');
    expect(await page.locator('article.cell.markdown').first().locator('h1').innerText()).toBe('用户价值分层与精准营销');
    expect(await page.locator('article.cell.markdown').first().locator('.prose').innerText()).toContain('七个环节依次为');
    expect(await page.locator(`${cell('threshold')} label`).innerText()).toBe('高价值阈值');
    expect(await page.locator(`${cell('returnsMode')} option[value=net]`).innerText()).toBe('退货与原购买对冲');
    expect(await page.locator('[data-testid=translation-stale]').count()).toBe(0);
    // Numbers: training summary and the inspector, formatted by Intl for zh-CN.
    const trained = await page.locator(`${cell('training')} [data-testid=training]`).innerText();
    expect(trained).toMatch(/^已训练 1,000 次迭代，用时 [\d,]+ 毫秒，后端 (wasm|cpu|webgl)，最终损失 \d\.\d{4}$/);
    const expected = await page.evaluate(() => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(4338));
    expect(await page.locator(`${cell('concentration_summary')} [data-testid=inspector]`).innerText()).toContain(expected);
    // Dates in tables: zh-CN order and separators (year/month/day), not ISO.
    const firstDate = await page.locator(`${cell('raw')} tbody tr`).first().innerText();
    expect(firstDate).toMatch(/\b2010\/12\/01 08:26\b/);
    expect(firstDate).not.toMatch(/2010-12-01/);
    // Table footer, load panel and tier names shown as data (through the notebook's labels map).
    expect(await page.locator(`${cell('raw')} [data-testid=table-size]`).innerText()).toMatch(/^[\d,]+ 行 × \d+ 列$/);
    expect(await page.locator(`${cell('raw')} footer button`, { hasText: '显示更多行' }).count()).toBe(1);
    expect(await page.locator('section[aria-label="数据"] h2').innerText()).toBe('数据');
    expect(await page.locator('label.pick span').innerText()).toBe('加载 CSV、Arrow 或 Parquet 文件…');
    expect(await page.locator('[data-testid=url-load]').innerText()).toBe('获取');
    const tierCells = await page.locator(`${cell('segments')} tbody td`).allInnerTexts();
    expect(tierCells.some((v) => ['高价值', '低价值', '沉睡'].includes(v))).toBe(true);
    expect(tierCells.some((v) => ['High value', 'Low value', 'Dormant'].includes(v))).toBe(false);
  });

  test('another notebook in Chinese: ?notebook=ab-testing&lang=zh-CN', async () => {
    const s = await open('?notebook=ab-testing&lang=zh-CN');
    const page = s.page;
    await waitForNotebook(page, 90_000);
    expect(await page.locator('h1.title').innerText()).toBe('A/B 测试、实验规划与多臂老虎机');
    expect(await page.locator('article.cell.markdown').first().locator('h1').innerText()).toBe('A/B 测试、实验规划与多臂老虎机');
    expect(await page.locator('article.cell.markdown').first().locator('.prose').innerText()).toContain('从营销活动中学习');
    expect(await page.locator(`${cell('variant')} label`).innerText()).toBe('实验组字段');
    expect(await page.locator(`${cell('power')} label`).innerText()).toBe('统计功效 1 − β');
    expect(await page.locator('[data-testid=translation-stale]').count()).toBe(0);
    expect(await page.locator('[data-testid=table-size]').first().innerText()).toMatch(/ 行 × \d+ 列$/);
  });

  test('the switch toggles in place, is remembered across a reload, and an edited cell shows its English marked out of date', async () => {
    const s = await open();
    const page = s.page;
    await waitForNotebook(page, 90_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('[data-testid=share]').innerText()).toBe('Share');
    expect(await page.locator('article.cell.markdown').first().locator('h1').innerText()).toBe('Customer value tiering and precision marketing');
    const rows = await page.locator(`${cell('raw')} [data-testid=table]`).getAttribute('data-rows');
    expect(await page.locator(`${cell('raw')} [data-testid=table-size]`).innerText()).toMatch(/^[\d,]+ rows × \d+ columns$/);
    expect(await page.locator('section[aria-label="Data"] h2').textContent()).toBe('Data');
    const tierCells = await page.locator(`${cell('segments')} tbody td`).allInnerTexts();
    expect(tierCells.some((v) => ['High value', 'Low value', 'Dormant'].includes(v))).toBe(true);

    await page.locator('[data-testid=lang-zh-CN]').click();
    await expect.poll(() => page.locator('[data-testid=share]').innerText()).toBe('分享');
    expect(await page.locator('article.cell.markdown').first().locator('h1').innerText()).toBe('用户价值分层与精准营销');
    expect(await page.locator(`${cell('weightR')} label`).innerText()).toBe('近度权重（R）');
    expect(await page.evaluate(() => localStorage.getItem('tierbook:lang'))).toBe('zh-CN');
    // Switching re-renders; it does not re-run anything.
    expect(await page.locator(`${cell('raw')} [data-testid=table]`).getAttribute('data-rows')).toBe(rows);
    expect(Object.values(await waitForNotebook(page)).filter((v) => v !== 'done')).toEqual([]);

    await page.reload();
    await waitForNotebook(page, 90_000);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('[data-testid=share]').innerText()).toBe('分享');
    expect(await page.locator('article.cell.markdown').first().locator('h1').innerText()).toBe('用户价值分层与精准营销');

    // Editing narrative edits the English notebook: the text area holds the English source, and the
    // edited cell shows the English with a note until its translation is updated.
    const md = page.locator('article.cell.markdown').first();
    await md.locator('.prose').dblclick();
    const editor = md.locator('textarea');
    expect(await editor.inputValue()).toMatch(/^# Customer value tiering and precision marketing/);
    await editor.press('End');
    await editor.press('Control+End');
    await editor.type('\n\nAn added sentence.');
    await editor.press('Shift+Enter');
    await expect.poll(() => md.locator('[data-testid=translation-stale]').count()).toBe(1);
    expect(await md.locator('[data-testid=translation-stale]').innerText()).toContain('译文已过期');
    expect(await md.locator('.prose').innerText()).toContain('An added sentence.');
    expect(await md.locator('h1').innerText()).toBe('Customer value tiering and precision marketing');

    await page.locator('[data-testid=lang-en]').click();
    await expect.poll(() => page.locator('[data-testid=share]').innerText()).toBe('Share');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await md.locator('[data-testid=translation-stale]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('tierbook:lang'))).toBe('en');
  });
});
