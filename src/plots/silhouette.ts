/**
 * Choosing k for k-means: the mean silhouette per k.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { ACCENT, MUTED, PRIMARY_LIGHT, PRIMARY } from './palette';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, joinParts } from './locale';

/**
 * Bars of the mean silhouette (−1…1, higher = tighter, better separated clusters) per k from
 * `kmeansSweep` (k, silhouette); the best k is drawn solid and labelled, the others light.
 * `chosen` (optional) marks the k in use with a red outline. Defaults: width 640, height 300.
 *
 * @example silhouetteChart(kmeansSweep(m), { chosen: 4, document });
 */
export function silhouetteChart(sweep: Table, opts: ChartOptions & { chosen?: number } = {}): SVGSVGElement | HTMLElement {
  const chart = 'silhouetteChart';
  requireColumns(sweep, ['k', 'silhouette'], chart);
  const k = Array.from(floats(sweep, 'k'), String);
  const s = floats(sweep, 'silhouette');
  const n = k.length;
  let best = 0;
  for (let i = 1; i < n; i++) if (s[i] > s[best]) best = i;
  const chosen = opts.chosen !== undefined ? k.indexOf(String(opts.chosen)) : -1;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 300,
      title: chartText('silhouette.title'),
      subtitle: chartText('silhouette.subtitle', { k: k[best], score: s[best].toFixed(3) }),
      ariaLabel: chartText('silhouette.ariaLabel'),
      ariaDescription: joinParts(k.map((v, i) => chartText('silhouette.ariaItem', { k: v, score: s[i].toFixed(3) }))),
    }),
    marginLeft: 60,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: k, label: chartText('silhouette.x'), ...X_LABEL, padding: 0.25 },
    y: { label: chartText('silhouette.y'), ...Y_LABEL, grid: true, zero: true },
    marks: [
      Plot.barY({ length: n }, { x: k, y: s, fill: k.map((_, i) => (i === best ? PRIMARY : PRIMARY_LIGHT)), className: 'bars' }),
      ...(chosen >= 0
        ? [Plot.barY([chosen], { x: () => k[chosen], y: () => s[chosen], fill: 'none', stroke: ACCENT, strokeWidth: 2, className: 'chosen' })]
        : []),
      Plot.text([best], { x: () => k[best], y: () => s[best], text: () => s[best].toFixed(3), dy: -8, fill: MUTED, className: 'best-label' }),
      Plot.ruleY([0]),
    ],
  });
}
