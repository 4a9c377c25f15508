/**
 * Preprocessing step: turn a text column into numbers — one-hot indicator columns or ordinal codes.
 */
import type { Table } from 'apache-arrow';
import { codes, makeTable, type ColumnInput } from '../table';

export interface EncodeOptions {
  /** 'onehot' (default): one 0/1 column per level; 'ordinal': one integer column. */
  method?: 'onehot' | 'ordinal';
  /** One-hot: keep the `top` most frequent levels (default 10); the rest share one `other` column. */
  top?: number;
  /** Ordinal: the levels in order (code 0, 1, …); default: by frequency, most frequent first. */
  order?: readonly string[];
}

/**
 * Encode a text column. One-hot adds columns `<column>=<level>` (1 when the row has that level; a
 * null row is 0 everywhere), the `top` most frequent levels (ties by name) plus `<column>=other`
 * when levels were left out. Ordinal adds `<column>_code`: the level's index in `order` (−1 for a null
 * or a level not in `order`). The input columns are kept, the encoded ones are appended.
 *
 * @example
 *   encodeColumn(features, 'country', { top: 5 });                     // country=United Kingdom, …, country=other
 *   encodeColumn(t, 'size', { method: 'ordinal', order: ['S', 'M', 'L'] }); // size_code 0, 1, 2
 */
export function encodeColumn(table: Table, column: string, opts: EncodeOptions = {}): Table {
  const method = opts.method ?? 'onehot';
  const { codes: c, dict } = codes(table, column);
  const n = c.length;
  const freq = new Int32Array(dict.length);
  for (let i = 0; i < n; i++) if (c[i] >= 0) freq[c[i]]++;
  const byFreq = dict.map((_, k) => k).filter((k) => freq[k] > 0).sort((a, b) => freq[b] - freq[a] || (dict[a] < dict[b] ? -1 : 1));
  const out: Record<string, ColumnInput> = {};
  for (const f of table.schema.fields) out[f.name] = table.getChild(f.name)!;
  if (method === 'ordinal') {
    const order = opts.order ?? byFreq.map((k) => dict[k]);
    const at = new Map(order.map((s, i) => [s, i]));
    const map = Int32Array.from(dict, (s) => at.get(s) ?? -1);
    out[`${column}_code`] = Int32Array.from(c, (k) => (k < 0 ? -1 : map[k]));
    return makeTable(out);
  }
  if (method !== 'onehot') throw new Error(`encodeColumn: method must be "onehot" or "ordinal", got "${method}"`);
  const top = opts.top ?? 10;
  if (!(Number.isInteger(top) && top >= 1)) throw new Error(`encodeColumn: top must be a whole number ≥ 1, got ${top}`);
  const kept = byFreq.slice(0, top);
  const slot = new Int32Array(dict.length).fill(kept.length);
  kept.forEach((k, j) => (slot[k] = j));
  const other = byFreq.length > kept.length;
  const cols = Array.from({ length: kept.length + (other ? 1 : 0) }, () => new Int32Array(n));
  for (let i = 0; i < n; i++) if (c[i] >= 0) cols[slot[c[i]]][i] = 1;
  kept.forEach((k, j) => (out[`${column}=${dict[k]}`] = cols[j]));
  if (other) out[`${column}=other`] = cols[kept.length];
  return makeTable(out);
}
