/**
 * The column readers and builders every stage stands on (src/core/table.ts), against Arrow's own
 * readers: `floats` over every chunk layout (slices, nulls, 64-bit integers and timestamps), and the
 * dictionary/Utf8 builders against `vectorFromArray`.
 */
import { describe, expect, test } from 'vitest';
import { Bool, DateDay, Float32, Float64, Int32, Int64, Int8, Table, TimestampMillisecond, TimestampSecond, Uint16, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { dictionaryVector, filterRows, floats, makeTable, takeRows, utf8Vector } from '../../src/core/table';

/** Arrow's own reading of a column: `get(i)` per row (64-bit integers as BigInt), numbers via Number(), null → NaN. */
function reference(col: Vector): number[] {
  const raw = col as Vector & { get(i: number): unknown };
  return Array.from({ length: col.length }, (_, i) => {
    const v = raw.get(i) as number | bigint | null;
    return v === null ? NaN : Number(v);
  });
}

describe('floats(table, name)', () => {
  test('64-bit integers and timestamps: negative, beyond 2^32 and beyond 2^53 read as Number() does', () => {
    const big = [0n, -1n, 1n, 4294967295n, 4294967296n, -4294967297n, 1322697600000n, -62135596800000n, 2n ** 53n - 1n, -(2n ** 53n), 2n ** 60n + 12345n, -(2n ** 62n)];
    const ints = vectorFromArray(big, new Int64());
    const ts = vectorFromArray(big.map((b) => Number(b)), new TimestampMillisecond());
    const t = new Table({ ints, ts });
    expect(floats(t, 'ints')).toEqual(Float64Array.from(big, (b) => Number(b)));
    expect(floats(t, 'ts')).toEqual(Float64Array.from(big, (b) => Number(b)));
    expect(floats(t, 'ints')[3]).toBe(4294967295);
    expect(floats(t, 'ints')[5]).toBe(-4294967297);
  });

  test('nulls become NaN, in sliced chunks and across several chunks', () => {
    const values = [1.5, null, -2, 3, null, 4e300, 0, null, 7, 8, 9];
    const whole = vectorFromArray(values, new Float64());
    const ints = vectorFromArray(values.map((v) => (v === null ? null : Math.trunc(v % 1e9))), new Int32());
    const big = vectorFromArray(values.map((v) => (v === null ? null : BigInt(Math.trunc(v % 1e9)))), new Int64());
    for (const col of [whole, ints, big] as Vector[]) {
      const sliced = col.slice(2, 9); // a chunk with an offset into its buffers and null bitmap
      const chunked = col.slice(0, 3).concat(col.slice(3)); // two chunks
      for (const v of [col, sliced, chunked]) {
        const got = floats(new Table({ v }), 'v');
        expect(Array.from(got), `${col.type} ${v.data.length} chunks, offset ${v.data[0].offset}`).toEqual(reference(v));
      }
    }
  });

  test('a copy: writing to it leaves the column as it was', () => {
    const t = makeTable({ x: Float64Array.of(1, 2, 3) });
    const a = floats(t, 'x');
    a[0] = 99;
    expect(floats(t, 'x')[0]).toBe(1);
  });
});

describe('utf8Vector and dictionaryVector', () => {
  const strings = ['', 'a', 'é', 'customer 12346', '東京', '🙂 emoji', 'x'.repeat(300), 'Ünïcödé', '12680.0'];

  test('utf8Vector reads back as vectorFromArray does, nulls included', () => {
    const withNulls = [...strings, null, 'last'];
    const ours = utf8Vector(withNulls);
    const theirs = vectorFromArray(withNulls, new Utf8());
    expect(ours.toArray()).toEqual(theirs.toArray());
    expect(ours.nullCount).toBe(1);
  });

  test('dictionaryVector: codes −1 are null, others index the dictionary; makeTable encodes string arrays so', () => {
    const codes = Int32Array.of(2, -1, 0, 4, 4, 8, 1);
    const v = dictionaryVector({ codes, dict: strings });
    expect(v.toArray()).toEqual(Array.from(codes, (c) => (c < 0 ? null : strings[c])));
    const t = makeTable({ s: ['b', null, 'a', 'b', 'é'] });
    expect(t.getChild('s')!.toArray()).toEqual(['b', null, 'a', 'b', 'é']);
  });
});

describe('takeRows / filterRows', () => {
  test('every fixed-width type keeps its type and its nulls, over sliced and chunked columns', () => {
    const raw = [3, null, -7, 120, null, 0, 9, 1, null, 42];
    const vectors: Record<string, Vector> = {
      i32: vectorFromArray(raw, new Int32()),
      i8: vectorFromArray(raw, new Int8()),
      u16: vectorFromArray(raw.map((v) => (v === null ? null : Math.abs(v))), new Uint16()),
      i64: vectorFromArray(raw.map((v) => (v === null ? null : BigInt(v) * 4294967296n)), new Int64()),
      f32: vectorFromArray(raw.map((v) => (v === null ? null : v / 4)), new Float32()),
      sec: vectorFromArray(raw.map((v) => (v === null ? null : 1_300_000_000_000 + v * 1000)), new TimestampSecond()),
      day: vectorFromArray(raw.map((v) => (v === null ? null : new Date(Date.UTC(2011, 0, 10 + v)))), new DateDay()),
      flag: vectorFromArray(raw.map((v) => (v === null ? null : v > 2)), new Bool()),
      text: vectorFromArray(raw.map((v) => (v === null ? null : `id ${v}`)), new Utf8()),
    };
    const whole = new Table(vectors);
    const index = Int32Array.of(9, 0, 4, 1, 6, 6, 2);
    const tables: Table[] = [whole, whole.slice(1, 10), new Table(Object.fromEntries(Object.entries(vectors).map(([k, v]) => [k, (v.slice(0, 4) as Vector).concat(v.slice(4) as Vector)])))];
    for (const [t, label] of tables.map((t, i) => [t, ['whole', 'sliced', 'two chunks'][i]] as const)) {
      const idx = index.map((i) => Math.min(i, t.numRows - 1));
      const taken = takeRows(t, idx);
      for (const field of t.schema.fields) {
        const col = t.getChild(field.name)!;
        const got = taken.getChild(field.name)!;
        if (field.name !== 'text') expect(String(got.type), `${label} ${field.name}`).toBe(String(field.type));
        expect(Array.from({ length: idx.length }, (_, i) => got.get(i)), `${label} ${field.name}`).toEqual(Array.from(idx, (i) => col.get(i)));
        expect(got.nullCount, `${label} ${field.name}`).toBe(Array.from(idx, (i) => col.get(i)).filter((v) => v === null).length);
      }
    }
    const mask = Uint8Array.from(raw, (v) => (v === null || v > 0 ? 1 : 0));
    expect(filterRows(whole, mask).getChild('i32')!.toArray()).toEqual(Int32Array.of(3, 0, 120, 0, 9, 1, 0, 42));
    expect(filterRows(whole, mask).getChild('i32')!.nullCount).toBe(3);
  });
});
