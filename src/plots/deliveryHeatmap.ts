/**
 * Ad delivery probabilities per tier: tiers × items heatmap.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { GRID, INK, MUTED, SEQUENTIAL_SCHEME } from './palette';
import { clipLabel, formatPercent } from './format';
import { frame, hasColumn, requireColumns, type ChartOptions } from './theme';
import { chartLabel, chartText, joinSentences, labelTicks } from './locale';

export interface DeliveryHeatmapOptions extends ChartOptions {
  /** Longest item label before it is clipped with "…" (default 30 characters). */
  maxLabel?: number;
}

/**
 * Items down, tiers across (in first-seen order): each cell is shaded by the tier's mean delivery
 * probability P(i|u) for that item and labelled as a percentage; an item outside a tier's list shows
 * "–" on a light grey cell. Items are sorted by their highest probability in any tier. Item labels come
 * from `itemName` (falling back to an `item` column where the name is missing) and are clipped at
 * `maxLabel` characters. Defaults: width 640, height 90 + 28 per item, colour domain [0, max].
 *
 * @example
 *   const perTier = makeTable({ tier: ['High value', 'Low value'], itemName: ['TEA SET', 'MUG'],
 *                               meanProbability: Float64Array.of(0.31, 0.22) });
 *   deliveryHeatmap(perTier, { document });
 */
export function deliveryHeatmap(perTier: Table, opts: DeliveryHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'deliveryHeatmap';
  requireColumns(perTier, ['tier', 'itemName', 'meanProbability'], chart);
  const maxLabel = opts.maxLabel ?? 30;
  const tierCol = strings(perTier, 'tier');
  const nameCol = strings(perTier, 'itemName');
  const itemCol = hasColumn(perTier, 'item') ? strings(perTier, 'item') : null;
  const p = floats(perTier, 'meanProbability');
  const n = p.length;

  const tiers: string[] = [];
  const best = new Map<string, number>();
  const tierOf = new Array<string>(n);
  const itemOf = new Array<string>(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const t = tierCol[i] ?? '(no tier)';
    if (!tiers.includes(t)) tiers.push(t);
    const name = nameCol[i] ?? itemCol?.[i] ?? chartText('deliveryHeatmap.unnamed');
    tierOf[i] = t;
    itemOf[i] = clipLabel(name, maxLabel);
    const v = Number.isFinite(p[i]) ? p[i] : 0;
    best.set(itemOf[i], Math.max(best.get(itemOf[i]) ?? 0, v));
    if (v > max) max = v;
  }
  const items = [...best.keys()].sort((a, b) => best.get(b)! - best.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  // Background grid of every tier × item pair, so absent pairs read as "not delivered".
  const gx: string[] = [];
  const gy: string[] = [];
  const present = new Set<string>();
  for (let i = 0; i < n; i++) present.add(`${tierOf[i]}\u0000${itemOf[i]}`);
  for (const it of items) for (const t of tiers) if (!present.has(`${t}\u0000${it}`)) (gx.push(t), gy.push(it));
  const text = Array.from(p, (v) => formatPercent(v));
  const dark = Array.from(p, (v) => v > 0.55 * max);

  return Plot.plot({
    ...frame(opts, chart, {
      height: 90 + 28 * items.length,
      title: chartText('deliveryHeatmap.title'),
      subtitle: chartText('deliveryHeatmap.subtitle', { items: items.length, tiers: tiers.length }),
      ariaLabel: chartText('deliveryHeatmap.ariaLabel'),
      ariaDescription: chartText('deliveryHeatmap.ariaDescription', {
        items: joinSentences(
          tiers.map((t) => {
            let bi = -1;
            for (let i = 0; i < n; i++) if (tierOf[i] === t && (bi < 0 || p[i] > p[bi])) bi = i;
            return bi < 0 ? '' : chartText('deliveryHeatmap.ariaItem', { tier: chartLabel(t), item: itemOf[bi], p: formatPercent(p[bi]) });
          }),
        ),
      }),
    }),
    marginLeft: 230,
    marginRight: 16,
    marginTop: 28,
    marginBottom: 8,
    x: { domain: tiers, axis: 'top', label: null, tickSize: 0, padding: 0.04, ...labelTicks() },
    y: { domain: items, label: null, tickSize: 0, padding: 0.06 },
    color: { type: 'linear', domain: [0, max > 0 ? max : 1], scheme: SEQUENTIAL_SCHEME },
    marks: [
      Plot.cell({ length: gx.length }, { x: gx, y: gy, fill: GRID, fillOpacity: 0.35, className: 'absent' }),
      Plot.text({ length: gx.length }, { x: gx, y: gy, text: () => '–', fill: MUTED, className: 'absent-labels' }),
      Plot.cell({ length: n }, { x: tierOf, y: itemOf, fill: p, className: 'cells' }),
      ...(['dark', 'light'] as const).map((tone) =>
        Plot.text({ length: n }, {
          x: tierOf, y: itemOf, text,
          filter: dark.map((d) => d === (tone === 'light')),
          fill: tone === 'light' ? 'white' : INK,
          className: 'cell-labels',
        }),
      ),
    ],
  });
}
