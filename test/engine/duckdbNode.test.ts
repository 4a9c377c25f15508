/**
 * Native DuckDB (the runner's `--engine duckdb`) against the JS path on the shipped UCI Online
 * Retail: the DuckDB SQL of `profileSql`/`cleaningSql` runs and gives, for every customer, the same
 * recency, frequency, tenure, first, last and monetary/aov within 1e-9 relative as `rfm(clean(tx))`,
 * and the same cleaning log; also with steps switched off, an explicit asOf, and from a raw CSV file
 * whose columns are mapped by detected roles.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { loadBlob } from '../../src/core/data/loadBlob';
import { clean, type CleanOptions } from '../../src/core/prep/clean';
import { rfm } from '../../src/core/profile/rfm';
import { floats, strings } from '../../src/core/table';
import { timeMs } from '../../src/core/stats/columns';
import { duckdbProfile } from '../../src/engine/duckdbNode';
import { synthCsv } from '../../src/core/synth/shop';
import { parseCsv } from '../../src/core/data/csv';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';

let tx: Table;

beforeAll(async () => {
  const bytes = readFileSync('public/data/online-retail.arrow.gz');
  tx = (await loadBlob(new Blob([bytes]), 'online-retail.arrow.gz')).table;
}, 60_000);

/** Every column of two profiles equal row by row; monetary and aov within 1e-9 relative. */
export function expectSameProfile(got: Table, want: Table): void {
  expect(got.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(want.schema.fields.map((f) => `${f.name}:${f.type}`));
  expect(got.numRows).toBe(want.numRows);
  expect(strings(got, 'customer')).toEqual(strings(want, 'customer'));
  for (const c of ['recency', 'frequency', 'tenure']) expect(Array.from(floats(got, c)), c).toEqual(Array.from(floats(want, c)));
  for (const c of ['first', 'last']) expect(Array.from(timeMs(got, c)), c).toEqual(Array.from(timeMs(want, c)));
  for (const c of ['monetary', 'aov']) {
    const g = floats(got, c);
    const w = floats(want, c);
    let worst = 0;
    for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(g[i] - w[i]) / Math.max(1, Math.abs(w[i])));
    expect(worst, c).toBeLessThan(1e-9);
  }
}

function expectSameSteps(got: Table, want: Table): void {
  expect(strings(got, 'step')).toEqual(strings(want, 'step'));
  expect(Array.from(floats(got, 'rows'))).toEqual(Array.from(floats(want, 'rows')));
  expect(Array.from(floats(got, 'customers'))).toEqual(Array.from(floats(want, 'customers')));
  expect(Array.from(floats(got, 'removed'))).toEqual(Array.from(floats(want, 'removed')));
}

describe('duckdbProfile (native DuckDB) vs rfm(clean(tx)) on UCI Online Retail', () => {
  test('every step on: same profile for all 4,338 customers and the same cleaning log', async () => {
    const js = clean(tx);
    const r = await duckdbProfile({ table: tx, file: 'online-retail.arrow.gz' });
    expect(r.engine).toBe('duckdb');
    expect(r.profile.numRows).toBe(4338);
    expectSameProfile(r.profile, rfm(js.table));
    expectSameSteps(r.steps, js.steps);
  }, 60_000);

  test('duplicates kept, explicit asOf (lines after it do not count)', async () => {
    const opts: CleanOptions = { duplicates: false };
    const asOf = Date.UTC(2011, 8, 1);
    const js = clean(tx, opts);
    const r = await duckdbProfile({ table: tx }, { ...opts, asOf });
    expectSameProfile(r.profile, rfm(js.table, { asOf }));
    expectSameSteps(r.steps, js.steps);
  }, 60_000);

  test("returns 'net' is refused with a clear error", async () => {
    await expect(duckdbProfile({ table: tx }, { returns: 'net' })).rejects.toThrow(/returns 'net' has no SQL form/);
  });
});

describe('duckdbProfile on a raw CSV file', () => {
  test('columns mapped by detected roles; same profile as the JS loader path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbook-engine-'));
    try {
      const text = synthCsv({ customers: 300, transactions: 6000, seed: 7 });
      const path = join(dir, 'shop.csv');
      writeFileSync(path, text);
      const raw = parseCsv(text, { file: 'shop.csv' });
      const jsTx = toTransactions(raw, detectRoles(raw), { file: 'shop.csv' });
      const r = await duckdbProfile({ path });
      expectSameProfile(r.profile, rfm(clean(jsTx).table));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('an unreadable file type gets a located error', async () => {
    await expect(duckdbProfile({ path: '/tmp/x.xlsx' })).rejects.toThrow(/x\.xlsx: is not a file DuckDB reads here/);
  });
});
