/**
 * The "download the skipped rows" file. Kept apart from the readers so the main thread can import
 * it without pulling the CSV and Parquet readers into its bundle.
 */
import type { SkippedRow } from './csv';
import { csvField } from './csvWrite';

/**
 * The skipped rows as a CSV file (`row,problem,text`: 1-based data row, the located message, the
 * row as read), for the "download the skipped rows" button.
 *
 * @example
 *   skippedRowsCsv(result.skippedRows); // 'row,problem,text\n3,"orders.csv, row 3: has 2 fields …","4,5"\n'
 */
export function skippedRowsCsv(rows: readonly SkippedRow[]): string {
  let out = 'row,problem,text\n';
  for (const r of rows) out += `${r.row},${csvField(r.problem)},${csvField(r.text)}\n`;
  return out;
}
