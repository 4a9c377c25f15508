/**
 * The printed form of the results: one aligned line per figure, with the peer and the note on
 * indented lines beneath it.
 */
import type { BenchResult } from './result';

const num = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));

/**
 * Formats results as a plain-text table.
 *
 * @example
 *   console.log(formatTable(results));
 *   // name                  value  unit              peer value  ratio
 *   // rfm_1m_transactions   28.10  ms (median of 5)     412.00   0.068
 *   //     peer: pandas groupby …
 */
export function formatTable(results: readonly BenchResult[]): string {
  const head = ['name', 'value', 'unit', 'peer value', 'ratio'];
  const rows = results.map((r) => [r.name, num(r.value), r.unit, num(r.peerValue), num(r.ratio, 3)]);
  const width = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const right = [false, true, false, true, true];
  const line = (cells: string[]) => cells.map((c, j) => (right[j] ? c.padStart(width[j]) : c.padEnd(width[j]))).join('  ').trimEnd();
  const out = [line(head), width.map((w) => '-'.repeat(w)).join('  ')];
  results.forEach((r, i) => {
    out.push(line(rows[i]));
    if (r.peer) out.push(`    peer: ${r.peer}`);
    if (r.note) out.push(`    note: ${r.note}`);
  });
  return out.join('\n');
}
