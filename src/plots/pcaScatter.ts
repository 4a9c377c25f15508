/**
 * Customers on the first two principal components, coloured by cluster.
 */
import * as Plot from '@observablehq/plot';
import { CATEGORICAL, INK } from './palette';
import { formatCount, formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

/** What `pcaScatter` draws: n points (row-major n × 2 scores), a cluster per point, the variance ratios. */
export interface PcaScatterData {
  scores: Float64Array;
  labels: Int32Array;
  varianceRatio: ArrayLike<number>;
}

/**
 * Scatter of every customer at (PC1, PC2) coloured by cluster ("cluster 0" …, CATEGORICAL colours);
 * axis labels give each component's share of the variance. Dots are small and translucent, so
 * where clusters overlap both show. Defaults: width 640, height 420. The dots of one cluster are one
 * path (a round-capped zero-length stroke per customer): thousands of customers are a handful of
 * elements for the page to lay out and paint, not thousands of circles.
 *
 * @example
 *   const p = pca(m);
 *   pcaScatter({ scores: p.scores, labels: clusters.labels, varianceRatio: p.varianceRatio }, { document });
 */
export function pcaScatter(data: PcaScatterData, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'pcaScatter';
  const n = data.labels.length;
  if (data.scores.length !== 2 * n) throw new Error(`${chart}: needs 2 scores per point, got ${data.scores.length} for ${n} points`);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    x[i] = data.scores[2 * i];
    y[i] = data.scores[2 * i + 1];
    k = Math.max(k, data.labels[i] + 1);
  }
  const names = Array.from({ length: k }, (_, c) => chartText('pca.cluster', { cluster: c }));
  let xmax = -Infinity;
  let ymax = -Infinity;
  let ymin = Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] > xmax) xmax = x[i];
    if (y[i] > ymax) ymax = y[i];
    if (y[i] < ymin) ymin = y[i];
  }
  const step = 0.065 * (ymax - ymin || 1);
  const label = Array.from(data.labels, (c) => names[c]);
  const r = data.varianceRatio;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 420,
      title: chartText('pca.title'),
      subtitle: chartText('pca.subtitle', { customers: formatCount(n), share: formatPercent(r[0] + (r[1] ?? 0)) }),
      ariaLabel: chartText('pca.ariaLabel'),
      ariaDescription: chartText('pca.ariaDescription', { customers: formatCount(n), clusters: k, pc1: formatPercent(r[0]), pc2: formatPercent(r[1] ?? 0) }),
    }),
    marginLeft: 64,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('pca.x', { share: formatPercent(r[0]) }), ...X_LABEL, grid: true },
    y: { label: chartText('pca.y', { share: formatPercent(r[1] ?? 0) }), ...Y_LABEL, grid: true },
    color: { domain: names, range: CATEGORICAL.slice(0, Math.max(1, k)) as string[] },
    marks: [
      Plot.dot({ length: n }, { x, y, fill: label, r: 1.8, fillOpacity: 0.55, className: 'customers', render: dotsAsPaths(1.8, 0.55) }),
      // legend inside the frame (an SVG legend survives SVG export; Plot's swatches are HTML)
      Plot.dot(names, { x: () => xmax, y: (_d: string, i: number) => ymax - i * step, fill: (d: string) => d, r: 4.5, className: 'legend-swatches' }),
      Plot.text(names, { x: () => xmax, y: (_d: string, i: number) => ymax - i * step, text: (d: string) => d, fill: INK, textAnchor: 'end', dx: -9, className: 'legend-labels' }),
    ],
  });
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A dot mark's `render` that draws its dots as one `<path>` per colour: each dot a zero-length segment
 * with a round cap of diameter 2r ("Mx,yh0"). The mark's own `<g>` (class, aria label) is kept, empty
 * of circles.
 */
function dotsAsPaths(r: number, opacity: number): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!([], scales, values, dimensions, context) as SVGGElement;
    const X = values.x as ArrayLike<number>;
    const Y = values.y as ArrayLike<number>;
    const fill = values.fill as ArrayLike<string> | undefined;
    const byColour = new Map<string, string[]>();
    for (const i of index) {
      const colour = fill ? fill[i] : 'currentColor';
      let parts = byColour.get(colour);
      if (!parts) byColour.set(colour, (parts = []));
      parts.push(`M${Math.round(X[i] * 100) / 100},${Math.round(Y[i] * 100) / 100}h0`);
    }
    for (const [colour, parts] of byColour) {
      const path = context.document.createElementNS(SVG, 'path');
      path.setAttribute('d', parts.join(''));
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', colour);
      path.setAttribute('stroke-opacity', String(opacity));
      path.setAttribute('stroke-width', String(2 * r));
      path.setAttribute('stroke-linecap', 'round');
      g.appendChild(path);
    }
    return g;
  };
}
