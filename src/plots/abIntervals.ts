/**
 * A/B test result: each variant's conversion rate with its Wilson 95% interval, one row per metric.
 */
import * as Plot from '@observablehq/plot';
import { wilsonInterval } from '../core/campaign/abtest';
import { INK, MUTED, PRIMARY, ACCENT } from './palette';
import { formatPercent } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, type ChartOptions } from './theme';
import { chartText, joinSentences } from './locale';

/** One metric as `abTest` returns it (only these fields are read). */
export interface AbRow {
  metric: string;
  a: string;
  b: string;
  n_a: number;
  conv_a: number;
  n_b: number;
  conv_b: number;
  p_value: number;
}

/**
 * Dots at each variant's rate with a Wilson 95% interval as a horizontal rule, faceted by metric
 * (variant a grey-blue, b accent), labelled "44.8%"; the facet label carries the p-value.
 * Defaults: width 640, height 60 + 70 per metric.
 * @example abIntervals(abTest(cookieCats, 'version', ['retention_1', 'retention_7']), { document })
 */
export function abIntervals(rows: AbRow[], opts: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const data = rows.flatMap((r) => {
    const facet = chartText('abIntervals.facet', { metric: r.metric, p: r.p_value < 0.001 ? r.p_value.toExponential(1) : r.p_value.toFixed(3) });
    return [
      { facet, variant: r.a, rate: r.conv_a / r.n_a, ...wilsonInterval(r.conv_a, r.n_a) },
      { facet, variant: r.b, rate: r.conv_b / r.n_b, ...wilsonInterval(r.conv_b, r.n_b) },
    ];
  });
  const variants = [...new Set(data.map((d) => d.variant))];
  return Plot.plot({
    ...frame(opts, 'abIntervals', {
      height: 60 + 70 * rows.length,
      title: chartText('abIntervals.title'),
      subtitle: chartText('abIntervals.subtitle'),
      ariaLabel: chartText('abIntervals.ariaLabel'),
      ariaDescription: joinSentences(
        data.map((d) => chartText('abIntervals.ariaItem', { facet: d.facet, variant: d.variant, rate: formatPercent(d.rate), low: formatPercent(d.low), high: formatPercent(d.high) })),
      ),
    }),
    marginLeft: 90,
    marginRight: 190,
    marginBottom: MARGIN_BOTTOM,
    x: { label: chartText('abIntervals.x'), ...X_LABEL, tickFormat: '.1%', grid: true, nice: true },
    y: { domain: variants, label: null },
    fy: { label: null, padding: 0.2, axis: 'right' },
    color: { domain: variants, range: [PRIMARY, ACCENT] },
    marks: [
      Plot.ruleY(data, { fy: 'facet', y: 'variant', x1: 'low', x2: 'high', stroke: 'variant', strokeWidth: 2, className: 'interval' }),
      Plot.dot(data, { fy: 'facet', y: 'variant', x: 'rate', fill: 'variant', r: 4, className: 'rate' }),
      Plot.text(data, { fy: 'facet', y: 'variant', x: 'high', text: (d: { rate: number }) => formatPercent(d.rate), textAnchor: 'start', dx: 6, fill: MUTED }),
      Plot.frame({ stroke: INK, strokeOpacity: 0.1 }),
    ],
  });
}
