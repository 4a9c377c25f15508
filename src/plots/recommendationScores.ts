/**
 * Distribution of recommendation scores by rank (box summary per rank).
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { INK, MUTED, PRIMARY, PRIMARY_LIGHT } from './palette';
import { formatCount } from './format';
import { quantileSorted } from './stats';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, joinClauses } from './locale';

/**
 * One box per rank (1 = top recommendation): box from the 25th to the 75th percentile, a dark line at
 * the median (labelled), whiskers from the 5th to the 95th percentile (linear-interpolated quantiles,
 * computed per rank over typed arrays; no per-point marks, so 100k recommendations draw 5 boxes).
 * Defaults: width 640, height 300, y from 0.
 *
 * @example
 *   const recs = makeTable({ customer: ['a', 'a', 'b', 'b'], rank: Int32Array.of(1, 2, 1, 2),
 *                            score: Float64Array.of(0.9, 0.5, 0.7, 0.3) });
 *   recommendationScores(recs, { document });
 */
export function recommendationScores(recs: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'recommendationScores';
  requireColumns(recs, ['customer', 'rank', 'score'], chart);
  const rank = floats(recs, 'rank');
  const score = floats(recs, 'score');
  // Group scores by rank with a counting sort over typed arrays.
  let maxRank = 0;
  for (let i = 0; i < rank.length; i++) if (rank[i] > maxRank && Number.isInteger(rank[i])) maxRank = rank[i];
  const start = new Int32Array(maxRank + 2);
  for (let i = 0; i < rank.length; i++) if (rank[i] >= 1 && rank[i] <= maxRank && Number.isFinite(score[i])) start[rank[i] + 1]++;
  for (let k = 1; k <= maxRank + 1; k++) start[k] += start[k - 1];
  const fillAt = start.slice();
  const grouped = new Float64Array(start[maxRank + 1]);
  for (let i = 0; i < rank.length; i++) {
    if (rank[i] >= 1 && rank[i] <= maxRank && Number.isFinite(score[i])) grouped[fillAt[rank[i]]++] = score[i];
  }
  const ranks: string[] = [];
  const q = { p05: [] as number[], q1: [] as number[], med: [] as number[], q3: [] as number[], p95: [] as number[] };
  let customers = 0;
  let top = 0;
  for (let k = 1; k <= maxRank; k++) {
    const g = grouped.subarray(start[k], start[k + 1]).sort();
    if (g.length === 0) continue;
    if (k === 1) customers = g.length;
    ranks.push(String(k));
    q.p05.push(quantileSorted(g, 0.05));
    q.q1.push(quantileSorted(g, 0.25));
    q.med.push(quantileSorted(g, 0.5));
    q.q3.push(quantileSorted(g, 0.75));
    q.p95.push(quantileSorted(g, 0.95));
    top = Math.max(top, q.p95[q.p95.length - 1]);
  }
  const m = ranks.length;
  const medText = q.med.map((v) => v.toFixed(3));
  // Median labels sit just right of each box: half a band (d3 band maths, padding 0.45) plus 4 px.
  const width = opts.width ?? 640;
  const padding = 0.45;
  const step = (width - 56 - 20) / Math.max(1, m - padding + 2 * padding);
  const labelDx = (step * (1 - padding)) / 2 + 4;

  return Plot.plot({
    ...frame(opts, chart, {
      height: 300,
      title: chartText('recScores.title'),
      subtitle: chartText('recScores.subtitle', { customers: formatCount(customers) }),
      ariaLabel: chartText('recScores.ariaLabel'),
      ariaDescription: chartText('recScores.ariaDescription', {
        maxRank,
        items: joinClauses(ranks.map((r, i) => chartText('recScores.ariaItem', { rank: r, median: medText[i] }))),
      }),
    }),
    marginLeft: 56,
    marginRight: 20,
    marginTop: 16,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: ranks, label: chartText('recScores.x'), ...X_LABEL, padding, tickSize: 0 },
    y: { domain: [0, top > 0 ? top * 1.08 : 1], nice: true, label: chartText('recScores.y'), ...Y_LABEL, grid: true },
    marks: [
      Plot.ruleX({ length: m }, { x: ranks, y1: q.p05, y2: q.p95, stroke: MUTED, className: 'whiskers' }),
      Plot.barY({ length: m }, { x: ranks, y1: q.q1, y2: q.q3, fill: PRIMARY_LIGHT, stroke: PRIMARY, className: 'boxes' }),
      Plot.tickY({ length: m }, { x: ranks, y: q.med, stroke: INK, strokeWidth: 2, className: 'medians' }),
      Plot.text({ length: m }, { x: ranks, y: q.med, text: medText, textAnchor: 'start', dx: labelDx, fill: INK, className: 'median-labels' }),
      Plot.ruleY([0]),
    ],
  });
}
