import { describe, expect, it } from 'vitest';
import * as figures from './figures';
import { goldenPath, render, serialize } from './harness';

type Figure = (document: Document) => Element;
const named = Object.entries(figures).filter(
  (e): e is [string, Figure] => typeof e[1] === 'function' && e[1].length === 1 && /^[a-z]/.test(e[0]) && !/(Table|Bins|Points|Profile)$/.test(e[0]),
);

describe('golden figures (test/golden/plots)', () => {
  it('has one golden figure per chart at least', () => {
    expect(named.length).toBeGreaterThanOrEqual(10);
  });
  for (const [name, figure] of named) {
    it(`${name} matches its golden`, async () => {
      const root = render(figure);
      await expect(serialize(root)).toMatchFileSnapshot(goldenPath(name, root));
    });
  }
});
