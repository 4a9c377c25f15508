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

/** The keep mask of `dropCancelled` (1 = not a cancellation). */
export function cancelledKeep(tx: Table): { keep: Uint8Array; removed: number } {
  const flag = bytes(tx, 'cancelled');
  const keep = new Uint8Array(flag.length);
  let removed = 0;
  for (let i = 0; i < flag.length; i++) {
    keep[i] = flag[i] ^ 1;
    removed += flag[i];
  }
  return { keep, removed };
}
