import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphInput } from '../../src/runtime/graph';

const cells = (defs: [string | null, string[]][]): GraphInput[] => defs.map(([name, refs], i) => ({ key: i + 1, name, refs }));
const builtin = (n: string) => n === 'slider';
const noGlobal = () => false;

describe('buildGraph(cells, isBuiltin, isGlobal)', () => {
  it('orders inputs before readers and keeps notebook order where free', () => {
    const g = buildGraph(cells([['d', ['b', 'c']], ['b', ['a']], ['c', ['a']], ['a', []], ['z', []]]), builtin, noGlobal);
    expect(g.order).toEqual([4, 2, 3, 1, 5]);
    expect(g.nodes.get(1)!.deps).toEqual([2, 3]);
    expect(g.nodes.get(4)!.dependents).toEqual([2, 3]);
  });

  it('resolves cell, builtin, global and unknown names', () => {
    const g = buildGraph(cells([['a', []], [null, ['a', 'slider', 'fetch2', 'nope']]]), builtin, (n) => n === 'fetch2');
    const n = g.nodes.get(2)!;
    expect(n.resolutions.map((r) => r.kind)).toEqual(['cell', 'builtin', 'global', 'unknown']);
    expect(n.inputs).toEqual(['a', 'slider']);
    expect(n.error).toBe('`nope` is not defined');
  });

  it('names the cycle from each member and ignores its edges for ordering', () => {
    const g = buildGraph(cells([['a', ['b']], ['b', ['a']], ['c', ['a']], ['s', ['s']]]), builtin, noGlobal);
    expect(g.nodes.get(1)!.error).toBe('circular definition: a → b → a');
    expect(g.nodes.get(2)!.error).toBe('circular definition: b → a → b');
    expect(g.nodes.get(3)!.error).toBeUndefined();
    expect(g.nodes.get(4)!.error).toBe('circular definition: s → s');
    expect(g.order).toHaveLength(4);
    expect(g.nodes.get(3)!.rank).toBeGreaterThan(g.nodes.get(1)!.rank);
  });

  it('errors duplicate definitions and their readers; signatures change with resolution', () => {
    const g1 = buildGraph(cells([['x', []], ['x', []], ['y', ['x']]]), builtin, noGlobal);
    expect([1, 2, 3].map((k) => g1.nodes.get(k)!.error)).toEqual(Array(3).fill('`x` is defined more than once'));
    expect(g1.nodes.get(3)!.deps).toEqual([1, 2]);
    const g2 = buildGraph(cells([['x', []], ['w', []], ['y', ['x']]]), builtin, noGlobal);
    expect(g2.nodes.get(3)!.error).toBeUndefined();
    expect(g2.nodes.get(3)!.signature).not.toBe(g1.nodes.get(3)!.signature);
    expect(g2.nodes.get(1)!.signature).toBe(buildGraph(cells([['x', []]]), builtin, noGlobal).nodes.get(1)!.signature);
  });
});
