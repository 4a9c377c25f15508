import { describe, expect, it } from 'vitest';
import { compileCell, type CompiledCell } from '../../src/runtime/compile';

const ok = (source: string) => {
  const c = compileCell(source);
  if (!c.ok) throw new Error(`expected ${source} to compile: ${c.error.message}`);
  return c as CompiledCell;
};

describe('compileCell(source)', () => {
  it('compiles `name = expression` to a function of its references', () => {
    const c = ok('total = a + b * a');
    expect(c).toMatchObject({ name: 'total', inputs: ['a', 'b'], async: false, generator: false });
    expect(c.fn(2, 3)).toBe(8);
  });

  it('compiles a block body with return, keeping comments and a trailing comment safe', () => {
    const c = ok('x = {\n  const y = n * 2; // double\n  return y + 1;\n}');
    expect(c.name).toBe('x');
    expect(c.fn(4)).toBe(9);
    expect(ok('z = n + 1 // trailing comment').fn(1)).toBe(2);
    expect(ok('o = ({a: 1})').fn()).toEqual({ a: 1 });
  });

  it('compiles anonymous expressions and function/class declarations', () => {
    expect(ok('1 + 2')).toMatchObject({ name: null, inputs: [] });
    const f = ok('function sq(v) { return v * v }');
    expect(f.name).toBe('sq');
    expect((f.fn() as (v: number) => number)(3)).toBe(9);
    expect(ok('class Point {}').name).toBe('Point');
    expect(ok('').fn()).toBeUndefined();
  });

  it('flags async and generator cells and builds matching functions', async () => {
    const a = ok('v = { await null; return w + 1 }');
    expect(a).toMatchObject({ async: true, generator: false });
    await expect(a.fn(1) as Promise<number>).resolves.toBe(2);
    const g = ok('g = { yield 1; yield k }');
    expect(g).toMatchObject({ async: false, generator: true });
    expect([...(g.fn(5) as Iterable<number>)]).toEqual([1, 5]);
    const ag = ok('h = { for await (const x of src) yield x * 2 }');
    expect(ag).toMatchObject({ async: true, generator: true, inputs: ['src'] });
    const out: number[] = [];
    for await (const x of ag.fn([1, 2]) as AsyncIterable<number>) out.push(x);
    expect(out).toEqual([2, 4]);
    // await inside a nested function does not make the cell async
    expect(ok('f = async () => await p').async).toBe(false);
  });

  it('leaves locals and parser globals out of inputs', () => {
    expect(ok('m = { const k = 2; return Math.max(k, data.length) }').inputs).toEqual(['data']);
    expect(ok('t = invalidation.then(() => 1)').inputs).toEqual(['invalidation']);
  });

  it('returns a syntax error with a 1-based line:column instead of throwing', () => {
    const c = compileCell('x = 1 +');
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error).toEqual({ name: 'SyntaxError', message: 'Unexpected end of input (1:8)', line: 1, column: 8 });
    const d = compileCell('y = {\n  let = = 2\n}');
    expect(!d.ok && d.error.line).toBe(2);
    expect(!d.ok && d.error.message).toMatch(/\(2:\d+\)$/);
  });

  it('refuses import, viewof and mutable with a message', () => {
    const imp = compileCell('import {x} from "y"');
    expect(!imp.ok && imp.error.message).toMatch(/import cells are not supported/);
    const v = compileCell('viewof k = 1');
    expect(!v.ok && v.error.message).toMatch(/viewof is not supported/);
    const r = compileCell('Math = 1');
    expect(!r.ok && r.error.message).toMatch(/reserved/);
  });
});
