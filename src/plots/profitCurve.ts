/**
 * Expected campaign profit against the decision threshold, with the current and the profit-optimal threshold.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, INK, PRIMARY } from './palette';
import { formatCount, formatMoney } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface ProfitCurveOptions extends ChartOptions {
  /** Current decision threshold, a dashed rule (required). */
  threshold: number;
  /** Currency symbol (default "£"). */
  currency?: string;
}

/**
 * Profit (from core `profitCurve(y, p, {margin, cost})`) by threshold; the best threshold marked with a dot and
 * its profit, the current threshold a dashed rule labelled with its profit. Defaults: width 640, height 340.
 *
 * @example
 *   profitChart(profitCurve(y, p, { margin: 30, cost: 2 }), { threshold: 0.5, document });
 */
export function profitChart(
  curve: { threshold: ArrayLike<number>; profit: ArrayLike<number>; contacted: ArrayLike<number> },
  opts: ProfitCurveOptions,
): SVGSVGElement | HTMLElement {
  const chart = 'profitChart';
  const { threshold } = opts;
  if (!Number.isFinite(threshold)) throw new Error(`${chart}: threshold must be a finite number, got ${threshold}`);
  const n = curve.threshold.length;
  if (n === 0 || curve.profit.length !== n || curve.contacted.length !== n) throw new Error(`${chart}: threshold, profit and contacted need the same, non-zero length`);
  const cur = opts.currency ?? '£';
  let best = 0;
  let here = 0;
  for (let i = 0; i < n; i++) {
    if (curve.profit[i] >= curve.profit[best]) best = i;
    if (Math.abs(curve.threshold[i] - threshold) < Math.abs(curve.threshold[here] - threshold)) here = i;
  }
  const b = { t: curve.threshold[best], profit: curve.profit[best], contacted: curve.contacted[best] };
  const h = { t: threshold, profit: curve.profit[here] };
  return Plot.plot({
    ...frame(opts, chart, {
      height: 340,
      title: chartText('profit.title'),
      subtitle: chartText('profit.subtitle', {
        best: b.t.toFixed(2),
        bestProfit: formatMoney(b.profit, cur),
        contacted: formatCount(b.contacted),
        now: threshold.toFixed(2),
        nowProfit: formatMoney(h.profit, cur),
      }),
      ariaLabel: chartText('profit.ariaLabel'),
      ariaDescription: chartText('profit.ariaDescription', {
        n,
        best: b.t.toFixed(2),
        bestProfit: formatMoney(b.profit, cur),
        now: threshold.toFixed(2),
        nowProfit: formatMoney(h.profit, cur),
      }),
    }),
    marginLeft: 76,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('profit.x'), ...X_LABEL, tickFormat: '.1f' },
    y: { label: chartText('profit.y', { currency: cur }), ...Y_LABEL, labelOffset: 64, grid: true, nice: true, tickFormat: (v: number) => formatMoney(v, cur) },
    marks: [
      Plot.ruleY([0], { stroke: INK }),
      Plot.line({ length: n }, { x: Float64Array.from(curve.threshold), y: Float64Array.from(curve.profit), stroke: PRIMARY, strokeWidth: 2, className: 'curve' } as Plot.LineOptions),
      Plot.ruleX([threshold], { stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: '4,3', className: 'threshold' }),
      Plot.dot([b], { x: 't', y: 'profit', r: 5, fill: PRIMARY, stroke: 'white', className: 'best' }),
      Plot.text([b], { x: 't', y: 'profit', text: (d: typeof b) => chartText('profit.best', { threshold: d.t.toFixed(2), profit: formatMoney(d.profit, cur) }), dy: -12, textAnchor: b.t > 0.7 ? 'end' : 'start', fill: PRIMARY, fontWeight: 600 }),
    ],
  });
}
