/**
 * Real-browser harness: serves the production build (dist/) with `vite preview` on a free local
 * port and drives Debian's Chromium through playwright-core. Never downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/** Serve dist/ (built by `npm test` before vitest starts) on 127.0.0.1. */
export async function serveDist(): Promise<Served> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const port = await freePort();
  const child: ChildProcess = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('vite preview did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export interface Session {
  context: BrowserContext;
  /** The fresh profile folder (its path is on every Chromium process of this session: the bench finds them by it). */
  userDataDir: string;
  page: Page;
  /** Requests to anything but the app's origin. */
  foreignRequests: string[];
  consoleErrors: string[];
  close: () => Promise<void>;
}

/** Launch a fresh headless Chromium (new profile, no background networking) and open `url`. */
export async function openApp(url: string, opts: { viewport?: { width: number; height: number }; initScript?: string } = {}): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tierbook-chromium-'));
  // A fresh profile per session (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1360, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const track = (request: Request) => {
    const u = request.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) foreignRequests.push(u);
  };
  context.on('request', track);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return {
    context,
    userDataDir,
    page,
    foreignRequests,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Wait until every code cell has settled (done, error, stale or cancelled); returns the statuses seen. */
export async function waitForNotebook(page: Page, timeoutMs = 60_000): Promise<Record<string, string>> {
  await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll<HTMLElement>('article.cell.code')];
      return cells.length > 0 && cells.every((c) => ['done', 'error', 'stale', 'cancelled'].includes(c.dataset.status ?? ''));
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('article.cell.code')].map((c) => [c.dataset.name || c.dataset.cell, c.dataset.status ?? ''])),
  );
}
