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
import { copyOf, patchesBack, Redraws, scaleOf, translateOf, type Kept } from './redraw';

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
  const { threshold: t } = opts;
  if (!Number.isFinite(t)) throw new Error(`${chart}: threshold must be a finite number, got ${t}`);
  // The same bins and options at another threshold (a slider being dragged): the drawing is the same
  // but for the threshold's rule, label and description — copy it and move those (see `moveThreshold`).
  const key = drawingKey(bins, opts);
  const kept = key ? redraws.find(bins, key, opts.document) : undefined;
  if (kept) return moveThreshold(kept, t);
  const fig = drawHistogram(bins, opts, chart);
  if (key) keepDrawing(bins, key, fig, opts);
  return fig;
}

function drawHistogram(bins: Table, opts: ProbabilityHistogramOptions, chart: string): SVGSVGElement | HTMLElement {
  requireColumns(bins, ['x0', 'x1', 'count'], chart);
  const { threshold } = opts;
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
  const nearRight = isNearRight(threshold, lo, hi);
  const tLabel = thresholdLabel(threshold);

  return Plot.plot({
    ...frame(opts, chart, {
      height: 320,
      title: chartText('histogram.title'),
      subtitle: chartText('histogram.subtitle', { total: formatCount(total), bins: formatCount(base.size), stacked: labelled ? chartText('histogram.stacked') : '' }),
      ariaLabel: chartText('histogram.ariaLabel'),
      ariaDescription: ariaDescription(total, base.size, labelled, threshold),
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

function isNearRight(threshold: number, lo: number, hi: number): boolean {
  return threshold > lo + 0.8 * (hi - lo);
}

function thresholdLabel(threshold: number): string {
  return chartText('histogram.threshold', { threshold: threshold.toFixed(2) });
}

function ariaDescription(total: number, bins: number, labelled: boolean, threshold: number): string {
  return chartText('histogram.ariaDescription', {
    total: formatCount(total),
    bins,
    stacked: labelled ? chartText('histogram.ariaStacked') : '',
    threshold: threshold.toFixed(2),
  });
}

/** What a kept histogram needs to move its threshold (see `redraw.ts`). */
interface Threshold {
  x: (v: number) => number;
  total: number;
  bins: number;
  labelled: boolean;
  labelY: string;
}

const redraws = new Redraws<Threshold>();

/**
 * What the drawing depends on besides the threshold: the options, the chart texts in the current
 * language, and the label's side (it flips near the right edge). Null when the bins cannot be read.
 */
function drawingKey(bins: Table, opts: ProbabilityHistogramOptions): string | null {
  if (!hasColumn(bins, 'x0') || !hasColumn(bins, 'x1')) return null;
  const { threshold, document: _doc, ...rest } = opts;
  const { lo, hi } = xExtent(bins);
  return JSON.stringify([rest, chartText('histogram.title'), chartText('histogram.x'), chartText('common.customers'), labelTicks(), isNearRight(threshold, lo, hi)]);
}

function xExtent(bins: Table): { lo: number; hi: number } {
  const x0 = floats(bins, 'x0');
  const x1 = floats(bins, 'x1');
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < x0.length; i++) {
    if (x0[i] < lo) lo = x0[i];
    if (x1[i] > hi) hi = x1[i];
  }
  return { lo, hi };
}

function keepDrawing(bins: Table, key: string, fig: Element, opts: ProbabilityHistogramOptions): void {
  const x = scaleOf(fig, 'x');
  const at = translateOf(fig.querySelector('g.threshold-label text'));
  if (!x || !at || !fig.querySelector('g.threshold line')) return;
  const count = floats(bins, 'count');
  const starts = new Set<number>();
  let total = 0;
  for (let i = 0; i < count.length; i++) total += count[i] > 0 ? count[i] : 0;
  for (const v of floats(bins, 'x0')) starts.add(v);
  const d: Threshold = { x, total, bins: starts.size, labelled: hasColumn(bins, 'label'), labelY: at.y };
  // Only a drawing whose rule and label sit where `placeThreshold` would put them (else: always draw anew).
  if (patchesBack(fig, (copy) => placeThreshold(copy, d, opts.threshold))) redraws.keep(bins, key, fig, opts.document, d);
}

/** Put the threshold of a drawing of the same bins at `t`: the rule's x, the label's position and text, the description. */
function placeThreshold(fig: Element, d: Threshold, t: number): void {
  const x = d.x(t);
  const line = fig.querySelector('g.threshold line')!;
  line.setAttribute('x1', `${x}`);
  line.setAttribute('x2', `${x}`);
  const text = fig.querySelector('g.threshold-label text')!;
  text.setAttribute('transform', `translate(${x},${d.labelY})`);
  text.textContent = thresholdLabel(t);
  line.closest('svg')!.setAttribute('aria-description', ariaDescription(d.total, d.bins, d.labelled, t));
}

/** A copy of the kept drawing with the threshold at `t`: the same markup a fresh drawing has (tested against it). */
function moveThreshold(kept: Kept<Threshold>, t: number): SVGSVGElement | HTMLElement {
  const fig = copyOf(kept);
  placeThreshold(fig, kept.extra, t);
  return fig as SVGSVGElement | HTMLElement;
}
