/**
 * `csv_to_arrow_1m_rows`: the synthetic 1M-row Online-Retail-shaped CSV on disk read into an Arrow
 * table the way the headless runner reads a file (`readTableFile`: streamed from disk in 1 MiB chunks
 * through the CSV reader, as the browser's loading worker streams a File), vs `pandas.read_csv` of the
 * same path (dates parsed on both sides). `csv_parse_1m_rows_in_memory` times `parseCsv` on the bytes
 * already in memory (no file read), for reference.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { parseCsv } from '../../src/core/data/csv';
import { readTableFile } from '../../src/cli/nodeEnv';
import { synthCsv } from '../../src/core/synth/shop';
import type { BenchContext } from '../context';
import { RUNS, SHOP } from '../config';
import { result, type BenchResult } from '../result';
import { peerMedian, summarise } from '../stats';
import { timeRuns } from '../timing';

/**
 * Writes `synthCsv(SHOP)` to a temp file once, then times read + parse (median of 3 after 3 warm-ups, the first
 * of them also reported on its own as the cold call) on both sides.
 *
 * @example
 *   await benchCsv(ctx); // [{ name: 'csv_to_arrow_1m_rows', value: 1450, peerValue: 2100, … }]
 */
export async function benchCsv(ctx: BenchContext): Promise<BenchResult[]> {
  const file = join(ctx.work.sub('csv'), 'synthetic-1m.csv');
  writeFileSync(file, synthCsv(SHOP));
  const mb = statSync(file).size / 2 ** 20;

  let table: Table | null = null;
  // The first call of the process, timed on its own (the JIT and the heap still warming up), then the
  // steady state: median of RUNS.csv after the remaining warm-ups; pandas the same way.
  const c0 = performance.now();
  await readTableFile(file);
  const coldMs = performance.now() - c0;
  const ms = await timeRuns(async () => (table = await readTableFile(file)), RUNS.csv, RUNS.csvWarmup - 1);
  const t = table as unknown as Table;
  const { value, unit } = summarise(ms);
  const bytes = readFileSync(file);
  let inMemory: Table | null = null;
  const parseMs = await timeRuns(() => (inMemory = parseCsv(bytes, { file })), RUNS.csv, RUNS.csvWarmup);
  const same = (inMemory as unknown as Table).numRows === t.numRows;
  const out = ctx.peers.run('csv', [file, String(RUNS.csv), String(RUNS.csvWarmup)]);
  const peerCold = typeof out?.cold_ms === 'number' ? `${out.cold_ms.toFixed(0)} ms` : 'n/a';
  let note =
    `${t.numRows.toLocaleString('en')} rows, ${mb.toFixed(1)} MiB, file read included; ${RUNS.csvWarmup} warm-ups on both sides; ` +
    `first call of the process: ours ${coldMs.toFixed(0)} ms, pandas ${peerCold}`;
  if (out && out.rows !== t.numRows) note += `; ROW COUNT DIFFERS: pandas read ${out.rows}`;
  const peer = "pandas.read_csv(parse_dates=['InvoiceDate'])";
  const parsed = summarise(parseMs);
  return [
    result('csv_to_arrow_1m_rows', value, unit, { peer, peerValue: peerMedian(out, 'ms'), note }),
    result('csv_parse_1m_rows_in_memory', parsed.value, parsed.unit, { note: `parseCsv on the bytes already read${same ? '' : '; ROW COUNT DIFFERS from the file read'}` }),
  ];
}
