/**
 * Item-based k-nearest-neighbour recommender (Deshpande & Karypis 2004; `implicit`'s ItemItemRecommender
 * with cosine similarity), with optional shrinkage of similarities supported by few users.
 */
import type { Interactions } from './interactions';
import { sparseRows } from './matrix';

export interface ItemKnnOptions {
  /** Neighbours kept per item. Default 20. */
  k?: number;
  /** Shrinkage s: sim·n_ij/(n_ij + s), n_ij = users with both items. Default 0 (plain cosine). */
  shrinkage?: number;
}

export interface ItemKnnModel {
  kind: 'itemknn';
  /** Neighbours of item i: `nbr[start[i]..start[i+1])` with similarities `sim[…]`, most similar first. */
  start: Int32Array;
  nbr: Int32Array;
  sim: Float64Array;
  k: number;
  shrinkage: number;
}

/**
 * Cosine similarity between item columns of the user × item rating matrix,
 *   sim(i, j) = (Σ_u r_ui r_uj) / (‖r_·i‖ ‖r_·j‖) · n_ij / (n_ij + s),
 * then for each item its `k` most similar other items (similarity > 0; ties: smaller item id). A user's
 * score for item j is Σ_{i rated by u} r_ui · sim(i, j) over the i that have j among their neighbours.
 * Defaults: k 20, shrinkage 0.
 *
 * @example
 *   const knn = trainItemKnn(train, { k: 40, shrinkage: 10 });
 */
export function trainItemKnn(train: Interactions, opts: ItemKnnOptions = {}): ItemKnnModel {
  const k = opts.k ?? 20;
  const s = opts.shrinkage ?? 0;
  if (!(Number.isInteger(k) && k > 0)) throw new Error(`itemknn: k must be a positive integer, got ${k}`);
  if (!(s >= 0)) throw new Error(`itemknn: shrinkage must be ≥ 0, got ${s}`);
  const nU = train.users.length;
  const nI = train.items.length;
  const byUser = sparseRows(train.user, train.item, train.rating, nU);
  const byItem = sparseRows(train.item, train.user, train.rating, nI);
  const norm = new Float64Array(nI);
  for (let i = 0; i < nI; i++) {
    let q = 0;
    for (let e = byItem.start[i]; e < byItem.start[i + 1]; e++) q += byItem.val[e] * byItem.val[e];
    norm[i] = Math.sqrt(q);
  }
  const dot = new Float64Array(nI);
  const both = new Int32Array(nI);
  const touched = new Int32Array(nI);
  const start = new Int32Array(nI + 1);
  const nbr: number[] = [];
  const sim: number[] = [];
  const topJ = new Int32Array(k);
  const topS = new Float64Array(k);
  for (let i = 0; i < nI; i++) {
    let nTouched = 0;
    for (let e = byItem.start[i]; e < byItem.start[i + 1]; e++) {
      const u = byItem.col[e];
      const rui = byItem.val[e];
      for (let g = byUser.start[u]; g < byUser.start[u + 1]; g++) {
        const j = byUser.col[g];
        if (j === i) continue;
        if (both[j] === 0) touched[nTouched++] = j;
        both[j]++;
        dot[j] += rui * byUser.val[g];
      }
    }
    touched.subarray(0, nTouched).sort();
    let nTop = 0;
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      const nij = both[j];
      const denom = norm[i] * norm[j];
      let v = denom > 0 ? dot[j] / denom : 0;
      if (s > 0) v = (v * nij) / (nij + s);
      dot[j] = 0;
      both[j] = 0;
      if (!(v > 0)) continue;
      // insertion into the sorted top-k (similarity desc; j ascending, so an equal later j goes after)
      let pos = nTop;
      while (pos > 0 && topS[pos - 1] < v) pos--;
      if (pos >= k) continue;
      for (let q = Math.min(nTop, k - 1); q > pos; q--) {
        topJ[q] = topJ[q - 1];
        topS[q] = topS[q - 1];
      }
      topJ[pos] = j;
      topS[pos] = v;
      if (nTop < k) nTop++;
    }
    for (let q = 0; q < nTop; q++) {
      nbr.push(topJ[q]);
      sim.push(topS[q]);
    }
    start[i + 1] = nbr.length;
  }
  return { kind: 'itemknn', start, nbr: Int32Array.from(nbr), sim: Float64Array.from(sim), k, shrinkage: s };
}
