/**
 * The SQL text of the preprocess + profile stage: Spark SQL and DuckDB SQL against golden files
 * (test/engine/golden/*.sql; a missing golden is written locally, and fails under CI=true), the
 * cleaning options reaching the text, and clear refusals. That the DuckDB text computes the same
 * profile as the JS path is tested by running it (duckdbNode.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { cleaningSql, profileSql, type ProfileSqlOptions } from '../../src/engine/sql';

const GOLDEN = 'test/engine/golden';

function expectGolden(name: string, text: string): void {
  const path = `${GOLDEN}/${name}`;
  if (!existsSync(path)) {
    if (process.env.CI) throw new Error(`golden ${path} is missing (CI never creates goldens)`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const RAW_ROLES: ProfileSqlOptions['roles'] = {
  customer: 'CustomerID',
  order: 'InvoiceNo',
  time: 'InvoiceDate',
  quantity: 'Quantity',
  price: 'UnitPrice',
  item: 'StockCode',
  country: 'Country',
};

describe('profileSql / cleaningSql text', () => {
  test('Spark SQL, every step on, over a warehouse table (golden)', () => {
    expectGolden('profile.spark.sql', profileSql({ dialect: 'spark', source: 'shop.order_lines' }));
  });
  test('Spark SQL from raw columns by roles, duplicates kept, explicit asOf (golden)', () => {
    expectGolden('profile-roles.spark.sql', profileSql({ dialect: 'spark', source: 'raw_lines', roles: RAW_ROLES, duplicates: false, asOf: Date.UTC(2011, 8, 1) }));
  });
  test('Spark cleaning log (golden)', () => {
    expectGolden('cleaning.spark.sql', cleaningSql({ dialect: 'spark' }));
  });
  test('DuckDB SQL, every step on (golden)', () => {
    expectGolden('profile.duckdb.sql', profileSql());
  });

  test('a step switched off leaves its CTE out; dialects quote differently', () => {
    const all = profileSql();
    expect(all).toContain('SELECT DISTINCT * FROM non_positive_price');
    const noDupes = profileSql({ duplicates: false });
    expect(noDupes).not.toContain('DISTINCT *');
    expect(noDupes).toContain('cleaned AS (\n  SELECT * FROM non_positive_price');
    expect(profileSql({ missingCustomer: false, cancelled: false })).not.toMatch(/missing_customer|NOT coalesce/);
    expect(all).toContain('"order"');
    expect(all).toContain('epoch_ms(');
    const spark = profileSql({ dialect: 'spark' });
    expect(spark).toContain('`order`');
    expect(spark).toContain('unix_millis(');
    expect(spark).not.toContain('"');
  });

  test('refuses what has no SQL form, with clear errors', () => {
    expect(() => profileSql({ returns: 'net' })).toThrow(/returns 'net' has no SQL form/);
    expect(() => profileSql({ dialect: 'oracle' as never })).toThrow(/dialect must be "duckdb" or "spark"/);
    expect(() => profileSql({ asOf: NaN })).toThrow(/asOf must be a finite time/);
    expect(() => profileSql({ roles: { customer: 'c', quantity: 'q', price: 'p' } })).toThrow(/no column for the time role/);
    expect(() => profileSql({ roles: { customer: 'c', time: 't' } })).toThrow(/needs an amount column/);
  });

  test('the DuckDB text runs on a tiny hand-made table and gives the hand-computed profile', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      await conn.run(`CREATE TABLE transactions AS SELECT * FROM (VALUES
        ('a', 'o1', TIMESTAMP '2020-01-01 10:00', 2.0, 1.5, 3.0, false, 'i1', NULL, NULL, 'UK'),
        ('a', 'o1', TIMESTAMP '2020-01-01 10:00', 2.0, 1.5, 3.0, false, 'i1', NULL, NULL, 'UK'),
        ('a', 'o2', TIMESTAMP '2020-01-05 23:59', 1.0, 4.0, 4.0, false, 'i2', NULL, NULL, 'UK'),
        ('a', 'C3', TIMESTAMP '2020-01-06 00:00', -1.0, 4.0, -4.0, true, 'i2', NULL, NULL, 'UK'),
        ('b', 'o4', TIMESTAMP '2020-01-09 08:00', 1.0, 0.0, 0.0, false, 'i3', NULL, NULL, 'FR'),
        ('b', 'o5', TIMESTAMP '2020-01-10 12:00', 3.0, 2.0, 6.0, false, 'i3', NULL, NULL, 'FR'),
        (NULL, 'o6', TIMESTAMP '2020-01-10 13:00', 1.0, 1.0, 1.0, false, 'i1', NULL, NULL, 'UK'),
        ('  ', 'o7', TIMESTAMP '2020-01-10 13:00', 1.0, 1.0, 1.0, false, 'i1', NULL, NULL, 'UK')
      ) t(customer, "order", time, quantity, price, amount, cancelled, item, itemName, category, country)`);
      const rows = (await conn.runAndReadAll(profileSql())).getRowObjectsJS();
      // asOf = 2020-01-11 00:00. a: last 01-05 23:59 → 5 days; first 01-01 10:00 → 9 days; orders o1, o2; 3 + 4 (duplicate dropped).
      expect(rows.map((r) => [r.customer, r.recency, r.frequency, r.monetary, r.aov, r.tenure])).toEqual([
        ['a', 5, 2, 7, 3.5, 9],
        ['b', 0, 1, 6, 6, 0],
      ]);
      const log = (await conn.runAndReadAll(cleaningSql())).getRowObjectsJS();
      expect(log.map((r) => [r.step, Number(r.rows), Number(r.customers)])).toEqual([
        ['loaded', 8, 3],
        ['missing_customer', 6, 2],
        ['cancelled', 5, 2],
        ['non_positive_quantity', 5, 2],
        ['non_positive_price', 4, 2],
        ['duplicates', 3, 2],
      ]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});
