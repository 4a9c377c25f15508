/**
 * The byte-interning store of one CSV column: each distinct value's bytes are kept once (in
 * first-seen order, code 0, 1, …) and each row holds the code of its value (the caller numbers
 * the rows, the same for every column of a file). No string is made while reading; type
 * inference (`csvInfer.ts`) then looks at the distinct values only.
 *
 * @example
 *   const col = new InternedColumn();
 *   const b = new TextEncoder().encode('x,y,x');
 *   col.add(0, b, 0, 1); col.add(1, b, 2, 3); col.add(2, b, 4, 5);
 *   [col.count, Array.from(col.codes.subarray(0, 3))]; // [2, [0, 1, 0]]
 */
import { invalidUtf8At } from './csvEncoding';
import { hash } from './csvScan';

const latin1 = new TextDecoder('latin1');

/** Interned byte strings of one column plus the per-row code of each value. */
export class InternedColumn {
  /** The distinct values' bytes, back to back. */
  pool = new Uint8Array(1024);
  poolLen = 0;
  /** Per distinct value: its offset in `pool`, its length, its hash, and 1 when it is ASCII. */
  starts = new Int32Array(64);
  lens = new Int32Array(64);
  hashes = new Int32Array(64);
  ascii = new Uint8Array(64);
  /** Distinct values so far. */
  count = 0;
  private slots = new Int32Array(128); // code + 1 of the value in each slot; 0 = empty
  private mask = 127;
  private lastCode = -1;
  /** The FNV-1a hash (before the finaliser) of the last value added. */
  private lastRaw = 0;
  /** Per row: the code of its value (rows are numbered by the caller). */
  codes = new Int32Array(1024);

  /**
   * Intern bytes [s, e) of `buf` as the value of row `at`, hashing them here.
   *
   * @example
   *   const x = new TextEncoder().encode('x');
   *   col.add(0, x, 0, 1); // -1: new, code 0
   *   col.add(1, x, 0, 1); // 0
   */
  add(at: number, buf: Uint8Array, s: number, e: number): number {
    return this.addHashed(at, buf, s, e, hash(buf, s, e));
  }

  /**
   * Intern bytes [s, e) of `buf`, whose FNV-1a hash (`csvScan.hash`) the caller computed while
   * scanning, as the value of row `at`. Returns its code, or `-1 - code` when the value is new
   * (then `dropLast` can take it back).
   */
  addHashed(at: number, buf: Uint8Array, s: number, e: number, h0: number): number {
    if (at >= this.codes.length) this.reserve(Math.max(at + 1, this.codes.length * 2));
    const len = e - s;
    let code = this.lastCode;
    // Consecutive rows often repeat a value (the lines of one order): check the last one first.
    if (code >= 0 && h0 === this.lastRaw && this.lens[code] === len && this.same(buf, s, e, code)) {
      this.codes[at] = code;
      return code;
    }
    // murmur3 finaliser: FNV-1a's low bits cluster for ids like SKU10001, SKU10002, …
    let h = Math.imul(h0 ^ (h0 >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    let fresh = false;
    code = -1;
    for (;;) {
      const v = slots[slot];
      if (v === 0) break;
      if (this.hashes[v - 1] === h && this.lens[v - 1] === len && this.same(buf, s, e, v - 1)) {
        code = v - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (code < 0) {
      code = this.insert(buf, s, e, h, slot);
      fresh = true;
    }
    this.lastCode = code;
    this.lastRaw = h0;
    this.codes[at] = code;
    return fresh ? -1 - code : code;
  }

  /** Take back the last new value (`addHashed` returned `-1 - code` for it and nothing came since). */
  dropLast(): void {
    const code = --this.count;
    const h = this.hashes[code];
    let slot = h & this.mask;
    while (this.slots[slot] !== code + 1) slot = (slot + 1) & this.mask;
    // The newest entry ends every probe chain it is on, so clearing its slot breaks none.
    this.slots[slot] = 0;
    this.poolLen = this.starts[code];
    this.lastCode = -1;
  }

  /** Make room for `rows` rows in all (a hint: more rows still fit). */
  reserve(rows: number): void {
    if (rows <= this.codes.length) return;
    const nc = new Int32Array(rows);
    nc.set(this.codes);
    this.codes = nc;
  }

  /** Whether bytes [s, e) of `buf` equal distinct value `c` (same length checked by the caller). */
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
    const pool = this.pool;
    const o = this.poolLen;
    let hi = 0;
    for (let i = 0; i < len; i++) hi |= pool[o + i] = buf[s + i];
    this.starts[code] = o;
    this.lens[code] = len;
    this.hashes[code] = h;
    this.ascii[code] = hi < 128 ? 1 : 0;
    this.poolLen += len;
    this.count++;
    this.slots[at] = code + 1;
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
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let c = 0; c < this.count; c++) {
      const h = this.hashes[c];
      let at = h & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = c + 1;
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
}
