/**
 * Column readers shared by the profile stages: inside one `withColumnScope` call (e.g. one
 * `customerFeatures`), `customerStats`, the inter-purchase times and the return rate read the same
 * customer codes and times of the same table, so each is decoded once. Outside a scope nothing is
 * cached (every call decodes afresh, so repeated calls cost the same). Read the arrays, never write.
 */
import type { Data, Table } from 'apache-arrow';
import { lazyCodes, timeMs, type LazyCodes } from '../stats/columns';

let codeCache: Map<Data, LazyCodes> | null = null;
let timeCache: Map<Data, Float64Array> | null = null;

/**
 * Run `fn` with a column cache that lives until it returns (nested scopes share the outer one).
 *
 * @example withColumnScope(() => customerStats(tx, { items: true }));
 */
export function withColumnScope<T>(fn: () => T): T {
  if (codeCache) return fn();
  codeCache = new Map();
  timeCache = new Map();
  try {
    return fn();
  } finally {
    codeCache = null;
    timeCache = null;
  }
}

function chunk(table: Table, name: string): Data | null {
  const col = table.getChild(name);
  return col && col.data.length === 1 ? col.data[0] : null;
}

/**
 * `lazyCodes` of a text column, cached (a nullable dictionary column is copied once per scope).
 *
 * @example cachedCodes(tx, 'customer').codes[0]; // 0
 */
export function cachedCodes(table: Table, name: string): LazyCodes {
  const d = chunk(table, name);
  if (!d) return lazyCodes(table, name);
  let c = codeCache?.get(d);
  if (!c) {
    c = lazyCodes(table, name);
    codeCache?.set(d, c);
  }
  return c;
}

/**
 * `timeMs` of a timestamp column, cached.
 *
 * @example cachedTimes(tx, 'time')[0]; // 1291191960000
 */
export function cachedTimes(table: Table, name: string): Float64Array {
  const d = chunk(table, name);
  if (!d) return timeMs(table, name);
  let t = timeCache?.get(d);
  if (!t) {
    t = timeMs(table, name);
    timeCache?.set(d, t);
  }
  return t;
}
