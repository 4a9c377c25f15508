import { Table } from 'apache-arrow';

/**
 * Content hashes for cache keys of expensive cells.
 *
 * - primitives by value (type-tagged: `1` and `'1'` differ; `-0` equals `0`; NaN equals NaN);
 * - typed arrays, ArrayBuffers, DataViews and Arrow tables by FNV-1a over their bytes, memoised
 *   per object in a WeakMap (so treat them as immutable: an in-place write is not seen);
 * - plain objects (keys sorted), arrays, Maps, Sets and Dates structurally;
 * - functions and other class instances by identity (a per-object serial number).
 *
 * The hash is two 32-bit FNV-1a lanes (different offset bases) as 16 hex digits.
 *
 * @example
 *   hashValue({ a: 1, b: [2, 3] }) === hashValue({ b: [2, 3], a: 1 }) // true
 *   hashValue(new Float64Array([1, 2])) === hashValue(new Float64Array([1, 2])) // true
 *   hashValue(1) === hashValue('1') // false
 */
export function hashValue(value: unknown): string {
  const h = new Hasher();
  h.value(value, null);
  return h.digest();
}

/** Hash several values in order (the cache key of a cell: its source, then its input values). */
export function hashValues(values: readonly unknown[]): string {
  const h = new Hasher();
  for (const v of values) h.value(v, null);
  return h.digest();
}

const OFFSET_A = 0x811c9dc5;
const OFFSET_B = 0x01000193 ^ 0x9e3779b9;
const PRIME = 0x01000193;

/** FNV-1a over every byte of `bytes`, two lanes, as 16 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let a = OFFSET_A;
  let b = OFFSET_B;
  for (let i = 0; i < bytes.length; i++) {
    const x = bytes[i];
    a = Math.imul(a ^ x, PRIME);
    b = Math.imul(b ^ x, PRIME);
  }
  return hex(a) + hex(b);
}

function hex(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

const bytesMemo = new WeakMap<object, string>();
const identity = new WeakMap<object, number>();
let serial = 0;

function bytesOf(view: ArrayBufferView | ArrayBuffer): Uint8Array {
  return view instanceof ArrayBuffer ? new Uint8Array(view) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Hash of an Arrow table: schema text plus, per column chunk, its type, offset, length and buffers. */
function tableHash(table: Table): string {
  const h = new Hasher();
  h.str(String(table.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}`).join(',')));
  h.num(table.numRows);
  const visit = (data: { type: unknown; offset: number; length: number; values?: ArrayBufferView; valueOffsets?: ArrayBufferView; nullBitmap?: ArrayBufferView; typeIds?: ArrayBufferView; children: unknown[]; dictionary?: { data: unknown[] } }) => {
    h.str(String(data.type));
    h.num(data.offset);
    h.num(data.length);
    for (const buf of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds]) {
      if (buf && buf.byteLength) h.str(memoBytes(buf));
      else h.num(-1);
    }
    for (const child of data.children) visit(child as typeof data);
    if (data.dictionary) for (const d of data.dictionary.data) visit(d as typeof data);
  };
  for (const data of table.data) visit(data as unknown as Parameters<typeof visit>[0]);
  return h.digest();
}

function memoBytes(obj: ArrayBufferView | ArrayBuffer): string {
  let s = bytesMemo.get(obj);
  if (s === undefined) {
    s = fnv1a(bytesOf(obj));
    bytesMemo.set(obj, s);
  }
  return s;
}

const f64 = new Float64Array(1);
const f64bytes = new Uint8Array(f64.buffer);

class Hasher {
  a = OFFSET_A;
  b = OFFSET_B;

  byte(x: number): void {
    this.a = Math.imul(this.a ^ x, PRIME);
    this.b = Math.imul(this.b ^ x, PRIME);
  }
  str(s: string): void {
    this.num(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.byte(c & 0xff);
      this.byte(c >>> 8);
    }
  }
  num(n: number): void {
    f64[0] = n === 0 ? 0 : n; // -0 → 0; NaN has one canonical bit pattern after assignment in practice
    if (Number.isNaN(n)) f64[0] = NaN;
    for (let i = 0; i < 8; i++) this.byte(f64bytes[i]);
  }
  tag(t: number): void {
    this.byte(t);
  }
  value(v: unknown, seen: Set<object> | null): void {
    switch (typeof v) {
      case 'undefined':
        return this.tag(1);
      case 'boolean':
        return this.tag(v ? 3 : 2);
      case 'number':
        this.tag(4);
        return this.num(v);
      case 'bigint':
        this.tag(5);
        return this.str(v.toString());
      case 'string':
        this.tag(6);
        return this.str(v);
      case 'symbol':
        this.tag(7);
        return this.str(String(v.description));
      case 'function':
        this.tag(8);
        return this.num(idOf(v));
    }
    if (v === null) return this.tag(0);
    const obj = v as object;
    if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) {
      this.tag(9);
      this.str(Object.prototype.toString.call(obj));
      return this.str(memoBytes(obj));
    }
    if (obj instanceof Table) {
      this.tag(10);
      let s = bytesMemo.get(obj);
      if (s === undefined) {
        s = tableHash(obj);
        bytesMemo.set(obj, s);
      }
      return this.str(s);
    }
    if (obj instanceof Date) {
      this.tag(11);
      return this.num(obj.getTime());
    }
    seen ??= new Set();
    if (seen.has(obj)) return this.tag(12); // a cycle: hash the back-reference as a marker
    seen.add(obj);
    if (Array.isArray(obj)) {
      this.tag(13);
      this.num(obj.length);
      for (const x of obj) this.value(x, seen);
    } else if (obj instanceof Map) {
      this.tag(14);
      this.num(obj.size);
      for (const [k, x] of obj) {
        this.value(k, seen);
        this.value(x, seen);
      }
    } else if (obj instanceof Set) {
      this.tag(15);
      this.num(obj.size);
      for (const x of obj) this.value(x, seen);
    } else {
      const proto = Object.getPrototypeOf(obj);
      if (proto === Object.prototype || proto === null) {
        this.tag(16);
        const keys = Object.keys(obj).sort();
        this.num(keys.length);
        for (const k of keys) {
          this.str(k);
          this.value((obj as Record<string, unknown>)[k], seen);
        }
        // Widget descriptors carry their marker on a symbol key.
        for (const s of Object.getOwnPropertySymbols(obj)) {
          this.str(String(s.description));
          this.value((obj as Record<symbol, unknown>)[s], seen);
        }
      } else {
        this.tag(17);
        this.num(idOf(obj));
      }
    }
    seen.delete(obj);
  }
  digest(): string {
    return hex(this.a) + hex(this.b);
  }
}

function idOf(obj: object): number {
  let id = identity.get(obj);
  if (id === undefined) {
    id = ++serial;
    identity.set(obj, id);
  }
  return id;
}
