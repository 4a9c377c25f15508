import { describe, expect, test } from 'vitest';
import { Runtime } from '../../src/runtime/runtime';
import { code } from './helpers';

/** A synchronous cell that keeps the thread busy for `ms`. */
const spin = (ms: number) => {
  const t0 = performance.now();
  while (performance.now() - t0 < ms);
  return ms;
};

describe('Runtime({frameBudgetMs}) yields to the event loop between cells', () => {
  test('a long synchronous batch is split: a macrotask sees the early cells done and the late ones pending', async () => {
    const rt = new Runtime({ builtins: { spin }, frameBudgetMs: 5 });
    rt.setCells(code(['a = spin(8)', 'b = a + spin(8)', 'c = b + spin(8)', 'd = c + 1']));
    const seen: string[] = [];
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    seen.push(['c1', 'c2', 'c3', 'c4'].map((id) => rt.state(id)!.status).join(','));
    await rt.whenIdle();
    expect(rt.value('d')).toBe(25);
    expect(seen[0]).not.toBe('done,done,done,done'); // the first macrotask came before the end
    expect(seen[0].startsWith('done')).toBe(true);
  });

  test('with no budget (the headless runner) one batch runs to the end before any macrotask', async () => {
    const rt = new Runtime({ builtins: { spin }, frameBudgetMs: Infinity });
    rt.setCells(code(['a = spin(3)', 'b = a + spin(3)', 'c = b + 1']));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(['c1', 'c2', 'c3'].map((id) => rt.state(id)!.status)).toEqual(['done', 'done', 'done']);
    expect(rt.value('c')).toBe(7);
  });
});
