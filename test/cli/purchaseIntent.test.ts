/**
 * The headless runner on notebooks/purchase-intent.md (shipped Online Shoppers data): predictions.csv has one line
 * per input row (row, split, label, probability) and metrics.json the test-set metrics the issue names, each
 * consistent with predictions.csv; and notebooks/synthetic-shop.md runs to completion.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { runNotebook } from '../../src/cli/runNotebook';
import { parseCsv } from '../../src/core/data/csv';
import { designMatrix } from '../../src/core/stats/designMatrix';
import { stratifiedSplit } from '../../src/core/stats/split';
import { confusion, logLoss, prAuc, rocAuc } from '../../src/core/stats/metrics';

describe('runNotebook(purchase-intent.md)', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const env = nodeEnv({ data: {}, backend: 'wasm' });
    const result = await runNotebook(readFileSync('notebooks/purchase-intent.md', 'utf8'), env, { threshold: 0.3 });
    expect(result.cells.filter((c) => c.status !== 'done')).toEqual([]);
    files = new Map(result.files.map((f) => [f.name, f.content]));
  }, 300_000);

  test('predictions.csv: one line per input row — row, split train/test (the stratified split), label, probability', () => {
    const lines = files.get('predictions.csv')!.trim().split('\n');
    expect(lines[0]).toBe('row,split,label,probability');
    expect(lines.length - 1).toBe(12_330);
    const raw = parseCsv(gunzipSync(readFileSync('public/data/online-shoppers.csv.gz')), { file: 'online-shoppers.csv' });
    const m = designMatrix(raw, { label: 'Revenue', categorical: ['Month', 'OperatingSystems', 'Browser', 'Region', 'TrafficType', 'VisitorType'] });
    const split = stratifiedSplit(m.y, { testFraction: 0.25, seed: 42 });
    lines.slice(1).forEach((line, i) => {
      const [row, side, label, p] = line.split(',');
      if (Number(row) !== i || side !== (split[i] ? 'test' : 'train') || Number(label) !== m.y[i] || !(Number(p) >= 0 && Number(p) <= 1)) {
        throw new Error(`predictions.csv line ${i + 2} is wrong: ${line}`);
      }
    });
  });

  test('metrics.json: roc_auc, pr_auc, log_loss, accuracy, precision, recall, f1, threshold, backend of the test rows', () => {
    const metrics = JSON.parse(files.get('metrics.json')!);
    const test = files.get('predictions.csv')!.trim().split('\n').slice(1).map((l) => l.split(',')).filter((r) => r[1] === 'test');
    const y = Uint8Array.from(test, (r) => Number(r[2]));
    const p = Float64Array.from(test, (r) => Number(r[3]));
    const c = confusion(y, p, 0.3);
    expect(metrics.threshold).toBe(0.3);
    expect(metrics.backend).toBe('wasm');
    expect(metrics.roc_auc).toBeCloseTo(rocAuc(y, p), 6);
    expect(metrics.pr_auc).toBeCloseTo(prAuc(y, p), 6);
    expect(metrics.log_loss).toBeCloseTo(logLoss(y, p), 6);
    for (const k of ['accuracy', 'precision', 'recall', 'f1'] as const) expect(metrics[k], k).toBeCloseTo(c[k], 10);
    expect(metrics.test_rows).toBe(3083);
    expect(metrics.roc_auc).toBeGreaterThan(0.88);
  });

  test('the threshold-following charts and the profit-optimal button are written', () => {
    for (const f of ['roc_chart.svg', 'pr_chart.svg', 'calibration_chart.svg', 'gain_chart.svg', 'lift_chart.svg', 'profit_chart.svg', 'coefficient_chart.svg', 'confusion_chart.svg', 'probability_histogram.svg']) {
      expect(files.get(f), f).toMatch(/<svg/);
    }
    const best = JSON.parse(files.get('best.json')!);
    expect(best.threshold).toBeGreaterThanOrEqual(0);
    expect(best.threshold).toBeLessThan(0.5);
    expect(files.get('split_summary.csv')).toMatch(/^split,rows,positives,positiveRate\ntrain,9247,1431,/);
  });
});

describe('runNotebook(synthetic-shop.md)', () => {
  test('runs to completion; fitted coefficients are close to the teacher’s truth', async () => {
    const env = nodeEnv({ data: {}, backend: 'cpu' });
    const result = await runNotebook(readFileSync('notebooks/synthetic-shop.md', 'utf8'), env, { customers: 3000 });
    expect(result.cells.filter((c) => c.status !== 'done')).toEqual([]);
    const files = new Map(result.files.map((f) => [f.name, f.content]));
    const comparison = JSON.parse(files.get('comparison.json')!) as { feature: string; true: number; fitted: number }[];
    expect(comparison.map((r) => r.true)).toEqual([1.5, -1, 0.5, 0]);
    for (const r of comparison) expect(Math.abs(r.fitted - r.true), r.feature).toBeLessThan(0.3);
    expect(JSON.parse(files.get('metrics.json')!).backend).toBe('cpu');
    expect(files.get('true_vs_fitted.svg')).toMatch(/True vs fitted coefficients/);
  }, 120_000);
});
