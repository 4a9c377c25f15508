import { describe, expect, it } from 'vitest';
import * as figures from './recommendingFigures';
import { goldenPath, render, serialize, newDocument } from './harness';
import { recommenderComparison } from '../../src/plots/recommenderComparison';
import { makeTable } from '../../src/core/table';

describe('recommendation charts (test/golden/plots)', () => {
  for (const name of ['recommenderComparisonFigure', 'recommenderComparisonOne'] as const) {
    it(`${name} matches its golden`, async () => {
      const root = render(figures[name]);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }

  it('recommenderComparison draws one bar per model and metric, values printed, one colour per model', () => {
    const root = render(figures.recommenderComparisonFigure);
    expect(root.querySelectorAll('.bars rect').length).toBe(20);
    const labels = Array.from(root.querySelectorAll('.values text'), (t) => t.textContent);
    expect(labels).toContain('0.176');
    const fills = new Set(Array.from(root.querySelectorAll('.bars rect'), (r) => r.getAttribute('fill')));
    expect(fills.size).toBe(5);
    expect(root.querySelector('[aria-description]')?.getAttribute('aria-description') ?? root.outerHTML).toMatch(/NDCG@10: Implicit ALS 0\.176/);
  });

  it('recommenderComparison names the missing column', () => {
    expect(() => recommenderComparison(makeTable({ model: ['a'], value: Float64Array.of(1) }), { document: newDocument() })).toThrow(/recommenderComparison: table has no column `metric`/);
  });
});
