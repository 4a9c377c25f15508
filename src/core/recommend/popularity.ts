/**
 * The popularity baseline: every customer gets the items most customers have.
 */
import type { Interactions } from './interactions';

export interface PopularityModel {
  kind: 'popularity';
  /** n_i = the number of distinct training users with item i. */
  count: Float64Array;
  /** Distinct training users (the denominator of an item's popularity share). */
  users: number;
}

/**
 * Score of item i for every user = n_i, the number of distinct training users who interacted with i
 * (whatever the rating). Ties rank by item id (ascending) when lists are built.
 *
 * @example
 *   trainPopularity(train).count; // Float64Array of buyers per item
 */
export function trainPopularity(train: Interactions): PopularityModel {
  const count = new Float64Array(train.items.length);
  const seenUser = new Uint8Array(train.users.length);
  let users = 0;
  // pairs are unique per (user, item), so each pair is one distinct user of the item
  for (let k = 0; k < train.user.length; k++) {
    count[train.item[k]]++;
    if (!seenUser[train.user[k]]) {
      seenUser[train.user[k]] = 1;
      users++;
    }
  }
  return { kind: 'popularity', count, users };
}
