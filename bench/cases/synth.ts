/**
 * `synth_shop_1m`: time to generate the canonical 1M-transaction synthetic shop (no peer).
 */
import type { Table } from 'apache-arrow';
import { synthShop } from '../../src/core/synth/shop';
import { SHOP, RUNS } from '../config';
import { result, type BenchResult } from '../result';
import { summarise } from '../stats';
import { timeRuns } from '../timing';

/**
 * Times `synthShop(SHOP)` (median of RUNS.synth) and hands back the table for the RFM case.
 *
 * @example
 *   const { results, table } = await benchSynth(); // table.numRows === 1_000_000
 */
export async function benchSynth(): Promise<{ results: BenchResult[]; table: Table }> {
  let table: Table | null = null;
  const ms = await timeRuns(() => (table = synthShop(SHOP)), RUNS.synth);
  const { value, unit } = summarise(ms);
  const t = table as unknown as Table;
  const note = `${t.numRows.toLocaleString('en')} rows × ${t.numCols} columns, ${SHOP.customers!.toLocaleString('en')} customers`;
  return { results: [result('synth_shop_1m', value, unit, { note })], table: t };
}
