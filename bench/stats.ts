/**
 * Summary strings for the table: how a set of timings was aggregated.
 */
import { median } from './timing';

/**
 * Median of the timings with the unit text that says so.
 *
 * @example
 *   summarise([3, 1, 2]); // { value: 2, unit: 'ms (median of 3)' }
 */
export function summarise(ms: readonly number[]): { value: number; unit: string } {
  return { value: median(ms), unit: `ms (median of ${ms.length})` };
}

/**
 * The median of a peer's `ms`-like list field, or null when the peer gave none.
 *
 * @example
 *   peerMedian({ ms: [10, 30, 20] }, 'ms'); // 20
 *   peerMedian(null, 'ms');                 // null
 */
export function peerMedian(out: Record<string, unknown> | null, key: string): number | null {
  const v = out?.[key];
  return Array.isArray(v) && v.length ? median(v as number[]) : null;
}
