/**
 * Preprocessing step: net returns against the purchases they undo, instead of dropping them.
 */
import { Table, makeVector, type Vector } from 'apache-arrow';
import { floats } from '../table';
import { bytes, hasColumn, lazyCodes, timeMs } from '../stats/columns';
import { keepRows } from './keepRows';

export interface NetReturnsResult {
  table: Table;
  /** Rows removed: return lines plus purchase lines netted down to nothing. */
  removed: number;
  /** Return lines found (cancelled flag or quantity < 0). */
  returns: number;
  /** Return lines whose quantity found no earlier purchase of the same customer and item (in part or whole). */
  unmatched: number;
  /** Purchase lines whose quantity was reduced (to zero or not). */
  netted: number;
}

/**
 * A return is a line of a cancelled order or with a negative quantity. Each return, in time order,
 * takes its quantity back from the same customer's purchases of the same item (the latest purchase
 * at or before the return first, then earlier ones): their quantity and amount (quantity × price)
 * shrink, and a purchase netted to zero disappears. Return lines themselves are removed; a return
 * with no matching purchase left (bought before the data starts) is removed and counted as
 * unmatched. Without an `item` column, purchases are matched by customer only, by amount.
 * Compared with dropping returns, netting keeps spend = what the customer really kept.
 *
 * @example
 *   const { table, returns, unmatched } = netReturns(tx);
 *   // a customer buys 10 × A then returns 4 × A → one line of 6 × A
 */
export function netReturns(tx: Table): NetReturnsResult {
  const n = tx.numRows;
  const cust = lazyCodes(tx, 'customer').codes;
  const t = timeMs(tx, 'time');
  const cancelled = bytes(tx, 'cancelled');
  const qty = floats(tx, 'quantity');
  const price = floats(tx, 'price');
  const amount = floats(tx, 'amount');
  const byItem = hasColumn(tx, 'item');
  const item = byItem ? lazyCodes(tx, 'item').codes : null;
  // what is netted: quantity per item, or amount per customer
  const left = byItem ? Float64Array.from(qty) : Float64Array.from(amount);
  const isReturn = new Uint8Array(n);
  for (let i = 0; i < n; i++) isReturn[i] = cancelled[i] || qty[i] < 0 ? 1 : 0;
  // purchases grouped by key, in time order
  const key = (i: number) => (item ? `${cust[i]}\u0000${item[i]}` : `${cust[i]}`);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  const groups = new Map<string, number[]>();
  let returns = 0;
  let unmatched = 0;
  const touched = new Uint8Array(n);
  for (const i of order) {
    if (cust[i] < 0) continue;
    if (!isReturn[i]) {
      if (left[i] > 0) {
        const k = key(i);
        let g = groups.get(k);
        if (!g) groups.set(k, (g = []));
        g.push(i);
      }
      continue;
    }
    returns++;
    let need = Math.abs(byItem ? qty[i] : amount[i]);
    const g = groups.get(key(i));
    for (let p = g ? g.length - 1 : -1; p >= 0 && need > 0; p--) {
      const j = g![p];
      if (left[j] <= 0) continue;
      const take = Math.min(left[j], need);
      left[j] -= take;
      need -= take;
      touched[j] = 1;
    }
    if (need > 1e-9) unmatched++;
  }
  const keep = new Uint8Array(n);
  const q2 = Float64Array.from(qty);
  const a2 = Float64Array.from(amount);
  let removed = 0;
  let netted = 0;
  for (let i = 0; i < n; i++) {
    if (isReturn[i] && cust[i] >= 0) {
      removed++;
      continue;
    }
    if (touched[i]) {
      netted++;
      if (byItem) {
        q2[i] = left[i];
        a2[i] = left[i] * price[i];
      } else {
        a2[i] = left[i];
      }
      if (left[i] <= 1e-9) {
        removed++;
        continue;
      }
    }
    keep[i] = 1;
  }
  // returns without a customer are left for the missing-customer step
  for (let i = 0; i < n; i++) if (isReturn[i] && cust[i] < 0) keep[i] = 1;
  if (removed === 0) return { table: tx, removed, returns, unmatched, netted };
  const cols: Record<string, Vector> = {};
  for (const f of tx.schema.fields) {
    cols[f.name] = f.name === 'quantity' ? makeVector(q2) : f.name === 'amount' ? makeVector(a2) : tx.getChild(f.name)!;
  }
  return { table: keepRows(new Table(cols), keep), removed, returns, unmatched, netted };
}
