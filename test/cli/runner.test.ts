/**
 * The headless runner: same runtime, same notebook, in Node. Runs the default notebook on a
 * synthetic shop passed as `--data transactions=PATH`, checks the files it writes against the core
 * functions, and checks that a failing cell makes the real command exit non-zero naming it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs, parseValue, rolesFromSet } from '../../src/cli/args';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { runNotebook, toJson } from '../../src/cli/runNotebook';
import { synthCsv } from '../../src/core/synth/shop';
import { parseCsv } from '../../src/core/data/csv';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';
import { clean } from '../../src/core/prep/clean';
import { rfm } from '../../src/core/profile/rfm';
import { floats, strings } from '../../src/core/table';

const NOTEBOOK = readFileSync('notebooks/value-tiering.md', 'utf8');

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((line) => line.split(','));
}

describe('parseArgs(argv)', () => {
  test('reads the notebook, repeated --data and --set, --out and --backend', () => {
    const args = parseArgs(['run', 'nb.md', '--data', 'transactions=a.csv', '--set', 'threshold=0.6', '--set', 'alphaText=x=2', '--out', 'o', '--backend', 'cpu']);
    expect(args).toEqual({ command: 'run', notebook: 'nb.md', data: { transactions: 'a.csv' }, set: { threshold: 0.6, alphaText: 'x=2' }, out: 'o', backend: 'cpu' });
  });
  test('rejects unknown options and malformed pairs with a usage message', () => {
    expect(() => parseArgs(['run', 'nb.md', '--nope', 'x'])).toThrow(/unknown option `--nope`/);
    expect(() => parseArgs(['run', 'nb.md', '--set', 'threshold'])).toThrow(/--set expects NAME=VALUE/);
    expect(() => parseArgs(['walk', 'nb.md'])).toThrow(/usage: tierbook run/);
  });
  test('parseValue takes JSON when it parses, text otherwise', () => {
    expect(parseValue('0.25')).toBe(0.25);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('{"customer":"id"}')).toEqual({ customer: 'id' });
    expect(parseValue('85123A=2')).toBe('85123A=2');
  });
  test('--set map.ROLE=COL becomes one roles parameter, with aliases and removals', () => {
    expect(rolesFromSet({ 'map.customer': 'customer_id', 'map.date': 'date', 'map.amount': 'dollar_value', 'map.country': '', threshold: 0.6 })).toEqual({
      threshold: 0.6,
      roles: { customer: 'customer_id', time: 'date', amount: 'dollar_value', country: null },
    });
    expect(() => rolesFromSet({ 'map.colour': 'x' })).toThrow(/unknown role `colour`/);
  });
  test('toJson summarises tables and long typed arrays', () => {
    const big = new Float32Array(5000);
    expect(JSON.parse(toJson({ p: big, n: 3 }))).toEqual({ p: { length: 5000, head: Array(10).fill(0) }, n: 3 });
  });
});

describe('runNotebook(value-tiering.md) on a synthetic shop', () => {
  let dir: string;
  let files: Map<string, string>;
  let csvPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierbook-cli-'));
    csvPath = join(dir, 'shop.csv');
    writeFileSync(csvPath, synthCsv({ customers: 400, transactions: 8_000, items: 120, seed: 3, start: '2023-01-01', days: 540 }));
    const env = nodeEnv({ data: { transactions: csvPath }, backend: 'cpu' });
    const result = await runNotebook(NOTEBOOK, env, { ...env.keys, iterations: 200, threshold: 0.4 });
    files = new Map(result.files.map((f) => [f.name, f.content]));
    const failed = result.cells.filter((c) => c.status !== 'done');
    expect(failed).toEqual([]);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('profile.csv equals rfm() of the cleaned file, customer by customer', () => {
    const raw = parseCsv(readFileSync(csvPath), { file: 'shop.csv' });
    const expected = rfm(clean(toTransactions(raw, detectRoles(raw), { file: 'shop.csv' })).table);
    const rows = csvRows(files.get('profile.csv')!);
    expect(rows[0].slice(0, 4)).toEqual(['customer', 'recency', 'frequency', 'monetary']);
    expect(rows.length - 1).toBe(expected.numRows);
    const ids = strings(expected, 'customer');
    const monetary = floats(expected, 'monetary');
    const frequency = floats(expected, 'frequency');
    for (let i = 0; i < expected.numRows; i++) {
      expect(rows[i + 1][0]).toBe(ids[i]);
      expect(Number(rows[i + 1][2])).toBe(frequency[i]);
      expect(Number(rows[i + 1][3])).toBeCloseTo(monetary[i], 9);
    }
  });

  test('tiers.csv splits predictions.csv at the --set threshold', () => {
    const predictions = csvRows(files.get('predictions.csv')!);
    const tiers = csvRows(files.get('tiers.csv')!);
    expect(predictions[0]).toEqual(['customer', 'probability']);
    expect(tiers[0]).toEqual(['customer', 'probability', 'tier']);
    expect(tiers.length).toBe(predictions.length);
    for (let i = 1; i < tiers.length; i++) {
      const p = Number(tiers[i][1]);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(tiers[i][2]).toBe(p > 0.4 ? 'High value' : 'Low value');
    }
  });

  test('metrics.json holds accuracy, precision and recall at the threshold', () => {
    const metrics = JSON.parse(files.get('metrics.json')!);
    expect(metrics.threshold).toBe(0.4);
    for (const key of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
      expect(metrics[key]).toBeGreaterThan(0);
      expect(metrics[key]).toBeLessThanOrEqual(1);
    }
    expect(metrics.backend).toBe('cpu');
  });

  test('charts are standalone SVG files and cells.json reports every cell', () => {
    const svg = files.get('probability_histogram.svg')!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('threshold 0.40');
    const cells = JSON.parse(files.get('cells.json')!);
    expect(cells.length).toBeGreaterThan(30);
    expect(cells.every((c: { status: string; ms: number }) => c.status === 'done' && c.ms >= 0)).toBe(true);
  });
});

describe('tierbook run (the real command)', () => {
  test('exits 1 and names the failing cell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-cli-'));
    const nb = join(dir, 'broken.md');
    writeFileSync(nb, '# Broken\n\n```js\na = 1\n```\n\n```js\nb = a + missingName\n```\n');
    const run = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'run', nb, '--out', join(dir, 'out')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cell b failed: `missingName` is not defined/);
    const cells = JSON.parse(readFileSync(join(dir, 'out', 'cells.json'), 'utf8'));
    expect(cells.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['a', 'done'],
      ['b', 'error'],
    ]);
    expect(existsSync(join(dir, 'out', 'a.json'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('--lang zh-CN draws the charts in Chinese, with the notebook label translations; tables keep their values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-cli-'));
    const nb = join(dir, 'tiny.md');
    writeFileSync(
      nb,
      '---\ntitle: Tiny\nid: tiny\n---\n# Tiny\n\n```js\nbins = histogram(Float64Array.of(0.1, 0.2, 0.7, 0.9), {bins: 4})\n```\n\n' +
        '```js\nchart = probabilityHistogram(bins, {threshold: 0.5})\n```\n\n```js\nlabelled = segmentBars(table({segment: ["Gold", "Gold", "Silver"], monetary: Float64Array.of(3, 4, 5)}))\n```\n',
    );
    mkdirSync(join(dir, 'i18n', 'zh-CN'), { recursive: true });
    writeFileSync(join(dir, 'i18n', 'zh-CN', 'tiny.md'), '---\nnotebook: tiny\nlocale: zh-CN\n---\n\n<!-- labels -->\n```json\n{"Gold": "金牌"}\n```\n');
    const run = (lang: string[]) =>
      spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'run', nb, '--out', join(dir, lang[1] ?? 'en'), ...lang], { encoding: 'utf8', timeout: 60_000 });
    const zh = run(['--lang', 'zh-CN']);
    expect(zh.stderr).toBe('');
    expect(zh.status).toBe(0);
    const svg = readFileSync(join(dir, 'zh-CN', 'chart.svg'), 'utf8');
    expect(svg).toContain('预测购买概率');
    expect(svg).toContain('阈值 0.50');
    expect(svg).not.toContain('Predicted purchase probability');
    expect(readFileSync(join(dir, 'zh-CN', 'labelled.svg'), 'utf8')).toContain('金牌');
    const en = run([]);
    expect(en.status).toBe(0);
    expect(readFileSync(join(dir, 'en', 'chart.svg'), 'utf8')).toContain('Predicted purchase probability');
    expect(readFileSync(join(dir, 'zh-CN', 'bins.csv'), 'utf8')).toBe(readFileSync(join(dir, 'en', 'bins.csv'), 'utf8'));
    expect(spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', 'run', nb, '--lang', 'fr'], { encoding: 'utf8' }).stderr).toContain('--lang expects en or zh-CN');
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
