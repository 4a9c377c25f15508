import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter, parseCsv, parseNumber } from '../../../src/core/data/csv';
import { DataError } from '../../../src/core/errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const rows = (s: string | Uint8Array, delimiter?: string) =>
  parseCsv(s, { file: 't.csv', delimiter }).toArray().map((r) => r.toJSON());
const types = (s: string) =>
  parseCsv(s, { file: 't.csv' }).schema.fields.map((f) => `${f.name}:${f.type}`);

describe('parseCsv: RFC 4180', () => {
  it('handles quotes, escaped quotes, embedded delimiters and newlines', () => {
    expect(rows('a,b\n"x, y","say ""hi"""\n"multi\nline",plain\n')).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: 'multi\nline', b: 'plain' },
    ]);
  });
  it('handles CRLF, a missing final newline, blank lines and a quote inside an unquoted field', () => {
    expect(rows('a,b\r\nx,7" frame\r\n\r\ny,"q"\r\nz,w')).toEqual([
      { a: 'x', b: '7" frame' },
      { a: 'y', b: 'q' },
      { a: 'z', b: 'w' },
    ]);
  });
  it('strips a UTF-8 BOM and decodes UTF-8', () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, ...enc('名称,价格\n咖啡,3.5\nCafé,4\n'));
    const t = parseCsv(bom, { file: 'u.csv' });
    expect(t.schema.fields.map((f) => f.name)).toEqual(['名称', '价格']);
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { 名称: '咖啡', 价格: 3.5 },
      { 名称: 'Café', 价格: 4 },
    ]);
  });
  it('detects ; tab and | delimiters, and honours an explicit one', () => {
    expect(rows('a;b\n1,5;x\n')).toEqual([{ a: '1,5', b: 'x' }]);
    expect(rows('a\tb\n1\tx y\n')).toEqual([{ a: 1, b: 'x y' }]);
    expect(rows('a|b\n1|2\n')).toEqual([{ a: 1, b: 2 }]);
    expect(rows('a;b\n1;2\n', ',')).toEqual([{ 'a;b': '1;2' }]);
    expect(detectDelimiter(enc('"a;b",c,d\n1,2,3\n'))).toBe(',');
    expect(detectDelimiter(enc('only\n1\n'))).toBe(',');
  });
  it('gives the same table for any chunking, even inside quotes and UTF-8 characters', () => {
    const text = 'id,name,when\n1,"a ""b""\nc",2024-01-02\n2,é中,2024-01-03 10:00\r\n3,,\n';
    const whole = rows(text);
    const bytes = enc(text);
    for (let size = 1; size <= 7; size++) {
      const r = new CsvReader({ file: 'c.csv' });
      for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
      expect(r.end().toArray().map((x) => x.toJSON())).toEqual(whole);
      expect(r.rowsRead).toBe(3);
    }
  });
  it('reads header-less files and de-duplicates header names', () => {
    expect(parseCsv('1,2\n3,4\n', { file: 'h.csv', header: false }).schema.fields.map((f) => f.name)).toEqual(['column_1', 'column_2']);
    expect(types('a,a,\n1,2,3\n').map((s) => s.split(':')[0])).toEqual(['a', 'a_2', 'column_3']);
  });
});

describe('parseCsv: type inference', () => {
  it('infers numbers, booleans, timestamps and strings over all rows', () => {
    expect(types('i,f,b,s,late\n1,1.5,true,x,1\n2,-2e3,FALSE,y,2\n3,,True,,z\n')).toEqual([
      'i:Float64',
      'f:Float64',
      'b:Bool',
      's:Dictionary<Int32, Utf8>',
      'late:Dictionary<Int32, Utf8>',
    ]);
    const t = parseCsv('n\n17850.0\n\n 7 \n.5\n', { file: 'n.csv' });
    expect(t.toArray().map((r) => r.n)).toEqual([17850, 7, 0.5]);
    expect(parseCsv('n,m\n1,\n2,\n', { file: 'n.csv' }).getChild('m')!.nullCount).toBe(2);
  });
  it('reads each date format as UTC milliseconds', () => {
    const t = parseCsv(
      'iso,isoT,day,compact,us,eu\n' +
        '2010-12-01 08:26:00,2010-12-01T08:26:00.250Z,2010-12-01,20101201,12/1/2010 8:26,1.12.2010\n' +
        '2011-02-28 23:59:59,2011-02-28T23:59,2011-02-28,20110228,2/28/2011 23:59,28.2.2011 23:59\n',
      { file: 'd.csv' },
    );
    for (const f of t.schema.fields) expect(`${f.name}:${f.type}`).toBe(`${f.name}:Timestamp<MILLISECOND>`);
    const r = t.toArray().map((x) => x.toJSON());
    expect(r[0]).toEqual({
      iso: Date.UTC(2010, 11, 1, 8, 26),
      isoT: Date.UTC(2010, 11, 1, 8, 26, 0, 250),
      day: Date.UTC(2010, 11, 1),
      compact: Date.UTC(2010, 11, 1),
      us: Date.UTC(2010, 11, 1, 8, 26),
      eu: Date.UTC(2010, 11, 1),
    });
    expect(r[1].iso).toBe(Date.UTC(2011, 1, 28, 23, 59, 59));
    expect(r[1].eu).toBe(Date.UTC(2011, 1, 28, 23, 59));
  });
  it('keeps impossible dates and mixed formats as text, 8-digit non-dates as numbers', () => {
    expect(types('d\n2011-02-29\n')).toEqual(['d:Dictionary<Int32, Utf8>']);
    expect(types('d\n2011-02-01\n2/3/2011\n')).toEqual(['d:Dictionary<Int32, Utf8>']);
    expect(types('d\n20111301\n')).toEqual(['d:Float64']);
  });
  it('parseNumber accepts decimal and exponent forms only', () => {
    expect([parseNumber('1'), parseNumber('-1.5e2'), parseNumber(' 3 '), parseNumber('.5')]).toEqual([1, -150, 3, 0.5]);
    for (const s of ['', '1,5', '0x10', 'NaN', 'Infinity', '1e', '--1']) expect(parseNumber(s)).toBeNaN();
  });
});

describe('parseCsv: located errors', () => {
  const err = (s: string, opts: { header?: boolean } = {}): DataError => {
    try {
      parseCsv(s, { file: 'orders.csv', ...opts });
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      return e as DataError;
    }
    throw new Error('expected a DataError');
  };
  it('ragged rows name file, 1-based data row and the expected count', () => {
    expect(err('a,b,c\n1,2,3\n4,5\n').message).toBe('orders.csv, row 2: has 2 fields (expected 3, as in the header)');
    expect(err('a,b\n1,2\n"x\ny",2,3\n').message).toBe('orders.csv, row 2: has 3 fields (expected 2, as in the header)');
    expect(err('1,2\n3\n', { header: false }).message).toBe('orders.csv, row 2: has 1 field (expected 2, as in the first row)');
    expect(err('a,b\n1,2\n4,5,6\n').info).toMatchObject({ file: 'orders.csv', row: 2 });
  });
  it('an unclosed quote names the row where it started', () => {
    expect(err('a,b\n1,2\n3,"never\n4,5\n').message).toBe(
      'orders.csv, row 2: has a quoted field that is never closed (expected a closing `"`)',
    );
  });
  it('empty file and header-only file', () => {
    expect(err('').message).toBe('orders.csv: is empty (expected a header line and data rows)');
    expect(err('\n\n').message).toBe('orders.csv: is empty (expected a header line and data rows)');
    expect(err('a,b,c\n').message).toBe('orders.csv: has a header but no data rows');
  });
});
