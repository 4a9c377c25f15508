/**
 * Choosing k for k-means: the inertia per k (the "elbow").
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { ACCENT, MUTED, PRIMARY } from './palette';
import { formatCompact } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, joinParts } from './locale';

/**
 * Line and dots of inertia (within-cluster sum of squares) against k from `kmeansSweep` (k, inertia).
 * Inertia always falls as k grows; look for the k after which it falls slowly. `chosen` (optional)
 * marks the k in use with a red ring. Defaults: width 640, height 320.
 *
 * @example elbowChart(kmeansSweep(m), { chosen: 4, document });
 */
export function elbowChart(sweep: Table, opts: ChartOptions & { chosen?: number } = {}): SVGSVGElement | HTMLElement {
  const chart = 'elbowChart';
  requireColumns(sweep, ['k', 'inertia'], chart);
  const k = floats(sweep, 'k');
  const inertia = floats(sweep, 'inertia');
  const n = k.length;
  const at = opts.chosen !== undefined ? Array.from(k).indexOf(opts.chosen) : -1;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 320,
      title: chartText('elbow.title'),
      subtitle: chartText('elbow.subtitle'),
      ariaLabel: chartText('elbow.ariaLabel'),
      ariaDescription: joinParts(Array.from(k, (v, i) => chartText('elbow.ariaItem', { k: v, inertia: inertia[i].toFixed(1) }))),
    }),
    marginLeft: 60,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('elbow.x'), ...X_LABEL, ticks: Array.from(k), tickFormat: 'd' },
    y: { label: chartText('elbow.y'), ...Y_LABEL, tickFormat: formatCompact, grid: true, zero: true },
    marks: [
      Plot.line({ length: n }, { x: k, y: inertia, stroke: PRIMARY, strokeWidth: 2, className: 'inertia' }),
      Plot.dot({ length: n }, { x: k, y: inertia, fill: PRIMARY, r: 3.5, className: 'points' }),
      ...(at >= 0
        ? [
            Plot.dot([at], { x: () => k[at], y: () => inertia[at], r: 8, stroke: ACCENT, strokeWidth: 2, className: 'chosen' }),
            Plot.text([at], { x: () => k[at], y: () => inertia[at], text: () => chartText('elbow.chosen', { k: k[at] }), dy: -14, fill: MUTED, className: 'chosen-label' }),
          ]
        : []),
    ],
  });
}
