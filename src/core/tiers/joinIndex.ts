/**
 * Customer-id joins for the cells that re-run on every threshold move: the row alignment is computed
 * once per pair of inputs and cached, so a re-run only reads integer codes.
 */
import type { Data, Table } from 'apache-arrow';
import { strings } from '../table';

const cache = new WeakMap<Data, WeakMap<Data, Int32Array>>();

/**
 * For every row of `from`'s `customer` column, the row of the same customer id in `to` (−1 = absent;
 * the first row wins when `to` repeats an id). Cached by the two columns' first Arrow `Data` chunks
 * (immutable, and shared by every table built from the same column — `getChild` makes a new Vector
 * each call, so Vectors cannot be the key), so calling it again costs nothing.
 *
 * @example
 *   const at = joinIndex(rfmScores, tiers); // tiers row of each RFM row
 */
export function joinIndex(from: Table, to: Table): Int32Array {
  const va = from.getChild('customer');
  const vb = to.getChild('customer');
  if (!va || !vb) throw new Error('joinIndex: both tables need a `customer` column');
  // single-chunk columns are keyed by their Data; multi-chunk ones are joined afresh each time
  const a = va.data.length === 1 ? va.data[0] : ({} as Data);
  const b = vb.data.length === 1 ? vb.data[0] : ({} as Data);
  let inner = cache.get(a);
  if (!inner) cache.set(a, (inner = new WeakMap()));
  let out = inner.get(b);
  if (!out) {
    const pos = new Map<string, number>();
    strings(to, 'customer').forEach((c, i) => c !== null && !pos.has(c) && pos.set(c, i));
    out = Int32Array.from(strings(from, 'customer'), (c) => (c === null ? -1 : (pos.get(c) ?? -1)));
    inner.set(b, out);
  }
  return out;
}
