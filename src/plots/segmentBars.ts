/**
 * Customers per RFM segment, largest first.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { codes } from '../core/table';
import { MUTED, tierScale } from './palette';
import { countTicks, formatCount, formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText, joinClauses, labelTicks } from './locale';

/**
 * Horizontal bars of customers per `segment`, sorted by count (ties by name), each in the segment's
 * stable colour (`tierColor`) and labelled "1,234 (28.4%)". Customers without a segment are counted
 * as "(none)". Counting is one pass over the dictionary codes. Defaults: width 640, height 60 + 26 per segment.
 *
 * @example
 *   segmentBars(makeTable({ segment: ['Champions', 'Lost', 'Lost'] }), { document });
 */
export function segmentBars(scores: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'segmentBars';
  requireColumns(scores, ['segment'], chart);
  const { codes: c, dict } = codes(scores, 'segment');
  const counts = new Float64Array(dict.length + 1); // last slot: null
  for (let i = 0; i < c.length; i++) counts[c[i] < 0 ? dict.length : c[i]]++;
  const names = [...dict, '(none)'];
  const order = names.map((_, k) => k).filter((k) => counts[k] > 0);
  order.sort((a, b) => counts[b] - counts[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const segs = order.map((k) => names[k]);
  const values = Float64Array.from(order, (k) => counts[k]);
  const total = c.length;
  const text = Array.from(values, (v) => chartText('segmentBars.bar', { count: formatCount(v), share: formatPercent(total ? v / total : 0) }));
  const max = values.length ? values[0] : 1;

  return Plot.plot({
    ...frame(opts, chart, {
      height: 60 + 26 * segs.length,
      title: chartText('segmentBars.title'),
      subtitle: chartText('segmentBars.subtitle', { total: formatCount(total), segments: segs.length }),
      ariaLabel: chartText('segmentBars.ariaLabel'),
      ariaDescription: chartText('segmentBars.ariaDescription', {
        items: joinClauses(segs.map((s, i) => chartText('segmentBars.ariaItem', { segment: chartLabel(s), text: text[i] }))),
      }),
    }),
    marginLeft: 130,
    marginRight: 100,
    marginTop: 8,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, max], label: chartText('common.customers'), ...X_LABEL, tickFormat: countTicks(max), grid: true, nice: true },
    y: { domain: segs, label: null, tickSize: 0, padding: 0.2, ...labelTicks() },
    color: tierScale(segs),
    marks: [
      Plot.barX({ length: segs.length }, { x: values, y: segs, fill: segs, className: 'bars' }),
      Plot.text({ length: segs.length }, { x: values, y: segs, text, textAnchor: 'start', dx: 6, fill: MUTED, className: 'bar-labels' }),
      Plot.ruleX([0]),
    ],
  });
}
