/**
 * A budget plan: spend per tier stacked by channel, with the expected conversions of each tier.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { CATEGORICAL, INK } from './palette';
import { formatCount, formatMoney } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinList, joinSentences, labelTicks } from './locale';

/**
 * Horizontal bars of budget per tier, stacked by channel, each tier labelled with its total spend and
 * expected conversions. Input: `allocateBudget(...).plan` (tier, channel, budget, conversions).
 * Defaults: width 640, height 80 + 44 per tier, currency "£".
 * @example allocationBars(allocateBudget(segments, { budget: 10000 }).plan, { document })
 */
export function allocationBars(plan: Table, opts: ChartOptions & { currency?: string } = {}): SVGSVGElement | HTMLElement {
  requireColumns(plan, ['tier', 'channel', 'budget', 'conversions'], 'allocationBars');
  const tier = strings(plan, 'tier').map((t) => t ?? '');
  const channel = strings(plan, 'channel').map((c) => c ?? '');
  const budget = floats(plan, 'budget');
  const conv = floats(plan, 'conversions');
  const data = tier.map((t, i) => ({ tier: t, channel: channel[i], budget: budget[i] }));
  const tiers = [...new Set(tier)];
  const channels = [...new Set(channel)];
  const totals = tiers.map((t) => ({
    tier: t,
    budget: data.filter((d) => d.tier === t).reduce((a, d) => a + d.budget, 0),
    conversions: tier.reduce((a, x, i) => (x === t ? a + conv[i] : a), 0),
  }));
  const cur = opts.currency ?? '£';
  const maxTier = Math.max(1e-12, ...totals.map((t) => t.budget));
  return Plot.plot({
    ...frame(opts, 'allocationBars', {
      height: 80 + 44 * tiers.length,
      title: chartText('allocationBars.title'),
      subtitle: chartText('allocationBars.subtitle', {
        budget: formatMoney(totals.reduce((a, t) => a + t.budget, 0), cur),
        conversions: formatCount(totals.reduce((a, t) => a + t.conversions, 0)),
        channels: joinList(channels.map(chartLabel)),
      }),
      ariaLabel: chartText('allocationBars.ariaLabel'),
      ariaDescription: joinSentences(
        totals.map((t) => chartText('allocationBars.ariaItem', { tier: chartLabel(t.tier), budget: formatMoney(t.budget, cur), conversions: formatCount(t.conversions) })),
      ),
    }),
    marginLeft: 120,
    marginRight: 170,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('allocationBars.x', { currency: cur }), ...X_LABEL, grid: true },
    y: { domain: tiers, label: null, ...labelTicks() },
    color: { domain: channels, range: CATEGORICAL.slice(0, channels.length) as string[] },
    marks: [
      Plot.barX(data, { y: 'tier', x: 'budget', fill: 'channel', className: 'spend' }),
      // channel names inside segments wide enough to hold them (no separate legend, so SVG exports stay readable)
      Plot.text(data, Plot.stackX({ y: 'tier', x: 'budget', text: (d: { channel: string; budget: number }) => (d.budget >= 0.12 * maxTier ? chartLabel(d.channel) : ''), fill: 'white', className: 'channel-label' })),
      Plot.text(totals, { y: 'tier', x: 'budget', text: (d: { budget: number; conversions: number }) => chartText('allocationBars.total', { budget: formatMoney(d.budget, cur), conversions: formatCount(d.conversions) }), textAnchor: 'start', dx: 6, fill: INK }),
      Plot.ruleX([0]),
    ],
  });
}
