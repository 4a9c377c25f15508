import { describe, expect, it, test } from 'vitest';
import { Float64, Table, makeVector, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { readArrow, withOwnBuffers, writeArrow } from '../../../src/core/data/arrow';
import { utf8Vector } from '../../../src/core/table';
import { parseCsv } from '../../../src/core/data/csv';
import { csvField, tableToCsv } from '../../../src/core/data/csvWrite';
import { detectRoles } from '../../../src/core/data/roles';
import { toTransactions } from '../../../src/core/data/transactions';

const CSV =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
  '536365,85123A,"HEART, WHITE",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n' +
  'C536379,D,"7"" FRAME",-1,2010-12-01 09:41:00,0.1,,France\n';

describe('writeArrow / readArrow', () => {
  it('round-trips the canonical table exactly (file and stream format)', () => {
    const raw = parseCsv(CSV, { file: 'r.csv' });
    const tx = toTransactions(raw, detectRoles(raw), { file: 'r.csv' });
    for (const fmt of ['file', 'stream'] as const) {
      const back = readArrow(writeArrow(tx, fmt), 'r.arrow');
      expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(tx.schema.fields.map((f) => `${f.name}:${f.type}`));
      expect(back.toArray().map((r) => r.toJSON())).toEqual(tx.toArray().map((r) => r.toJSON()));
    }
  });
});

describe('tableToCsv', () => {
  it('writes RFC 4180 text, ISO timestamps, shortest numbers and empty nulls', () => {
    const raw = parseCsv(CSV, { file: 'r.csv' });
    const tx = toTransactions(raw, detectRoles(raw), { file: 'r.csv' });
    expect(tableToCsv(tx)).toBe(
      'customer,order,time,quantity,price,amount,item,itemName,country,cancelled\n' +
        '17850,536365,2010-12-01T08:26:00.000Z,6,2.55,15.299999999999999,85123A,"HEART, WHITE",United Kingdom,false\n' +
        ',C536379,2010-12-01T09:41:00.000Z,-1,0.1,-0.1,D,"7"" FRAME",France,true\n',
    );
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
  it('is read back by parseCsv to the same values', () => {
    const raw = parseCsv(CSV, { file: 'r.csv' });
    const again = parseCsv(tableToCsv(raw), { file: 'again.csv' });
    expect(again.toArray().map((r) => r.toJSON())).toEqual(raw.toArray().map((r) => r.toJSON()));
  });
});

describe('writeArrow with columns that share memory', () => {
  test('the same values in two columns (and a nullable and a text column twice) read back whole', () => {
    const x = Float64Array.of(1.5, -2, 3);
    const words = utf8Vector(['a', null, 'ccc']);
    const nullable = vectorFromArray([1, null, 3], new Float64());
    const t = new Table({ a: makeVector(x), b: makeVector(x), s: words, s2: words, n: nullable, n2: nullable });
    expect(() => tableFromIPC(tableToIPC(t, 'stream'))).toThrow(/message body/); // apache-arrow's own writer
    for (const format of ['stream', 'file'] as const) {
      const back = readArrow(writeArrow(t, format), 'shared.arrow');
      for (const name of ['a', 'b', 's', 's2', 'n', 'n2'] as const) expect(back.getChild(name)!.toArray(), `${format} ${name}`).toEqual(t.getChild(name)!.toArray());
    }
  });

  test('views of one buffer at different places are kept as they are, and so is a table without repeats', () => {
    const big = Float64Array.of(1, 2, 3, 4, 5, 6);
    const t = new Table({ a: makeVector(big.subarray(0, 3)), b: makeVector(big.subarray(3)) });
    expect(withOwnBuffers(t)).toBe(t);
    expect(readArrow(writeArrow(t), 'views.arrow').getChild('b')!.toArray()).toEqual(Float64Array.of(4, 5, 6));
  });
});
