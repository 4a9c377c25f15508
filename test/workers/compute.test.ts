/**
 * The compute worker's two halves, run in Node: what the client sends (`recommendInput`: only the
 * columns `recommend` reads, as Arrow IPC) and what the worker answers (`computeApi`) give the same
 * tables as the in-process functions the headless runner calls. The app wires them in the browser (e2e).
 */
import { describe, expect, test } from 'vitest';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { recommendInput, RECOMMEND_COLUMNS } from '../../src/workers/computeClient';
import { computeApi } from '../../src/workers/computeApi';
import { recommend } from '../../src/core/recommend/coPurchase';
import { kmeansSweep } from '../../src/core/cluster/sweep';
import { clean } from '../../src/core/prep/clean';
import { makeTable } from '../../src/core/table';
import { retail } from '../core/prep/retail';

const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON());

const real = retail();
describe.skipIf(!real)('co-purchase recommendations through the compute worker (cleaned Online Retail)', () => {
  test('only the four columns travel, and the answer equals recommend() in-process, row for row', () => {
    const cleaned = clean(real!).table;
    const ipc = recommendInput(cleaned);
    const sent = tableFromIPC(ipc);
    expect(sent.schema.fields.map((f) => f.name)).toEqual([...RECOMMEND_COLUMNS]);
    expect(sent.numRows).toBe(cleaned.numRows);
    expect(ipc.byteLength).toBeLessThan(tableToIPC(cleaned, 'stream').byteLength / 2); // the other columns stay behind
    const viaWorker = tableFromIPC(computeApi.recommend(ipc, { k: 5 }));
    const direct = recommend(cleaned, { k: 5 });
    expect(viaWorker.numRows).toBe(4338 * 5);
    expect(viaWorker.schema.fields.map((f) => f.name)).toEqual(direct.schema.fields.map((f) => f.name));
    expect(rowsOf(viaWorker)).toEqual(rowsOf(direct));
  });
});

describe('compute worker API', () => {
  test('a table without items gets recommend()’s own error', () => {
    const tx = makeTable({ customer: ['a', 'b'], quantity: Float64Array.of(1, 2) });
    expect(() => computeApi.recommend(recommendInput(tx))).toThrow(/no `item` column/);
  });

  test('kmeansSweep through the worker equals the in-process sweep', () => {
    // Three seeded blobs in two dimensions.
    const n = 300;
    const X = new Float64Array(n * 2);
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < n; i++) {
      const c = i % 3;
      X[i * 2] = c * 5 + rand();
      X[i * 2 + 1] = (c === 1 ? 4 : 0) + rand();
    }
    const m = { X, n, d: 2, columns: ['a', 'b'] };
    const viaWorker = tableFromIPC(computeApi.kmeansSweep(m, { from: 2, to: 6, nInit: 3, seed: 42 }));
    const direct = kmeansSweep(m, { from: 2, to: 6, nInit: 3, seed: 42 });
    expect(rowsOf(viaWorker)).toEqual(rowsOf(direct));
    expect(viaWorker.numRows).toBe(5);
  });
});
