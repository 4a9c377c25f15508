import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, tierColor, tierScale } from '../../src/plots/palette';
import { binValues } from '../../src/plots/bin';
import { quantileSorted } from '../../src/plots/stats';
import { clipLabel, countTicks, formatCompact, formatCount, formatMoney, formatPercent } from '../../src/plots/format';
import { rfmProfile } from './figures';

const reference = JSON.parse(readFileSync(new URL('../golden/plots/numpy_reference.json', import.meta.url), 'utf8'));

describe('tierColor(name)', () => {
  it('gives fixed colours to known tier and segment names, case- and space-insensitively', () => {
    expect(tierColor('High value')).toBe('#2f6690');
    expect(tierColor('  high VALUE ')).toBe('#2f6690');
    expect(tierColor('Low value')).toBe('#c9b38a');
    expect(tierColor('Champions')).toBe(tierColor('High value'));
    expect(tierColor("Can't lose")).not.toBe(tierColor('At risk'));
  });

  it('hashes unknown names onto the categorical palette, the same way every time', () => {
    const c = tierColor('Weekend shoppers');
    expect(CATEGORICAL).toContain(c);
    expect(tierColor('Weekend shoppers')).toBe(c);
    // eleven distinct unknown names use more than one colour
    const colours = new Set(Array.from({ length: 11 }, (_, i) => tierColor(`tier ${i}`)));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('tierScale(names) pairs each name with its colour', () => {
    expect(tierScale(['Gold', 'Silver'])).toEqual({ domain: ['Gold', 'Silver'], range: [tierColor('Gold'), tierColor('Silver')] });
  });
});

describe('binValues(values, opts)', () => {
  it('uses nice linear edges from 0 (doc example)', () => {
    const b = binValues(Float64Array.of(1, 2, 2, 9), { bins: 4 });
    expect(Array.from(b.x0)).toEqual([0, 2.5, 5, 7.5]);
    expect(Array.from(b.x1)).toEqual([2.5, 5, 7.5, 10]);
    expect(Array.from(b.count)).toEqual([3, 0, 0, 1]);
    expect(b.dropped).toBe(0);
  });

  it('matches numpy.histogram on the profile fixture (linear recency, log frequency and monetary)', () => {
    const p = rfmProfile();
    const col = (n: string) => p.getChild(n)!.toArray() as Float64Array;
    const rec = binValues(col('recency'), { bins: 20 });
    expect([...rec.x0, rec.x1.at(-1)]).toEqual(reference.recency.edges);
    expect(Array.from(rec.count)).toEqual(reference.recency.counts);
    const fr = binValues(col('frequency'), { log: true });
    expect([...fr.x0, fr.x1.at(-1)!].map((v) => +v.toPrecision(12))).toEqual(reference.frequency.edges);
    expect(Array.from(fr.count)).toEqual(reference.frequency.counts);
    const mo = binValues(col('monetary'), { log: true });
    expect(Array.from(mo.count)).toEqual(reference.monetary.counts);
    expect(mo.dropped).toBe(reference.monetary.dropped);
  });

  it('drops NaN and infinities and returns no bins for no finite values', () => {
    const b = binValues(Float64Array.of(NaN, Infinity));
    expect(b.x0.length).toBe(0);
    expect(b.dropped).toBe(2);
  });

  it('puts a value on the last log edge into the last bin (like numpy)', () => {
    const b = binValues(Float64Array.of(1, 100), { log: true, perDecade: 1 });
    expect(Array.from(b.x0)).toEqual([1, 10]);
    expect(Array.from(b.count)).toEqual([1, 1]);
  });
});

describe('quantileSorted(sorted, p)', () => {
  it('interpolates linearly like numpy.quantile', () => {
    const v = Float64Array.of(1, 2, 3, 4);
    expect(quantileSorted(v, 0.5)).toBe(2.5);
    expect(quantileSorted(v, 0.25)).toBe(1.75);
    expect(quantileSorted(v, 0)).toBe(1);
    expect(quantileSorted(v, 1)).toBe(4);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('formats', () => {
  it('formats counts, percentages, money, compact ticks and clipped labels', () => {
    expect(formatCount(541909)).toBe('541,909');
    expect(formatPercent(0.4237)).toBe('42.4%');
    expect(formatMoney(1234.5, '£')).toBe('£1,235');
    expect(formatMoney(52000)).toBe('£52.0k');
    expect(formatMoney(-2.5e6, '$')).toBe('−$2.5M');
    expect([0, 950, 1500, 12000, 400000, 2.5e6].map(formatCompact)).toEqual(['0', '950', '1.5k', '12k', '400k', '2.5M']);
    expect(clipLabel('WHITE HANGING HEART T-LIGHT HOLDER', 10)).toBe('WHITE HAN…');
    expect([countTicks(1000)(800), countTicks(1000)(1000), countTicks(250000)(200000)]).toEqual(['800', '1,000', '200k']);
  });
});
