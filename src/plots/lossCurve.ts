/**
 * Training loss by iteration.
 */
import * as Plot from '@observablehq/plot';
import { MUTED, PRIMARY } from './palette';
import { countTicks, formatCount } from './format';
import { frame, MARGIN_BOTTOM, X_LABEL, Y_LABEL, type ChartOptions } from './theme';
import { chartText } from './locale';
import { copyOf, patchesBack, Redraws, scaleOf } from './redraw';

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
 * While a run streams, the axes stay the same from one update to the next: the curve copies the
 * drawing it kept and sets the line, the latest point and the texts (markup identical to a fresh
 * drawing, tested), so a live update costs a fraction of a Plot render.
 *
 * @example
 *   lossCurve([{ iteration: 0, loss: 0.69 }, { iteration: 500, loss: 0.45 }], { iterations: 1000, document });
 */
export function lossCurve(
  losses: readonly { iteration: number; loss: number }[],
  opts: LossCurveOptions = {},
): SVGSVGElement | HTMLElement {
  const points = readPoints(losses);
  const xEnd = opts.iterations ?? Math.max(1, points.lastIt);
  const lossLabel = opts.lossLabel ?? chartText('loss.label');
  const key = drawingKey(points, xEnd, lossLabel, opts);
  const kept = key ? redraws.find(keptIn(opts), key, opts.document) : undefined;
  if (kept) {
    const fig = copyOf(kept);
    placePoints(fig, kept.extra, points);
    return fig as SVGSVGElement | HTMLElement;
  }
  const fig = drawCurve(points, xEnd, lossLabel, opts);
  if (key) keepDrawing(fig, key, points, xEnd, lossLabel, opts);
  return fig;
}

interface Points {
  n: number;
  it: Float64Array;
  loss: Float64Array;
  maxLoss: number;
  lastIt: number;
  /** Every iteration and loss is a finite number (else the line has gaps: always drawn anew). */
  finite: boolean;
}

function readPoints(losses: readonly { iteration: number; loss: number }[]): Points {
  const n = losses.length;
  const it = new Float64Array(n);
  const loss = new Float64Array(n);
  let maxLoss = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    it[i] = losses[i].iteration;
    loss[i] = losses[i].loss;
    if (loss[i] > maxLoss) maxLoss = loss[i];
    if (!Number.isFinite(it[i]) || !Number.isFinite(loss[i])) finite = false;
  }
  return { n, it, loss, maxLoss, lastIt: n ? it[n - 1] : 0, finite };
}

/** The subtitle, the latest point's label and the description: the texts that follow the points. */
function curveTexts(p: Points, xEnd: number, lossLabel: string) {
  const { n, it, loss } = p;
  const last = n ? { iteration: it[n - 1], loss: loss[n - 1] } : null;
  const lastText = last ? chartText('loss.last', { loss: last.loss.toFixed(3), iteration: formatCount(last.iteration) }) : '';
  return {
    last,
    lastText,
    subtitle: last
      ? chartText('loss.subtitle', { label: lossLabel, first: loss[0].toFixed(3), iteration: formatCount(it[0]), last: lastText })
      : chartText('loss.subtitleEmpty'),
    ariaDescription: last
      ? chartText('loss.ariaDescription', {
          label: lossLabel.toLowerCase(),
          recorded: formatCount(n),
          iterations: formatCount(xEnd),
          first: loss[0].toFixed(3),
          last: last.loss.toFixed(3),
        })
      : chartText('loss.ariaEmpty', { iterations: formatCount(xEnd) }),
  };
}

/** The label of the latest point sits left of it in the last quarter of the x axis. */
const isNearRight = (p: Points, xEnd: number) => (p.n ? p.lastIt > 0.75 * xEnd : false);

function drawCurve(p: Points, xEnd: number, lossLabel: string, opts: LossCurveOptions): SVGSVGElement | HTMLElement {
  const { n, it, loss, maxLoss } = p;
  const { last, lastText, subtitle, ariaDescription } = curveTexts(p, xEnd, lossLabel);
  const nearRight = isNearRight(p, xEnd);

  return Plot.plot({
    ...frame(opts, 'lossCurve', {
      height: 280,
      title: chartText('loss.title'),
      subtitle,
      ariaLabel: chartText('loss.ariaLabel'),
      ariaDescription,
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

// ------------------------------------------------------------- live updates (see `redraw.ts`)

interface Axes {
  x: (v: number) => number;
  y: (v: number) => number;
  xEnd: number;
  lossLabel: string;
}

/** A streaming curve's points are a new array each time: its drawings are kept per document instead. */
const redraws = new Redraws<Axes>(4);
const NO_DOCUMENT = {};
const keptIn = (opts: LossCurveOptions): object => opts.document ?? globalThis.document ?? NO_DOCUMENT;

/**
 * What the drawing depends on besides the points: the options, the x end and the largest loss (the
 * axes), the label's side, and the chart texts in the current language. Null when a drawing of these
 * points cannot be patched (fewer than two points, or a gap).
 */
function drawingKey(p: Points, xEnd: number, lossLabel: string, opts: LossCurveOptions): string | null {
  if (p.n < 2 || !p.finite) return null;
  const { document: _doc, ...rest } = opts;
  return JSON.stringify([rest, xEnd, p.maxLoss, lossLabel, isNearRight(p, xEnd), chartText('loss.title'), chartText('loss.x'), chartText('loss.ariaLabel'), formatCount(1234.5)]);
}

function keepDrawing(fig: Element, key: string, p: Points, xEnd: number, lossLabel: string, opts: LossCurveOptions): void {
  const x = scaleOf(fig, 'x');
  const y = scaleOf(fig, 'y');
  if (!x || !y) return;
  const axes: Axes = { x, y, xEnd, lossLabel };
  // Only a drawing that patching with its own points gives back exactly (else: always drawn anew).
  if (patchesBack(fig, (copy) => placePoints(copy, axes, p))) redraws.keep(keptIn(opts), key, fig, opts.document, axes);
}

/** d3-path's rounding of path coordinates (3 decimals), as Plot's line writes them. */
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Set the line, the latest point, its label and the texts of a drawing with the same axes to `p`. */
function placePoints(fig: Element, a: Axes, p: Points): void {
  const { n, it, loss } = p;
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = `${round3(a.x(it[i]))},${round3(a.y(loss[i]))}`;
  fig.querySelector('g.loss path')!.setAttribute('d', `M${parts.join('L')}`);
  const { subtitle, ariaDescription, lastText } = curveTexts(p, a.xEnd, a.lossLabel);
  const cx = `${a.x(it[n - 1])}`;
  const cy = `${a.y(loss[n - 1])}`;
  const dot = fig.querySelector('g.last circle')!;
  dot.setAttribute('cx', cx);
  dot.setAttribute('cy', cy);
  const label = fig.querySelector('g.last-label text')!;
  label.setAttribute('transform', `translate(${cx},${cy})`);
  label.textContent = lastText;
  fig.querySelector('h3')!.textContent = subtitle;
  fig.querySelector('svg')!.setAttribute('aria-description', ariaDescription);
}
