import { describe, expect, it } from 'vitest';
import { cancelledCell, failedCell, fulfilledCell, initialCellState, isBusy, paramCell, queuedCell, staleCell, startedCell, withDefinition, yieldedCell } from '../../src/runtime/cell';

describe('cell state transitions', () => {
  it('goes idle → queued → running → done, keeping the previous value while queued', () => {
    let s = initialCellState('x', ['a']);
    expect(s).toEqual({ status: 'idle', name: 'x', inputs: ['a'], version: 0 });
    s = startedCell(queuedCell(s), 1, 1000);
    s = fulfilledCell(s, 1, 42, 3.5);
    expect(s).toMatchObject({ status: 'done', value: 42, ms: 3.5, startedAt: 1000, version: 1 });
    s = queuedCell(s);
    expect(s).toMatchObject({ status: 'queued', value: 42 });
    expect(isBusy(s)).toBe(true);
  });

  it('drops a result that carries an older version', () => {
    const s = startedCell(initialCellState('x', []), 2, 0);
    expect(fulfilledCell(s, 1, 'late', 9)).toBe(s);
    expect(failedCell(s, 1, { message: 'late' })).toBe(s);
    expect(yieldedCell(s, 1, 'late')).toBe(s);
    expect(fulfilledCell(s, 2, 'now', 1).value).toBe('now');
  });

  it('errors clear the value; stale and cancelled keep it; params update the shown value', () => {
    const done = fulfilledCell(startedCell(initialCellState('m', []), 1, 0), 1, { w: 1 }, 1);
    expect(failedCell(done, 1, { message: 'boom', name: 'Error' })).toMatchObject({ status: 'error', value: undefined, error: { message: 'boom' } });
    expect(staleCell(done)).toMatchObject({ status: 'stale', value: { w: 1 } });
    expect(cancelledCell(done)).toMatchObject({ status: 'cancelled', value: { w: 1 } });
    expect(paramCell(done, done.value)).toBe(done);
    expect(paramCell(done, 5).value).toBe(5);
    expect(withDefinition(done, 'm', [])).toBe(done);
    expect(withDefinition(done, 'n', ['k'])).toMatchObject({ name: 'n', inputs: ['k'], status: 'done' });
    expect(yieldedCell(startedCell(done, 2, 0), 2, 7)).toMatchObject({ status: 'running', value: 7 });
  });
});
