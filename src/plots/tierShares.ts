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

  return Plot.plot({
    ...frame(opts, chart, {
      height: 70 + 64 * n,
      title: chartText('tierShares.title'),
      subtitle: chartText('tierShares.subtitle', { total: formatCount(total) }),
      ariaLabel: chartText('tierShares.ariaLabel'),
      ariaDescription: chartText('tierShares.ariaDescription', { tiers: n, items: top }),
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
}

function tierDescription(tiers: string[], share: Float64Array, revenueShare: Float64Array): string {
  return joinSentences(
    tiers.map((t, i) => chartText('tierShares.ariaItem', { tier: chartLabel(t), customers: formatPercent(share[i]), revenue: formatPercent(revenueShare[i]) })),
  );
}
