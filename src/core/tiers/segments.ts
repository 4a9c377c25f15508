/**
 * The standard R×F segment map: a named customer segment for every pair of recency and
 * frequency quintile scores (1–5, 5 = most recent / most frequent).
 */

/** One segment: its name, the R and F score ranges it covers, and what it means. */
export interface SegmentRule {
  name: string;
  /** Recency scores covered (inclusive range). */
  r: [number, number];
  /** Frequency scores covered (inclusive range). */
  f: [number, number];
  description: string;
}

/**
 * The rules, checked in this order (the first match wins; together they cover all 25 R×F cells
 * exactly once):
 *
 * | segment            | R     | F     |
 * |--------------------|-------|-------|
 * | Champions          | 5     | 4–5   |
 * | Loyal              | 3–4   | 4–5   |
 * | Potential loyalist | 4–5   | 2–3   |
 * | New                | 5     | 1     |
 * | Promising          | 4     | 1     |
 * | Need attention     | 3     | 3     |
 * | About to sleep     | 3     | 1–2   |
 * | Can't lose         | 1–2   | 5     |
 * | At risk            | 1–2   | 3–4   |
 * | Lost               | 1     | 1     |
 * | Hibernating        | 1–2   | 1–2 (all but R1 F1) |
 */
export const SEGMENT_RULES: readonly SegmentRule[] = [
  { name: 'Champions', r: [5, 5], f: [4, 5], description: 'Bought very recently and buy often.' },
  { name: 'Loyal', r: [3, 4], f: [4, 5], description: 'Buy often and fairly recently.' },
  { name: 'Potential loyalist', r: [4, 5], f: [2, 3], description: 'Recent customers with a few orders.' },
  { name: 'New', r: [5, 5], f: [1, 1], description: 'Bought very recently, for the first time.' },
  { name: 'Promising', r: [4, 4], f: [1, 1], description: 'Recent first-time buyers.' },
  { name: 'Need attention', r: [3, 3], f: [3, 3], description: 'Average recency and frequency.' },
  { name: 'About to sleep', r: [3, 3], f: [1, 2], description: 'Average recency, few orders; slipping away.' },
  { name: "Can't lose", r: [1, 2], f: [5, 5], description: 'Used to buy very often, but not for a long time.' },
  { name: 'At risk', r: [1, 2], f: [3, 4], description: 'Bought often, long ago.' },
  { name: 'Lost', r: [1, 1], f: [1, 1], description: 'Lowest recency and frequency.' },
  { name: 'Hibernating', r: [1, 2], f: [1, 2], description: 'Few orders, long ago.' },
];

/**
 * Segment name for a recency score r and a frequency score f (both 1–5).
 *
 * @example segmentOf(5, 5); // "Champions"
 * @example segmentOf(1, 1); // "Lost"
 */
export function segmentOf(r: number, f: number): string {
  for (const s of SEGMENT_RULES) {
    if (r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1]) return s.name;
  }
  throw new Error(`segmentOf: scores must be integers 1–5, got R ${r}, F ${f}`);
}
