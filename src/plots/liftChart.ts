/**
 * Cumulative lift: how many times more buyers the top-scored fraction holds than a random fraction of the same size.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';
import { interpolate } from './gainChart';

export interface LiftChartOptions extends ChartOptions {
  /** Fraction of customers contacted at the current threshold, marked with a dot (default: none). */
  contacted?: number;
}

/**
 * Lift against contacted fraction (from core `gain(y, p)`; the 0 point is left out), lift 1 (random) dashed.
 * Defaults: width 640, height 320.
 *
 * @example
 *   liftChart(gain(y, p), { contacted: 0.18, document });
 */
export function liftChart(
  g: { fraction: ArrayLike<number>; lift: ArrayLike<number> },
  opts: LiftChartOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'liftChart';
  const n = g.fraction.length;
  if (n < 2 || g.lift.length !== n) throw new Error(`${chart}: fraction and lift need the same length, at least 2`);
  const fraction = Array.prototype.slice.call(g.fraction, 1) as number[];
  const lift = Array.prototype.slice.call(g.lift, 1) as number[];
  const c = opts.contacted;
  const at = c !== undefined && c > 0 ? { fraction: c, lift: interpolate(fraction, lift, c) } : null;
  const top10 = interpolate(fraction, lift, 0.1);
  return Plot.plot({
    ...frame(opts, chart, {
      height: 320,
      title: chartText('lift.title'),
      subtitle: chartText('lift.subtitle', { lift: top10.toFixed(1) }),
      ariaLabel: chartText('lift.ariaLabel'),
      ariaDescription: chartText('lift.ariaDescription', { lift: top10.toFixed(2) }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('lift.x'), ...X_LABEL, tickFormat: '.0%' },
    y: { label: chartText('lift.y'), ...Y_LABEL, grid: true, nice: true, zero: true },
    marks: [
      Plot.ruleY([1], { stroke: GRID, strokeDasharray: '4,3' }),
      Plot.line({ length: fraction.length }, { x: fraction, y: lift, stroke: PRIMARY, strokeWidth: 2, className: 'curve' } as Plot.LineOptions),
      ...(at
        ? [
            Plot.dot([at], { x: 'fraction', y: 'lift', r: 5, fill: ACCENT, stroke: 'white', className: 'threshold' }),
            Plot.text([at], { x: 'fraction', y: 'lift', text: (d: typeof at) => chartText('lift.point', { contacted: formatPercent(d.fraction), lift: d.lift.toFixed(2) }), dx: 8, dy: -10, textAnchor: 'start', fill: ACCENT, fontWeight: 600 }),
          ]
        : []),
    ],
  });
}
