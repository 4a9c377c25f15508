import { describe, expect, it } from 'vitest';
import { code, harness } from './helpers';

/** A stand-in for a chart: what `rerunWhere` is given to recognise (the UI tests for a DOM element). */
class Chart {
  constructor(readonly text: string) {}
}
const isChart = (v: unknown) => v instanceof Chart;

describe('rt.rerunWhere(test) re-runs the cells whose value passes test (charts after a language switch)', () => {
  it('re-runs only the matching cheap cells, and their readers; the inputs keep their values', async () => {
    let lang = 'en';
    const { rt, runs, reset } = harness({ builtins: { Chart, lang: () => lang } });
    rt.setCells(
      code([
        'data = (log("data"), [1, 2, 3])',
        'chart = (log("chart"), new Chart(lang() + ":" + data.length))',
        'caption = (log("caption"), chart.text)',
        'total = (log("total"), data.length)',
      ]),
    );
    await rt.whenIdle();
    reset();
    lang = 'zh-CN';
    expect(rt.rerunWhere(isChart)).toEqual(['c2']);
    await rt.whenIdle();
    expect(runs).toEqual({ chart: 1, caption: 1 });
    expect((rt.value('chart') as Chart).text).toBe('zh-CN:3');
    expect(rt.value('caption')).toBe('zh-CN:3');
  });

  it('never re-runs an expensive cell (no retraining), a widget, a failed cell or a cell without a value', async () => {
    const { rt, runs, reset } = harness({ builtins: { Chart } });
    rt.setCells(
      code(
        [
          'model = (log("model"), new Chart("trained"))',
          'k = slider({min: 1, max: 5, value: 2})',
          'broken = (log("broken"), missing.x)',
          'plot = (log("plot"), new Chart("k=" + k + " " + model.text))',
        ],
        ['c1'],
      ),
    );
    await rt.whenIdle();
    reset();
    expect(rt.rerunWhere(isChart)).toEqual(['c4']);
    expect(rt.rerunWhere(() => true)).toEqual(['c4']);
    await rt.whenIdle();
    expect(runs).toEqual({ plot: 1 });
    expect(rt.state('c1')?.status).toBe('done');
    expect((rt.value('plot') as Chart).text).toBe('k=2 trained');
  });

  it('re-runs nothing when no value passes', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['a = (log("a"), 1)', 'b = (log("b"), a + 1)']));
    await rt.whenIdle();
    reset();
    expect(rt.rerunWhere(isChart)).toEqual([]);
    await rt.whenIdle();
    expect(runs).toEqual({});
  });
});
