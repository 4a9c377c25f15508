/**
 * Recommenders on data with a known answer: biased MF on a planted rank-5 structure, ALS on planted
 * purchase clusters, content on item names; reading ratings files and transactions; holdouts; the top-N
 * table's fallbacks; determinism.
 */
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../../src/core/data/csv';
import { makeTable } from '../../../src/core/table';
import { mulberry32 } from '../../../src/core/stats/rng';
import { buildInteractions, interactionsFromRatings, interactionsFromTransactions, type Interactions } from '../../../src/core/recommend/interactions';
import { holdout, withTestSet } from '../../../src/core/recommend/split';
import { normal, predictRating, trainMf } from '../../../src/core/recommend/mf';
import { trainAls } from '../../../src/core/recommend/als';
import { trainContent, nameTokens } from '../../../src/core/recommend/content';
import { evaluateRatings, evaluateTopN } from '../../../src/core/recommend/evaluate';
import { trainPopularity } from '../../../src/core/recommend/popularity';
import { topN } from '../../../src/core/recommend/score';
import { runRecommenderJob } from '../../../src/core/recommend/pipeline';

function fromArrays(u: number[], i: number[], r: number[], nU: number, nI: number, explicit = true): Interactions {
  const pad = (k: number) => String(k).padStart(4, '0');
  return buildInteractions(
    {
      user: Int32Array.from(u),
      userDict: Array.from({ length: nU }, (_, k) => `u${pad(k)}`),
      item: Int32Array.from(i),
      itemDict: Array.from({ length: nI }, (_, k) => `i${pad(k)}`),
      rating: Float64Array.from(r),
      time: Float64Array.from(u, (_, k) => k),
    },
    { explicit, combine: 'last', source: 'synthetic' },
  );
}

/** Ratings r = 3.5 + b_u + b_i + ⟨U_u, V_i⟩ + N(0, σ²), U and V of rank 5, on a random 90 % of 400 × 400 cells. */
function plantedRatings(sigma: number) {
  const rand = mulberry32(7);
  const g = normal(rand);
  const nU = 400;
  const nI = 400;
  const U = Float64Array.from({ length: nU * 5 }, () => g() * 0.6);
  const V = Float64Array.from({ length: nI * 5 }, () => g() * 0.6);
  const bu = Float64Array.from({ length: nU }, () => g() * 0.3);
  const bi = Float64Array.from({ length: nI }, () => g() * 0.3);
  const u: number[] = [];
  const i: number[] = [];
  const r: number[] = [];
  for (let a = 0; a < nU; a++) {
    for (let b = 0; b < nI; b++) {
      if (rand() >= 0.9) continue;
      let d = 3.5 + bu[a] + bi[b];
      for (let c = 0; c < 5; c++) d += U[a * 5 + c] * V[b * 5 + c];
      u.push(a);
      i.push(b);
      r.push(d + g() * sigma);
    }
  }
  return fromArrays(u, i, r, nU, nI);
}

describe('trainMf (biased MF by SGD)', () => {
  test('on a planted rank-5 structure with noise σ = 0.5 the test RMSE is within 5 % of the noise floor σ', () => {
    const sigma = 0.5;
    const { train, test: held } = holdout(plantedRatings(sigma), { testFraction: 0.2, seed: 1 });
    const model = trainMf(train, { factors: 5, epochs: 40, learningRate: 0.01, regularization: 0.02, seed: 3 });
    const { rmse, mae } = evaluateRatings(model, held);
    expect(rmse).toBeGreaterThan(sigma * 0.95); // cannot beat the noise
    expect(rmse).toBeLessThan(sigma * 1.05);
    expect(mae).toBeLessThan(rmse);
    // the global-mean predictor is far worse: the structure was learnt
    const mean = train.rating.reduce((s, v) => s + v, 0) / train.rating.length;
    const base = Math.sqrt(held.rating.reduce((s, v) => s + (v - mean) ** 2, 0) / held.rating.length);
    expect(rmse).toBeLessThan(base * 0.6);
  });

  test('defaults are Surprise’s (100 factors, 20 epochs) and a seed fixes the result', () => {
    const inter = fromArrays([0, 0, 1, 1, 2], [0, 1, 0, 2, 1], [5, 3, 4, 1, 2], 3, 3);
    const a = trainMf(inter);
    const b = trainMf(inter);
    expect(a.factors).toBe(100);
    expect(a.losses).toHaveLength(20);
    expect(Array.from(a.P)).toEqual(Array.from(b.P));
    expect(Array.from(trainMf(inter, { seed: 2 }).P)).not.toEqual(Array.from(a.P));
    expect(a.losses[19].loss).toBeLessThan(a.losses[0].loss);
  });

  test('an unknown user or item predicts from the parts that are known (μ for an unknown pair)', () => {
    const inter = fromArrays([0, 1], [0, 1], [5, 1], 3, 3);
    const m = trainMf(inter, { factors: 2, epochs: 5 });
    expect(predictRating(m, 2, 2)).toBe(m.mu);
    expect(predictRating(m, 0, 2)).toBeCloseTo(m.mu + m.bu[0], 15);
  });

  test('rejects bad options with the option named', () => {
    const inter = fromArrays([0], [0], [1], 1, 1);
    expect(() => trainMf(inter, { factors: 0 })).toThrow(/factors must be a positive integer/);
    expect(() => trainMf(inter, { learningRate: -1 })).toThrow(/learningRate/);
  });
});

describe('trainAls (implicit ALS, confidence 1 + α r)', () => {
  // 4 clusters of 30 customers, each buying mostly from its own 10 of 40 items
  function clusters(): Interactions {
    const rand = mulberry32(11);
    const u: number[] = [];
    const i: number[] = [];
    const r: number[] = [];
    for (let a = 0; a < 120; a++) {
      const c = a % 4;
      for (let b = 0; b < 40; b++) {
        const own = Math.floor(b / 10) === c;
        if (rand() < (own ? 0.6 : 0.03)) {
          u.push(a);
          i.push(b);
          r.push(1 + Math.floor(rand() * 3));
        }
      }
    }
    return fromArrays(u, i, r, 120, 40, false);
  }

  test('recovers planted purchase clusters far better than popularity', () => {
    const { train, test: held } = holdout(clusters(), { testFraction: 0.25, seed: 5 });
    const als = evaluateTopN(trainAls(train, { factors: 8, iterations: 10, alpha: 5 }), train, held, { k: 5 });
    const pop = evaluateTopN(trainPopularity(train), train, held, { k: 5 });
    expect(als.precision).toBeGreaterThan(0.25);
    expect(als.precision).toBeGreaterThan(2 * pop.precision);
    expect(als.ndcg).toBeGreaterThan(pop.ndcg);
  });

  test('the observed-pair loss falls and the run is deterministic', () => {
    const inter = clusters();
    const a = trainAls(inter, { factors: 4, iterations: 6 });
    expect(a.losses[5].loss).toBeLessThan(a.losses[0].loss);
    expect(Array.from(trainAls(inter, { factors: 4, iterations: 6 }).Y)).toEqual(Array.from(a.Y));
  });
});

describe('reading interactions', () => {
  test('a ratings file with a header finds user, item, rating and timestamp by name', () => {
    const t = parseCsv('movieId,userId,rating,timestamp\n10,1,4,100\n11,1,2,101\n10,2,5,102\n10,1,3,200\n', { file: 'r.csv' });
    const inter = interactionsFromRatings(t, { file: 'r.csv' });
    expect(inter.users).toEqual(['1', '2']);
    expect(inter.items).toEqual(['10', '11']);
    expect(inter.explicit).toBe(true);
    // the repeated pair (1, 10) keeps its latest rating
    expect(Array.from(inter.rating)).toEqual([3, 2, 5]);
    expect(Array.from(inter.time)).toEqual([200, 101, 102]);
  });

  test('a headerless file read with a header gets its first line back as a rating', () => {
    const inter = interactionsFromRatings(parseCsv('1,10,4\n1,11,2\n2,10,5\n', { file: 'u.data' }), { file: 'u.data' });
    expect(inter.user.length).toBe(3);
    expect(Array.from(inter.rating)).toEqual([4, 2, 5]);
  });

  test('a non-numeric rating is a located error', () => {
    expect(() => interactionsFromRatings(parseCsv('user,item,rating\na,x,5\nb,x,great\n', { file: 'bad.csv' }), { file: 'bad.csv' })).toThrow(/bad\.csv.*column `rating`/);
  });

  test('transactions become purchase counts: distinct orders per customer × item', () => {
    const day = 86_400_000;
    const tx = makeTable({
      customer: ['a', 'a', 'a', 'b', 'b', null],
      order: ['o1', 'o1', 'o2', 'o3', 'o4', 'o5'],
      time: { timestampMs: Float64Array.of(0, 0, day, 0, day, 0) },
      quantity: Float64Array.of(1, 2, 1, 1, -1, 1),
      price: Float64Array.of(1, 1, 1, 2, 2, 1),
      amount: Float64Array.of(1, 2, 1, 2, -2, 1),
      item: ['x', 'x', 'x', 'y', 'y', 'x'],
      itemName: ['MUG', 'MUG', 'MUG', 'JAR', 'JAR', 'MUG'],
      cancelled: { bool: Uint8Array.of(0, 0, 0, 0, 0, 0) },
    });
    const inter = interactionsFromTransactions(tx);
    expect(inter.explicit).toBe(false);
    expect(inter.users).toEqual(['a', 'b']);
    // a bought x in o1 (two lines) and o2 → 2; b's return of y is skipped → 1
    expect(Array.from(inter.rating)).toEqual([2, 1]);
    expect(inter.itemNames).toEqual(['MUG', 'JAR']);
  });
});

describe('holdout', () => {
  const inter = fromArrays([0, 0, 0, 1, 1, 2, 2, 2, 3, 3], [0, 1, 2, 0, 3, 1, 2, 3, 0, 1], [5, 4, 3, 2, 1, 5, 4, 3, 2, 1], 4, 4);
  test('random: a seeded share, disjoint and complete', () => {
    const a = holdout(inter, { testFraction: 0.3, seed: 9 });
    expect(a.test.user.length).toBe(3);
    expect(a.train.user.length).toBe(7);
    expect(holdout(inter, { testFraction: 0.3, seed: 9 }).test.item).toEqual(a.test.item);
  });
  test('temporal: the latest pairs by time are held out', () => {
    const t = holdout(inter, { method: 'temporal', testFraction: 0.2 });
    expect(Array.from(t.test.time)).toEqual([8, 9]);
  });
  test('a supplied test set is indexed over the union of ids', () => {
    const tr = fromArrays([0], [0], [5], 1, 1);
    const te = buildInteractions({ user: Int32Array.of(0), userDict: ['u9999'], item: Int32Array.of(0), itemDict: ['i0000'], rating: Float64Array.of(3), time: Float64Array.of(NaN) }, { explicit: true, combine: 'last', source: 't' });
    const s = withTestSet(tr, te);
    expect(s.train.users).toEqual(['u0000', 'u9999']);
    expect(s.test.users).toEqual(s.train.users);
    expect(Array.from(s.test.user)).toEqual([1]);
  });
});

describe('content and the top-N table', () => {
  function shop(): Interactions {
    const names = ['RED MUG', 'BLUE MUG', 'GREEN MUG', 'JAM JAR LARGE', 'JAM JAR SMALL', 'PAPER NAPKINS'];
    const inter = fromArrays([0, 0, 1, 1, 2, 3, 3, 3], [0, 1, 3, 5, 5, 0, 2, 4], [1, 1, 1, 1, 1, 1, 1, 1], 5, 6, false);
    return { ...inter, itemNames: names };
  }

  test('nameTokens: lower-case words, stop words out, once each', () => {
    expect(nameTokens('SET OF 3 RED RED MUGS and jars')).toEqual(['red', 'mugs', 'jars']);
  });

  test('content recommends the item sharing words with what the customer bought, and says because', () => {
    const inter = shop();
    const model = trainContent(inter);
    const t = topN(model, inter, { k: 2 });
    const first = (u: number) => t.item[t.user.indexOf(u)];
    expect(inter.itemNames[first(0)]).toBe('GREEN MUG'); // bought the red and blue mugs
    expect(inter.itemNames[first(2)]).not.toBe('GREEN MUG'); // bought napkins only: no shared words, so popularity fills
    expect(inter.itemNames[first(1)]).toBe('JAM JAR SMALL');
    expect(inter.itemNames[t.because[t.user.indexOf(1)]]).toBe('JAM JAR LARGE');
  });

  test('a cold-start customer gets the popular list, marked as such', () => {
    const inter = shop();
    const t = topN(trainContent(inter), inter, { k: 3 });
    const rows = Array.from(t.user).flatMap((u, e) => (u === 4 ? [e] : []));
    expect(rows).toHaveLength(3);
    for (const e of rows) expect(t.source[e]).toBe(1);
    expect(inter.items[t.item[rows[0]]]).toBe('i0000'); // bought by two customers
  });

  test('content without names, categories or prices is a clear error', () => {
    const inter = fromArrays([0], [0], [1], 1, 1);
    expect(() => trainContent(inter)).toThrow(/no names, categories or prices/);
  });

  test('runRecommenderJob is deterministic and lists exclude the customer’s training and test items', () => {
    const rand = mulberry32(4);
    const cells = Array.from({ length: 60 * 40 }, (_, k) => k).filter(() => rand() < 0.3);
    const inter = fromArrays(cells.map((k) => Math.floor(k / 40)), cells.map((k) => k % 40), cells.map(() => 1 + Math.floor(rand() * 5)), 60, 40);
    const { train, test: held } = holdout(inter, { testFraction: 0.2, seed: 2 });
    const job = { train, test: held, model: 'mf' as const, params: { mf: { factors: 4, epochs: 2 } }, top: 3 };
    const a = runRecommenderJob(job);
    const b = runRecommenderJob(job);
    expect(Array.from(a.recommendations!.item)).toEqual(Array.from(b.recommendations!.item));
    expect(a.ratings!.rmse).toBe(b.ratings!.rmse);
    const seen = new Set<string>();
    for (let k = 0; k < inter.user.length; k++) seen.add(`${inter.user[k]}:${inter.item[k]}`);
    const recs = a.recommendations!;
    for (let e = 0; e < recs.user.length; e++) expect(seen.has(`${recs.user[e]}:${recs.item[e]}`)).toBe(false);
  });
});
