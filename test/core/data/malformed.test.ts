/**
 * Malformed and odd inputs through `loadBlob` (the worker's reader): each asserts the exact
 * located message, and that a file with a few bad rows loads the good ones.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { writeArrow } from '../../../src/core/data/arrow';
import { parseCsv } from '../../../src/core/data/csv';
import { loadBlob, MAX_FILE_BYTES, type LoadResult } from '../../../src/core/data/loadBlob';
import { skippedRowsCsv } from '../../../src/core/data/skipped';
import { detectRoles } from '../../../src/core/data/roles';
import { toTransactions } from '../../../src/core/data/transactions';
import { DataError } from '../../../src/core/errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const load = (content: string | Uint8Array, name = 'orders.csv'): Promise<LoadResult> => loadBlob(new Blob([content as BlobPart]), name);
const messages = (r: LoadResult): string[] => r.problems.map((p) => new DataError(p).message);
async function fatal(content: string | Uint8Array | Blob, name = 'orders.csv'): Promise<string> {
  try {
    await loadBlob(content instanceof Blob ? content : new Blob([content as BlobPart]), name);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('expected a DataError');
}

const HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n';
/** `n` good Online-Retail-like rows. */
const good = (n: number, from = 1): string =>
  Array.from({ length: n }, (_, i) => `${536000 + from + i},${17000 + ((from + i) % 7)},2011-01-${String(((from + i) % 28) + 1).padStart(2, '0')} 10:00,${(i % 5) + 1},2.5\n`).join('');

describe('bad rows are skipped and reported', () => {
  it('1. a short ragged row', async () => {
    const r = await load(HEADER + good(20) + '537000,17001,2011-02-01 10:00,3\n' + good(5, 30));
    expect(r.table.numRows).toBe(25);
    expect([r.rows, r.skipped]).toEqual([26, 1]);
    expect(messages(r)).toEqual(['orders.csv, row 21: has 4 fields (expected 5, as in the header)']);
  });
  it('2. a long ragged row, and the downloadable list keeps its text', async () => {
    const r = await load(HEADER + good(9) + '537000,17001,2011-02-01 10:00,3,1.5,oops\n' + good(20, 30));
    expect(messages(r)).toEqual(['orders.csv, row 10: has 6 fields (expected 5, as in the header)']);
    expect(skippedRowsCsv(r.skippedRows)).toBe(
      'row,problem,text\n10,"orders.csv, row 10: has 6 fields (expected 5, as in the header)","537000,17001,2011-02-01 10:00,3,1.5,oops"\n',
    );
  });
  it('3. more than 10% ragged rows refuse the file with the first location', async () => {
    expect(await fatal(HEADER + good(5) + '1,2\n3,4\n')).toBe(
      'orders.csv, row 6: has 2 fields (expected 5, as in the header; 2 of 7 rows are malformed, more than the 10% that can be skipped — check the delimiter and the quotes)',
    );
  });
  it('4. empty fields after the last column (a trailing delimiter) are not an error', async () => {
    const r = await load('a,b\n1,2,\n3,4,,\n');
    expect([r.table.numRows, r.skipped]).toEqual([2, 0]);
  });
  it('5. wrong type: text in the quantity column', async () => {
    const r = await load(HEADER + good(12) + '537001,17001,2011-02-01 10:00,abc,1.5\n' + good(12, 40));
    expect(r.table.getChild('Quantity')!.type.toString()).toBe('Float64');
    expect(r.table.numRows).toBe(24);
    expect(messages(r)).toEqual(['orders.csv, row 13, column `Quantity`: `abc` is not a number (expected a number for the quantity role)']);
  });
  it('6. NaN in the price column', async () => {
    const r = await load(HEADER + good(15) + '537001,17001,2011-02-01 10:00,1,NaN\n');
    expect(messages(r)).toEqual(['orders.csv, row 16, column `UnitPrice`: `NaN` is not a finite number (expected a number for the unit price role)']);
  });
  it('7. Infinity in an amount column', async () => {
    const r = await load('customer,date,amount\n' + Array.from({ length: 12 }, (_, i) => `c${i},2024-01-0${(i % 9) + 1},${i}.5\n`).join('') + 'c1,2024-01-02,-Infinity\n');
    expect(messages(r)).toEqual(['orders.csv, row 13, column `amount`: `-Infinity` is not a finite number (expected a number for the amount role)']);
  });
  it('8. an impossible date in a D/M/YYYY column', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${(i % 28) + 1}/0${(i % 9) + 1}/2011,2\n`).join('');
    const r = await load('order,InvoiceDate,amount\n' + rows + '99,31/02/2011,3\n' + '100,13/12/2011,4\n');
    expect(r.table.getChild('InvoiceDate')!.type.toString()).toBe('Timestamp<MILLISECOND>');
    expect(r.table.getChild('InvoiceDate')!.get(r.table.numRows - 1)).toBe(Date.UTC(2011, 11, 13));
    expect(messages(r)).toEqual(['orders.csv, row 13, column `InvoiceDate`: `31/02/2011` is not a date (expected D/M/YYYY[ H:mm], like the other values of the column)']);
  });
  it('9. an empty timestamp', async () => {
    const r = await load(HEADER + good(12) + '537001,17001,,1,1.5\n');
    expect(messages(r)).toEqual(['orders.csv, row 13, column `InvoiceDate`: is empty (expected a timestamp for the time role)']);
  });
  it('10. rows after a skipped ragged row keep their file row numbers', async () => {
    const r = await load(HEADER + good(10) + '1,2\n' + good(10, 20) + '537001,17001,2011-02-01 10:00,x,1\n' + good(10, 40));
    expect(messages(r)).toEqual([
      'orders.csv, row 11: has 2 fields (expected 5, as in the header)',
      'orders.csv, row 22, column `Quantity`: `x` is not a number (expected a number for the quantity role)',
    ]);
    expect(r.skipped).toBe(2);
    expect(r.table.numRows).toBe(30);
  });
  it('11. many bad values in a column leave it as text for the role mapping to report', async () => {
    const r = await load('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,2011-01-01,x,1\n2,2011-01-01,y,1\n3,2011-01-01,3,1\n');
    expect(r.skipped).toBe(0);
    expect(() => toTransactions(r.table, detectRoles(r.table), { file: 'orders.csv' })).toThrow(
      'orders.csv, row 1, column `Quantity`: `x` is not a number (expected a number for the quantity role)',
    );
  });
  it('12. negative quantities (returns) are accepted', async () => {
    const r = await load(HEADER + '1,7,2011-01-01 10:00,-3,2.5\n2,7,2011-01-02 10:00,5,2.5\n');
    expect(r.skipped).toBe(0);
    const tx = toTransactions(r.table, detectRoles(r.table), { file: 'orders.csv' });
    expect(Array.from(tx.getChild('quantity')!.toArray() as Float64Array)).toEqual([-3, 5]);
    expect(Array.from(tx.getChild('amount')!.toArray() as Float64Array)).toEqual([-7.5, 12.5]);
  });
});

describe('fatal problems give one located error', () => {
  it('13. an unclosed quote at the end of the file', async () => {
    expect(await fatal('a,b\n1,2\n3,"never\n4,5\n')).toBe('orders.csv, row 2: has a quoted field that is never closed (expected a closing `"`)');
  });
  it('14. a quote that swallows more than 4 MB', async () => {
    const big = 'a,b\n1,"' + 'x'.repeat(5 * 1024 * 1024) + '\n';
    expect(await fatal(big)).toBe('orders.csv, row 1: runs on for more than 4 MB without ending — a quoted field that is never closed (expected a closing `"`)');
  });
  it('15. an empty file', async () => {
    expect(await fatal('')).toBe('orders.csv: is empty (expected a header line and data rows)');
  });
  it('16. a file of blank lines', async () => {
    expect(await fatal('\r\n  \n\n')).toBe('orders.csv: is empty (expected a header line and data rows)');
  });
  it('17. a header and no data', async () => {
    expect(await fatal('InvoiceNo,Quantity\r\n')).toBe('orders.csv: has a header but no data rows');
  });
  it('18. duplicate headers are renamed with a warning', async () => {
    const r = await load('Quantity,Price,Quantity\n1,2,3\n');
    expect(r.table.schema.fields.map((f) => f.name)).toEqual(['Quantity', 'Price', 'Quantity_2']);
    expect(r.warnings.map((w) => new DataError(w).message)).toEqual([
      'orders.csv, column `Quantity`: appears more than once in the header; column 3 is renamed `Quantity_2`',
    ]);
  });
  it('19. binary garbage', async () => {
    const bytes = new Uint8Array(600);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 97 + 13) % 256;
    expect(await fatal(bytes, 'garbage.bin')).toBe('garbage.bin: is not a text file (byte 0x00 at offset 211) (expected CSV/TSV text, Arrow IPC or Parquet)');
  });
  it('20. an Excel workbook (ZIP) and an old .xls', async () => {
    expect(await fatal(Uint8Array.of(0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0), 'orders.xlsx')).toBe(
      'orders.xlsx: is a ZIP archive (an Excel .xlsx workbook is one), not text (expected CSV text: unzip it, or save the sheet as CSV)',
    );
    expect(await fatal(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'orders.xls')).toBe(
      'orders.xls: is an Excel .xls workbook, not text (expected CSV text: save the sheet as CSV)',
    );
  });
  it('21. a file over 2 GB is refused before reading', async () => {
    const blob = new Blob(['a,b\n1,2\n']);
    Object.defineProperty(blob, 'size', { value: MAX_FILE_BYTES + 512 * 1024 ** 2 });
    Object.defineProperty(blob, 'stream', { value: () => { throw new Error('must not be read'); } });
    expect(await fatal(blob, 'huge.csv')).toBe(
      'huge.csv: is 2.5 GB, too large to load in a browser tab (expected at most 2 GB: filter or split the export, or save it as Parquet or gzip-compressed CSV)',
    );
  });
  it('22. invalid UTF-8 that is not GB18030 either', async () => {
    const bytes = Uint8Array.of(...enc('a,b\n1,x'), 0xff, 0xfe, ...enc('\n'));
    expect(await fatal(bytes)).toBe('orders.csv, row 1: is not valid UTF-8 text (byte 0xFF at offset 7) (expected UTF-8 or GBK/GB18030 text)');
  });
  it('23. invalid UTF-8 far into the file (after the sniffed start)', async () => {
    const head = enc('a,b\n' + 'x,1\n'.repeat(80_000));
    const bytes = concat(head, enc('y,'), [0xff], enc('\n'));
    expect(await fatal(bytes)).toBe('orders.csv, row 80,001, column `b`: has bytes that are not valid UTF-8 (expected UTF-8 or GBK/GB18030 text throughout the file)');
  });
  it('24. a truncated Parquet file and a broken Arrow file', async () => {
    expect(await fatal(Uint8Array.of(0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4), 'orders.parquet')).toBe(
      'orders.parquet: is not a Parquet file (no `PAR1` marker at both ends) (expected a complete Parquet file)',
    );
    expect(await fatal(enc('not arrow at all'), 'orders.arrow')).toBe('orders.arrow: is not an Arrow IPC file (expected Arrow IPC file or stream bytes)');
  });
  it('25. a gzip file that is not gzip inside', async () => {
    expect(await fatal(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 1, 2, 3), 'orders.csv.gz')).toMatch(/^orders\.csv\.gz: is not valid gzip: /);
  });
});

describe('encodings', () => {
  it('26. GBK/GB18030 far into the file is detected by the retry', async () => {
    const gbk = Uint8Array.of(0xd5, 0xc5, 0xc8, 0xfd); // 张三 in GBK
    const bytes = concat(enc('name,n\n' + 'ab,1\n'.repeat(60_000)), gbk, enc(',2\n'));
    const r = await load(bytes);
    expect(r.csv?.encoding).toBe('gb18030');
    expect(r.table.getChild('name')!.get(60_000)).toBe('张三');
  });
  it('27. UTF-8 with a BOM and UTF-16 LE with a BOM (Excel "Unicode text")', async () => {
    const bom = await load(Uint8Array.of(0xef, 0xbb, 0xbf, ...enc('客户,金额\nA,1\n')));
    expect(bom.table.schema.fields.map((f) => f.name)).toEqual(['客户', '金额']);
    const text = '客户\t金额\r\nA\t1.5\r\n';
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const r = await load(u16, 'export.txt');
    expect(r.csv).toEqual({ encoding: 'utf-16le', delimiter: '\t', header: true });
    expect(r.table.toArray().map((x) => x.toJSON())).toEqual([{ 客户: 'A', 金额: 1.5 }]);
  });
});

describe('other formats through loadBlob', () => {
  it('28. Parquet written with hyparquet-writer reads back', async () => {
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'customer', data: ['c1', 'c2', null] },
        { name: 'qty', data: Int32Array.of(2, -1, 3), type: 'INT32' },
        { name: 'price', data: [1.5, 2, null], type: 'DOUBLE' },
        { name: 'when', data: [new Date(Date.UTC(2011, 0, 2, 10)), new Date(Date.UTC(2011, 0, 3)), new Date(0)], type: 'TIMESTAMP' },
        { name: 'big', data: [1n, 2n, 3n], type: 'INT64' },
      ],
      codec: 'SNAPPY',
    });
    const r = await load(new Uint8Array(buf), 'orders.parquet');
    expect(r.format).toBe('parquet');
    expect(r.table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'customer:Dictionary<Int32, Utf8>',
      'qty:Float64',
      'price:Float64',
      'when:Timestamp<MILLISECOND>',
      'big:Float64',
    ]);
    // One null price in three rows is more than 10%: the column is left as it is, nothing skipped.
    expect(messages(r)).toEqual([]);
    expect(r.table.toArray().map((x) => x.toJSON())).toEqual([
      { customer: 'c1', qty: 2, price: 1.5, when: Date.UTC(2011, 0, 2, 10), big: 1 },
      { customer: 'c2', qty: -1, price: 2, when: Date.UTC(2011, 0, 3), big: 2 },
      { customer: null, qty: 3, price: null, when: 0, big: 3 },
    ]);
  });
  it('29. Arrow IPC file, stream and gzip', async () => {
    const t = parseCsv('a,b\n1,x\n', { file: 'a.csv' });
    for (const [bytes, name] of [
      [writeArrow(t), 'a.arrow'],
      [writeArrow(t, 'stream'), 'a.arrows'],
      [gzipSync(writeArrow(t)), 'a.arrow.gz'],
    ] as const) {
      const r = await load(bytes, name);
      expect([r.format, r.table.toArray().map((x) => x.toJSON())]).toEqual(['arrow', [{ a: 1, b: 'x' }]]);
    }
  });
});
