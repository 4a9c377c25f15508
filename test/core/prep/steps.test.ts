import { describe, expect, test } from 'vitest';
import { dropMissingCustomer } from '../../../src/core/prep/missingCustomer';
import { dropCancelled } from '../../../src/core/prep/cancelled';
import { dropNonPositiveQuantity, dropNonPositivePrice } from '../../../src/core/prep/nonPositive';
import { dedupe } from '../../../src/core/prep/dedupe';
import { keepRows } from '../../../src/core/prep/keepRows';
import { clean } from '../../../src/core/prep/clean';
import { filterRows, floats, strings } from '../../../src/core/table';
import { makeTx } from './tx';

const tx = makeTx([
  { customer: 'a', order: '1', time: '2011-01-01 10:00', quantity: 2, price: 3, item: 'X' },
  { customer: null, order: '2', time: '2011-01-02 10:00', item: 'X' },
  { customer: '  ', order: '3', time: '2011-01-02 11:00', item: 'Y' },
  { customer: 'b', order: 'C4', time: '2011-01-03 10:00', quantity: -1, item: 'Y', cancelled: true },
  { customer: 'b', order: '5', time: '2011-01-04 10:00', quantity: 0, item: 'Y' },
  { customer: 'b', order: '5', time: '2011-01-04 10:00', quantity: 1, price: 0, item: 'Z' },
  { customer: 'c', order: '6', time: '2011-01-05 10:00', quantity: 2, price: 3, item: 'X' },
  { customer: 'c', order: '6', time: '2011-01-05 10:00', quantity: 2, price: 3, item: 'X' },
  { customer: 'c', order: '6', time: '2011-01-05 10:00', quantity: 2, price: 3, item: null },
  { customer: 'c', order: '6', time: '2011-01-05 10:00', quantity: 2, price: 3, item: null },
  { customer: 'a', order: '1', time: '2011-01-01 10:00', quantity: 2, price: 3, item: 'X' },
]);

describe('preprocessing steps', () => {
  test('dropMissingCustomer(tx) drops null and blank customer ids', () => {
    const r = dropMissingCustomer(tx);
    expect(r.removed).toBe(2);
    expect(strings(r.table, 'order')).toEqual(['1', 'C4', '5', '5', '6', '6', '6', '6', '1']);
  });

  test('dropCancelled(tx) drops lines flagged cancelled', () => {
    const r = dropCancelled(tx);
    expect(r.removed).toBe(1);
    expect(strings(r.table, 'order')).not.toContain('C4');
  });

  test('dropNonPositiveQuantity and dropNonPositivePrice count separately', () => {
    const q = dropNonPositiveQuantity(tx);
    expect(q.removed).toBe(2); // -1 and 0
    const p = dropNonPositivePrice(q.table);
    expect(p.removed).toBe(1);
    expect(p.table.numRows).toBe(8);
  });

  test('dedupe(tx) keeps the first of exact duplicates, nulls equal nulls', () => {
    const r = dedupe(tx);
    expect(r.removed).toBe(3); // 'c' X twice → 1, 'c' null twice → 1, 'a' repeated at the end
    expect(r.table.numRows).toBe(8);
    expect(strings(r.table, 'item')).toEqual(['X', 'X', 'Y', 'Y', 'Y', 'Z', 'X', null]);
  });

  test('dedupe(tx) treats lines differing in one column as distinct', () => {
    const t = makeTx([
      { customer: 'a', order: '1', time: '2011-01-01', quantity: 1, item: 'X' },
      { customer: 'a', order: '1', time: '2011-01-01', quantity: 2, item: 'X' },
      { customer: 'a', order: '1', time: '2011-01-02', quantity: 1, item: 'X' },
      { customer: 'a', order: '1', time: '2011-01-01', quantity: 1, item: 'X', itemName: 'x' },
    ]);
    expect(dedupe(t).removed).toBe(0);
    expect(dedupe(t).table).toBe(t);
  });

  test('a step that removes nothing returns the same table', () => {
    const r = dropCancelled(dropCancelled(tx).table);
    expect(r.removed).toBe(0);
  });

  test('keepRows(table, mask) equals filterRows on every column, nulls and types kept', () => {
    const mask = Uint8Array.from({ length: tx.numRows }, (_, i) => (i % 3 === 0 ? 0 : 1));
    const a = keepRows(tx, mask);
    const b = filterRows(tx, mask);
    expect(a.numRows).toBe(b.numRows);
    for (const f of tx.schema.fields) {
      expect(a.getChild(f.name)!.type.toString()).toBe(f.type.toString());
      const x = a.getChild(f.name)!.toArray();
      const y = b.getChild(f.name)!.toArray();
      expect(Array.from(x as ArrayLike<unknown>), f.name).toEqual(Array.from(y as ArrayLike<unknown>));
      for (let i = 0; i < a.numRows; i++) expect(a.getChild(f.name)!.get(i), `${f.name}[${i}]`).toEqual(b.getChild(f.name)!.get(i));
    }
  });
});

describe('clean(tx, opts)', () => {
  test('runs the five steps in order and logs rows and customers left', () => {
    const { table, steps } = clean(tx);
    expect(strings(steps, 'step')).toEqual(['loaded', 'missingCustomer', 'cancelled', 'nonPositiveQuantity', 'nonPositivePrice', 'duplicates']);
    expect(strings(steps, 'label')[1]).toBe('Missing customer id');
    expect(Array.from(floats(steps, 'removed'))).toEqual([0, 2, 1, 1, 1, 3]);
    expect(Array.from(floats(steps, 'rows'))).toEqual([11, 9, 8, 7, 6, 3]);
    // 'b' has only cancelled / zero lines, so it disappears at the price step
    expect(Array.from(floats(steps, 'customers'))).toEqual([4, 3, 3, 3, 2, 2]);
    expect(strings(steps, 'reason').every((s) => s !== null && s.endsWith('.'))).toBe(true);
    expect(table.numRows).toBe(3);
  });

  test('steps switched off are skipped and get no log row', () => {
    const { table, steps } = clean(tx, { duplicates: false, cancelled: false });
    expect(strings(steps, 'step')).toEqual(['loaded', 'missingCustomer', 'nonPositiveQuantity', 'nonPositivePrice']);
    expect(table.numRows).toBe(6);
  });
});
