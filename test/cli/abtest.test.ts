/**
 * The A/B runner contract: `tierbook run notebooks/ab-testing.md --data test=PATH --set variant=COL
 * --set metrics=COL1,COL2` writes abtest.json as {"metrics": [{metric, a, b, n_a, conv_a, n_b, conv_b, z,
 * p_value, ci_low, ci_high, prob_b_beats_a}]}. The test file is built from the committed Cookie Cats counts
 * (test/fixtures/campaign_abtest.json, checked against scipy by test/golden/campaign_abtest.py), so no data
 * file is needed; the built-in synthetic default must run too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { runNotebook } from '../../src/cli/runNotebook';

const NOTEBOOK = readFileSync('notebooks/ab-testing.md', 'utf8');
const golden = JSON.parse(readFileSync('test/fixtures/campaign_abtest.json', 'utf8'));
const cookie = golden.tests.filter((g: { dataset: string }) => g.dataset === 'cookie_cats');

/** A Cookie Cats-shaped CSV (userid, version, retention_1, retention_7 as TRUE/FALSE) with the real counts. */
function cookieCsv(): string {
  const [r1, r7] = cookie;
  const lines = ['userid,version,sum_gamerounds,retention_1,retention_7'];
  const arm = (v: string, n: number, c1: number, c7: number, offset: number) => {
    for (let i = 0; i < n; i++) lines.push(`${offset + i},${v},${i % 50},${i < c1 ? 'TRUE' : 'FALSE'},${i < c7 ? 'TRUE' : 'FALSE'}`);
  };
  // gate_40 first: the arms must come out in sorted order whatever the file order
  arm(r1.b, r1.n_b, r1.conv_b, r7.conv_b, 1_000_000);
  arm(r1.a, r1.n_a, r1.conv_a, r7.conv_a, 0);
  return lines.join('\r\n') + '\r\n';
}

describe('runNotebook(ab-testing.md)', () => {
  let dir: string;
  let abtest: { metrics: Record<string, unknown>[] };
  let cells: { status: string; name: string | null }[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierbook-abtest-'));
    const path = join(dir, 'cookie_cats.csv');
    writeFileSync(path, cookieCsv());
    const args = parseArgs(['run', 'notebooks/ab-testing.md', '--data', `test=${path}`, '--set', 'variant=version', '--set', 'metrics=retention_1,retention_7']);
    expect(args.set).toEqual({ variant: 'version', metrics: 'retention_1,retention_7' });
    const env = nodeEnv({ data: args.data, backend: 'cpu' });
    const result = await runNotebook(NOTEBOOK, env, { ...args.set, ...env.keys });
    cells = result.cells;
    abtest = JSON.parse(result.files.find((f) => f.name === 'abtest.json')!.content);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every cell runs', () => {
    expect(cells.filter((c) => c.status !== 'done')).toEqual([]);
  });

  test('abtest.json has exactly the contract keys, arms sorted, values matching scipy', () => {
    expect(Object.keys(abtest)).toEqual(['metrics']);
    expect(abtest.metrics.map((m) => m.metric)).toEqual(['retention_1', 'retention_7']);
    abtest.metrics.forEach((m, i) => {
      const g = cookie[i];
      expect(Object.keys(m)).toEqual(['metric', 'a', 'b', 'n_a', 'conv_a', 'n_b', 'conv_b', 'z', 'p_value', 'ci_low', 'ci_high', 'prob_b_beats_a']);
      expect([m.a, m.b, m.n_a, m.conv_a, m.n_b, m.conv_b]).toEqual(['gate_30', 'gate_40', g.n_a, g.conv_a, g.n_b, g.conv_b]);
      for (const k of ['z', 'p_value', 'ci_low', 'ci_high', 'prob_b_beats_a']) {
        expect(Math.abs((m[k] as number) - g[k]) / Math.abs(g[k])).toBeLessThan(1e-7);
      }
    });
  });

  test('the built-in synthetic test is the default and runs without any file', async () => {
    const env = nodeEnv({ data: {}, backend: 'cpu' });
    const result = await runNotebook(NOTEBOOK, env, { armRates: '0.04, 0.06' });
    expect(result.cells.filter((c) => c.status !== 'done')).toEqual([]);
    const out = JSON.parse(result.files.find((f) => f.name === 'abtest.json')!.content);
    expect(out.metrics.map((m: { metric: string; a: string; b: string }) => [m.metric, m.a, m.b])).toEqual([['clicked', 'A', 'B'], ['purchased', 'A', 'B']]);
  }, 60_000);
});
