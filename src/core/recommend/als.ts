/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008), the
 * model of the `implicit` library's `AlternatingLeastSquares`, solved by its conjugate-gradient update.
 */
import { mulberry32 } from '../stats/rng';
import type { Interactions } from './interactions';
import { sparseRows, type SparseRows } from './matrix';

export interface AlsOptions {
  /** Latent factors f. Default 100 (implicit's default). */
  factors?: number;
  /** Alternating sweeps (users, then items). Default 15. */
  iterations?: number;
  /** L2 regularisation λ. Default 0.01. */
  regularization?: number;
  /** Confidence slope α in c_ui = 1 + α r_ui. Default 1. */
  alpha?: number;
  /** Conjugate-gradient steps per row update. Default 3. */
  cgSteps?: number;
  /** Seed of the initial factors. Default 42. */
  seed?: number;
  /** Called after each sweep with the weighted training loss per observed pair. */
  onEpoch?: (p: { iteration: number; loss: number }) => void;
}

export interface AlsModel {
  kind: 'als';
  /** User factors x_u (nUsers × f) and item factors y_i (nItems × f), row-major. */
  X: Float64Array;
  Y: Float64Array;
  factors: number;
  losses: { iteration: number; loss: number }[];
}

/**
 * One half-sweep: for every row r of `R` (users, or items when transposed) solve
 *   (YᵀY + Yᵀ(C_r − I)Y + λI) x_r = Yᵀ C_r p_r,   c_rj = 1 + α r_rj, p_rj = 1 when r_rj > 0,
 * approximately, by `cgSteps` conjugate-gradient steps warm-started at the current x_r (implicit's
 * `least_squares_cg`). YᵀY is computed once per half-sweep; the rest costs O(nnz_r · f) per step.
 */
function halfSweep(R: SparseRows, X: Float64Array, Y: Float64Array, nRows: number, nCols: number, f: number, reg: number, alpha: number, cgSteps: number): void {
  const YtY = new Float64Array(f * f);
  for (let j = 0; j < nCols; j++) {
    const o = j * f;
    for (let a = 0; a < f; a++) {
      const ya = Y[o + a];
      if (ya === 0) continue;
      for (let b = a; b < f; b++) YtY[a * f + b] += ya * Y[o + b];
    }
  }
  for (let a = 0; a < f; a++) {
    YtY[a * f + a] += reg;
    for (let b = 0; b < a; b++) YtY[a * f + b] = YtY[b * f + a];
  }
  const r = new Float64Array(f);
  const p = new Float64Array(f);
  const Ap = new Float64Array(f);
  for (let u = 0; u < nRows; u++) {
    const xo = u * f;
    const from = R.start[u];
    const to = R.start[u + 1];
    // r = b − A x = Σ_j c_j p_j y_j − (YtY + λI) x − Σ_j (c_j − 1) (y_j·x) y_j
    for (let a = 0; a < f; a++) {
      let s = 0;
      for (let b = 0; b < f; b++) s += YtY[a * f + b] * X[xo + b];
      r[a] = -s;
    }
    for (let e = from; e < to; e++) {
      const v = R.val[e];
      const conf = 1 + alpha * v;
      const yo = R.col[e] * f;
      let yx = 0;
      for (let a = 0; a < f; a++) yx += Y[yo + a] * X[xo + a];
      const w = (v > 0 ? conf : 0) - (conf - 1) * yx;
      for (let a = 0; a < f; a++) r[a] += w * Y[yo + a];
    }
    p.set(r);
    let rsold = 0;
    for (let a = 0; a < f; a++) rsold += r[a] * r[a];
    for (let step = 0; step < cgSteps; step++) {
      if (rsold < 1e-20) break;
      for (let a = 0; a < f; a++) {
        let s = 0;
        for (let b = 0; b < f; b++) s += YtY[a * f + b] * p[b];
        Ap[a] = s;
      }
      for (let e = from; e < to; e++) {
        const conf = 1 + alpha * R.val[e];
        const yo = R.col[e] * f;
        let yp = 0;
        for (let a = 0; a < f; a++) yp += Y[yo + a] * p[a];
        const w = (conf - 1) * yp;
        for (let a = 0; a < f; a++) Ap[a] += w * Y[yo + a];
      }
      let pAp = 0;
      for (let a = 0; a < f; a++) pAp += p[a] * Ap[a];
      if (!(pAp > 0)) break;
      const step_ = rsold / pAp;
      let rsnew = 0;
      for (let a = 0; a < f; a++) {
        X[xo + a] += step_ * p[a];
        r[a] -= step_ * Ap[a];
        rsnew += r[a] * r[a];
      }
      const beta = rsnew / rsold;
      for (let a = 0; a < f; a++) p[a] = r[a] + beta * p[a];
      rsold = rsnew;
    }
  }
}

/** Σ over observed pairs of c_ui (1 − x_uᵀy_i)², divided by the number of pairs (the unobserved zeros are not summed). */
function observedLoss(R: SparseRows, X: Float64Array, Y: Float64Array, nRows: number, f: number, alpha: number): number {
  let s = 0;
  let n = 0;
  for (let u = 0; u < nRows; u++) {
    for (let e = R.start[u]; e < R.start[u + 1]; e++) {
      const yo = R.col[e] * f;
      let d = 0;
      for (let a = 0; a < f; a++) d += X[u * f + a] * Y[yo + a];
      s += (1 + alpha * R.val[e]) * (1 - d) ** 2;
      n++;
    }
  }
  return n ? s / n : 0;
}

/**
 * Fit implicit ALS: minimise Σ_{u,i} c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) over ALL user–item
 * cells, with p_ui = 1 if r_ui > 0 else 0 and confidence c_ui = 1 + α r_ui (so unobserved cells weigh 1).
 * Each iteration updates all users, then all items, by conjugate gradient. Factors start uniform in
 * [0, 0.01) (seeded). Score of an item for a user = x_uᵀy_i (a preference, not a probability).
 * Defaults (implicit's): factors 100, iterations 15, regularization 0.01, alpha 1, cgSteps 3, seed 42.
 *
 * @example
 *   const model = trainAls(train, { factors: 64, alpha: 10 });
 */
export function trainAls(train: Interactions, opts: AlsOptions = {}): AlsModel {
  const f = opts.factors ?? 100;
  const iterations = opts.iterations ?? 15;
  const reg = opts.regularization ?? 0.01;
  const alpha = opts.alpha ?? 1;
  const cgSteps = opts.cgSteps ?? 3;
  if (!(Number.isInteger(f) && f > 0)) throw new Error(`als: factors must be a positive integer, got ${f}`);
  if (!(Number.isInteger(iterations) && iterations >= 0)) throw new Error(`als: iterations must be a non-negative integer, got ${iterations}`);
  if (!(reg >= 0)) throw new Error(`als: regularization must be ≥ 0, got ${reg}`);
  if (!(alpha >= 0)) throw new Error(`als: alpha must be ≥ 0, got ${alpha}`);
  for (let k = 0; k < train.rating.length; k++) {
    if (train.rating[k] < 0) throw new Error(`als: implicit feedback must be ≥ 0; user ${train.users[train.user[k]]}, item ${train.items[train.item[k]]} has ${train.rating[k]}`);
  }
  const nU = train.users.length;
  const nI = train.items.length;
  const byUser = sparseRows(train.user, train.item, train.rating, nU);
  const byItem = sparseRows(train.item, train.user, train.rating, nI);
  const rand = mulberry32(opts.seed ?? 42);
  const X = Float64Array.from({ length: nU * f }, () => rand() * 0.01);
  const Y = Float64Array.from({ length: nI * f }, () => rand() * 0.01);
  const losses: { iteration: number; loss: number }[] = [];
  for (let it = 1; it <= iterations; it++) {
    halfSweep(byUser, X, Y, nU, nI, f, reg, alpha, cgSteps);
    halfSweep(byItem, Y, X, nI, nU, f, reg, alpha, cgSteps);
    const loss = observedLoss(byUser, X, Y, nU, f, alpha);
    losses.push({ iteration: it, loss });
    opts.onEpoch?.({ iteration: it, loss });
  }
  return { kind: 'als', X, Y, factors: f, losses };
}
