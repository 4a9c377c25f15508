/**
 * Timestamp formats the CSV reader recognises, parsed to UTC epoch milliseconds.
 *
 * | id         | shape                                   | example               |
 * |------------|-----------------------------------------|-----------------------|
 * | id         | shape                                           | example                     |
 * |------------|-------------------------------------------------|-----------------------------|
 * | `iso`      | `YYYY-MM-DD[( |T)HH:mm[:ss[.fff]]][Z|±HH[:]MM]`  | `2010-12-01 08:26:00`       |
 * | `yyyymmdd` | `YYYYMMDD` (exactly 8 digits, years 1800–2199)  | `20101201`                  |
 * | `ymd`      | `YYYY/M/D[ H:mm[:ss]]` or `YYYY-M-D[ H:mm[:ss]]`| `2010/12/1 8:26`            |
 * | `mdy`      | `M/D/YYYY[ H:mm[:ss]]`                          | `12/1/2010 8:26`            |
 * | `dmy`      | `D.M.YYYY[ H:mm[:ss]]`                          | `1.12.2010`                 |
 * | `dmyslash` | `D/M/YYYY[ H:mm[:ss]]`                          | `31/12/2010 8:26`           |
 *
 * Times without a zone are read as UTC; an ISO offset is applied (`…+08:00` is 8 hours before
 * UTC). Calendar validity is checked (no 31 February). `D/M/YYYY` is chosen only when it is
 * unambiguous: detection tries `M/D/YYYY` first, so a column is read day-first only when some
 * value has a first number above 12 (e.g. `31/12/2010`).
 */

export type DateFormat = 'iso' | 'yyyymmdd' | 'ymd' | 'mdy' | 'dmy' | 'dmyslash';

/** The formats in the order detection tries them. */
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'yyyymmdd', 'ymd', 'mdy', 'dmy', 'dmyslash'];

/** How each format is written in messages. */
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: 'YYYY-MM-DD[ HH:mm[:ss]]',
  yyyymmdd: 'YYYYMMDD',
  ymd: 'YYYY/M/D[ H:mm]',
  mdy: 'M/D/YYYY[ H:mm]',
  dmy: 'D.M.YYYY[ H:mm]',
  dmyslash: 'D/M/YYYY[ H:mm]',
};

/** Human description of the accepted formats, used in error messages. */
export const DATE_FORMATS_TEXT = 'YYYY-MM-DD[ HH:mm[:ss]], YYYYMMDD, YYYY/M/D, M/D/YYYY H:mm, D.M.YYYY, D/M/YYYY or epoch seconds/milliseconds';

const C0 = 48;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  if (h > 23 || mi > 59 || s > 59) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** Read `n` digits at `i`; returns -1 when any is not a digit. */
function digits(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - C0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Read 1–`max` digits at `i`: returns [value, next index] or null. */
function someDigits(s: string, i: number, max: number): [number, number] | null {
  let v = 0;
  let k = 0;
  while (k < max && i + k < s.length) {
    const c = s.charCodeAt(i + k) - C0;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    k++;
  }
  return k === 0 ? null : [v, i + k];
}

/** Optional ` H:mm[:ss]` tail for the mdy / dmy formats (hour may have 1 or 2 digits). */
function clockTail(s: string, i: number): [number, number, number] | null {
  if (i === s.length) return [0, 0, 0];
  if (s.charCodeAt(i) !== 32) return null;
  const h = someDigits(s, i + 1, 2);
  if (!h || s.charCodeAt(h[1]) !== 58) return null;
  const mi = digits(s, h[1] + 1, 2);
  if (mi < 0) return null;
  let j = h[1] + 3;
  let sec = 0;
  if (j < s.length) {
    if (s.charCodeAt(j) !== 58) return null;
    sec = digits(s, j + 1, 2);
    if (sec < 0) return null;
    j += 3;
  }
  return j === s.length ? [h[0], mi, sec] : null;
}

function parseIso(s: string): number {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  if (n === 10) return build(y, mo, d, 0, 0, 0, 0);
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (h < 0 || mi < 0 || s.charCodeAt(13) !== 58) return NaN;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = digits(s, i + 1, 2);
    if (sec < 0) return NaN;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      const f = someDigits(s, i + 1, 9);
      if (!f) return NaN;
      const len = f[1] - i - 1;
      ms = Math.floor(f[0] / 10 ** Math.max(0, len - 3)) * 10 ** Math.max(0, 3 - len);
      i = f[1];
    }
  }
  let offsetMin = 0;
  if (i < n && s.charCodeAt(i) === 90) i++;
  else if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) {
    const sign = s.charCodeAt(i) === 45 ? -1 : 1;
    const oh = digits(s, i + 1, 2);
    if (oh < 0) return NaN;
    let j = i + 3;
    if (s.charCodeAt(j) === 58) j++;
    const om = digits(s, j, 2);
    if (om < 0 || oh > 14 || om > 59) return NaN;
    offsetMin = sign * (oh * 60 + om);
    i = j + 2;
  }
  return i === n ? build(y, mo, d, h, mi, sec, ms) - offsetMin * 60_000 : NaN;
}

/** `YYYY/M/D[ H:mm[:ss]]` or `YYYY-M-D[ H:mm[:ss]]` (1- or 2-digit month and day). */
function parseYmdLoose(s: string): number {
  const y = digits(s, 0, 4);
  if (y < 0) return NaN;
  const sep = s.charCodeAt(4);
  if (sep !== 47 && sep !== 45) return NaN;
  const mo = someDigits(s, 5, 2);
  if (!mo || s.charCodeAt(mo[1]) !== sep) return NaN;
  const d = someDigits(s, mo[1] + 1, 2);
  if (!d) return NaN;
  const t = clockTail(s, d[1]);
  if (!t) return NaN;
  return build(y, mo[0], d[0], t[0], t[1], t[2], 0);
}

function parseYmdCompact(s: string): number {
  if (s.length !== 8) return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 4, 2);
  const d = digits(s, 6, 2);
  if (y < 1800 || y > 2199 || mo < 0 || d < 0) return NaN;
  return build(y, mo, d, 0, 0, 0, 0);
}

function parseSeparated(s: string, sep: number, monthFirst: boolean): number {
  const a = someDigits(s, 0, 2);
  if (!a || s.charCodeAt(a[1]) !== sep) return NaN;
  const b = someDigits(s, a[1] + 1, 2);
  if (!b || s.charCodeAt(b[1]) !== sep) return NaN;
  const y = digits(s, b[1] + 1, 4);
  if (y < 0) return NaN;
  const t = clockTail(s, b[1] + 5);
  if (!t) return NaN;
  const [mo, d] = monthFirst ? [a[0], b[0]] : [b[0], a[0]];
  return build(y, mo, d, t[0], t[1], t[2], 0);
}

/**
 * Parse one timestamp in the given format; NaN when it does not match or is not a real date.
 *
 * @example
 *   parseDate('2010-12-01 08:26:00', 'iso'); // 1291191960000
 *   parseDate('12/1/2010 8:26', 'mdy');      // 1291191960000
 *   parseDate('31.02.2011', 'dmy');          // NaN (no 31 February)
 *   parseDate('31/12/2010', 'dmyslash');     // 1293753600000
 *   parseDate('2010-12-01T16:26+08:00', 'iso'); // 1291191960000
 */
export function parseDate(s: string, format: DateFormat): number {
  switch (format) {
    case 'iso':
      return parseIso(s);
    case 'yyyymmdd':
      return parseYmdCompact(s);
    case 'ymd':
      return parseYmdLoose(s);
    case 'mdy':
      return parseSeparated(s, 47, true);
    case 'dmy':
      return parseSeparated(s, 46, false);
    case 'dmyslash':
      return parseSeparated(s, 47, false);
  }
}

/**
 * The first format (in `DATE_FORMATS` order) that parses every value; null when none does or
 * `values` is empty. Empty strings must be removed by the caller.
 *
 * @example
 *   detectDateFormat(['20240101', '20240229']); // 'yyyymmdd'
 *   detectDateFormat(['1/2/2024 9:05', 'x']);   // null
 */
export function detectDateFormat(values: readonly string[]): DateFormat | null {
  if (values.length === 0) return null;
  for (const f of DATE_FORMATS) {
    if (Number.isNaN(parseDate(values[0], f))) continue;
    let ok = true;
    for (let i = 1; i < values.length && ok; i++) ok = !Number.isNaN(parseDate(values[i], f));
    if (ok) return f;
  }
  return null;
}

/**
 * The format that reads the most of `values` (ties: `DATE_FORMATS` order) and how many it reads;
 * null when none reads any. Used to read a time column that has a few bad values.
 *
 * @example
 *   bestDateFormat(['31/1/2011', '31/02/2011', '1/2/2011']); // { format: 'dmyslash', parsed: 2 }
 */
export function bestDateFormat(values: readonly string[]): { format: DateFormat; parsed: number } | null {
  let best: { format: DateFormat; parsed: number } | null = null;
  for (const f of DATE_FORMATS) {
    let k = 0;
    for (const v of values) if (!Number.isNaN(parseDate(v, f))) k++;
    if (k > 0 && (!best || k > best.parsed)) best = { format: f, parsed: k };
  }
  return best;
}
