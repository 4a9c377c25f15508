/**
 * The CSV column interning store: codes in first-seen order, the last-value shortcut, and
 * `dropLast` (used when a record read in one pass turns out malformed) leaving the table as if
 * the value had never been added.
 */
import { describe, expect, it } from 'vitest';
import { InternedColumn } from '../../../src/core/data/csvIntern';
import { rng } from '../../../src/core/synth/random';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Intern `values` as rows 0, 1, …; returns the codes. */
function codesOf(col: InternedColumn, values: string[]): number[] {
  return values.map((v, i) => {
    const b = enc(v);
    const r = col.add(i, b, 0, b.length);
    return r < 0 ? -1 - r : r;
  });
}

describe('InternedColumn', () => {
  it('numbers distinct values in first-seen order and reports new ones', () => {
    const col = new InternedColumn();
    const b = enc('x,y,x,,y');
    expect([col.add(0, b, 0, 1), col.add(1, b, 2, 3), col.add(2, b, 4, 5), col.add(3, b, 6, 6), col.add(4, b, 7, 8)]).toEqual([-1, -2, 0, -3, 1]);
    expect(col.count).toBe(3);
    expect(col.values(new TextDecoder())).toEqual(['x', 'y', '']);
  });
  it('dropLast takes back the newest value, through table growth, as if never added', () => {
    const r = rng(2);
    const values = Array.from({ length: 5000 }, () => `v${r.int(3000)}`);
    const reference = new InternedColumn();
    const refCodes = codesOf(reference, values);
    const col = new InternedColumn();
    const codes: number[] = [];
    for (let i = 0; i < values.length; i++) {
      // Before every value, add a value never seen elsewhere and take it back.
      const junk = enc(`junk${i}`);
      expect(col.add(i, junk, 0, junk.length)).toBeLessThan(0);
      col.dropLast();
      const b = enc(values[i]);
      const c = col.add(i, b, 0, b.length);
      codes.push(c < 0 ? -1 - c : c);
    }
    expect(codes).toEqual(refCodes);
    expect(col.count).toBe(reference.count);
    expect(col.poolLen).toBe(reference.poolLen);
    expect(col.values(new TextDecoder())).toEqual(reference.values(new TextDecoder()));
    // Every value is still found (no probe chain was broken).
    expect(codesOf(col, values)).toEqual(refCodes);
  });
});
