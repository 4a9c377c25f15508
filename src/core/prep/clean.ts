/**
 * The cleaning pipeline: run the preprocessing steps in a fixed order and log what each removed.
 */
import type { Table } from 'apache-arrow';
import { codes, makeTable } from '../table';
import { dropMissingCustomer } from './missingCustomer';
import { dropCancelled } from './cancelled';
import { dropNonPositiveQuantity, dropNonPositivePrice } from './nonPositive';
import { dedupe } from './dedupe';

/** Which steps `clean` runs; every step is on by default. */
export interface CleanOptions {
  /** Drop lines without a customer id. Default true. */
  missingCustomer?: boolean;
  /** Drop lines of cancelled orders. Default true. */
  cancelled?: boolean;
  /** Drop lines with quantity ≤ 0. Default true. */
  nonPositiveQuantity?: boolean;
  /** Drop lines with unit price ≤ 0. Default true. */
  nonPositivePrice?: boolean;
  /** Drop exact duplicate lines. Default true. */
  duplicates?: boolean;
}

/** The steps in the order `clean` runs them, with their log texts. */
export const CLEAN_STEPS = [
  {
    key: 'missingCustomer',
    label: 'Missing customer id',
    reason: 'A line without a customer id cannot be attributed to anyone, so it cannot enter a profile.',
    run: dropMissingCustomer,
  },
  {
    key: 'cancelled',
    label: 'Cancelled orders',
    reason: 'A cancellation is not a purchase; keeping it would understate spend and overstate frequency.',
    run: dropCancelled,
  },
  {
    key: 'nonPositiveQuantity',
    label: 'Quantity ≤ 0',
    reason: 'Returns and stock adjustments carry no positive quantity and are not purchases.',
    run: dropNonPositiveQuantity,
  },
  {
    key: 'nonPositivePrice',
    label: 'Unit price ≤ 0',
    reason: 'Free items, write-offs and bad-debt adjustments have no positive price and are not sales.',
    run: dropNonPositivePrice,
  },
  {
    key: 'duplicates',
    label: 'Duplicate lines',
    reason: 'A line repeated exactly in every column is a double record, not a second purchase.',
    run: dedupe,
  },
] as const;

function distinctCustomers(tx: Table): number {
  const { codes: c, dict } = codes(tx, 'customer');
  const seen = new Uint8Array(dict.length);
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    const k = c[i];
    if (k >= 0 && !seen[k]) {
      seen[k] = 1;
      n++;
    }
  }
  return n;
}

/**
 * Clean a canonical transactions table: drop missing customer ids, cancelled orders, quantity ≤ 0,
 * unit price ≤ 0, then exact duplicates — in that order; each step can be switched off.
 *
 * `steps` logs the run: columns step (key, e.g. `cancelled`), label (e.g. "Cancelled orders"),
 * reason (one sentence), removed, rows (rows left), customers (distinct non-null customers left).
 * Its first row is `loaded` (the input, removed 0); steps switched off get no row.
 *
 * @example
 *   const { table, steps } = clean(tx);
 *   // Online Retail: rows 541,909 → 406,829 → 397,924 → 397,924 → 397,884 → 392,692; 4,338 customers
 *   clean(tx, { duplicates: false }); // keep duplicate lines
 */
export function clean(tx: Table, opts: CleanOptions = {}): { table: Table; steps: Table } {
  const on: Required<CleanOptions> = {
    missingCustomer: true,
    cancelled: true,
    nonPositiveQuantity: true,
    nonPositivePrice: true,
    duplicates: true,
    ...opts,
  };
  const step: string[] = ['loaded'];
  const label: string[] = ['Loaded'];
  const reason: string[] = ['The transactions as loaded, before any cleaning.'];
  const removed: number[] = [0];
  const rows: number[] = [tx.numRows];
  const customers: number[] = [distinctCustomers(tx)];
  let table = tx;
  for (const s of CLEAN_STEPS) {
    if (!on[s.key]) continue;
    const r = s.run(table);
    table = r.table;
    step.push(s.key);
    label.push(s.label);
    reason.push(s.reason);
    removed.push(r.removed);
    rows.push(table.numRows);
    customers.push(r.removed ? distinctCustomers(table) : customers[customers.length - 1]);
  }
  const steps = makeTable({
    step,
    label,
    reason,
    removed: Int32Array.from(removed),
    rows: Int32Array.from(rows),
    customers: Int32Array.from(customers),
  });
  return { table, steps };
}
