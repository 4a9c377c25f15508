/**
 * Scoring and top-N lists for every recommender, with the popularity fallback for cold-start customers
 * and a "because you bought …" item for each recommendation.
 */
import type { Interactions } from './interactions';
import { sparseRows, type SparseRows } from './matrix';
import type { MfModel } from './mf';
import type { AlsModel } from './als';
import type { ItemKnnModel } from './itemKnn';
import type { PopularityModel } from './popularity';
import type { ContentModel } from './content';
import { trainPopularity } from './popularity';

export type RecommenderModel = MfModel | AlsModel | ItemKnnModel | PopularityModel | ContentModel;

/** Where a recommendation came from. */
export const SOURCES = ['model', 'popularity (cold start)', 'popularity (fill)'] as const;

export interface Scorer {
  /** Fill `out[j]` with u's score of every item; false when u has no training history (cold start). */
  score(u: number, out: Float64Array): boolean;
  /** true: every candidate is ranked by its score; false: only scores > 0 count, the rest is filled by popularity. */
  dense: boolean;
  /** Similarity of two items under the model (for "because you bought i"). */
  similarity(i: number, j: number): number;
}

function rowCosine(M: Float64Array, f: number, n: number): (i: number, j: number) => number {
  const norm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < f; c++) s += M[i * f + c] ** 2;
    norm[i] = Math.sqrt(s);
  }
  return (i, j) => {
    let d = 0;
    for (let c = 0; c < f; c++) d += M[i * f + c] * M[j * f + c];
    const den = norm[i] * norm[j];
    return den > 0 ? d / den : 0;
  };
}

/**
 * A scorer for `model` trained on `train`:
 * - mf: r̂_uj = μ + b_u + b_j + q_jᵀp_u; als: x_uᵀy_j; popularity: n_j (users with j);
 * - itemknn: Σ_{i∈I_u} r_ui sim(i, j) over the neighbour lists; content: cos(Σ_{i∈I_u} r_ui v_i, v_j).
 * A user with no training pairs is cold (every model but popularity returns false).
 *
 * @example
 *   const s = scorer(model, train); const out = new Float64Array(train.items.length); s.score(0, out);
 */
export function scorer(model: RecommenderModel, train: Interactions, byUser: SparseRows = sparseRows(train.user, train.item, train.rating, train.users.length)): Scorer {
  const nI = train.items.length;
  const hasHistory = (u: number) => byUser.start[u + 1] > byUser.start[u];
  switch (model.kind) {
    case 'mf': {
      const f = model.factors;
      const cos = rowCosine(model.Q, f, nI);
      return {
        dense: true,
        similarity: cos,
        score(u, out) {
          if (!hasHistory(u) || !model.knownUser[u]) return false;
          const base = model.mu + model.bu[u];
          for (let j = 0; j < nI; j++) {
            let d = base + (model.knownItem[j] ? model.bi[j] : 0);
            if (model.knownItem[j]) for (let c = 0; c < f; c++) d += model.Q[j * f + c] * model.P[u * f + c];
            out[j] = d;
          }
          return true;
        },
      };
    }
    case 'als': {
      const f = model.factors;
      const cos = rowCosine(model.Y, f, nI);
      return {
        dense: true,
        similarity: cos,
        score(u, out) {
          if (!hasHistory(u)) return false;
          const xo = u * f;
          for (let j = 0; j < nI; j++) {
            let d = 0;
            for (let c = 0; c < f; c++) d += model.Y[j * f + c] * model.X[xo + c];
            out[j] = d;
          }
          return true;
        },
      };
    }
    case 'popularity':
      return {
        dense: true,
        similarity: () => 0,
        score(_u, out) {
          out.set(model.count);
          return true;
        },
      };
    case 'itemknn':
      return {
        dense: false,
        similarity(i, j) {
          for (let e = model.start[i]; e < model.start[i + 1]; e++) if (model.nbr[e] === j) return model.sim[e];
          return 0;
        },
        score(u, out) {
          out.fill(0);
          if (!hasHistory(u)) return false;
          for (let e = byUser.start[u]; e < byUser.start[u + 1]; e++) {
            const i = byUser.col[e];
            const r = byUser.val[e];
            for (let g = model.start[i]; g < model.start[i + 1]; g++) out[model.nbr[g]] += r * model.sim[g];
          }
          return true;
        },
      };
    case 'content': {
      const profile = new Float64Array(model.tokens.length);
      const dotRows = (i: number, j: number) => {
        let d = 0;
        let a = model.start[i];
        let b = model.start[j];
        while (a < model.start[i + 1] && b < model.start[j + 1]) {
          if (model.tok[a] === model.tok[b]) d += model.w[a++] * model.w[b++];
          else if (model.tok[a] < model.tok[b]) a++;
          else b++;
        }
        return d;
      };
      return {
        dense: false,
        similarity: dotRows,
        score(u, out) {
          out.fill(0);
          if (!hasHistory(u)) return false;
          profile.fill(0);
          for (let e = byUser.start[u]; e < byUser.start[u + 1]; e++) {
            const i = byUser.col[e];
            for (let g = model.start[i]; g < model.start[i + 1]; g++) profile[model.tok[g]] += byUser.val[e] * model.w[g];
          }
          let norm = 0;
          for (let t = 0; t < profile.length; t++) norm += profile[t] * profile[t];
          norm = Math.sqrt(norm);
          if (!(norm > 0)) return true;
          for (let j = 0; j < nI; j++) {
            let d = 0;
            for (let g = model.start[j]; g < model.start[j + 1]; g++) d += profile[model.tok[g]] * model.w[g];
            out[j] = d / norm;
          }
          return true;
        },
      };
    }
  }
}

/** Top-N lists as parallel arrays (one entry per recommendation). */
export interface TopN {
  /** User code, rank (1-based), item code, score. */
  user: Int32Array;
  rank: Int32Array;
  item: Int32Array;
  score: Float64Array;
  /** The user's training item that best explains it (max r_ui · similarity(i, j)); -1 when none. */
  because: Int32Array;
  /** Index into SOURCES. */
  source: Uint8Array;
}

export interface TopNOptions {
  /** Items per user. Default 10. */
  k?: number;
  /** Users to list (codes); default every user. */
  users?: ArrayLike<number>;
  /** More pairs whose items are excluded too (e.g. the test set, when serving); the training pairs always are. */
  exclude?: Interactions;
  /** Compute `because` (costs a pass over the user's items per recommendation). Default true. */
  explain?: boolean;
}

/**
 * The top `k` items per user. Candidates: items with at least one training pair, minus the user's training
 * items (and `exclude`'s). Order: score descending, ties by item id. For itemknn and content only scores > 0
 * qualify; missing places are filled with the most popular candidates (score = share of training users
 * with the item, source "popularity (fill)"). A cold-start user (no training pairs) gets the popular list
 * (source "popularity (cold start)"). Default k 10.
 *
 * @example
 *   const top = topN(model, train, { k: 5 });
 */
export function topN(model: RecommenderModel, train: Interactions, opts: TopNOptions = {}): TopN {
  const k = opts.k ?? 10;
  if (!(Number.isInteger(k) && k > 0)) throw new Error(`topN: k must be a positive integer, got ${k}`);
  const nU = train.users.length;
  const nI = train.items.length;
  const byUser = sparseRows(train.user, train.item, train.rating, nU);
  const sc = scorer(model, train, byUser);
  const pop = model.kind === 'popularity' ? model : trainPopularity(train);
  const popOrder = Int32Array.from({ length: nI }, (_, j) => j).filter((j) => pop.count[j] > 0).sort((a, b) => pop.count[b] - pop.count[a] || a - b);
  const extra = opts.exclude ? sparseRows(opts.exclude.user, opts.exclude.item, opts.exclude.rating, opts.exclude.users.length) : null;
  const users = opts.users ?? Int32Array.from({ length: nU }, (_, u) => u);
  const explain = opts.explain ?? true;
  const out = new Float64Array(nI);
  const blocked = new Int32Array(nI).fill(-1);
  const topJ = new Int32Array(k);
  const topS = new Float64Array(k);
  const oU: number[] = [];
  const oR: number[] = [];
  const oI: number[] = [];
  const oS: number[] = [];
  const oB: number[] = [];
  const oSrc: number[] = [];
  for (let q = 0; q < users.length; q++) {
    const u = users[q];
    for (let j = 0; j < nI; j++) if (pop.count[j] === 0) blocked[j] = u;
    for (let e = byUser.start[u]; e < byUser.start[u + 1]; e++) blocked[byUser.col[e]] = u;
    if (extra && u < extra.start.length - 1) for (let e = extra.start[u]; e < extra.start[u + 1]; e++) blocked[extra.col[e]] = u;
    const warm = sc.score(u, out);
    let nTop = 0;
    if (warm) {
      for (let j = 0; j < nI; j++) {
        const v = out[j];
        if (blocked[j] === u || Number.isNaN(v) || (!sc.dense && !(v > 0))) continue;
        let pos = nTop;
        while (pos > 0 && topS[pos - 1] < v) pos--;
        if (pos >= k) continue;
        for (let z = Math.min(nTop, k - 1); z > pos; z--) {
          topJ[z] = topJ[z - 1];
          topS[z] = topS[z - 1];
        }
        topJ[pos] = j;
        topS[pos] = v;
        if (nTop < k) nTop++;
      }
    }
    for (let z = 0; z < nTop; z++) {
      const j = topJ[z];
      let because = -1;
      if (explain) {
        let best = 0;
        for (let e = byUser.start[u]; e < byUser.start[u + 1]; e++) {
          const c = byUser.val[e] * sc.similarity(byUser.col[e], j);
          if (c > best) {
            best = c;
            because = byUser.col[e];
          }
        }
      }
      oU.push(u);
      oR.push(z + 1);
      oI.push(j);
      oS.push(topS[z]);
      oB.push(because);
      oSrc.push(0);
      blocked[j] = u;
    }
    let rank = nTop;
    for (let p = 0; p < popOrder.length && rank < k; p++) {
      const j = popOrder[p];
      if (blocked[j] === u) continue;
      rank++;
      oU.push(u);
      oR.push(rank);
      oI.push(j);
      oS.push(model.kind === 'popularity' ? pop.count[j] : pop.count[j] / Math.max(1, pop.users));
      oB.push(-1);
      oSrc.push(warm ? 2 : 1);
    }
  }
  return {
    user: Int32Array.from(oU),
    rank: Int32Array.from(oR),
    item: Int32Array.from(oI),
    score: Float64Array.from(oS),
    because: Int32Array.from(oB),
    source: Uint8Array.from(oSrc),
  };
}
