/**
 * Fairness audit: selection rate per group, with the four-fifths line.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { ACCENT, MUTED, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, type ChartOptions } from './theme';
import { chartText, joinSentences } from './locale';

/**
 * Bars of the selection rate per group (accent when its impact ratio is below 4/5), with a dashed rule
 * at 4/5 of the highest rate. Input: `fairnessAudit(...).groups` (group, n, selectionRate, impactRatio).
 * Defaults: width 640, height 70 + 26 per group.
 * @example selectionRates(fairnessAudit(audience, 'country', 'selected').groups, { document })
 */
export function selectionRates(groups: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  requireColumns(groups, ['group', 'n', 'selectionRate', 'impactRatio'], 'selectionRates');
  const g = strings(groups, 'group').map((x) => x ?? '');
  const n = floats(groups, 'n');
  const rate = floats(groups, 'selectionRate');
  const ratio = floats(groups, 'impactRatio');
  const data = g.map((x, i) => ({ group: x, n: n[i], rate: rate[i], low: ratio[i] < 0.8 ? 'below 4/5' : 'ok' }));
  const max = Math.max(...rate);
  return Plot.plot({
    ...frame(opts, 'selectionRates', {
      height: 70 + 26 * g.length,
      title: chartText('selection.title'),
      subtitle: chartText('selection.subtitle', { rate: formatPercent(0.8 * max) }),
      ariaLabel: chartText('selection.ariaLabel'),
      ariaDescription: joinSentences(
        data.map((d) => chartText('selection.ariaItem', { group: d.group, rate: formatPercent(d.rate), n: d.n, status: chartText(d.low === 'ok' ? 'selection.ok' : 'selection.below') })),
      ),
    }),
    marginLeft: 130,
    marginRight: 60,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('selection.x'), ...X_LABEL, tickFormat: '.0%', grid: true, zero: true },
    y: { domain: g, label: null },
    color: { domain: ['ok', 'below 4/5'], range: [PRIMARY, ACCENT] },
    marks: [
      Plot.barX(data, { y: 'group', x: 'rate', fill: 'low', className: 'rate' }),
      Plot.ruleX([0.8 * max], { stroke: ACCENT, strokeDasharray: '4,3', className: 'four-fifths' }),
      Plot.text(data, { y: 'group', x: 'rate', text: (d: { rate: number }) => formatPercent(d.rate), textAnchor: 'start', dx: 4, fill: MUTED }),
      Plot.ruleX([0]),
    ],
  });
}
