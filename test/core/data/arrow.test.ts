import { describe, expect, it } from 'vitest';
import { readArrow, writeArrow } from '../../../src/core/data/arrow';
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
