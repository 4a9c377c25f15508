/**
 * shippedIpc (src/core/data/shipped.ts): what the loading worker hands the tab for a file that ships with the
 * app — an Arrow file's own IPC bytes (inflated, not re-encoded), a CSV parsed into IPC — and the located
 * errors for a broken file.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readArrow } from '../../../src/core/data/arrow';
import { parseCsv } from '../../../src/core/data/csv';
import { shippedIpc } from '../../../src/core/data/shipped';
import { gunzip, loadArrowBytes } from '../../../src/core/data/defaultData';
import { floats, strings } from '../../../src/core/table';

const retail = new Uint8Array(readFileSync(new URL('../../../public/data/online-retail.arrow.gz', import.meta.url)));
const shoppers = new Uint8Array(readFileSync(new URL('../../../public/data/online-shoppers.csv.gz', import.meta.url)));

describe('shippedIpc', () => {
  it('an Arrow file: the inflated bytes themselves, read into the same table as loadArrowBytes', async () => {
    const ipc = await shippedIpc(retail, 'online-retail.arrow.gz');
    const inflated = await gunzip(retail);
    expect(ipc.byteLength).toBe(inflated.byteLength);
    expect(Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength).equals(Buffer.from(inflated.buffer, inflated.byteOffset, inflated.byteLength))).toBe(true);
    const a = readArrow(ipc, 'online-retail.arrow.gz');
    const b = await loadArrowBytes(retail, 'online-retail.arrow.gz');
    expect(a.numRows).toBe(541_909);
    expect(a.schema.fields.map(String)).toEqual(b.schema.fields.map(String));
    expect(Buffer.from(floats(a, 'amount').buffer).equals(Buffer.from(floats(b, 'amount').buffer))).toBe(true);
    expect(strings(a, 'customer').slice(0, 1000)).toEqual(strings(b, 'customer').slice(0, 1000));
  });

  it('an Arrow file a host already inflated (no gzip layer) is passed through', async () => {
    const raw = await gunzip(retail);
    expect(await shippedIpc(raw, 'online-retail.arrow.gz')).toBe(raw);
  });

  it('a gzip CSV: parsed (header, types) into IPC with the same columns and values as parseCsv', async () => {
    const table = readArrow(await shippedIpc(shoppers, 'online-shoppers.csv.gz'), 'online-shoppers.csv');
    const direct = parseCsv(await gunzip(shoppers), { file: 'online-shoppers.csv' });
    expect(table.numRows).toBe(12_330);
    expect(table.schema.fields.map(String)).toEqual(direct.schema.fields.map(String));
    expect(floats(table, 'PageValues')).toEqual(floats(direct, 'PageValues'));
    expect(strings(table, 'Month')).toEqual(strings(direct, 'Month'));
  });

  it('a broken file gets an error naming it and what was expected', async () => {
    await expect(shippedIpc(gzipSync(Buffer.from('not arrow at all')), 'online-retail.arrow.gz')).rejects.toThrow(
      'online-retail.arrow.gz: is not an Arrow IPC file',
    );
    await expect(shippedIpc(Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3), 'x.arrow.gz')).rejects.toThrow('x.arrow.gz: is not valid gzip');
    await expect(shippedIpc(new TextEncoder().encode('a,b\n1,2,3,4\n'), 'bad.csv')).rejects.toThrow('bad.csv, row 1: has 4 fields (expected 2, as in the header)');
  });
});
