import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeArrow } from '../../../src/core/data/arrow';
import { parseCsv } from '../../../src/core/data/csv';
import { readBlob } from '../../../src/core/data/loadBlob';
import { DataError } from '../../../src/core/errors';
import { synthCsv } from '../../../src/core/synth/shop';

const csv = synthCsv({ customers: 200, transactions: 20_000, seed: 2 });
const bytes = new TextEncoder().encode(csv);
const expected = parseCsv(bytes, { file: 'x.csv' }).toArray().map((r) => r.toJSON());

describe('readBlob', () => {
  it('streams CSV and gzip CSV to the same table as parseCsv, reporting progress', async () => {
    const seen: number[] = [];
    const t = await readBlob(new Blob([bytes as BlobPart]), 'shop.csv', { onProgress: (read, total) => seen.push(read / total) });
    expect(t.toArray().map((r) => r.toJSON())).toEqual(expected);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    const gz = new Blob([gzipSync(bytes) as BlobPart]);
    const g = await readBlob(gz, 'shop.csv.gz');
    expect(g.numRows).toBe(20_000);
    expect(g.toArray().map((r) => r.toJSON())).toEqual(expected);
  });
  it('reads Arrow IPC (file, stream, gzip) by magic bytes', async () => {
    const t = parseCsv('a,b\n1,x\n', { file: 'a.csv' });
    for (const [blob, name] of [
      [new Blob([writeArrow(t) as BlobPart]), 'a.bin'],
      [new Blob([writeArrow(t, 'stream') as BlobPart]), 'a.arrows'],
      [new Blob([gzipSync(writeArrow(t)) as BlobPart]), 'a.arrow.gz'],
    ] as const) {
      expect((await readBlob(blob, name)).toArray().map((r) => r.toJSON())).toEqual([{ a: 1, b: 'x' }]);
    }
  });
  it('passes CSV errors through as DataErrors and rejects broken gzip and aborts', async () => {
    await expect(readBlob(new Blob(['a,b\n1,2\n3\n']), 'r.csv')).rejects.toThrow(
      'r.csv, row 2: has 1 field (expected 2, as in the header; 1 of 2 rows is malformed, more than the 10% that can be skipped — check the delimiter and the quotes)',
    );
    await expect(readBlob(new Blob([Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 1, 2, 3) as BlobPart]), 'b.csv.gz')).rejects.toThrow(/^b\.csv\.gz: is not valid gzip: /);
    await expect(readBlob(new Blob([Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 1, 2, 3) as BlobPart]), 'b.csv.gz')).rejects.toBeInstanceOf(DataError);
    const ac = new AbortController();
    ac.abort();
    await expect(readBlob(new Blob([bytes as BlobPart]), 'x.csv', { signal: ac.signal })).rejects.toHaveProperty('name', 'AbortError');
  });
});
