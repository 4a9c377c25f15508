/**
 * Precision–recall curve of the purchase model with the current threshold marked.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { pointAtThreshold } from './curvePoint';
import { chartText } from './locale';

export interface PrCurveOptions extends ChartOptions {
  /** Current decision threshold (predicted positive when p > threshold), marked with a dot (required). */
  threshold: number;
  /** Share of positives — the precision of contacting everyone — drawn as a dashed line (default: not drawn). */
  baseRate?: number;
  /** Average precision, shown in the subtitle (default: not shown). */
  averagePrecision?: number;
}

/**
 * Precision against recall (from core `precisionRecall(y, p)`) as a step line, the base rate dashed, and a dot
 * at the current threshold. Defaults: width 640, height 360.
 *
 * @example
 *   prCurve(precisionRecall(y, p), { threshold: 0.5, baseRate: 0.155, averagePrecision: prAuc(y, p), document });
 */
export function prCurve(
  curve: { threshold: ArrayLike<number>; recall: ArrayLike<number>; precision: ArrayLike<number> },
  opts: PrCurveOptions,
): SVGSVGElement | HTMLElement {
  const chart = 'prCurve';
  const { threshold } = opts;
  if (!Number.isFinite(threshold)) throw new Error(`${chart}: threshold must be a finite number, got ${threshold}`);
  const n = curve.recall.length;
  if (n === 0 || curve.precision.length !== n || curve.threshold.length !== n) throw new Error(`${chart}: recall, precision and threshold need the same, non-zero length`);
  const k = pointAtThreshold(curve.threshold, threshold);
  const at = { recall: curve.recall[k], precision: curve.precision[k] };
  const label = chartText('pr.point', { threshold: threshold.toFixed(2), precision: formatPercent(at.precision), recall: formatPercent(at.recall) });
  const ap = opts.averagePrecision;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 360,
      title: chartText('pr.title'),
      subtitle: chartText('pr.subtitle', {
        ap: ap !== undefined ? chartText('pr.ap', { ap: ap.toFixed(3) }) : '',
        base: opts.baseRate !== undefined ? chartText('pr.base', { rate: formatPercent(opts.baseRate) }) : '',
      }),
      ariaLabel: chartText('pr.ariaLabel'),
      ariaDescription: chartText('pr.ariaDescription', { n, threshold: threshold.toFixed(2), precision: formatPercent(at.precision), recall: formatPercent(at.recall) }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('pr.x'), ...X_LABEL, tickFormat: '.0%' },
    y: { domain: [0, 1], label: chartText('pr.y'), ...Y_LABEL, tickFormat: '.0%', grid: true },
    marks: [
      ...(opts.baseRate !== undefined ? [Plot.ruleY([opts.baseRate], { stroke: GRID, strokeDasharray: '4,3' })] : []),
      Plot.line({ length: n }, { x: Float64Array.from(curve.recall), y: Float64Array.from(curve.precision), curve: 'step-before', stroke: PRIMARY, strokeWidth: 2, className: 'curve' } as Plot.LineOptions),
      Plot.dot([at], { x: 'recall', y: 'precision', r: 5, fill: ACCENT, stroke: 'white', className: 'threshold' }),
      Plot.text([at], { x: 'recall', y: 'precision', text: () => label, dy: -12, textAnchor: at.recall > 0.5 ? 'end' : 'start', fill: ACCENT, fontWeight: 600, className: 'threshold-label' }),
    ],
  });
}
