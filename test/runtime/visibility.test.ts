import { describe, expect, test } from 'vitest';
import { Runtime } from '../../src/runtime/runtime';
import { code } from './helpers';

/**
 * `Runtime({visible})`: in a batch the cells on screen, and what they read, run first; the runtime then
 * yields a macrotask (the browser paints them) before the off-screen readers run.
 */
describe('Runtime({visible}) runs what is on screen first', () => {
  const cells = [
    'x = 1', //                c1: the parameter-like source
    'offA = log("offA", x + 1)', // c2: off screen, earlier in the notebook
    'shared = log("shared", x * 10)', // c3: read by the visible chart
    'offB = log("offB", shared + 1)', // c4: off screen
    'chart = log("chart", shared + 2)', // c5: on screen
  ];

  function setup(visible?: (id: string) => boolean) {
    const order: string[] = [];
    const log = (name: string, v: number) => (order.push(name), v);
    const rt = new Runtime({ builtins: { log }, frameBudgetMs: Infinity, visible });
    rt.setCells(code(cells));
    return { rt, order };
  }

  test('visible cells and their inputs run before earlier off-screen cells; a macrotask sees only them done', async () => {
    const { rt, order } = setup((id) => id === 'c5');
    await rt.whenIdle();
    order.length = 0;
    rt.updateCell('c1', 'x = 2');
    await Promise.resolve();
    await Promise.resolve();
    // Before any macrotask: the urgent slice (shared, chart) ran; the off-screen cells wait for the yield.
    expect(order).toEqual(['shared', 'chart']);
    expect(rt.state('c2')!.status).not.toBe('done');
    await rt.whenIdle();
    expect(order.slice(0, 2)).toEqual(['shared', 'chart']);
    expect([...order].sort()).toEqual(['chart', 'offA', 'offB', 'shared']);
    expect([rt.value('offA'), rt.value('offB'), rt.value('chart')]).toEqual([3, 21, 22]);
  });

  test('without `visible` (the headless runner) one batch runs in notebook order before any macrotask', async () => {
    const { rt, order } = setup();
    await rt.whenIdle();
    order.length = 0;
    rt.updateCell('c1', 'x = 2');
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['offA', 'shared', 'offB', 'chart']);
    expect(rt.value('chart')).toBe(22);
  });

  test('a throwing `visible` counts as visible, and the values are the same as without it', async () => {
    const { rt } = setup(() => {
      throw new Error('detached');
    });
    await rt.whenIdle();
    expect([rt.value('offA'), rt.value('offB'), rt.value('chart')]).toEqual([2, 11, 12]);
  });

  test('while a slider is dragged only the cells on screen keep up; the off-screen ones run once it pauses', async () => {
    const order: string[] = [];
    const log = (name: string, v: number) => (order.push(name), v);
    const rt = new Runtime({ builtins: { log }, frameBudgetMs: Infinity, visible: (id) => id === 'c3', offscreenDelayMs: 60 });
    rt.setCells(code(['t = slider({min: 0, max: 1, step: 0.01, value: 0.5})', 'off = log("off", t * 2)', 'chart = log("chart", t * 3)']));
    await rt.whenIdle();
    order.length = 0;
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    for (const v of [0.6, 0.7, 0.8]) {
      rt.setParam('t', v);
      await sleep(10); // the next drag step comes before the delay is over
    }
    expect(order).toEqual(['chart', 'chart', 'chart']);
    expect(rt.state('c2')!.status).toBe('queued');
    expect(rt.value('chart')).toBeCloseTo(2.4, 10);
    await rt.whenIdle(); // the drag paused: the off-screen cell runs once, on the last value
    expect(order).toEqual(['chart', 'chart', 'chart', 'off']);
    expect(rt.value('off')).toBeCloseTo(1.6, 10);
  });

  test('a number widget (not dragged) does not hold the off-screen cells back', async () => {
    const order: string[] = [];
    const log = (name: string, v: number) => (order.push(name), v);
    const rt = new Runtime({ builtins: { log }, frameBudgetMs: Infinity, visible: (id) => id === 'c3', offscreenDelayMs: 10_000 });
    rt.setCells(code(['n = number({min: 0, max: 10, value: 1})', 'off = log("off", n * 2)', 'chart = log("chart", n * 3)']));
    await rt.whenIdle();
    order.length = 0;
    rt.setParam('n', 2);
    await rt.whenIdle();
    expect(order).toEqual(['chart', 'off']);
  });

  test('an edit (not a parameter) does not hold the off-screen cells back', async () => {
    const order: string[] = [];
    const log = (name: string, v: number) => (order.push(name), v);
    const rt = new Runtime({ builtins: { log }, frameBudgetMs: Infinity, visible: (id) => id === 'c3', offscreenDelayMs: 10_000 });
    rt.setCells(code(['t = 1', 'off = log("off", t * 2)', 'chart = log("chart", t * 3)']));
    await rt.whenIdle();
    order.length = 0;
    rt.updateCell('c1', 't = 2');
    await rt.whenIdle();
    expect(order).toEqual(['chart', 'off']);
  });

  test("in the browser a generator's values reach its readers in a task of their own", async () => {
    const order: string[] = [];
    const log = (name: string, v: number) => (order.push(name), v);
    let push: (v: number) => void = () => {};
    async function* stream() {
      yield 1;
      for (;;) yield await new Promise<number>((resolve) => (push = resolve));
    }
    const rt = new Runtime({ builtins: { log, stream }, frameBudgetMs: Infinity, visible: () => true });
    rt.setCells(code(['s = stream()', 'r = log("r", s * 10)']));
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
    expect(rt.value('r')).toBe(10);
    order.length = 0;
    push(2);
    for (let i = 0; i < 5; i++) await Promise.resolve(); // microtasks only: the value is taken, its reader waits
    expect(rt.value('s')).toBe(2);
    expect(order).toEqual([]);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['r']);
    expect(rt.value('r')).toBe(20);
  });
  test('in the browser a Run starts in a task of its own; headless it runs at once', async () => {
    for (const browser of [true, false]) {
      const order: string[] = [];
      const log = (name: string, v: number) => (order.push(name), v);
      const rt = new Runtime({ builtins: { log }, frameBudgetMs: Infinity, visible: browser ? () => true : undefined });
      rt.setCells(code(['a = log("a", 1)', 'b = log("b", a + 1)']));
      await rt.whenIdle();
      order.length = 0;
      rt.run('c1');
      for (let i = 0; i < 5; i++) await Promise.resolve(); // the click's own microtasks
      expect(order).toEqual(browser ? [] : ['a', 'b']);
      await rt.whenIdle();
      expect(order).toEqual(['a', 'b']);
      expect(rt.value('b')).toBe(2);
    }
  });
});
