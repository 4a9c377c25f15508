/**
 * One customer's order history, for a profile card's sparkline.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';
import { lazyCodes, numbersView, timeMs } from '../stats/columns';

/**
 * The orders of one customer, oldest first: order id, time (of its first line) and spend
 * (Σ amount of its lines). Empty when the customer has no line.
 *
 * @example customerHistory(orders, '12347'); // 7 orders, 2010-12-07 … 2011-12-07
 */
export function customerHistory(tx: Table, customer: string): Table {
  const c = lazyCodes(tx, 'customer');
  let code = -1;
  for (let k = 0; k < c.size; k++) {
    if (c.value(k) === customer) {
      code = k;
      break;
    }
  }
  const o = lazyCodes(tx, 'order');
  const t = timeMs(tx, 'time');
  const a = numbersView(tx, 'amount');
  const at = new Map<number, number>();
  const ids: string[] = [];
  const time: number[] = [];
  const spend: number[] = [];
  if (code >= 0) {
    for (let i = 0; i < c.codes.length; i++) {
      if (c.codes[i] !== code) continue;
      let k = at.get(o.codes[i]);
      if (k === undefined) {
        k = ids.length;
        at.set(o.codes[i], k);
        ids.push(o.codes[i] < 0 ? '' : o.value(o.codes[i]));
        time.push(t[i]);
        spend.push(0);
      }
      if (t[i] < time[k]) time[k] = t[i];
      spend[k] += a[i];
    }
  }
  const idx = ids.map((_, k) => k).sort((p, q) => time[p] - time[q] || p - q);
  return makeTable({
    order: idx.map((k) => ids[k]),
    time: { timestampMs: Float64Array.from(idx, (k) => time[k]) },
    spend: Float64Array.from(idx, (k) => spend[k]),
  });
}
