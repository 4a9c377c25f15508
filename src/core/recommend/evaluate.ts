/**
 * Offline evaluation of recommenders on a holdout: rating error for explicit models, top-N ranking
 * quality for all.
 */
import type { Interactions } from './interactions';
import { sparseRows } from './matrix';
import { predictRating, type MfModel } from './mf';
import { topN, type RecommenderModel } from './score';
import { trainPopularity } from './popularity';

export interface RatingMetrics {
  /** √(Σ (r̂ − r)² / n) and Σ |r̂ − r| / n over the n test pairs. */
  rmse: number;
  mae: number;
  n: number;
}

/**
 * RMSE and MAE of an explicit model on every test pair (unknown users/items get the model's fallback,
 * see `predictRating`; no clipping).
 *
 * @example evaluateRatings(mf, test); // { rmse: 0.94, mae: 0.74, n: 20000 }
 */
export function evaluateRatings(model: MfModel, test: Interactions): RatingMetrics {
  let se = 0;
  let ae = 0;
  const n = test.user.length;
  for (let k = 0; k < n; k++) {
    const e = predictRating(model, test.user[k], test.item[k]) - test.rating[k];
    se += e * e;
    ae += Math.abs(e);
  }
  return { rmse: n ? Math.sqrt(se / n) : NaN, mae: n ? ae / n : NaN, n };
}

export interface TopNMetrics {
  k: number;
  /** Users evaluated: at least one relevant test item not in their training items. */
  users: number;
  /** Of those, users with no training pairs (scored by the popularity fallback). */
  coldStartUsers: number;
  precision: number;
  recall: number;
  ndcg: number;
  map: number;
  hitRate: number;
  coverage: number;
  novelty: number;
  /** Candidate items (items with a training pair): the coverage denominator. */
  catalogue: number;
}

export interface TopNEvalOptions {
  /** List length k. Default 10. */
  k?: number;
  /** A test pair is relevant when its rating ≥ this. Default -Infinity (every held-out pair). */
  relevantMin?: number;
}

/**
 * Top-N metrics at k, averaged over the evaluated users U (users with ≥ 1 relevant test item T_u that is
 * not one of their training items; others are skipped). R_u = u's top-k list from `topN` (training items
 * excluded, popularity fallback for cold users), hits h_u = |R_u ∩ T_u|:
 *   precision@k = mean h_u / k;  recall@k = mean h_u / |T_u|;  hit rate = share of users with h_u > 0;
 *   NDCG@k = mean DCG_u / IDCG_u, DCG_u = Σ_{rank r hit} 1/log2(r + 1), IDCG_u = Σ_{r=1}^{min(|T_u|,k)} 1/log2(r + 1);
 *   MAP@k = mean AP_u, AP_u = Σ_{rank r hit} precision@r / min(|T_u|, k);
 *   coverage = |∪_u R_u| / |candidate items| (items with a training pair);
 *   novelty = mean over all listed (u, j) of −log2(n_j / N), n_j training users with j, N training users.
 * Defaults: k 10, every held-out pair relevant.
 *
 * @example evaluateTopN(model, train, test, { k: 10 }).ndcg;
 */
export function evaluateTopN(model: RecommenderModel, train: Interactions, test: Interactions, opts: TopNEvalOptions = {}): TopNMetrics {
  const k = opts.k ?? 10;
  const min = opts.relevantMin ?? -Infinity;
  const nU = train.users.length;
  const nI = train.items.length;
  const trainRows = sparseRows(train.user, train.item, train.rating, nU);
  const testRows = sparseRows(test.user, test.item, test.rating, nU);
  const pop = trainPopularity(train);
  // relevant sets
  const relStart = new Int32Array(nU + 1);
  const rel: number[] = [];
  const mark = new Int32Array(nI).fill(-1);
  const users: number[] = [];
  let cold = 0;
  for (let u = 0; u < nU; u++) {
    for (let e = trainRows.start[u]; e < trainRows.start[u + 1]; e++) mark[trainRows.col[e]] = u;
    for (let e = testRows.start[u]; e < testRows.start[u + 1]; e++) if (testRows.val[e] >= min && mark[testRows.col[e]] !== u) rel.push(testRows.col[e]);
    relStart[u + 1] = rel.length;
    if (relStart[u + 1] > relStart[u]) {
      users.push(u);
      if (trainRows.start[u + 1] === trainRows.start[u]) cold++;
    }
  }
  const lists = topN(model, train, { k, users: users, explain: false });
  const isRel = new Int32Array(nI).fill(-1);
  let P = 0;
  let R = 0;
  let N = 0;
  let M = 0;
  let H = 0;
  let nov = 0;
  const listed = new Uint8Array(nI);
  let e = 0;
  for (const u of users) {
    const nRel = relStart[u + 1] - relStart[u];
    for (let q = relStart[u]; q < relStart[u + 1]; q++) isRel[rel[q]] = u;
    let hits = 0;
    let dcg = 0;
    let ap = 0;
    for (; e < lists.user.length && lists.user[e] === u; e++) {
      const j = lists.item[e];
      const r = lists.rank[e];
      listed[j] = 1;
      nov += -Math.log2(pop.count[j] / pop.users);
      if (isRel[j] === u) {
        hits++;
        dcg += 1 / Math.log2(r + 1);
        ap += hits / r;
      }
    }
    let idcg = 0;
    for (let r = 1; r <= Math.min(nRel, k); r++) idcg += 1 / Math.log2(r + 1);
    P += hits / k;
    R += hits / nRel;
    N += dcg / idcg;
    M += ap / Math.min(nRel, k);
    if (hits > 0) H++;
  }
  const nEval = users.length;
  let catalogue = 0;
  let covered = 0;
  for (let j = 0; j < nI; j++) {
    if (pop.count[j] > 0) catalogue++;
    if (listed[j]) covered++;
  }
  return {
    k,
    users: nEval,
    coldStartUsers: cold,
    precision: nEval ? P / nEval : NaN,
    recall: nEval ? R / nEval : NaN,
    ndcg: nEval ? N / nEval : NaN,
    map: nEval ? M / nEval : NaN,
    hitRate: nEval ? H / nEval : NaN,
    coverage: catalogue ? covered / catalogue : NaN,
    novelty: lists.user.length ? nov / lists.user.length : NaN,
    catalogue,
  };
}
