import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { fnv1a, hashValue, hashValues } from '../../src/runtime/hash';

describe('hashValue(value)', () => {
  it('FNV-1a matches the reference values for "" and "a" (lane one)', () => {
    expect(fnv1a(new Uint8Array()).slice(0, 8)).toBe('811c9dc5');
    expect(fnv1a(new TextEncoder().encode('a')).slice(0, 8)).toBe('e40c292c');
    expect(fnv1a(new TextEncoder().encode('foobar')).slice(0, 8)).toBe('bf9cf968');
  });

  it('hashes primitives by value with their type', () => {
    expect(hashValue(1)).toBe(hashValue(1));
    expect(hashValue(1)).not.toBe(hashValue('1'));
    expect(hashValue(0)).toBe(hashValue(-0));
    expect(hashValue(NaN)).toBe(hashValue(NaN));
    expect(hashValue(null)).not.toBe(hashValue(undefined));
    expect(hashValue(true)).not.toBe(hashValue(false));
    expect(hashValue(10n)).not.toBe(hashValue(10));
  });

  it('hashes plain objects and arrays structurally (key order ignored)', () => {
    expect(hashValue({ a: 1, b: [2, 3] })).toBe(hashValue({ b: [2, 3], a: 1 }));
    expect(hashValue({ a: 1, b: [2, 3] })).not.toBe(hashValue({ a: 1, b: [3, 2] }));
    expect(hashValue([1, [2]])).not.toBe(hashValue([[1], 2]));
    expect(hashValue(new Map([['k', 1]]))).toBe(hashValue(new Map([['k', 1]])));
    expect(hashValue(new Date(5))).toBe(hashValue(new Date(5)));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(hashValue(cyclic)).toBe(hashValue(cyclic));
  });

  it('hashes typed arrays by content and type, functions and class instances by identity', () => {
    expect(hashValue(new Float64Array([1, 2, 3]))).toBe(hashValue(new Float64Array([1, 2, 3])));
    expect(hashValue(new Float64Array([1, 2, 3]))).not.toBe(hashValue(new Float64Array([1, 2, 4])));
    expect(hashValue(new Int32Array([1]))).not.toBe(hashValue(new Uint32Array([1])));
    const big = new Float64Array(1 << 20).map((_, i) => i);
    expect(hashValue(big.subarray(10, 20))).toBe(hashValue(new Float64Array(10).map((_, i) => i + 10)));
    const f = () => 1;
    expect(hashValue(f)).toBe(hashValue(f));
    expect(hashValue(f)).not.toBe(hashValue(() => 1));
    class K {}
    expect(hashValue(new K())).not.toBe(hashValue(new K()));
  });

  it('hashes Arrow tables by content, memoised per table', () => {
    const t1 = tableFromArrays({ id: new Int32Array([1, 2, 3]), v: new Float64Array([0.5, 1.5, 2.5]) });
    const t2 = tableFromArrays({ id: new Int32Array([1, 2, 3]), v: new Float64Array([0.5, 1.5, 2.5]) });
    const t3 = tableFromArrays({ id: new Int32Array([1, 2, 3]), v: new Float64Array([0.5, 1.5, 9]) });
    const t4 = tableFromArrays({ id: new Int32Array([1, 2, 3]), w: new Float64Array([0.5, 1.5, 2.5]) });
    expect(hashValue(t1)).toBe(hashValue(t2));
    expect(hashValue(t1)).not.toBe(hashValue(t3));
    expect(hashValue(t1)).not.toBe(hashValue(t4));
    expect(hashValues(['src', t1, 3])).toBe(hashValues(['src', t2, 3]));
    expect(hashValues(['src', t1, 3])).not.toBe(hashValues(['src2', t1, 3]));
  });
});
