/**
 * The cleaning pipeline: run the preprocessing steps in a fixed order and log what each removed.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { lazyCodes } from '../stats/columns';
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

/** Distinct non-null customer codes. */
function distinct(c: Int32Array, size: number): number {
  const seen = new Uint8Array(size);
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
 * Fold a step's keep mask `k` into `keep` (a row stays when both keep it) in one pass, counting the
 * rows it removes (`gone`) and the distinct non-null customers left (`left`; code c counts once:
 * `seen[c]` is set to `stamp`, a number new to each call).
 */
function fold(keep: Uint8Array, k: Uint8Array, customer: Int32Array, seen: Int32Array, stamp: number): { gone: number; left: number } {
  let gone = 0;
  let left = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    if (!k[i]) {
      keep[i] = 0;
      gone++;
      continue;
    }
    const c = customer[i];
    if (c >= 0 && seen[c] !== stamp) {
      seen[c] = stamp;
      left++;
    }
  }
  return { gone, left };
}

function distinctCustomers(tx: Table): number {
  const { codes: c, size } = lazyCodes(tx, 'customer');
  return distinct(c, size);
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
  const { codes: customer, size } = lazyCodes(tx, 'customer');
  const customers: number[] = [distinct(customer, size)];
  let table = tx;
  if (on.returns === 'drop') {
    // Every step is a row filter: combine their keep masks on the loaded table and copy the
    // surviving rows once (instead of once per step); the counts are the same as step by step.
    const keep = new Uint8Array(tx.numRows).fill(1);
    const seen = new Int32Array(size);
    let stamp = 0;
    for (const s of CLEAN_STEPS) {
      if (!on[s.key]) continue;
      const { gone, left } = fold(keep, s.keep(tx, keep), customer, seen, ++stamp);
      step.push(s.key);
      label.push(s.label);
      reason.push(s.reason);
      removed.push(gone);
      rows.push(rows[rows.length - 1] - gone);
      customers.push(left);
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
