/**
 * Outlier treatment: the distribution of a column before and after capping.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, MUTED, PRIMARY, PRIMARY_LIGHT } from './palette';
import { formatCount, formatMoney } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText } from './locale';

/** What `spendHistogram` draws: the values before and after, and the bounds used (from `capOutliers`). */
export interface SpendHistogramData {
  before: Float64Array;
  after: Float64Array;
  low: number;
  high: number;
  below: number;
  above: number;
  column?: string;
  action?: string;
}

/** Equal-width bins over [lo, hi]; returns x0, x1, count. */
function bin(v: Float64Array, lo: number, hi: number, bins: number) {
  const w = (hi - lo) / bins || 1;
  const count = new Float64Array(bins);
  for (const x of v) {
    if (!(x === x)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / w)));
    count[b]++;
  }
  return {
    x0: Float64Array.from({ length: bins }, (_, b) => lo + b * w),
    x1: Float64Array.from({ length: bins }, (_, b) => lo + (b + 1) * w),
    count,
  };
}

/**
 * Two stacked histograms on one x axis of `log10(1 + value)` — spend spans four orders of magnitude —
 * "before" (light) and "after" (solid) capping, with red rules at the bounds. Defaults: 40 bins,
 * width 640, height 360.
 *
 * @example
 *   spendHistogram(capOutliers(profile, { method: 'percentile' }), { document });
 */
export function spendHistogram(data: SpendHistogramData, opts: ChartOptions & { bins?: number; currency?: string } = {}): SVGSVGElement | HTMLElement {
  const chart = 'spendHistogram';
  const bins = opts.bins ?? 40;
  const t = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v));
  const tb = data.before.map(t);
  const ta = data.after.map(t);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of tb) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi > lo)) hi = lo + 1;
  const b = bin(tb, lo, hi, bins);
  const a = bin(ta, lo, hi, bins);
  const facet = [...new Array<string>(bins).fill('before'), ...new Array<string>(bins).fill('after')];
  const x0 = Float64Array.from([...b.x0, ...a.x0]);
  const x1 = Float64Array.from([...b.x1, ...a.x1]);
  const count = Float64Array.from([...b.count, ...a.count]);
  const bounds = [data.low, data.high].filter(Number.isFinite);
  const currency = opts.currency ?? '£';
  const what = data.column !== undefined ? chartLabel(data.column) : chartText('spend.what');
  const changed = data.below + data.above;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 360,
      title: chartText('spend.title', { what }),
      subtitle:
        bounds.length > 0
          ? chartText(data.action === 'drop' ? 'spend.subtitleDropped' : 'spend.subtitleCapped', {
              bounds: bounds.map((v) => formatMoney(v, currency)).join(' … '),
              n: formatCount(changed),
            })
          : chartText('spend.noBounds'),
      ariaLabel: chartText('spend.ariaLabel', { what }),
      ariaDescription: chartText('spend.ariaDescription', { values: formatCount(data.before.length), below: formatCount(data.below), above: formatCount(data.above) }),
    }),
    marginLeft: 70,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('spend.x', { what }), ...X_LABEL, tickFormat: (v: number) => formatMoney(Math.sign(v) * (10 ** Math.abs(v) - 1), currency) },
    y: { label: chartText('common.customers'), ...Y_LABEL, grid: true },
    fy: { domain: ['before', 'after'], axis: null, padding: 0.12 },
    marks: [
      Plot.rectY({ length: 2 * bins }, { x1: x0, x2: x1, y: count, fy: facet, fill: facet.map((f) => (f === 'before' ? PRIMARY_LIGHT : PRIMARY)), insetLeft: 0.5, className: 'bins' }),
      Plot.ruleX(bounds.map(t), { stroke: ACCENT, strokeDasharray: '4,3', className: 'bounds' }),
      Plot.text(['before', 'after'], { fy: (d: string) => d, frameAnchor: 'top-right', text: (d: string) => chartText(d === 'before' ? 'spend.before' : data.action === 'drop' ? 'spend.afterDropping' : 'spend.afterCapping'), fill: MUTED, dy: 4, dx: -4, className: 'panel-labels' }),
      Plot.ruleY([0]),
    ],
  });
}
