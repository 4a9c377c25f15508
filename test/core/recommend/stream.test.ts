/**
 * The training cell's stream (src/stdlib/recommending.ts): progress states while a runner trains, then
 * the result; closing the generator (Cancel, or a superseded cell) aborts the runner's signal.
 */
import { describe, expect, test } from 'vitest';
import { buildInteractions } from '../../../src/core/recommend/interactions';
import { holdout } from '../../../src/core/recommend/split';
import { inProcessRunner, recommenderStream, type RecommendRunner } from '../../../src/stdlib/recommending';

const inter = buildInteractions(
  {
    user: Int32Array.from({ length: 60 }, (_, k) => k % 12),
    userDict: Array.from({ length: 12 }, (_, k) => `u${String(k).padStart(2, '0')}`),
    item: Int32Array.from({ length: 60 }, (_, k) => (k * 7) % 9),
    itemDict: Array.from({ length: 9 }, (_, k) => `i${k}`),
    rating: Float64Array.from({ length: 60 }, (_, k) => 1 + (k % 5)),
    time: new Float64Array(60).fill(NaN),
  },
  { explicit: true, combine: 'last', source: 'tiny' },
);
const split = holdout(inter, { testFraction: 0.25 });

describe('recommenderStream(job, runner)', () => {
  test('in-process: ends with a done state holding the result; the losses are the epochs', async () => {
    const states = [];
    for await (const s of recommenderStream({ train: split.train, test: split.test, model: 'mf', params: { mf: { factors: 3, epochs: 4 } } }, inProcessRunner)) states.push(s);
    const last = states[states.length - 1];
    expect(states[0].status).toBe('training');
    expect(last.status).toBe('done');
    expect(last.result?.losses.map((l) => l.iteration)).toEqual([1, 2, 3, 4]);
    expect(last.result?.ratings?.n).toBe(split.test.user.length);
  });

  test('closing the stream mid-run aborts the runner (the browser then terminates the worker)', async () => {
    let aborted = false;
    const slow: RecommendRunner = (_job, onProgress, signal) =>
      new Promise((_resolve, reject) => {
        onProgress({ model: 'als', phase: 'train', iteration: 1, iterations: 15, loss: 0.5 });
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('cancelled', 'AbortError'));
        });
      });
    const stream = recommenderStream({ train: split.train, test: split.test, model: 'als' }, slow);
    const first = await stream.next();
    expect(first.value).toMatchObject({ status: 'training', iterations: 15 });
    const second = await stream.next();
    expect(second.value).toMatchObject({ iteration: 1, losses: [{ iteration: 1, loss: 0.5 }] });
    await stream.return(undefined);
    expect(aborted).toBe(true);
  });

  test('an unknown model name is a clear error', async () => {
    await expect(() => recommenderStream({ train: split.train, test: split.test, model: 'svdpp' as never }, inProcessRunner).next()).rejects.toThrow(/unknown recommender `svdpp` \(choose one of mf, als, itemknn, popularity, content\)/);
  });
});
