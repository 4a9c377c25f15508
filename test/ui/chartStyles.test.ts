/**
 * Charts on screen share one copy of Plot's `<style>` in `<head>`; exports get each chart's own back.
 */
import { describe, expect, it } from 'vitest';
import { probabilityHistogram } from '../../src/plots/histogram';
import { figureToSvg } from '../../src/stdlib/svg';
import { hoistChartStyles, withChartStyles } from '../../src/ui/chartStyles';
import * as F from '../plots/figures';
import { newDocument } from '../plots/harness';

describe('hoistChartStyles / withChartStyles', () => {
  it('takes the <style> out of each chart shown, keeps one shared copy per text, and puts it back for export', () => {
    const doc = newDocument();
    const a = probabilityHistogram(F.histogramBins(20), { threshold: 0.35, document: doc });
    const b = probabilityHistogram(F.histogramBins(20), { threshold: 0.6, document: doc });
    const own = [...a.querySelectorAll('style')].map((s) => s.textContent);
    expect(own.length).toBeGreaterThan(0);
    const exportedBefore = figureToSvg(a);

    hoistChartStyles(a);
    doc.body.append(a);
    hoistChartStyles(b);
    doc.body.append(b);
    expect(doc.body.querySelectorAll('style').length).toBe(0);
    const head = [...doc.head.querySelectorAll('style[data-shared-chart-style]')].map((s) => s.textContent);
    expect(head).toEqual([...new Set(own)]); // the two charts' identical styles: one copy

    expect(withChartStyles(a, () => figureToSvg(a))).toBe(exportedBefore);
    expect(a.querySelectorAll('style').length).toBe(0); // taken out again after the export
    hoistChartStyles(a); // shown again: nothing more to take out, nothing duplicated
    expect(doc.head.querySelectorAll('style[data-shared-chart-style]').length).toBe(head.length);
    expect(withChartStyles(a, () => figureToSvg(a))).toBe(exportedBefore);
  });

  it('passes a chart that was never hoisted through unchanged', () => {
    const doc = newDocument();
    const c = F.tierSharesTwo(doc);
    const before = figureToSvg(c);
    expect(withChartStyles(c, () => figureToSvg(c))).toBe(before);
    expect(c.querySelectorAll('style').length).toBeGreaterThan(0);
  });
});
