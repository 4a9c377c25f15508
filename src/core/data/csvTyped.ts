/**
 * Typed values read straight from CSV bytes, for the reader's typed fast path: plain decimals and
 * ISO timestamps become numbers without a string being made. Each value also gets a small
 * "shape" code from which its exact text can be written back (`decimalText`, `isoText`), so a
 * column typed early can still become text, exactly as it was read, when a later value does not fit.
 *
 * Only values whose generic reading is certain are accepted, so a typed column gives the same
 * numbers as `numberAt` / `parseDate(…, 'iso')` of the same text:
 * - decimal: `-?D+(.D+)?` with at most 15 digits in all (read exactly, see `numberAt`);
 * - ISO: `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` or `YYYY-MM-DD HH:mm:ss` (`T` allowed for the space),
 *   a real calendar date, year 100–9999, no fraction and no zone.
 *
 * @example
 *   const v = new Float64Array(1), sh = new Uint8Array(1);
 *   decimalAt(new TextEncoder().encode('-0.50'), 0, 5, v, sh, 0); // decimalShape(1, 2, true) (v[0] = -0.5)
 *   decimalText(v[0], sh[0]); // '-0.50'
 */
/** Exact powers of ten 10^0 … 10^22. */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** The shape of an empty value (its number is NaN) in either kind of typed column. */
export const EMPTY_SHAPE = 0;

/**
 * Decimal shapes fit a byte: `1 + pair + 120·negative`, where `pair` numbers the 120 pairs
 * (integer digits 1–15, fraction digits 0–14, 15 digits at most). `PAIR[whole·16 + frac]` is the
 * pair's number; `WHOLE` and `FRAC` read a shape back.
 */
const PAIR = new Uint8Array(256);
const WHOLE = new Uint8Array(256);
const FRAC = new Uint8Array(256);
for (let whole = 1, pair = 0; whole <= 15; whole++) {
  for (let frac = 0; whole + frac <= 15; frac++, pair++) {
    PAIR[whole * 16 + frac] = pair;
    for (const neg of [0, 120]) {
      WHOLE[1 + pair + neg] = whole;
      FRAC[1 + pair + neg] = frac;
    }
  }
}

/**
 * The shape of a plain decimal with `whole` integer digits and `frac` fraction digits (at most
 * 15 digits in all), negative or not.
 *
 * @example
 *   decimalShape(8, 0, false); // the shape of an 8-digit integer such as 20240131
 */
export function decimalShape(whole: number, frac: number, negative: boolean): number {
  return 1 + PAIR[whole * 16 + frac] + (negative ? 120 : 0);
}

/**
 * Read a plain decimal that starts at `s` (bytes before `limit`) into `values[at]` and its shape
 * (`decimalShape`, never 0) into `shapes[at]`; return the
 * offset just after it, where the caller checks that the field ends. No number at `s` (not a
 * digit nor `-`) reads as empty: NaN, `EMPTY_SHAPE`, and `s` returned. -1: the bytes at `s` are a
 * number this reader does not take (`-` alone, `5.`, more than 15 digits).
 *
 * @example
 *   const v = new Float64Array(1), sh = new Uint8Array(1);
 *   decimalScan(new TextEncoder().encode('12346.0,'), 0, 8, v, sh, 0); // 7 (v[0] = 12346, sh[0] = decimalShape(5, 1, false))
 */
export function decimalScan(p: Uint8Array, s: number, limit: number, values: Float64Array, shapes: Uint8Array, at: number): number {
  let i = s;
  let neg = 0;
  if (i < limit && p[i] === 45) {
    neg = 1;
    i++;
  }
  const i0 = i;
  let mant = 0;
  while (i < limit) {
    const c = p[i] - 48;
    if (c >>> 0 > 9) break;
    mant = mant * 10 + c;
    i++;
  }
  const whole = i - i0;
  if (whole === 0) {
    if (neg) return -1;
    values[at] = NaN;
    shapes[at] = EMPTY_SHAPE;
    return s;
  }
  let frac = 0;
  if (i < limit && p[i] === 46) {
    const f0 = ++i;
    while (i < limit) {
      const c = p[i] - 48;
      if (c >>> 0 > 9) break;
      mant = mant * 10 + c;
      i++;
    }
    frac = i - f0;
    if (frac === 0) return -1;
  }
  if (whole + frac > 15) return -1;
  const v = frac ? mant / POW10[frac] : mant;
  values[at] = neg ? -v : v;
  shapes[at] = 1 + PAIR[whole * 16 + frac] + neg * 120;
  return i;
}

/**
 * `decimalScan` of the whole field [s, e): its shape, or -1 when the field is not exactly one
 * plain decimal (or empty).
 *
 * @example
 *   decimalAt(new TextEncoder().encode('1e3'), 0, 3, new Float64Array(1), new Uint8Array(1), 0); // -1
 */
export function decimalAt(p: Uint8Array, s: number, e: number, values: Float64Array, shapes: Uint8Array, at: number): number {
  return decimalScan(p, s, e, values, shapes, at) === e ? shapes[at] : -1;
}

/**
 * The exact text a decimal of `shape` (from `decimalAt`) was read from.
 *
 * @example
 *   decimalText(7, decimalShape(3, 0, false)); // '007'
 */
export function decimalText(v: number, shape: number): string {
  if (shape === EMPTY_SHAPE) return '';
  const whole = WHOLE[shape];
  const frac = FRAC[shape];
  // |v| × 10^frac is within 0.25 of the (< 10^15) integer mantissa it was divided from.
  const digits = String(Math.round(Math.abs(v) * POW10[frac])).padStart(whole + frac, '0');
  const sign = shape > 120 ? '-' : '';
  return frac ? `${sign}${digits.slice(0, whole)}.${digits.slice(whole)}` : `${sign}${digits}`;
}

/** The last calendar day read by `isoAt` (as `y·10⁴ + m·10² + d`) and its epoch milliseconds. */
export interface DayCache {
  key: number;
  ms: number;
}

/** Two ASCII digits at `i` as a number, or -1. */
function two(p: Uint8Array, i: number): number {
  const a = p[i] - 48;
  const b = p[i + 1] - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil; y ≥ 1). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Read an ISO timestamp (the shapes of the module doc) that starts at `s` (bytes before `limit`)
 * into `values[at]` as UTC epoch milliseconds and its shape into `shapes[at]`: 1 `YYYY-MM-DD`,
 * 2 / 3 `… HH:mm` with a space / `T`, 4 / 5 `… HH:mm:ss` with a space / `T`; return the offset
 * just after it, where the caller checks that the field ends. No digit at `s` reads as empty (NaN,
 * `EMPTY_SHAPE`, `s` returned); -1 for a timestamp this reader does not take. `cache` remembers
 * the last day, which rows often repeat.
 *
 * @example
 *   isoScan(new TextEncoder().encode('2010-12-01 08:26:00'), 0, 19, v, sh, 0, { key: -1, ms: 0 }); // 19 (v[0] = 1291191960000, sh[0] = 4)
 */
export function isoScan(p: Uint8Array, s: number, limit: number, values: Float64Array, shapes: Uint8Array, at: number, cache: DayCache): number {
  if (s === limit || (p[s] - 48) >>> 0 > 9) {
    values[at] = NaN;
    shapes[at] = EMPTY_SHAPE;
    return s;
  }
  if (s + 10 > limit || p[s + 4] !== 45 || p[s + 7] !== 45) return -1;
  const y1 = two(p, s);
  const y2 = two(p, s + 2);
  const mo = two(p, s + 5);
  const d = two(p, s + 8);
  if (y1 < 1 || y2 < 0 || mo < 0 || d < 0) return -1; // y1 ≥ 1: years 100–9999
  const y = y1 * 100 + y2;
  const key = y * 10000 + mo * 100 + d;
  let ms = cache.ms;
  if (key !== cache.key) {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return -1;
    ms = daysFromCivil(y, mo, d) * 86_400_000;
    cache.key = key;
    cache.ms = ms;
  }
  const sep = s + 10 < limit ? p[s + 10] : 0;
  if (sep !== 32 && sep !== 84) {
    values[at] = ms;
    shapes[at] = 1;
    return s + 10;
  }
  if (s + 16 > limit || p[s + 13] !== 58) return -1;
  const h = two(p, s + 11);
  const mi = two(p, s + 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return -1;
  ms += h * 3_600_000 + mi * 60_000;
  let shape = sep === 32 ? 2 : 3;
  let end = s + 16;
  if (end < limit && p[end] === 58) {
    if (s + 19 > limit) return -1;
    const sec = two(p, s + 17);
    if (sec < 0 || sec > 59) return -1;
    ms += sec * 1000;
    shape += 2;
    end = s + 19;
  }
  values[at] = ms;
  shapes[at] = shape;
  return end;
}

/**
 * `isoScan` of the whole field [s, e): its shape, or -1 when the field is not exactly one ISO
 * timestamp this reader takes (or empty).
 *
 * @example
 *   isoAt(new TextEncoder().encode('2010-12-01T08:26:00Z'), 0, 20, v, sh, 0, { key: -1, ms: 0 }); // -1 (a zone)
 */
export function isoAt(p: Uint8Array, s: number, e: number, values: Float64Array, shapes: Uint8Array, at: number, cache: DayCache): number {
  return isoScan(p, s, e, values, shapes, at, cache) === e ? shapes[at] : -1;
}

const pad2 = (x: number): string => (x < 10 ? `0${x}` : String(x));

/**
 * The exact text an ISO timestamp of `shape` (from `isoAt`) was read from.
 *
 * @example
 *   isoText(1291191960000, 3); // '2010-12-01T08:26'
 */
export function isoText(ms: number, shape: number): string {
  if (shape === EMPTY_SHAPE) return '';
  const t = new Date(ms);
  const day = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  if (shape === 1) return day;
  const clock = `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
  const sep = shape === 2 || shape === 4 ? ' ' : 'T';
  return shape >= 4 ? `${day}${sep}${clock}:${pad2(t.getUTCSeconds())}` : `${day}${sep}${clock}`;
}
