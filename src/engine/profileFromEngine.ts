/**
 * The per-customer profile from outside the JS path — a SQL engine's result or a feature file
 * computed elsewhere (Parquet, Arrow or CSV) — as an Arrow table in exactly the shape of `rfm`'s:
 * customer (Dictionary<Utf8>), recency, frequency (Int32), monetary, aov (Float64), tenure (Int32),
 * first, last (TimestampMillisecond), sorted by customer id (UTF-16 code-unit order).
 */
import type { Table } from 'apache-arrow';
import { DataError } from '../core/errors';
import { dictionaryVector, makeTable } from '../core/table';
import { hasColumn, timeMs, timestampVector } from '../core/stats/columns';

/** Columns of a profile as plain arrays (what a SQL engine hands back). Times are epoch ms. */
export interface ProfileColumns {
  customer: ArrayLike<string | null>;
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
  aov?: ArrayLike<number>;
  tenure?: ArrayLike<number>;
  first?: ArrayLike<number>;
  last?: ArrayLike<number>;
}

function sortedOrder(ids: ArrayLike<string>): Int32Array {
  const n = ids.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(ids[i - 1] < ids[i])) sorted = false;
  if (!sorted) order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  return order;
}

/**
 * Build the `rfm`-shaped table from columns, sorting rows by customer id. Missing `aov` becomes
 * monetary / frequency (0 when frequency is 0); missing `tenure`, `first`, `last` become null.
 *
 * @example
 *   profileFromColumns({ customer: ['b', 'a'], recency: [3, 1], frequency: [2, 1], monetary: [10, 5] });
 *   // rows a, b; aov 5, 5
 */
export function profileFromColumns(c: ProfileColumns): Table {
  const n = c.customer.length;
  const ids = Array.from(c.customer, (v) => String(v));
  const order = sortedOrder(ids);
  const pick = (src: ArrayLike<number> | undefined, out: Int32Array | Float64Array, fill: number) => {
    for (let k = 0; k < n; k++) out[k] = src ? Number(src[order[k]]) : fill;
    return out;
  };
  const frequency = pick(c.frequency, new Int32Array(n), 0) as Int32Array;
  const monetary = pick(c.monetary, new Float64Array(n), 0) as Float64Array;
  const aov = new Float64Array(n);
  for (let k = 0; k < n; k++) aov[k] = c.aov ? Number(c.aov[order[k]]) : frequency[k] > 0 ? monetary[k] / frequency[k] : 0;
  return makeTable({
    customer: dictionaryVector({ codes: Int32Array.from({ length: n }, (_, k) => k), dict: Array.from(order, (i) => ids[i]) }),
    recency: pick(c.recency, new Int32Array(n), 0),
    frequency,
    monetary,
    aov,
    tenure: pick(c.tenure, new Int32Array(n), 0),
    first: timestampVector(pick(c.first, new Float64Array(n), NaN) as Float64Array),
    last: timestampVector(pick(c.last, new Float64Array(n), NaN) as Float64Array),
  });
}

/** Required and optional columns of a per-customer feature file. */
export const FEATURE_COLUMNS = {
  required: ['customer', 'recency', 'frequency', 'monetary'],
  optional: ['aov', 'tenure', 'first', 'last'],
} as const;

/**
 * Validate a per-customer feature file computed elsewhere (e.g. by `profileSql` on a warehouse)
 * and turn it into the profile table downstream cells expect. Column names are matched
 * case-insensitively. Checks, each a located `DataError` (file, row, column, value): every required
 * column is present (customer, recency, frequency, monetary); customer ids are non-empty and unique;
 * recency, tenure, frequency are whole numbers ≥ 0; monetary, aov are finite numbers. Optional
 * aov/tenure/first/last are used when present (aov defaults to monetary / frequency).
 *
 * @example
 *   const features = profileFromFeatures(await loadDataset('customers.parquet'), { file: 'customers.parquet' });
 */
export function profileFromFeatures(table: Table, opts: { file?: string } = {}): Table {
  const file = opts.file ?? 'feature file';
  const names = table.schema.fields.map((f) => f.name);
  const find = (want: string) => names.find((n) => n.trim().toLowerCase() === want.toLowerCase());
  for (const col of FEATURE_COLUMNS.required) {
    if (!find(col)) {
      throw new DataError({
        file,
        problem: `has no \`${col}\` column`,
        expected: `columns ${FEATURE_COLUMNS.required.join(', ')} (optional: ${FEATURE_COLUMNS.optional.join(', ')}); found ${names.join(', ') || 'none'}`,
      });
    }
  }
  const n = table.numRows;
  const idCol = find('customer')!;
  const idVec = table.getChild(idCol)!;
  const seen = new Map<string, number>();
  const customer: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = idVec.get(i) as unknown;
    const id = v === null || v === undefined ? '' : String(v).trim().replace(/\.0+$/, '');
    if (!id) throw new DataError({ file, row: i + 1, column: idCol, value: String(v ?? ''), problem: 'is an empty customer id', expected: 'a non-empty id on every row' });
    const before = seen.get(id);
    if (before !== undefined) {
      throw new DataError({ file, row: i + 1, column: idCol, value: id, problem: `repeats the customer of row ${(before + 1).toLocaleString('en-US')}`, expected: 'one row per customer' });
    }
    seen.set(id, i);
    customer[i] = id;
  }
  const numeric = (col: string, whole: boolean): Float64Array | undefined => {
    const name = find(col);
    if (!name) return undefined;
    const vec = table.getChild(name)!;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const raw = vec.get(i) as unknown;
      const x = raw === null || raw === undefined || raw === '' ? NaN : Number(raw);
      v[i] = x;
      const bad = !Number.isFinite(x) ? 'is not a number' : whole && (x < 0 || !Number.isInteger(x)) ? 'is not a whole number ≥ 0' : null;
      if (bad) {
        throw new DataError({ file, row: i + 1, column: name, value: raw === null || raw === undefined ? '' : String(raw), problem: bad, expected: whole ? 'a count of days or orders, e.g. 12' : 'a number, e.g. 154.3' });
      }
    }
    return v;
  };
  const time = (col: string): Float64Array | undefined => {
    const name = find(col);
    return name && hasColumn(table, name) ? timeMs(table, name) : undefined;
  };
  return profileFromColumns({
    customer,
    recency: numeric('recency', true)!,
    frequency: numeric('frequency', true)!,
    monetary: numeric('monetary', false)!,
    aov: numeric('aov', false),
    tenure: numeric('tenure', true),
    first: time('first'),
    last: time('last'),
  });
}

/** How closely two profiles agree (see `compareProfiles`). */
export interface ProfileAgreement {
  /** Customers in each profile. */
  customers: [number, number];
  /** True when both have exactly the same customer ids in the same order. */
  sameCustomers: boolean;
  /** Largest |a − b| per integer column (recency, frequency, tenure) and of first/last in ms. */
  maxAbsDiff: Record<string, number>;
  /** Largest |a − b| / max(1, |b|) of monetary and aov. */
  maxRelDiff: Record<string, number>;
  /** sameCustomers, integer columns and times equal, monetary and aov within `tolerance` relative. */
  agree: boolean;
}

/**
 * Compare two `rfm`-shaped profiles row by row (e.g. DuckDB's against the JS engine's).
 * `tolerance` (default 1e-9) bounds the relative difference of the float columns, whose sums may
 * be added in another order by another engine.
 *
 * @example compareProfiles(stages.profile, rfm(clean(tx).table)).agree // true
 */
export function compareProfiles(a: Table, b: Table, opts: { tolerance?: number } = {}): ProfileAgreement {
  const tolerance = opts.tolerance ?? 1e-9;
  const ia = a.getChild('customer')!;
  const ib = b.getChild('customer')!;
  let sameCustomers = a.numRows === b.numRows;
  for (let i = 0; sameCustomers && i < a.numRows; i++) if (String(ia.get(i)) !== String(ib.get(i))) sameCustomers = false;
  const maxAbsDiff: Record<string, number> = {};
  const maxRelDiff: Record<string, number> = {};
  const n = Math.min(a.numRows, b.numRows);
  for (const c of ['recency', 'frequency', 'tenure', 'first', 'last']) {
    const x = timeMs(a, c);
    const y = timeMs(b, c);
    let m = 0;
    for (let i = 0; i < n; i++) m = Math.max(m, x[i] === y[i] || (x[i] !== x[i] && y[i] !== y[i]) ? 0 : Math.abs(x[i] - y[i]) || Infinity);
    maxAbsDiff[c] = m;
  }
  for (const c of ['monetary', 'aov']) {
    const x = timeMs(a, c);
    const y = timeMs(b, c);
    let m = 0;
    for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(y[i])));
    maxRelDiff[c] = m;
  }
  const agree = sameCustomers && Object.values(maxAbsDiff).every((v) => v === 0) && Object.values(maxRelDiff).every((v) => v <= tolerance);
  return { customers: [a.numRows, b.numRows], sameCustomers, maxAbsDiff, maxRelDiff, agree };
}
