/**
 * ROC curve of the purchase model with the current threshold marked.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { pointAtThreshold } from './curvePoint';
import { chartText } from './locale';

export interface RocCurveOptions extends ChartOptions {
  /** Current decision threshold (predicted positive when p > threshold), marked with a dot (required). */
  threshold: number;
  /** Area under the curve, shown in the subtitle (default: not shown). */
  auc?: number;
}

/**
 * True-positive rate against false-positive rate (from core `roc(y, p)`), the chance diagonal dashed, and a
 * dot with its rates at the current threshold. Defaults: width 640, height 360.
 *
 * @example
 *   rocCurve(roc(y, p), { threshold: 0.5, auc: rocAuc(y, p), document });
 */
export function rocCurve(
  curve: { threshold: ArrayLike<number>; fpr: ArrayLike<number>; tpr: ArrayLike<number> },
  opts: RocCurveOptions,
): SVGSVGElement | HTMLElement {
  const chart = 'rocCurve';
  const { threshold } = opts;
  if (!Number.isFinite(threshold)) throw new Error(`${chart}: threshold must be a finite number, got ${threshold}`);
  const n = curve.fpr.length;
  if (n === 0 || curve.tpr.length !== n || curve.threshold.length !== n) throw new Error(`${chart}: fpr, tpr and threshold need the same, non-zero length`);
  const k = pointAtThreshold(curve.threshold, threshold);
  const at = { fpr: curve.fpr[k], tpr: curve.tpr[k] };
  const label = chartText('roc.point', { threshold: threshold.toFixed(2), tpr: formatPercent(at.tpr), fpr: formatPercent(at.fpr) });
  return Plot.plot({
    ...frame(opts, chart, {
      height: 360,
      title: chartText('roc.title'),
      subtitle: chartText('roc.subtitle', { auc: opts.auc !== undefined ? chartText('roc.auc', { auc: opts.auc.toFixed(3) }) : '' }),
      ariaLabel: chartText('roc.ariaLabel'),
      ariaDescription: chartText('roc.ariaDescription', {
        n,
        area: opts.auc !== undefined ? chartText('roc.area', { auc: opts.auc.toFixed(3) }) : '',
        threshold: threshold.toFixed(2),
        tpr: formatPercent(at.tpr),
        fpr: formatPercent(at.fpr),
      }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('roc.x'), ...X_LABEL, tickFormat: '.0%' },
    y: { domain: [0, 1], label: chartText('roc.y'), ...Y_LABEL, tickFormat: '.0%', grid: true },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: GRID, strokeDasharray: '4,3' }),
      Plot.line({ length: n }, { x: Float64Array.from(curve.fpr), y: Float64Array.from(curve.tpr), stroke: PRIMARY, strokeWidth: 2, className: 'curve' } as Plot.LineOptions),
      Plot.dot([at], { x: 'fpr', y: 'tpr', r: 5, fill: ACCENT, stroke: 'white', className: 'threshold' }),
      Plot.text([at], { x: 'fpr', y: 'tpr', text: () => label, dx: 8, dy: 12, textAnchor: 'start', fill: ACCENT, fontWeight: 600, className: 'threshold-label' }),
    ],
  });
}
