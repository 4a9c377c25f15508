/**
 * The same small problem trained on webgl, wasm and cpu in a real Chromium (production build): the AUC agrees
 * within 0.002 and the backend that trained is shown. Uses notebooks/synthetic-shop.md (seeded data, a backend
 * widget). WebGL here is SwiftShader (CPU emulation, STACK.md pitfall 6), so the problem is kept small.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { serveDist, openApp, waitForNotebook, CHROMIUM, type Served, type Session } from './browser';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] SKIPPED: ${CHROMIUM} not found — install Debian's chromium package (.ci/run does)`);

const cell = (name: string) => `article.cell[data-name="${name}"]`;

describe.skipIf(!hasChromium)('backends in Chromium (synthetic-shop.md)', () => {
  let served: Served;
  let s: Session;

  beforeAll(async () => {
    served = await serveDist();
    s = await openApp(`${served.url}?notebook=synthetic-shop`);
    await waitForNotebook(s.page, 120_000);
  }, 180_000);

  afterAll(async () => {
    await s?.close();
    await served?.stop();
  });

  test('webgl, wasm and cpu train the same problem to the same AUC (±0.002) and each is shown', async () => {
    const page = s.page;
    const setNumber = async (name: string, value: string) => {
      const input = page.locator(`${cell(name)} input[type=number]`);
      await input.fill(value);
      await input.dispatchEvent('change');
    };
    // small: 1,200 customers, 300 steps (SwiftShader webgl is slow)
    await setNumber('customers', '1200');
    await setNumber('iterations', '300');
    const training = page.locator(cell('training'));
    const results: Record<string, { shown: string; auc: number; report: string }> = {};
    for (const backend of ['webgl', 'wasm', 'cpu']) {
      await page.locator(`${cell('backend')} select`).selectOption(backend);
      await expect.poll(() => training.getAttribute('data-status'), { timeout: 10_000 }).toBe('stale');
      await training.locator('[data-testid=run]').click();
      await expect.poll(() => training.getAttribute('data-status'), { timeout: 120_000 }).toBe('done');
      await waitForNotebook(page, 60_000);
      const shown = await training.locator('[data-testid=backend]').innerText();
      const report = await page.locator(`${cell('backend_report')} [data-testid=output]`).innerText();
      const m = /^"?(\w+): test ROC AUC (0\.\d{4})/.exec(report.trim());
      if (!m) throw new Error(`backend_report reads ${JSON.stringify(report)}`);
      results[backend] = { shown, auc: Number(m[2]), report };
      expect(m[1]).toBe(backend);
    }
    console.log('[e2e] backends:', Object.values(results).map((r) => r.report).join(' | '));
    for (const backend of ['webgl', 'wasm', 'cpu']) expect(results[backend].shown).toBe(backend);
    expect(Math.abs(results.webgl.auc - results.cpu.auc)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(results.wasm.auc - results.cpu.auc)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(results.webgl.auc - results.wasm.auc)).toBeLessThanOrEqual(0.002);
    expect(s.consoleErrors).toEqual([]);
  }, 420_000);
});
