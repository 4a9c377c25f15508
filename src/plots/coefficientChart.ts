/**
 * Logistic-regression coefficients per standard deviation, as diverging bars with their odds ratios.
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, INK, PRIMARY } from './palette';
import { clipLabel } from './format';
import { frame, X_LABEL, type ChartOptions } from './theme';
import { chartText, joinClauses } from './locale';

export interface CoefficientChartOptions extends ChartOptions {
  /** Show the `top` features with the largest |weight| (default 20). */
  top?: number;
}

/**
 * One horizontal bar per feature: its weight (log-odds per standard deviation; blue raises, red lowers the
 * purchase odds), sorted by |weight|, each labelled with its odds ratio "×1.84". Input: rows of
 * `coefficients(model, names)` ({feature, weight, oddsRatio}). Defaults: width 640, height 24 px per bar + 80.
 *
 * @example
 *   coefficientChart(coefficients(model, names), { top: 15, document });
 */
export function coefficientChart(
  rows: readonly { feature: string; weight: number; oddsRatio: number }[],
  opts: CoefficientChartOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'coefficientChart';
  const top = opts.top ?? 20;
  if (rows.length === 0) throw new Error(`${chart}: no coefficients to draw`);
  const shown = [...rows].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1)).slice(0, top);
  const names = shown.map((r) => clipLabel(r.feature, 30));
  return Plot.plot({
    ...frame(opts, chart, {
      height: 24 * shown.length + 80,
      title: chartText('coefficientChart.title'),
      subtitle: chartText('coefficientChart.subtitle', { shown: shown.length, total: rows.length }),
      ariaLabel: chartText('coefficientChart.ariaLabel'),
      ariaDescription: chartText('coefficientChart.ariaDescription', {
        shown: shown.length,
        items: joinClauses(shown.map((r) => chartText('coefficientChart.ariaItem', { feature: r.feature, weight: r.weight.toFixed(2), odds: r.oddsRatio.toFixed(2) }))),
      }),
    }),
    marginLeft: 200,
    marginRight: 60,
    marginBottom: 40,
    // insets leave room for the odds-ratio labels beyond the longest bars
    x: { label: chartText('coefficientChart.x'), ...X_LABEL, grid: true, nice: true, insetLeft: 44, insetRight: 44 },
    y: { domain: names, label: null, tickSize: 0 },
    marks: [
      Plot.barX({ length: shown.length }, {
        x: shown.map((r) => r.weight), y: names, fill: shown.map((r) => (r.weight >= 0 ? PRIMARY : ACCENT)), className: 'bars',
      } as Plot.BarXOptions),
      Plot.ruleX([0], { stroke: INK }),
      // odds-ratio labels outside each bar's end: right of rising bars, left of falling ones
      ...[1, -1].map((sign) =>
        Plot.text({ length: shown.length }, {
          x: shown.map((r) => r.weight), y: names, text: shown.map((r) => `×${r.oddsRatio.toFixed(2)}`),
          filter: shown.map((r) => (r.weight >= 0) === (sign > 0)),
          textAnchor: sign > 0 ? 'start' : 'end', dx: 4 * sign, fill: INK, className: 'odds',
        }),
      ),
    ],
  });
}
