/**
 * Recommenders side by side on the same holdout: one panel per top-N metric, one bar per model.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats, strings } from '../core/table';
import { CATEGORICAL, INK } from './palette';
import { frame, requireColumns, type ChartOptions } from './theme';
import { chartLabel, chartText, joinClauses, joinParts, labelTicks } from './locale';

/**
 * Horizontal bars from a long table (model, metric, value) as `comparisonTable` gives: one row of panels
 * per metric (in first-seen order), one bar per model (same colour for the same model in every panel,
 * in first-seen order), the value printed at the bar's end (3 decimals). The x axis is shared, from 0 to
 * the largest value. Defaults: width 640, height 70 + 22 px per model per metric.
 *
 * @example
 *   recommenderComparison(makeTable({ model: ['ALS', 'Popularity'], metric: ['NDCG@10', 'NDCG@10'],
 *                                     value: Float64Array.of(0.19, 0.05) }), { document });
 */
export function recommenderComparison(table: Table, opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const chart = 'recommenderComparison';
  requireColumns(table, ['model', 'metric', 'value'], chart);
  const model = strings(table, 'model').map((s) => s ?? '');
  const metric = strings(table, 'metric').map((s) => s ?? '');
  const value = floats(table, 'value');
  const models = [...new Set(model)];
  const metrics = [...new Set(metric)];
  let top = 0;
  for (let i = 0; i < value.length; i++) if (value[i] > top) top = value[i];
  const na = chartText('recCompare.na');
  const labels = Array.from(value, (v) => (Number.isFinite(v) ? v.toFixed(3) : na));
  const n = value.length;
  return Plot.plot({
    ...frame(opts, chart, {
      height: 70 + 22 * Math.max(1, models.length) * Math.max(1, metrics.length),
      title: chartText('recCompare.title'),
      subtitle: chartText(models.length === 1 ? 'recCompare.subtitle.one' : 'recCompare.subtitle.other', { models: models.length, metrics: metrics.length }),
      ariaLabel: chartText('recCompare.ariaLabel'),
      ariaDescription: chartText('recCompare.ariaDescription', {
        items: joinParts(
          metrics.map((m) =>
            chartText('recCompare.ariaMetric', {
              metric: m,
              items: joinClauses(models.map((md) => `${chartLabel(md)} ${labels[metric.findIndex((x, i) => x === m && model[i] === md)] ?? na}`)),
            }),
          ),
        ),
      }),
    }),
    marginLeft: 130,
    marginRight: 56,
    marginTop: 24,
    x: { domain: [0, top > 0 ? top * 1.05 : 1], label: null, grid: true, axis: 'top', tickFormat: (d: number) => d.toFixed(2) },
    y: { domain: models, label: null, axis: null },
    fy: { domain: metrics, label: null, padding: 0.15 },
    color: { domain: models, range: models.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]), legend: true, ...labelTicks() },
    marks: [
      Plot.barX({ length: n }, { x: value, y: model, fy: metric, fill: model, className: 'bars' }),
      Plot.text({ length: n }, { x: value, y: model, fy: metric, text: labels, textAnchor: 'start', dx: 4, fill: INK, className: 'values' }),
      Plot.ruleX([0]),
    ],
  });
}
