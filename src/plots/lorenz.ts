/**
 * Revenue concentration: the Lorenz curve against the line of equality.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { ACCENT, GRID, MUTED, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface LorenzOptions extends ChartOptions {
  /** Gini coefficient to print in the subtitle (from `concentration`). */
  gini?: number;
  /** Top fraction of customers to mark, with the revenue share they bring (default none). */
  top?: number;
  topShare?: number;
}

/**
 * Lorenz curve: x = share of customers (poorest first), y = their share of revenue; the dashed
 * diagonal is perfect equality and the shaded area between them is half the Gini coefficient.
 * With `top` and `topShare`, a red rule marks where the top `top` of customers starts and a label
 * says "top 20% bring 74.1% of revenue". Input: `concentration(...).curve` (customers, revenue).
 * Defaults: width 640, height 400.
 *
 * @example
 *   const c = concentration(profile);
 *   lorenzCurve(c.curve, { gini: c.gini, top: c.top, topShare: c.topShare, document });
 */
export function lorenzCurve(curve: Table, opts: LorenzOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'lorenzCurve';
  requireColumns(curve, ['customers', 'revenue'], chart);
  const x = floats(curve, 'customers');
  const y = floats(curve, 'revenue');
  const n = x.length;
  const hasTop = opts.top !== undefined && opts.topShare !== undefined;
  const cut = hasTop ? 1 - opts.top! : 0;
  const topText = hasTop ? chartText('lorenz.top', { top: formatPercent(opts.top!, 0), share: formatPercent(opts.topShare!) }) : '';
  const giniText = opts.gini !== undefined ? chartText('lorenz.gini', { gini: opts.gini.toFixed(3) }) : '';
  return Plot.plot({
    ...frame(opts, chart, {
      height: 400,
      title: chartText('lorenz.title'),
      subtitle: [giniText, topText].filter(Boolean).join(' · ') || chartText('lorenz.subtitle'),
      ariaLabel: chartText('lorenz.ariaLabel'),
      ariaDescription: chartText('lorenz.ariaDescription', { points: n, gini: giniText, top: topText }),
    }),
    marginLeft: 72,
    marginRight: 24,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('lorenz.x'), ...X_LABEL, tickFormat: '.0%', grid: true },
    y: { domain: [0, 1], label: chartText('lorenz.y'), ...Y_LABEL, tickFormat: '.0%', grid: true },
    marks: [
      Plot.areaY({ length: n }, { x, y1: y, y2: x, fill: PRIMARY, fillOpacity: 0.12, className: 'gap' }),
      Plot.line([[0, 0], [1, 1]], { stroke: GRID, strokeDasharray: '4,3', className: 'equality' }),
      Plot.line({ length: n }, { x, y, stroke: PRIMARY, strokeWidth: 2, className: 'lorenz' }),
      ...(hasTop
        ? [
            Plot.ruleX([cut], { stroke: ACCENT, strokeDasharray: '3,2', className: 'top-rule' }),
            Plot.text([cut], { x: (d: number) => d, y: 0.92, text: () => topText, textAnchor: 'end', dx: -6, fill: MUTED, className: 'top-label' }),
          ]
        : []),
    ],
  });
}
