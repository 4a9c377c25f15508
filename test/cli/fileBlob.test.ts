/**
 * `fileBlob`: a file on disk as the Blob `loadBlob` reads — same bytes as reading it whole, in 1 MiB
 * chunks, with slices and sizes right; the runner's `readTableFile` gives the same table as parsing
 * the whole file, for CSV (more than one chunk), gzip CSV and Arrow.
 */
import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { fileBlob, FILE_CHUNK } from '../../src/cli/fileBlob';
import { readTableFile } from '../../src/cli/nodeEnv';
import { parseCsv } from '../../src/core/data/csv';
import { SYNC_CHUNKS } from '../../src/core/data/loadBlob';
import { synthCsv } from '../../src/core/synth/shop';

let dir: string;
let csv: string;
const text = synthCsv({ customers: 3000, transactions: 40_000, seed: 3 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierbook-fileblob-'));
  csv = join(dir, 'orders.csv');
  writeFileSync(csv, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileBlob', () => {
  test('streams the whole file in chunks of at most 1 MiB, and slices read only their range', async () => {
    const whole = readFileSync(csv);
    expect(whole.length).toBeGreaterThan(2 * FILE_CHUNK); // more than one chunk
    const blob = fileBlob(csv);
    expect(blob.size).toBe(whole.length);
    const parts: Uint8Array[] = [];
    const reader = blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    expect(parts.every((p) => p.length <= FILE_CHUNK)).toBe(true);
    expect(Buffer.concat(parts).equals(whole)).toBe(true);
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    expect(Buffer.from(head).equals(whole.subarray(0, 8))).toBe(true);
    const mid = blob.slice(100, 120);
    expect(mid.size).toBe(20);
    expect(await mid.text()).toBe(whole.subarray(100, 120).toString());
    expect(blob.slice(-5).size).toBe(5);
    expect(blob.slice(10, 5).size).toBe(0);
  });

  test('its synchronous chunks are fresh memory, or with reuse one buffer read over and over, with the same bytes', () => {
    const whole = readFileSync(csv);
    const chunks = (fileBlob(csv) as unknown as { [SYNC_CHUNKS]: (reuse: boolean) => Iterable<Uint8Array> })[SYNC_CHUNKS];
    const fresh = [...chunks.call(fileBlob(csv), false)];
    expect(new Set(fresh.map((c) => c.buffer)).size).toBe(fresh.length);
    expect(Buffer.concat(fresh).equals(whole)).toBe(true);
    const copies: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const c of chunks.call(fileBlob(csv), true)) {
      buffers.add(c.buffer);
      copies.push(c.slice());
    }
    expect(copies.length).toBe(Math.ceil(whole.length / FILE_CHUNK));
    expect(buffers.size).toBe(1);
    expect(Buffer.concat(copies).equals(whole)).toBe(true);
  });

  test('readTableFile reads CSV, gzip CSV and Arrow from disk into the same table as parsing the whole text', async () => {
    const want = parseCsv(text, { file: 'orders.csv' });
    const got = await readTableFile(csv);
    expect(got.numRows).toBe(want.numRows);
    expect(got.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(want.schema.fields.map((f) => `${f.name}:${f.type}`));
    for (const f of want.schema.fields) {
      expect(Array.from(got.getChild(f.name)!.toArray() as ArrayLike<unknown>, String), f.name).toEqual(Array.from(want.getChild(f.name)!.toArray() as ArrayLike<unknown>, String));
    }
    const gz = join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(text));
    expect((await readTableFile(gz)).numRows).toBe(want.numRows);
    const arrow = join(dir, 'orders.arrow');
    writeFileSync(arrow, tableToIPC(want));
    expect((await readTableFile(arrow)).numRows).toBe(want.numRows);
  });
});
