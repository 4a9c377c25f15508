/**
 * Teaching chart: the generator's true coefficients against the model's fitted ones.
 */
import * as Plot from '@observablehq/plot';
import { GRID, INK, PRIMARY } from './palette';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, joinParts } from './locale';

/**
 * One labelled dot per feature at (true weight, fitted weight), on the same scale, with the identity line
 * dashed: dots on the line mean the model recovered the truth. Subtitle: the largest absolute error.
 * Defaults: width 640, height 400.
 *
 * @example
 *   trueVsFitted([{ feature: 'x1', true: 1.5, fitted: 1.38 }, { feature: 'x2', true: -1, fitted: -0.91 }], { document });
 */
export function trueVsFitted(
  rows: readonly { feature: string; true: number; fitted: number }[],
  opts: ChartOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'trueVsFitted';
  if (rows.length === 0) throw new Error(`${chart}: no coefficients to compare`);
  let lo = 0;
  let hi = 0;
  let worst = rows[0];
  for (const r of rows) {
    if (!Number.isFinite(r.true) || !Number.isFinite(r.fitted)) throw new Error(`${chart}: ${r.feature} has a non-finite weight`);
    lo = Math.min(lo, r.true, r.fitted);
    hi = Math.max(hi, r.true, r.fitted);
    if (Math.abs(r.fitted - r.true) > Math.abs(worst.fitted - worst.true)) worst = r;
  }
  const pad = 0.1 * (hi - lo || 1);
  const domain = [lo - pad, hi + pad];
  return Plot.plot({
    ...frame(opts, chart, {
      height: 400,
      title: chartText('trueVsFitted.title'),
      subtitle: chartText('trueVsFitted.subtitle', { features: rows.length, feature: worst.feature, true: worst.true.toFixed(2), fitted: worst.fitted.toFixed(2) }),
      ariaLabel: chartText('trueVsFitted.ariaLabel'),
      ariaDescription: chartText('trueVsFitted.ariaDescription', {
        items: joinParts(rows.map((r) => chartText('trueVsFitted.ariaItem', { feature: r.feature, true: r.true.toFixed(2), fitted: r.fitted.toFixed(2) }))),
      }),
    }),
    marginLeft: 56,
    marginRight: 40,
    marginBottom: MARGIN_BOTTOM,
    x: { domain, label: chartText('trueVsFitted.x'), ...X_LABEL, grid: true },
    y: { domain, label: chartText('trueVsFitted.y'), ...Y_LABEL, grid: true },
    marks: [
      Plot.line([[domain[0], domain[0]], [domain[1], domain[1]]], { stroke: GRID, strokeDasharray: '4,3' }),
      Plot.ruleX([0], { stroke: GRID }),
      Plot.ruleY([0], { stroke: GRID }),
      Plot.dot(rows, { x: 'true', y: 'fitted', r: 5, fill: PRIMARY, stroke: 'white', className: 'coefficients' }),
      Plot.text(rows, { x: 'true', y: 'fitted', text: 'feature', dx: 8, textAnchor: 'start', fill: INK }),
    ],
  });
}
