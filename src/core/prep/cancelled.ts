/**
 * Preprocessing step: drop cancelled order lines.
 */
import type { Table } from 'apache-arrow';
import { keepRows } from './keepRows';
import { bytes } from '../stats/columns';

/**
 * Drop the lines of cancelled orders (the canonical `cancelled` flag, e.g. invoice ids starting
 * with `C`). A cancellation is not a purchase; counting it would understate spend and overstate
 * frequency. Returns the input table itself when nothing is removed.
 *
 * @example
 *   dropCancelled(tx).removed; // Online Retail after dropping missing ids: 8,905
 */
export function dropCancelled(tx: Table): { table: Table; removed: number } {
  const { keep, removed } = cancelledKeep(tx);
  return { table: removed ? keepRows(tx, keep) : tx, removed };
}

/**
 * The keep mask of `dropCancelled` (1 = not a cancellation).
 *
 * @example cancelledKeep(tx).removed; // Online Retail: 9,288 cancelled lines
 */
export function cancelledKeep(tx: Table): { keep: Uint8Array; removed: number } {
  const keep = bytes(tx, 'cancelled'); // a fresh array: flipped in place
  let removed = 0;
  for (let i = 0; i < keep.length; i++) {
    removed += keep[i];
    keep[i] ^= 1;
  }
  return { keep, removed };
}
