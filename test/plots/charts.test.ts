import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTable } from '../../src/core/table';
import { probabilityHistogram } from '../../src/plots/histogram';
import { tierShares } from '../../src/plots/tierShares';
import { waterfall } from '../../src/plots/waterfall';
import { lossCurve } from '../../src/plots/lossCurve';
import { confusionMatrix } from '../../src/plots/confusionMatrix';
import { rfmDistribution } from '../../src/plots/rfmDistribution';
import { rfmHeatmap } from '../../src/plots/rfmHeatmap';
import { deliveryHeatmap } from '../../src/plots/deliveryHeatmap';
import { segmentBars } from '../../src/plots/segmentBars';
import { recommendationScores } from '../../src/plots/recommendationScores';
import { CLASS_COLORS, tierColor } from '../../src/plots/palette';
import * as F from './figures';
import { markGroup, newDocument, serialize } from './harness';

type Scaled = Element & { scale(name: string): { apply(v: unknown): number; domain: unknown[]; bandwidth?: number } };
/** The element carrying Plot's `scale()`: the figure when Plot wrapped the svg in one, else the svg. */
const svgOf = (el: Element): Scaled =>
  (typeof (el as Partial<Scaled>).scale === 'function' ? el : el.querySelector('svg')!) as Scaled;
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
/** Plot's `scale` method of a figure: the same function on every copy of one drawing. */
const scaleFn = (el: Element) => (el as unknown as { scale: unknown }).scale;
const texts = (root: Element, cls: string) => Array.from(root.querySelectorAll(`.${cls} text`), (t) => t.textContent);
const reference = JSON.parse(readFileSync(new URL('../golden/plots/numpy_reference.json', import.meta.url), 'utf8'));

describe('probabilityHistogram(bins, {threshold})', () => {
  it('draws one bar per bin row and the threshold rule at x(threshold)', () => {
    const bins = F.histogramBins(20);
    const fig = probabilityHistogram(bins, { threshold: 0.35, document: newDocument() });
    const svg = svgOf(fig);
    expect(markGroup(fig, 'bins').querySelectorAll('rect').length).toBe(bins.numRows); // 40 = 20 bins × 2 classes
    const line = markGroup(fig, 'threshold').querySelector('line')!;
    const x = svg.scale('x').apply(0.35);
    // margins 56 / 16 of 640: 56 + 0.35 × 568
    expect(x).toBeCloseTo(56 + 0.35 * 568, 6);
    expect(num(line, 'x1')).toBeCloseTo(x, 6);
    expect(num(line, 'x2')).toBeCloseTo(x, 6);
    expect(texts(fig, 'threshold-label')).toEqual(['threshold 0.35']);
  });

  it('stacks class 0 under class 1 within a bin and colours them by class', () => {
    const bins = makeTable({
      x0: Float64Array.of(0.5, 0.5), x1: Float64Array.of(1, 1), count: Float64Array.of(30, 10), label: Int32Array.of(1, 0),
    });
    const fig = probabilityHistogram(bins, { threshold: 0.5, document: newDocument() });
    const y = svgOf(fig).scale('y');
    const [bought, notBought] = Array.from(markGroup(fig, 'bins').querySelectorAll('rect'));
    expect(notBought.getAttribute('fill')).toBe(CLASS_COLORS.notBought);
    expect(bought.getAttribute('fill')).toBe(CLASS_COLORS.bought);
    // did not buy: 0..10 (bottom); bought: 10..40 on top (inset 0.5 px each side)
    expect(num(notBought, 'y') + num(notBought, 'height')).toBeCloseTo(y.apply(0) - 0.5, 6);
    expect(num(bought, 'y')).toBeCloseTo(y.apply(40) + 0.5, 6);
    expect(num(bought, 'y') + num(bought, 'height')).toBeCloseTo(y.apply(10) - 0.5, 6);
    expect(fig.querySelectorAll('.plot-d6a7b5-swatch, [class$="-swatch"]').length).toBe(2); // legend: two classes
  });

  it('moves the threshold label left of the rule near the right edge', () => {
    const fig = probabilityHistogram(F.histogramBins(10), { threshold: 0.95, document: newDocument() });
    expect(markGroup(fig, 'threshold-label').getAttribute('text-anchor')).toBe('end');
  });

  it('rejects a missing column and a non-finite threshold with clear messages', () => {
    const document = newDocument();
    expect(() => probabilityHistogram(makeTable({ x0: Float64Array.of(0) }), { threshold: 0.5, document })).toThrow(
      /probabilityHistogram: table has no column `x1`, `count`/,
    );
    expect(() => probabilityHistogram(F.histogramBins(4), { threshold: NaN, document })).toThrow(/threshold must be a finite number/);
  });

  it('needs a document outside the browser', () => {
    expect(() => probabilityHistogram(F.histogramBins(4), { threshold: 0.5 })).toThrow(/pass options.document/);
  });

  it('draws one rect per bin and class for 40 bins', () => {
    const fig = probabilityHistogram(F.histogramBins(40), { threshold: 0.5, document: newDocument() }); // 40 bins × 2 classes
    expect(markGroup(fig, 'bins').querySelectorAll('rect').length).toBe(80);
  });
});

describe('tierShares(summary)', () => {
  it('draws bars whose widths are the customer and revenue shares, labelled in percent', () => {
    const fig = F.tierSharesTwo(newDocument());
    const x = svgOf(fig).scale('x');
    const full = x.apply(1) - x.apply(0);
    const rev = Array.from(fig.querySelectorAll('.revenue-share rect')) // one group per facet (tier);
    const cus = Array.from(fig.querySelectorAll('.customer-share rect'));
    expect(rev.map((r) => num(r, 'width') / full)).toEqual([expect.closeTo(0.712, 6), expect.closeTo(0.288, 6)]);
    expect(cus.map((r) => num(r, 'width') / full)).toEqual([expect.closeTo(1215 / 4338, 6), expect.closeTo(3123 / 4338, 6)]);
    expect(texts(fig, 'revenue-label')).toEqual(['71.2% of revenue', '28.8% of revenue']);
    expect(texts(fig, 'customer-label')).toEqual(['28.0% of customers', '72.0% of customers']);
    expect(rev.map((r) => r.getAttribute('fill'))).toEqual([tierColor('High value'), tierColor('Low value')]);
  });
});

describe('waterfall(steps)', () => {
  it('draws one falling bar per step spanning the rows it removed, labelled with the count', () => {
    const fig = F.cleaningWaterfall(newDocument());
    const x = svgOf(fig).scale('x');
    const falls = Array.from(markGroup(fig, 'falls').querySelectorAll('rect'));
    expect(falls).toHaveLength(5);
    const px = x.apply(1) - x.apply(0);
    expect(falls.map((r) => Math.round(num(r, 'width') / px))).toEqual([135080, 8905, 0, 40, 5192]);
    expect(num(falls[0], 'x')).toBeCloseTo(x.apply(406829), 6);
    expect(texts(fig, 'fall-labels')).toEqual(['−135,080', '−8,905', 'none removed', '−40', '−5,192']);
    expect(texts(fig, 'total-labels')).toEqual(['541,909', '392,692']);
    expect(svgOf(fig).scale('y').domain).toEqual([
      'Loaded', 'Missing customer id', 'Cancelled orders', 'Non-positive quantity', 'Non-positive price', 'Duplicate lines', 'Clean data',
    ]);
  });

  it('labels the customers left after each step when the steps table has them', () => {
    const fig = F.cleaningWaterfallCustomers(newDocument());
    expect(texts(fig, 'fall-labels')).toEqual([
      '−135,080 · 4,372 customers', '−8,905 · 4,339 customers', 'none removed · 4,339 customers', '−40 · 4,338 customers', '−5,192 · 4,338 customers',
    ]);
    expect(texts(fig, 'total-labels')).toEqual(['541,909 · 4,372 customers', '392,692 · 4,338 customers']);
  });

  it('adds a "Loaded" bar when the first step already removed rows', () => {
    const steps = makeTable({ step: ['a'], label: ['Step A'], removed: Float64Array.of(10), rows: Float64Array.of(90) });
    const fig = waterfall(steps, { document: newDocument() });
    expect(svgOf(fig).scale('y').domain).toEqual(['Loaded', 'Step A', 'Clean data']);
    expect(texts(fig, 'total-labels')).toEqual(['100', '90']);
  });
});

describe('lossCurve(losses, {iterations})', () => {
  it('fixes the x domain to the planned iterations and labels the latest loss', () => {
    const fig = F.lossCurveStreaming(newDocument());
    expect(svgOf(fig).scale('x').domain).toEqual([0, 1000]);
    const last = F.lossPoints(300).at(-1)!;
    expect(texts(fig, 'last-label')).toEqual([`${last.loss.toFixed(3)} at 300`]);
    expect(markGroup(fig, 'loss').querySelectorAll('path')).toHaveLength(1);
  });

  it('shows a waiting message with no points', () => {
    const fig = lossCurve([], { iterations: 1000, document: newDocument() });
    expect(texts(fig, 'empty')).toEqual(['waiting for the first iteration']);
    expect(svgOf(fig).scale('x').domain).toEqual([0, 1000]);
  });
});

describe('lossCurve while a run streams (more points, same axes)', () => {
  // A run of 2,000 iterations read every 10 steps, with an odd loss so every digit of the path counts.
  const run = Array.from({ length: 201 }, (_, i) => ({ iteration: i * 10, loss: 0.6931 * Math.exp(-i / 37) + 0.3137 + 0.01 * Math.sin(i) }));

  it('sets the line, latest point and texts of the kept drawing: markup identical to a fresh drawing', () => {
    const doc = newDocument();
    const first = lossCurve(run.slice(0, 2), { iterations: 2000, document: doc });
    const seen = new Map<string, unknown>([['start', scaleFn(first)]]);
    for (const upTo of [3, 17, 60, 150, 151, 152, 175, 201]) {
      const points = run.slice(0, upTo);
      const moved = lossCurve(points, { iterations: 2000, document: doc });
      const fresh = lossCurve(points, { iterations: 2000, document: newDocument() }); // another document: drawn by Plot
      expect(moved.outerHTML, `${upTo} points`).toBe(fresh.outerHTML);
      expect(moved).not.toBe(first);
      // Past 1,500 of 2,000 iterations the label flips to the left: drawn anew once, then moved too.
      const side = points.at(-1)!.iteration > 1500 ? 'end' : 'start';
      if (seen.has(side)) expect(scaleFn(moved), `${upTo} points`).toBe(seen.get(side));
      else seen.set(side, scaleFn(moved));
    }
    expect(seen.size).toBe(2);
  });

  it('draws anew when the axes change or a loss is not a number', () => {
    const doc = newDocument();
    const first = lossCurve(run.slice(0, 10), { iterations: 2000, document: doc });
    const rising = [...run.slice(0, 10), { iteration: 100, loss: 2.5 }]; // a larger loss: a new y axis
    const up = lossCurve(rising, { iterations: 2000, document: doc });
    expect(up.outerHTML).toBe(lossCurve(rising, { iterations: 2000, document: newDocument() }).outerHTML);
    expect(scaleFn(up)).not.toBe(scaleFn(first));
    const longer = lossCurve(run.slice(0, 11), { iterations: 4000, document: doc });
    expect(svgOf(longer).scale('x').domain).toEqual([0, 4000]);
    expect(scaleFn(longer)).not.toBe(scaleFn(first));
    const gap = [...run.slice(0, 10), { iteration: 100, loss: NaN }];
    const nan = lossCurve(gap, { iterations: 2000, document: doc });
    expect(nan.outerHTML).toBe(lossCurve(gap, { iterations: 2000, document: newDocument() }).outerHTML);
    expect(scaleFn(nan)).not.toBe(scaleFn(first));
  });
});

describe('confusionMatrix({tp, fp, tn, fn})', () => {
  it('shows counts and row percentages in actual × predicted cells', () => {
    const fig = confusionMatrix({ tp: 412, fp: 151, tn: 1630, fn: 297 }, { document: newDocument() });
    const labels = Array.from(fig.querySelectorAll('.cell-labels text'), (t) =>
      Array.from(t.querySelectorAll('tspan'), (s) => s.textContent).join(' | '),
    ).sort();
    expect(labels).toEqual([
      'False negative | 297 | 41.9% of row', // 297 / 709
      'False positive | 151 | 8.5% of row', // 151 / 1781
      'True negative | 1,630 | 91.5% of row',
      'True positive | 412 | 58.1% of row',
    ]);
    expect(markGroup(fig, 'cells').querySelectorAll('rect')).toHaveLength(4);
    expect(fig.textContent).toContain('accuracy 82.0%'); // (412 + 1630) / 2490
  });

  it('rejects negative counts', () => {
    expect(() => confusionMatrix({ tp: -1, fp: 0, tn: 0, fn: 0 }, { document: newDocument() })).toThrow(/tp must be a count/);
  });
});

describe('rfmDistribution(profile)', () => {
  it('bins recency linearly and frequency / monetary on log scales, like numpy.histogram', () => {
    const fig = rfmDistribution(F.rfmProfile(), { document: newDocument() });
    const svgs = Array.from(fig.querySelectorAll('svg')) as unknown as Scaled[];
    expect(svgs).toHaveLength(3);
    for (const [k, key] of (['recency', 'frequency', 'monetary'] as const).entries()) {
      const svg = svgs[k];
      const y = svg.scale('y');
      const rects = Array.from(svg.querySelectorAll(`.${key} rect`));
      // rects are inset 0.5 px top and bottom: height = y(0) − y(count) − 1
      const heights = rects.map((r) => num(r, 'height') + 1);
      const perCount = y.apply(0) - y.apply(1);
      expect(heights.map((h) => Math.round(h / perCount))).toEqual(reference[key].counts);
      expect(svg.scale('x').domain).toEqual([reference[key].edges[0], reference[key].edges.at(-1)]);
    }
    expect(fig.querySelector('figcaption')!.textContent).toBe('Left out of the histograms: 1 with spend ≤ 0.');
  });
});

describe('rfmHeatmap(scores)', () => {
  it('counts customers per R × F cell and labels the mean monetary value', () => {
    const t = F.rfmScoresTable();
    const fig = rfmHeatmap(t, { document: newDocument() });
    // expected from the table, by a plain loop
    const r = t.getChild('r')!.toArray() as Int32Array;
    const f = t.getChild('f')!.toArray() as Int32Array;
    const money = t.getChild('monetary')!.toArray() as Float64Array;
    const cells = new Map<string, { n: number; sum: number }>();
    for (let i = 0; i < r.length; i++) {
      const c = cells.get(`${r[i]},${f[i]}`) ?? { n: 0, sum: 0 };
      c.n++;
      c.sum += money[i];
      cells.set(`${r[i]},${f[i]}`, c);
    }
    expect(markGroup(fig, 'cells').querySelectorAll('rect')).toHaveLength(cells.size);
    const shown = Array.from(fig.querySelectorAll('.cell-labels text'), (tx) =>
      Array.from(tx.querySelectorAll('tspan'), (s) => s.textContent).join(' '),
    ).sort();
    const expected = [...cells.values()].map((c) => `${c.n} £${Math.round(c.sum / c.n).toLocaleString('en-US')}`).sort();
    expect(shown).toEqual(expected);
    expect(svgOf(fig).scale('y').domain).toEqual(['5', '4', '3', '2', '1']); // 5 at the top
  });

  it('falls back to the mean M score without a monetary column', () => {
    const fig = rfmHeatmap(makeTable({ r: Int32Array.of(5, 5), f: Int32Array.of(1, 1), m: Int32Array.of(2, 5) }), { document: newDocument() });
    expect(Array.from(fig.querySelectorAll('.cell-labels tspan'), (s) => s.textContent)).toEqual(['2', 'M 3.5']);
  });
});

describe('deliveryHeatmap(perTier)', () => {
  it('sorts items by their best probability and marks absent tier × item pairs', () => {
    const fig = F.deliveryHeatmapFigure(newDocument());
    const svg = svgOf(fig);
    expect(svg.scale('x').domain).toEqual(['High value', 'Low value']);
    expect((svg.scale('y').domain as string[])[0]).toBe('WHITE HANGING HEART T-LIGHT H…'); // 0.31, clipped at 30
    expect(svg.scale('y').domain).toHaveLength(8);
    expect(markGroup(fig, 'cells').querySelectorAll('rect')).toHaveLength(10);
    expect(markGroup(fig, 'absent').querySelectorAll('rect')).toHaveLength(6); // 8 items × 2 tiers − 10
    expect(texts(fig, 'cell-labels').sort()).toContain('31.0%');
  });
});

describe('segmentBars(scores)', () => {
  it('counts customers per segment, largest first, in each segment colour', () => {
    const fig = F.segments(newDocument());
    const expected = [...F.SEGMENT_COUNTS].sort((a, b) => b[1] - a[1]);
    expect(svgOf(fig).scale('y').domain).toEqual(expected.map(([s]) => s));
    const total = expected.reduce((s, [, c]) => s + c, 0);
    expect(texts(fig, 'bar-labels')[0]).toBe(`1,065 (${((1065 / total) * 100).toFixed(1)}%)`);
    const bars = Array.from(markGroup(fig, 'bars').querySelectorAll('rect'));
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(expected.map(([s]) => tierColor(s)));
  });

  it('counts missing segments as "(none)"', () => {
    const fig = segmentBars(makeTable({ segment: ['Lost', null, null] }), { document: newDocument() });
    expect(svgOf(fig).scale('y').domain).toEqual(['(none)', 'Lost']);
  });
});

describe('recommendationScores(recs)', () => {
  it('draws per-rank quartile boxes, medians and 5–95% whiskers equal to numpy.quantile', () => {
    const fig = F.recommendationScoresFigure(newDocument());
    const y = svgOf(fig).scale('y');
    const q = reference.recsQuantiles as Record<string, Record<string, number>>;
    const boxes = Array.from(markGroup(fig, 'boxes').querySelectorAll('rect'));
    const whiskers = Array.from(markGroup(fig, 'whiskers').querySelectorAll('line'));
    const medians = Array.from(markGroup(fig, 'medians').querySelectorAll('line'));
    expect(boxes).toHaveLength(5);
    for (let k = 1; k <= 5; k++) {
      const b = boxes[k - 1];
      expect(num(b, 'y')).toBeCloseTo(y.apply(q[k]['0.75']), 6);
      expect(num(b, 'y') + num(b, 'height')).toBeCloseTo(y.apply(q[k]['0.25']), 6);
      expect(num(whiskers[k - 1], 'y1')).toBeCloseTo(y.apply(q[k]['0.05']), 6);
      expect(num(whiskers[k - 1], 'y2')).toBeCloseTo(y.apply(q[k]['0.95']), 6);
      expect(num(medians[k - 1], 'y1')).toBeCloseTo(y.apply(q[k]['0.5']), 6);
    }
    expect(texts(fig, 'median-labels')).toEqual(['1', '2', '3', '4', '5'].map((k) => q[k]['0.5'].toFixed(3)));
  });
});

describe('probabilityHistogram at a new threshold for the same bins (a slider drag)', () => {
  it('copies the kept drawing and moves the threshold: markup identical to a fresh drawing', () => {
    const doc = newDocument();
    const bins = F.histogramBins(20);
    const first = probabilityHistogram(bins, { threshold: 0.35, document: doc });
    const sides = new Map<string, unknown>([['right', scaleFn(first)]]);
    for (const t of [0.35, 0.05, 0.5, 0.77, 0.79, 0.81, 0.95, 1, 0]) {
      const moved = probabilityHistogram(bins, { threshold: t, document: doc });
      const fresh = probabilityHistogram(F.histogramBins(20), { threshold: t, document: doc });
      expect(serialize(moved), `threshold ${t}`).toBe(serialize(fresh));
      expect(moved.outerHTML, `threshold ${t}, unrounded`).toBe(fresh.outerHTML);
      expect(moved).not.toBe(first); // never the drawing Plot made, which stays as it is
      // A moved copy of the drawing kept for the label's side (right of the rule up to 0.8, left of
      // it above), not a new Plot render; the first time on a side it is drawn anew.
      const side = t > 0.8 ? 'left' : 'right';
      if (sides.has(side)) expect(scaleFn(moved)).toBe(sides.get(side));
      else sides.set(side, scaleFn(moved));
      const x = svgOf(moved).scale('x').apply(t); // Plot's scales come with the copy
      expect(num(markGroup(moved, 'threshold').querySelector('line')!, 'x1')).toBeCloseTo(x, 9);
    }
    expect(serialize(first)).toBe(serialize(probabilityHistogram(F.histogramBins(20), { threshold: 0.35, document: doc })));
  });

  it('hands out again a copy that is off the page (never the latest, never one on the page), patched like a fresh one', () => {
    const doc = newDocument();
    const bins = F.histogramBins(20);
    probabilityHistogram(bins, { threshold: 0.3, document: doc }); // drawn by Plot and kept
    const at = (t: number) => probabilityHistogram(bins, { threshold: t, document: doc });
    const fresh = (t: number) => probabilityHistogram(F.histogramBins(20), { threshold: t, document: newDocument() }).outerHTML;
    const a = at(0.4);
    const b = at(0.45);
    expect(b).not.toBe(a); // a is the latest: not handed out again
    const c = at(0.5);
    expect(c).toBe(a); // a is off the page and superseded: patched and handed out again
    expect(c.outerHTML).toBe(fresh(0.5));
    doc.body.append(c); // c is now on a page
    const d = at(0.55);
    expect(d).toBe(b);
    expect(d.outerHTML).toBe(fresh(0.55));
    const e = at(0.6);
    expect([a, b, c, d].includes(e)).toBe(false); // c is on the page, d the latest: a new copy
    expect(e.outerHTML).toBe(fresh(0.6));
    expect(c.outerHTML).toBe(fresh(0.5)); // the one on the page is left as it was
  });

  it('draws anew when anything but the threshold changes', () => {
    const doc = newDocument();
    const bins = F.histogramBins(20);
    probabilityHistogram(bins, { threshold: 0.4, document: doc });
    const taller = probabilityHistogram(bins, { threshold: 0.5, height: 400, yLabel: 'People', document: doc });
    expect(serialize(taller)).toBe(serialize(probabilityHistogram(F.histogramBins(20), { threshold: 0.5, height: 400, yLabel: 'People', document: doc })));
    expect(taller.textContent).toContain('People');
  });
});

describe('tierShares with other shares for the same tiers (a threshold drag)', () => {
  const summary = (share: number[], revenue: number[], tiers = ['High value', 'Low value', 'Dormant']) =>
    makeTable({
      tier: tiers,
      customers: Float64Array.from(tiers, (_t, i) => 1000 + i), // the total is in the subtitle: kept the same
      share: Float64Array.from(share),
      revenueShare: Float64Array.from(revenue),
    });
  it('moves the bars and labels of the kept drawing: markup identical to a fresh drawing', () => {
    const doc = newDocument();
    const first = tierShares(summary([0.3, 0.5, 0.2], [0.7, 0.25, 0.05]), { document: doc });
    const cases: [number[], number[]][] = [
      [[0.31, 0.49, 0.2], [0.71, 0.24, 0.05]],
      [[0, 1, 0], [0, 1, 0]],
      [[0.123456, 0.654321, 0.222223], [0.999, 0.0005, 0.0005]],
    ];
    for (const [s, r] of cases) {
      const moved = tierShares(summary(s, r), { document: doc });
      const fresh = tierShares(summary(s, r), { document: newDocument() }); // another document: drawn anew
      expect(moved.outerHTML, `shares ${s}`).toBe(fresh.outerHTML);
      expect(moved).not.toBe(first);
      expect(scaleFn(moved)).toBe(scaleFn(first)); // a moved copy of the first drawing, not a new Plot render
    }
  });

  it('draws anew for other tiers or when a share is not a number', () => {
    const doc = newDocument();
    tierShares(summary([0.3, 0.5, 0.2], [0.7, 0.25, 0.05]), { document: doc });
    const two = tierShares(summary([0.4, 0.6], [0.8, 0.2], ['High value', 'Low value']), { document: doc });
    expect(two.outerHTML).toBe(tierShares(summary([0.4, 0.6], [0.8, 0.2], ['High value', 'Low value']), { document: newDocument() }).outerHTML);
    const nan = tierShares(summary([NaN, 0.5, 0.2], [0.7, 0.25, 0.05]), { document: doc });
    expect(nan.outerHTML).toBe(tierShares(summary([NaN, 0.5, 0.2], [0.7, 0.25, 0.05]), { document: newDocument() }).outerHTML);
    expect(scaleFn(nan)).not.toBe(scaleFn(two)); // drawn by Plot, not moved
  });
});

describe('confusionMatrix at another threshold (other counts)', () => {
  it('recolours and relabels a kept drawing: markup identical to a fresh drawing', () => {
    const doc = newDocument();
    const first = confusionMatrix({ tp: 412, fn: 297, fp: 151, tn: 1630 }, { threshold: 0.35, document: doc });
    const cases = [
      { tp: 420, fn: 289, fp: 160, tn: 1621 }, // same light/dark cells: moved
      { tp: 300, fn: 409, fp: 90, tn: 1691 }, // "bought" row flips to dark text: drawn anew, then kept too
      { tp: 0, fn: 709, fp: 0, tn: 1781 },
      { tp: 418, fn: 291, fp: 155, tn: 1626 },
    ];
    for (const [i, c] of cases.entries()) {
      const t = 0.36 + i / 100;
      const moved = confusionMatrix(c, { threshold: t, document: doc });
      const fresh = confusionMatrix(c, { threshold: t, document: newDocument() });
      expect(moved.outerHTML, JSON.stringify(c)).toBe(fresh.outerHTML);
    }
    const again = confusionMatrix({ tp: 410, fn: 299, fp: 150, tn: 1631 }, { threshold: 0.5, document: doc });
    expect(scaleFn(again)).toBe(scaleFn(first)); // same pattern as the first: a moved copy, not a Plot render
  });

  it('keeps a drawing for each light/dark pattern a drag reaches, so going back never redraws', () => {
    const doc = newDocument();
    // Row "did not buy" (tn, fp) and row "bought" (fn, tp): one cell light (> 55% of its row) or neither.
    const patterns = [
      { tn: 900, fp: 100, fn: 100, tp: 900 },
      { tn: 100, fp: 900, fn: 900, tp: 100 },
      { tn: 500, fp: 500, fn: 500, tp: 500 },
      { tn: 900, fp: 100, fn: 900, tp: 100 },
      { tn: 100, fp: 900, fn: 100, tp: 900 },
      { tn: 500, fp: 500, fn: 100, tp: 900 },
      { tn: 900, fp: 100, fn: 500, tp: 500 },
    ];
    const drawn = patterns.map((c) => scaleFn(confusionMatrix(c, { threshold: 0.5, document: doc })));
    expect(new Set(drawn).size).toBe(patterns.length); // each pattern drawn by Plot the first time
    for (const [i, c] of patterns.entries()) {
      const back = { tn: c.tn + 3, fp: c.fp - 3, fn: c.fn + 2, tp: c.tp - 2 }; // other counts, same pattern
      const moved = confusionMatrix(back, { threshold: 0.6, document: doc });
      expect(scaleFn(moved), JSON.stringify(c)).toBe(drawn[i]);
      expect(moved.outerHTML).toBe(confusionMatrix(back, { threshold: 0.6, document: newDocument() }).outerHTML);
    }
  });
});
