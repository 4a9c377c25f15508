/**
 * Every binary-classification metric of a probability model at one threshold, in one object.
 */
import { brier, confusion, logLoss, prAuc, rocAuc } from './metrics';

export interface BinaryMetrics {
  accuracy: number;
  balanced_accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  roc_auc: number;
  pr_auc: number;
  log_loss: number;
  brier: number;
  threshold: number;
  rows: number;
  positives: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/**
 * Threshold metrics (predicted positive when p > threshold; default 0.5) and threshold-free ones (ROC AUC,
 * PR AUC = average precision, log loss, Brier), with scikit-learn's definitions; snake_case keys, as in
 * the runner's metrics.json.
 *
 * @example
 *   binaryMetrics(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8], 0.5);
 *   // { accuracy: 0.75, balanced_accuracy: 0.75, precision: 1, recall: 0.5, f1: 0.667, roc_auc: 0.75, pr_auc: 0.833, … }
 */
export function binaryMetrics(y: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  const c = confusion(y, p, threshold);
  return {
    accuracy: c.accuracy,
    balanced_accuracy: c.balancedAccuracy,
    precision: c.precision,
    recall: c.recall,
    f1: c.f1,
    roc_auc: rocAuc(y, p),
    pr_auc: prAuc(y, p),
    log_loss: logLoss(y, p),
    brier: brier(y, p),
    threshold,
    rows: y.length,
    positives: c.tp + c.fn,
    tp: c.tp,
    fp: c.fp,
    tn: c.tn,
    fn: c.fn,
  };
}
