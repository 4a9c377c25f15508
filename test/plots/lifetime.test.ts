import { describe, expect, it } from 'vitest';
import { makeTable } from '../../src/core/table';
import { pAliveGrid } from '../../src/core/clv/value';
import { clvHoldout } from '../../src/plots/clvHoldout';
import { pAliveHeatmap } from '../../src/plots/pAliveHeatmap';
import { INK, PRIMARY } from '../../src/plots/palette';
import * as F from './lifetimeFigures';
import { goldenPath, markGroup, newDocument, render, serialize } from './harness';

type Scaled = Element & { scale(name: string): { apply(v: unknown): number; domain: unknown[] } };
const svgOf = (el: Element): Scaled =>
  (typeof (el as Partial<Scaled>).scale === 'function' ? el : el.querySelector('svg')!) as Scaled;

describe('golden lifetime figures (test/golden/plots)', () => {
  for (const [name, figure] of Object.entries({ clvHoldoutCdnow: F.clvHoldoutCdnow, pAliveHeatmapCdnow: F.pAliveHeatmapCdnow })) {
    it(`${name} matches its golden`, async () => {
      const root = render(figure);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }
});

describe('clvHoldout(groups, {holdoutLabel})', () => {
  it('draws the actual line in ink and the predicted line dashed in blue, one dot per group and series', () => {
    const fig = clvHoldout(F.holdoutTable(), { holdoutLabel: '39 weeks', document: newDocument() });
    const actual = markGroup(fig, 'actual');
    const predicted = markGroup(fig, 'predicted');
    expect(actual.getAttribute('stroke')).toBe(INK);
    expect(actual.getAttribute('stroke-dasharray')).toBeNull();
    expect(predicted.getAttribute('stroke')).toBe(PRIMARY);
    expect(predicted.getAttribute('stroke-dasharray')).toBe('5,4');
    expect(markGroup(fig, 'points').querySelectorAll('circle').length).toBe(16);
    expect(svgOf(fig).scale('x').domain).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
  });
  it('totals customers × means in the subtitle', () => {
    const groups = makeTable({ frequency: ['0', '1'], customers: Float64Array.of(10, 5), actual: Float64Array.of(0.5, 2), predicted: Float64Array.of(0.4, 2.2) });
    const fig = clvHoldout(groups, { document: newDocument() });
    expect(fig.textContent).toContain('15 customers · 15 actual vs 15 predicted purchases in the holdout period');
  });
  it('names the missing column', () => {
    expect(() => clvHoldout(makeTable({ frequency: ['0'] }), { document: newDocument() })).toThrow(/clvHoldout: table has no column `customers`/);
  });
});

describe('pAliveHeatmap(grid, {unit})', () => {
  it('draws one rect per grid cell, coloured in five fixed P(alive) bands', () => {
    const grid = pAliveGrid(F.CDNOW_BGNBD, { T: 39, maxFrequency: 4, recencySteps: 5 });
    const fig = pAliveHeatmap(grid, { document: newDocument() });
    expect(markGroup(fig, 'cells').querySelectorAll('rect').length).toBe(25);
    expect(svgOf(fig).scale('color').domain).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(svgOf(fig).scale('x').domain).toEqual([0, 39]);
  });
  it('colours a likely-gone cell lighter than an alive one', () => {
    const grid = makeTable({ frequency: Float64Array.of(5, 5), recency0: Float64Array.of(0, 10), recency1: Float64Array.of(10, 20), p_alive: Float64Array.of(0.05, 0.95) });
    const rects = markGroup(pAliveHeatmap(grid, { document: newDocument() }), 'cells').querySelectorAll('rect');
    const lum = (c: string) => {
      const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c) ?? /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
      if (!m) throw new Error(`unexpected colour ${c}`);
      const v = m.slice(1).map((x) => (c.startsWith('#') ? parseInt(x, 16) : +x));
      return v[0] + v[1] + v[2];
    };
    expect(lum(rects[0].getAttribute('fill')!)).toBeGreaterThan(lum(rects[1].getAttribute('fill')!));
  });
});
