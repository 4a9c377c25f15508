/**
 * Share, present, keep and stay safe — in real Chromium against the production build: share links
 * reproduce parameters, the stakeholder view hides code, edits survive a reload and undo, foreign
 * code waits for consent, charts and reports export, and XSS payloads in Markdown, data values,
 * column names, titles and link parameters never execute.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';
import { XSS_PAYLOADS } from './xssPayloads';
import { encodeShare, decodeShare } from '../../src/notebook/share';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;
const XSS_TRAP = 'window.__xssHits = []; window.__xss = (n) => window.__xssHits.push(n);';

describe.skipIf(!hasChromium)('share, present, keep, safety', () => {
  let served: Served;
  const sessions: Session[] = [];
  const open = async (path = '', initScript = XSS_TRAP) => {
    const s = await openApp(served.url + path, { initScript });
    sessions.push(s);
    return s;
  };
  const hits = (s: Session) => s.page.evaluate(() => (window as unknown as { __xssHits: number[] }).__xssHits);

  beforeAll(async () => {
    served = await serveDist();
  });

  afterAll(async () => {
    for (const s of sessions) {
      expect(s.foreignRequests).toEqual([]);
      await s.close();
    }
    await served?.stop();
  });

  test('a share link reproduces the parameters and the numbers; a damaged link opens the defaults with a message', async () => {
    const a = await open();
    await waitForNotebook(a.page, 90_000);
    await a.page.locator(`${cell('threshold')} input[type=range]`).fill('0.7');
    await waitForNotebook(a.page);
    // The address bar follows the parameters (debounced): wait until it carries the new threshold.
    const carried = async () => {
      const decoded = await decodeShare(await a.page.evaluate(() => location.hash));
      return decoded.ok === true ? decoded.state.params.threshold : undefined;
    };
    await expect.poll(carried, { timeout: 5_000 }).toBe(0.7);
    const link = await a.page.evaluate(() => location.href);
    const summaryA = await a.page.locator(`${cell('tier_summary')} table`).innerText();
    const b = await open(link.slice(served.url.length));
    await waitForNotebook(b.page, 90_000);
    expect(await b.page.locator(`${cell('threshold')} output`).innerText()).toBe('0.70');
    expect(await b.page.locator(`${cell('tier_summary')} table`).innerText()).toBe(summaryA);
    expect(b.consoleErrors).toEqual([]);

    const c = await open('#s=1.not-a-real-state');
    await waitForNotebook(c.page, 90_000);
    await expect.poll(() => c.page.locator('.notice').innerText()).toMatch(/damaged.*opening the defaults/);
    expect(await c.page.locator(`${cell('threshold')} output`).innerText()).toBe('0.50');
  });

  test('the stakeholder view shows narrative, charts and widgets, and no code', async () => {
    const s = await open('?view=present');
    await waitForNotebook(s.page, 90_000);
    expect(await s.page.locator('.cm-editor').count()).toBe(0);
    expect(await s.page.locator('header.bar').count()).toBe(0);
    expect(await s.page.locator('aside.side').count()).toBe(0);
    expect(await s.page.locator(`${cell('probability_histogram')} svg`).count()).toBeGreaterThan(0);
    expect(await s.page.locator(`${cell('threshold')} input[type=range]`).count()).toBe(1);
    expect(await s.page.locator(`${cell('split')}`).isVisible()).toBe(false); // an intermediate value
  });

  test('an edit survives a reload, and undo/redo cover edits and deleted cells', async () => {
    const s = await open();
    const page = s.page;
    await waitForNotebook(page, 90_000);
    const weight = page.locator(cell('weightR'));
    await weight.hover();
    await weight.locator('button[title="Show or hide the code"]').click();
    await weight.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('weightR = slider({min: 0, max: 3, step: 0.5, value: 2, label: "Weight of recency"})');
    await page.keyboard.press('Shift+Enter');
    await waitForNotebook(page);
    expect(await weight.locator('output').innerText()).toBe('2.0');

    const before = await page.locator('article.cell').count();
    await page.locator(cell('rfm_heatmap')).hover();
    await page.locator(`${cell('rfm_heatmap')} button[aria-label="Delete cell"]`).click();
    expect(await page.locator('article.cell').count()).toBe(before - 1);
    await page.locator('main.notebook h1.title').click();
    await page.keyboard.press('Control+Z');
    expect(await page.locator('article.cell').count()).toBe(before);
    await waitForNotebook(page);
    expect(await page.locator(`${cell('rfm_heatmap')} svg`).count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+Z'); // undo the edit too
    await waitForNotebook(page);
    expect(await page.locator(`${cell('weightR')} output`).innerText()).toBe('1.0');
    await page.keyboard.press('Control+Shift+Z');
    await waitForNotebook(page);
    expect(await page.locator(`${cell('weightR')} output`).innerText()).toBe('2.0');

    await page.waitForTimeout(400); // the draft is written 150 ms after the change
    await page.reload();
    await waitForNotebook(page, 90_000);
    expect(await page.locator(`${cell('weightR')} output`).innerText()).toBe('2.0');
    expect(await page.locator(`${cell('weightR')} .edited`).count()).toBe(1);
  });

  test('code carried by a link waits for "Trust and run", shown with its diff', async () => {
    const text = readFileSync('notebooks/value-tiering.md', 'utf8');
    const id = /```js[^\n]*\n(weightF = slider[^\n]*)\n```/.exec(text);
    expect(id).not.toBeNull();
    const { parseNotebook } = await import('../../src/notebook');
    const target = parseNotebook(text).cells.find((c) => c.source.startsWith('weightF = slider'))!;
    const hash = await encodeShare({ notebook: 'value-tiering', params: {}, code: { [target.id]: target.source.replace('value: 1,', 'value: 3,') } });
    const s = await open(`#${hash}`);
    await waitForNotebook(s.page, 90_000);
    await expect.poll(() => s.page.locator('[data-testid=trust]').count()).toBe(1);
    expect(await s.page.locator('[data-testid=trust-diff]').innerText()).toContain('value: 3,');
    expect(await s.page.locator(`${cell('weightF')} output`).innerText()).toBe('1.0'); // not run yet
    await s.page.locator('[data-testid=trust-run]').click();
    // It now runs in a sandboxed iframe (opaque origin, no network).
    await expect.poll(() => s.page.locator('iframe[sandbox="allow-scripts"]').count()).toBe(1);
    await waitForNotebook(s.page, 90_000);
    await expect.poll(() => s.page.locator(`${cell('weightF')} output`).innerText(), { timeout: 30_000 }).toBe('3.0');
    expect(await s.page.locator(`${cell('probability_histogram')} svg`).count()).toBeGreaterThan(0);
    const sandboxOrigin = await s.page.locator('iframe[sandbox]').evaluate((f: HTMLIFrameElement) => {
      try {
        return f.contentWindow!.document.location.href;
      } catch {
        return 'opaque';
      }
    });
    expect(sandboxOrigin).toBe('opaque');
  });

  test('charts export as SVG and the view as a self-contained HTML report', async () => {
    const s = await open();
    const page = s.page;
    await waitForNotebook(page, 90_000);
    const chart = page.locator(cell('probability_histogram'));
    await chart.locator('figure.chart').hover();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-testid=export-svg]').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('threshold 0.50');
    await page.locator('summary', { hasText: 'More' }).click();
    const [report] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-report]').click()]);
    const html = readFileSync((await report.path())!, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Customer value tiering');
    expect(html).not.toMatch(/<script/i);
  });

  test(`${XSS_PAYLOADS.length} XSS payloads in column names, data values, Markdown, titles and link parameters never execute`, async () => {
    const s = await open();
    const page = s.page;
    await waitForNotebook(page, 90_000);
    // Column names and data values: a CSV whose headers and cells are payloads.
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    // Every payload is a column name, and every payload is a data value in every payload column.
    const header = ['InvoiceNo', 'CustomerID', 'InvoiceDate', 'Quantity', 'UnitPrice', ...XSS_PAYLOADS.map(quote)].join(',');
    const rows = XSS_PAYLOADS.map((p, i) => [`${i + 1}`, `${100 + (i % 5)}`, `2011-01-${String((i % 27) + 1).padStart(2, '0')} 10:00`, '2', '1.5', ...Array(XSS_PAYLOADS.length).fill(quote(p))].join(','));
    await page.locator('[data-testid=file-input]').setInputFiles({ name: 'xss.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await expect.poll(() => page.locator(`${cell('raw')} [data-testid=table]`).getAttribute('data-rows'), { timeout: 20_000 }).toBe(String(XSS_PAYLOADS.length));
    await waitForNotebook(page, 60_000);
    await page.locator(`${cell('raw')} button`, { hasText: 'More rows' }).click();
    expect(await page.locator(`${cell('raw')} td`, { hasText: '<img src=x onerror' }).count()).toBeGreaterThan(0); // shown as text
    // Markdown and titles: a notebook file full of payloads, trusted and run.
    // Titles: the notebook's own title, every widget label, and every chart title and subtitle.
    const charts = XSS_PAYLOADS.map(
      (p, i) =>
        `\`\`\`js\nchart_${i} = tierShares(tier_table, {title: ${JSON.stringify(p)}, subtitle: ${JSON.stringify(p)}})\n\`\`\`\n\n\`\`\`js\nlabel_${i} = slider({min: 0, max: 1, value: 0.5, label: ${JSON.stringify(p)}})\n\`\`\``,
    ).join('\n\n');
    const table = `\`\`\`js\ntier_table = table({tier: ["High value", "Low value"], customers: [10, 20], share: [0.33, 0.67], revenueShare: [0.8, 0.2]})\n\`\`\``;
    const md = `---\ntitle: ${XSS_PAYLOADS[1]}\nid: value-tiering\n---\n\n${XSS_PAYLOADS.map((p, i) => `Payload ${i}: ${p}`).join('\n\n')}\n\n${table}\n\n${charts}\n`;
    await page.locator('summary', { hasText: 'More' }).click();
    await page.locator('input[type=file][accept^=".md"]').setInputFiles({ name: 'evil.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
    await page.locator('[data-testid=trust-run]').click();
    await waitForNotebook(page, 90_000);
    await expect.poll(() => page.locator(`${cell('chart_1')} figure.chart`).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(`${cell('chart_1')}`).innerText()).toContain('<img src=x onerror'); // shown as text
    expect(await page.locator(`${cell('label_2')} label`).innerText()).toContain('<svg onload');
    await page.waitForTimeout(500);
    for (const id of ['#xss4', '#xss16']) if (await page.locator(id).count()) await page.locator(id).first().click({ force: true });
    expect(await hits(s)).toEqual([]);
    // A link parameter carrying a payload into a text widget.
    const hash = await encodeShare({ notebook: 'value-tiering', params: { alphaText: XSS_PAYLOADS[0] + XSS_PAYLOADS[1] } });
    const t = await open(`#${hash}`);
    await waitForNotebook(t.page, 90_000);
    expect(await t.page.locator(`${cell('alphaText')} input`).inputValue()).toContain('<script>');
    expect(await hits(t)).toEqual([]);
  });
});
