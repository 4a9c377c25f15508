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
import { chartText, joinList } from './locale';

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

  const panels: { key: string; name: string; bins: Bins; log: boolean; label: string; aria: string }[] = [
    {
      key: 'recency',
      name: chartText('rfmDist.recency.name'),
      bins: binValues(floats(profile, 'recency'), { bins: opts.bins ?? 20 }),
      log: false,
      label: chartText('rfmDist.recency'),
      aria: chartText('rfmDist.recency.aria'),
    },
    {
      key: 'frequency',
      name: chartText('rfmDist.frequency.name'),
      bins: binValues(floats(profile, 'frequency'), { log: true }),
      log: true,
      label: chartText('rfmDist.frequency'),
      aria: chartText('rfmDist.frequency.aria'),
    },
    {
      key: 'monetary',
      name: chartText('rfmDist.monetary.name'),
      bins: binValues(floats(profile, 'monetary'), { log: true }),
      log: true,
      label: chartText('rfmDist.monetary', { currency }),
      aria: chartText('rfmDist.monetary.aria', { currency }),
    },
  ];

  const figure = document.createElement('figure');
  figure.className = 'tierbook-rfm-distribution';
  figure.setAttribute('role', 'group');
  figure.setAttribute('aria-label', chartText('rfmDist.ariaLabel'));
  figure.style.cssText = `margin: 0; max-width: ${width}px; font-family: ${FONT}; color: ${INK};`;
  const h2 = document.createElement('h2');
  h2.textContent = opts.title ?? chartText('rfmDist.title');
  const h3 = document.createElement('h3');
  h3.textContent = opts.subtitle ?? chartText('rfmDist.subtitle', { customers: formatCount(n) });
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
    if (panels[0].bins.dropped) parts.push(chartText('rfmDist.droppedRecency', { n: formatCount(panels[0].bins.dropped) }));
    if (droppedF) parts.push(chartText('rfmDist.droppedFrequency', { n: formatCount(droppedF) }));
    if (droppedM) parts.push(chartText('rfmDist.droppedMonetary', { n: formatCount(droppedM) }));
    caption.textContent = chartText('rfmDist.caption', { parts: joinList(parts) });
    figure.append(caption);
  }
  return figure;
}

function panel(
  p: { key: string; name: string; bins: Bins; log: boolean; label: string; aria: string },
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
    ariaLabel: chartText('rfmDist.panelAriaLabel', { measure: p.name }),
    ariaDescription: chartText('rfmDist.panelAriaDescription', { what: p.aria, customers: formatCount(total), bins: m }),
    style: { fontFamily: FONT, fontSize: '11px', color: INK, background: 'white', overflow: 'visible' },
    x: p.log
      ? { type: 'log', domain, label: p.label, ...X_LABEL, ticks: 3, tickFormat: formatCompact }
      : { domain, label: p.label, ...X_LABEL, ticks: 4, tickFormat: countTicks(domain[1]) },
    y: { label: chartText('rfmDist.y'), grid: true, nice: true, ticks: 4, tickFormat: countTicks(maxCount) },
    marks: [
      Plot.rect({ length: m }, { x1: x0, x2: x1, y1: 0, y2: count, fill: PRIMARY, inset: 0.5, className: `bins ${p.key}` } as Plot.RectOptions),
      Plot.ruleY([0]),
    ],
  });
}
