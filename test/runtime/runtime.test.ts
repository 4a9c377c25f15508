import { describe, expect, it } from 'vitest';
import { code, delay, harness } from './helpers';
import type { CellState } from '../../src/runtime/cell';

describe('Runtime ordering and minimal re-runs', () => {
  it('runs a diamond a → (b, c) → d once per cell, inputs first', async () => {
    const { rt, order, runs, reset } = harness();
    rt.setCells(code(['d = (log("d"), b + c)', 'b = (log("b"), a + 1)', 'c = (log("c"), a * 2)', 'a = (log("a"), 1)']));
    await rt.whenIdle();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(rt.value('d')).toBe(4);
    reset();
    rt.updateCell('c4', 'a = (log("a"), 10)');
    await rt.whenIdle();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(runs).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    expect(rt.value('d')).toBe(31);
  });

  it('re-runs exactly the changed cell and its transitive dependents', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['x = (log("x"), 1)', 'y = (log("y"), x + 1)', 'z = (log("z"), y + 1)', 'u = (log("u"), 5)', 'v = (log("v"), u)']));
    await rt.whenIdle();
    reset();
    rt.updateCell('c2', 'y = (log("y"), x + 2)');
    await rt.whenIdle();
    expect(runs).toEqual({ y: 1, z: 1 });
    expect(rt.value('z')).toBe(4);
  });

  it('coalesces changes made in the same tick into one batch', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['a = 1', 'b = 2', 's = (log("s"), a + b)']));
    await rt.whenIdle();
    reset();
    rt.updateCell('c1', 'a = 10');
    rt.updateCell('c2', 'b = 20');
    await rt.whenIdle();
    expect(runs).toEqual({ s: 1 });
    expect(rt.value('s')).toBe(30);
  });

  it('reports inputs (cells and builtins, not globals) and wall time', async () => {
    const { rt } = harness();
    rt.setCells(code(['a = 2', 'b = Math.max(a, 1) + structuredClone(a) + delay.length']));
    await rt.whenIdle();
    const s = rt.state('c2')!;
    expect(s.status).toBe('done');
    expect(s.inputs).toEqual(['a', 'delay']);
    expect(s.value).toBe(6);
    expect(s.ms).toBeGreaterThanOrEqual(0);
    expect(typeof s.startedAt).toBe('number');
  });
});

describe('Runtime static errors', () => {
  it('errors on an unknown name and recovers when a cell defines it', async () => {
    const { rt } = harness();
    rt.setCells(code(['y = foo + 1', 'ok = 1']));
    await rt.whenIdle();
    expect(rt.state('c1')!.status).toBe('error');
    expect(rt.state('c1')!.error!.message).toBe('`foo` is not defined');
    expect(rt.value('ok')).toBe(1);
    rt.addCell({ id: 'n', kind: 'code', source: 'foo = 41', options: {} }, 0);
    await rt.whenIdle();
    expect(rt.state('c1')!.status).toBe('done');
    expect(rt.value('y')).toBe(42);
  });

  it('treats a name as a global only when globals(name) says so', async () => {
    const { rt } = harness({ globals: () => false });
    rt.setCells(code(['x = structuredClone(1)', 'm = Math.PI > 3']));
    await rt.whenIdle();
    expect(rt.state('c1')!.error!.message).toBe('`structuredClone` is not defined');
    expect(rt.value('m')).toBe(true); // Math is one of the parser's own globals
  });

  it('errors every cell on a cycle with its path; dependents fail, others run', async () => {
    const { rt } = harness();
    rt.setCells(code(['a = b + 1', 'b = c + 1', 'c = a + 1', 'd = a', 'e = 7', 's = s + 1']));
    await rt.whenIdle();
    expect(rt.state('c1')!.error!.message).toBe('circular definition: a → b → c → a');
    expect(rt.state('c2')!.error!.message).toBe('circular definition: b → c → a → b');
    expect(rt.state('c3')!.error!.message).toBe('circular definition: c → a → b → c');
    expect(rt.state('c4')!.error!.message).toBe('input `a` failed');
    expect(rt.state('c6')!.error!.message).toBe('circular definition: s → s');
    expect(rt.value('e')).toBe(7);
    rt.updateCell('c3', 'c = 1');
    await rt.whenIdle();
    expect(rt.value('a')).toBe(3);
    expect(rt.value('d')).toBe(3);
  });

  it('errors both cells that define the same name, and their readers', async () => {
    const { rt } = harness();
    rt.setCells(code(['x = 1', 'x = 2', 'y = x * 10', 'z = 3']));
    await rt.whenIdle();
    for (const id of ['c1', 'c2', 'c3']) expect(rt.state(id)!.error!.message).toBe('`x` is defined more than once');
    expect(rt.value('z')).toBe(3);
    rt.removeCell('c2');
    await rt.whenIdle();
    expect(rt.value('y')).toBe(10);
  });

  it('shows a syntax error with line:column and leaves other cells alone', async () => {
    const { rt } = harness();
    rt.setCells(code(['a = 1', 'b = {\n  return a +;\n}', 'c = a + 1']));
    await rt.whenIdle();
    const s = rt.state('c2')!;
    expect(s.status).toBe('error');
    expect(s.error).toMatchObject({ name: 'SyntaxError', message: 'Unexpected token (2:13)', line: 2, column: 13 });
    expect(rt.value('c')).toBe(2);
  });

  it('isolates a throwing cell: readers show "input `x` failed", the rest runs', async () => {
    const { rt } = harness();
    rt.setCells(code(['x = { throw new RangeError("bad x") }', 'y = x + 1', 'w = y * 2', 'z = 5']));
    await rt.whenIdle();
    expect(rt.state('c1')!.error).toEqual({ message: 'bad x', name: 'RangeError' });
    expect(rt.state('c2')!.error!.message).toBe('input `x` failed');
    expect(rt.state('c3')!.error!.message).toBe('input `y` failed');
    expect(rt.value('z')).toBe(5);
    rt.updateCell('c1', 'x = 1');
    await rt.whenIdle();
    expect(rt.value('w')).toBe(4);
  });
});

describe('Runtime async, versions and generators', () => {
  it('makes dependents wait for an async input', async () => {
    const { rt, order } = harness();
    rt.setCells(code(['a = { await delay(15); log("a"); return 2 }', 'b = (log("b"), a * 3)']));
    expect(rt.state('c2')!.status).toBe('idle');
    await Promise.resolve();
    expect(rt.state('c2')!.status).toBe('queued');
    await rt.whenIdle();
    expect(order).toEqual(['a', 'b']);
    expect(rt.value('b')).toBe(6);
  });

  it('drops a late result from a superseded run (delayed promises)', async () => {
    const { rt, runs } = harness();
    // ms = 40 for the first run, 5 for the second: the first result lands after the second.
    rt.setCells(code(['p = slider({min: 0, max: 100, value: 40})', 'r = delay(p, "slept " + p)', 'k = (log("k"), r)']));
    await Promise.resolve();
    await delay(1);
    rt.setParam('p', 5);
    await rt.whenIdle();
    expect(rt.value('r')).toBe('slept 5');
    await delay(60); // the 40 ms promise has resolved by now, and must have been ignored
    expect(rt.value('r')).toBe('slept 5');
    expect(rt.value('k')).toBe('slept 5');
    expect(runs.k).toBe(1);
    expect(rt.state('c2')!.status).toBe('done');
  });

  it('streams async-generator values to dependents and stays running until it returns', async () => {
    const { rt } = harness();
    rt.setCells(code(['g = { for (let i = 1; i <= 3; i++) { await delay(5); yield i * 10 } }', 'h = g + 1']));
    const seen: number[] = [];
    const gStatus: string[] = [];
    rt.subscribe((id, s) => {
      if (id === 'c2' && s.status === 'done') seen.push(s.value as number);
      if (id === 'c1') gStatus.push(s.status);
    });
    await rt.whenIdle();
    expect(seen).toEqual([11, 21, 31]);
    expect(rt.state('c1')!.status).toBe('done');
    expect(rt.value('g')).toBe(30);
    expect(gStatus.filter((s) => s === 'running').length).toBeGreaterThanOrEqual(3);
    expect(gStatus.at(-1)).toBe('done');
  });

  it('streams a cell whose value is a generator object (e.g. a library returning an async generator)', async () => {
    async function* progress(n: number) {
      for (let i = 1; i <= n; i++) {
        await delay(2);
        yield { iteration: i, model: i === n ? 'fitted' : null };
      }
    }
    const { rt } = harness({ builtins: { progress } });
    rt.setCells(code(['training = progress(3)', 'model = training.model ?? new Promise(() => {})', 'label = "model: " + model']));
    await rt.whenIdle();
    expect(rt.value('training')).toEqual({ iteration: 3, model: 'fitted' });
    expect(rt.state('c1')!.status).toBe('done');
    expect(rt.value('label')).toBe('model: fitted');
  });

  it('paces a synchronous generator and ends with its last value', async () => {
    const { rt } = harness();
    rt.setCells(code(['g = { yield 1; yield 2; yield 3 }', 'h = g * 2']));
    await rt.whenIdle();
    expect(rt.value('h')).toBe(6);
    expect(rt.state('c1')!.status).toBe('done');
  });

  it('whenIdle waits for generators, async cells and queued work', async () => {
    const { rt } = harness();
    rt.setCells(code(['g = { for (let i = 0; i < 4; i++) { await delay(5); yield i } }']));
    const t0 = performance.now();
    await rt.whenIdle();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
    expect(rt.state('c1')!.status).toBe('done');
    await rt.whenIdle(); // already idle: resolves at once
  });

  it('cancel(id) resolves invalidation, returns the generator and marks the cell cancelled', async () => {
    const { rt, order } = harness();
    rt.setCells(code([
      'g = { invalidation.then(() => log("invalidated")); try { for (let i = 0; ; i++) { await delay(2); yield i } } finally { log("returned") } }',
      'h = g',
    ]));
    await delay(20);
    expect(rt.state('c1')!.status).toBe('running');
    const before = rt.value('g') as number;
    expect(before).toBeGreaterThanOrEqual(0);
    expect(rt.cancel('c1')).toBe(true);
    await rt.whenIdle();
    await delay(10);
    expect(rt.state('c1')!.status).toBe('cancelled');
    expect(order).toContain('invalidated');
    expect(order).toContain('returned');
    expect(rt.value('g')).toBeGreaterThanOrEqual(before); // keeps its last value
    expect(rt.cancel('c1')).toBe(false);
  });

  it('cancel(id) on a never-settling async cell lets whenIdle resolve; a reader with nothing to read says why', async () => {
    const { rt, order } = harness();
    rt.setCells(code(['x = { invalidation.then(() => log("inv")); return new Promise(() => {}) }', 'y = x']));
    await delay(5);
    expect(rt.state('c1')!.status).toBe('running');
    expect(rt.state('c2')!.status).toBe('queued');
    rt.cancel('c1');
    await rt.whenIdle();
    expect(rt.state('c1')!.status).toBe('cancelled');
    expect(rt.state('c2')!.error!.message).toBe('input `x` has no value (it was cancelled)');
    expect(order).toEqual(['inv']);
  });

  it('cancel(id) of a re-run keeps the old value and leaves readers as they were', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['n = 1', 'x = n === 1 ? 10 : new Promise(() => {})', 'y = (log("y"), x + 1)']));
    await rt.whenIdle();
    reset();
    rt.updateCell('c1', 'n = 2');
    await delay(2);
    expect(rt.state('c3')!.status).toBe('queued');
    rt.cancel('c2');
    await rt.whenIdle();
    expect(rt.state('c2')).toMatchObject({ status: 'cancelled', value: 10 });
    expect(rt.state('c3')).toMatchObject({ status: 'done', value: 11 });
    expect(runs).toEqual({});
  });

  it('resolves the invalidation of a run that a newer run supersedes', async () => {
    const { rt, order } = harness();
    rt.setCells(code(['n = 1', 'w = { invalidation.then(() => log("old run of " + n)); return n }']));
    await rt.whenIdle();
    rt.updateCell('c1', 'n = 2');
    await rt.whenIdle();
    await delay(0);
    expect(order).toEqual(['old run of 1']);
    rt.removeCell('c2');
    await delay(0);
    expect(order).toEqual(['old run of 1', 'old run of 2']);
  });
});

describe('Runtime widgets and params', () => {
  it('exposes params[name] ?? descriptor.value and re-runs readers only', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['t = (log("t"), slider({min: 0, max: 1, step: 0.01, value: 0.5, label: "Threshold"}))', 'u = (log("u"), t * 2)']));
    await rt.whenIdle();
    expect(rt.value('t')).toBe(0.5);
    expect(rt.state('c1')!.widget).toMatchObject({ kind: 'slider', min: 0, max: 1, step: 0.01, label: 'Threshold' });
    reset();
    expect(rt.setParam('t', 0.734)).toEqual({ ok: true, value: 0.73 });
    await rt.whenIdle();
    expect(runs).toEqual({ u: 1 });
    expect(rt.value('u')).toBe(1.46);
    expect(rt.state('c1')!.value).toBe(0.73);
    expect(rt.params()).toEqual({ t: 0.73 });
  });

  it('clamps out-of-range values and ignores invalid ones, reporting them', async () => {
    const { rt, warnings } = harness();
    rt.setCells(code(['k = slider({min: 2, max: 8, step: 1, value: 4})', 'm = select({options: ["rfm", "kmeans"]})', 'b = checkbox({value: false})', 'q = [k, m, b]']));
    await rt.whenIdle();
    expect(rt.setParam('k', 99)).toEqual({ ok: true, value: 8 });
    expect(rt.setParam('k', 'abc').ok).toBe(false);
    expect(rt.setParam('m', 'dbscan').ok).toBe(false);
    expect(rt.setParam('q', 1).ok).toBe(false); // not a widget
    expect(rt.setParams({ b: 'true', m: 'kmeans' })).toEqual([]);
    await rt.whenIdle();
    expect(rt.value('q')).toEqual([8, 'kmeans', true]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/parameter `k`: "abc" is not a finite number/);
  });

  it('setParams before the first run applies (and clamps) them when the widget appears', async () => {
    const { rt, warnings } = harness();
    rt.setParams({ k: '12', m: 'nope' });
    rt.setCells(code(['k = slider({min: 1, max: 10, step: 1, value: 3})', 'm = select({options: ["a", "b"]})', 'both = k + m']));
    await rt.whenIdle();
    expect(rt.value('both')).toBe('10a');
    expect(rt.params()).toEqual({ k: 10 });
    expect(warnings).toEqual(['parameter `m`: "nope" is not one of "a", "b"; ignored']);
  });

  it('custom widgets (any kind) check values with their own coerce(raw)', async () => {
    const { WIDGET } = await import('../../src/runtime/widgets');
    const pick = (value: string) => ({ [WIDGET]: true, kind: 'dataset', value, coerce: (raw: unknown) => (raw === 'a' || raw === 'b' ? { ok: true, value: raw } : { ok: false, message: 'unknown dataset' }) });
    const free = { [WIDGET]: true, kind: 'roles', value: { customer: 'id' } };
    const { rt, warnings } = harness({ builtins: { pick, free } });
    rt.setCells(code(['src = pick("a")', 'roles = free', 'out = src + JSON.stringify(roles)']));
    await rt.whenIdle();
    expect(rt.value('out')).toBe('a{"customer":"id"}');
    expect(rt.setParam('src', 'zzz')).toEqual({ ok: false, message: 'parameter `src`: unknown dataset; ignored' });
    rt.setParams({ src: 'b', roles: { customer: 'Kunde' } });
    await rt.whenIdle();
    expect(rt.value('out')).toBe('b{"customer":"Kunde"}');
    expect(warnings).toHaveLength(1);
  });

  it('a param equal to the current value re-runs nothing', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['k = number({value: 3})', 'r = (log("r"), k)']));
    await rt.whenIdle();
    reset();
    rt.setParam('k', 3);
    await rt.whenIdle();
    expect(runs).toEqual({});
  });
});

describe('Runtime expensive cells', () => {
  const cells = () =>
    code(['x = slider({min: 0, max: 10, step: 1, value: 1})', 'model = (log("model"), { fitted: x * 100 })', 'score = (log("score"), model.fitted + 1)', 'other = (log("other"), x)'], ['c2']);

  it('runs the first time, then goes stale (value kept, readers untouched) until run(id)', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(cells());
    await rt.whenIdle();
    expect(runs).toEqual({ model: 1, score: 1, other: 1 });
    reset();
    rt.setParam('x', 2);
    await rt.whenIdle();
    expect(runs).toEqual({ other: 1 });
    expect(rt.state('c2')!.status).toBe('stale');
    expect(rt.value('model')).toEqual({ fitted: 100 });
    expect(rt.state('c3')!.status).toBe('done');
    expect(rt.value('score')).toBe(101);
    reset();
    rt.run('c2');
    await rt.whenIdle();
    expect(runs).toEqual({ model: 1, score: 1 });
    expect(rt.value('score')).toBe(201);
    expect(rt.state('c2')!.status).toBe('done');
  });

  it('reuses a cached result when inputs return to a cached state, without running', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(cells());
    await rt.whenIdle();
    rt.setParam('x', 2);
    await rt.whenIdle();
    rt.run('c2');
    await rt.whenIdle();
    reset();
    rt.setParam('x', 1); // back to the first state: cache hit
    await rt.whenIdle();
    expect(runs).toEqual({ score: 1, other: 1 });
    expect(rt.state('c2')!.status).toBe('done');
    expect(rt.value('score')).toBe(101);
    reset();
    rt.setParam('x', 2); // also cached
    await rt.whenIdle();
    expect(runs.model).toBeUndefined();
    expect(rt.value('score')).toBe(201);
  });

  it('caches the final value of an expensive streaming (generator) cell', async () => {
    let started = 0;
    async function* train(lr: number) {
      started++;
      yield { done: false, model: null };
      await delay(2);
      yield { done: true, model: `m@${lr}` };
    }
    const { rt } = harness({ builtins: { train } });
    rt.setCells(code(['lr = number({value: 1})', 'training = train(lr)', 'model = training.model ?? new Promise(() => {})'], ['c2']));
    await rt.whenIdle();
    expect(rt.value('model')).toBe('m@1');
    rt.setParam('lr', 2);
    await rt.whenIdle();
    expect(rt.state('c2')!.status).toBe('stale');
    rt.run('c2');
    await rt.whenIdle();
    expect(rt.value('model')).toBe('m@2');
    rt.setParam('lr', 1);
    await rt.whenIdle();
    expect(rt.state('c2')!.status).toBe('done');
    expect(rt.value('model')).toBe('m@1');
    expect(started).toBe(2);
  });

  it('runAll() runs stale expensive cells and every other cell', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(cells());
    await rt.whenIdle();
    rt.setParam('x', 3);
    await rt.whenIdle();
    expect(rt.state('c2')!.status).toBe('stale');
    reset();
    rt.runAll();
    await rt.whenIdle();
    expect(runs).toEqual({ model: 1, score: 1, other: 1 });
    expect(rt.value('score')).toBe(301);
  });
});

describe('Runtime structure edits', () => {
  it('setCells keeps the state of unchanged code, even under new ids', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['a = (log("a"), 1)', 'b = (log("b"), a + 1)']));
    await rt.whenIdle();
    const before = rt.state('c2');
    reset();
    rt.setCells([
      { id: 'c1', kind: 'markdown', source: '# New heading', options: {} },
      { id: 'c2', kind: 'code', source: 'a = (log("a"), 1)', options: {} },
      { id: 'c3', kind: 'code', source: 'b = (log("b"), a + 1)', options: {} },
      { id: 'c4', kind: 'code', source: 'c = (log("c"), b)', options: {} },
    ]);
    await rt.whenIdle();
    expect(runs).toEqual({ c: 1 });
    expect(rt.state('c3')!.value).toBe(before!.value);
    expect(rt.state('c1')).toBeUndefined();
    expect(rt.cells().map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('removeCell makes readers fail; moveCell re-runs nothing', async () => {
    const { rt, runs, reset } = harness();
    rt.setCells(code(['a = (log("a"), 1)', 'b = (log("b"), a + 1)', 'c = (log("c"), 3)']));
    await rt.whenIdle();
    reset();
    rt.moveCell('c3', 0);
    await rt.whenIdle();
    expect(runs).toEqual({});
    expect(rt.cells().map((c) => c.id)).toEqual(['c3', 'c1', 'c2']);
    rt.removeCell('c1');
    await rt.whenIdle();
    expect(rt.state('c2')!.error!.message).toBe('`a` is not defined');
  });

  it('renaming a definition re-runs its old and new readers', async () => {
    const { rt } = harness();
    rt.setCells(code(['x = 1', 'p = x + 1', 'q = y + 1']));
    await rt.whenIdle();
    expect(rt.state('c3')!.status).toBe('error');
    rt.updateCell('c1', 'y = 1');
    await rt.whenIdle();
    expect(rt.state('c2')!.error!.message).toBe('`x` is not defined');
    expect(rt.value('q')).toBe(2);
  });

  it('notifies subscribers of every transition and stops after unsubscribe / dispose', async () => {
    const { rt } = harness();
    const events: [string, CellState['status']][] = [];
    const off = rt.subscribe((id, s) => events.push([id, s.status]));
    rt.setCells(code(['a = 1']));
    await rt.whenIdle();
    expect(events).toEqual([['c1', 'queued'], ['c1', 'running'], ['c1', 'done']]);
    off();
    rt.updateCell('c1', 'a = 2');
    await rt.whenIdle();
    expect(events).toHaveLength(3);
    rt.dispose();
    expect(() => rt.updateCell('c1', 'a = 3')).toThrow(/disposed/);
  });
});

describe('Runtime param changes in a row', () => {
  it('each of 300 param changes re-runs the 5 dependent cells once and ends on the right value', async () => {
    const { rt, runs } = harness();
    rt.setCells(code(['p = slider({min: 0, max: 1e9, step: 1, value: 0})', 'a = (log("a"), p + 1)', 'b = a + 1', 'c = a + b', 'd = c * 2', 'e = d - p']));
    await rt.whenIdle();
    const before = runs.a ?? 0;
    for (let i = 1; i <= 300; i++) {
      rt.setParam('p', 1000 + i);
      await rt.whenIdle();
    }
    expect((runs.a ?? 0) - before).toBe(300);
    expect(rt.value('e')).toBe(4 * 1300 + 6 - 1300);
  });
});
