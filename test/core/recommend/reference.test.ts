/**
 * Popularity and item-kNN against the numpy reference (test/golden/recommend_reference.py →
 * test/fixtures/recommend_reference.json): the same top-N lists item for item, scores and metrics to 1e-12.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildInteractions, type Interactions } from '../../../src/core/recommend/interactions';
import { withTestSet } from '../../../src/core/recommend/split';
import { trainPopularity } from '../../../src/core/recommend/popularity';
import { trainItemKnn } from '../../../src/core/recommend/itemKnn';
import { topN, type RecommenderModel } from '../../../src/core/recommend/score';
import { evaluateTopN } from '../../../src/core/recommend/evaluate';

interface Rec { user: string; rank: number; item: string; score: number; source: number }
const ref = JSON.parse(readFileSync('test/fixtures/recommend_reference.json', 'utf8')) as {
  k: number;
  knnK: number;
  shrinkage: number;
  train: [string, string, number][];
  test: [string, string, number][];
  popularity: { lists: Rec[][]; metrics: Record<string, number> };
  itemknn: { neighbours: { item: string; sim: number }[][]; lists: Rec[][]; metrics: Record<string, number> };
};

function fromTriples(rows: [string, string, number][], source: string): Interactions {
  const users = [...new Set(rows.map((r) => r[0]))];
  const items = [...new Set(rows.map((r) => r[1]))];
  return buildInteractions(
    {
      user: Int32Array.from(rows, (r) => users.indexOf(r[0])),
      userDict: users,
      item: Int32Array.from(rows, (r) => items.indexOf(r[1])),
      itemDict: items,
      rating: Float64Array.from(rows, (r) => r[2]),
      time: new Float64Array(rows.length).fill(NaN),
    },
    { explicit: true, combine: 'last', source },
  );
}

const { train, test: testSet } = withTestSet(fromTriples(ref.train, 'train'), fromTriples(ref.test, 'test'));

function lists(model: RecommenderModel): Rec[] {
  const t = topN(model, train, { k: ref.k });
  return Array.from(t.user, (u, e) => ({ user: train.users[u], rank: t.rank[e], item: train.items[t.item[e]], score: t.score[e], source: t.source[e] }));
}

function expectSameLists(got: Rec[], want: Rec[]) {
  expect(got.map((r) => [r.user, r.rank, r.item, r.source])).toEqual(want.map((r) => [r.user, r.rank, r.item, r.source]));
  got.forEach((r, e) => expect(r.score).toBeCloseTo(want[e].score, 12));
}

function expectSameMetrics(got: Record<string, number>, want: Record<string, number>) {
  for (const key of Object.keys(want)) expect(got[key], key).toBeCloseTo(want[key], 12);
}

describe('recommenders against the numpy reference (14 users × 11 items, one cold-start user)', () => {
  test('the fixture has a cold-start user and users without test items', () => {
    expect(train.users).toContain('u13');
    expect(ref.train.some((r) => r[0] === 'u13')).toBe(false);
    expect(ref.popularity.metrics.users).toBeLessThan(train.users.length);
  });

  test('trainPopularity + topN(k=3) give numpy’s lists exactly', () => {
    expectSameLists(lists(trainPopularity(train)), ref.popularity.lists.flat());
  });

  test('evaluateTopN(popularity) matches numpy’s precision, recall, NDCG, MAP, hit rate, coverage, novelty', () => {
    expectSameMetrics(evaluateTopN(trainPopularity(train), train, testSet, { k: ref.k }) as unknown as Record<string, number>, ref.popularity.metrics);
  });

  test('trainItemKnn({k: 4, shrinkage: 2}) keeps numpy’s neighbours and similarities', () => {
    const knn = trainItemKnn(train, { k: ref.knnK, shrinkage: ref.shrinkage });
    ref.itemknn.neighbours.forEach((want, i) => {
      const got = Array.from(knn.nbr.subarray(knn.start[i], knn.start[i + 1]), (j) => train.items[j]);
      expect(got).toEqual(want.map((w) => w.item));
      want.forEach((w, q) => expect(knn.sim[knn.start[i] + q]).toBeCloseTo(w.sim, 12));
    });
  });

  test('item-kNN lists (with the popularity fill and the cold-start fallback) equal numpy’s', () => {
    expectSameLists(lists(trainItemKnn(train, { k: ref.knnK, shrinkage: ref.shrinkage })), ref.itemknn.lists.flat());
  });

  test('evaluateTopN(item-kNN) matches numpy', () => {
    expectSameMetrics(evaluateTopN(trainItemKnn(train, { k: ref.knnK, shrinkage: ref.shrinkage }), train, testSet, { k: ref.k }) as unknown as Record<string, number>, ref.itemknn.metrics);
  });
});
