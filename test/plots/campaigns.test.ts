import { describe, expect, it } from 'vitest';
import * as figures from './campaignsFigures';
import { goldenPath, markGroup, newDocument, render, serialize } from './harness';
import { makeTable } from '../../src/core/table';
import { selectionRates } from '../../src/plots/selectionRates';
import { regretCurves } from '../../src/plots/regretCurves';

describe('campaign charts: golden figures', () => {
  for (const [name, figure] of Object.entries(figures)) {
    it(`${name} matches its golden`, async () => {
      const root = render(figure as (d: Document) => Element);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }
});

describe('campaign charts: marks', () => {
  it('abIntervals draws one interval and one dot per variant per metric', () => {
    const root = render(figures.abIntervalsCookieCats);
    expect(root.querySelectorAll('.interval line').length).toBe(4);
    expect(root.querySelectorAll('.rate circle').length).toBe(4);
  });
  it('selectionRates colours groups below four-fifths with the accent', () => {
    const root = render(figures.selectionRatesCountries);
    const fills = Array.from(markGroup(root, 'rate').querySelectorAll('rect'), (r) => r.getAttribute('fill'));
    expect(fills.filter((f) => f === '#b5525c').length).toBe(1);
  });
  it('names the missing column', () => {
    expect(() => selectionRates(makeTable({ group: ['a'] }), { document: newDocument() })).toThrow(/selectionRates: table has no column `n`/);
    expect(() => regretCurves(makeTable({ policy: ['a'] }), { document: newDocument() })).toThrow(/regretCurves/);
  });
});
