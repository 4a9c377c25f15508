/**
 * R × F score grid: customers per cell and their mean monetary value.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { INK, SEQUENTIAL_SCHEME } from './palette';
import { formatCount, formatMoney } from './format';
import { frame, hasColumn, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface RfmHeatmapOptions extends ChartOptions {
  /** Currency symbol when a `monetary` column is present (default "£"). */
  currency?: string;
  /** Number of score levels (default 5: quintile scores 1–5). */
  levels?: number;
}

/**
 * 5 × 5 grid, recency score across (5 = most recent, right) and frequency score up (5 = most orders,
 * top). Each cell is shaded by its number of customers and labelled with that count and the cell's mean
 * monetary value — from a `monetary` column when the table has one (e.g. scores joined to the profile),
 * else the mean M score ("M 3.4"). Empty cells are left blank. Defaults: width 640, height 420.
 *
 * @example
 *   const scores = makeTable({ r: Int32Array.of(5, 5, 1), f: Int32Array.of(4, 4, 1), m: Int32Array.of(5, 3, 1) });
 *   rfmHeatmap(scores, { document });
 */
export function rfmHeatmap(scores: Table, opts: RfmHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'rfmHeatmap';
  requireColumns(scores, ['r', 'f', 'm'], chart);
  const L = opts.levels ?? 5;
  const currency = opts.currency ?? '£';
  const r = floats(scores, 'r');
  const f = floats(scores, 'f');
  const withMoney = hasColumn(scores, 'monetary');
  const value = withMoney ? floats(scores, 'monetary') : floats(scores, 'm');
  const cells = L * L;
  const count = new Float64Array(cells);
  const sum = new Float64Array(cells);
  let outside = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i];
    const fi = f[i];
    if (!(ri >= 1 && ri <= L && fi >= 1 && fi <= L) || !Number.isInteger(ri) || !Number.isInteger(fi)) {
      outside++;
      continue;
    }
    const k = (fi - 1) * L + (ri - 1);
    count[k]++;
    if (Number.isFinite(value[i])) sum[k] += value[i];
  }
  // Only non-empty cells are drawn.
  const idx: number[] = [];
  let max = 0;
  for (let k = 0; k < cells; k++) {
    if (count[k] > 0) idx.push(k);
    if (count[k] > max) max = count[k];
  }
  const m = idx.length;
  const xs = new Array<string>(m);
  const ys = new Array<string>(m);
  const fill = new Float64Array(m);
  const text = new Array<string>(m);
  const dark = new Array<boolean>(m);
  for (let j = 0; j < m; j++) {
    const k = idx[j];
    xs[j] = String((k % L) + 1);
    ys[j] = String(Math.floor(k / L) + 1);
    fill[j] = count[k];
    const mean = sum[k] / count[k];
    text[j] = `${formatCount(count[k])}\n${withMoney ? formatMoney(mean, currency) : chartText('rfmHeatmap.meanScore', { score: mean.toFixed(1) })}`;
    dark[j] = count[k] > 0.55 * max;
  }
  const levels = Array.from({ length: L }, (_, i) => String(i + 1));
  const total = r.length - outside;
  let busiest = 0;
  for (let k = 1; k < cells; k++) if (count[k] > count[busiest]) busiest = k;

  return Plot.plot({
    ...frame(opts, chart, {
      height: 420,
      title: chartText('rfmHeatmap.title'),
      subtitle: chartText('rfmHeatmap.subtitle', {
        total: formatCount(total),
        what: chartText(withMoney ? 'rfmHeatmap.spend' : 'rfmHeatmap.mScore'),
        outside: outside ? chartText('rfmHeatmap.outside', { n: formatCount(outside) }) : '',
      }),
      ariaLabel: chartText('rfmHeatmap.ariaLabel'),
      ariaDescription: chartText('rfmHeatmap.ariaDescription', {
        levels: L,
        total: formatCount(total),
        r: (busiest % L) + 1,
        f: Math.floor(busiest / L) + 1,
        count: formatCount(count[busiest]),
      }),
    }),
    marginLeft: 150,
    marginRight: 110,
    marginTop: 8,
    marginBottom: 44,
    x: { domain: levels, label: chartText('rfmHeatmap.x'), ...X_LABEL, tickSize: 0, padding: 0.04 },
    y: { domain: [...levels].reverse(), label: chartText('rfmHeatmap.y'), ...Y_LABEL, labelOffset: 36, tickSize: 0, padding: 0.04 },
    color: { type: 'linear', domain: [0, Math.max(1, max)], scheme: SEQUENTIAL_SCHEME },
    marks: [
      Plot.cell({ length: m }, { x: xs, y: ys, fill, className: 'cells' }),
      ...(['dark', 'light'] as const).map((tone) =>
        Plot.text({ length: m }, {
          x: xs, y: ys, text, lineHeight: 1.3,
          filter: dark.map((d) => d === (tone === 'light')),
          fill: tone === 'light' ? 'white' : INK,
          className: 'cell-labels',
        }),
      ),
    ],
  });
}
