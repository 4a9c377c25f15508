/**
 * `npm run bench` (after `vite build`): Tierbook's figures beside pandas / scikit-learn on the same
 * workloads. Prints a table and the JSON, and writes `bench/results.json`.
 *
 * `BENCH_ONLY=csv,kmeans` runs only those cases (by label: synthShop 1M, rfm, profile, csv, logistic, kmeans, model,
 * recommend, recommend tfjs, engine, engine browser, browser, browser model; rfm and profile bring synthShop along) — for tuning one figure.
 *
 * Order: peers check → synthShop 1M → rfm → CSV → logistic → browser. Each case fails on its own:
 * its error is printed and the others still run (the exit code is then 1).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchBrowser } from './cases/browser';
import { benchBrowserModel } from './cases/browserModel';
import { benchCsv } from './cases/csv';
import { benchLogistic } from './cases/logistic';
import { benchRfm } from './cases/rfm';
import { benchSynth } from './cases/synth';
import { benchProfile } from './profile';
import { benchKmeans } from './kmeans';
import { benchModel } from './model';
import { benchRecommend } from './recommend';
import { benchRecommendTfjs } from './recommendTfjs';
import { benchEngine } from './engine';
import { benchEngineBrowser } from './engineBrowser';
import type { BenchContext } from './context';
import { workDir } from './files';
import { Peers } from './peers';
import type { BenchResult } from './result';
import { formatTable } from './table';

const OUT = fileURLToPath(new URL('./results.json', import.meta.url));
/** `BENCH_ONLY=csv,kmeans npm run bench` runs just the cases with these labels. */
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null;

async function main(): Promise<number> {
  const started = performance.now();
  const ctx: BenchContext = { peers: new Peers().check(), work: workDir() };
  const results: BenchResult[] = [];
  let failures = 0;
  /** Runs one case, logging its duration; a throw is reported and the bench goes on. */
  const step = async (label: string, fn: () => Promise<BenchResult[]>) => {
    if (only && !only.includes(label) && !(label === 'synthShop 1M' && only.some((o) => o === 'rfm' || o === 'profile'))) return;
    const t0 = performance.now();
    try {
      results.push(...(await fn()));
      console.log(`bench: ${label} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failures++;
      console.log(`bench: ${label} FAILED — ${(e as Error).stack ?? e}`);
    }
  };
  try {
    // The CSV case first, in a heap that holds nothing else yet (pandas runs in a fresh process).
    await step('csv', () => benchCsv(ctx));
    let tx: Awaited<ReturnType<typeof benchSynth>>['table'] | null = null;
    await step('synthShop 1M', async () => {
      const r = await benchSynth();
      tx = r.table;
      return r.results;
    });
    await step('rfm', async () => (tx ? benchRfm(ctx, tx) : []));
    await step('profile', async () => (tx ? benchProfile(ctx, tx) : []));
    tx = null; // let the 1M-row table go
    await step('logistic', () => benchLogistic(ctx));
    await step('kmeans', () => benchKmeans(ctx));
    await step('model', () => benchModel());
    await step('recommend', () => benchRecommend());
    await step('recommend tfjs', () => benchRecommendTfjs());
    await step('engine', () => benchEngine());
    await step('engine browser', () => benchEngineBrowser());
    await step('browser', () => benchBrowser());
    await step('browser model', () => benchBrowserModel());
  } finally {
    ctx.work.remove();
  }
  // Printed in the brief's order, whatever order the cases ran in.
  const order = ['csv_', 'rfm_', 'profile', 'logistic_', 'sklearn_', 'kmeans', 'model_', 'mf_', 'als_', 'engine', 'slider_', 'first_chart', 'default_', 'synth_'];
  const rank = (r: BenchResult) => order.findIndex((p) => r.name.startsWith(p));
  results.sort((a, b) => rank(a) - rank(b));

  console.log('');
  console.log(formatTable(results));
  console.log('');
  const json = JSON.stringify(results, null, 2);
  console.log(json);
  writeFileSync(OUT, `${json}\n`);
  console.log(`\nbench: wrote ${results.length} results to bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s` +
    (ctx.peers.available ? '' : ` (peers unavailable: ${ctx.peers.description})`));
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
