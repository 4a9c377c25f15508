import { describe, expect, it } from 'vitest';
import { writeArrow } from '../../../src/core/data/arrow';
import { parseCsv } from '../../../src/core/data/csv';
import { detectRoles } from '../../../src/core/data/roles';
import { toTransactions } from '../../../src/core/data/transactions';
import { cumulative, pick, rng } from '../../../src/core/synth/random';
import { synthCsv, synthShop } from '../../../src/core/synth/shop';
import { codes, floats } from '../../../src/core/table';

describe('rng', () => {
  it('is deterministic per seed and uniform enough', () => {
    expect(rng(1).next()).toBe(0.6270739405881613);
    const a = rng(5);
    const b = rng(5);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
    const r = rng(9);
    let mean = 0;
    for (let i = 0; i < 20_000; i++) mean += r.next() / 20_000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const cum = cumulative(Float64Array.of(1, 3));
    expect([pick(cum, 0.1), pick(cum, 0.3), pick(cum, 0.99)]).toEqual([0, 1, 1]);
  });
});

describe('synthShop', () => {
  const t = synthShop({ customers: 500, transactions: 20_000, items: 300, categories: 12, seed: 3, start: '2023-06-01', days: 200 });

  it('is deterministic: same seed → same bytes; another seed → other data', () => {
    const opts = { customers: 100, transactions: 2_000, seed: 11 };
    // Column buffers are identical (IPC bytes differ only by Arrow's process-wide dictionary ids).
    const [x, y] = [synthShop(opts), synthShop(opts)];
    for (const f of x.schema.fields) {
      const [dx, dy] = [x.getChild(f.name)!.data[0], y.getChild(f.name)!.data[0]];
      expect(dx.values).toEqual(dy.values);
      expect(dx.nullBitmap).toEqual(dy.nullBitmap);
      if (dx.dictionary) expect(dx.dictionary.toArray()).toEqual(dy.dictionary!.toArray());
    }
    expect(writeArrow(x).length).toBe(writeArrow(y).length);
    expect(synthCsv(opts)).toBe(synthCsv(opts));
    expect(synthCsv({ ...opts, seed: 12 })).not.toBe(synthCsv(opts));
  });

  it('has the canonical schema with category and the requested size', () => {
    expect(t.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'customer:Dictionary<Int32, Utf8>',
      'order:Dictionary<Int32, Utf8>',
      'time:Timestamp<MILLISECOND>',
      'quantity:Float64',
      'price:Float64',
      'amount:Float64',
      'item:Dictionary<Int32, Utf8>',
      'itemName:Dictionary<Int32, Utf8>',
      'category:Dictionary<Int32, Utf8>',
      'country:Dictionary<Int32, Utf8>',
      'cancelled:Bool',
    ]);
    expect(t.numRows).toBe(20_000);
    expect(t.batches.length).toBe(1);
    const cust = codes(t, 'customer').dict.length;
    expect(cust).toBeLessThanOrEqual(500);
    expect(cust).toBeGreaterThan(200);
    expect(codes(t, 'item').dict.length).toBeLessThanOrEqual(300);
    expect(codes(t, 'category').dict.length).toBeLessThanOrEqual(12);
    expect(synthShop().numRows).toBe(10_000);
  });

  it('stays in the date window, sorted by time, with amount = quantity × price and one price per item', () => {
    const time = floats(t, 'time');
    const lo = Date.UTC(2023, 5, 1);
    const hi = lo + 200 * 86_400_000;
    let outside = 0;
    let unsorted = 0;
    for (let i = 0; i < time.length; i++) {
      if (!(time[i] >= lo && time[i] < hi)) outside++;
      if (i && time[i] < time[i - 1]) unsorted++;
    }
    expect([outside, unsorted]).toEqual([0, 0]);
    const q = floats(t, 'quantity');
    const p = floats(t, 'price');
    const a = floats(t, 'amount');
    const item = codes(t, 'item').codes;
    const priceOf = new Map<number, number>();
    let bad = 0;
    for (let i = 0; i < t.numRows; i++) {
      if (a[i] !== q[i] * p[i] || !(p[i] > 0)) bad++;
      if (!priceOf.has(item[i])) priceOf.set(item[i], p[i]);
      if (priceOf.get(item[i]) !== p[i]) bad++;
    }
    expect(bad).toBe(0);
  });

  it('has heavy-tailed customers, Zipf-like items, some cancellations and missing ids', () => {
    const cust = codes(t, 'customer');
    const lines = new Map<number, number>();
    let missing = 0;
    for (const c of cust.codes) {
      if (c < 0) missing++;
      else lines.set(c, (lines.get(c) ?? 0) + 1);
    }
    const counts = [...lines.values()].sort((x, y) => y - x);
    const top10 = counts.slice(0, Math.ceil(counts.length / 10)).reduce((s, x) => s + x, 0);
    expect(top10 / (t.numRows - missing)).toBeGreaterThan(0.3);
    expect(missing / t.numRows).toBeGreaterThan(0.002);
    expect(missing / t.numRows).toBeLessThan(0.03);

    const items = new Map<number, number>();
    for (const c of codes(t, 'item').codes) items.set(c, (items.get(c) ?? 0) + 1);
    const ic = [...items.values()].sort((x, y) => y - x);
    expect(ic[0]).toBeGreaterThan(10 * ic[Math.floor(ic.length / 2)]);

    const order = codes(t, 'order');
    const cancelled = t.getChild('cancelled')!;
    const q = floats(t, 'quantity');
    const cancelledOrders = new Set<number>();
    let bad = 0;
    for (let i = 0; i < t.numRows; i++) {
      const isC = order.dict[order.codes[i]].startsWith('C');
      if (cancelled.get(i) !== isC) bad++;
      if (isC) {
        cancelledOrders.add(order.codes[i]);
        if (!(q[i] < 0)) bad++;
      } else if (!(q[i] > 0)) bad++;
    }
    expect(bad).toBe(0);
    const share = cancelledOrders.size / order.dict.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.04);
  });

  it('synthCsv is the same data in Online Retail shape', () => {
    const opts = { customers: 300, transactions: 5_000, seed: 4 };
    const csv = synthCsv(opts);
    expect(csv.slice(0, csv.indexOf('\n'))).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
    expect(csv.split('\n')[1]).toMatch(/^\d+,SKU\d+,[A-Z ]+ \d+,\d+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,[\d.]+,(\d+\.0)?,[A-Za-z ]+$/);
    const raw = parseCsv(csv, { file: 'synth.csv' });
    const fromCsv = toTransactions(raw, detectRoles(raw), { file: 'synth.csv' });
    const direct = synthShop(opts);
    const strip = (r: Record<string, unknown>) => {
      const { category: _c, ...rest } = r;
      return rest;
    };
    expect(fromCsv.toArray().map((r) => r.toJSON())).toEqual(direct.toArray().map((r) => strip(r.toJSON())));
  });

  it('rejects bad options', () => {
    expect(() => synthShop({ customers: 0 })).toThrow('synthShop: customers must be a positive integer, got 0');
    expect(() => synthShop({ start: '2024/01/01' })).toThrow('synthShop: start must be YYYY-MM-DD');
  });
});
