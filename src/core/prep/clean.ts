/**
 * The cleaning pipeline: run the preprocessing steps in a fixed order and log what each removed.
 */
import type { Table } from 'apache-arrow';
import { codes, makeTable } from '../table';
import { dropMissingCustomer, missingCustomerKeep } from './missingCustomer';
import { dropCancelled, cancelledKeep } from './cancelled';
import { dropNonPositiveQuantity, dropNonPositivePrice, positiveKeep } from './nonPositive';
import { dedupe, dedupeKeep } from './dedupe';
import { keepRows } from './keepRows';
import { netReturns } from './returns';

/** Which steps `clean` runs; every step is on by default. */
export interface CleanOptions {
  /** Drop lines without a customer id. Default true. */
  missingCustomer?: boolean;
  /** Handle cancelled orders (and, with returns 'net', negative quantities). Default true. */
  cancelled?: boolean;
  /**
   * What the cancelled step does: 'drop' (default) removes cancelled lines; 'net' takes each return
   * back from the same customer's earlier purchase of the same item (`netReturns`).
   */
  returns?: 'drop' | 'net';
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
    keep: (tx: Table) => missingCustomerKeep(tx).keep,
  },
  {
    key: 'cancelled',
    label: 'Cancelled orders',
    reason: 'A cancellation is not a purchase; keeping it would understate spend and overstate frequency.',
    run: dropCancelled,
    keep: (tx: Table) => cancelledKeep(tx).keep,
  },
  {
    key: 'nonPositiveQuantity',
    label: 'Quantity ≤ 0',
    reason: 'Returns and stock adjustments carry no positive quantity and are not purchases.',
    run: dropNonPositiveQuantity,
    keep: (tx: Table) => positiveKeep(tx, 'quantity').keep,
  },
  {
    key: 'nonPositivePrice',
    label: 'Unit price ≤ 0',
    reason: 'Free items, write-offs and bad-debt adjustments have no positive price and are not sales.',
    run: dropNonPositivePrice,
    keep: (tx: Table) => positiveKeep(tx, 'price').keep,
  },
  {
    key: 'duplicates',
    label: 'Duplicate lines',
    reason: 'A line repeated exactly in every column is a double record, not a second purchase.',
    run: dedupe,
    keep: (tx: Table, within: Uint8Array) => dedupeKeep(tx, within).keep,
  },
] as const;

const NET_REASON =
  'A return takes its quantity back from the same customer\'s latest earlier purchase of the same item, so spend is what the customer kept.';

/** Distinct non-null customer codes among the rows where `keep` is 1. */
function distinctKept(c: Int32Array, size: number, keep: Uint8Array): number {
  const seen = new Uint8Array(size);
  let n = 0;
  for (let i = 0; i < c.length; i++) {
    const k = c[i];
    if (keep[i] && k >= 0 && !seen[k]) {
      seen[k] = 1;
      n++;
    }
  }
  return n;
}

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
 *   clean(tx, { returns: 'net' });    // net returns against purchases instead of dropping them
 *
 * Throws a clear error naming the step when no row is left.
 */
export function clean(tx: Table, opts: CleanOptions = {}): { table: Table; steps: Table } {
  const on: Required<CleanOptions> = {
    missingCustomer: true,
    cancelled: true,
    nonPositiveQuantity: true,
    nonPositivePrice: true,
    duplicates: true,
    returns: 'drop',
    ...opts,
  };
  if (on.returns !== 'drop' && on.returns !== 'net') throw new Error(`clean: returns must be "drop" or "net", got "${on.returns}"`);
  const step: string[] = ['loaded'];
  const label: string[] = ['Loaded'];
  const reason: string[] = ['The transactions as loaded, before any cleaning.'];
  const removed: number[] = [0];
  const rows: number[] = [tx.numRows];
  const customers: number[] = [distinctCustomers(tx)];
  let table = tx;
  if (on.returns === 'drop') {
    // Every step is a row filter: combine their keep masks on the loaded table and copy the
    // surviving rows once (instead of once per step); the counts are the same as step by step.
    const keep = new Uint8Array(tx.numRows).fill(1);
    const { codes: customer, dict } = codes(tx, 'customer');
    for (const s of CLEAN_STEPS) {
      if (!on[s.key]) continue;
      const k = s.keep(tx, keep);
      let gone = 0;
      for (let i = 0; i < keep.length; i++) {
        if (keep[i] && !k[i]) {
          keep[i] = 0;
          gone++;
        }
      }
      step.push(s.key);
      label.push(s.label);
      reason.push(s.reason);
      removed.push(gone);
      rows.push(rows[rows.length - 1] - gone);
      customers.push(gone ? distinctKept(customer, dict.length, keep) : customers[customers.length - 1]);
    }
    table = rows[rows.length - 1] === tx.numRows ? tx : keepRows(tx, keep);
  } else {
    for (const s of CLEAN_STEPS) {
      if (!on[s.key]) continue;
      const netting = s.key === 'cancelled';
      const r = netting ? netReturns(table) : s.run(table);
      table = r.table;
      step.push(netting ? 'returnsNetted' : s.key);
      label.push(netting ? 'Returns netted' : s.label);
      reason.push(netting ? NET_REASON : s.reason);
      removed.push(r.removed);
      rows.push(table.numRows);
      customers.push(r.removed ? distinctCustomers(table) : customers[customers.length - 1]);
    }
  }
  if (table.numRows === 0) {
    if (rows[0] === 0) throw new Error('0 rows left after cleaning: the transactions table is empty (no rows were loaded)');
    const trail = label.map((l, i) => `${l} ${rows[i].toLocaleString('en-US')}`).join(' → ');
    const last = rows.findIndex((r) => r === 0);
    throw new Error(
      `0 rows left after cleaning: "${label[last]}" removed the last ${removed[last].toLocaleString('en-US')} rows ` +
        `(rows after each step: ${trail}). Check the column roles (is the right column mapped to ` +
        `customer id, quantity, unit price?) or switch that step off.`,
    );
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
