/**
 * Cumulative gain: the share of all buyers reached when contacting the top-scored fraction of customers.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface GainChartOptions extends ChartOptions {
  /** Fraction of customers contacted at the current threshold, marked with a dot (default: none). */
  contacted?: number;
}

/** Value of a piecewise-linear curve at x (xs ascending). */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  if (x <= xs[0]) return ys[0];
  for (let i = 1; i < xs.length; i++) {
    if (x <= xs[i]) return ys[i - 1] + ((ys[i] - ys[i - 1]) * (x - xs[i - 1])) / (xs[i] - xs[i - 1] || 1);
  }
  return ys[xs.length - 1];
}

/**
 * Gain against contacted fraction (from core `gain(y, p)`), the random-targeting diagonal dashed and, with
 * `contacted`, a dot where the current threshold stands. Defaults: width 640, height 340.
 *
 * @example
 *   gainChart(gain(y, p), { contacted: 0.18, document });
 */
export function gainChart(
  g: { fraction: ArrayLike<number>; gain: ArrayLike<number> },
  opts: GainChartOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'gainChart';
  const n = g.fraction.length;
  if (n === 0 || g.gain.length !== n) throw new Error(`${chart}: fraction and gain need the same, non-zero length`);
  const c = opts.contacted;
  const at = c !== undefined ? { fraction: c, gain: interpolate(g.fraction, g.gain, c) } : null;
  const g20 = interpolate(g.fraction, g.gain, 0.2);
  return Plot.plot({
    ...frame(opts, chart, {
      height: 340,
      title: chartText('gain.title'),
      subtitle: chartText('gain.subtitle', { gain: formatPercent(g20) }),
      ariaLabel: chartText('gain.ariaLabel'),
      ariaDescription: chartText('gain.ariaDescription', { gain: formatPercent(g20) }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('gain.x'), ...X_LABEL, tickFormat: '.0%' },
    y: { domain: [0, 1], label: chartText('gain.y'), ...Y_LABEL, tickFormat: '.0%', grid: true },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: GRID, strokeDasharray: '4,3' }),
      Plot.line({ length: n }, { x: Float64Array.from(g.fraction), y: Float64Array.from(g.gain), stroke: PRIMARY, strokeWidth: 2, className: 'curve' } as Plot.LineOptions),
      ...(at
        ? [
            Plot.dot([at], { x: 'fraction', y: 'gain', r: 5, fill: ACCENT, stroke: 'white', className: 'threshold' }),
            Plot.text([at], { x: 'fraction', y: 'gain', text: (d: typeof at) => chartText('gain.point', { contacted: formatPercent(d.fraction), gain: formatPercent(d.gain) }), dx: 8, dy: 12, textAnchor: 'start', fill: ACCENT, fontWeight: 600 }),
          ]
        : []),
    ],
  });
}
