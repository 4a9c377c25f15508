/**
 * Fixed-width histogram of scores as an Arrow table, optionally split by a 0/1 label.
 */
import type { Table } from 'apache-arrow';
import { makeTable } from '../table';

export interface HistogramOptions {
  /** Number of equal-width bins. Default 20. */
  bins?: number;
  /** Range binned. Default [0, 1] (probabilities). Values outside it are counted in the edge bins (numpy drops them). */
  domain?: [number, number];
  /** Optional 0/1 label per value: then each bin gives two rows, label 0 and label 1. */
  label?: Uint8Array;
}

/**
 * Count values in `bins` equal-width bins over `domain` (default 20 bins over [0, 1]); bins are
 * [x0, x1) except the last, [x0, x1], like `numpy.histogram`. NaN values are skipped.
 * Columns: x0, x1, count — plus label (0/1, two rows per bin, label 0 first) when labels are given.
 *
 * @example
 *   histogram([0.1, 0.15, 0.9], { bins: 10 });        // 10 rows; count 2 in [0.1, 0.2)
 *   histogram(p, { label: y });                       // 40 rows: x0, x1, count, label
 */
export function histogram(p: ArrayLike<number>, opts: HistogramOptions = {}): Table {
  const bins = opts.bins ?? 20;
  const [lo, hi] = opts.domain ?? [0, 1];
  const label = opts.label;
  if (!(Number.isInteger(bins) && bins > 0)) throw new Error(`histogram: bins must be a positive integer, got ${bins}`);
  if (!(hi > lo)) throw new Error(`histogram: domain must be [low, high] with high > low, got [${lo}, ${hi}]`);
  if (label && label.length !== p.length) throw new Error(`histogram: ${p.length} values but ${label.length} labels`);
  // edges like numpy.linspace: lo + k·step, the last edge exactly hi
  const step = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = lo + k * step;
  edges[bins] = hi;
  const groups = label ? 2 : 1;
  const counts = new Float64Array(bins * groups);
  const width = hi - lo;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v !== v) continue;
    let b = Math.floor(((v - lo) / width) * bins);
    if (b < 0) b = 0;
    if (b > bins - 1) b = bins - 1;
    // correct float rounding against the edges (as numpy does)
    if (b > 0 && v < edges[b]) b--;
    else if (b < bins - 1 && v >= edges[b + 1]) b++;
    const g = label ? (label[i] ? 1 : 0) : 0;
    counts[b * groups + g]++;
  }
  const n = bins * groups;
  const x0 = new Float64Array(n);
  const x1 = new Float64Array(n);
  const lab = new Int32Array(n);
  for (let b = 0; b < bins; b++) {
    for (let g = 0; g < groups; g++) {
      x0[b * groups + g] = edges[b];
      x1[b * groups + g] = edges[b + 1];
      lab[b * groups + g] = g;
    }
  }
  return label ? makeTable({ x0, x1, count: counts, label: lab }) : makeTable({ x0, x1, count: counts });
}
