/**
 * 2×2 confusion matrix of the purchase model: counts and row percentages.
 */
import * as Plot from '@observablehq/plot';
import { INK, SEQUENTIAL_SCHEME } from './palette';
import { formatCount, formatPercent } from './format';
import { frame, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinClauses, labelTicks } from './locale';
import { copyOf, patchesBack, Redraws, scaleOf } from './redraw';

/** Confusion counts at one threshold (positive class = bought). */
export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface ConfusionMatrixOptions extends ChartOptions {
  /** Threshold the counts were taken at, shown in the subtitle (default: not shown). */
  threshold?: number;
}

const CLASSES = ['bought', 'did not buy'] as const;

/**
 * Four cells, actual class in rows and predicted class in columns (bought first, so true positives sit
 * top-left). Each cell shows its name, count and row percentage (share of that actual class: recall for
 * "bought", specificity for "did not buy") and is shaded by the row percentage (0–100%, blues).
 * Defaults: width 640, height 300.
 *
 * @example
 *   confusionMatrix({ tp: 40, fp: 10, tn: 120, fn: 30 }, { threshold: 0.5, document });
 */
export function confusionMatrix(c: ConfusionCounts, opts: ConfusionMatrixOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'confusionMatrix';
  for (const k of ['tp', 'fp', 'tn', 'fn'] as const) {
    if (!(Number.isFinite(c[k]) && c[k] >= 0)) throw new Error(`${chart}: ${k} must be a count ≥ 0, got ${c[k]}`);
  }
  const pos = c.tp + c.fn;
  const neg = c.fp + c.tn;
  const total = pos + neg;
  // cells in order: (bought, bought), (bought, did not buy), (did not buy, bought), (did not buy, did not buy)
  const actual = [CLASSES[0], CLASSES[0], CLASSES[1], CLASSES[1]];
  const predicted = [CLASSES[0], CLASSES[1], CLASSES[0], CLASSES[1]];
  const names = [chartText('confusionMatrix.tp'), chartText('confusionMatrix.fn'), chartText('confusionMatrix.fp'), chartText('confusionMatrix.tn')];
  const count = [c.tp, c.fn, c.fp, c.tn];
  const rowTotal = [pos, pos, neg, neg];
  const pct = count.map((v, i) => (rowTotal[i] > 0 ? v / rowTotal[i] : 0));
  const text = count.map((v, i) => chartText('confusionMatrix.cell', { name: names[i], count: formatCount(v), pct: formatPercent(pct[i]) }));
  const accuracy = total > 0 ? (c.tp + c.tn) / total : 0;
  const t = opts.threshold;
  const subtitle = chartText('confusionMatrix.subtitle', {
    total: formatCount(total),
    threshold: t !== undefined ? chartText('confusionMatrix.threshold', { threshold: t.toFixed(2) }) : '',
    accuracy: formatPercent(accuracy),
  });
  const ariaDescription = chartText('confusionMatrix.ariaDescription', {
    total: formatCount(total),
    items: joinClauses(
      names.map((nm, i) => chartText('confusionMatrix.ariaItem', { name: nm.toLowerCase(), count: formatCount(count[i]), pct: formatPercent(pct[i]), actual: chartLabel(actual[i]) })),
    ),
  });
  const light = pct.map((p) => p > 0.55);

  // Other counts with the same light/dark cells (a threshold being dragged): recolour and relabel a kept
  // drawing (see `redraw.ts`) instead of drawing anew.
  const lines = text.map((s) => s.split('\n'));
  const cells: Cells = { pct, lines, light, subtitle, ariaDescription };
  const { document: doc, threshold: _t, subtitle: _s, ...rest } = opts;
  const owner = doc ?? globalThis.document;
  const key = JSON.stringify([rest, light, lines.map((l) => l.length), t === undefined, names, chartText('confusionMatrix.title'), chartText('confusionMatrix.x'), CLASSES.map(chartLabel)]);
  const kept = owner ? redraws.find(owner, key, doc) : undefined;
  if (kept) {
    const copy = copyOf(kept);
    recolour(copy, kept.extra, cells);
    return copy as SVGSVGElement | HTMLElement;
  }

  const fig = Plot.plot({
    ...frame(opts, chart, {
      height: 300,
      title: chartText('confusionMatrix.title'),
      subtitle,
      ariaLabel: chartText('confusionMatrix.ariaLabel'),
      ariaDescription,
    }),
    marginLeft: 150,
    marginRight: 90,
    marginTop: 8,
    marginBottom: 40,
    x: { domain: [...CLASSES], label: chartText('confusionMatrix.x'), ...X_LABEL, labelOffset: 30, tickSize: 0, padding: 0.04, ...labelTicks() },
    y: { domain: [...CLASSES], label: chartText('confusionMatrix.y'), ...Y_LABEL, labelOffset: 90, tickSize: 0, padding: 0.04, ...labelTicks() },
    color: { type: 'linear', domain: [0, 1], scheme: SEQUENTIAL_SCHEME },
    marks: [
      Plot.cell({ length: 4 }, { x: predicted, y: actual, fill: pct, className: 'cells' }),
      // two text marks (dark on light cells, white on dark ones): a colour array would go through the scale
      ...(['dark', 'light'] as const).map((tone) =>
        Plot.text({ length: 4 }, {
          x: predicted, y: actual, text, lineHeight: 1.35,
          filter: pct.map((p) => (p > 0.55) === (tone === 'light')),
          fill: tone === 'light' ? 'white' : INK,
          className: 'cell-labels',
        }),
      ),
    ],
  });
  const color = scaleOf<string>(fig, 'color');
  if (owner && color && opts.subtitle === undefined && patchesBack(fig, (copy) => recolour(copy, color, cells))) {
    redraws.keep(owner, key, fig, doc, color);
  }
  return fig;
}

/** What differs between drawings with the same light/dark cells. */
interface Cells {
  pct: number[];
  lines: string[][];
  light: boolean[];
  subtitle: string;
  ariaDescription: string;
}

// Kept per document: the evaluation is a new object per threshold; the key holds what the drawing's shape depends on.
// One drawing per light/dark pattern a drag can reach: in each row one cell is light, or neither
// (both near 50%) — 3 × 3 = 9. With fewer, a drag across the range evicts and redraws them in turn.
const redraws = new Redraws<(v: number) => string>(9);

/** Set the cells' colours, their labels, the subtitle and the description of a copy. */
function recolour(fig: Element, color: (v: number) => string, c: Cells): void {
  const rects = fig.querySelectorAll('g.cells rect');
  if (rects.length !== 4) throw new Error('confusionMatrix: 4 cells expected');
  rects.forEach((r, i) => r.setAttribute('fill', color(c.pct[i])));
  // The dark-text group holds the cells that are not light, in order; then the light-text group.
  const groups = fig.querySelectorAll('g.cell-labels');
  const order = [c.light.map((l, i) => (l ? -1 : i)).filter((i) => i >= 0), c.light.map((l, i) => (l ? i : -1)).filter((i) => i >= 0)];
  groups.forEach((g, k) => {
    g.querySelectorAll('text').forEach((text, j) => {
      const spans = text.querySelectorAll('tspan');
      c.lines[order[k][j]].forEach((line, m) => (spans[m].textContent = line));
    });
  });
  const h3 = fig.querySelector('h3');
  if (h3) h3.textContent = c.subtitle;
  fig.querySelector('g.cells')!.closest('svg')!.setAttribute('aria-description', c.ariaDescription);
}
