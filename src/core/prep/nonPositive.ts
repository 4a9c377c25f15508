/**
 * Preprocessing steps: drop lines with a quantity or a unit price that is not positive.
 * Two separate steps so the cleaning log shows how many lines each rule removes.
 */
import type { Table } from 'apache-arrow';
import { numbersView } from '../stats/columns';
import { keepRows } from './keepRows';

/**
 * The keep mask of a non-positive filter on `column` (1 = value > 0; NaN/null fails too). A Float64
 * column of one chunk without nulls is read in place.
 *
 * @example positiveKeep(tx, 'price').removed; // Online Retail as loaded: 2,517
 */
export function positiveKeep(tx: Table, column: 'quantity' | 'price'): { keep: Uint8Array; removed: number } {
  const v = numbersView(tx, column);
  const keep = new Uint8Array(v.length);
  let kept = 0;
  for (let i = 0; i < v.length; i++) {
    const ok = v[i] > 0 ? 1 : 0;
    keep[i] = ok;
    kept += ok;
  }
  return { keep, removed: v.length - kept };
}

function dropNotPositive(tx: Table, column: 'quantity' | 'price'): { table: Table; removed: number } {
  const { keep, removed } = positiveKeep(tx, column);
  return { table: removed ? keepRows(tx, keep) : tx, removed };
}

/**
 * Drop lines whose `quantity` is ≤ 0 or null (returns and adjustments, not purchases).
 * Returns the input table itself when nothing is removed.
 *
 * @example
 *   dropNonPositiveQuantity(tx).removed; // Online Retail after the two steps before: 0
 */
export function dropNonPositiveQuantity(tx: Table): { table: Table; removed: number } {
  return dropNotPositive(tx, 'quantity');
}

/**
 * Drop lines whose unit `price` is ≤ 0 or null (free samples, write-offs, bad debt lines).
 * Returns the input table itself when nothing is removed.
 *
 * @example
 *   dropNonPositivePrice(tx).removed; // Online Retail after the steps before: 40
 */
export function dropNonPositivePrice(tx: Table): { table: Table; removed: number } {
  return dropNotPositive(tx, 'price');
}
