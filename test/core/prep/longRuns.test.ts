/**
 * The bulk paths of the cleaning steps on tables long enough to reach them: `keepRows` copies runs of
 * 16+ kept rows at once and writes all-valid (or all-false) stretches of a bitmap a byte at a time;
 * `dedupeKeep` hashes raw words and must still treat -0 as 0, NaN as NaN and null as null.
 * Each is checked against a plain reference on a table sliced at an odd offset (bitmaps then start
 * mid-byte) and on its unsliced copy.
 */
import { describe, expect, test } from 'vitest';
import { Bool, Float64, Table, TimestampMillisecond, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { dictionaryVector, filterRows } from '../../../src/core/table';
import { keepRows } from '../../../src/core/prep/keepRows';
import { dedupeKeep } from '../../../src/core/prep/dedupe';

const N = 3000;
const T0 = Date.UTC(2011, 0, 1);
/** Rows repeat with period 37, so a table of N rows holds many exact duplicates. */
const base = (i: number) => (i * 7) % 37;
const floatsOf = [0, -0, NaN, 1.5, -2, 3e300];

function longTable(): Table {
  return new Table({
    // sparse nulls: most bytes of the validity bitmap are 0xff
    customer: dictionaryVector({ codes: Int32Array.from({ length: N }, (_, i) => (base(i) % 11 === 3 ? -1 : base(i) % 5)), dict: ['a', 'b', 'c', 'd', 'e'] }),
    time: vectorFromArray(Array.from({ length: N }, (_, i) => (base(i) % 13 === 4 ? null : T0 + (base(i) % 3) * 1000)), new TimestampMillisecond()),
    price: vectorFromArray(Array.from({ length: N }, (_, i) => floatsOf[base(i) % floatsOf.length]), new Float64()),
    // mostly false, as `cancelled` is
    cancelled: vectorFromArray(Array.from({ length: N }, (_, i) => base(i) === 5), new Bool()),
  });
}

/** Every cell as Arrow's `get` reads it (times as numbers, -0 kept apart from 0). */
function cells(t: Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const f of t.schema.fields) {
    const col = t.getChild(f.name)!;
    out[f.name] = Array.from({ length: col.length }, (_, i) => {
      const v = col.get(i);
      return Object.is(v, -0) ? '-0' : v instanceof Date ? +v : v;
    });
  }
  return out;
}

/** Runs of kept rows 1–80 long between gaps of 1–6 rows (seeded). */
function runMask(n: number, seed: number): Uint8Array {
  const mask = new Uint8Array(n);
  let s = seed;
  const next = (k: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % k);
  for (let i = 0; i < n; ) {
    const run = 1 + next(80);
    mask.fill(1, i, Math.min(n, i + run));
    i += run + 1 + next(6);
  }
  return mask;
}

/** The reference `dedupeKeep`: a row is kept unless an earlier row (within the mask) has the same cells; -0 is 0, NaN is NaN. */
function naiveKeep(t: Table, within: Uint8Array): number[] {
  const c = cells(t);
  const seen = new Set<string>();
  return Array.from({ length: t.numRows }, (_, i) => {
    if (!within[i]) return 0;
    const key = JSON.stringify(Object.values(c).map((col) => (col[i] === '-0' ? 0 : Number.isNaN(col[i]) ? 'NaN' : col[i])));
    if (seen.has(key)) return 0;
    seen.add(key);
    return 1;
  });
}

const whole = longTable();
const cases: [string, Table][] = [
  ['sliced at row 13', whole.slice(13)],
  ['unsliced copy', tableFromIPC(tableToIPC(whole.slice(13)))],
];

describe.each(cases)('on a long table, %s', (_, t) => {
  test('keepRows(table, mask) with long runs keeps the rows filterRows keeps, nulls and -0 included', () => {
    for (const seed of [1, 2, 3]) {
      const mask = runMask(t.numRows, seed);
      const got = keepRows(t, mask);
      expect(got.numRows).toBe(mask.reduce((a, b) => a + b, 0));
      expect(cells(got)).toEqual(cells(filterRows(t, mask)));
      for (const f of t.schema.fields) expect(got.getChild(f.name)!.nullCount, f.name).toBe(filterRows(t, mask).getChild(f.name)!.nullCount);
    }
  });

  test('keepRows(table, mask) of rows without nulls gives columns without nulls', () => {
    const c = cells(t).customer;
    const mask = Uint8Array.from(c, (v) => (v === null ? 0 : 1));
    const got = keepRows(t, mask);
    expect(got.getChild('customer')!.nullCount).toBe(0);
    expect(cells(got).customer).toEqual(c.filter((v) => v !== null));
  });

  test('dedupeKeep(table, within) keeps the first of identical rows: -0 = 0, NaN = NaN, null = null', () => {
    const all = new Uint8Array(t.numRows).fill(1);
    for (const within of [all, runMask(t.numRows, 4)]) {
      const { keep, removed } = dedupeKeep(t, within);
      const want = naiveKeep(t, within);
      expect(Array.from(keep)).toEqual(want);
      expect(removed).toBe(within.reduce((a, b) => a + b, 0) - want.reduce((a, b) => a + b, 0));
    }
  });
});

test('dedupeKeep(table) over numbers: -0 repeats 0 and NaN repeats NaN', () => {
  const t = new Table({
    price: vectorFromArray([0, -0, NaN, NaN, 1, -1, 1], new Float64()),
    customer: dictionaryVector({ codes: new Int32Array(7), dict: ['a'] }),
  });
  expect(Array.from(dedupeKeep(t).keep)).toEqual([1, 0, 1, 0, 1, 1, 0]);
});
