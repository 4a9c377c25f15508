import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/errors';
import { codes, floats } from '../../../src/core/table';
import { writeArrow } from '../../../src/core/data/arrow';
import { isGzip, loadArrowBytes } from '../../../src/core/data/defaultData';
import { parseCsv } from '../../../src/core/data/csv';
import golden from '../../fixtures/data_online_retail.json';

const shipped = new URL('../../../public/data/online-retail.arrow.gz', import.meta.url);
const meta = JSON.parse(readFileSync(new URL('../../../public/data/online-retail.json', import.meta.url), 'utf8'));

describe('shipped default dataset', async () => {
  const bytes = new Uint8Array(readFileSync(shipped));
  const t = await loadArrowBytes(bytes, 'online-retail.arrow.gz');

  it('is gzip, small, and has the canonical columns', () => {
    expect(isGzip(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(8e6);
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'customer:Dictionary<Int32, Utf8>',
      'order:Dictionary<Int32, Utf8>',
      'time:Timestamp<MILLISECOND>',
      'quantity:Float64',
      'price:Float64',
      'amount:Float64',
      'item:Dictionary<Int32, Utf8>',
      'itemName:Dictionary<Int32, Utf8>',
      'country:Dictionary<Int32, Utf8>',
      'cancelled:Bool',
    ]);
    expect(t.batches.length).toBe(1);
    expect(meta.rows).toBe(541_909);
    expect(meta.licence).toBe('CC BY 4.0');
    expect(meta.sha256).toBe('737745256ddb4410bfe4e29f2dcb72329b7486e584837f1e84f9a07416cf7d45');
  });

  it('matches the pandas golden facts', () => {
    expect(t.numRows).toBe(golden.rows);
    const cust = codes(t, 'customer');
    let missing = 0;
    for (const c of cust.codes) if (c < 0) missing++;
    expect(missing).toBe(golden.missingCustomers);
    expect(cust.dict.length).toBe(golden.distinctCustomers);
    expect(cust.dict[0]).toBe(golden.firstCustomer);
    expect(codes(t, 'order').dict.length).toBe(golden.distinctInvoices);
    expect(codes(t, 'item').dict.length).toBe(golden.distinctItems);
    expect(codes(t, 'country').dict.length).toBe(golden.distinctCountries);
    const cancelled = t.getChild('cancelled')!;
    let nc = 0;
    for (let i = 0; i < t.numRows; i++) if (cancelled.get(i)) nc++;
    expect(nc).toBe(golden.cancelledRows);
    const amount = floats(t, 'amount');
    let sum = 0;
    for (const a of amount) sum += a;
    expect(Math.abs(sum - golden.sumAmount) / golden.sumAmount).toBeLessThan(1e-6);
    let q = 0;
    for (const v of floats(t, 'quantity')) q += v;
    expect(q).toBe(golden.sumQuantity);
    const time = floats(t, 'time');
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of time) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    expect(lo).toBe(golden.minTimeMs);
    expect(hi).toBe(golden.maxTimeMs);
  });
});

describe('loadArrowBytes', () => {
  const small = parseCsv('a,b\n1,x\n2,y\n', { file: 's.csv' });
  it('reads plain and gzip IPC, file and stream format', async () => {
    for (const ipc of [writeArrow(small, 'file'), writeArrow(small, 'stream')]) {
      expect((await loadArrowBytes(ipc, 's.arrow')).numRows).toBe(2);
      expect((await loadArrowBytes(new Uint8Array(gzipSync(ipc)), 's.arrow.gz')).getChild('b')!.get(1)).toBe('y');
    }
  });
  it('names the file in errors', async () => {
    await expect(loadArrowBytes(new TextEncoder().encode('hello world'), 'bad.arrow')).rejects.toThrow(
      'bad.arrow: is not an Arrow IPC file (expected Arrow IPC file or stream bytes)',
    );
    await expect(loadArrowBytes(Uint8Array.of(0x1f, 0x8b, 1, 2, 3), 'bad.arrow.gz')).rejects.toBeInstanceOf(DataError);
  });
});
