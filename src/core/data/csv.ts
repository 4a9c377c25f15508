/**
 * A fast, streaming CSV reader that produces a single-batch Arrow table.
 *
 * How it is fast: one pass over the bytes finds the fields (RFC 4180 quoting) and interns each
 * field's bytes into a per-column hash table, so a row costs a few integer writes and no
 * strings. Types are inferred at the end over each column's DISTINCT values only: booleans,
 * `YYYYMMDD` dates and plain decimals are read straight from their bytes, other dates from strings
 * decoded once per distinct value; rows are then filled from a per-value lookup.
 *
 * Reading: text encoding detected (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030),
 * delimiter detected (`,` `;` tab `|`, or runs of spaces as in CDNOW_master.txt), header detected
 * (a first row that looks like data gives columns `column_1…`), RFC 4180 quotes with embedded
 * newlines, CRLF or LF. Ragged rows throw, or with `badRows: 'skip'` are skipped and reported.
 *
 * Type inference (over all rows, empty field = null): all `true`/`false` → Bool; all 8-digit
 * valid `YYYYMMDD` → timestamp; all numbers → Float64; all one date format of `dates.ts` →
 * TimestampMillisecond (UTC); otherwise Dictionary<Utf8, Int32>.
 *
 * @example
 *   const t = parseCsv('a,b\n1,x\n2,"y, z"\n', { file: 'demo.csv' });
 *   t.numRows;               // 2
 *   t.getChild('b')?.get(1); // 'y, z'
 */
import { Table, Vector } from 'apache-arrow';
import { DataError, type DataErrorInfo } from '../errors';
import { boolVector, float64Vector, timestampVector, utf8DictionaryVector } from './columns';
import { DATE_FORMATS, parseDate } from './dates';

/** Options of `parseCsv` and `CsvReader`. */
export interface CsvOptions {
  /** File name used in error messages. */
  file: string;
  /** Field delimiter; `' '` = runs of spaces/tabs; default: detected (`,` `;` tab `|`, whitespace). */
  delimiter?: string;
  /** Whether the first record names the columns; default `'auto'` (see `firstRowIsHeader`). */
  header?: boolean | 'auto';
  /** Text encoding; default `'auto'` (BOM, else UTF-8, else GB18030 — see `sniffEncoding`). */
  encoding?: CsvEncoding;
  /** `'error'` (default): the first ragged row throws; `'skip'`: ragged rows are skipped and reported. */
  badRows?: 'error' | 'skip';
}

/** Delimiters tried by detection, in tie-break order. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const QUOTE = 34;
const FNV_OFFSET = -2128831035;
const FNV_PRIME = 16777619;
const LF = 10;
const CR = 13;

/** Interned byte strings of one column plus the per-row code of each value. */
class Column {
  pool = new Uint8Array(1024);
  poolLen = 0;
  starts = new Int32Array(64);
  lens = new Int32Array(64);
  hashes = new Int32Array(64);
  ascii = new Uint8Array(64);
  count = 0;
  slots = new Int32Array(256); // pairs (code + 1, hash); code 0 = empty
  mask = 127;
  lastCode = -1;
  lastHash = 0;
  codes = new Int32Array(1024);
  rows = 0;

  /** Intern bytes [s, e) of `buf`, hashing them here. */
  add(buf: Uint8Array, s: number, e: number): void {
    let h = FNV_OFFSET;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
    this.addHashed(buf, s, e, h);
  }

  /** Intern bytes [s, e) of `buf` whose FNV-1a hash the caller computed while scanning. */
  addHashed(buf: Uint8Array, s: number, e: number, h0: number): void {
    // murmur3 finaliser: FNV-1a's low bits cluster for ids like SKU10001, SKU10002, …
    let h = Math.imul(h0 ^ (h0 >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    const len = e - s;
    let code = -1;
    // Consecutive rows often repeat a value (the lines of one order): check the last one first.
    if (h === this.lastHash && this.lastCode >= 0 && len === this.lens[this.lastCode] && this.same(buf, s, e, this.lastCode)) {
      code = this.lastCode;
    } else {
      const slots = this.slots;
      const mask = this.mask;
      let at = h & mask;
      for (;;) {
        const v = slots[2 * at];
        if (v === 0) break;
        if (slots[2 * at + 1] === h && this.lens[v - 1] === len && this.same(buf, s, e, v - 1)) {
          code = v - 1;
          break;
        }
        at = (at + 1) & mask;
      }
      if (code < 0) code = this.insert(buf, s, e, h, at);
      this.lastCode = code;
      this.lastHash = h;
    }
    if (this.rows === this.codes.length) {
      const nc = new Int32Array(this.codes.length * 2);
      nc.set(this.codes);
      this.codes = nc;
    }
    this.codes[this.rows++] = code;
  }

  private same(buf: Uint8Array, s: number, e: number, c: number): boolean {
    const p = this.pool;
    const o = this.starts[c] - s;
    let i = s;
    if (e - s >= 8) {
      // 4 bytes at a time (unaligned little-endian reads)
      if (buf !== this.bufOfView) {
        this.bufOfView = buf;
        this.bufView = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      }
      const bv = this.bufView!;
      const pv = this.poolView;
      for (; i + 4 <= e; i += 4) if (bv.getInt32(i, true) !== pv.getInt32(o + i, true)) return false;
    }
    for (; i < e; i++) if (p[o + i] !== buf[i]) return false;
    return true;
  }

  private bufOfView: Uint8Array | null = null;
  private bufView: DataView | null = null;
  private poolView = new DataView(this.pool.buffer);

  private insert(buf: Uint8Array, s: number, e: number, h: number, at: number): number {
    const len = e - s;
    const code = this.count;
    if (code === this.starts.length) this.growDistinct();
    if (this.poolLen + len > this.pool.length) {
      const np = new Uint8Array(Math.max(this.pool.length * 2, this.poolLen + len));
      np.set(this.pool.subarray(0, this.poolLen));
      this.pool = np;
      this.poolView = new DataView(np.buffer);
    }
    if (len <= 32) for (let i = 0; i < len; i++) this.pool[this.poolLen + i] = buf[s + i];
    else this.pool.set(buf.subarray(s, e), this.poolLen);
    this.starts[code] = this.poolLen;
    this.lens[code] = len;
    this.hashes[code] = h;
    let hi = 0;
    for (let i = s; i < e; i++) hi |= buf[i];
    this.ascii[code] = hi < 128 ? 1 : 0;
    this.poolLen += len;
    this.count++;
    this.slots[2 * at] = code + 1;
    this.slots[2 * at + 1] = h;
    if (this.count * 2 > this.mask) this.rehash();
    return code;
  }

  private growDistinct(): void {
    const n = this.starts.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(n);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lens = grow(this.lens);
    this.hashes = grow(this.hashes);
    this.ascii = grow(this.ascii);
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let c = 0; c < this.count; c++) {
      const h = this.hashes[c];
      let at = h & mask;
      while (slots[2 * at] !== 0) at = (at + 1) & mask;
      slots[2 * at] = c + 1;
      slots[2 * at + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Code of the first distinct value whose bytes are not valid UTF-8, or -1. */
  firstInvalidUtf8(): number {
    for (let c = 0; c < this.count; c++) {
      if (this.ascii[c]) continue;
      if (invalidUtf8At(this.pool.subarray(this.starts[c], this.starts[c] + this.lens[c])) >= 0) return c;
    }
    return -1;
  }

  /** Distinct values as strings, in first-seen order (ASCII values sliced from one decode of the pool). */
  values(decoder: TextDecoder): string[] {
    const out = new Array<string>(this.count);
    const p = this.pool;
    const all = latin1.decode(p.subarray(0, this.poolLen));
    for (let c = 0; c < this.count; c++) {
      const s = this.starts[c];
      const len = this.lens[c];
      out[c] = this.ascii[c] ? all.slice(s, s + len) : decoder.decode(p.subarray(s, s + len));
    }
    return out;
  }

  /**
   * The number each distinct value reads as (NaN for an empty value), parsed from its bytes; null
   * as soon as one non-empty value is not a number (the rules of `parseNumber`).
   */
  numbers(): Float64Array | null {
    const out = new Float64Array(this.count);
    const p = this.pool;
    for (let c = 0; c < this.count; c++) {
      const len = this.lens[c];
      if (len === 0) {
        out[c] = NaN;
        continue;
      }
      const s = this.starts[c];
      let x = numberAt(p, s, s + len);
      if (x !== x) x = parseNumber(this.ascii[c] ? latin1.decode(p.subarray(s, s + len)) : utf8.decode(p.subarray(s, s + len)));
      if (x !== x) return null;
      out[c] = x;
    }
    return out;
  }

  /** Whether every non-empty value is `true` or `false` (any case) and at least one is. */
  allBool(): boolean {
    let any = false;
    const p = this.pool;
    for (let c = 0; c < this.count; c++) {
      const len = this.lens[c];
      if (len === 0) continue;
      if (boolAt(p, this.starts[c], len) < 0) return false;
      any = true;
    }
    return any;
  }
}

const latin1 = new TextDecoder('latin1');

/** 1 for `true`, 0 for `false` (ASCII, any case), −1 otherwise, for bytes [s, s + len) of `p`. */
function boolAt(p: Uint8Array, s: number, len: number): number {
  const word = len === 4 ? 'true' : len === 5 ? 'false' : '';
  if (!word) return -1;
  for (let i = 0; i < len; i++) if ((p[s + i] | 0x20) !== word.charCodeAt(i)) return -1;
  return len === 4 ? 1 : 0;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * `parseNumber` of bytes [s, e) without making a string: a plain decimal with at most 15
 * significant digits and no exponent is read exactly (integer mantissa ÷ an exact power of ten
 * is one correctly rounded IEEE division, so the result equals `Number(text)`); NaN for anything
 * else (the caller then decodes the text for `parseNumber`).
 */
function numberAt(p: Uint8Array, s: number, e: number): number {
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

const utf8 = new TextDecoder('utf-8');

/** Timestamps of a column whose every non-empty value is an 8-digit valid `YYYYMMDD`, else null. */
function compactDates(col: Column): Float64Array | null {
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
 * Timestamps of the values in the first format of `DATE_FORMATS` that reads every non-empty one
 * (as `detectDateFormat`), parsed in the same pass that checks them; null when no format does.
 */
function dateLookup(values: string[]): Float64Array | null {
  const k = values.length;
  let firstPresent = -1;
  for (let c = 0; c < k && firstPresent < 0; c++) if (values[c].length > 0) firstPresent = c;
  if (firstPresent < 0) return null;
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

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Parse a CSV number (plain decimal or exponent notation, surrounding spaces allowed); NaN otherwise. */
export function parseNumber(s: string): number {
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** The column vector for one column's distinct values + row codes (see the module doc for the rules). */
function buildVector(col: Column, decoder: TextDecoder, codes: Int32Array): Vector {
  const n = codes.length;
  const k = col.count;
  let present = 0;
  for (let c = 0; c < k; c++) if (col.lens[c] > 0) present++;

  if (present > 0) {
    if (col.allBool()) {
      const lookup = new Uint8Array(k);
      for (let c = 0; c < k; c++) lookup[c] = col.lens[c] === 0 ? 2 : boolAt(col.pool, col.starts[c], col.lens[c]);
      const flags = new Uint8Array(n);
      for (let i = 0; i < n; i++) flags[i] = lookup[codes[i]];
      return boolVector(flags);
    }
    // Compact dates first (they also look like integers), then numbers, then other dates.
    let lookup: Float64Array | null = compactDates(col);
    let isTime = lookup !== null;
    if (!lookup) lookup = col.numbers();
    if (!lookup) {
      lookup = dateLookup(col.values(decoder));
      isTime = lookup !== null;
    }
    if (lookup) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = lookup[codes[i]];
      return isTime ? timestampVector(out) : float64Vector(out);
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
  const out = m === k ? codes.slice() : new Int32Array(n);
  if (m !== k) for (let i = 0; i < n; i++) out[i] = remap[codes[i]];
  return utf8DictionaryVector(out, col.pool, col.starts, col.lens, entries.subarray(0, m));
}

/** Bytes of text sniffed before the encoding, delimiter and binary checks decide (256 KiB). */
export const SNIFF_BYTES = 256 * 1024;
/** Located problems kept in a report (the count of skipped rows is always exact). */
export const MAX_PROBLEMS = 100;
/** Skipped rows whose text is kept for the "download the skipped rows" file. */
export const MAX_SKIPPED_TEXT = 10_000;
/** A record longer than this is refused (it is almost always a quote that is never closed). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** With `badRows: 'skip'`, more than this fraction of bad rows makes the file fail as a whole. */
export const MAX_SKIPPED_FRACTION = 0.1;
/** Records compared with the first one to decide whether it is a header (`header: 'auto'`). */
const HEADER_SAMPLE = 20;

/**
 * Offset of the first byte of `buf` that breaks UTF-8, or -1 when there is none. An incomplete
 * sequence at the very end is fine unless `final` (the next chunk may complete it).
 *
 * @example
 *   invalidUtf8At(Uint8Array.of(0x61, 0xff), true); // 1
 */
export function invalidUtf8At(buf: Uint8Array, final = true): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = buf[i + k];
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Text encodings the reader can read (`auto` detects one of the others). */
export type CsvEncoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

function lineOf(buf: Uint8Array, offset: number): number {
  let k = 0;
  for (let i = 0; i < offset; i++) if (buf[i] === LF) k++;
  return k;
}

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/**
 * Decide the encoding of the first bytes of a text file, or refuse a file that is not text.
 * Order: a BOM (UTF-8, UTF-16 LE/BE); known binary formats (ZIP/xlsx, xls, Parquet, gzip, PDF);
 * NUL bytes = binary; valid UTF-8; else GB18030 (a superset of GBK) when it decodes without
 * error; else a DataError naming the line (0 = the first line) of the first byte that is not UTF-8.
 *
 * @example
 *   sniffEncoding(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'x.csv', true); // 'gb18030'
 */
export function sniffEncoding(buf: Uint8Array, file: string, final: boolean): Exclude<CsvEncoding, 'auto'> {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  const refuse = (problem: string, expected: string): DataError => new DataError({ file, problem, expected });
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return fail(refuse('is a ZIP archive (an Excel .xlsx workbook is one), not text', 'CSV text: unzip it, or save the sheet as CSV'));
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return fail(refuse('is an Excel .xls workbook, not text', 'CSV text: save the sheet as CSV'));
  if (startsWith(buf, [0x50, 0x41, 0x52, 0x31])) return fail(refuse('is a Parquet file, not text', 'CSV text here; open Parquet files with the file picker or readBlob'));
  if (startsWith(buf, [0x1f, 0x8b])) return fail(refuse('is gzip-compressed', 'CSV text here; gzip files are inflated by the file picker or readBlob'));
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return fail(refuse('is a PDF document, not text', 'CSV/TSV text, Arrow IPC or Parquet'));
  const nul = buf.subarray(0, 8192).indexOf(0);
  if (nul >= 0) return fail(refuse(`is not a text file (byte 0x00 at offset ${nul})`, 'CSV/TSV text, Arrow IPC or Parquet'));
  const bad = invalidUtf8At(buf, final);
  if (bad < 0) return 'utf-8';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(buf, { stream: !final });
    return 'gb18030';
  } catch {
    const hex = buf[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new EncodingError({
      file,
      row: lineOf(buf, bad),
      problem: `is not valid UTF-8 text (byte 0x${hex} at offset ${bad})`,
      expected: 'UTF-8 or GBK/GB18030 text',
    });
  }
}

function fail(e: DataError): never {
  throw e;
}

/** A text-encoding problem; `readBlob` retries such a file as GB18030 before giving up. */
export class EncodingError extends DataError {}

/**
 * Pick the delimiter from the first complete lines of `buf` (outside quotes): the candidate whose
 * count is the same non-zero number on every sampled line, largest count winning; else, when no
 * candidate occurs on the first line and every line splits into the same number (≥ 2) of
 * whitespace-separated fields, `' '` (runs of spaces/tabs, as in CDNOW_master.txt); else the
 * candidate most frequent on the first line; `,` when none occurs.
 *
 * @example
 *   detectDelimiter(new TextEncoder().encode('a;b;c\n1;2;3\n')); // ';'
 *   detectDelimiter(new TextEncoder().encode(' id  date\n 01 19970101\n')); // ' '
 */
export function detectDelimiter(buf: Uint8Array, start = 0): string {
  const cands = DELIMITERS.map((d) => d.charCodeAt(0));
  const lines: number[][] = [];
  const wsFields: number[] = [];
  let counts = cands.map(() => 0);
  let fields = 0;
  let inField = false;
  let inQ = false;
  let i = start;
  for (; i < buf.length && lines.length < 20; i++) {
    const b = buf[i];
    if (b === QUOTE) inQ = !inQ;
    if (!inQ && b === LF) {
      if (inField || fields > 0) {
        lines.push(counts);
        wsFields.push(fields);
      }
      counts = cands.map(() => 0);
      fields = 0;
      inField = false;
      continue;
    }
    const space = b === 32 || b === 9 || b === CR;
    if (!space && !inField) fields++;
    inField = !space || (inQ && inField);
    if (!inQ) {
      const j = cands.indexOf(b);
      if (j >= 0) counts[j]++;
    }
  }
  if (lines.length === 0 || (i === buf.length && fields > 0)) {
    lines.push(counts);
    wsFields.push(fields);
  }
  let best = -1;
  let bestCount = 0;
  for (let j = 0; j < cands.length; j++) {
    const c0 = lines[0][j];
    if (c0 > 0 && lines.every((l) => l[j] === c0) && c0 > bestCount) {
      best = j;
      bestCount = c0;
    }
  }
  if (best < 0 && lines[0].every((c) => c === 0) && wsFields[0] >= 2 && wsFields.every((f) => f === wsFields[0])) return ' ';
  if (best < 0) {
    for (let j = 0; j < cands.length; j++) {
      if (lines[0][j] > bestCount) {
        best = j;
        bestCount = lines[0][j];
      }
    }
  }
  return best < 0 ? ',' : DELIMITERS[best];
}

function looksTyped(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (!Number.isNaN(parseNumber(t))) return true;
  return DATE_FORMATS.some((f) => !Number.isNaN(parseDate(t, f)));
}

/**
 * Whether the first of `records` is a header: true unless the columns whose other values are all
 * numbers or dates mostly hold a number or date in the first record too. With only text columns
 * (nothing to compare) the first record is taken as a header; a lone record is a header unless
 * every field of it is a number or date.
 *
 * @example
 *   firstRowIsHeader([['customer_id', 'date'], ['00001', '19970101']]); // true
 *   firstRowIsHeader([['00004', '19970101'], ['00021', '19970102']]);   // false
 */
export function firstRowIsHeader(records: readonly (readonly string[])[]): boolean {
  const first = records[0];
  if (!first) return true;
  if (records.length === 1) return !first.every(looksTyped);
  let typed = 0;
  let textFirst = 0;
  for (let j = 0; j < first.length; j++) {
    let any = false;
    let all = true;
    for (let r = 1; r < records.length && all; r++) {
      const v = records[r][j];
      if (v === undefined || v.trim() === '') continue;
      any = true;
      all = looksTyped(v);
    }
    if (!any || !all) continue;
    typed++;
    if (!looksTyped(first[j])) textFirst++;
  }
  return typed === 0 ? true : textFirst * 2 > typed;
}

/** A row the reader skipped: its 1-based data row, the located message, and its text as read. */
export interface SkippedRow {
  row: number;
  problem: string;
  text: string;
}

/** What a reader learned about the file besides the table (see `CsvReader.report`). */
export interface CsvReport {
  /** The encoding the bytes were read in. */
  encoding: Exclude<CsvEncoding, 'auto'>;
  /** The field delimiter; `' '` means runs of spaces and tabs. */
  delimiter: string;
  /** Whether the first record named the columns. */
  header: boolean;
  /** Data records read, kept and skipped together. */
  rows: number;
  /** Records skipped (exact count). */
  skipped: number;
  /** Located problems of the first `MAX_PROBLEMS` skipped records. */
  problems: DataErrorInfo[];
  /** The first `MAX_SKIPPED_TEXT` skipped records with their text. */
  skippedRows: SkippedRow[];
  /** 1-based data row numbers of every skipped record, ascending. */
  skippedRowNumbers: Int32Array;
  /** Things changed without losing data (e.g. a duplicate header renamed). */
  warnings: DataErrorInfo[];
}

interface PendingRecord {
  fields: Uint8Array[];
  quoted: boolean[];
  text: Uint8Array;
}

/**
 * Streaming CSV reader: `push` byte chunks as they arrive (any split, even inside a quoted field
 * or a multi-byte character), then `end()` returns the table and `report` says what was skipped.
 *
 * Defaults: encoding `auto` (BOM, else UTF-8, else GB18030, decided on the first 256 KiB), delimiter
 * detected (`,` `;` tab `|` or whitespace runs), header `auto`, `badRows: 'error'` (the first
 * ragged row throws). With `badRows: 'skip'` ragged rows are skipped and reported, unless more
 * than 10% of the rows are bad: then `end()` throws one DataError for the file.
 *
 * @example
 *   const r = new CsvReader({ file: 'orders.csv', badRows: 'skip' });
 *   for await (const chunk of file.stream()) r.push(chunk);
 *   const table = r.end();
 *   r.report.skipped; // 2
 */
export class CsvReader {
  private readonly file: string;
  private delim = -1;
  private ws = false;
  private readonly header: boolean | 'auto';
  private headerFound = false;
  private readonly badRows: 'error' | 'skip';
  private carry: Uint8Array | null = null;
  private started = false;
  private names: string[] | null = null;
  private cols: Column[] = [];
  private dataRows = 0;
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private fq = new Uint8Array(64);
  private fh = new Int32Array(64);
  private scratch = new Uint8Array(256);
  private readonly decoder = new TextDecoder('utf-8');
  private ended = false;
  private enc: Exclude<CsvEncoding, 'auto'> | null = null;
  private readonly encAuto: boolean;
  private sniff: Uint8Array[] = [];
  private sniffLen = 0;
  private transcoder: TextDecoder | null = null;
  private readonly encoder = new TextEncoder();
  private pending: PendingRecord[] = [];
  private skippedNums = new Int32Array(16);
  private readonly rep: Omit<CsvReport, 'skippedRowNumbers' | 'encoding' | 'delimiter' | 'header' | 'rows'> = {
    skipped: 0,
    problems: [],
    skippedRows: [],
    warnings: [],
  };

  constructor(opts: CsvOptions) {
    this.file = opts.file;
    this.header = opts.header ?? 'auto';
    this.badRows = opts.badRows ?? 'error';
    const enc = opts.encoding ?? 'auto';
    this.encAuto = enc === 'auto';
    if (enc !== 'auto') this.setEncoding(enc);
    if (opts.delimiter !== undefined) {
      if (opts.delimiter.length !== 1) throw new Error(`delimiter must be one character, got \`${opts.delimiter}\``);
      this.delim = opts.delimiter.charCodeAt(0);
      this.ws = opts.delimiter === ' ';
    }
  }

  /** Data rows read so far (complete records, header excluded, skipped ones included). */
  get rowsRead(): number {
    return this.dataRows;
  }

  /** What was read and skipped; complete after `end()`. */
  get report(): CsvReport {
    return {
      ...this.rep,
      encoding: this.enc ?? 'utf-8',
      delimiter: this.delim < 0 ? ',' : String.fromCharCode(this.delim),
      header: this.headerFound,
      rows: this.dataRows,
      skippedRowNumbers: this.skippedNums.slice(0, this.rep.skipped),
    };
  }

  private setEncoding(enc: Exclude<CsvEncoding, 'auto'>): void {
    this.enc = enc;
    this.transcoder = enc === 'utf-8' ? null : new TextDecoder(enc, { fatal: true });
  }

  /** Feed the next chunk of bytes. */
  push(input: Uint8Array): void {
    if (this.ended) throw new Error('CsvReader.push after end()');
    if (input.length === 0) return;
    // A Node Buffer (a Uint8Array subclass) would make the hot loops polymorphic and its
    // `subarray` slow: read every chunk through a plain Uint8Array view.
    const chunk = Object.getPrototypeOf(input) === Uint8Array.prototype ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (this.enc === null) {
      this.sniff.push(chunk);
      this.sniffLen += chunk.length;
      if (this.sniffLen < SNIFF_BYTES) return;
      const all = this.takeSniffed();
      this.setEncoding(sniffEncoding(all.subarray(0, SNIFF_BYTES), this.file, false));
      this.feed(all, false);
      return;
    }
    this.feed(chunk, false);
  }

  private takeSniffed(): Uint8Array {
    const all = this.sniff.length === 1 ? this.sniff[0] : new Uint8Array(this.sniffLen);
    if (this.sniff.length > 1) {
      let o = 0;
      for (const c of this.sniff) {
        all.set(c, o);
        o += c.length;
      }
    }
    this.sniff = [];
    this.sniffLen = 0;
    return all;
  }

  private feed(bytes: Uint8Array, final: boolean): void {
    let buf = bytes;
    if (this.transcoder) {
      try {
        buf = this.encoder.encode(this.transcoder.decode(bytes, { stream: !final }));
      } catch {
        throw new EncodingError({ file: this.file, problem: `is not valid ${this.enc!.toUpperCase()} text`, expected: 'UTF-8, UTF-16 or GBK/GB18030 text' });
      }
    }
    if (buf.length === 0) return;
    if (this.carry && this.carry.length) {
      const joined = new Uint8Array(this.carry.length + buf.length);
      joined.set(this.carry);
      joined.set(buf, this.carry.length);
      buf = joined;
    }
    this.carry = null;
    this.consume(buf, false);
  }

  /** Finish reading and return the table. */
  end(): Table {
    if (this.ended) throw new Error('CsvReader.end called twice');
    if (this.enc === null) {
      const all = this.takeSniffed();
      this.setEncoding(sniffEncoding(all.subarray(0, SNIFF_BYTES), this.file, all.length <= SNIFF_BYTES));
      this.feed(all, true);
    } else if (this.transcoder) this.feed(new Uint8Array(0), true);
    const rest = this.carry ?? new Uint8Array(0);
    this.carry = null;
    this.consume(rest, true);
    this.ended = true;
    if (!this.names && this.pending.length) this.resolveHeader();
    if (!this.names) throw new DataError({ file: this.file, problem: 'is empty', expected: 'a header line and data rows' });
    if (this.dataRows === 0 && this.headerFound) {
      throw new DataError({ file: this.file, problem: 'has a header but no data rows' });
    }
    if (this.rep.skipped > 0 && this.rep.skipped > MAX_SKIPPED_FRACTION * this.dataRows) {
      const first = this.rep.problems[0];
      const k = this.rep.skipped;
      throw new DataError({
        ...first,
        expected:
          `${first.expected ? `${first.expected}; ` : ''}${k.toLocaleString('en-US')} of ${this.dataRows.toLocaleString('en-US')} rows ${k === 1 ? 'is' : 'are'} malformed, ` +
          `more than the ${MAX_SKIPPED_FRACTION * 100}% that can be skipped — check the delimiter and the quotes`,
      });
    }
    const vectors: Record<string, Vector> = {};
    for (let j = 0; j < this.names.length; j++) {
      const col = this.cols[j];
      const codes = col.codes.subarray(0, col.rows);
      if (this.enc === 'utf-8') {
        const bad = col.firstInvalidUtf8();
        if (bad >= 0) {
          const at = codes.indexOf(bad);
          throw new EncodingError({
            file: this.file,
            row: this.fileRow(at),
            column: this.names[j],
            problem: 'has bytes that are not valid UTF-8',
            expected: 'UTF-8 or GBK/GB18030 text throughout the file',
          });
        }
      }
      vectors[this.names[j]] = buildVector(col, this.decoder, codes);
    }
    return new Table(vectors);
  }

  /** The 1-based data row of kept row `i` (0-based), counting skipped rows. */
  fileRow(i: number): number {
    let row = i + 1;
    const nums = this.skippedNums;
    for (let k = 0; k < this.rep.skipped && nums[k] <= row; k++) row++;
    return row;
  }

  private consume(buf: Uint8Array, final: boolean): void {
    let pos = 0;
    const len = buf.length;
    if (!this.started) {
      if (len < 3 && !final) {
        this.carry = buf;
        return;
      }
      if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      if (this.delim < 0) {
        if (!final && buf.indexOf(LF, pos) < 0) {
          this.carry = buf;
          return;
        }
        const d = detectDelimiter(buf, pos);
        this.delim = d.charCodeAt(0);
        this.ws = d === ' ';
      }
      this.started = true;
    }
    const D = this.delim;
    const WS = this.ws;
    while (pos < len) {
      const recStart = pos;
      this.scratchLen = 0;
      let nf = 0;
      let complete = false;
      let p = pos;
      if (WS) while (p < len && (buf[p] === 32 || buf[p] === 9)) p++;
      for (;;) {
        if (nf === this.fs.length) this.growFields();
        if (p < len && buf[p] === QUOTE) {
          // Quoted field: find the closing quote ("" is an escaped quote).
          let q = p + 1;
          let escaped = false;
          let closed = false;
          while (q < len) {
            if (buf[q] === QUOTE) {
              if (q + 1 < len && buf[q + 1] === QUOTE) {
                escaped = true;
                q += 2;
                continue;
              }
              if (q + 1 >= len && !final) break; // might be the first half of ""
              closed = true;
              break;
            }
            q++;
          }
          if (!closed) {
            if (final) {
              if (!this.names && this.pending.length) this.resolveHeader();
              const row = this.names || this.header === false ? this.dataRows + 1 : 0;
              throw new DataError({ file: this.file, row, problem: 'has a quoted field that is never closed', expected: 'a closing `"`' });
            }
            break; // incomplete: wait for more bytes
          }
          let r = q + 1;
          // Lenient: text after the closing quote up to the delimiter is kept.
          while (r < len && buf[r] !== D && !(WS && buf[r] === 9) && buf[r] !== LF && !(buf[r] === CR && (r + 1 >= len || buf[r + 1] === LF))) r++;
          if (r > q + 1 || escaped) {
            this.fs[nf] = -1; // mark: unescape needed
            this.fe[nf] = 0;
            this.unescapeInto(nf, buf, p + 1, q, q + 1, r);
          } else {
            this.fs[nf] = p + 1;
            this.fe[nf] = q;
          }
          this.fq[nf] = 1;
          nf++;
          p = r;
        } else {
          let r = p;
          let h = FNV_OFFSET;
          if (WS) {
            while (r < len) {
              const b = buf[r];
              if (b === D || b === LF || b === 9) break;
              h = Math.imul(h ^ b, FNV_PRIME);
              r++;
            }
          } else {
            // the hot loop: one compare pair and one multiply per byte
            while (r < len) {
              const b = buf[r];
              if (b === D || b === LF) break;
              h = Math.imul(h ^ b, FNV_PRIME);
              r++;
            }
          }
          this.fs[nf] = p;
          this.fe[nf] = r;
          if (r > p && buf[r - 1] === CR && ((r < len && buf[r] === LF) || (r === len && final))) {
            // CRLF: the CR is not part of the field; hash it again without it
            this.fe[nf] = r - 1;
            h = FNV_OFFSET;
            for (let i = p; i < r - 1; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
          }
          this.fh[nf] = h;
          this.fq[nf] = 0;
          nf++;
          p = r;
        }
        if (p >= len) {
          if (final) complete = true;
          break;
        }
        const t = buf[p];
        if (t === CR && p + 1 < len && buf[p + 1] === LF) p++;
        else if (t === CR && p + 1 >= len) {
          if (final) {
            p++;
            complete = true;
          }
          break;
        }
        if (buf[p] === LF) {
          p++;
          complete = true;
          break;
        }
        // delimiter
        p++;
        if (WS) {
          // A run of spaces/tabs is one delimiter; spaces before the line end end the record.
          while (p < len && (buf[p] === 32 || buf[p] === 9)) p++;
          if (p >= len) {
            if (final) complete = true;
            break;
          }
          if (buf[p] === LF) {
            p++;
            complete = true;
            break;
          }
          if (buf[p] === CR && p + 1 >= len) {
            if (final) {
              p++;
              complete = true;
            }
            break;
          }
          if (buf[p] === CR && buf[p + 1] === LF) {
            p += 2;
            complete = true;
            break;
          }
          continue;
        }
        if (p >= len && final) {
          // trailing delimiter at EOF: one more empty field
          if (nf === this.fs.length) this.growFields();
          this.fs[nf] = p;
          this.fe[nf] = p;
          this.fh[nf] = FNV_OFFSET;
          this.fq[nf] = 0;
          nf++;
          complete = true;
          break;
        }
      }
      if (!complete) {
        this.carry = buf.subarray(recStart);
        if (this.carry.length > MAX_RECORD_BYTES) {
          if (!this.names && this.pending.length) this.resolveHeader();
          throw new DataError({
            file: this.file,
            row: this.names || this.header === false ? this.dataRows + 1 : 0,
            problem: `runs on for more than ${MAX_RECORD_BYTES / 1024 / 1024} MB without ending — a quoted field that is never closed`,
            expected: 'a closing `"`',
          });
        }
        return;
      }
      pos = p;
      this.commit(buf, nf, recStart, p);
    }
  }

  private growFields(): void {
    const n = this.fs.length * 2;
    const fs = new Int32Array(n);
    fs.set(this.fs);
    const fe = new Int32Array(n);
    fe.set(this.fe);
    const fq = new Uint8Array(n);
    fq.set(this.fq);
    const fh = new Int32Array(n);
    fh.set(this.fh);
    this.fh = fh;
    this.fs = fs;
    this.fe = fe;
    this.fq = fq;
  }

  /** Unescaped copies of quoted fields live in `scratch`; fs = -1 - offset marks them. */
  private scratchLen = 0;
  private unescapeInto(nf: number, buf: Uint8Array, s: number, e: number, ts: number, te: number): void {
    const need = this.scratchLen + (e - s) + (te - ts);
    if (need > this.scratch.length) {
      const ns = new Uint8Array(Math.max(need, this.scratch.length * 2));
      ns.set(this.scratch.subarray(0, this.scratchLen));
      this.scratch = ns;
    }
    const out = this.scratch;
    const start = this.scratchLen;
    let o = start;
    for (let i = s; i < e; i++) {
      out[o++] = buf[i];
      if (buf[i] === QUOTE) i++;
    }
    for (let i = ts; i < te; i++) out[o++] = buf[i];
    this.fs[nf] = -1 - start;
    this.fe[nf] = o;
    this.scratchLen = o;
  }

  private fieldBytes(buf: Uint8Array, j: number): Uint8Array {
    const s = this.fs[j];
    return s >= 0 ? buf.subarray(s, this.fe[j]) : this.scratch.subarray(-1 - s, this.fe[j]);
  }

  private commit(buf: Uint8Array, nf: number, rs: number, re: number): void {
    // Blank line (or only spaces): skip.
    if (nf === 1 && this.fq[0] === 0) {
      let blank = true;
      for (let i = this.fs[0]; i < this.fe[0] && blank; i++) blank = buf[i] === 32 || buf[i] === 9;
      if (blank) return;
    }
    if (!this.names) {
      if (this.header === 'auto') {
        const fields: Uint8Array[] = [];
        const quoted: boolean[] = [];
        for (let j = 0; j < nf; j++) {
          fields.push(this.fieldBytes(buf, j).slice());
          quoted.push(this.fq[j] === 1);
        }
        this.pending.push({ fields, quoted, text: buf.slice(rs, re) });
        if (this.pending.length > HEADER_SAMPLE) this.resolveHeader();
        return;
      }
      if (this.header) {
        const names: string[] = [];
        for (let j = 0; j < nf; j++) names.push(this.decoder.decode(this.fieldBytes(buf, j)));
        this.setNames(names);
        return;
      }
      this.setNames(null, nf);
    }
    this.addRow(buf, nf, buf, rs, re);
  }

  /** Decide whether the first pending record is a header, then add the pending records as rows. */
  private resolveHeader(): void {
    const recs = this.pending;
    this.pending = [];
    const texts = recs.map((r) => r.fields.map((f) => this.decoder.decode(f)));
    if (firstRowIsHeader(texts)) {
      this.setNames(texts[0]);
      recs.shift();
    } else this.setNames(null, recs[0].fields.length);
    for (const r of recs) {
      const nf = r.fields.length;
      while (this.fs.length < nf) this.growFields();
      let size = 0;
      for (const f of r.fields) size += f.length;
      const tmp = new Uint8Array(size);
      let o = 0;
      for (let j = 0; j < nf; j++) {
        tmp.set(r.fields[j], o);
        this.fs[j] = o;
        this.fe[j] = o + r.fields[j].length;
        this.fq[j] = 1; // hash in Column.add
        o += r.fields[j].length;
      }
      // An empty unquoted extra field must still look empty to the ragged-row check.
      for (let j = 0; j < nf; j++) if (!r.quoted[j] && r.fields[j].length === 0) this.fq[j] = 0;
      for (let j = 0; j < nf; j++) if (this.fq[j] === 0) this.fh[j] = FNV_OFFSET;
      this.addRow(tmp, nf, r.text, 0, r.text.length);
    }
  }

  /** Column names from the header (null = none: column_1…), renaming duplicates with a warning. */
  private setNames(header: string[] | null, nf = 0): void {
    this.headerFound = header !== null;
    if (!header) {
      this.names = Array.from({ length: nf }, (_, j) => `column_${j + 1}`);
    } else {
      const names: string[] = [];
      const seen = new Set<string>();
      for (let j = 0; j < header.length; j++) {
        let name = header[j].trim();
        if (!name) name = `column_${j + 1}`;
        let unique = name;
        for (let k = 2; seen.has(unique); k++) unique = `${name}_${k}`;
        if (unique !== name) {
          this.rep.warnings.push({ file: this.file, column: name, problem: `appears more than once in the header; column ${j + 1} is renamed \`${unique}\`` });
        }
        seen.add(unique);
        names.push(unique);
      }
      this.names = names;
    }
    this.cols = this.names.map(() => new Column());
  }

  private addRow(buf: Uint8Array, nf: number, raw: Uint8Array, rs: number, re: number): void {
    const expected = this.names!.length;
    this.dataRows++;
    let k = nf;
    if (nf > expected) {
      // Lenient: empty fields after the last column (a trailing delimiter) are dropped.
      k = expected;
      for (let j = expected; j < nf; j++) if (this.fq[j] !== 0 || this.fe[j] !== this.fs[j]) k = nf;
    }
    if (k !== expected) {
      const info: DataErrorInfo = {
        file: this.file,
        row: this.dataRows,
        problem: `has ${nf} field${nf === 1 ? '' : 's'}`,
        expected: this.headerFound ? `${expected}, as in the header` : `${expected}, as in the first row`,
      };
      if (this.badRows === 'error') throw new DataError(info);
      this.skip(info, raw.subarray(rs, re));
      return;
    }
    const cols = this.cols;
    const scratch = this.scratch;
    for (let j = 0; j < k; j++) {
      const s = this.fs[j];
      if (this.fq[j] === 0) cols[j].addHashed(buf, s, this.fe[j], this.fh[j]);
      else if (s >= 0) cols[j].add(buf, s, this.fe[j]);
      else cols[j].add(scratch, -1 - s, this.fe[j]);
    }
  }

  private skip(info: DataErrorInfo, raw: Uint8Array): void {
    const rep = this.rep;
    if (rep.skipped === this.skippedNums.length) {
      const grown = new Int32Array(this.skippedNums.length * 2);
      grown.set(this.skippedNums);
      this.skippedNums = grown;
    }
    this.skippedNums[rep.skipped++] = info.row!;
    if (rep.problems.length < MAX_PROBLEMS) rep.problems.push(info);
    if (rep.skippedRows.length < MAX_SKIPPED_TEXT) {
      rep.skippedRows.push({ row: info.row!, problem: new DataError(info).message, text: this.decoder.decode(raw).replace(/\r?\n$/, '') });
    }
  }
}

/**
 * Parse a whole CSV (bytes or text) into a single-batch Arrow table.
 *
 * @example
 *   parseCsv('id;when\n1;2024-01-02\n', { file: 'x.csv' }).getChild('when')?.type.toString(); // 'Timestamp<MILLISECOND>'
 */
export function parseCsv(input: Uint8Array | string, opts: CsvOptions): Table {
  return parseCsvReport(input, { badRows: 'error', ...opts }).table;
}

/**
 * Parse a whole CSV and return the table with the reader's report (skipped rows, warnings).
 * `badRows` defaults to `'skip'` here.
 *
 * @example
 *   const { table, report } = parseCsvReport('a,b\n1,2\n3\n…', { file: 'x.csv' });
 */
export function parseCsvReport(input: Uint8Array | string, opts: CsvOptions): { table: Table; report: CsvReport } {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const read = (encoding: CsvEncoding | undefined) => {
    const reader = new CsvReader({ badRows: 'skip', ...opts, encoding });
    reader.push(bytes);
    const table = reader.end();
    return { table, report: reader.report };
  };
  try {
    return read(opts.encoding);
  } catch (e) {
    // Invalid UTF-8 after the sniffed start: the file may be GBK with a plain-ASCII beginning.
    if (!(e instanceof EncodingError) || (opts.encoding ?? 'auto') !== 'auto') throw e;
    try {
      return read('gb18030');
    } catch {
      throw e;
    }
  }
}
