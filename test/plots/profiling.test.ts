import { describe, expect, it } from 'vitest';
import * as figures from './profilingFigures';
import { goldenPath, markGroup, render, serialize } from './harness';

type Figure = (document: Document) => Element;
const named = Object.entries(figures).filter((e): e is [string, Figure] => typeof e[1] === 'function');

describe('profiling charts: golden figures (test/golden/plots)', () => {
  it('has the six profiling charts', () => {
    expect(named.map(([n]) => n).sort()).toEqual(
      ['correlationFigure', 'elbowFigure', 'lorenzFigure', 'pcaScatterFigure', 'silhouetteFigure', 'spendBeforeAfterFigure'],
    );
  });
  for (const [name, figure] of named) {
    it(`${name} matches its golden`, async () => {
      const root = render(figure);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }
});

describe('profiling charts: what they draw', () => {
  it('lorenzCurve says the top-20% share and the Gini in its subtitle', () => {
    const text = render(figures.lorenzFigure).textContent ?? '';
    expect(text).toMatch(/Gini 0\.\d{3}/);
    expect(text).toMatch(/top 20% bring \d+\.\d% of revenue/);
  });

  it('silhouetteChart labels the best k; elbowChart rings the chosen k', () => {
    expect(render(figures.silhouetteFigure).textContent).toContain('best k = 2 (0.434)');
    const elbow = render(figures.elbowFigure);
    expect(markGroup(elbow, 'chosen').querySelectorAll('circle').length).toBe(1);
    expect(elbow.textContent).toContain('k = 4');
  });

  it('correlationHeatmap draws d² cells and names the strongest pair', () => {
    const root = render(figures.correlationFigure);
    expect(markGroup(root, 'cells').querySelectorAll('rect').length).toBe(9);
    expect(root.textContent).toMatch(/strongest pair: frequency and monetary \(r = (0\.9\d|1\.00)\)/);
  });

  it('pcaScatter draws one dot per customer with a legend of clusters', () => {
    const root = render(figures.pcaScatterFigure);
    expect(markGroup(root, 'customers').querySelectorAll('circle').length).toBe(12);
    expect(root.textContent).toContain('cluster 2');
  });

  it('spendHistogram shows both panels and the capped count', () => {
    const root = render(figures.spendBeforeAfterFigure);
    expect(root.textContent).toMatch(/\d+ customers capped/);
    expect(markGroup(root, 'bounds').querySelectorAll('line').length).toBeGreaterThanOrEqual(2);
  });
});
