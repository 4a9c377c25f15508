/**
 * The builder of one CSV column as rows arrive. It starts by interning every value's bytes
 * (`InternedColumn`; the type is inferred at the end over the distinct values, `csvInfer.ts`).
 * Once the reader has seen a sample of rows it calls `settle()`: a column whose every value so far
 * is a plain decimal or an ISO timestamp (`csvTyped.ts`) from then on reads its values straight
 * from the bytes into a Float64Array, with no hashing and no strings. When a later value does not
 * fit, the column writes its earlier values back as their exact texts into a new interned column
 * and carries on interning, so the table is always the one the interning reader gives.
 *
 * @example
 *   const col = new CsvColumn();
 *   const b = new TextEncoder().encode('1.5');
 *   col.add(0, b, 0, 3, hash(b, 0, 3));
 *   col.settle(1, 2);                   // typed: plain decimals
 *   col.add(1, b, 0, 1, hash(b, 0, 1)); // 1
 *   col.toVector(2, new TextDecoder()).toArray(); // Float64Array [1.5, 1]
 */
import type { Vector } from 'apache-arrow';
import { float64Vector, timestampVector } from './columns';
import { inferVector } from './csvInfer';
import { InternedColumn } from './csvIntern';
import { EMPTY_SHAPE as EMPTY_SHAPE_, decimalAt, decimalScan, decimalShape, decimalText, isoAt, isoScan, isoText, type DayCache } from './csvTyped';

// Module-local references for the per-row calls: some loaders (tsx's CommonJS output, used by the
// bench and the CLI) put an accessor on every use of an import, which costs in a hot loop.
const readDecimal = decimalAt;
const readIso = isoAt;
const scanDecimal = decimalScan;
const scanIso = isoScan;
const EMPTY_SHAPE = EMPTY_SHAPE_;
const LF = 10;
const CR = 13;

const INTERNED = 0;
const DECIMAL = 1;
const ISO = 2;

/** The shape of a plain 8-digit integer, which may be a `YYYYMMDD` date (see `toVector`). */
const EIGHT_DIGITS = decimalShape(8, 0, false);

const encoder = new TextEncoder();

/**
 * One column being read: interned values, or typed values with their shapes. Rows are numbered
 * by the reader (`at`), the same for every column; a row counts once the reader keeps it, so a
 * value written for a row the reader then reads again is simply written over.
 */
export class CsvColumn {
  private mode = INTERNED;
  private interned: InternedColumn | null = new InternedColumn();
  /** Typed modes: the value (NaN = empty) and the shape of each row. */
  private values = new Float64Array(0);
  private shapes = new Uint8Array(0);
  private readonly day: DayCache = { key: -1, ms: 0 };

  /** Add bytes [s, e) of `buf`, whose FNV-1a hash is `h` (`csvScan.hash`), as the value of row `at`. */
  add(at: number, buf: Uint8Array, s: number, e: number, h: number): void {
    const mode = this.mode;
    if (mode === INTERNED) {
      this.interned!.addHashed(at, buf, s, e, h);
      return;
    }
    if (at >= this.values.length) this.grow(Math.max(at + 1, at * 2));
    const shape = mode === DECIMAL ? readDecimal(buf, s, e, this.values, this.shapes, at) : readIso(buf, s, e, this.values, this.shapes, at, this.day);
    if (shape < 0) {
      this.toInterned(at);
      this.interned!.addHashed(at, buf, s, e, h);
    }
  }

  /** Whether the column reads typed values (then `scanTyped`, else `intern`, in the one-pass scan). */
  get typed(): boolean {
    return this.mode !== INTERNED;
  }

  /**
   * Interned mode, in the record scan's single pass: `InternedColumn.addHashed` — returns the
   * value's code, or `-1 - code` when it is new (`dropLast` takes it back if the row is not kept).
   */
  intern(at: number, buf: Uint8Array, s: number, e: number, h: number): number {
    return this.interned!.addHashed(at, buf, s, e, h);
  }

  /** Take back the new value `intern` just added. */
  dropLast(): void {
    this.interned!.dropLast();
  }

  /**
   * Typed modes, in the record scan's single pass: read the field that starts at `p` of `buf` up
   * to its end — the delimiter `delim`, or the line end (LF or CRLF) when `last` — as the value of
   * row `at`. Returns the offset after the field's end, or -1 when the field is not a value of the
   * column's kind so ended (the reader then reads the record by every rule).
   */
  scanTyped(at: number, buf: Uint8Array, p: number, delim: number, last: boolean): number {
    if (at >= this.values.length) this.grow(Math.max(at + 1, at * 2));
    const len = buf.length;
    const i = this.mode === DECIMAL ? scanDecimal(buf, p, len, this.values, this.shapes, at) : scanIso(buf, p, len, this.values, this.shapes, at, this.day);
    if (i < 0 || i >= len) return -1;
    const b = buf[i];
    if (!last) return b === delim ? i + 1 : -1;
    if (b === LF) return i + 1;
    return b === CR && i + 1 < len && buf[i + 1] === LF ? i + 2 : -1;
  }

  /**
   * Switch to a typed mode when every value of the `rows` rows so far is a plain decimal (not all
   * 8-digit integers, which are likely `YYYYMMDD` dates) or an ISO timestamp, and at least one is
   * not empty. `expectedRows` (a hint) sizes the column's arrays.
   */
  settle(rows: number, expectedRows: number): void {
    const col = this.interned;
    if (this.mode !== INTERNED || !col) return;
    col.reserve(expectedRows);
    if (col.count === 0) return;
    const k = col.count;
    const lookup = new Float64Array(k);
    const shapeOf = new Uint8Array(k);
    for (const mode of [DECIMAL, ISO]) {
      let present = 0;
      let eight = 0;
      let c = 0;
      for (; c < k; c++) {
        const s = col.starts[c];
        const e = s + col.lens[c];
        const shape = mode === DECIMAL ? readDecimal(col.pool, s, e, lookup, shapeOf, c) : readIso(col.pool, s, e, lookup, shapeOf, c, this.day);
        if (shape < 0) break;
        if (shape !== EMPTY_SHAPE) present++;
        if (shape === EIGHT_DIGITS) eight++;
      }
      if (c < k || present === 0 || (mode === DECIMAL && eight === present)) continue;
      this.grow(Math.max(1024, rows * 2, expectedRows));
      const codes = col.codes;
      for (let i = 0; i < rows; i++) {
        this.values[i] = lookup[codes[i]];
        this.shapes[i] = shapeOf[codes[i]];
      }
      this.mode = mode;
      this.interned = null;
      return;
    }
  }

  private grow(size: number): void {
    const v = new Float64Array(size);
    v.set(this.values);
    this.values = v;
    const sh = new Uint8Array(size);
    sh.set(this.shapes);
    this.shapes = sh;
  }

  /** Leave the typed mode (its arrays' size kept as the hint of rows to come): intern the exact texts of rows 0 … rows − 1, in order. */
  private toInterned(rows: number): void {
    const col = new InternedColumn();
    col.reserve(this.values.length);
    const text = this.mode === DECIMAL ? decimalText : isoText;
    let lastShape = -1;
    let lastValue = NaN;
    let bytes = new Uint8Array(0);
    for (let i = 0; i < rows; i++) {
      const v = this.values[i];
      const shape = this.shapes[i];
      if (shape !== lastShape || !Object.is(v, lastValue)) {
        bytes = encoder.encode(text(v, shape));
        lastShape = shape;
        lastValue = v;
      }
      col.add(i, bytes, 0, bytes.length);
    }
    this.mode = INTERNED;
    this.interned = col;
    this.values = new Float64Array(0);
    this.shapes = new Uint8Array(0);
  }

  /** The first of the `rows` rows whose value is not valid UTF-8 (typed values are ASCII), or -1. */
  firstInvalidUtf8Row(rows: number): number {
    if (this.mode !== INTERNED) return -1;
    const col = this.interned!;
    const bad = col.firstInvalidUtf8();
    return bad < 0 ? -1 : col.codes.subarray(0, rows).indexOf(bad);
  }

  /**
   * The Arrow vector of the column's `rows` rows: the one inference over the interned values
   * would give. Call it once, at the end: a typed column's arrays become the vector's.
   */
  toVector(rows: number, decoder: TextDecoder): Vector {
    if (this.mode === DECIMAL) {
      // All 8-digit integers: let the inference decide between `YYYYMMDD` dates and numbers.
      let allEight = true;
      for (let i = 0; i < rows && allEight; i++) allEight = this.shapes[i] === EIGHT_DIGITS || this.shapes[i] === EMPTY_SHAPE;
      if (!allEight) return float64Vector(trimmed(this.values, rows), true);
      this.toInterned(rows);
    }
    if (this.mode === ISO) return timestampVector(trimmed(this.values, rows), true);
    const col = this.interned!;
    return inferVector(col, decoder, trimmed(col.codes, rows));
  }
}

/** The first `n` entries of `a`: a view when little of `a` is left unused, else a copy. */
function trimmed<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  return (n >= a.length * 0.8 ? a.subarray(0, n) : a.slice(0, n)) as T;
}
