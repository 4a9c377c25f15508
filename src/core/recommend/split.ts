/**
 * Train/test holdout of interactions for offline evaluation: random, temporal, or a supplied test file.
 */
import { mulberry32, shuffle } from '../stats/rng';
import { buildInteractions, type Interactions } from './interactions';

export interface HoldoutOptions {
  /** 'random' (default): a seeded random share of all pairs; 'temporal': the latest pairs by time. */
  method?: 'random' | 'temporal';
  /** Share of pairs held out, in [0, 1). Default 0.2. */
  testFraction?: number;
  /** Seed of the random split. Default 42. */
  seed?: number;
}

export interface Holdout {
  /** Training pairs; same user and item indexing as `test`. */
  train: Interactions;
  /** Held-out pairs. */
  test: Interactions;
  /** How the split was made, for the notebook's text. */
  description: string;
}

/** The pairs of `inter` selected by `mask[k] === keep`, same dictionaries. */
export function subset(inter: Interactions, mask: Uint8Array, keep: number): Interactions {
  const idx: number[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k] === keep) idx.push(k);
  return {
    ...inter,
    user: Int32Array.from(idx, (k) => inter.user[k]),
    item: Int32Array.from(idx, (k) => inter.item[k]),
    rating: Float64Array.from(idx, (k) => inter.rating[k]),
    time: Float64Array.from(idx, (k) => inter.time[k]),
  };
}

/**
 * Split pairs into train and test.
 * - random: pair indices shuffled by `mulberry32(seed)` (Fisher–Yates); the first round(testFraction × n) are test.
 * - temporal: pairs sorted by time (ties: pair order, i.e. user then item id); the last round(testFraction × n)
 *   are test — the model is judged on what customers did after the training period. Needs a time on every pair.
 * Users and items stay indexed as in `inter`, so a test user with no training pair is a cold-start user.
 * Defaults: random, testFraction 0.2, seed 42.
 *
 * @example
 *   const { train, test } = holdout(inter, { method: 'temporal', testFraction: 0.2 });
 */
export function holdout(inter: Interactions, opts: HoldoutOptions = {}): Holdout {
  const method = opts.method ?? 'random';
  const fraction = opts.testFraction ?? 0.2;
  const seed = opts.seed ?? 42;
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`holdout: testFraction must be in [0, 1), got ${fraction}`);
  const n = inter.user.length;
  const nTest = Math.round(fraction * n);
  const mask = new Uint8Array(n);
  if (method === 'random') {
    const idx = shuffle(Int32Array.from({ length: n }, (_, k) => k), mulberry32(seed));
    for (let k = 0; k < nTest; k++) mask[idx[k]] = 1;
  } else if (method === 'temporal') {
    for (let k = 0; k < n; k++) {
      if (Number.isNaN(inter.time[k])) throw new Error(`holdout: a temporal split needs a timestamp on every rating; ${inter.source} has none on pair ${k + 1} (user ${inter.users[inter.user[k]]}, item ${inter.items[inter.item[k]]})`);
    }
    const idx = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => inter.time[a] - inter.time[b] || a - b);
    for (let k = n - nTest; k < n; k++) mask[idx[k]] = 1;
  } else {
    throw new Error(`holdout: method must be 'random' or 'temporal', got ${String(method)}`);
  }
  const pct = `${Math.round(fraction * 1000) / 10}%`;
  return {
    train: subset(inter, mask, 0),
    test: subset(inter, mask, 1),
    description:
      method === 'random'
        ? `random holdout: ${pct} of ${n.toLocaleString('en-US')} pairs (seed ${seed})`
        : `temporal holdout: the latest ${pct} of ${n.toLocaleString('en-US')} pairs by time`,
  };
}

/**
 * Use a supplied test file: `train` and `test` re-indexed over the union of their users and items
 * (ascending ids), so codes agree. Pairs present in both stay in both (the caller's files are taken as given).
 *
 * @example
 *   const { train, test } = withTestSet(interactionsFromRatings(ua), interactionsFromRatings(ub));
 */
export function withTestSet(train: Interactions, test: Interactions): Holdout {
  const both = [train, test];
  const users = [...new Set([...train.users, ...test.users])];
  const items = [...new Set([...train.items, ...test.items])];
  const names = new Map<string, string>();
  for (const s of both) s.items.forEach((id, c) => { if (s.itemNames[c] !== id && !names.has(id)) names.set(id, s.itemNames[c]); });
  const re = (s: Interactions): Interactions => {
    const uIndex = new Map(users.map((u, k) => [u, k]));
    const iIndex = new Map(items.map((x, k) => [x, k]));
    const out = buildInteractions(
      {
        user: Int32Array.from(s.user, (c) => uIndex.get(s.users[c])!),
        userDict: users,
        item: Int32Array.from(s.item, (c) => iIndex.get(s.items[c])!),
        itemDict: items,
        rating: s.rating,
        time: s.time,
      },
      { explicit: train.explicit, combine: 'last', source: s.source, itemNames: items.map((x) => names.get(x) ?? x) },
    );
    return out;
  };
  const tr = re(train);
  const te = re(test);
  return { train: tr, test: { ...te, users: tr.users, items: tr.items, itemNames: tr.itemNames }, description: `supplied test set ${test.source} (${test.user.length.toLocaleString('en-US')} pairs)` };
}
