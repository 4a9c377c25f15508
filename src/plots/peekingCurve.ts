/**
 * False-positive rate of an A/A test against the number of looks, with the nominal α.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { ACCENT, MUTED, PRIMARY } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText, joinSentences } from './locale';

/**
 * Dots and a line of the false-positive rate per number of looks (log x axis), a dashed rule at the
 * nominal α. Input: `peekingSimulation()` (looks, falsePositiveRate, nominal). Defaults: width 640, height 320.
 * @example peekingCurve(peekingSimulation(), { document })
 */
export function peekingCurve(table: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  requireColumns(table, ['looks', 'falsePositiveRate', 'nominal'], 'peekingCurve');
  const looks = floats(table, 'looks');
  const fpr = floats(table, 'falsePositiveRate');
  const alpha = floats(table, 'nominal')[0];
  const data = Array.from(looks, (k, i) => ({ looks: k, fpr: fpr[i] }));
  return Plot.plot({
    ...frame(opts, 'peekingCurve', {
      height: 320,
      title: chartText('peeking.title'),
      subtitle: chartText('peeking.subtitle', { alpha, nominal: formatPercent(alpha, 0) }),
      ariaLabel: chartText('peeking.ariaLabel'),
      ariaDescription: joinSentences(data.map((d) => chartText('peeking.ariaItem', { looks: d.looks, rate: formatPercent(d.fpr) }))),
    }),
    marginLeft: 74,
    marginBottom: MARGIN_BOTTOM,
    x: { type: 'log', label: chartText('peeking.x'), ...X_LABEL, grid: true },
    y: { label: chartText('peeking.y'), ...Y_LABEL, labelOffset: 58, tickFormat: '.0%', grid: true, zero: true },
    marks: [
      Plot.ruleY([alpha], { stroke: ACCENT, strokeDasharray: '4,3', className: 'nominal' }),
      Plot.line(data, { x: 'looks', y: 'fpr', stroke: PRIMARY, strokeWidth: 2 }),
      Plot.dot(data, { x: 'looks', y: 'fpr', fill: PRIMARY, r: 3.5, className: 'fpr' }),
      Plot.text(data, { x: 'looks', y: 'fpr', text: (d: { fpr: number }) => formatPercent(d.fpr), dy: -10, fill: MUTED }),
      Plot.ruleY([0]),
    ],
  });
}
