/**
 * What every engine (JS, native DuckDB, DuckDB-wasm) hands back for the load + preprocess + profile
 * stages, and helpers shared by the DuckDB engines.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../core/table';
import { CLEAN_STEPS } from '../core/prep/clean';
import { SQL_STEP_KEYS } from './sql';

export type EngineName = 'js' | 'duckdb' | 'duckdb-wasm';

export interface EngineResult {
  /** Which engine ran the load, preprocess and profile stages. */
  engine: EngineName;
  /** Why that engine was chosen (e.g. "file is 812 MB, over the 200 MB threshold"). */
  reason: string;
  /** The per-customer profile, in `rfm`'s shape. */
  profile: Table;
  /** The cleaning log: step, rows, customers, removed. */
  steps: Table;
  /** The DuckDB SQL that ran (the JS engine: the equivalent SQL text). */
  sql: string;
  /** Milliseconds the three stages took. */
  ms: number;
}

/**
 * The cleaning log from a `cleaningSql` result, in the shape of `clean(tx).steps`: step (JS key),
 * label, reason, removed, rows, customers — so the same waterfall chart draws either engine's log.
 */
export function stepsTable(step: string[], rows: number[], customers: number[]): Table {
  const keys = step.map((s) => SQL_STEP_KEYS[s] ?? s);
  const info = (k: string) => CLEAN_STEPS.find((c) => c.key === k);
  return makeTable({
    step: keys,
    label: keys.map((k) => (k === 'loaded' ? 'Loaded' : (info(k)?.label ?? k))),
    reason: keys.map((k) => (k === 'loaded' ? 'The transactions as loaded, before any cleaning.' : (info(k)?.reason ?? ''))),
    removed: Int32Array.from(rows, (r, i) => (i === 0 ? 0 : rows[i - 1] - r)),
    rows: Int32Array.from(rows),
    customers: Int32Array.from(customers),
  });
}

/** Wrap a profile query so every column comes back as a plain number or text (times as epoch ms). */
export function plainProfileQuery(sql: string): string {
  const body = sql.replace(/\s+$/, '');
  return (
    `SELECT "customer", CAST("recency" AS INTEGER) AS "recency", CAST("frequency" AS INTEGER) AS "frequency", ` +
    `CAST("monetary" AS DOUBLE) AS "monetary", CAST("aov" AS DOUBLE) AS "aov", CAST("tenure" AS INTEGER) AS "tenure", ` +
    `CAST(epoch_ms("first") AS DOUBLE) AS "first", CAST(epoch_ms("last") AS DOUBLE) AS "last" FROM (\n${body.replace(/^--.*\n/gm, '')}\n) p`
  );
}
