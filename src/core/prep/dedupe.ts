/**
 * Preprocessing step: drop exact duplicate lines.
 */
import { Bool, Dictionary, type Table } from 'apache-arrow';
import { keepRows } from './keepRows';
import { bytes, lazyCodes, numbersView } from '../stats/columns';

/**
 * One column as the hash and the comparison read it, row r at:
 * - `word`: `w[r]`: text → its dictionary code (null → -1), booleans → 0/1 (null → 0);
 * - `pair`: `w[2r]`, `w[2r + 1]`: the two words of a 64-bit timestamp (null → a sentinel pair);
 * - `float`: `f[r]` (its words `w[2r]`, `w[2r + 1]`): numbers (null → NaN), with -0 equal to 0 and
 *   every NaN equal to every NaN (pandas treats them so).
 * The arrays may be the table's own buffers: they are only read.
 */
type Column = { kind: 'word'; w: Int32Array } | { kind: 'pair'; w: Int32Array } | { kind: 'float'; f: Float64Array; w: Int32Array };

/** Sentinel words of a null timestamp. */
const NULL_WORD = 0x7ff8dead;

/** The validity bitmap of a chunk and the bit of its row 0 (a slice keeps `offset` for it only). */
function validity(data: { nullCount: number; nullBitmap: Uint8Array | null | undefined; offset: number }) {
  if (!data.nullCount || !data.nullBitmap) return null;
  return { bits: data.nullBitmap, off: data.offset };
}

/** Every column of the table, read in place where its layout allows. */
function columns(tx: Table): Column[] {
  const n = tx.numRows;
  const out: Column[] = [];
  for (const field of tx.schema.fields) {
    const col = tx.getChild(field.name)!;
    const type = field.type;
    const single = col.data.length === 1 ? col.data[0] : null;
    if (type instanceof Dictionary || type.typeId === 5 /* Utf8 */) {
      out.push({ kind: 'word', w: lazyCodes(tx, field.name).codes });
    } else if (type instanceof Bool) {
      out.push({ kind: 'word', w: Int32Array.from(bytes(tx, field.name)) });
    } else if (single && type.typeId === 10 /* Timestamp */ && single.values instanceof BigInt64Array) {
      // Arrow cuts a slice's values to its first row; `offset` applies to the bitmap only.
      const v = single.values;
      const raw = new Int32Array(v.buffer, v.byteOffset, n * 2);
      const valid = validity(single);
      if (!valid) out.push({ kind: 'pair', w: raw });
      else {
        const w = raw.slice();
        for (let i = 0; i < n; i++) {
          const b = valid.off + i;
          if (!((valid.bits[b >> 3] >> (b & 7)) & 1)) {
            w[2 * i] = NULL_WORD;
            w[2 * i + 1] = NULL_WORD;
          }
        }
        out.push({ kind: 'pair', w });
      }
    } else {
      const f = numbersView(tx, field.name); // in place for Float64 without nulls, else a copy (null → NaN)
      out.push({ kind: 'float', f, w: new Int32Array(f.buffer, f.byteOffset, f.length * 2) });
    }
  }
  return out;
}

// Hashing: each row's hash is built column by column (one tight loop per column, `rows[k]` is the
// table row of entry k), one 32-bit word at a time as FxHash does: h = (rotl(h, 5) ^ word) · K.
// Equal rows hash alike; the hash only narrows the rows to compare.

const K = 0x9e3779b9 | 0;

function hashWords(hash: Int32Array, rows: Int32Array, w: Int32Array): void {
  for (let k = 0; k < rows.length; k++) {
    const h = hash[k];
    hash[k] = Math.imul(((h << 5) | (h >>> 27)) ^ w[rows[k]], K);
  }
}

function hashPairs(hash: Int32Array, rows: Int32Array, w: Int32Array): void {
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    let h = hash[k];
    h = Math.imul(((h << 5) | (h >>> 27)) ^ w[2 * r], K);
    hash[k] = Math.imul(((h << 5) | (h >>> 27)) ^ w[2 * r + 1], K);
  }
}

function hashFloats(hash: Int32Array, rows: Int32Array, f: Float64Array, w: Int32Array): void {
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const x = f[r];
    // -0 hashes as 0 and every NaN alike (equal values, equal hashes)
    const plain = x === x && x !== 0;
    let h = hash[k];
    h = Math.imul(((h << 5) | (h >>> 27)) ^ (plain ? w[2 * r] : 0), K);
    hash[k] = Math.imul(((h << 5) | (h >>> 27)) ^ (plain ? w[2 * r + 1] : x === 0 ? 0 : 0x7ff80000), K);
  }
}

/** True when rows i and j are equal in every column. */
function sameRow(cols: Column[], i: number, j: number): boolean {
  for (const c of cols) {
    if (c.kind === 'word') {
      if (c.w[i] !== c.w[j]) return false;
    } else if (c.kind === 'pair') {
      if (c.w[2 * i] !== c.w[2 * j] || c.w[2 * i + 1] !== c.w[2 * j + 1]) return false;
    } else {
      const x = c.f[i];
      const y = c.f[j];
      if (x !== y && (x === x || y === y)) return false;
    }
  }
  return true;
}

/**
 * Drop lines that repeat an earlier line exactly, over every column of the table (all canonical
 * columns: customer, order, time, quantity, price, amount, item, itemName, category, country,
 * cancelled). The first occurrence is kept, like pandas `drop_duplicates(keep='first')`; nulls
 * equal nulls. A repeated line is almost always a double export, not a second purchase.
 * Returns the input table itself when nothing is removed.
 *
 * @example
 *   dedupe(tx).removed; // Online Retail after the four steps before: 5,192
 */
export function dedupe(tx: Table): { table: Table; removed: number } {
  const { keep, removed } = dedupeKeep(tx);
  return { table: removed ? keepRows(tx, keep) : tx, removed };
}

/**
 * The keep mask of `dedupe`, considering only the rows where `within` is 1 (all rows by default):
 * the first of each set of identical lines is kept. Equivalent to deduplicating the table filtered
 * by `within`, without materialising it.
 *
 * Rows are hashed column by column over the raw words (dictionary codes, number and timestamp
 * words), then looked up in an open-addressing table of entries (an Int32Array); two rows are
 * compared column by column only when their full hashes match.
 *
 * @example dedupeKeep(tx, within).removed; // Online Retail after the four steps before: 5,192
 */
export function dedupeKeep(tx: Table, within?: Uint8Array): { keep: Uint8Array; removed: number } {
  const n = tx.numRows;
  let m = n;
  if (within) {
    m = 0;
    for (let i = 0; i < n; i++) m += within[i] ? 1 : 0;
  }
  const rows = new Int32Array(m);
  if (within) {
    for (let i = 0, k = 0; i < n; i++) if (within[i]) rows[k++] = i;
  } else for (let i = 0; i < n; i++) rows[i] = i;
  const cols = columns(tx);
  const hash = new Int32Array(m);
  for (const c of cols) {
    if (c.kind === 'word') hashWords(hash, rows, c.w);
    else if (c.kind === 'pair') hashPairs(hash, rows, c.w);
    else hashFloats(hash, rows, c.f, c.w);
  }
  // Table of 2^b slots (at least twice the rows), each holding entry + 1 (0 = empty); the entry's
  // hash is looked up in `hash`, so the table stays half the size of (hash, entry) pairs.
  let size = 2;
  while (size < m * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const keep = new Uint8Array(n);
  let removed = 0;
  for (let k = 0; k < m; k++) {
    // finalise (MurmurHash3 fmix32) so that the low bits pick the slot
    let h = hash[k];
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    hash[k] = h;
    let s = h & mask;
    for (;;) {
      const e = slots[s];
      if (e === 0) {
        slots[s] = k + 1;
        keep[rows[k]] = 1;
        break;
      }
      if (hash[e - 1] === h && sameRow(cols, rows[e - 1], rows[k])) {
        removed++;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { keep, removed };
}
