/**
 * The exact top k of one customer's co-purchase scores, score_j = Σ_f a_f · #both(f, j) over the
 * customer's favourites f (a_f = w_f / #buyers(f)), without summing every co-purchase row in full.
 */
import { coCount, type CoRows } from './coRows';

/** Favourites whose head membership is tracked per item (bits of an Int32). */
const TRACKED = 31;

/**
 * Scores one customer at a time; reuse one instance for all customers (its buffers are sized once).
 *
 * Threshold pruning over the rows ordered by count: sum only the row heads whose terms a_f · count
 * reach a level τ, lowering τ until the k-th best partial sum among the eligible items beats the bound
 * T = Σ_f (the largest term left in f's row). An item outside every head then scores ≤ T, below the
 * top k, and an item whose partial sum plus the terms still possible (the rows whose head missed it)
 * stays below the k-th best cannot enter it either. The few survivors are summed exactly, favourite by
 * favourite in the given order — the same float operations as a full dense sum — so the scores and
 * their order (ties: smaller item rank) are exact. Bounds carry a relative slack far above float
 * rounding. Customers with a weight that is not a positive finite number get the full dense sum.
 *
 * @example
 *   const top = new CoPurchaseTopK(rows, itemRank, 5, 10);
 *   const n = top.top(favItem, favA, favStart[u], favStart[u + 1], bought, u);
 *   // top.item[0..n), top.score[0..n), top.because[0..n)
 */
export class CoPurchaseTopK {
  /** Items of the last `top` call, best first (the first n returned entries are valid). */
  readonly item: Int32Array;
  /** Their exact scores. */
  readonly score: Float64Array;
  /** Their favourite with the largest term a_f · #both(f, j) (the first one on a tie), as an item code. */
  readonly because: Int32Array;
  private readonly rows: CoRows;
  private readonly itemRank: Int32Array;
  private readonly k: number;
  /** Dense partial sums by item code; all zero between calls. */
  private readonly partial: Float64Array;
  /** Items with a nonzero partial sum, in the order first reached. */
  private readonly touched: Int32Array;
  /** Per touched item: bit f set when the head of favourite f (f < TRACKED) held it. */
  private readonly seen: Int32Array;
  /** Per touched item and tracked favourite f with its bit in `seen` set: #both(f, item), at item · width + f. */
  private readonly known: Int32Array;
  private readonly width: number;
  /** Per favourite: the next unread group of its count-ordered row. */
  private cursor: Int32Array;
  /** Per favourite: the largest term left in its row (0 once the row is read to its end). */
  private rest: Float64Array;
  /** The k best partial sums of the eligible items seen, descending. */
  private readonly best: Float64Array;

  /**
   * @param rows co-purchase rows of every favourite item
   * @param itemRank rank of each item code by id (tie-break: smaller rank first)
   * @param k how many items to keep
   * @param maxFavourites the most favourites a customer has (buffer sizes; grown when exceeded)
   */
  constructor(rows: CoRows, itemRank: Int32Array, k: number, maxFavourites: number) {
    const nItems = itemRank.length;
    this.rows = rows;
    this.itemRank = itemRank;
    this.k = k;
    this.item = new Int32Array(k);
    this.score = new Float64Array(k);
    this.because = new Int32Array(k);
    this.partial = new Float64Array(nItems);
    this.touched = new Int32Array(nItems);
    this.seen = new Int32Array(nItems);
    this.width = Math.max(1, Math.min(TRACKED, maxFavourites));
    this.known = new Int32Array(nItems * this.width);
    this.cursor = new Int32Array(maxFavourites);
    this.rest = new Float64Array(maxFavourites);
    this.best = new Float64Array(k);
  }

  /**
   * Top k items by score (desc; ties: smaller item rank) among the items with score > 0 that
   * `bought[j] !== u`, for the favourites `favItem[from..to)` with weights `favA[from..to)` (summed in
   * that order). Fills `item` / `score` / `because` and returns how many were found (< k when fewer
   * items score).
   */
  top(favItem: Int32Array, favA: Float64Array, from: number, to: number, bought: Int32Array, u: number): number {
    const n = to - from;
    if (n <= 0) return 0;
    for (let f = from; f < to; f++) if (!(favA[f] > 0 && favA[f] < Infinity)) return this.dense(favItem, favA, from, to, bought, u);
    const { rowOf, itemByCount, rowGroups, groupCount, groupBegin } = this.rows;
    const partial = this.partial;
    const touched = this.touched;
    const seen = this.seen;
    const known = this.known;
    const width = Math.min(this.width, n);
    if (this.cursor.length < n) {
      this.cursor = new Int32Array(n);
      this.rest = new Float64Array(n);
    }
    const cursor = this.cursor;
    const rest = this.rest;
    const slack = 1e-9 + 4 * n * Number.EPSILON;

    // a row's largest term is its first group's; start τ at half the largest of all
    let tau = 0;
    for (let f = 0; f < n; f++) {
      const g = rowGroups[rowOf[favItem[from + f]]];
      cursor[f] = g;
      tau = Math.max(tau, favA[from + f] * groupCount[g]);
    }
    tau /= 2;
    let nTouched = 0;
    let tail = 0; // T: Σ over favourites of the largest term not yet summed
    let kth = 0; // the k-th best partial sum among eligible items (0 while fewer than k)
    for (;;) {
      tail = 0;
      let left = false;
      for (let f = 0; f < n; f++) {
        const a = favA[from + f];
        const gEnd = rowGroups[rowOf[favItem[from + f]] + 1];
        const bit = f < width ? 1 << f : 0;
        let g = cursor[f];
        for (; g < gEnd; g++) {
          const c = groupCount[g];
          const term = a * c;
          if (term < tau) break;
          for (let e = groupBegin[g], end = groupBegin[g + 1]; e < end; e++) {
            const j = itemByCount[e];
            if (partial[j] === 0) {
              touched[nTouched++] = j;
              seen[j] = 0;
            }
            partial[j] += term;
            if (bit !== 0) {
              seen[j] |= bit;
              known[j * width + f] = c;
            }
          }
        }
        cursor[f] = g;
        rest[f] = g < gEnd ? a * groupCount[g] : 0;
        if (g < gEnd) {
          tail += rest[f];
          left = true;
        }
      }
      kth = this.kthPartial(nTouched, bought, u);
      if (!left) break;
      if (kth > 0 && tail * (1 + slack) < kth * (1 - slack)) break;
      // with τ = kth / n every row's remaining terms fall below kth / n, so T < kth after the next round
      const next = kth / (n * (1 + 8 * slack));
      tau = kth > 0 && next < tau ? next : tau / 2;
    }

    // survivors: the partial sum plus the terms still possible (T, then only the rows whose head missed
    // the item) can reach the k-th best; sum them exactly, favourite by favourite
    const bound = kth * (1 - slack);
    let nTop = 0;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      const p = partial[j];
      partial[j] = 0;
      if (bought[j] === u || (p + tail) * (1 + slack) < bound) continue;
      const m = seen[j];
      let missed = 0;
      for (let f = 0; f < n; f++) if (f >= width || ((m >>> f) & 1) === 0) missed += rest[f];
      if ((p + missed) * (1 + slack) < bound) continue;
      let s = 0;
      let best = -1;
      let arg = -1;
      for (let f = 0; f < n; f++) {
        let both: number;
        if (f < width && ((m >>> f) & 1) === 1) both = known[j * width + f];
        else if (f < width && cursor[f] === rowGroups[rowOf[favItem[from + f]] + 1]) both = 0; // read to its end without j
        else both = coCount(this.rows, favItem[from + f], j);
        if (both === 0) continue;
        const term = favA[from + f] * both;
        s += term;
        if (term > best) {
          best = term;
          arg = favItem[from + f];
        }
      }
      nTop = this.offer(j, s, arg, nTop);
    }
    return nTop;
  }

  /** The k-th largest partial sum among the first `nTouched` touched items that u has not bought; 0 when fewer than k. */
  private kthPartial(nTouched: number, bought: Int32Array, u: number): number {
    const best = this.best;
    const k = this.k;
    const partial = this.partial;
    const touched = this.touched;
    let n = 0;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      if (bought[j] === u) continue;
      const p = partial[j];
      if (n === k && p <= best[k - 1]) continue;
      let pos = n < k ? n++ : k - 1;
      while (pos > 0 && best[pos - 1] < p) {
        best[pos] = best[pos - 1];
        pos--;
      }
      best[pos] = p;
    }
    return n === k ? best[k - 1] : 0;
  }

  /** The full dense sum: every row added in favourite order, then one scan of all items. */
  private dense(favItem: Int32Array, favA: Float64Array, from: number, to: number, bought: Int32Array, u: number): number {
    const { rowOf, start, item, count } = this.rows;
    const score = this.partial;
    for (let f = from; f < to; f++) {
      const a = favA[f];
      const row = rowOf[favItem[f]];
      for (let e = start[row], end = start[row + 1]; e < end; e++) score[item[e]] += a * count[e];
    }
    let nTop = 0;
    for (let j = 0; j < score.length; j++) {
      const s = score[j];
      if (s === 0) continue;
      score[j] = 0;
      if (!(s > 0) || bought[j] === u) continue;
      nTop = this.offer(j, s, -1, nTop);
    }
    for (let q = 0; q < nTop; q++) {
      const j = this.item[q];
      let best = -1;
      for (let f = from; f < to; f++) {
        const both = coCount(this.rows, favItem[f], j);
        if (both === 0) continue;
        const term = favA[f] * both;
        if (term > best) {
          best = term;
          this.because[q] = favItem[f];
        }
      }
    }
    return nTop;
  }

  /** Insert item j (score s, because b) into the sorted top buffer holding nTop items (score desc, item rank asc); returns the new size. */
  private offer(j: number, s: number, b: number, nTop: number): number {
    const itemRank = this.itemRank;
    const topItem = this.item;
    const topScore = this.score;
    const topBecause = this.because;
    const k = this.k;
    let pos = nTop;
    while (pos > 0 && (topScore[pos - 1] < s || (topScore[pos - 1] === s && itemRank[topItem[pos - 1]] > itemRank[j]))) pos--;
    if (pos >= k) return nTop;
    for (let q = Math.min(nTop, k - 1); q > pos; q--) {
      topItem[q] = topItem[q - 1];
      topScore[q] = topScore[q - 1];
      topBecause[q] = topBecause[q - 1];
    }
    topItem[pos] = j;
    topScore[pos] = s;
    topBecause[pos] = b;
    return nTop < k ? nTop + 1 : k;
  }
}
