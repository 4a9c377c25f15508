/**
 * Preprocessing step: drop lines without a customer id.
 */
import type { Table } from 'apache-arrow';
import { lazyCodes } from '../stats/columns';
import { keepRows } from './keepRows';

/**
 * Drop transaction lines whose `customer` is null or blank (empty / whitespace only).
 * Such lines cannot be attributed to anyone, so they cannot enter a customer profile.
 * Returns the input table itself (no copy) when nothing is removed.
 *
 * @example
 *   const { table, removed } = dropMissingCustomer(tx); // Online Retail: removed 135,080
 */
export function dropMissingCustomer(tx: Table): { table: Table; removed: number } {
  const { keep, removed } = missingCustomerKeep(tx);
  return { table: removed ? keepRows(tx, keep) : tx, removed };
}

/**
 * The keep mask of `dropMissingCustomer` (1 = the line has a non-blank customer id). Reads the
 * dictionary codes in place (nulls from the validity bitmap) and tests each dictionary entry once.
 *
 * @example missingCustomerKeep(tx).removed; // Online Retail: 135,080
 */
export function missingCustomerKeep(tx: Table): { keep: Uint8Array; removed: number } {
  const { codes: c, size, value } = lazyCodes(tx, 'customer');
  // ok[k + 1] = 1 when code k is a non-blank id; ok[0] stands for null (code -1)
  const ok = new Uint8Array(size + 1);
  for (let k = 0; k < size; k++) ok[k + 1] = value(k).trim() === '' ? 0 : 1;
  const keep = new Uint8Array(c.length);
  let kept = 0;
  for (let i = 0; i < c.length; i++) {
    const o = ok[c[i] + 1];
    keep[i] = o;
    kept += o;
  }
  return { keep, removed: c.length - kept };
}
