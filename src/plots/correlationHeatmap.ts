/**
 * Feature selection: a heatmap of pairwise correlations.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { INK } from './palette';
import { frame, requireColumns, type ChartOptions } from './theme';
import { chartText } from './locale';

/**
 * Square heatmap of `correlationMatrix` (x, y, r): diverging colours from −1 (red) to +1 (blue),
 * each cell labelled with r to two decimals; NaN cells (a constant feature) are left blank.
 * Two features with |r| near 1 carry the same information — keep one. Defaults: width 640,
 * height 120 + 44 per feature.
 *
 * @example correlationHeatmap(correlationMatrix(features, ['recency', 'frequency', 'monetary']), { document });
 */
export function correlationHeatmap(corr: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'correlationHeatmap';
  requireColumns(corr, ['x', 'y', 'r'], chart);
  const x = strings(corr, 'x').map((s) => s ?? '');
  const y = strings(corr, 'y').map((s) => s ?? '');
  const r = floats(corr, 'r');
  const names = [...new Set(x)];
  const n = x.length;
  const keep = Array.from(r, (v) => v === v);
  const labels = Array.from(r, (v) => (v === v ? v.toFixed(2) : ''));
  let strongest = '';
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (x[i] < y[i] && Math.abs(r[i]) > best) {
      best = Math.abs(r[i]);
      strongest = chartText('correlationHeatmap.pair', { x: x[i], y: y[i], r: r[i].toFixed(2) });
    }
  }
  return Plot.plot({
    ...frame(opts, chart, {
      height: 120 + 44 * names.length,
      title: chartText('correlationHeatmap.title'),
      subtitle: strongest ? chartText('correlationHeatmap.subtitle', { pair: strongest }) : chartText('correlationHeatmap.subtitlePlain'),
      ariaLabel: chartText('correlationHeatmap.ariaLabel'),
      ariaDescription: chartText('correlationHeatmap.ariaDescription', { features: names.length, pair: strongest }),
    }),
    marginLeft: 130,
    marginBottom: 90,
    marginTop: 8,
    x: { domain: names, label: null, tickRotate: -35, tickSize: 0 },
    y: { domain: names, label: null, tickSize: 0 },
    color: { type: 'linear', domain: [-1, 1], scheme: 'rdbu' },
    marks: [
      Plot.cell({ length: n }, { x, y, fill: r, filter: keep, inset: 0.5, className: 'cells' }),
      ...(['dark', 'light'] as const).map((tone) =>
        Plot.text({ length: n }, {
          x, y, text: labels,
          // white on the saturated ends of the scale, ink on the pale middle
          filter: Array.from(r, (v) => v === v && (Math.abs(v) > 0.55) === (tone === 'light')),
          fill: tone === 'light' ? 'white' : INK,
          className: 'cell-labels',
        }),
      ),
    ],
  });
}
