/**
 * The CSV record scanner: finds the fields of one record in a byte buffer (RFC 4180 quotes with
 * escaped `""` and embedded newlines, CRLF or LF, runs of spaces as the delimiter for
 * whitespace-separated files), without making strings. Once its columns are settled the reader
 * (`csvReader.ts`) calls `row` first — one record of plain fields, the common case, read in a
 * single tight pass in which typed columns also parse their values — and `record` (every rule)
 * when it declines.
 *
 * Field `j` of the last record is bytes `fs[j] … fe[j]` of the buffer, or, for a quoted field
 * that needed unescaping, of `scratch` (then `fs[j]` is `-1 - offset`); `fq[j]` is 1 when it was
 * quoted; `fh[j]` is the FNV-1a hash (`hash`) of an unquoted field's bytes.
 *
 * @example
 *   const sc = new FieldScanner(44, false);
 *   const buf = new TextEncoder().encode('a,"b ""c"""\n');
 *   sc.record(buf, 0, true);                              // 12 (the offset after the record)
 *   new TextDecoder().decode(sc.fieldBytes(buf, 1));      // 'b "c"'
 */
import type { CsvColumn } from './csvColumns';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** FNV-1a of no bytes, and its prime: `InternedColumn.addHashed` takes the hash computed here. */
export const FNV_OFFSET = -2128831035;
const FNV_PRIME = 16777619;

/** `record`: the record is not complete in the buffer and more bytes may come. */
export const NEED_MORE = -1;
/** `record`: the buffer is final and a quoted field of the record is never closed. */
export const UNCLOSED = -2;

/**
 * FNV-1a-style hash of bytes [s, e) of `buf`, four bytes at a time: each whole little-endian
 * 32-bit word from `s` on, then each byte left over (so `row` can hash a field as it scans it a
 * word at a time).
 *
 * @example
 *   hash(new Uint8Array(0), 0, 0) === FNV_OFFSET; // true
 */
export function hash(buf: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  let i = s;
  for (; i + 4 <= e; i += 4) h = Math.imul(h ^ (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24)), FNV_PRIME);
  for (; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return h;
}

/** Whether some byte of the 32-bit word `x` is 0 (the classic exact bit trick). */
function hasZeroByte(x: number): boolean {
  return ((x - 0x01010101) & ~x & 0x80808080) !== 0;
}

/** Finds the fields of one record at a time; see the module doc. */
export class FieldScanner {
  /** Field starts (or `-1 - offset` into `scratch`), ends and quoted flags of the last record. */
  fs = new Int32Array(64);
  fe = new Int32Array(64);
  fq = new Uint8Array(64);
  fh = new Int32Array(64);
  /** Fields in the last record. */
  nf = 0;
  /** `row`: the columns that took a new dictionary value from the record being read. */
  private added = new Int32Array(64);
  /** `row`: a DataView of the buffer it reads (words of 4 bytes). */
  private viewOf: Uint8Array | null = null;
  private view: DataView | null = null;
  /** Unescaped copies of quoted fields of the last record. */
  scratch = new Uint8Array(256);
  private scratchLen = 0;

  /**
   * @param delim the delimiter byte (`' '` = runs of spaces and tabs when `ws`)
   * @param ws whether runs of spaces/tabs delimit fields (CDNOW_master.txt)
   */
  constructor(
    readonly delim: number,
    readonly ws: boolean,
  ) {}

  /**
   * One record of plain fields at `pos`, read in a single pass as row `at` of `cols`: exactly one
   * field per column (≥ 2), none quoted, ended by LF or CRLF (comma-like delimiter only). Each
   * column takes its value as the pass reaches it — a typed column (`typed[j]` = 1) parses it
   * (`CsvColumn.scanTyped`), the others intern its bytes with the hash computed on the way
   * (`CsvColumn.intern`). Returns the offset after the record, or -1 for anything else — a quote
   * at a field start, too few or too many fields, a value a typed column does not take, no line
   * end in the buffer — after taking back the values this record added to the dictionaries;
   * `record` then reads it by every rule.
   */
  row(buf: Uint8Array, pos: number, cols: readonly CsvColumn[], typed: Uint8Array, at: number): number {
    const D = this.delim;
    const len = buf.length;
    const last = cols.length - 1;
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const view = this.view!;
    const DDDD = D * 0x01010101;
    let fresh = 0; // columns given a new dictionary value by this record: `added[0 … fresh)`
    let p = pos;
    for (let j = 0; j <= last; j++) {
      if (typed[j]) {
        p = cols[j].scanTyped(at, buf, p, D, j === last);
        if (p < 0) break;
        continue;
      }
      if (p < len && buf[p] === QUOTE) {
        p = -1;
        break;
      }
      let r = p;
      let h = FNV_OFFSET;
      // A word at a time while it holds neither the delimiter nor LF, then byte by byte (`hash`).
      while (r + 4 <= len) {
        const w = view.getInt32(r, true);
        if (hasZeroByte(w ^ DDDD) || hasZeroByte(w ^ 0x0a0a0a0a)) break;
        h = Math.imul(h ^ w, FNV_PRIME);
        r += 4;
      }
      while (r < len) {
        const b = buf[r];
        if (b === D || b === LF) break;
        h = Math.imul(h ^ b, FNV_PRIME);
        r++;
      }
      // Too few or too many fields, or no line end yet.
      if (r === len || (buf[r] === LF) !== (j === last)) {
        p = -1;
        break;
      }
      let e = r;
      if (j === last && r > p && buf[r - 1] === CR) {
        e = r - 1;
        h = hash(buf, p, e);
      }
      if (cols[j].intern(at, buf, p, e, h) < 0) this.added[fresh++] = j;
      p = r + 1;
    }
    if (p < 0) for (let k = fresh - 1; k >= 0; k--) cols[this.added[k]].dropLast();
    return p;
  }

  /**
   * Read one record at `pos` by every rule: returns the offset after it, `NEED_MORE` when it is
   * not complete and `final` is false (nothing is kept: call again with more bytes), or
   * `UNCLOSED` when `final` and a quoted field never closes.
   */
  record(buf: Uint8Array, pos: number, final: boolean): number {
    const D = this.delim;
    const WS = this.ws;
    const len = buf.length;
    this.scratchLen = 0;
    let nf = 0;
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
        if (!closed) return final ? UNCLOSED : NEED_MORE;
        let r = q + 1;
        // Lenient: text after the closing quote up to the delimiter is kept.
        while (r < len && buf[r] !== D && !(WS && buf[r] === 9) && buf[r] !== LF && !(buf[r] === CR && (r + 1 >= len || buf[r + 1] === LF))) r++;
        if (r > q + 1 || escaped) this.unescapeInto(nf, buf, p + 1, q, q + 1, r);
        else {
          this.fs[nf] = p + 1;
          this.fe[nf] = q;
        }
        this.fq[nf] = 1;
        nf++;
        p = r;
      } else {
        let r = p;
        if (WS) {
          while (r < len) {
            const b = buf[r];
            if (b === D || b === LF || b === 9) break;
            r++;
          }
        } else {
          while (r < len) {
            const b = buf[r];
            if (b === D || b === LF) break;
            r++;
          }
        }
        this.fs[nf] = p;
        // CRLF: the CR is not part of the field.
        const e = r > p && buf[r - 1] === CR && ((r < len && buf[r] === LF) || (r === len && final)) ? r - 1 : r;
        this.fe[nf] = e;
        this.fh[nf] = hash(buf, p, e);
        this.fq[nf] = 0;
        nf++;
        p = r;
      }
      if (p >= len) {
        if (final) break;
        return NEED_MORE;
      }
      const t = buf[p];
      if (t === CR && p + 1 < len && buf[p + 1] === LF) p++;
      else if (t === CR && p + 1 >= len) {
        if (final) {
          p++;
          break;
        }
        return NEED_MORE;
      }
      if (buf[p] === LF) {
        p++;
        break;
      }
      // delimiter
      p++;
      if (WS) {
        // A run of spaces/tabs is one delimiter; spaces before the line end end the record.
        while (p < len && (buf[p] === 32 || buf[p] === 9)) p++;
        if (p >= len) {
          if (final) break;
          return NEED_MORE;
        }
        if (buf[p] === LF) {
          p++;
          break;
        }
        if (buf[p] === CR && p + 1 >= len) {
          if (final) {
            p++;
            break;
          }
          return NEED_MORE;
        }
        if (buf[p] === CR && buf[p + 1] === LF) {
          p += 2;
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
        break;
      }
    }
    this.nf = nf;
    return p;
  }

  /** Bytes of field `j` of the last record of `buf`. */
  fieldBytes(buf: Uint8Array, j: number): Uint8Array {
    const s = this.fs[j];
    return s >= 0 ? buf.subarray(s, this.fe[j]) : this.scratch.subarray(-1 - s, this.fe[j]);
  }

  /** Make room for twice as many fields. */
  growFields(): void {
    const n = this.fs.length * 2;
    const fs = new Int32Array(n);
    fs.set(this.fs);
    const fe = new Int32Array(n);
    fe.set(this.fe);
    const fq = new Uint8Array(n);
    fq.set(this.fq);
    const fh = new Int32Array(n);
    fh.set(this.fh);
    this.fs = fs;
    this.fe = fe;
    this.fq = fq;
    this.fh = fh;
    this.added = new Int32Array(n);
  }

  /** Copy quoted bytes [s, e) unescaped plus the text [ts, te) after the closing quote into `scratch`. */
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
}
