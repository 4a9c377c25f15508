/**
 * Top-k item recommendations from item–item co-purchase over customers.
 */
import type { Table } from 'apache-arrow';
import { codes, floats, makeTable } from '../table';
import { optionalCodes } from '../stats/columns';

export interface RecommendOptions {
  /** Recommendations per customer. Default 5. */
  k?: number;
  /** How many of the customer's most-bought items (by quantity) drive the scores. Default 10. */
  favourites?: number;
}

/** Growable Int32 buffer. */
class Int32List {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Recommend `k` items per customer that the customer has not bought yet.
 *
 * For each customer u take the `favourites` items with the largest total quantity (quantity > 0;
 * ties: smaller item id first); w_i = the favourite's share of their summed quantity. Then
 *   score_j = Σ_i w_i · P(j | i),   P(j | i) = #customers who bought i and j / #customers who bought i,
 * summed over favourites in that order, each term evaluated as (w_i / #buyers(i)) · #both(i, j)
 * (float for float what the reference test/golden/stages_recommend.py computes). Items u bought are excluded; the top `k` by score (ties:
 * smaller item id) come first, with `because` = the name of the favourite whose term w_i·P(j|i) is
 * largest (the first such favourite on a tie). When fewer than k items score > 0, the rest are filled
 * with the most popular unbought items (score = share of customers who bought it; ties: smaller id)
 * and `because` = "popular".
 *
 * Lines with a null customer or item are skipped. Item names: the first non-null `itemName` of the
 * item in row order, else its id. Output columns: customer, rank (1..k), item, itemName, score,
 * because; customers sorted by id (UTF-16 code-unit order), ranks ascending.
 * Sparse co-occurrence over typed arrays: only rows of items that are someone's favourite are built.
 *
 * @example
 *   recommend(clean(tx).table);                       // 5 per customer from the 10 favourites
 *   recommend(tx, { k: 3, favourites: 5 });
 */
export function recommend(tx: Table, opts: RecommendOptions = {}): Table {
  const k = opts.k ?? 5;
  const nFav = opts.favourites ?? 10;
  if (!(Number.isInteger(k) && k > 0)) throw new Error(`recommend: k must be a positive integer, got ${k}`);
  if (!(Number.isInteger(nFav) && nFav > 0)) throw new Error(`recommend: favourites must be a positive integer, got ${nFav}`);
  const item = optionalCodes(tx, 'item');
  if (!item) throw new Error('recommend: the transactions have no `item` column, so there is nothing to recommend');
  const cust = codes(tx, 'customer');
  const qty = floats(tx, 'quantity');
  const names = optionalCodes(tx, 'itemName');
  const ic = item.codes;
  const cc = cust.codes;
  const nLines = cc.length;
  const nItemCodes = item.dict.length;

  // --- item ranks by id (tie-breaks) and display names
  const itemRank = new Int32Array(nItemCodes);
  {
    const order = Array.from({ length: nItemCodes }, (_, i) => i);
    order.sort((a, b) => (item.dict[a] < item.dict[b] ? -1 : item.dict[a] > item.dict[b] ? 1 : a - b));
    for (let r = 0; r < order.length; r++) itemRank[order[r]] = r;
  }
  const nameOf = new Array<string | null>(nItemCodes).fill(null);
  for (let i = 0; i < nLines; i++) {
    const it = ic[i];
    if (it >= 0 && nameOf[it] === null && names && names.codes[i] >= 0) nameOf[it] = names.dict[names.codes[i]];
  }
  const itemName = (it: number) => nameOf[it] ?? item.dict[it];

  // --- customers (sorted by id) and their lines (CSR)
  const lineCount = new Int32Array(cust.dict.length);
  for (let i = 0; i < nLines; i++) if (cc[i] >= 0 && ic[i] >= 0) lineCount[cc[i]]++;
  const present: number[] = [];
  for (let c = 0; c < cust.dict.length; c++) if (lineCount[c] > 0) present.push(c);
  present.sort((a, b) => (cust.dict[a] < cust.dict[b] ? -1 : cust.dict[a] > cust.dict[b] ? 1 : a - b));
  const nCust = present.length;
  const custIndex = new Int32Array(cust.dict.length).fill(-1);
  const lineStart = new Int32Array(nCust + 1);
  for (let u = 0; u < nCust; u++) {
    custIndex[present[u]] = u;
    lineStart[u + 1] = lineStart[u] + lineCount[present[u]];
  }
  const lines = new Int32Array(lineStart[nCust]);
  {
    const fill = lineStart.slice(0, nCust);
    for (let i = 0; i < nLines; i++) if (cc[i] >= 0 && ic[i] >= 0) lines[fill[custIndex[cc[i]]]++] = i;
  }

  // --- distinct items per customer with summed quantity (CSR), buyers per item
  const ciStart = new Int32Array(nCust + 1);
  const ciItem = new Int32List();
  const ciQty: number[] = [];
  const qAcc = new Float64Array(nItemCodes);
  const stamp = new Int32Array(nItemCodes).fill(-1);
  const buyers = new Int32Array(nItemCodes);
  for (let u = 0; u < nCust; u++) {
    const from = ciItem.length;
    for (let r = lineStart[u]; r < lineStart[u + 1]; r++) {
      const i = lines[r];
      const it = ic[i];
      if (stamp[it] !== u) {
        stamp[it] = u;
        qAcc[it] = 0;
        ciItem.push(it);
        buyers[it]++;
      }
      qAcc[it] += qty[i];
    }
    for (let p = from; p < ciItem.length; p++) ciQty.push(qAcc[ciItem.data[p]]);
    ciStart[u + 1] = ciItem.length;
  }
  const custItems = ciItem.data;
  const custQty = Float64Array.from(ciQty);
  const buyerStart = new Int32Array(nItemCodes + 1);
  for (let it = 0; it < nItemCodes; it++) buyerStart[it + 1] = buyerStart[it] + buyers[it];
  const buyerList = new Int32Array(buyerStart[nItemCodes]);
  {
    const fill = buyerStart.slice(0, nItemCodes);
    for (let u = 0; u < nCust; u++) for (let p = ciStart[u]; p < ciStart[u + 1]; p++) buyerList[fill[custItems[p]]++] = u;
  }

  // --- favourites per customer: positive quantity, quantity desc, item id asc
  const favStart = new Int32Array(nCust + 1);
  const favItem = new Int32List();
  const favW: number[] = []; // favourite's share of the customer's favourite quantity
  for (let u = 0; u < nCust; u++) {
    const cand: number[] = [];
    for (let p = ciStart[u]; p < ciStart[u + 1]; p++) if (custQty[p] > 0) cand.push(p);
    cand.sort((a, b) => custQty[b] - custQty[a] || itemRank[custItems[a]] - itemRank[custItems[b]]);
    const top = cand.slice(0, nFav);
    let total = 0;
    for (const p of top) total += custQty[p];
    for (const p of top) {
      favItem.push(custItems[p]);
      favW.push(custQty[p] / total);
    }
    favStart[u + 1] = favItem.length;
  }

  // --- sparse co-occurrence rows (customer counts), item codes ascending, for favourite items only
  const rowOf = new Int32Array(nItemCodes).fill(-1);
  const rowStart: number[] = [0];
  // 16-bit storage when ids and counts fit (halves memory and bandwidth of the scoring loop)
  const ItemArray = nItemCodes <= 65536 ? Uint16Array : Int32Array;
  const CountArray = nCust < 65536 ? Uint16Array : Int32Array;
  let coItem: Uint16Array | Int32Array = new ItemArray(1 << 16);
  let coCount: Uint16Array | Int32Array = new CountArray(1 << 16);
  let nnz = 0;
  {
    const acc = new Int32Array(nItemCodes);
    for (let f = 0; f < favItem.length; f++) {
      const it = favItem.data[f];
      if (rowOf[it] >= 0) continue;
      for (let b = buyerStart[it]; b < buyerStart[it + 1]; b++) {
        const v = buyerList[b];
        for (let p = ciStart[v]; p < ciStart[v + 1]; p++) acc[custItems[p]]++;
      }
      if (nnz + nItemCodes > coItem.length) {
        const size = Math.max(coItem.length * 2, nnz + nItemCodes);
        const a = new ItemArray(size);
        a.set(coItem.subarray(0, nnz));
        coItem = a;
        const c = new CountArray(size);
        c.set(coCount.subarray(0, nnz));
        coCount = c;
      }
      for (let j = 0; j < nItemCodes; j++) {
        if (acc[j] > 0) {
          coItem[nnz] = j;
          coCount[nnz++] = acc[j];
          acc[j] = 0;
        }
      }
      rowOf[it] = rowStart.length - 1;
      rowStart.push(nnz);
    }
  }
  /** Customers who bought favourite i and item j (0 when none): binary search in i's row. */
  const together = (i: number, j: number): number => {
    const row = rowOf[i];
    let lo = rowStart[row];
    let hi = rowStart[row + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = coItem[mid];
      if (x === j) return coCount[mid];
      if (x < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };

  // --- popularity order for the fill
  const popular: number[] = [];
  for (let it = 0; it < nItemCodes; it++) if (buyers[it] > 0) popular.push(it);
  popular.sort((a, b) => buyers[b] - buyers[a] || itemRank[a] - itemRank[b]);

  // --- score every customer: dense accumulation in favourite order, then one scan for the top k
  const outCust: number[] = [];
  const outRank: number[] = [];
  const outItem: number[] = [];
  const outScore: number[] = [];
  const outBecause: number[] = []; // favourite item code, or -1 = popular
  const score = new Float64Array(nItemCodes);
  const bought = new Int32Array(nItemCodes).fill(-1); // u when u bought it
  const topItem = new Int32Array(k);
  const topScore = new Float64Array(k);
  // The items a customer's favourites reach (every term is > 0, so an item is reached when its score leaves 0).
  const touched = new Int32Array(nItemCodes);
  for (let u = 0; u < nCust; u++) {
    for (let p = ciStart[u]; p < ciStart[u + 1]; p++) bought[custItems[p]] = u;
    let nTouched = 0;
    for (let f = favStart[u]; f < favStart[u + 1]; f++) {
      const i = favItem.data[f];
      const a = favW[f] / buyers[i]; // w_i / |buyers(i)|
      const row = rowOf[i];
      for (let e = rowStart[row], end = rowStart[row + 1]; e < end; e++) {
        const j = coItem[e];
        if (score[j] === 0) touched[nTouched++] = j;
        score[j] += a * coCount[e];
      }
    }
    // top k: insertion into a sorted buffer (score desc, item id asc), over the reached items only (the
    // order of the scan does not matter: ties go by item id); the scan also resets their scores
    let nTop = 0;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      const s = score[j];
      if (s === 0) continue;
      score[j] = 0;
      if (!(s > 0) || bought[j] === u) continue;
      let pos = nTop;
      while (pos > 0 && (topScore[pos - 1] < s || (topScore[pos - 1] === s && itemRank[topItem[pos - 1]] > itemRank[j]))) pos--;
      if (pos >= k) continue;
      const end = Math.min(nTop, k - 1);
      for (let q = end; q > pos; q--) {
        topItem[q] = topItem[q - 1];
        topScore[q] = topScore[q - 1];
      }
      topItem[pos] = j;
      topScore[pos] = s;
      if (nTop < k) nTop++;
    }
    for (let q = 0; q < nTop; q++) {
      const j = topItem[q];
      // because: the favourite with the largest term w_i · P(j | i), the first one on a tie
      let best = -1;
      let arg = -1;
      for (let f = favStart[u]; f < favStart[u + 1]; f++) {
        const i = favItem.data[f];
        const co = together(i, j);
        if (co === 0) continue;
        const c = (favW[f] / buyers[i]) * co;
        if (c > best) {
          best = c;
          arg = i;
        }
      }
      outCust.push(u);
      outRank.push(q + 1);
      outItem.push(j);
      outScore.push(topScore[q]);
      outBecause.push(arg);
    }
    // fill with popular items not bought and not already recommended
    let rank = nTop;
    for (let q = 0; q < popular.length && rank < k; q++) {
      const j = popular[q];
      if (bought[j] === u) continue;
      let dup = false;
      for (let z = 0; z < nTop; z++) if (topItem[z] === j) dup = true;
      if (dup) continue;
      rank++;
      outCust.push(u);
      outRank.push(rank);
      outItem.push(j);
      outScore.push(buyers[j] / nCust);
      outBecause.push(-1);
    }
  }

  const itemNames = Array.from({ length: nItemCodes }, (_, it) => itemName(it));
  const becauseDict = [...itemNames, 'popular'];
  return makeTable({
    customer: { codes: Int32Array.from(outCust, (u) => present[u]), dict: cust.dict },
    rank: Int32Array.from(outRank),
    item: { codes: Int32Array.from(outItem), dict: item.dict },
    itemName: { codes: Int32Array.from(outItem), dict: itemNames },
    score: Float64Array.from(outScore),
    because: { codes: Int32Array.from(outBecause, (b) => (b < 0 ? nItemCodes : b)), dict: becauseDict },
  });
}
