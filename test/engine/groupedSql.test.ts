/**
 * `groupedSql` (the one-scan form DuckDB-wasm runs) against the two-query form (`cleaningSql` +
 * `profileSql`) in native DuckDB, on the same CSV: the same cleaning log and the same profile, with
 * every step on, steps switched off, an explicit asOf, canonical columns with edge cases (null and
 * blank ids, cancellations, non-positive values, missing times, exact duplicates) and raw columns
 * mapped by detected roles — and, for the latter, the same profile as the JS path.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cleaningSql, groupedSql, profileSql, type ProfileSqlOptions } from '../../src/engine/sql';
import { plainProfileQuery } from '../../src/engine/engineTypes';
import { synthCsv } from '../../src/core/synth/shop';
import { parseCsv } from '../../src/core/data/csv';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';
import { clean } from '../../src/core/prep/clean';
import { rfm } from '../../src/core/profile/rfm';
import { floats, strings } from '../../src/core/table';

/** Canonical lines with every cleaning case, several exact duplicates and a near-duplicate. */
const CANONICAL = [
  'customer,order,time,quantity,price,amount,cancelled,item',
  'a,1,2023-01-01 10:00:00,2,1.5,3,false,x',
  'a,1,2023-01-01 10:00:00,2,1.5,3,false,x', // exact duplicate
  'a,1,2023-01-01 10:00:00,2,1.5,3,false,x', // and again
  'a,1,2023-01-01 10:00:00,2,1.5,3,false,y', // differs in item: kept
  'a,2,2023-03-05 08:00:00,1,0.1,0.1,false,x',
  'a,3,2023-04-01 00:00:00,1,0.2,0.2,false,x',
  'b,C4,2023-02-01 00:00:00,-1,2,-2,true,x', // cancelled
  'b,5,2023-02-02 00:00:00,0,2,0,false,x', // quantity 0
  'b,6,2023-02-03 00:00:00,3,0,0,false,x', // price 0
  'b,7,2023-02-04 12:00:00,3,1,3,false,x',
  'b,7,2023-02-04 12:00:00,3,1,3,false,x', // duplicate
  ',8,2023-02-05 00:00:00,1,1,1,false,x', // no customer
  ' ,9,2023-02-06 00:00:00,1,1,1,false,x', // blank customer
  'c,10,,1,1,1,false,x', // no time
  'c,11,2023-05-31 23:59:59,4,2.25,9,false,x',
  'd,12,2023-05-01 00:00:00,,1,,false,x', // no quantity
  'd,13,2023-01-15 00:00:00,1,1,1,false,x',
].join('\n');

let dir: string;
let conn: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tierbook-grouped-'));
  writeFileSync(join(dir, 'canonical.csv'), CANONICAL + '\n');
  writeFileSync(join(dir, 'shop.csv'), synthCsv({ customers: 250, transactions: 5000, seed: 3 }));
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRowObjectsJS().map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/** Both forms on one source: [grouped, two-query] cleaning logs and profiles. */
async function both(opts: Omit<ProfileSqlOptions, 'dialect'>) {
  const q = groupedSql(opts);
  await conn.run(`CREATE OR REPLACE TEMP TABLE g AS ${q.groups}`);
  return {
    steps: [await rows(q.steps('g')), await rows(cleaningSql(opts))],
    profile: [await rows(q.profile('g')), await rows(plainProfileQuery(profileSql(opts)))],
  };
}

function expectSameProfileRows(got: Record<string, unknown>[], want: Record<string, unknown>[]): void {
  expect(got.length).toBe(want.length);
  const exact = (r: Record<string, unknown>) => ({ ...r, monetary: undefined, aov: undefined });
  expect(got.map(exact)).toEqual(want.map(exact));
  for (let i = 0; i < want.length; i++) {
    for (const c of ['monetary', 'aov']) {
      const g = got[i][c] as number;
      const w = want[i][c] as number;
      expect(Math.abs(g - w) / Math.max(1, Math.abs(w)), `${c} of ${String(want[i].customer)}`).toBeLessThan(1e-12);
    }
  }
}

describe('groupedSql equals cleaningSql + profileSql in DuckDB', () => {
  const src = () => `read_csv('${join(dir, 'canonical.csv')}', header = true)`;

  test('canonical columns, every step on: the log counts each step, duplicates collapse', async () => {
    const r = await both({ source: src(), optional: ['item'] });
    expect(r.steps[0]).toEqual(r.steps[1]);
    expect(r.steps[0].map((s) => [s.step, s.rows, s.customers])).toEqual([
      ['loaded', 17, 5],
      ['missing_customer', 15, 4],
      ['cancelled', 14, 4],
      ['non_positive_quantity', 12, 4],
      ['non_positive_price', 11, 4],
      ['duplicates', 8, 4],
    ]);
    expectSameProfileRows(r.profile[0], r.profile[1]);
    expect(r.profile[0].map((p) => [p.customer, p.frequency, Math.round((p.monetary as number) * 1e9) / 1e9])).toEqual([
      ['a', 3, 6.3],
      ['b', 1, 3],
      ['c', 1, 9],
      ['d', 1, 1],
    ]);
  });

  test('steps switched off and an explicit asOf (later lines do not count)', async () => {
    for (const opts of [
      { duplicates: false },
      { missingCustomer: false, cancelled: false },
      { nonPositiveQuantity: false, nonPositivePrice: false, duplicates: false, asOf: Date.UTC(2023, 2, 1) },
      { missingCustomer: false, cancelled: false, nonPositiveQuantity: false, nonPositivePrice: false },
      { missingCustomer: false, cancelled: false, nonPositiveQuantity: false, nonPositivePrice: false, duplicates: false, asOf: Date.UTC(2023, 1, 3) },
    ] as const) {
      const r = await both({ source: src(), optional: ['item'], ...opts });
      expect(r.steps[0], JSON.stringify(opts)).toEqual(r.steps[1]);
      expectSameProfileRows(r.profile[0], r.profile[1]);
    }
  });

  test('raw columns by detected roles: same log and profile, and the JS path agrees', async () => {
    const text = synthCsv({ customers: 250, transactions: 5000, seed: 3 });
    const raw = parseCsv(text, { file: 'shop.csv' });
    const roles = detectRoles(raw);
    const r = await both({ source: `read_csv('${join(dir, 'shop.csv')}', header = true)`, roles });
    expect(r.steps[0]).toEqual(r.steps[1]);
    expectSameProfileRows(r.profile[0], r.profile[1]);
    const js = clean(toTransactions(raw, roles, { file: 'shop.csv' }));
    expect(r.steps[0].map((s) => s.rows)).toEqual(Array.from(floats(js.steps, 'rows')));
    const want = rfm(js.table);
    expect(r.profile[0].map((p) => p.customer)).toEqual(strings(want, 'customer'));
    expect(r.profile[0].map((p) => p.frequency)).toEqual(Array.from(floats(want, 'frequency')));
    expect(r.profile[0].map((p) => p.recency)).toEqual(Array.from(floats(want, 'recency')));
  });

  test("returns 'net' is refused like the two-query form", () => {
    expect(() => groupedSql({ returns: 'net' })).toThrow(/returns 'net' has no SQL form/);
  });
});
