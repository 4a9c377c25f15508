import { describe, expect, test } from 'vitest';
import { idOrder, idVector } from '../../../src/core/profile/idOrder';
import { lazyCodes } from '../../../src/core/stats/columns';
import { makeTable } from '../../../src/core/table';
import { rng } from '../../../src/core/synth/random';

/** The reference: a comparator sort of the texts (UTF-16 code units), ties by code. */
function reference(dict: readonly string[], present: Int32Array): number[] {
  return Array.from(present).sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : a - b));
}

function orderOf(dict: string[], present?: number[]) {
  // every entry used once, in dictionary order, plus a null row
  const t = makeTable({ customer: [...dict, null] });
  const lazy = lazyCodes(t, 'customer');
  const entries = lazy.codes.subarray(0, dict.length);
  const p = Int32Array.from(present ?? Array.from(entries).filter((c, k) => entries.indexOf(c) === k).sort((a, b) => a - b));
  return { lazy, present: p, dict: Array.from({ length: lazy.size }, (_, k) => lazy.value(k)) };
}

describe('idOrder: dictionary codes sorted by text', () => {
  test('numeric-looking ids of mixed length sort as strings (`10` < `9`), not as numbers', () => {
    const { lazy, present, dict } = orderOf(['9', '10', '1', '100', '12346', '112345']);
    const got = Array.from(idOrder(present, lazy), (c) => dict[c]);
    expect(got).toEqual(['1', '10', '100', '112345', '12346', '9']);
  });

  test('matches a comparator sort on seeded random ASCII ids (digits, letters, prefixes, empty)', () => {
    const g = rng(7);
    const r = () => g.next();
    const alphabet = '0123456789CSKU -_';
    const dict = Array.from({ length: 3000 }, () => {
      const len = Math.floor(r() * 8);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)];
      return s;
    });
    const { lazy, present, dict: entries } = orderOf(dict);
    expect(Array.from(idOrder(present, lazy))).toEqual(reference(entries, present));
  });

  test('falls back to the comparator for non-ASCII and for ids too long for an exact key', () => {
    for (const dict of [
      ['é', 'e', 'z', '😀', '\uffff', 'a'],
      ['123456789012345678901234567890', '12345678901234567890123456789', '9', 'abcdefghijklmnopqrstuvwxyz'],
    ]) {
      const { lazy, present, dict: entries } = orderOf(dict);
      expect(Array.from(idOrder(present, lazy))).toEqual(reference(entries, present));
    }
  });

  test('idVector copies the texts of the codes in order', () => {
    const { lazy, present, dict } = orderOf(['b', 'a', 'é']);
    const order = idOrder(present, lazy);
    expect(idVector(order, lazy).toArray()).toEqual(Array.from(order, (c) => dict[c]));
  });
});

describe('lazyCodes', () => {
  test('a nullable dictionary column gives −1 for nulls (validity bitmap read a byte at a time)', () => {
    const values = Array.from({ length: 37 }, (_, i) => (i % 5 === 3 || i === 36 ? null : `id${i % 4}`));
    const t = makeTable({ c: values });
    const { codes, value } = lazyCodes(t, 'c');
    expect(Array.from(codes, (c) => (c < 0 ? null : value(c)))).toEqual(values);
  });
});
