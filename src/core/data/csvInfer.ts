/**
 * Type inference of a CSV column over its DISTINCT values (an `InternedColumn`), and the column
 * vector it gives. Rules (empty field = null): all `true`/`false` (any case) → Bool; all 8-digit
 * valid `YYYYMMDD` → timestamp; all numbers (`parseNumber`) → Float64; all one date format of
 * `dates.ts` (the first in `DATE_FORMATS` order that reads every value) → TimestampMillisecond
 * (UTC); otherwise Dictionary<Utf8, Int32> in first-seen order.
 *
 * Booleans, `YYYYMMDD` dates and plain decimals are read straight from their bytes; other dates
 * from strings decoded once per distinct value; rows are then filled from a per-value lookup.
 *
 * @example
 *   parseNumber(' 1.5e2 '); // 150
 *   numberAt(new TextEncoder().encode('-12.5'), 0, 5); // -12.5
 */
import type { Vector } from 'apache-arrow';
import { boolVector, float64Vector, timestampVector, utf8DictionaryVector } from './columns';
import type { InternedColumn } from './csvIntern';
import { POW10 } from './csvTyped';
import { DATE_FORMATS, parseDate } from './dates';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Parse a CSV number (plain decimal or exponent notation, surrounding spaces allowed); NaN otherwise.
 *
 * @example
 *   parseNumber('-1.5e2'); // -150
 *   parseNumber('1,5');    // NaN
 */
export function parseNumber(s: string): number {
  return NUMBER.test(s) ? Number(s) : NaN;
}

/**
 * 1 for `true`, 0 for `false` (ASCII, any case), −1 otherwise, for bytes [s, s + len) of `p`.
 *
 * @example
 *   boolAt(new TextEncoder().encode('False'), 0, 5); // 0
 */
export function boolAt(p: Uint8Array, s: number, len: number): number {
  const word = len === 4 ? 'true' : len === 5 ? 'false' : '';
  if (!word) return -1;
  for (let i = 0; i < len; i++) if ((p[s + i] | 0x20) !== word.charCodeAt(i)) return -1;
  return len === 4 ? 1 : 0;
}

/**
 * `parseNumber` of bytes [s, e) without making a string: a plain decimal with at most 15
 * significant digits and no exponent is read exactly (integer mantissa ÷ an exact power of ten
 * is one correctly rounded IEEE division, so the result equals `Number(text)`); NaN for anything
 * else (the caller then decodes the text for `parseNumber`).
 *
 * @example
 *   numberAt(new TextEncoder().encode('1e3'), 0, 3); // NaN (exponent: decode and parseNumber)
 */
export function numberAt(p: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  const b0 = p[i];
  if (b0 === 45 || b0 === 43) {
    neg = b0 === 45;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  let sig = 0;
  for (; i < e; i++) {
    const b = p[i];
    if (b >= 48 && b <= 57) {
      digits++;
      if (mant !== 0 || b !== 48) sig++;
      mant = mant * 10 + (b - 48);
      if (dot) frac++;
    } else if (b === 46 && !dot) dot = true;
    else break;
  }
  if (i === e && digits > 0 && sig <= 15 && frac <= 22) {
    const v = frac ? mant / POW10[frac] : mant;
    return neg ? -v : v;
  }
  return NaN;
}

/**
 * The number each distinct value reads as (NaN for an empty value), parsed from its bytes; null
 * as soon as one non-empty value is not a number (the rules of `parseNumber`).
 */
function numbers(col: InternedColumn): Float64Array | null {
  const out = new Float64Array(col.count);
  const p = col.pool;
  for (let c = 0; c < col.count; c++) {
    const len = col.lens[c];
    if (len === 0) {
      out[c] = NaN;
      continue;
    }
    const s = col.starts[c];
    let x = numberAt(p, s, s + len);
    if (x !== x) x = parseNumber(col.ascii[c] ? latin1.decode(p.subarray(s, s + len)) : utf8.decode(p.subarray(s, s + len)));
    if (x !== x) return null;
    out[c] = x;
  }
  return out;
}

/** Whether every non-empty value is `true` or `false` (any case) and at least one is. */
function allBool(col: InternedColumn): boolean {
  let any = false;
  const p = col.pool;
  for (let c = 0; c < col.count; c++) {
    const len = col.lens[c];
    if (len === 0) continue;
    if (boolAt(p, col.starts[c], len) < 0) return false;
    any = true;
  }
  return any;
}

/** Timestamps of a column whose every non-empty value is an 8-digit valid `YYYYMMDD`, else null. */
function compactDates(col: InternedColumn): Float64Array | null {
  const p = col.pool;
  for (let c = 0; c < col.count; c++) {
    const len = col.lens[c];
    if (len === 0) continue;
    if (len !== 8) return null;
    for (let i = col.starts[c]; i < col.starts[c] + 8; i++) if (p[i] < 48 || p[i] > 57) return null;
  }
  const out = new Float64Array(col.count);
  for (let c = 0; c < col.count; c++) {
    if (col.lens[c] === 0) {
      out[c] = NaN;
      continue;
    }
    const v = parseDate(latin1.decode(p.subarray(col.starts[c], col.starts[c] + 8)), 'yyyymmdd');
    if (v !== v) return null;
    out[c] = v;
  }
  return out;
}

/**
 * Timestamps of the distinct values in the first format of `DATE_FORMATS` that reads every
 * non-empty one (as `detectDateFormat`), parsed in the same pass that checks them; null when no
 * format does. The values are decoded only when some format reads the first of them.
 */
function dateLookup(col: InternedColumn, decoder: TextDecoder): Float64Array | null {
  const k = col.count;
  let firstPresent = -1;
  for (let c = 0; c < k && firstPresent < 0; c++) if (col.lens[c] > 0) firstPresent = c;
  if (firstPresent < 0) return null;
  const s = col.starts[firstPresent];
  const first = decoder.decode(col.pool.subarray(s, s + col.lens[firstPresent]));
  if (DATE_FORMATS.every((f) => Number.isNaN(parseDate(first, f)))) return null;
  const values = col.values(decoder);
  const out = new Float64Array(k);
  for (const f of DATE_FORMATS) {
    if (Number.isNaN(parseDate(values[firstPresent], f))) continue;
    let ok = true;
    for (let c = 0; c < k && ok; c++) {
      if (values[c].length === 0) out[c] = NaN;
      else ok = (out[c] = parseDate(values[c], f)) === out[c];
    }
    if (ok) return out;
  }
  return null;
}

/**
 * The column vector for one interned column (the rules of the module doc): `codes` are its rows.
 * A string column's vector takes `codes` (rewritten in place) and the column's byte pool as they are.
 *
 * @example
 *   const col = new InternedColumn();
 *   const b = new TextEncoder().encode('7');
 *   col.add(0, b, 0, 1);
 *   inferVector(col, new TextDecoder(), col.codes.subarray(0, 1)).type.toString(); // 'Float64'
 */
export function inferVector(col: InternedColumn, decoder: TextDecoder, codes: Int32Array): Vector {
  const n = codes.length;
  const k = col.count;
  let present = 0;
  for (let c = 0; c < k; c++) if (col.lens[c] > 0) present++;

  if (present > 0) {
    if (allBool(col)) {
      const lookup = new Uint8Array(k);
      for (let c = 0; c < k; c++) lookup[c] = col.lens[c] === 0 ? 2 : boolAt(col.pool, col.starts[c], col.lens[c]);
      const flags = new Uint8Array(n);
      for (let i = 0; i < n; i++) flags[i] = lookup[codes[i]];
      return boolVector(flags);
    }
    // Compact dates first (they also look like integers), then numbers, then other dates.
    let lookup: Float64Array | null = compactDates(col);
    let isTime = lookup !== null;
    if (!lookup) lookup = numbers(col);
    if (!lookup) {
      lookup = dateLookup(col, decoder);
      isTime = lookup !== null;
    }
    if (lookup) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = lookup[codes[i]];
      return isTime ? timestampVector(out, true) : float64Vector(out, true);
    }
  }
  // Strings: the dictionary is built from the interned UTF-8 bytes; the empty value is null.
  const remap = new Int32Array(k);
  const entries = new Int32Array(k);
  let m = 0;
  for (let c = 0; c < k; c++) {
    if (col.lens[c] === 0) remap[c] = -1;
    else {
      remap[c] = m;
      entries[m++] = c;
    }
  }
  if (m !== k) for (let i = 0; i < n; i++) codes[i] = remap[codes[i]];
  return utf8DictionaryVector(codes, col.pool, col.starts, col.lens, entries.subarray(0, m), true);
}
