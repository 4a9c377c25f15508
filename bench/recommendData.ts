/**
 * Bench data for the recommenders, importable in the browser (no Node modules): see bench/recommend.ts.
 */
import { buildInteractions, type Interactions } from '../src/core/recommend/interactions';
import { normal } from '../src/core/recommend/mf';
import { mulberry32 } from '../src/core/stats/rng';

/**
 * 100,000 explicit ratings shaped like MovieLens 100k (943 users × 1,682 items), rank-5 structure plus
 * N(0, 0.5²) noise, clipped to 1..5 and rounded; seeded.
 */
export function syntheticRatings100k(seed = 1): Interactions {
  const nU = 943;
  const nI = 1682;
  const rand = mulberry32(seed);
  const g = normal(rand);
  const U = Float64Array.from({ length: nU * 5 }, () => g() * 0.5);
  const V = Float64Array.from({ length: nI * 5 }, () => g() * 0.5);
  const seen = new Set<number>();
  const u: number[] = [];
  const i: number[] = [];
  const r: number[] = [];
  while (u.length < 100_000) {
    const a = Math.floor(rand() * nU);
    const b = Math.floor(rand() * nI);
    if (seen.has(a * nI + b)) continue;
    seen.add(a * nI + b);
    let d = 3.5 + g() * 0.5;
    for (let c = 0; c < 5; c++) d += U[a * 5 + c] * V[b * 5 + c];
    u.push(a);
    i.push(b);
    r.push(Math.min(5, Math.max(1, Math.round(d))));
  }
  return buildInteractions(
    { user: Int32Array.from(u), userDict: Array.from({ length: nU }, (_, k) => String(k + 1)), item: Int32Array.from(i), itemDict: Array.from({ length: nI }, (_, k) => String(k + 1)), rating: Float64Array.from(r), time: new Float64Array(u.length).fill(NaN) },
    { explicit: true, combine: 'last', source: 'synthetic 100k' },
  );
}

