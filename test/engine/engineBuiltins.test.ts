/**
 * The engine builtins: `runEngine` picks the engine as documented (auto by size against the
 * threshold, the runner's --engine, an explicit choice) and the JS path equals clean + rfm;
 * `profileFromFeatures` loads a per-customer feature file with located errors; `compareProfiles`;
 * `--engine` in the runner's arguments; and big-data.md in the runner with --engine duckdb on a CSV,
 * then with a feature file.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { synthCsv } from '../../src/core/synth/shop';
import { parseCsv } from '../../src/core/data/csv';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';
import { clean } from '../../src/core/prep/clean';
import { rfm } from '../../src/core/profile/rfm';
import { tableToCsv } from '../../src/core/data/csvWrite';
import { makeTable, strings } from '../../src/core/table';
import { runEngine, engineStages } from '../../src/stdlib/engine';
import { compareProfiles, profileFromFeatures } from '../../src/engine/profileFromEngine';
import type { EngineResult } from '../../src/engine/engineTypes';
import type { EngineHost } from '../../src/engine/host';
import { parseArgs } from '../../src/cli/args';
import { nodeEnv } from '../../src/cli/nodeEnv';
import { runNotebook } from '../../src/cli/runNotebook';

const TEXT = synthCsv({ customers: 200, transactions: 4000, seed: 11 });
let raw: Table;
let want: Table;

beforeAll(() => {
  raw = parseCsv(TEXT, { file: 'shop.csv' });
  want = rfm(clean(toTransactions(raw, detectRoles(raw), { file: 'shop.csv' })).table);
});

const fakeDuckdb = (): EngineResult => ({ engine: 'duckdb', reason: '', profile: want, steps: clean(toTransactions(raw, detectRoles(raw), { file: 'x' })).steps, sql: '', ms: 0 });

function env(host?: EngineHost) {
  return { loadDataset: async () => raw, trainStream: (() => { throw new Error('no training here'); }) as never, engine: host };
}

describe('runEngine', () => {
  test('the JS path is clean + rfm, and says why it ran', async () => {
    const r = await runEngine(env({ size: async () => 5e6 }), 'shop.csv', { thresholdMB: 200 });
    expect(r.engine).toBe('js');
    expect(r.reason).toBe('the file is 5 MB, under the 200 MB threshold');
    expect(compareProfiles(r.profile, want).agree).toBe(true);
    expect(strings(engineStages(r), 'stage')).toEqual(['load', 'preprocess', 'profile']);
    // Without a file size (the browser), the loaded table's size in memory decides.
    const inMemory = await runEngine(env(), 'shop.csv', { thresholdMB: 200 });
    expect(inMemory.reason).toMatch(/^the table is 0\.\d MB in memory, under the 200 MB threshold$/);
  });

  test('auto picks DuckDB above the threshold and when the runner asks; explicit choices win', async () => {
    let calls = 0;
    const host: EngineHost = { size: async () => 250e6, duckdb: async () => (calls++, fakeDuckdb()) };
    expect((await runEngine(env(host), 'k', { thresholdMB: 200 })).reason).toBe('the file is 250 MB, over the 200 MB threshold');
    expect((await runEngine(env(host), 'k', { thresholdMB: 300 })).engine).toBe('js');
    expect((await runEngine(env({ ...host, preferred: 'duckdb', size: async () => 1 }), 'k')).reason).toBe('the runner was started with --engine duckdb');
    expect((await runEngine(env(host), 'k', { engine: 'js' })).engine).toBe('js');
    expect(calls).toBe(2);
  });

  test('clear errors: unknown engine, bad threshold, DuckDB unavailable', async () => {
    await expect(runEngine(env(), 'k', { engine: 'spark' as never })).rejects.toThrow(/engine must be "auto", "js" or "duckdb"/);
    await expect(runEngine(env(), 'k', { thresholdMB: 0 })).rejects.toThrow(/thresholdMB must be a positive number/);
    await expect(runEngine(env(), 'k', { engine: 'duckdb' })).rejects.toThrow(/DuckDB is not available here/);
  });
});

describe('profileFromFeatures (a per-customer file computed elsewhere)', () => {
  test('the CSV of a profile loads back into the same profile', () => {
    const back = profileFromFeatures(parseCsv(tableToCsv(want), { file: 'customers.csv' }), { file: 'customers.csv' });
    const agreement = compareProfiles(back, want);
    expect(agreement.sameCustomers).toBe(true);
    expect(agreement.maxAbsDiff).toEqual({ recency: 0, frequency: 0, tenure: 0, first: 0, last: 0 });
    expect(agreement.agree).toBe(true);
  });

  test('only the required columns: aov is derived, rows are sorted by customer', () => {
    const t = profileFromFeatures(makeTable({ Customer: ['b', 'a'], recency: Float64Array.of(3, 1), frequency: Float64Array.of(2, 4), monetary: Float64Array.of(10, 6) }));
    expect(strings(t, 'customer')).toEqual(['a', 'b']);
    expect(Array.from(t.getChild('aov')!.toArray() as Float64Array)).toEqual([1.5, 5]);
  });

  test('located errors: missing column, repeated or empty id, bad counts', () => {
    const f = { file: 'f.csv' };
    expect(() => profileFromFeatures(makeTable({ customer: ['a'], recency: Float64Array.of(1), monetary: Float64Array.of(2) }), f)).toThrow(
      'f.csv: has no `frequency` column (expected columns customer, recency, frequency, monetary (optional: aov, tenure, first, last); found customer, recency, monetary)',
    );
    expect(() => profileFromFeatures(makeTable({ customer: ['a', 'b', 'a'], recency: Float64Array.of(1, 2, 3), frequency: Float64Array.of(1, 1, 1), monetary: Float64Array.of(1, 1, 1) }), f)).toThrow(
      'f.csv, row 3, column `customer`: `a` repeats the customer of row 1',
    );
    expect(() => profileFromFeatures(makeTable({ customer: ['a', ''], recency: Float64Array.of(1, 2), frequency: Float64Array.of(1, 1), monetary: Float64Array.of(1, 1) }), f)).toThrow(/f\.csv, row 2, column `customer`: `` is an empty customer id/);
    expect(() => profileFromFeatures(makeTable({ customer: ['a', 'b'], recency: Float64Array.of(1, -2), frequency: Float64Array.of(1, 1), monetary: Float64Array.of(1, 1) }), f)).toThrow(
      /f\.csv, row 2, column `recency`: `-2` is not a whole number ≥ 0/,
    );
    expect(() => profileFromFeatures(makeTable({ customer: ['a'], recency: Float64Array.of(1), frequency: Float64Array.of(1.5), monetary: Float64Array.of(1) }), f)).toThrow(/row 1, column `frequency`: `1.5` is not a whole number/);
    expect(() => profileFromFeatures(makeTable({ customer: ['a'], recency: Float64Array.of(1), frequency: Float64Array.of(1), monetary: Float64Array.of(NaN) }), f)).toThrow(/row 1, column `monetary`: `NaN` is not a number/);
  });
});

describe('compareProfiles', () => {
  test('spots a changed count and a changed sum beyond the tolerance', () => {
    const a = makeTable({ customer: ['a'], recency: Int32Array.of(1), frequency: Int32Array.of(2), monetary: Float64Array.of(10), aov: Float64Array.of(5), tenure: Int32Array.of(3), first: Float64Array.of(0), last: Float64Array.of(0) });
    const b = makeTable({ customer: ['a'], recency: Int32Array.of(2), frequency: Int32Array.of(2), monetary: Float64Array.of(10 + 1e-6), aov: Float64Array.of(5), tenure: Int32Array.of(3), first: Float64Array.of(0), last: Float64Array.of(0) });
    const c = compareProfiles(a, b);
    expect(c.maxAbsDiff.recency).toBe(1);
    expect(c.maxRelDiff.monetary).toBeGreaterThan(1e-9);
    expect(c.agree).toBe(false);
    expect(compareProfiles(a, a).agree).toBe(true);
  });
});

describe('the runner with --engine duckdb', () => {
  test('parseArgs reads --engine and rejects anything else', () => {
    expect(parseArgs(['run', 'nb.md', '--engine', 'duckdb']).engine).toBe('duckdb');
    expect(parseArgs(['run', 'nb.md']).engine).toBeUndefined();
    expect(() => parseArgs(['run', 'nb.md', '--engine', 'spark'])).toThrow('--engine expects js or duckdb');
  });

  test('big-data.md on a CSV: DuckDB ran the three stages, same profile as JS; a feature file replaces the profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-bigdata-'));
    try {
      writeFileSync(join(dir, 'shop.csv'), TEXT);
      const notebook = readFileSync('notebooks/big-data.md', 'utf8');
      const e = nodeEnv({ data: { transactions: join(dir, 'shop.csv') }, backend: 'cpu', engine: 'duckdb' });
      const r = await runNotebook(notebook, e, { ...e.keys, compareWithJs: true });
      expect(r.cells.filter((c) => c.status !== 'done')).toEqual([]);
      const file = (name: string) => r.files.find((f) => f.name === name)!.content;
      expect(file('engine_stages.csv').split('\n')[1]).toBe('load,duckdb,4000,the runner was started with --engine duckdb');
      expect(JSON.parse(file('engine_agreement.json')).agree).toBe(true);
      expect(compareProfiles(profileFromFeatures(parseCsv(file('profile.csv'), { file: 'profile.csv' })), want).agree).toBe(true);
      expect(file('spark_sql.json')).toContain('unix_millis');

      writeFileSync(join(dir, 'customers.csv'), file('profile.csv'));
      const e2 = nodeEnv({ data: { transactions: join(dir, 'shop.csv'), featureFile: join(dir, 'customers.csv') }, backend: 'cpu' });
      const r2 = await runNotebook(notebook, e2, e2.keys);
      expect(r2.cells.filter((c) => c.status !== 'done')).toEqual([]);
      expect(r2.files.find((f) => f.name === 'rfm_scores.csv')!.content).toBe(file('rfm_scores.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a large file kept on disk (the browser)', () => {
  test('auto hands the File itself to DuckDB-wasm (the tab never loads its lines); the JS path loads it', async () => {
    const { registerDuckdbWasm } = await import('../../src/engine/host');
    const { DatasetRegistry } = await import('../../src/ui/datasets');
    const seen: { input: unknown; opts: unknown }[] = [];
    registerDuckdbWasm(async () => ({
      wasmProfile: async (input, opts) => (seen.push({ input, opts }), { ...fakeDuckdb(), engine: 'duckdb-wasm' as const }),
    }));
    try {
      const registry = new DatasetRegistry();
      let reads = 0;
      registry.readFile = async () => (reads++, raw);
      const file = new File([TEXT], 'big.csv', { type: 'text/csv' });
      registry.addFile('big.csv', file);
      expect(registry.isUpload('big.csv')).toBe(true);
      expect(registry.keys().at(-1)).toEqual({ key: 'big.csv', label: 'big.csv (your file)' });
      const browserEnv = { loadDataset: (k: string) => registry.load(k), trainStream: env().trainStream, engine: registry.engineHost() };
      const mb = file.size / 1e6;
      const r = await runEngine(browserEnv, 'big.csv', { thresholdMB: mb / 2, duplicates: false });
      expect(r.engine).toBe('duckdb-wasm');
      expect(r.reason).toBe(`the file is ${mb.toLocaleString('en-US', { maximumFractionDigits: 1 })} MB, over the ${mb / 2} MB threshold; DuckDB read big.csv from disk`);
      expect(seen).toHaveLength(1);
      expect(seen[0].input).toEqual({ file });
      expect(seen[0].opts).toEqual({ duplicates: false });
      expect(reads).toBe(0); // nothing was parsed in the tab
      // Under the threshold the JS path runs on the same key: the file is read once, then cached.
      const js = await runEngine(browserEnv, 'big.csv', { thresholdMB: mb * 2 });
      expect(js.engine).toBe('js');
      expect(compareProfiles(js.profile, want).agree).toBe(true);
      await registry.load('big.csv');
      expect(reads).toBe(1);
      // A Parquet file is not read by DuckDB-wasm (its reader is an extension it would download): no File for it.
      registry.addFile('big.parquet', new File([new Uint8Array(8)], 'big.parquet'));
      expect(registry.engineHost().file!('big.parquet')).toBeUndefined();
      expect(await registry.engineHost().size!('big.parquet')).toBe(8);
      // Loading a table under the same key replaces the kept file.
      registry.add('big.csv', raw);
      expect(registry.file('big.csv')).toBeUndefined();
      expect(await registry.engineHost().size!('big.csv')).toBeUndefined();
    } finally {
      registerDuckdbWasm(null as never);
    }
  });
});
