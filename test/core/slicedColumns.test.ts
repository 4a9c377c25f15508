/**
 * Readers that work on Arrow buffers directly, on chunks with an offset: a sliced table
 * (`t.slice(2, 9)`) and a two-chunk table (`concat`). Arrow cuts a slice's `values` (and a Utf8
 * chunk's `valueOffsets`) to its first row and keeps `offset` for the null bitmap (and for Bool
 * values, which are bits); every reader must give what it gives on an unsliced copy of the same
 * rows (`tableFromIPC(tableToIPC(…))` writes them with offset 0).
 */
import { describe, expect, test } from 'vitest';
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int16,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { dictionaryVector, filterRows } from '../../src/core/table';
import { bytes, lazyCodes, numbersView, timeMs, timeWords, timestampVector, utf8Entries } from '../../src/core/stats/columns';
import { numericColumn, numbers, timeMs as readTimeMs } from '../../src/core/data/read';
import { tableToCsv } from '../../src/core/data/csvWrite';
import { dropBadRoleRows } from '../../src/core/data/badRows';
import { dedupe, dedupeKeep } from '../../src/core/prep/dedupe';
import { keepRows } from '../../src/core/prep/keepRows';
import { customerFeatures } from '../../src/core/profile/features';

const N = 12;
const DAY = 86_400_000;
const T0 = Date.UTC(2011, 0, 1);
const nullAt = (i: number) => i % 4 === 1; // rows 1, 5, 9: nulls in every nullable column
const num = [1.5, 0, -2, 3, 2.25, 4e300, 0, 5, 7, 8, 9, -1];
// text rows repeat so that the slice holds duplicate lines (dedupe) and several customers
const text = ['a', 'b', 'c', 'a', 'b', 'c', 'c', 'a', 'b', 'b', 'a', 'c'];

/** One column of every layout the readers have a fast path for, most with nulls. */
function baseTable(): Table {
  const codes = Int32Array.from(text, (s, i) => (nullAt(i) ? -1 : 'abc'.indexOf(s)));
  return new Table({
    f: vectorFromArray(num.map((v, i) => (nullAt(i) ? null : v)), new Float64()),
    fFull: vectorFromArray(num, new Float64()),
    i32: vectorFromArray(num.map((v, i) => (nullAt(i) ? null : Math.trunc(v % 1e9))), new Int32()),
    i64: vectorFromArray(num.map((v, i) => (nullAt(i) ? null : BigInt(Math.trunc(v % 1e9)))), new Int64()),
    ts: vectorFromArray(num.map((_, i) => (nullAt(i) ? null : T0 + (i % 3) * DAY)), new TimestampMillisecond()),
    tsFull: timestampVector(Float64Array.from(num, (_, i) => T0 + (i % 3) * DAY + (i > 6 ? 2 ** 33 : 0))),
    day: vectorFromArray(num.map((_, i) => (nullAt(i) ? null : new Date(T0 + i * DAY))), new DateDay()),
    s: dictionaryVector({ codes, dict: ['a', 'b', 'c'] }),
    s16: vectorFromArray(text.map((v, i) => (nullAt(i) ? null : v)), new Dictionary(new Utf8(), new Int16())),
    sFull: dictionaryVector({ codes: Int32Array.from(text, (s) => 'abc'.indexOf(s)), dict: ['a', 'b', 'c'] }),
    b: vectorFromArray(num.map((_, i) => (nullAt(i) ? null : i % 3 === 0)), new Bool()),
    bFull: vectorFromArray(num.map((_, i) => i === 0 || i === 6), new Bool()), // one cancelled line in the slice
    p: vectorFromArray(num.map((_, i) => 1 + (i % 4)), new Float64()),
    amt: vectorFromArray(num.map((v, i) => v * (1 + (i % 4))), new Float64()),
    o: dictionaryVector({ codes: Int32Array.from(num, (_, i) => i % 5), dict: ['1', '2', '3', '4', '5'] }),
    u: vectorFromArray(text.map((s, i) => (nullAt(i) ? null : `${s}-${i}`)), new Utf8()),
  });
}

const base = baseTable();
const sliced = base.slice(2, 9);
const chunked = base.slice(0, 3).concat(base.slice(3, N));
/** The same rows as `t`, each column one chunk at offset 0. */
const copy = (t: Table): Table => tableFromIPC(tableToIPC(t));

/** Every cell as Arrow's `get` reads it. */
function cells(t: Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const f of t.schema.fields) {
    const col = t.getChild(f.name)!;
    out[f.name] = Array.from({ length: col.length }, (_, i) => col.get(i));
  }
  return out;
}

const cases: [string, Table][] = [
  ['sliced', sliced],
  ['two chunks', chunked],
];

test('the tables under test: a chunk with an offset, and a copy without', () => {
  expect(sliced.getChild('f')!.data[0].offset).toBe(2);
  expect(chunked.getChild('f')!.data.map((d) => d.offset)).toEqual([0, 3]);
  expect(copy(sliced).getChild('f')!.data[0].offset).toBe(0);
  expect(cells(copy(sliced))).toEqual(cells(sliced));
});

describe.each(cases)('stats/columns on a %s table', (_, t) => {
  const c = copy(t);

  test('timeMs, bytes, numbersView read the rows of the table', () => {
    for (const name of ['ts', 'tsFull', 'f', 'i64']) expect(Array.from(timeMs(t, name)), name).toEqual(Array.from(timeMs(c, name)));
    expect(Array.from(bytes(t, 'b'))).toEqual(Array.from(bytes(c, 'b')));
    expect(Array.from(numbersView(t, 'fFull'))).toEqual(num.slice(t === sliced ? 2 : 0, t === sliced ? 9 : N));
    expect(Array.from(numbersView(t, 'fFull'))).toEqual(Array.from(numbersView(c, 'fFull')));
  });

  test('timeWords gives the words of the rows of the table', () => {
    const w = timeWords(t, 'tsFull');
    const want = Array.from(timeMs(c, 'tsFull'));
    if (t === chunked) expect(w).toBeNull();
    else expect(Array.from({ length: t.numRows }, (_, i) => w![2 * i + 1] * 4294967296 + (w![2 * i] >>> 0))).toEqual(want);
  });

  test('lazyCodes: codes (nulls −1) and values of the rows of the table', () => {
    for (const name of ['s', 'sFull', 's16']) {
      const got = lazyCodes(t, name);
      const want = lazyCodes(c, name);
      const decode = (l: typeof got) => Array.from(l.codes, (k) => (k < 0 ? null : l.value(k)));
      expect(decode(got), name).toEqual(decode(want));
      expect(decode(got), name).toEqual(cells(t)[name]);
    }
  });
});

test('utf8Entries of a sliced Utf8 vector: entry k is row k of the slice', () => {
  const all = vectorFromArray(['aa', 'b', 'ccc', 'dd', 'é', 'ff', 'g', 'hhh', 'i', 'j'], new Utf8());
  for (const v of [all, all.slice(2, 7), all.slice(5, 9)] as Vector[]) {
    const e = utf8Entries(v)!;
    expect(e.offsets.length).toBe(v.length + 1);
    const dec = new TextDecoder();
    const got = Array.from({ length: v.length }, (_, k) => dec.decode(e.data.subarray(e.offsets[k], e.offsets[k + 1])));
    expect(got).toEqual(v.toArray());
    expect(e.ascii).toBe(v.toArray().every((s: string) => /^[\x00-\x7f]*$/.test(s)));
  }
});

describe.each(cases)('data/read, csvWrite, badRows on a %s table', (_, t) => {
  const c = copy(t);

  test('numericColumn, numbers and timeMs read the rows of the table', () => {
    for (const name of ['f', 'fFull', 'i32', 'i64']) {
      expect(Array.from(numericColumn(t, name)!), name).toEqual(Array.from(numericColumn(c, name)!));
      expect(Array.from(numbers(t, name, 'f.csv')), name).toEqual(Array.from(numbers(c, name, 'f.csv')));
    }
    for (const name of ['ts', 'tsFull', 'day']) expect(Array.from(readTimeMs(t, name, 'f.csv')), name).toEqual(Array.from(readTimeMs(c, name, 'f.csv')));
  });

  test('tableToCsv writes the rows of the table', () => {
    expect(tableToCsv(t)).toBe(tableToCsv(c));
  });
});

test.each([
  ['sliced', (x: Table) => x.slice(2, 22)],
  ['two chunks', (x: Table) => x.slice(0, 3).concat(x.slice(3))],
] as [string, (x: Table) => Table][])('dropBadRoleRows on a %s table drops the rows whose number is not finite', (how, cut) => {
  // one Infinity (slice row 3) in a Float64 column without nulls; 20 rows keep it under the 10 % limit
  const q = [...num, ...num].map((v, i) => (i === 5 ? Infinity : v));
  const x = cut(
    new Table({
      q: vectorFromArray(q, new Float64()),
      s: dictionaryVector({ codes: Int32Array.from(q, (_, i) => (nullAt(i) ? -1 : i % 3)), dict: ['a', 'b', 'c'] }),
    }),
  );
  const got = dropBadRoleRows(x, { quantity: 'q' }, 'f.csv');
  const want = dropBadRoleRows(copy(x), { quantity: 'q' }, 'f.csv');
  expect(got.skipped).toBe(1);
  expect(got.problems[0].row).toBe(how === 'sliced' ? 4 : 6); // 1-based
  expect(got.skippedRows).toEqual(want.skippedRows);
  expect(cells(got.table)).toEqual(cells(want.table));
});

describe.each(cases)('prep on a %s table', (_, t) => {
  const c = copy(t);

  test('dedupeKeep / dedupe find the duplicate lines of the table', () => {
    const cols = ['s', 'sFull', 's16', 'ts', 'tsFull', 'b', 'bFull', 'f'];
    for (const name of cols) {
      const one = t.select([name]);
      expect(Array.from(dedupeKeep(one).keep), name).toEqual(Array.from(dedupeKeep(copy(one)).keep));
    }
    const lines = t.select(['s', 'tsFull']);
    const got = dedupe(lines);
    expect(got.removed).toBe(dedupe(copy(lines)).removed);
    expect(cells(got.table)).toEqual(cells(dedupe(copy(lines)).table));
  });

  test('keepRows keeps the masked rows of the table, every column', () => {
    const mask = Uint8Array.from({ length: t.numRows }, (_, i) => (i % 3 === 2 ? 0 : 1));
    // One chunk takes the fast path, several chunks `filterRows`: both keep nulls as nulls.
    expect(cells(keepRows(t, mask))).toEqual(cells(keepRows(c, mask)));
    expect(cells(filterRows(t, mask))).toEqual(cells(keepRows(c, mask)));
    const kept = (col: unknown[]) => col.filter((_, i) => mask[i]);
    expect(cells(keepRows(t, mask))).toEqual(Object.fromEntries(Object.entries(cells(c)).map(([k, v]) => [k, kept(v)])));
  });
});

describe.each(cases)('profile/features on a %s transactions table', (_, t) => {
  test('customerFeatures of the rows of the table', () => {
    // a canonical transactions table over the base columns (no vector twice: Arrow's IPC writer
    // writes a table whose columns share a buffer wrongly)
    const tx = (x: Table) =>
      new Table({
        customer: x.getChild('sFull')!,
        order: x.getChild('o')!,
        time: x.getChild('tsFull')!,
        quantity: x.getChild('fFull')!,
        price: x.getChild('p')!,
        amount: x.getChild('amt')!,
        cancelled: x.getChild('bFull')!,
      });
    const got = customerFeatures(tx(t));
    const want = customerFeatures(copy(tx(t)));
    expect(cells(got)).toEqual(cells(want));
  });
});
