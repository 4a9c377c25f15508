/**
 * Share of customers and share of revenue per tier, as paired horizontal bars.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { INK, MUTED, tierScale } from './palette';
import { formatCount, formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinSentences, labelTicks } from './locale';
import { copyOf, patchesBack, Redraws, scaleOf, translateOf, type Kept } from './redraw';

/**
 * Paired bars per tier: a light bar for the tier's share of customers and a solid bar for its share of
 * revenue, both in the tier's colour (`tierColor`), each labelled "42.0% of customers" / "71.3% of revenue".
 * Tiers keep the table's row order (top to bottom). Shares are fractions in [0, 1].
 * Defaults: width 640, height 70 + 64 per tier, x domain [0, 1].
 *
 * @example
 *   const summary = makeTable({ tier: ['High value', 'Low value'], customers: Float64Array.of(300, 700),
 *                               share: Float64Array.of(0.3, 0.7), revenueShare: Float64Array.of(0.75, 0.25) });
 *   tierShares(summary, { document });
 */
export function tierShares(summary: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'tierShares';
  requireColumns(summary, ['tier', 'customers', 'share', 'revenueShare'], chart);
  const tiers = strings(summary, 'tier').map((t) => t ?? '(no tier)');
  const customers = floats(summary, 'customers');
  const share = floats(summary, 'share');
  const revenueShare = floats(summary, 'revenueShare');
  const n = tiers.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += customers[i] || 0;

  const customerLabel = Array.from(share, (v) => chartText('tierShares.customerLabel', { share: formatPercent(v) }));
  const revenueLabel = Array.from(revenueShare, (v) => chartText('tierShares.revenueLabel', { share: formatPercent(v) }));
  const customerRow = new Array<string>(n).fill('customers');
  const revenueRow = new Array<string>(n).fill('revenue');
  const top = tierDescription(tiers, share, revenueShare);
  const subtitle = chartText('tierShares.subtitle', { total: formatCount(total) });
  const ariaDescription = chartText('tierShares.ariaDescription', { tiers: n, items: top });

  // The same tiers and options with other shares (a threshold being dragged): move the bars and labels
  // of a kept drawing (see `redraw.ts`) instead of drawing anew.
  const finite = [...share, ...revenueShare].every(Number.isFinite);
  const { document: doc, ...rest } = opts;
  const key = JSON.stringify([rest, tiers, subtitle, chartText('tierShares.title'), chartText('tierShares.x'), tiers.map(chartLabel)]);
  const owner = doc ?? globalThis.document;
  const kept = finite && owner ? redraws.find(owner, key, doc) : undefined;
  if (kept) return moveBars(kept, { share, revenueShare, customerLabel, revenueLabel, ariaDescription });

  const fig = Plot.plot({
    ...frame(opts, chart, {
      height: 70 + 64 * n,
      title: chartText('tierShares.title'),
      subtitle,
      ariaLabel: chartText('tierShares.ariaLabel'),
      ariaDescription,
    }),
    marginLeft: 110,
    marginRight: 140,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, 1], label: chartText('tierShares.x'), ...X_LABEL, tickFormat: '.0%', grid: true },
    y: { domain: ['customers', 'revenue'], axis: null, padding: 0.15 },
    fy: { domain: tiers, label: null, padding: 0.25, axis: 'left', ...labelTicks() },
    color: tierScale([...new Set(tiers)]),
    marks: [
      Plot.barX({ length: n }, { fy: tiers, y: customerRow, x: share, fill: tiers, fillOpacity: 0.45, className: 'customer-share' }),
      Plot.barX({ length: n }, { fy: tiers, y: revenueRow, x: revenueShare, fill: tiers, className: 'revenue-share' }),
      Plot.text({ length: n }, { fy: tiers, y: customerRow, x: share, text: customerLabel, textAnchor: 'start', dx: 6, fill: MUTED, className: 'customer-label' }),
      Plot.text({ length: n }, { fy: tiers, y: revenueRow, x: revenueShare, text: revenueLabel, textAnchor: 'start', dx: 6, fill: INK, className: 'revenue-label' }),
      Plot.ruleX([0]),
    ],
  });
  if (finite && owner) keepDrawing(owner, key, fig, doc, { share, revenueShare, customerLabel, revenueLabel, ariaDescription });
  return fig;
}

/** The numbers and texts that differ between drawings of the same tiers. */
interface Shares {
  share: Float64Array;
  revenueShare: Float64Array;
  customerLabel: string[];
  revenueLabel: string[];
  ariaDescription: string;
}

/** What a kept drawing needs to move its bars: the x scale and the labels' y (per kind, as written). */
interface Moving {
  x: (v: number) => number;
  customerY: string[];
  revenueY: string[];
}

// Kept per document (the last drawing under its key): `tierSummary` makes a new table per threshold,
// and the drawing depends only on the tiers and options, which the key holds.
const redraws = new Redraws<Moving>();

/** The parts of a drawing that move, in tier order (one per facet). */
function movingParts(fig: Element) {
  return {
    customerBars: [...fig.querySelectorAll('g.customer-share rect')],
    revenueBars: [...fig.querySelectorAll('g.revenue-share rect')],
    customerTexts: [...fig.querySelectorAll('g.customer-label text')],
    revenueTexts: [...fig.querySelectorAll('g.revenue-label text')],
  };
}

/** Set a bar from 0 to `v` as Plot's barX does (x = min(x1, x2), width = |x2 − x1|, no insets). */
function setBar(rect: Element, x: (v: number) => number, v: number): void {
  const x1 = x(0);
  const x2 = x(v);
  rect.setAttribute('x', `${Math.min(x1, x2)}`);
  rect.setAttribute('width', `${Math.max(0, Math.abs(x2 - x1))}`);
}

function setLabel(text: Element, x: number, y: string, label: string): void {
  text.setAttribute('transform', `translate(${x},${y})`);
  text.textContent = label;
}

function keepDrawing(key: object, k: string, fig: Element, doc: Document | undefined, s: Shares): void {
  const x = scaleOf(fig, 'x');
  if (!x) return;
  const p = movingParts(fig);
  const n = s.share.length;
  if ([p.customerBars, p.revenueBars, p.customerTexts, p.revenueTexts].some((a) => a.length !== n)) return;
  const customerY: string[] = [];
  const revenueY: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = translateOf(p.customerTexts[i]);
    const r = translateOf(p.revenueTexts[i]);
    if (!c || !r) return;
    customerY.push(c.y);
    revenueY.push(r.y);
  }
  const moving: Moving = { x, customerY, revenueY };
  // Keep it only if Plot put every bar and label where `moveParts` would (else: always draw anew).
  if (patchesBack(fig, (copy) => moveParts(copy, moving, s))) redraws.keep(key, k, fig, doc, moving);
}

/** Set the bars, labels and description of a drawing of the same tiers to the shares `s`. */
function moveParts(fig: Element, m: Moving, s: Shares): void {
  const p = movingParts(fig);
  for (let i = 0; i < s.share.length; i++) {
    setBar(p.customerBars[i], m.x, s.share[i]);
    setBar(p.revenueBars[i], m.x, s.revenueShare[i]);
    setLabel(p.customerTexts[i], m.x(s.share[i]), m.customerY[i], s.customerLabel[i]);
    setLabel(p.revenueTexts[i], m.x(s.revenueShare[i]), m.revenueY[i], s.revenueLabel[i]);
  }
  p.customerBars[0]?.closest('svg')?.setAttribute('aria-description', s.ariaDescription);
}

function moveBars(kept: Kept<Moving>, s: Shares): SVGSVGElement | HTMLElement {
  const fig = copyOf(kept);
  moveParts(fig, kept.extra, s);
  return fig as SVGSVGElement | HTMLElement;
}

function tierDescription(tiers: string[], share: Float64Array, revenueShare: Float64Array): string {
  return joinSentences(
    tiers.map((t, i) => chartText('tierShares.ariaItem', { tier: chartLabel(t), customers: formatPercent(share[i]), revenue: formatPercent(revenueShare[i]) })),
  );
}
