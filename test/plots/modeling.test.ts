import { describe, expect, it } from 'vitest';
import * as figures from './modelingFigures';
import { goldenPath, markGroup, newDocument, render, serialize } from './harness';
import { roc, precisionRecall } from '../../src/core/stats/curves';
import { profitCurve } from '../../src/core/stats/profit';
import { rocCurve } from '../../src/plots/rocCurve';
import { prCurve } from '../../src/plots/prCurve';
import { profitChart } from '../../src/plots/profitCurve';
import { pointAtThreshold } from '../../src/plots/curvePoint';
import { coefficientChart } from '../../src/plots/coefficientChart';

type Figure = (document: Document) => Element;
const named = Object.entries(figures).filter((e): e is [string, Figure] => typeof e[1] === 'function' && /^modeling/.test(e[0]));
const { y, p } = figures.scoredRows();

describe('modeling charts: golden figures (test/golden/plots)', () => {
  it('has a golden figure for each of the eight modeling charts', () => {
    expect(named.map(([n]) => n)).toHaveLength(8);
  });
  for (const [name, figure] of named) {
    it(`${name} matches its golden`, async () => {
      const root = render(figure);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }
});

describe('the threshold marks follow the slider', () => {
  it('pointAtThreshold(thresholds, t) is the last point with threshold > t (the rule p > t)', () => {
    expect(pointAtThreshold(Float64Array.of(Infinity, 0.8, 0.4, 0.1), 0.5)).toBe(1);
    expect(pointAtThreshold(Float64Array.of(Infinity, 0.8, 0.4, 0.1), 0.4)).toBe(1);
    expect(pointAtThreshold(Float64Array.of(Infinity, 0.8, 0.4, 0.1), 0)).toBe(3);
    expect(pointAtThreshold(Float64Array.of(Infinity, 0.8), 0.9)).toBe(0);
  });
  it('rocCurve and prCurve move their dot when only the threshold changes', () => {
    const r = roc(y, p);
    const pr = precisionRecall(y, p);
    const dot = (el: Element) => markGroup(el, 'threshold').querySelector('circle')!.getAttribute('cx');
    expect(dot(rocCurve(r, { threshold: 0.2, document: newDocument() }))).not.toBe(dot(rocCurve(r, { threshold: 0.7, document: newDocument() })));
    expect(dot(prCurve(pr, { threshold: 0.2, document: newDocument() }))).not.toBe(dot(prCurve(pr, { threshold: 0.7, document: newDocument() })));
  });
  it('profitChart marks the best threshold and labels the current one in its subtitle', () => {
    const curve = profitCurve(y, p, { margin: 30, cost: 4, step: 0.05 });
    const el = profitChart(curve, { threshold: 0.5, document: newDocument() });
    let best = 0;
    curve.profit.forEach((v, i) => v >= curve.profit[best] && (best = i));
    expect(el.textContent).toContain(`best: threshold ${curve.threshold[best].toFixed(2)}`);
    expect(el.textContent).toContain('now 0.50');
    expect(() => profitChart(curve, { threshold: NaN, document: newDocument() })).toThrow(/threshold must be a finite number/);
  });
  it('coefficientChart keeps the top |weight| features, labelled with odds ratios', () => {
    const el = render(figures.modelingCoefficients);
    expect(el.textContent).toContain('PageValues');
    expect(el.textContent).not.toContain('BounceRates');
    expect(el.textContent).toContain(`×${Math.exp(1.52).toFixed(2)}`);
    expect(() => coefficientChart([], { document: newDocument() })).toThrow(/no coefficients/);
  });
});
