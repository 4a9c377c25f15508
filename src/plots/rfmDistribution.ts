/**
 * Distributions of recency, frequency and monetary value: three small histograms in one figure.
 */
import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { floats } from '../core/table';
import { INK, MUTED, PRIMARY } from './palette';
import { binValues, type Bins } from './bin';
import { countTicks, formatCompact, formatCount } from './format';
import { FONT, FONT_SIZE, MARGIN_BOTTOM, resolveDocument, requireColumns, WIDTH, X_LABEL, type ChartOptions } from './theme';

export interface RfmDistributionOptions extends ChartOptions {
  /** Currency symbol for the monetary axis (default "£", the shipped Online Retail data). */
  currency?: string;
  /** Approximate number of recency bins (default 20); frequency and monetary use 4 log bins per decade. */
  bins?: number;
}

/**
 * A `<figure>` holding a title, subtitle, three histograms side by side (each width/3) and a caption:
 * recency in days (linear bins), frequency in orders and monetary in currency (log-spaced bins, log x
 * axis; values ≤ 0 are left out and counted in the caption). Binning is a typed-array loop, so a
 * profile of any size draws about 60 rectangles. Defaults: width 640 (panels of 213 px), height 220.
 *
 * @example
 *   const profile = makeTable({ recency: Float64Array.of(3, 40, 200), frequency: Float64Array.of(1, 4, 20),
 *                               monetary: Float64Array.of(80, 900, 12000) });
 *   rfmDistribution(profile, { document });
 */
export function rfmDistribution(profile: Table, opts: RfmDistributionOptions = {}): HTMLElement {
  const chart = 'rfmDistribution';
  requireColumns(profile, ['recency', 'frequency', 'monetary'], chart);
  const document = resolveDocument(opts, chart);
  const currency = opts.currency ?? '£';
  const width = opts.width ?? WIDTH;
  const height = opts.height ?? 220;
  const n = profile.numRows;
  const panelWidth = Math.floor(width / 3);

  const panels: { key: string; bins: Bins; log: boolean; label: string; aria: string }[] = [
    {
      key: 'recency',
      bins: binValues(floats(profile, 'recency'), { bins: opts.bins ?? 20 }),
      log: false,
      label: 'Recency (days)',
      aria: 'days since the last order',
    },
    {
      key: 'frequency',
      bins: binValues(floats(profile, 'frequency'), { log: true }),
      log: true,
      label: 'Frequency (orders, log)',
      aria: 'number of orders, log scale',
    },
    {
      key: 'monetary',
      bins: binValues(floats(profile, 'monetary'), { log: true }),
      log: true,
      label: `Monetary (${currency}, log)`,
      aria: `total spend in ${currency}, log scale`,
    },
  ];

  const figure = document.createElement('figure');
  figure.className = 'tierbook-rfm-distribution';
  figure.setAttribute('role', 'group');
  figure.setAttribute('aria-label', 'Distributions of recency, frequency and monetary value');
  figure.style.cssText = `margin: 0; max-width: ${width}px; font-family: ${FONT}; color: ${INK};`;
  const h2 = document.createElement('h2');
  h2.textContent = opts.title ?? 'Recency, frequency and monetary value';
  const h3 = document.createElement('h3');
  h3.textContent = opts.subtitle ?? `${formatCount(n)} customers, one histogram per measure`;
  const row = document.createElement('div');
  row.style.cssText = 'display: flex; flex-wrap: wrap;';
  for (const p of panels) row.append(panel(p, panelWidth, height, document));
  figure.append(h2, h3, row);

  const droppedF = panels[1].bins.dropped;
  const droppedM = panels[2].bins.dropped;
  if (droppedF + droppedM + panels[0].bins.dropped > 0) {
    const caption = document.createElement('figcaption');
    caption.style.cssText = `color: ${MUTED}; font-size: ${FONT_SIZE}px;`;
    const parts: string[] = [];
    if (panels[0].bins.dropped) parts.push(`${formatCount(panels[0].bins.dropped)} without a recency`);
    if (droppedF) parts.push(`${formatCount(droppedF)} with no positive frequency`);
    if (droppedM) parts.push(`${formatCount(droppedM)} with spend ≤ 0`);
    caption.textContent = `Left out of the histograms: ${parts.join(', ')}.`;
    figure.append(caption);
  }
  return figure;
}

function panel(
  p: { key: string; bins: Bins; log: boolean; label: string; aria: string },
  width: number,
  height: number,
  document: Document,
): SVGSVGElement | HTMLElement {
  const { x0, x1, count } = p.bins;
  const m = x0.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += count[i];
  const domain = m ? [x0[0], x1[m - 1]] : p.log ? [1, 10] : [0, 1];
  let maxCount = 0;
  for (let i = 0; i < m; i++) if (count[i] > maxCount) maxCount = count[i];
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 44,
    marginRight: 14,
    marginTop: 22,
    marginBottom: MARGIN_BOTTOM,
    ariaLabel: `Histogram of ${p.key}`,
    ariaDescription: `Histogram of ${p.aria}: ${formatCount(total)} customers in ${m} bins.`,
    style: { fontFamily: FONT, fontSize: '11px', color: INK, background: 'white', overflow: 'visible' },
    x: p.log
      ? { type: 'log', domain, label: p.label, ...X_LABEL, ticks: 3, tickFormat: formatCompact }
      : { domain, label: p.label, ...X_LABEL, ticks: 4, tickFormat: countTicks(domain[1]) },
    y: { label: '↑ Customers', grid: true, nice: true, ticks: 4, tickFormat: countTicks(maxCount) },
    marks: [
      Plot.rect({ length: m }, { x1: x0, x2: x1, y1: 0, y2: count, fill: PRIMARY, inset: 0.5, className: `bins ${p.key}` } as Plot.RectOptions),
      Plot.ruleY([0]),
    ],
  });
}
