/**
 * Training loss by iteration.
 */
import * as Plot from '@observablehq/plot';
import { MUTED, PRIMARY } from './palette';
import { countTicks, formatCount } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';

export interface LossCurveOptions extends ChartOptions {
  /** End of the x domain, so a streaming curve does not rescale (default: the last iteration given, at least 1). */
  iterations?: number;
  /** Name of the loss for the y label (default "Log loss"). */
  lossLabel?: string;
}

/**
 * Line of `loss` against `iteration`, with the latest point marked and labelled ("0.412 at 1,000").
 * Works while training streams points in: pass the planned `iterations` and the axes stay put. An empty
 * array draws the axes and "waiting for the first iteration". Defaults: width 640, height 280, y from 0.
 *
 * @example
 *   lossCurve([{ iteration: 0, loss: 0.69 }, { iteration: 500, loss: 0.45 }], { iterations: 1000, document });
 */
export function lossCurve(
  losses: readonly { iteration: number; loss: number }[],
  opts: LossCurveOptions = {},
): SVGSVGElement | HTMLElement {
  const chart = 'lossCurve';
  const n = losses.length;
  const it = new Float64Array(n);
  const loss = new Float64Array(n);
  let maxLoss = 0;
  for (let i = 0; i < n; i++) {
    it[i] = losses[i].iteration;
    loss[i] = losses[i].loss;
    if (loss[i] > maxLoss) maxLoss = loss[i];
  }
  const lastIt = n ? it[n - 1] : 0;
  const xEnd = opts.iterations ?? Math.max(1, lastIt);
  const lossLabel = opts.lossLabel ?? chartText('loss.label');
  const last = n ? { iteration: it[n - 1], loss: loss[n - 1] } : null;
  const lastText = last ? chartText('loss.last', { loss: last.loss.toFixed(3), iteration: formatCount(last.iteration) }) : '';
  const nearRight = last ? last.iteration > 0.75 * xEnd : false;

  return Plot.plot({
    ...frame(opts, chart, {
      height: 280,
      title: chartText('loss.title'),
      subtitle: last
        ? chartText('loss.subtitle', { label: lossLabel, first: loss[0].toFixed(3), iteration: formatCount(it[0]), last: lastText })
        : chartText('loss.subtitleEmpty'),
      ariaLabel: chartText('loss.ariaLabel'),
      ariaDescription: last
        ? chartText('loss.ariaDescription', {
            label: lossLabel.toLowerCase(),
            recorded: formatCount(n),
            iterations: formatCount(xEnd),
            first: loss[0].toFixed(3),
            last: last.loss.toFixed(3),
          })
        : chartText('loss.ariaEmpty', { iterations: formatCount(xEnd) }),
    }),
    marginLeft: 56,
    marginRight: 24,
    marginBottom: MARGIN_BOTTOM,
    x: { domain: [0, xEnd], label: chartText('loss.x'), ...X_LABEL, tickFormat: countTicks(xEnd) },
    y: { domain: [0, maxLoss > 0 ? maxLoss * 1.05 : 1], nice: true, label: lossLabel, ...Y_LABEL, grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line({ length: n }, { x: it, y: loss, stroke: PRIMARY, strokeWidth: 2, className: 'loss' }),
      ...(last
        ? [
            Plot.dot([last], { x: 'iteration', y: 'loss', fill: PRIMARY, r: 3.5, className: 'last' }),
            Plot.text([last], {
              x: 'iteration', y: 'loss', text: () => lastText, dy: -10,
              textAnchor: nearRight ? 'end' : 'start', fill: MUTED, className: 'last-label',
            }),
          ]
        : [Plot.text([chartText('loss.empty')], { frameAnchor: 'middle', fill: MUTED, className: 'empty' })]),
    ],
  });
}
