/**
 * Rows left after each cleaning step, as a horizontal waterfall.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { ACCENT, GRID, INK, MUTED, PRIMARY } from './palette';
import { clipLabel, countTicks, formatCount, formatPercent } from './format';
import { frame, hasColumn, MARGIN_BOTTOM, requireColumns, X_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinSentences } from './locale';

export interface WaterfallOptions extends ChartOptions {
  /** What a row is, for labels (default "rows"). */
  unit?: string;
  /** Label of the final total bar (default "Clean data"). */
  totalLabel?: string;
}

/**
 * Waterfall of a cleaning pipeline, one band per step from top to bottom: a solid bar for the rows
 * loaded, a floating red bar per step spanning the rows it removed (labelled "−8,905"), thin grey
 * connectors at the rows left after each step, and a final solid bar with the rows kept. The first
 * table row is the starting total when its `removed` is 0 (core `clean()` writes a `loaded` row);
 * otherwise a "Loaded" bar of `rows[0] + removed[0]` is added. Defaults: width 640, height
 * 64 + 30 per bar.
 *
 * @example
 *   const steps = makeTable({ step: ['loaded', 'cancelled'], label: ['Loaded', 'Cancelled orders'],
 *                             removed: Float64Array.of(0, 9288), rows: Float64Array.of(541909, 532621) });
 *   waterfall(steps, { document });
 */
export function waterfall(steps: Table, opts: WaterfallOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'waterfall';
  requireColumns(steps, ['step', 'label', 'removed', 'rows'], chart);
  const unit = opts.unit !== undefined ? chartLabel(opts.unit) : chartText('waterfall.unit');
  const labels = strings(steps, 'label');
  const keys = strings(steps, 'step');
  const removed = floats(steps, 'removed');
  const rows = floats(steps, 'rows');
  const n = rows.length;
  // Customers left after each step, when the steps table has them (core `clean()` writes them).
  const customers = hasColumn(steps, 'customers') ? floats(steps, 'customers') : null;
  const withCustomers = (text: string, i: number) => (customers ? chartText('waterfall.withCustomers', { text, customers: formatCount(customers[i]) }) : text);
  if (n === 0) throw new Error(`${chart}: the steps table is empty`);

  const startsWithTotal = removed[0] === 0;
  const start = rows[0] + removed[0];
  const first = startsWithTotal ? 1 : 0;
  // Step names as shown (the table keeps its own labels; `chartLabel` translates the known ones).
  const loaded = chartText('waterfall.loaded');
  const names: string[] = [clipLabel(startsWithTotal ? (labels[0] !== null ? chartLabel(labels[0]) : (keys[0] ?? loaded)) : loaded, 26)];
  // Falling bars: from rows left to rows before the step.
  const m = n - first;
  const fy = new Array<string>(m);
  const fx1 = new Float64Array(m);
  const fx2 = new Float64Array(m);
  const ftext = new Array<string>(m);
  for (let i = first, k = 0; i < n; i++, k++) {
    let name = clipLabel(labels[i] !== null ? chartLabel(labels[i]!) : (keys[i] ?? chartText('waterfall.step', { index: i })), 26);
    while (names.includes(name)) name += ' ';
    names.push(name);
    fy[k] = name;
    fx1[k] = rows[i];
    fx2[k] = rows[i] + removed[i];
    ftext[k] = withCustomers(removed[i] > 0 ? chartText('waterfall.removed', { removed: formatCount(removed[i]) }) : chartText('waterfall.noneRemoved'), i);
  }
  const totalLabel = opts.totalLabel ?? chartText('waterfall.clean');
  names.push(totalLabel);
  const end = rows[n - 1];
  // Connectors: a vertical rule at the level after each bar, from that band to the next.
  const levels = [start, ...Array.from(rows.subarray(first))];
  const cy1 = names.slice(0, -1);
  const cy2 = names.slice(1);

  const kept = start > 0 ? end / start : 0;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 64 + 30 * names.length,
      title: chartText(customers ? 'waterfall.titleCustomers' : 'waterfall.title'),
      subtitle:
        chartText('waterfall.subtitle', { start: formatCount(start), unit, end: formatCount(end), kept: formatPercent(kept) }) +
        (customers ? chartText('waterfall.subtitleCustomers', { first: formatCount(customers[0]), last: formatCount(customers[n - 1]) }) : ''),
      ariaLabel: chartText('waterfall.ariaLabel'),
      ariaDescription: chartText('waterfall.ariaDescription', {
        start: formatCount(start),
        unit,
        end: formatCount(end),
        items: joinSentences(fy.map((s, k) => chartText('waterfall.ariaItem', { step: s.trim(), removed: formatCount(fx2[k] - fx1[k]), left: formatCount(fx1[k]) }))),
      }),
    }),
    marginLeft: 170,
    marginRight: customers ? 200 : 90,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, start], label: `${unit[0].toUpperCase()}${unit.slice(1)}`, ...X_LABEL, tickFormat: countTicks(start), grid: true, nice: true },
    y: { domain: names, label: null, padding: 0.3, tickSize: 0 },
    marks: [
      Plot.barX([start, end], { x: (d: number) => d, y: [names[0], totalLabel], fill: PRIMARY, className: 'totals' }),
      Plot.text([start, end], {
        x: (d: number) => d, y: [names[0], totalLabel], text: (d: number, i: number) => withCustomers(formatCount(d), i === 0 ? 0 : n - 1), textAnchor: 'start', dx: 6,
        fill: INK, fontWeight: 600, className: 'total-labels',
      }),
      Plot.ruleX({ length: names.length - 1 }, {
        x: levels, y1: cy1, y2: cy2, stroke: GRID, strokeDasharray: '3,2', className: 'connectors',
      } as Plot.RuleXOptions),
      Plot.barX({ length: m }, { x1: fx1, x2: fx2, y: fy, fill: ACCENT, className: 'falls' }),
      Plot.text({ length: m }, {
        x: fx2, y: fy, text: ftext, textAnchor: 'start', dx: 6, fill: MUTED, className: 'fall-labels',
      }),
      Plot.ruleX([0]),
    ],
  });
}
