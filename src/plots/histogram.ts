/**
 * Histogram of predicted purchase probabilities, stacked by true class, with the decision threshold.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { ACCENT, CLASS_COLORS, CLASS_NAMES, PRIMARY } from './palette';
import { countTicks, formatCount } from './format';
import { frame, hasColumn, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, labelTicks } from './locale';

export interface ProbabilityHistogramOptions extends ChartOptions {
  /** Decision threshold drawn as a dashed vertical rule and labelled with its value (required). */
  threshold: number;
  /** Y-axis label (default "Customers"). */
  yLabel?: string;
}

/**
 * Pre-binned probability histogram: bars from `x0` to `x1` of height `count`; when a `label` column
 * (0 | 1) is present each bin has one row per class and the bars stack "did not buy" (0, grey, bottom)
 * under "bought" (1, blue, top). A dashed rule marks `threshold`, labelled "threshold 0.50".
 * Input is already binned (e.g. by core `histogram(p, {bins, label})`), so redrawing on every slider
 * move costs one small Plot render. Defaults: width 640, height 320, x domain [0, 1] (widened if bins
 * fall outside).
 *
 * @example
 *   const bins = makeTable({ x0: Float64Array.of(0, 0.5, 0, 0.5), x1: Float64Array.of(0.5, 1, 0.5, 1),
 *                            count: Float64Array.of(40, 10, 5, 25), label: Int32Array.of(0, 0, 1, 1) });
 *   probabilityHistogram(bins, { threshold: 0.5, document });
 */
export function probabilityHistogram(bins: Table, opts: ProbabilityHistogramOptions): SVGSVGElement | HTMLElement {
  const chart = 'probabilityHistogram';
  requireColumns(bins, ['x0', 'x1', 'count'], chart);
  const { threshold } = opts;
  if (!Number.isFinite(threshold)) throw new Error(`${chart}: threshold must be a finite number, got ${threshold}`);
  const x0 = floats(bins, 'x0');
  const x1 = floats(bins, 'x1');
  const count = floats(bins, 'count');
  const labelled = hasColumn(bins, 'label');
  const label = labelled ? floats(bins, 'label') : null;
  const n = x0.length;

  // Stack by hand (class 0 under class 1 within each bin): y1/y2 per row, no row objects.
  const y1 = new Float64Array(n);
  const y2 = new Float64Array(n);
  const fill: string[] = new Array(n);
  const base = new Map<number, number>();
  let total = 0;
  let lo = 0;
  let hi = 1;
  for (let pass = 0; pass < (labelled ? 2 : 1); pass++) {
    for (let i = 0; i < n; i++) {
      if (label && label[i] !== pass) continue;
      const b = base.get(x0[i]) ?? 0;
      const c = count[i] > 0 ? count[i] : 0;
      y1[i] = b;
      y2[i] = b + c;
      base.set(x0[i], b + c);
      fill[i] = label ? CLASS_NAMES[pass] : 'customers';
      total += c;
      if (x0[i] < lo) lo = x0[i];
      if (x1[i] > hi) hi = x1[i];
    }
  }
  const yLabel = opts.yLabel ?? chartText('common.customers');
  const nearRight = threshold > lo + 0.8 * (hi - lo);
  const tLabel = chartText('histogram.threshold', { threshold: threshold.toFixed(2) });

  return Plot.plot({
    ...frame(opts, chart, {
      height: 320,
      title: chartText('histogram.title'),
      subtitle: chartText('histogram.subtitle', { total: formatCount(total), bins: formatCount(base.size), stacked: labelled ? chartText('histogram.stacked') : '' }),
      ariaLabel: chartText('histogram.ariaLabel'),
      ariaDescription: chartText('histogram.ariaDescription', {
        total: formatCount(total),
        bins: base.size,
        stacked: labelled ? chartText('histogram.ariaStacked') : '',
        threshold: threshold.toFixed(2),
      }),
    }),
    marginTop: 24,
    marginRight: 16,
    marginLeft: 56,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [lo, hi], label: chartText('histogram.x'), ...X_LABEL, tickFormat: '.1f' },
    y: { label: yLabel, ...Y_LABEL, grid: true, nice: true, tickFormat: countTicks(Math.max(0, ...base.values())) },
    color: labelled
      ? { domain: [...CLASS_NAMES], range: [CLASS_COLORS.notBought, CLASS_COLORS.bought], legend: true, ...labelTicks() }
      : { domain: ['customers'], range: [PRIMARY] },
    marks: [
      Plot.rect({ length: n }, { x1: x0, x2: x1, y1, y2, fill, inset: 0.5, className: 'bins' } as Plot.RectOptions),
      Plot.ruleY([0]),
      Plot.ruleX([threshold], { stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: '4,3', className: 'threshold' }),
      Plot.text([tLabel], {
        x: threshold,
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -4,
        textAnchor: nearRight ? 'end' : 'start',
        dx: nearRight ? -4 : 4,
        fill: ACCENT,
        fontWeight: 600,
        text: (d: string) => d,
        className: 'threshold-label',
      }),
    ],
  });
}
