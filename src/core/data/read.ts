/**
 * Readers that turn a user's column (any Arrow type it arrived in) into what a canonical column
 * needs: normalised id codes, epoch milliseconds, or numbers, with located DataErrors.
 *
 * @example
 *   idCodes(table, 'CustomerID');            // { codes, dict: ['17850', …] } (17850.0 → '17850')
 *   timeMs(table, 'InvoiceDate', 'x.csv');   // Float64Array of UTC ms (NaN = null)
 *   numbers(table, 'Quantity', 'x.csv');     // Float64Array (NaN = null)
 */
import { Table, Type, Vector } from 'apache-arrow';
import { DataError } from '../errors';
import { codes as tableCodes, type Codes } from '../table';
import { parseNumber } from './csv';
import { DATE_FORMATS, DATE_FORMATS_TEXT, detectDateFormat, parseDate } from './dates';

const INT_WITH_ZERO_FRACTION = /^([+-]?\d+)\.0+$/;

/**
 * Normalise an id text: trims spaces; `17850.0` → `17850`.
 *
 * @example
 *   normaliseId(' 17850.0 '); // '17850'
 */
export function normaliseId(s: string): string {
  const t = s.trim();
  const m = INT_WITH_ZERO_FRACTION.exec(t);
  return m ? m[1] : t;
}

function column(table: Table, name: string): Vector {
  const col = table.getChild(name);
  if (!col) throw new Error(`column \`${name}\` not found`);
  return col;
}

function isNumeric(typeId: number): boolean {
  return typeId === Type.Int || typeId === Type.Float || typeId === Type.Decimal;
}

function isText(typeId: number): boolean {
  return typeId === Type.Dictionary || typeId === Type.Utf8 || typeId === Type.LargeUtf8;
}

/** Plain numbers of a numeric column, whatever its chunking (nulls → NaN). */
function numericValues(col: Vector): Float64Array {
  const out = new Float64Array(col.length);
  let k = 0;
  for (const data of col.data) {
    const hasNulls = data.nullCount > 0;
    const values = data.values as ArrayLike<number | bigint>;
    const stride = data.type.typeId === Type.Decimal ? 0 : 1;
    for (let i = 0; i < data.length; i++, k++) {
      if (hasNulls && !data.getValid(i)) out[k] = NaN;
      // values start at the chunk's first row (Arrow cuts them on slice); getValid applies the offset
      else out[k] = stride ? Number(values[i]) : Number(col.get(k));
    }
  }
  return out;
}

/**
 * Dictionary codes of an id-like column with normalised texts (`17850.0` → `17850`, trimmed);
 * numeric ids are written without a fraction when whole. Entries that normalise alike merge.
 * With `normalise` false (default true) text is kept verbatim (item names, countries).
 *
 * @example
 *   idCodes(makeTable({ c: Float64Array.of(17850, 17850) }), 'c'); // { codes: [0, 0], dict: ['17850'] }
 */
export function idCodes(table: Table, name: string, normalise = true): Codes {
  const col = column(table, name);
  const typeId = col.type.typeId;
  const n = col.length;
  const index = new Map<string, number>();
  const dict: string[] = [];
  const intern = (s: string): number => {
    let c = index.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      index.set(s, c);
    }
    return c;
  };
  const out = new Int32Array(n);
  if (isNumeric(typeId)) {
    const v = numericValues(col);
    const byNumber = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (x !== x) {
        out[i] = -1;
        continue;
      }
      let c = byNumber.get(x);
      if (c === undefined) {
        c = intern(String(x));
        byNumber.set(x, c);
      }
      out[i] = c;
    }
    return { codes: out, dict };
  }
  if (isText(typeId)) {
    const src = tableCodes(table, name);
    const remap = new Int32Array(src.dict.length);
    for (let c = 0; c < src.dict.length; c++) {
      const s = normalise ? normaliseId(src.dict[c]) : src.dict[c];
      remap[c] = s === '' ? -1 : intern(s);
    }
    for (let i = 0; i < n; i++) out[i] = src.codes[i] < 0 ? -1 : remap[src.codes[i]];
    return { codes: out, dict };
  }
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    out[i] = v === null || v === undefined ? -1 : intern(normalise ? normaliseId(String(v)) : String(v));
  }
  return { codes: out, dict };
}

/**
 * Epoch milliseconds (UTC) of a time column: Arrow timestamps and dates of any unit, text in one
 * of the `dates.ts` formats, or numbers (see `epochMs`: YYYYMMDD integers, epoch s/ms/µs/ns).
 * Nulls become NaN. Anything else is a DataError naming the first
 * bad value, its 1-based row, the column and the accepted formats.
 *
 * @example
 *   timeMs(parseCsv('t\n2024-01-01\n', { file: 'f' }), 't', 'f'); // Float64Array [1704067200000]
 */
export function timeMs(table: Table, name: string, file: string): Float64Array {
  const col = column(table, name);
  const type = col.type;
  const n = col.length;
  const bad = (row: number, value: string): DataError =>
    new DataError({ file, row, column: name, value, problem: 'is not a timestamp', expected: DATE_FORMATS_TEXT });
  if (type.typeId === Type.Timestamp) {
    const unit = (type as { unit: number }).unit; // 0 s, 1 ms, 2 µs, 3 ns
    const scale = [1000, 1, 1e-3, 1e-6][unit];
    const raw = numericValuesOfInts(col);
    for (let i = 0; i < n; i++) raw[i] *= scale;
    return raw;
  }
  if (type.typeId === Type.Date) {
    const unit = (type as { unit: number }).unit; // 0 day, 1 ms
    const raw = numericValuesOfInts(col);
    if (unit === 0) for (let i = 0; i < n; i++) raw[i] *= 86_400_000;
    return raw;
  }
  if (isNumeric(type.typeId)) return epochMs(numericValues(col), name, file);
  if (isText(type.typeId)) {
    const { codes, dict } = tableCodes(table, name);
    const present = dict.filter((s) => s.trim() !== '').map((s) => s.trim());
    // The format that reads every value, else the one of the first value (so the error names
    // the first value that breaks it).
    const fmt = detectDateFormat(present) ?? (present.length ? DATE_FORMATS.find((f) => !Number.isNaN(parseDate(present[0], f))) ?? null : null);
    const lookup = new Float64Array(dict.length);
    for (let c = 0; c < dict.length; c++) {
      const s = dict[c].trim();
      lookup[c] = s === '' ? NaN : fmt ? parseDate(s, fmt) : NaN;
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c < 0) {
        out[i] = NaN;
        continue;
      }
      const v = lookup[c];
      if (v !== v && dict[c].trim() !== '') throw bad(i + 1, dict[c]);
      out[i] = v;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    if (v !== null && v !== undefined) throw bad(i + 1, String(v));
  }
  return new Float64Array(n).fill(NaN);
}

const MS_NAME = /(^|[^a-z])(ms|msec|millis|milliseconds?)$|millis/i;
const S_NAME = /(^|[^a-z])(s|sec|secs|seconds?|unix|epoch)$/i;

/** Whether every finite value is an integer `YYYYMMDD` date (years 1800–2199). */
function allCompactDates(v: Float64Array): boolean {
  let any = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    if (x < 18000101 || x > 21991231 || x !== Math.floor(x) || Number.isNaN(parseDate(String(x), 'yyyymmdd'))) return false;
    any = true;
  }
  return any;
}

/**
 * The unit of epoch numbers: by the column name (`…_ms`, `millis` → ms; `…_s`, `sec`, `unix`,
 * `epoch` → s), else by magnitude of the largest |value|: ≥ 1e17 ns, ≥ 1e14 µs, ≥ 1e11 ms, else s.
 *
 * @example
 *   epochUnit(Float64Array.of(1291191960), 'ts'); // 's'
 */
export function epochUnit(v: Float64Array, name = ''): 's' | 'ms' | 'us' | 'ns' {
  const n = name.trim();
  if (MS_NAME.test(n)) return 'ms';
  if (S_NAME.test(n)) return 's';
  let max = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > max) max = a;
  }
  return max >= 1e17 ? 'ns' : max >= 1e14 ? 'us' : max >= 1e11 ? 'ms' : 's';
}

/**
 * Epoch milliseconds from a numeric time column: integer `YYYYMMDD` dates when every value is one,
 * else epoch numbers (all ≥ 1e8) in the unit of `epochUnit`. NaN stays NaN (null); ±Infinity or a
 * small number (< 1e8, not YYYYMMDD) is a DataError naming the first such value.
 *
 * @example
 *   epochMs(Float64Array.of(20101201), 'date', 'f');        // [1291161600000]
 *   epochMs(Float64Array.of(1291191960), 'unix_time', 'f'); // [1291191960000]
 */
export function epochMs(v: Float64Array, name: string, file: string): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    if (v[i] === Infinity || v[i] === -Infinity) {
      throw new DataError({ file, row: i + 1, column: name, value: String(v[i]), problem: 'is not a timestamp', expected: DATE_FORMATS_TEXT });
    }
  }
  if (allCompactDates(v)) {
    for (let i = 0; i < v.length; i++) out[i] = v[i] !== v[i] ? NaN : parseDate(String(v[i]), 'yyyymmdd');
    return out;
  }
  if (!looksLikeEpochColumn(v)) {
    // Small numbers (a day count, a row number…) are not timestamps: name the first one.
    let i = 0;
    while (i < v.length && (v[i] !== v[i] || v[i] >= 1e8)) i++;
    throw new DataError({ file, row: i + 1, column: name, value: String(v[i]), problem: 'is not a timestamp', expected: DATE_FORMATS_TEXT });
  }
  const scale = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 }[epochUnit(v, name)];
  for (let i = 0; i < v.length; i++) out[i] = v[i] * scale;
  return out;
}

/**
 * Whether a numeric column can serve as the time role: YYYYMMDD integers, or epochs between
 * 1973 and 2100 in some unit (values ≥ 1e8).
 *
 * @example
 *   looksLikeEpochColumn(Float64Array.of(1291191960, 1291191999)); // true
 *   looksLikeEpochColumn(Float64Array.of(5, 7));                   // false
 */
export function looksLikeEpochColumn(v: Float64Array): boolean {
  if (allCompactDates(v)) return true;
  let any = false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    if (!(x >= 1e8 && x < 4.2e18)) return false;
    any = true;
  }
  return any;
}

/** Numbers of any numeric column (nulls → NaN), for callers outside this module. */
export function numericColumn(table: Table, name: string): Float64Array | null {
  const col = column(table, name);
  return isNumeric(col.type.typeId) ? numericValues(col) : null;
}

/** Values of an integer-backed column (timestamps, dates) as numbers; nulls → NaN. */
function numericValuesOfInts(col: Vector): Float64Array {
  const out = new Float64Array(col.length);
  let k = 0;
  for (const data of col.data) {
    const hasNulls = data.nullCount > 0;
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++, k++) {
      // values start at the chunk's first row (Arrow cuts them on slice); getValid applies the offset
      out[k] = hasNulls && !data.getValid(i) ? NaN : Number(values[i]);
    }
  }
  return out;
}

/**
 * Numbers of a quantity / price / amount column: numeric Arrow types as they are, text parsed as
 * numbers. Nulls (and empty text) become NaN; any other text is a DataError with row and value.
 *
 * @example
 *   numbers(parseCsv('q\n2\n\n', { file: 'f' }), 'q', 'f', 'quantity'); // Float64Array [2]
 */
export function numbers(table: Table, name: string, file: string, role = 'number'): Float64Array {
  const col = column(table, name);
  const typeId = col.type.typeId;
  const n = col.length;
  const bad = (row: number, value: string): DataError =>
    new DataError({ file, row, column: name, value, problem: 'is not a number', expected: `a number for the ${role} role` });
  if (isNumeric(typeId)) return numericValues(col);
  if (typeId === Type.Bool) {
    for (let i = 0; i < n; i++) {
      const v = col.get(i);
      if (v !== null) throw bad(i + 1, String(v));
    }
  }
  if (isText(typeId)) {
    const { codes, dict } = tableCodes(table, name);
    const lookup = new Float64Array(dict.length);
    for (let c = 0; c < dict.length; c++) lookup[c] = dict[c].trim() === '' ? NaN : parseNumber(dict[c]);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c < 0) {
        out[i] = NaN;
        continue;
      }
      const v = lookup[c];
      if (v !== v && dict[c].trim() !== '') throw bad(i + 1, dict[c]);
      out[i] = v;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    if (v !== null && v !== undefined) throw bad(i + 1, String(v));
  }
  return new Float64Array(n).fill(NaN);
}
