import { describe, expect, it } from 'vitest';
import * as figures from './profilingFigures';
import { goldenPath, markGroup, newDocument, render, serialize } from './harness';

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
    // One path per cluster, one round-capped zero-length segment per customer.
    const paths = [...markGroup(root, 'customers').querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('stroke'))).toHaveLength(3);
    expect(paths.map((p) => (p.getAttribute('d')!.match(/M[-\d.]+,[-\d.]+h0/g) ?? []).length)).toEqual([4, 4, 4]);
    expect(paths.every((p) => p.getAttribute('stroke-linecap') === 'round' && p.getAttribute('stroke-width') === '3.6')).toBe(true);
    const fig = figures.pcaScatterFigure(newDocument()) as Element & { scale: (n: string) => { apply: (v: number) => number } };
    const svg = typeof fig.scale === 'function' ? fig : (fig.querySelector('svg') as unknown as typeof fig);
    const first = paths[0].getAttribute('d')!.match(/^M([-\d.]+),([-\d.]+)h0/)!;
    expect(Number(first[1])).toBeCloseTo(svg.scale('x').apply(0), 1); // customer 0 of cluster 0 at (0, -0.5)
    expect(Number(first[2])).toBeCloseTo(svg.scale('y').apply(-0.5), 1);
    expect(root.textContent).toContain('cluster 2');
  });

  it('spendHistogram shows both panels and the capped count', () => {
    const root = render(figures.spendBeforeAfterFigure);
    expect(root.textContent).toMatch(/\d+ customers capped/);
    expect(markGroup(root, 'bounds').querySelectorAll('line').length).toBeGreaterThanOrEqual(2);
  });
});
