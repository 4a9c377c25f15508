/**
 * Preprocessing step: drop lines without a customer id.
 */
import type { Table } from 'apache-arrow';
import { codes } from '../table';
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

/** The keep mask of `dropMissingCustomer` (1 = the line has a non-blank customer id). */
export function missingCustomerKeep(tx: Table): { keep: Uint8Array; removed: number } {
  const { codes: c, dict } = codes(tx, 'customer');
  const blank = new Uint8Array(dict.length);
  for (let k = 0; k < dict.length; k++) blank[k] = dict[k].trim() === '' ? 1 : 0;
  const keep = new Uint8Array(c.length);
  let removed = 0;
  for (let i = 0; i < c.length; i++) {
    const ok = c[i] >= 0 && blank[c[i]] === 0;
    keep[i] = ok ? 1 : 0;
    if (!ok) removed++;
  }
  return { keep, removed };
}
