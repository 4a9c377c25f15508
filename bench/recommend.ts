/**
 * Recommender figures (issue 5): biased MF — 20 epochs of SGD over 100k explicit ratings with Surprise's
 * defaults (100 factors, lr 0.005, reg 0.02) — in Node and in headless Chromium (goal < 3 s), and
 * implicit ALS over UCI Online Retail in Node. Typed arrays, no tfjs: per-rating SGD has no batch for
 * tfjs to vectorise (one tiny kernel launch per rating), so the typed-array loop is the one measured.
 * No Python peer: Surprise and implicit are not installed here.
 *
 * Call from bench/run.ts:  `await step('recommend', () => benchRecommend())`, or alone:
 * `npx tsx bench/recommend.ts` (prints the rows as JSON).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { interactionsFromTransactions } from '../src/core/recommend/interactions';
import { trainMf } from '../src/core/recommend/mf';
import { syntheticRatings100k } from './recommendData';
import { trainAls } from '../src/core/recommend/als';
import { clean } from '../src/core/prep/clean';
import { readTableFile } from '../src/cli/nodeEnv';
import { result, type BenchResult } from './result';
import { median } from './timing';

const MF_GOAL_MS = 3000;

export { syntheticRatings100k };

/** Median ms of `runs` calls. */
function timeMs(fn: () => unknown, runs: number): number {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Node: biased MF 100k × 20 epochs (median of 3) and ALS on Online Retail (15 iterations; 32 and 100 factors). */
export async function benchRecommendNode(): Promise<BenchResult[]> {
  const ratings = syntheticRatings100k();
  const mf = timeMs(() => trainMf(ratings), 3);
  const out = [result('mf_100k_20_epochs_node', mf, 'ms (median of 3)', { note: `biased MF, 100 factors, typed arrays; goal < ${MF_GOAL_MS} ms` })];
  const raw = await readTableFile(resolve(fileURLToPath(new URL('.', import.meta.url)), '../public/data/online-retail.arrow.gz'));
  const inter = interactionsFromTransactions(clean(raw).table);
  const pairs = `${inter.users.length} customers × ${inter.items.length} items, ${inter.user.length} pairs`;
  out.push(result('als_online_retail_32f_node', timeMs(() => trainAls(inter, { factors: 32, alpha: 10 }), 1), 'ms (1 run)', { note: `15 iterations, CG 3 steps, ${pairs} (notebook default)` }));
  out.push(result('als_online_retail_100f_node', timeMs(() => trainAls(inter, { factors: 100 }), 1), 'ms (1 run)', { note: `15 iterations, implicit's defaults, ${pairs}` }));
  return out;
}

/** Headless Chromium: the same MF run, bundled with esbuild and timed inside an about:blank page. */
export async function benchRecommendChromium(): Promise<BenchResult[]> {
  const { build } = await import('esbuild');
  const { openApp } = await import('../test/e2e/browser');
  const entry = `
    import { trainMf } from ${JSON.stringify(fileURLToPath(new URL('../src/core/recommend/mf.ts', import.meta.url)))};
    import { syntheticRatings100k } from ${JSON.stringify(fileURLToPath(new URL('./recommendData.ts', import.meta.url)))};
    globalThis.__mfBench = (runs) => { const data = syntheticRatings100k(); const ms = [];
      for (let k = 0; k < runs; k++) { const t0 = performance.now(); trainMf(data); ms.push(performance.now() - t0); }
      return ms; };`;
  const bundle = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'iife', platform: 'browser' });
  const session = await openApp('about:blank');
  try {
    await session.page.addScriptTag({ content: bundle.outputFiles[0].text });
    const ms = (await session.page.evaluate((runs) => (globalThis as unknown as { __mfBench: (n: number) => number[] }).__mfBench(runs), 3)) as number[];
    return [result('mf_100k_20_epochs_chromium', median(ms), 'ms (median of 3)', { note: `same run in headless Chromium (main thread of a blank page); goal < ${MF_GOAL_MS} ms` })];
  } finally {
    await session.close();
  }
}

/** Every recommender figure. */
export async function benchRecommend(): Promise<BenchResult[]> {
  return [...(await benchRecommendNode()), ...(await benchRecommendChromium())];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  benchRecommend().then((rows) => console.log(JSON.stringify(rows, null, 2)), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
