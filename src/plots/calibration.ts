/**
 * Reliability diagram: predicted probability against observed frequency, per probability bin.
 */
import * as Plot from '@observablehq/plot';
import { GRID, PRIMARY } from './palette';
import { formatCount } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface CalibrationPlotOptions extends ChartOptions {
  /** Brier score shown in the subtitle (default: not shown). */
  brier?: number;
}

/**
 * One dot per non-empty bin (from core `calibration(y, p, {bins})`) at (mean predicted, fraction that bought),
 * dot area ∝ rows in the bin, joined by a line; the diagonal (perfect calibration) dashed. Below the diagonal
 * the model over-promises. Defaults: width 640, height 360.
 *
 * @example
 *   calibrationPlot(calibration(y, p, { bins: 10 }), { brier: brier(y, p), document });
 */
export function calibrationPlot(
  bins: { meanPredicted: ArrayLike<number>; fractionPositive: ArrayLike<number>; count: ArrayLike<number> },
  opts: CalibrationPlotOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'calibrationPlot';
  const n = bins.meanPredicted.length;
  if (bins.fractionPositive.length !== n || bins.count.length !== n) throw new Error(`${chart}: meanPredicted, fractionPositive and count need the same length`);
  let total = 0;
  for (let i = 0; i < n; i++) total += bins.count[i];
  return Plot.plot({
    ...frame(opts, chart, {
      height: 360,
      title: chartText('calibration.title'),
      subtitle: chartText('calibration.subtitle', {
        rows: formatCount(total),
        bins: n,
        brier: opts.brier !== undefined ? chartText('calibration.brier', { brier: opts.brier.toFixed(4) }) : '',
      }),
      ariaLabel: chartText('calibration.ariaLabel'),
      ariaDescription: chartText('calibration.ariaDescription', { bins: n, rows: formatCount(total) }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('calibration.x'), ...X_LABEL, tickFormat: '.1f' },
    y: { domain: [0, 1], label: chartText('calibration.y'), ...Y_LABEL, tickFormat: '.1f', grid: true },
    r: { range: [2, 9] },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: GRID, strokeDasharray: '4,3' }),
      Plot.line({ length: n }, { x: Float64Array.from(bins.meanPredicted), y: Float64Array.from(bins.fractionPositive), stroke: PRIMARY, strokeWidth: 1.5 } as Plot.LineOptions),
      Plot.dot({ length: n }, { x: Float64Array.from(bins.meanPredicted), y: Float64Array.from(bins.fractionPositive), r: Float64Array.from(bins.count), fill: PRIMARY, stroke: 'white', className: 'bins' } as Plot.DotOptions),
    ],
  });
}
