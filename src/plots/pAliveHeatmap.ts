/**
 * P(alive) over recency × frequency for customers of one age T (Fader, Hardie & Lee 2005, Figure 6).
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { SEQUENTIAL_SCHEME } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText } from './locale';

export interface PAliveHeatmapOptions extends ChartOptions {
  /** Time unit for the axis label (default "weeks"). */
  unit?: string;
}

/**
 * A heatmap of the `pAliveGrid` table (columns frequency, recency0, recency1, p_alive): recency (time of
 * the last purchase since the first, 0 … T) across, repeat purchases up, each cell shaded by its P(alive) band
 * (0–20 %, …, 80–100 %) with a legend. Frequent buyers who have been silent since long ago (top left) are
 * the ones most likely gone. Defaults: width 640, height 380.
 *
 * @example pAliveHeatmap(pAliveGrid(bg.params, { T: 39 }), { unit: 'weeks', document });
 */
export function pAliveHeatmap(grid: Table, opts: PAliveHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'pAliveHeatmap';
  requireColumns(grid, ['frequency', 'recency0', 'recency1', 'p_alive'], chart);
  const f = floats(grid, 'frequency');
  const r0 = floats(grid, 'recency0');
  const r1 = floats(grid, 'recency1');
  const p = floats(grid, 'p_alive');
  const n = f.length;
  const unit = opts.unit !== undefined ? chartLabel(opts.unit) : chartText('pAlive.unit');
  let T = 0;
  let F = 0;
  let low = 1;
  for (let i = 0; i < n; i++) {
    T = Math.max(T, r1[i]);
    F = Math.max(F, f[i]);
    if (p[i] < low) low = p[i];
  }
  const y1 = Float64Array.from(f, (v) => v - 0.5);
  const y2 = Float64Array.from(f, (v) => v + 0.5);
  return Plot.plot({
    ...frame(opts, chart, {
      height: 380,
      title: chartText('pAlive.title'),
      subtitle: chartText('pAlive.subtitle', { age: +T.toFixed(1), unit, low: formatPercent(low, 0) }),
      ariaLabel: chartText('pAlive.ariaLabel'),
      ariaDescription: chartText('pAlive.ariaDescription', { age: +T.toFixed(1), unit, frequency: F, low: formatPercent(low, 0) }),
    }),
    marginLeft: 56,
    marginRight: 16,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, T], label: chartText('pAlive.x', { unit }), ...X_LABEL },
    y: { domain: [-0.5, F + 0.5], label: chartText('pAlive.y'), ...Y_LABEL },
    // Five bands of 20 %, so the legend is a row of swatches (no canvas needed to render it).
    color: { type: 'threshold', domain: [0.2, 0.4, 0.6, 0.8], scheme: SEQUENTIAL_SCHEME, legend: true, label: chartText('pAlive.legend'), tickFormat: (v: number) => formatPercent(v, 0) },
    marks: [Plot.rect({ length: n }, { x1: r0, x2: r1, y1, y2, fill: p, inset: 0, className: 'cells' })],
  });
}
