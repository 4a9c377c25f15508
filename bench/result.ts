/**
 * One row of `npm run bench`: a measured figure, optionally beside the same figure from a peer
 * (pandas / scikit-learn). This is the shape written to `bench/results.json`.
 */

/** A benchmark figure; `ratio = value / peerValue` (below 1 = faster than the peer). */
export interface BenchResult {
  /** Stable identifier, e.g. `rfm_1m_transactions`. */
  name: string;
  /** The measured value (ms unless `unit` says otherwise). */
  value: number;
  /** Unit of `value` and `peerValue`, with how it was aggregated (e.g. `ms (median of 5)`). */
  unit: string;
  /** What the peer is, or null when there is none. */
  peer: string | null;
  /** The peer's value in the same unit, or null (no peer, or the peer could not run). */
  peerValue: number | null;
  /** value / peerValue, or null. */
  ratio: number | null;
  /** Free text shown beside the row: the goal, the workload equivalence, a check, a fallback. */
  note: string;
}

/**
 * Builds a result, computing the ratio when both values are present (ratio rounded to 3 decimals).
 *
 * @example
 *   result('rfm_1m_transactions', 28.1, 'ms (median of 5)', { peer: 'pandas groupby', peerValue: 412 });
 *   // { …, ratio: 0.068, note: '' }
 *   result('synth_shop_1m', 900, 'ms');   // peer, peerValue and ratio are null
 */
export function result(
  name: string,
  value: number,
  unit: string,
  opts: { peer?: string | null; peerValue?: number | null; note?: string } = {},
): BenchResult {
  const peer = opts.peer ?? null;
  const peerValue = peer !== null && opts.peerValue != null && Number.isFinite(opts.peerValue) ? round(opts.peerValue) : null;
  const ratio = peerValue !== null && peerValue > 0 ? Math.round((value / peerValue) * 1000) / 1000 : null;
  return { name, value: round(value), unit, peer, peerValue, ratio, note: opts.note ?? '' };
}

/** Rounds a figure to 0.01 (timings here are ms; finer digits are noise). */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
