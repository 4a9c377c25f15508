/**
 * notebooks/recommendations.md in the headless runner: the runner contract (`--data ratings=PATH`,
 * optional `--data test=PATH`, `--set model=…` → recommendations.csv and metrics.json), checked against
 * the core functions on the same files; and the transactions path on a synthetic shop.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { runNotebook } from '../../src/cli/runNotebook';
import { parseCsv } from '../../src/core/data/csv';
import { mulberry32 } from '../../src/core/stats/rng';
import { synthCsv } from '../../src/core/synth/shop';
import { interactionsFromRatings } from '../../src/core/recommend/interactions';
import { withTestSet } from '../../src/core/recommend/split';
import { trainMf } from '../../src/core/recommend/mf';
import { evaluateRatings } from '../../src/core/recommend/evaluate';

const NOTEBOOK = readFileSync('notebooks/recommendations.md', 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierbook-rec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ratingsFile(path: string, seed: number, header: boolean) {
  const rand = mulberry32(seed);
  const lines = header ? ['user,item,rating,timestamp'] : [];
  for (let u = 1; u <= 40; u++) for (let i = 1; i <= 30; i++) if (rand() < 0.25) lines.push(`${u},${100 + i},${1 + Math.floor(rand() * 5)},${Math.floor(rand() * 1e6)}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((l) => l.split(','));
}

describe('recommendations.md --data ratings=… --data test=… --set model=mf', () => {
  let files: Map<string, string>;
  let trainPath: string;
  let testPath: string;
  beforeAll(async () => {
    trainPath = join(dir, 'ua.base');
    testPath = join(dir, 'ua.test');
    ratingsFile(trainPath, 1, true);
    ratingsFile(testPath, 2, false); // headerless
    const env = nodeEnv({ data: { ratings: trainPath, test: testPath }, backend: 'cpu' });
    const result = await runNotebook(NOTEBOOK, env, { ...env.keys, model: 'mf', mfFactors: 8, mfEpochs: 10, alsFactors: 4, alsIterations: 3 });
    files = new Map(result.files.map((f) => [f.name, f.content]));
    expect(result.cells.filter((c) => c.status !== 'done')).toEqual([]);
  }, 120_000);

  test('metrics.json has rmse and mae equal to biased MF trained and scored on the same files', () => {
    const metrics = JSON.parse(files.get('metrics.json')!);
    const { train, test: held } = withTestSet(
      interactionsFromRatings(parseCsv(readFileSync(trainPath), { file: 'ua.base' }), { file: 'ua.base' }),
      interactionsFromRatings(parseCsv(readFileSync(testPath), { file: 'ua.test' }), { file: 'ua.test' }),
    );
    const want = evaluateRatings(trainMf(train, { factors: 8, epochs: 10, seed: 42 }), held);
    expect(metrics.model).toBe('mf');
    expect(metrics.rmse).toBeCloseTo(want.rmse, 5);
    expect(metrics.mae).toBeCloseTo(want.mae, 5);
    expect(metrics.rated_test_pairs).toBe(held.user.length);
    for (const key of ['precision_at_10', 'recall_at_10', 'ndcg_at_10', 'map_at_10', 'coverage']) {
      expect(metrics[key], key).toBeGreaterThanOrEqual(0);
      expect(metrics[key], key).toBeLessThanOrEqual(1);
    }
    expect(metrics.split).toMatch(/supplied test set ua\.test/);
  });

  test('recommendations.csv: customer, rank, item, score; five per customer; nothing the customer rated', () => {
    const rows = csvRows(files.get('recommendations.csv')!);
    expect(rows[0].slice(0, 4)).toEqual(['customer', 'rank', 'item', 'score']);
    const rated = new Set<string>();
    for (const p of [trainPath, testPath]) for (const l of readFileSync(p, 'utf8').trim().split('\n')) rated.add(l.split(',').slice(0, 2).join(','));
    const perCustomer = new Map<string, number>();
    for (const r of rows.slice(1)) {
      perCustomer.set(r[0], (perCustomer.get(r[0]) ?? 0) + 1);
      expect(rated.has(`${r[0]},${r[2]}`)).toBe(false);
      expect(Number.isFinite(Number(r[3]))).toBe(true);
    }
    for (const n of perCustomer.values()) expect(n).toBe(5);
  });

  test('the comparison covers every model that can run on ratings (content is skipped, with the reason)', () => {
    const models = new Set(csvRows(files.get('comparison.csv')!).slice(1).map((r) => r[0]));
    expect(models).toEqual(new Set(['Biased MF (SGD)', 'Implicit ALS', 'Item-kNN (cosine)', 'Popularity']));
    expect(JSON.parse(files.get('comparison_skipped.json')!)[0].reason).toMatch(/no names, categories or prices/);
    expect(files.get('comparison_chart.svg') ?? files.get('comparison_chart.html') ?? '').toMatch(/Recommenders on the same holdout/);
  });
});

describe('recommendations.md on a transactions file (implicit purchase counts), --set model=content', () => {
  test('lists item names with a reason and writes top-N metrics without rmse', async () => {
    const path = join(dir, 'shop.csv');
    writeFileSync(path, synthCsv({ customers: 150, transactions: 3_000, items: 60, seed: 5, start: '2023-01-01', days: 300 }));
    const env = nodeEnv({ data: { ratings: path }, backend: 'cpu' });
    const result = await runNotebook(NOTEBOOK, env, { ...env.keys, model: 'content', mfFactors: 4, mfEpochs: 2, alsFactors: 4, alsIterations: 2, splitMethod: 'temporal' });
    expect(result.cells.filter((c) => c.status !== 'done')).toEqual([]);
    const files = new Map(result.files.map((f) => [f.name, f.content]));
    const metrics = JSON.parse(files.get('metrics.json')!);
    expect(metrics.explicit).toBe(false);
    expect(metrics).not.toHaveProperty('rmse');
    expect(metrics.split).toMatch(/temporal holdout/);
    const csv = files.get('recommendations.csv')!;
    expect(csv.split('\n')[0]).toBe('customer,rank,item,score,item_name,because,source');
    expect(csv).toMatch(/because you bought /);
  }, 120_000);
});
