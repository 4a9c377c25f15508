/**
 * Charts follow the UI language: `followChartLocale` sets the chart language from the locale store,
 * translates data labels with the notebook's own label translations, and on a switch re-runs the
 * chart cells of a local runtime (never an expensive one) or hands the language to a sandboxed one.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Runtime } from '../../src/runtime/runtime';
import type { CellSpec } from '../../src/notebook/types';
import { makeTable } from '../../src/core/table';
import { tierShares } from '../../src/plots/tierShares';
import { chartLabel, chartLocale, setChartLocale } from '../../src/plots/locale';
import { setLocale } from '../../src/ui/i18n/locale.svelte';
import { followChartLocale, isElementValue, notebookLabels } from '../../src/ui/i18n/charts';
import { newDocument } from '../plots/harness';

const cells = (sources: string[], expensive: string[] = []): CellSpec[] =>
  sources.map((source, i): CellSpec => ({ id: `c${i + 1}`, kind: 'code', source, options: expensive.includes(`c${i + 1}`) ? { expensive: true } : {} }));

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  setLocale('en');
  setChartLocale('en');
});

describe('notebookLabels', () => {
  test('are the label translations of the notebook, empty in English or without a translation', () => {
    const zh = notebookLabels('value-tiering', 'zh-CN');
    expect(zh['High value']).toBe('高价值');
    expect(zh['Champions']).toBe('重要价值客户');
    expect(notebookLabels('value-tiering', 'en')).toEqual({});
    expect(notebookLabels('no-such-notebook', 'zh-CN')).toEqual({});
  });
});

describe('isElementValue', () => {
  test('is true for DOM elements only', () => {
    const doc = newDocument();
    expect(isElementValue(doc.createElement('figure'))).toBe(true);
    expect(isElementValue(doc.createTextNode('x'))).toBe(false);
    expect(isElementValue({ nodeType: 'svg' })).toBe(false);
    expect(isElementValue(null)).toBe(false);
    expect(isElementValue(makeTable({ a: Float64Array.of(1) }))).toBe(false);
  });
});

describe('followChartLocale', () => {
  test('redraws the chart cells of a local runtime in the new language, without re-running expensive cells', async () => {
    const document = newDocument();
    let trained = 0;
    const rt = new Runtime({
      builtins: {
        train: () => (trained++, { shares: [0.3, 0.7] }),
        tierShares: (t: ReturnType<typeof makeTable>) => tierShares(t, { document }),
        makeTable,
        Float64Array,
      },
    });
    stops.push(followChartLocale('value-tiering', () => rt));
    expect(chartLocale()).toBe('en');
    rt.setCells(
      cells(
        [
          'model = train()',
          'summary = makeTable({tier: ["High value", "Dormant"], customers: Float64Array.of(300, 700), share: Float64Array.from(model.shares), revenueShare: Float64Array.of(0.8, 0.2)})',
          'chart = tierShares(summary)',
        ],
        ['c1'],
      ),
    );
    await rt.whenIdle();
    const title = () => (rt.value('chart') as Element).querySelector('h2')?.textContent;
    const ticks = () => [...(rt.value('chart') as Element).querySelectorAll('[aria-label="fy-axis tick label"] text')].map((t) => t.textContent);
    expect(title()).toBe('Customers and revenue by tier');
    expect(ticks()).toEqual(['High value', 'Dormant']);
    const summary = rt.value('summary');

    setLocale('zh-CN');
    expect(chartLocale()).toBe('zh-CN');
    // the notebook's own translation ("Dormant" is not a core label)
    expect(chartLabel('Dormant')).toBe('沉睡');
    await rt.whenIdle();
    expect(title()).toBe('各层级的用户与收入');
    expect(ticks()).toEqual(['高价值', '沉睡']);
    expect(trained).toBe(1);
    expect(rt.value('summary')).toBe(summary);
    expect(rt.state('c1')?.status).toBe('done');

    setLocale('en');
    await rt.whenIdle();
    expect(title()).toBe('Customers and revenue by tier');
    expect(ticks()).toEqual(['High value', 'Dormant']);
    expect(trained).toBe(1);
  });

  test('opens in the current UI language, hands a switch to a sandboxed runtime, and stops when told', () => {
    setLocale('zh-CN');
    const sent: [string, Record<string, string>][] = [];
    const sandboxed = { setChartLocale: (lang: string, labels: Record<string, string>) => sent.push([lang, labels]) };
    const stop = followChartLocale('ab-testing', () => sandboxed);
    expect(chartLocale()).toBe('zh-CN');
    setLocale('en');
    expect(sent).toEqual([['en', {}]]);
    setLocale('zh-CN');
    expect(sent[1][0]).toBe('zh-CN');
    expect(sent[1][1]['Variant column']).toBe('实验组字段');
    stop();
    setLocale('en');
    expect(sent).toHaveLength(2);
    expect(chartLocale()).toBe('zh-CN');
  });
});
