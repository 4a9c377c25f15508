import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/csv';
import { detectRoles } from '../../../src/core/data/roles';
import { toTransactions } from '../../../src/core/data/transactions';
import { DataError } from '../../../src/core/errors';
import { makeTable } from '../../../src/core/table';

const RETAIL =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
  '536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n' +
  'c536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n' +
  '536370,22728,ALARM CLOCK,24,2010-12-01 08:45:00,3.75,,France\n';

const build = (csv: string, roles?: Record<string, string>) => {
  const t = parseCsv(csv, { file: 'o.csv' });
  return toTransactions(t, roles ?? detectRoles(t), { file: 'o.csv' });
};
const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('expected a DataError');
};

describe('toTransactions', () => {
  it('builds the canonical table from Online Retail columns', () => {
    const tx = build(RETAIL);
    expect(tx.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
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
    expect(tx.batches.length).toBe(1);
    const rows = tx.toArray().map((r) => r.toJSON());
    expect(rows[0]).toEqual({
      customer: '17850', order: '536365', time: Date.UTC(2010, 11, 1, 8, 26), quantity: 6, price: 2.55,
      amount: 6 * 2.55, item: '85123A', itemName: 'WHITE HANGING HEART', country: 'United Kingdom', cancelled: false,
    });
    expect(rows.map((r) => r.cancelled)).toEqual([false, true, false]);
    expect(rows[2].customer).toBeNull();
    expect(rows[1].amount).toBe(-27.5);
  });
  it('uses a mapped amount column: quantity defaults to 1, price to amount ÷ quantity', () => {
    const csv = 'user,order,day,total\nu1,o1,2024-01-01,10\nu2,o2,2024-01-02,\n';
    const rows = build(csv, { customer: 'user', order: 'order', time: 'day', amount: 'total' }).toArray().map((r) => r.toJSON());
    expect(rows[0]).toMatchObject({ customer: 'u1', quantity: 1, price: 10, amount: 10, cancelled: false });
    expect(rows[1]).toMatchObject({ quantity: 1, price: null, amount: null });
    const q = build('user,order,day,total,qty\nu1,o1,2024-01-01,10,4\n', { customer: 'user', order: 'order', time: 'day', amount: 'total', quantity: 'qty' });
    expect(q.toArray()[0].toJSON()).toMatchObject({ quantity: 4, price: 2.5, amount: 10 });
  });
  it('accepts numeric ids and Arrow timestamps from any source table', () => {
    const t = makeTable({ c: Float64Array.of(17850, 7.5), o: Float64Array.of(1, 2), t: { timestampMs: Float64Array.of(0, 1000) }, a: Float64Array.of(1, 2) });
    const rows = toTransactions(t, { customer: 'c', order: 'o', time: 't', amount: 'a' }, { file: 'm.arrow' }).toArray().map((r) => r.toJSON());
    expect(rows.map((r) => [r.customer, r.order, r.time])).toEqual([['17850', '1', 0], ['7.5', '2', 1000]]);
  });
  it('parses a text time column and reports the first bad value', () => {
    const t = makeTable({ c: ['a', 'b', 'c'], o: ['1', '2', '3'], when: ['2024-01-01', '2024-01-02', '31/02/2011'], a: Float64Array.of(1, 2, 3) });
    expect(errorOf(() => toTransactions(t, { customer: 'c', order: 'o', time: 'when', amount: 'a' }, { file: 'x.arrow' }))).toBe(
      'x.arrow, row 3, column `when`: `31/02/2011` is not a timestamp (expected YYYY-MM-DD[ HH:mm[:ss]], YYYYMMDD, YYYY/M/D, M/D/YYYY H:mm, D.M.YYYY, D/M/YYYY or epoch seconds/milliseconds)',
    );
    const ok = makeTable({ c: ['a'], o: ['1'], when: ['12/31/2024 23:05'], a: Float64Array.of(1) });
    expect(toTransactions(ok, { customer: 'c', order: 'o', time: 'when', amount: 'a' }, { file: 'x' }).getChild('time')!.get(0)).toBe(Date.UTC(2024, 11, 31, 23, 5));
    expect(errorOf(() => build('c,o,t,a\nx,1,5,2\n', { customer: 'c', order: 'o', time: 't', amount: 'a' }))).toBe(
      'o.csv, row 1, column `t`: `5` is not a timestamp (expected YYYY-MM-DD[ HH:mm[:ss]], YYYYMMDD, YYYY/M/D, M/D/YYYY H:mm, D.M.YYYY, D/M/YYYY or epoch seconds/milliseconds)',
    );
  });
  it('reports non-numeric quantity and price with row and value', () => {
    const csv = 'c,o,t,q,p\nx,1,2024-01-01,2,1.5\nx,1,2024-01-01,two,1.5\n';
    expect(errorOf(() => build(csv, { customer: 'c', order: 'o', time: 't', quantity: 'q', price: 'p' }))).toBe(
      'o.csv, row 2, column `q`: `two` is not a number (expected a number for the quantity role)',
    );
    const csv2 = 'c,o,t,q,p\nx,1,2024-01-01,2,$1.50\n';
    expect(errorOf(() => build(csv2, { customer: 'c', order: 'o', time: 't', quantity: 'q', price: 'p' }))).toBe(
      'o.csv, row 1, column `p`: `$1.50` is not a number (expected a number for the unit price role)',
    );
  });
  it('reports unmapped required roles listing the columns', () => {
    expect(errorOf(() => build(RETAIL, { order: 'InvoiceNo', time: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' }))).toBe(
      'o.csv: has no column for the customer id role (columns: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country)',
    );
    expect(errorOf(() => build(RETAIL, { customer: 'CustomerID', order: 'InvoiceNo', time: 'InvoiceDate', quantity: 'Quantity' }))).toMatch(
      /^o\.csv: has no column for the unit price role \(columns: /,
    );
    expect(errorOf(() => build(RETAIL, { customer: 'Nope', order: 'InvoiceNo', time: 'InvoiceDate', amount: 'UnitPrice' }))).toMatch(
      /^o\.csv, column `Nope`: is mapped to the customer id role but is not in the file/,
    );
  });
});

describe('toTransactions without an order column', () => {
  it('synthesised order ids never mark a line as cancelled, even for customer ids starting with C', () => {
    const raw = parseCsv('customer,date,amount\nC100,2011-01-02,5\nC100,2011-01-03,7\nx7,2011-01-02,1\n', { file: 'c.csv' });
    const tx = toTransactions(raw, { customer: 'customer', time: 'date', amount: 'amount' }, { file: 'c.csv' });
    expect(Array.from({ length: tx.numRows }, (_, i) => tx.getChild('cancelled')!.get(i))).toEqual([false, false, false]);
    expect(new Set(Array.from({ length: tx.numRows }, (_, i) => tx.getChild('order')!.get(i))).size).toBe(3);
  });
});
