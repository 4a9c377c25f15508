/**
 * Predicted vs actual holdout purchases by calibration frequency (Fader, Hardie & Lee 2005, Figure 4).
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { INK, PRIMARY } from './palette';
import { formatCount } from './format';
import { frame, MARGIN_BOTTOM, requireColumns, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartLabel, chartText } from './locale';

export interface ClvHoldoutOptions extends ChartOptions {
  /** Holdout length with its unit for the axis label (default "the holdout period"). */
  holdoutLabel?: string;
}

/**
 * Two lines over the calibration-frequency groups of `holdoutComparison` (columns frequency, customers,
 * actual, predicted): the mean number of purchases customers actually made in the holdout period (solid,
 * ink) and the BG/NBD conditional expectation (dashed, blue), each labelled at its last point. The
 * subtitle gives the totals over all customers. Defaults: width 640, height 320.
 *
 * @example
 *   clvHoldout(holdoutComparison(summary.table, bg.params, 39), { holdoutLabel: '39 weeks', document });
 */
export function clvHoldout(groups: Table, opts: ClvHoldoutOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'clvHoldout';
  requireColumns(groups, ['frequency', 'customers', 'actual', 'predicted'], chart);
  const label = strings(groups, 'frequency').map((s) => s ?? '');
  const customers = floats(groups, 'customers');
  const actual = floats(groups, 'actual');
  const predicted = floats(groups, 'predicted');
  const m = label.length;
  let n = 0;
  let sumA = 0;
  let sumP = 0;
  let max = 0;
  for (let i = 0; i < m; i++) {
    n += customers[i];
    sumA += customers[i] * actual[i];
    sumP += customers[i] * predicted[i];
    max = Math.max(max, actual[i], predicted[i]);
  }
  const span = opts.holdoutLabel !== undefined ? chartLabel(opts.holdoutLabel) : chartText('clvHoldout.span');
  const rows = (['actual', 'predicted'] as const).flatMap((series) =>
    label.map((x, i) => ({ x, y: series === 'actual' ? actual[i] : predicted[i], series })),
  );
  const ends = m
    ? [
        { x: label[m - 1], y: actual[m - 1], series: 'actual', text: chartText('clvHoldout.actual') },
        { x: label[m - 1], y: predicted[m - 1], series: 'predicted', text: chartText('clvHoldout.predicted') },
      ]
    : [];
  return Plot.plot({
    ...frame(opts, chart, {
      height: 320,
      title: chartText('clvHoldout.title'),
      subtitle: chartText('clvHoldout.subtitle', { customers: formatCount(n), actual: formatCount(sumA), predicted: formatCount(sumP), span }),
      ariaLabel: chartText('clvHoldout.ariaLabel'),
      ariaDescription: chartText('clvHoldout.ariaDescription', {
        groups: m,
        first: label[0] ?? '',
        last: label[m - 1] ?? '',
        span,
        actual: formatCount(sumA),
        predicted: formatCount(sumP),
      }),
    }),
    marginLeft: 56,
    marginRight: 64,
    marginBottom: MARGIN_BOTTOM,
    x: { type: 'point', domain: label, label: chartText('clvHoldout.x'), ...X_LABEL, padding: 0.3 },
    y: { domain: [0, max > 0 ? max * 1.08 : 1], nice: true, label: chartText('clvHoldout.y', { span }), ...Y_LABEL, grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line({ length: m }, { x: label, y: actual, stroke: INK, strokeWidth: 2, className: 'actual' }),
      Plot.line({ length: m }, { x: label, y: predicted, stroke: PRIMARY, strokeWidth: 2, strokeDasharray: '5,4', className: 'predicted' }),
      Plot.dot(rows, { x: 'x', y: 'y', fill: (d: { series: string }) => (d.series === 'actual' ? INK : PRIMARY), r: 3, className: 'points' }),
      Plot.text(ends, { x: 'x', y: 'y', text: 'text', dx: 8, textAnchor: 'start', fill: (d: { series: string }) => (d.series === 'actual' ? INK : PRIMARY), className: 'series-labels' }),
    ],
  });
}
