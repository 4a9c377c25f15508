import { afterEach, describe, expect, it } from 'vitest';
import * as base from './figures';
import * as profiling from './profilingFigures';
import * as modeling from './modelingFigures';
import * as lifetime from './lifetimeFigures';
import * as campaigns from './campaignsFigures';
import * as recommending from './recommendingFigures';
import { markGroup, newDocument, render, serialize } from './harness';
import { en } from '../../src/plots/i18n/en';
import { zhCN, zhCNLabels } from '../../src/plots/i18n/zh-CN';
import { chartLabel, chartLabels, chartLocale, chartText, joinList, labelTicks, setChartLocale } from '../../src/plots/locale';
import { formatCompact, formatCount, formatMoney, countTicks } from '../../src/plots/format';
import { tierColor } from '../../src/plots/palette';
import { SEGMENT_RULES } from '../../src/core/tiers/segments';
import { tierShares } from '../../src/plots/tierShares';
import { makeTable } from '../../src/core/table';

type Figure = (document: Document) => Element;
const isFigure = (e: [string, unknown]): e is [string, Figure] =>
  typeof e[1] === 'function' && (e[1] as Figure).length === 1 && /^[a-z]/.test(e[0]) && !/(Table|Bins|Points|Profile|Rows)$/.test(e[0]);
const ALL: [string, Figure][] = [base, profiling, modeling, lifetime, campaigns, recommending].flatMap((m) => Object.entries(m).filter(isFigure));

/** Every text a figure shows or announces: text nodes, and aria-label / aria-description attributes. */
function texts(root: Element): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3 && (n.textContent ?? '').trim()) out.push(n.textContent!.trim());
    if (n.nodeType === 1) {
      for (const a of ['aria-label', 'aria-description']) {
        const v = (n as Element).getAttribute(a);
        if (v) out.push(v);
      }
      n.childNodes.forEach(walk);
    }
  };
  walk(root);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setChartLocale('en'));

describe('chart catalogues', () => {
  it('zh-CN has every English key with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (!key.endsWith('Separator')) expect(zhCN[key].trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('names every standard RFM segment in Chinese', () => {
    for (const s of SEGMENT_RULES) expect(zhCNLabels[s.name], s.name).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('setChartLocale / chartText / chartLabel', () => {
  it('is English by default, and English labels are the values themselves', () => {
    expect(chartLocale()).toBe('en');
    expect(chartText('tierShares.title')).toBe('Customers and revenue by tier');
    expect(chartText('histogram.threshold', { threshold: '0.50' })).toBe('threshold 0.50');
    expect(chartLabel('Champions')).toBe('Champions');
    expect(labelTicks()).toEqual({});
    expect(joinList(['a', 'b'])).toBe('a, b');
  });

  it('switches to Chinese and back', () => {
    setChartLocale('zh-CN');
    expect(chartLocale()).toBe('zh-CN');
    expect(chartText('tierShares.title')).toBe('各层级的用户与收入');
    expect(chartText('histogram.threshold', { threshold: '0.50' })).toBe('阈值 0.50');
    expect(joinList(['邮件', '社交媒体'])).toBe('邮件、社交媒体');
    setChartLocale('en');
    expect(chartText('tierShares.title')).toBe('Customers and revenue by tier');
  });

  it('accepts language variants and refuses unknown languages', () => {
    setChartLocale('zh-Hans');
    expect(chartLocale()).toBe('zh-CN');
    setChartLocale('en-GB');
    expect(chartLocale()).toBe('en');
    expect(() => setChartLocale('fr')).toThrow('unknown chart language `fr`: use one of en, zh-CN');
  });

  it('chartLabel: the notebook labels first, then known core labels (any case), then patterns, else the value', () => {
    setChartLocale('zh-CN', { 'High value': '高价值用户', Dormant: '沉睡' });
    expect(chartLabels()).toEqual({ 'High value': '高价值用户', Dormant: '沉睡' });
    expect(chartLabel('High value')).toBe('高价值用户');
    expect(chartLabel('Dormant')).toBe('沉睡');
    expect(chartLabel('Low value')).toBe('低价值');
    expect(chartLabel('Champions')).toBe('重要价值客户');
    expect(chartLabel(' at risk ')).toBe('流失风险客户');
    expect(chartLabel('bought')).toBe('购买');
    expect(chartLabel('Cancelled orders')).toBe('已取消订单');
    expect(chartLabel('39 weeks')).toBe('39 周');
    expect(chartLabel('12.5 days')).toBe('12.5 天');
    expect(chartLabel('WHITE HANGING HEART T-LIGHT HOLDER')).toBe('WHITE HANGING HEART T-LIGHT HOLDER');
    expect(labelTicks().tickFormat?.('Lost')).toBe('已流失');
  });

  it('a missing parameter stays visible', () => {
    expect(chartText('histogram.threshold')).toBe('threshold {threshold}');
  });
});

describe('chart numbers follow the chart language', () => {
  it('English keeps en-US grouping and k/M', () => {
    expect(formatCount(541909)).toBe('541,909');
    expect(formatCompact(12000)).toBe('12k');
    expect(formatCompact(1500)).toBe('1.5k');
    expect(formatMoney(12345, '£')).toBe('£12.3k');
    expect(formatMoney(-2500000, '£')).toBe('−£2.5M');
  });

  it('Chinese groups the same way and counts large numbers in 万 and 亿', () => {
    setChartLocale('zh-CN');
    expect(formatCount(541909)).toBe('541,909');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(1500)).toBe('1,500');
    expect(formatCompact(12000)).toBe('1.2万');
    expect(formatCompact(250000)).toBe('25万');
    expect(formatCompact(-3.2e8)).toBe('-3.2亿');
    expect(formatMoney(1234.5, '£')).toBe('£1,235');
    expect(formatMoney(12345, '£')).toBe('£1.2万');
    expect(formatMoney(-2500000, '¥')).toBe('−¥250万');
    expect(countTicks(50000)(20000)).toBe('2万');
  });
});

describe('charts drawn in Chinese', () => {
  it('tierShares: Chinese title, axis label, bar labels and tier names; colours stay those of the canonical names', () => {
    const summary = makeTable({
      tier: ['High value', 'Low value', 'Dormant'],
      customers: Float64Array.of(300, 600, 100),
      share: Float64Array.of(0.3, 0.6, 0.1),
      revenueShare: Float64Array.of(0.7, 0.28, 0.02),
    });
    const englishFills = [...markGroup(tierShares(summary, { document: newDocument() }), 'revenue-share').querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    setChartLocale('zh-CN', { Dormant: '沉睡' });
    const el = tierShares(summary, { document: newDocument() });
    const all = texts(el).join('\n');
    expect(el.querySelector('h2')?.textContent).toBe('各层级的用户与收入');
    expect(all).toContain('占总体的比例（%）');
    expect(all).toContain('1,000 位用户');
    expect(all).toContain('占收入 70.0%');
    for (const name of ['高价值', '低价值', '沉睡']) expect(all).toContain(name);
    expect(all).not.toMatch(/High value|Low value|Dormant|customers|revenue/);
    const fills = [...markGroup(el, 'revenue-share').querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    expect(fills).toEqual(englishFills);
    expect(fills[0]).toBe(tierColor('High value'));
  });

  it('probabilityHistogram: the legend shows the classes in Chinese and the threshold label is translated', () => {
    setChartLocale('zh-CN');
    const all = texts(render(base.histogram)).join('\n');
    expect(all).toContain('购买');
    expect(all).toContain('未购买');
    expect(all).toContain('阈值 0.35');
    expect(all).toContain('预测购买概率');
    expect(all).not.toMatch(/did not buy|threshold 0/);
  });

  it('no English chart text is left in any figure drawn in Chinese', () => {
    // Fixed English texts (no placeholders, more than one word) that differ in Chinese.
    const fixed = (Object.keys(en) as (keyof typeof en)[])
      .filter((k) => placeholders(en[k]).length === 0 && /\w+ \w+/.test(en[k]) && en[k] !== zhCN[k])
      .map((k) => en[k]);
    expect(fixed.length).toBeGreaterThan(80);
    setChartLocale('zh-CN');
    expect(ALL.length).toBeGreaterThanOrEqual(38);
    for (const [name, figure] of ALL) {
      const shown = texts(render(figure));
      const left = fixed.filter((t) => shown.some((s) => s.includes(t)));
      expect(left, name).toEqual([]);
      expect(shown.some((s) => /[\u4e00-\u9fff]/.test(s)), name).toBe(true);
    }
  });

  it('switching back draws the same English figure as before', () => {
    const before = serialize(render(base.cleaningWaterfallCustomers));
    setChartLocale('zh-CN');
    const zh = serialize(render(base.cleaningWaterfallCustomers));
    expect(zh).not.toBe(before);
    setChartLocale('en');
    expect(serialize(render(base.cleaningWaterfallCustomers))).toBe(before);
  });
});

describe('zh-CN golden figures (test/golden/plots/zh-CN)', () => {
  const GOLDEN: [string, Figure][] = [
    ['tierSharesFour', base.tierSharesFour],
    ['histogram', base.histogram],
    ['cleaningWaterfallCustomers', base.cleaningWaterfallCustomers],
    ['segments', base.segments],
    ['confusion', base.confusion],
  ];
  for (const [name, figure] of GOLDEN) {
    it(`${name} in Chinese matches its golden`, async () => {
      setChartLocale('zh-CN');
      const root = render(figure);
      const ext = root.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
      await expect(serialize(root)).toMatchFileSnapshot(`../golden/plots/zh-CN/${name}.${ext}`);
    });
  }
});
