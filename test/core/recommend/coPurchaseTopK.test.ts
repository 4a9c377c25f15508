import { describe, expect, test } from 'vitest';
import { coCount, coPurchaseRows, type CoRows } from '../../../src/core/recommend/coRows';
import { CoPurchaseTopK } from '../../../src/core/recommend/coPurchaseTopK';
import { mulberry32 } from '../../../src/core/stats/rng';

/** Random baskets (customer → distinct items) as the compressed rows coPurchaseRows takes. */
function baskets(seed: number, nCust: number, nItems: number, maxBasket: number) {
  const rand = mulberry32(seed);
  const sets: number[][] = [];
  for (let u = 0; u < nCust; u++) {
    const s = new Set<number>();
    const n = 1 + Math.floor(rand() * maxBasket);
    // skewed popularity, so that rows have long tails and many equal counts
    for (let t = 0; t < n; t++) s.add(Math.floor(nItems * rand() * rand()));
    sets.push([...s]);
  }
  const custStart = new Int32Array(nCust + 1);
  for (let u = 0; u < nCust; u++) custStart[u + 1] = custStart[u] + sets[u].length;
  const custItems = Int32Array.from(sets.flat());
  const buyerStart = new Int32Array(nItems + 1);
  for (const it of custItems) buyerStart[it + 1]++;
  for (let it = 0; it < nItems; it++) buyerStart[it + 1] += buyerStart[it];
  const buyerList = new Int32Array(custItems.length);
  const fill = buyerStart.slice(0, nItems);
  for (let u = 0; u < nCust; u++) for (const it of sets[u]) buyerList[fill[it]++] = u;
  return { sets, custStart, custItems, buyerStart, buyerList, rand };
}

/** #customers who bought both, by brute force. */
function both(sets: number[][], i: number, j: number): number {
  let n = 0;
  for (const s of sets) if (s.includes(i) && s.includes(j)) n++;
  return n;
}

/** The reference: every item's score summed favourite by favourite, sorted (score desc, rank asc), first k. */
function bruteTop(rows: CoRows, favItem: Int32Array, favA: Float64Array, bought: Set<number>, itemRank: Int32Array, k: number) {
  const out: { item: number; score: number; because: number }[] = [];
  for (let j = 0; j < itemRank.length; j++) {
    if (bought.has(j)) continue;
    let s = 0;
    let best = -1;
    let because = -1;
    for (let f = 0; f < favItem.length; f++) {
      const c = coCount(rows, favItem[f], j);
      if (c === 0) continue;
      const term = favA[f] * c;
      s += term;
      if (term > best) {
        best = term;
        because = favItem[f];
      }
    }
    if (s > 0) out.push({ item: j, score: s, because });
  }
  out.sort((a, b) => b.score - a.score || itemRank[a.item] - itemRank[b.item]);
  return out.slice(0, k);
}

describe('coPurchaseRows', () => {
  test('counts, item order, count order and groups agree with brute force', () => {
    const nItems = 40;
    const b = baskets(7, 60, nItems, 12);
    const wanted = new Uint8Array(nItems);
    for (let it = 0; it < nItems; it += 3) wanted[it] = 1;
    const rows = coPurchaseRows(b.custStart, b.custItems, b.buyerStart, b.buyerList, wanted);
    for (let i = 0; i < nItems; i++) {
      if (!wanted[i]) {
        expect(rows.rowOf[i]).toBe(-1);
        continue;
      }
      const r = rows.rowOf[i];
      const items = Array.from(rows.item.subarray(rows.start[r], rows.start[r + 1]));
      const expected = [...Array(nItems).keys()].filter((j) => both(b.sets, i, j) > 0);
      expect(items).toEqual(expected);
      for (let j = 0; j < nItems; j++) expect(coCount(rows, i, j)).toBe(both(b.sets, i, j));
      // groups: counts strictly decreasing along the row, items ascending within a group, every entry once
      const seen: number[] = [];
      let prev = Infinity;
      for (let g = rows.rowGroups[r]; g < rows.rowGroups[r + 1]; g++) {
        expect(rows.groupCount[g]).toBeLessThan(prev);
        prev = rows.groupCount[g];
        const members = Array.from(rows.itemByCount.subarray(rows.groupBegin[g], rows.groupBegin[g + 1]));
        expect(members.length).toBeGreaterThan(0);
        expect(members).toEqual([...members].sort((x, y) => x - y));
        for (const j of members) expect(both(b.sets, i, j)).toBe(rows.groupCount[g]);
        seen.push(...members);
      }
      expect(seen.sort((x, y) => x - y)).toEqual(expected);
      const nBuyers = b.buyerStart[i + 1] - b.buyerStart[i];
      if (nBuyers > 0) expect(rows.groupCount[rows.rowGroups[r]]).toBe(nBuyers); // the item itself comes first
      else expect(rows.rowGroups[r + 1]).toBe(rows.rowGroups[r]);
    }
  });
});

describe('CoPurchaseTopK', () => {
  const nItems = 80;
  const b = baskets(11, 150, nItems, 25);
  const wanted = new Uint8Array(nItems).fill(1);
  const rows = coPurchaseRows(b.custStart, b.custItems, b.buyerStart, b.buyerList, wanted);
  // item ranks in a shuffled order, so that ties do not simply follow item codes
  const order = [...Array(nItems).keys()].sort((x, y) => ((x * 37) % nItems) - ((y * 37) % nItems));
  const itemRank = new Int32Array(nItems);
  order.forEach((it, r) => (itemRank[it] = r));

  function check(favItem: Int32Array, favA: Float64Array, k: number, u: number, top: CoPurchaseTopK, bought: Int32Array) {
    const set = new Set(b.sets[u]);
    for (const it of b.sets[u]) bought[it] = u;
    const n = top.top(favItem, favA, 0, favItem.length, bought, u);
    const got = Array.from({ length: n }, (_, q) => ({ item: top.item[q], score: top.score[q], because: top.because[q] }));
    expect(got).toEqual(bruteTop(rows, favItem, favA, set, itemRank, k));
  }

  test('exact top k, scores float for float, ties by rank, because: the largest term', () => {
    for (const k of [1, 3, 5, 12]) {
      const top = new CoPurchaseTopK(rows, itemRank, k, 10);
      const bought = new Int32Array(nItems).fill(-1);
      for (let u = 0; u < b.sets.length; u++) {
        const nFav = Math.min(b.sets[u].length, 1 + ((u * 7) % 10));
        const favItem = Int32Array.from(b.sets[u].slice(0, nFav));
        // weights from small integers: many exactly equal terms and scores
        const favA = Float64Array.from(favItem, (it, f) => (1 + ((u + f) % 3)) / (b.buyerStart[it + 1] - b.buyerStart[it]));
        check(favItem, favA, k, u, top, bought);
      }
    }
  });

  test('more favourites than tracked per item (40), and the buffers grow past maxFavourites', () => {
    const top = new CoPurchaseTopK(rows, itemRank, 5, 2);
    const bought = new Int32Array(nItems).fill(-1);
    const rand = mulberry32(5);
    for (let u = 0; u < 20; u++) {
      const favItem = Int32Array.from({ length: 40 }, (_, f) => (f * 2 + u) % nItems);
      const favA = Float64Array.from(favItem, () => 0.001 + rand());
      check(favItem, favA, 5, u, top, bought);
    }
  });

  test('a weight that is not a positive finite number falls back to the dense sum (NaN scores are dropped)', () => {
    const top = new CoPurchaseTopK(rows, itemRank, 5, 10);
    const bought = new Int32Array(nItems).fill(-1);
    const favItem = Int32Array.of(1, 2, 3);
    check(favItem, Float64Array.of(0.5, Number.NaN, 0.25), 5, 0, top, bought);
    check(favItem, Float64Array.of(0.5, 0, 0.25), 5, 1, top, bought);
    expect(top.top(favItem, Float64Array.of(0.5, 0.1, 0.2), 0, 0, bought, 2)).toBe(0); // no favourites
  });
});
