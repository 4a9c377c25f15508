/**
 * Binary classification metrics, computed like scikit-learn's.
 */
export { histogram } from './histogram';

type Labels = ArrayLike<number>;
type Scores = ArrayLike<number>;

function check(name: string, y: Labels, p: Scores): { pos: number; neg: number } {
  if (y.length !== p.length) throw new Error(`${name}: ${y.length} labels but ${p.length} scores`);
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`${name}: labels must be 0 or 1, got ${y[i]} at index ${i}`);
    if (Number.isNaN(p[i])) throw new Error(`${name}: score at index ${i} is NaN`);
    pos += y[i];
  }
  return { pos, neg: y.length - pos };
}

/** Confusion counts and the rates derived from them. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** tn / (tn + fp), 0 when there is no negative. */
  specificity: number;
  /** (recall + specificity) / 2 (scikit-learn `balanced_accuracy_score`). */
  balancedAccuracy: number;
}

/**
 * Confusion matrix at a threshold: predicted positive when p > threshold (default 0.5; the same
 * rule as `thresholdTiers` and as scikit-learn's `LogisticRegression.predict`). Precision, recall
 * and F1 are 0 when undefined (scikit-learn's `zero_division=0`).
 *
 * @example
 *   confusion(Uint8Array.of(1, 0, 1), [0.9, 0.6, 0.2]);
 *   // { tp: 1, fp: 1, tn: 0, fn: 1, accuracy: 1/3, precision: 0.5, recall: 0.5, f1: 0.5, specificity: 0, balancedAccuracy: 0.25 }
 */
export function confusion(y: Labels, p: Scores, threshold = 0.5): Confusion {
  check('confusion', y, p);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const hit = p[i] > threshold;
    if (y[i] === 1) hit ? tp++ : fn++;
    else hit ? fp++ : tn++;
  }
  const n = y.length;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  const specificity = tn + fp > 0 ? tn / (tn + fp) : 0;
  return {
    tp, fp, tn, fn, accuracy: n > 0 ? (tp + tn) / n : 0, precision, recall, f1, specificity,
    balancedAccuracy: (recall + specificity) / 2,
  };
}

/** Indices sorted by score, descending (stable). */
function descending(p: Scores): Int32Array {
  const idx = new Int32Array(p.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => p[b] - p[a] || a - b);
}

/**
 * Area under the ROC curve (equals scikit-learn `roc_auc_score`): the probability that a random
 * positive scores above a random negative, ties counting one half. Throws when a class is missing.
 *
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAuc(y: Labels, p: Scores): number {
  const { pos, neg } = check('rocAuc', y, p);
  if (pos === 0 || neg === 0) throw new Error('rocAuc: needs both classes (labels are all ' + (pos ? 1 : 0) + ')');
  const idx = descending(p);
  // walk groups of tied scores from high to low: each positive beats the negatives below its group
  let auc = 0;
  let negBelow = neg;
  for (let s = 0; s < idx.length; ) {
    let e = s;
    let gp = 0;
    let gn = 0;
    while (e < idx.length && p[idx[e]] === p[idx[s]]) {
      if (y[idx[e]] === 1) gp++;
      else gn++;
      e++;
    }
    negBelow -= gn;
    auc += gp * (negBelow + gn / 2);
    s = e;
  }
  return auc / (pos * neg);
}

/**
 * Average precision (scikit-learn `average_precision_score`): Σ_k (R_k − R_{k−1}) · P_k over the
 * distinct score thresholds from high to low. Throws when there is no positive.
 *
 * @example prAuc(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8]); // 0.8333…
 */
export function prAuc(y: Labels, p: Scores): number {
  const { pos } = check('prAuc', y, p);
  if (pos === 0) throw new Error('prAuc: needs at least one positive label');
  const idx = descending(p);
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e < idx.length && p[idx[e]] === p[idx[s]]) {
      if (y[idx[e]] === 1) tp++;
      else fp++;
      e++;
    }
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
    s = e;
  }
  return ap;
}

/**
 * Mean binary cross-entropy −[y log p + (1 − y) log(1 − p)], with p clipped to [eps, 1 − eps]
 * (default eps = 2.220446049250313e-16, float64 machine epsilon, like scikit-learn's `eps='auto'`).
 *
 * @example logLoss(Uint8Array.of(1, 0), [0.9, 0.2]); // 0.164252…
 */
export function logLoss(y: Labels, p: Scores, eps = 2.220446049250313e-16): number {
  check('logLoss', y, p);
  if (y.length === 0) throw new Error('logLoss: no labels');
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - eps, Math.max(eps, p[i]));
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / y.length;
}

/**
 * Brier score: the mean squared difference (p − y)² between probability and outcome (scikit-learn
 * `brier_score_loss`); 0 is perfect, 0.25 is a constant 0.5.
 *
 * @example brier(Uint8Array.of(1, 0), [0.9, 0.2]); // 0.025
 */
export function brier(y: Labels, p: Scores): number {
  check('brier', y, p);
  if (y.length === 0) throw new Error('brier: no labels');
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / y.length;
}
