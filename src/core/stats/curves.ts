/**
 * ROC and precision–recall curves: one point per distinct score, from the highest threshold down.
 */
type Labels = ArrayLike<number>;
type Scores = ArrayLike<number>;

export interface CurveColumns {
  /** The score threshold of each point: predicted positive when p ≥ threshold (the first point: +∞, nobody). */
  threshold: Float64Array;
}

/** Cumulative true / false positives at each distinct score, descending; checks labels and scores. */
function sweep(name: string, y: Labels, p: Scores): { thr: number[]; tps: number[]; fps: number[]; pos: number; neg: number } {
  if (y.length !== p.length) throw new Error(`${name}: ${y.length} labels but ${p.length} scores`);
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`${name}: labels must be 0 or 1, got ${y[i]} at index ${i}`);
    if (Number.isNaN(p[i])) throw new Error(`${name}: score at index ${i} is NaN`);
    pos += y[i];
  }
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) throw new Error(`${name}: needs both classes (all ${y.length} labels are ${pos ? 1 : 0})`);
  const idx = new Int32Array(p.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => p[b] - p[a] || a - b);
  const thr: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let s = 0; s < idx.length; ) {
    const v = p[idx[s]];
    while (s < idx.length && p[idx[s]] === v) {
      if (y[idx[s]] === 1) tp++;
      else fp++;
      s++;
    }
    thr.push(v);
    tps.push(tp);
    fps.push(fp);
  }
  return { thr, tps, fps, pos, neg };
}

/**
 * ROC curve (scikit-learn `roc_curve` with `drop_intermediate=False`): false- and true-positive rates when
 * everyone with p ≥ threshold is predicted to buy, for every distinct score, starting at (0, 0) with
 * threshold +∞. Throws when a class is missing.
 *
 * @example
 *   roc(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8]);
 *   // { threshold: [∞, 0.8, 0.4, 0.35, 0.1], fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1] }
 */
export function roc(y: Labels, p: Scores): CurveColumns & { fpr: Float64Array; tpr: Float64Array } {
  const s = sweep('roc', y, p);
  const k = s.thr.length + 1;
  const threshold = new Float64Array(k);
  const fpr = new Float64Array(k);
  const tpr = new Float64Array(k);
  threshold[0] = Infinity;
  for (let i = 0; i < s.thr.length; i++) {
    threshold[i + 1] = s.thr[i];
    fpr[i + 1] = s.fps[i] / s.neg;
    tpr[i + 1] = s.tps[i] / s.pos;
  }
  return { threshold, fpr, tpr };
}

/**
 * Precision–recall curve, one point per distinct score from high to low (recall rises), plus the start
 * point (recall 0, precision 1, threshold +∞) as scikit-learn's `precision_recall_curve` ends with. The
 * step area under it is average precision (`prAuc`).
 *
 * @example
 *   precisionRecall(Uint8Array.of(0, 0, 1, 1), [0.1, 0.4, 0.35, 0.8]);
 *   // { threshold: [∞, 0.8, 0.4, 0.35, 0.1], recall: [0, 0.5, 0.5, 1, 1], precision: [1, 1, 0.5, 0.667, 0.5] }
 */
export function precisionRecall(y: Labels, p: Scores): CurveColumns & { recall: Float64Array; precision: Float64Array } {
  const s = sweep('precisionRecall', y, p);
  const k = s.thr.length + 1;
  const threshold = new Float64Array(k);
  const recall = new Float64Array(k);
  const precision = new Float64Array(k);
  threshold[0] = Infinity;
  precision[0] = 1;
  for (let i = 0; i < s.thr.length; i++) {
    threshold[i + 1] = s.thr[i];
    recall[i + 1] = s.tps[i] / s.pos;
    precision[i + 1] = s.tps[i] / (s.tps[i] + s.fps[i]);
  }
  return { threshold, recall, precision };
}
