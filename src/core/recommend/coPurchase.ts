/**
 * Top-k item recommendations from item–item co-purchase over customers.
 */
import type { Table } from 'apache-arrow';
import { codes, floats, makeTable } from '../table';
import { optionalCodes } from '../stats/columns';
import { coPurchaseRows } from './coRows';
import { CoPurchaseTopK } from './coPurchaseTopK';

export interface RecommendOptions {
  /** Recommendations per customer. Default 5. */
  k?: number;
  /** How many of the customer's most-bought items (by quantity) drive the scores. Default 10. */
  favourites?: number;
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
 * Integer codes and typed arrays throughout: customers' distinct items and items' buyers as compressed
 * rows, co-purchase rows (coRows.ts) only for items that are someone's favourite, and each customer's
 * exact top k by threshold pruning over those rows (coPurchaseTopK.ts), which sums in full only the
 * items that can still make the top k.
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
  const nCustCodes = cust.dict.length;

  // --- item ranks by id (tie-breaks) and display names
  const itemRank = idRanks(item.dict);
  const itemNames = new Array<string | null>(nItemCodes).fill(null);
  if (names) {
    const nc = names.codes;
    for (let i = 0; i < nLines; i++) {
      const it = ic[i];
      if (it >= 0 && itemNames[it] === null && nc[i] >= 0) itemNames[it] = names.dict[nc[i]];
    }
  }
  for (let it = 0; it < nItemCodes; it++) if (itemNames[it] === null) itemNames[it] = item.dict[it];

  // --- customers (sorted by id) and their lines (compressed rows)
  const lineCount = new Int32Array(nCustCodes);
  for (let i = 0; i < nLines; i++) if (cc[i] >= 0 && ic[i] >= 0) lineCount[cc[i]]++;
  const present: number[] = [];
  for (let c = 0; c < nCustCodes; c++) if (lineCount[c] > 0) present.push(c);
  const custRank = idRanks(cust.dict);
  present.sort((a, b) => custRank[a] - custRank[b]);
  const nCust = present.length;
  const custIndex = new Int32Array(nCustCodes).fill(-1);
  const lineStart = new Int32Array(nCust + 1);
  for (let u = 0; u < nCust; u++) {
    custIndex[present[u]] = u;
    lineStart[u + 1] = lineStart[u] + lineCount[present[u]];
  }
  const nValid = lineStart[nCust];
  const lines = new Int32Array(nValid);
  {
    const fill = lineStart.slice(0, nCust);
    for (let i = 0; i < nLines; i++) if (cc[i] >= 0 && ic[i] >= 0) lines[fill[custIndex[cc[i]]]++] = i;
  }

  // --- distinct items per customer with summed quantity (compressed rows), buyers per item
  const ciStart = new Int32Array(nCust + 1);
  const custItems = new Int32Array(nValid);
  const custQty = new Float64Array(nValid);
  const buyers = new Int32Array(nItemCodes);
  {
    const at = new Int32Array(nItemCodes); // the item's slot in custItems while its customer is being read
    const stamp = new Int32Array(nItemCodes).fill(-1);
    let nPairs = 0;
    for (let u = 0; u < nCust; u++) {
      for (let r = lineStart[u], end = lineStart[u + 1]; r < end; r++) {
        const i = lines[r];
        const it = ic[i];
        if (stamp[it] !== u) {
          stamp[it] = u;
          at[it] = nPairs;
          custItems[nPairs++] = it;
          buyers[it]++;
        }
        custQty[at[it]] += qty[i];
      }
      ciStart[u + 1] = nPairs;
    }
  }
  const buyerStart = new Int32Array(nItemCodes + 1);
  for (let it = 0; it < nItemCodes; it++) buyerStart[it + 1] = buyerStart[it] + buyers[it];
  const buyerList = new Int32Array(buyerStart[nItemCodes]);
  {
    const fill = buyerStart.slice(0, nItemCodes);
    for (let u = 0; u < nCust; u++) for (let p = ciStart[u]; p < ciStart[u + 1]; p++) buyerList[fill[custItems[p]]++] = u;
  }

  // --- favourites per customer: positive quantity, quantity desc, item id asc (selection into a sorted buffer)
  const favStart = new Int32Array(nCust + 1);
  const favItem = new Int32Array(Math.min(ciStart[nCust], nCust * nFav));
  const favA = new Float64Array(favItem.length); // w_i / #buyers(i): the favourite's weight on each co-purchase count
  const isFav = new Uint8Array(nItemCodes);
  {
    const topP = new Int32Array(nFav); // indices into custItems / custQty
    let nF = 0;
    for (let u = 0; u < nCust; u++) {
      let nTop = 0;
      for (let p = ciStart[u]; p < ciStart[u + 1]; p++) {
        const q = custQty[p];
        if (!(q > 0)) continue;
        const rank = itemRank[custItems[p]];
        let pos = nTop;
        while (pos > 0) {
          const o = topP[pos - 1];
          if (custQty[o] > q || (custQty[o] === q && itemRank[custItems[o]] < rank)) break;
          pos--;
        }
        if (pos >= nFav) continue;
        for (let z = Math.min(nTop, nFav - 1); z > pos; z--) topP[z] = topP[z - 1];
        topP[pos] = p;
        if (nTop < nFav) nTop++;
      }
      let total = 0;
      for (let z = 0; z < nTop; z++) total += custQty[topP[z]];
      for (let z = 0; z < nTop; z++) {
        const it = custItems[topP[z]];
        favItem[nF] = it;
        favA[nF++] = custQty[topP[z]] / total / buyers[it];
        isFav[it] = 1;
      }
      favStart[u + 1] = nF;
    }
  }

  // --- sparse co-occurrence rows (customer counts), for favourite items only
  const co = coPurchaseRows(ciStart, custItems, buyerStart, buyerList, isFav);

  // --- popularity order for the fill
  const popular: number[] = [];
  for (let it = 0; it < nItemCodes; it++) if (buyers[it] > 0) popular.push(it);
  popular.sort((a, b) => buyers[b] - buyers[a] || itemRank[a] - itemRank[b]);

  // --- every customer: exact top k with because (coPurchaseTopK.ts), then the popular fill
  const maxOut = nCust * k;
  const outCust = new Int32Array(maxOut);
  const outRank = new Int32Array(maxOut);
  const outItem = new Int32Array(maxOut);
  const outScore = new Float64Array(maxOut);
  const outBecause = new Int32Array(maxOut); // favourite item code, or nItemCodes = "popular"
  let nOut = 0;
  const bought = new Int32Array(nItemCodes).fill(-1); // u when u bought it
  let maxFav = 0;
  for (let u = 0; u < nCust; u++) maxFav = Math.max(maxFav, favStart[u + 1] - favStart[u]);
  const top = new CoPurchaseTopK(co, itemRank, k, maxFav);
  const topItem = top.item;
  const topScore = top.score;
  const topBecause = top.because;
  for (let u = 0; u < nCust; u++) {
    for (let p = ciStart[u]; p < ciStart[u + 1]; p++) bought[custItems[p]] = u;
    const fFrom = favStart[u];
    const fTo = favStart[u + 1];
    const nTop = top.top(favItem, favA, fFrom, fTo, bought, u);
    for (let q = 0; q < nTop; q++) {
      const j = topItem[q];
      outCust[nOut] = present[u];
      outRank[nOut] = q + 1;
      outItem[nOut] = j;
      outScore[nOut] = topScore[q];
      outBecause[nOut++] = topBecause[q] < 0 ? nItemCodes : topBecause[q]; // -1 (no favourite found) reads "popular"
    }
    // fill with popular items not bought and not already recommended
    let rank = nTop;
    for (let q = 0; q < popular.length && rank < k; q++) {
      const j = popular[q];
      if (bought[j] === u) continue;
      let dup = false;
      for (let z = 0; z < nTop; z++) if (topItem[z] === j) dup = true;
      if (dup) continue;
      outCust[nOut] = present[u];
      outRank[nOut] = ++rank;
      outItem[nOut] = j;
      outScore[nOut] = buyers[j] / nCust;
      outBecause[nOut++] = nItemCodes;
    }
  }

  const itemDisplay = itemNames as string[];
  return makeTable({
    customer: { codes: outCust.slice(0, nOut), dict: cust.dict },
    rank: outRank.slice(0, nOut),
    item: { codes: outItem.slice(0, nOut), dict: item.dict },
    itemName: { codes: outItem.slice(0, nOut), dict: itemDisplay },
    score: outScore.slice(0, nOut),
    because: { codes: outBecause.slice(0, nOut), dict: [...itemDisplay, 'popular'] },
  });
}

/** Rank of each code when its string is sorted ascending (UTF-16 code-unit order; equal strings: smaller code first). */
function idRanks(dict: string[]): Int32Array {
  const order = Array.from({ length: dict.length }, (_, i) => i);
  order.sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : a - b));
  const rank = new Int32Array(dict.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}
