/**
 * A data problem located in the user's input: which file, row, column, and what was expected.
 *
 * @example
 *   new DataError({ file: 'orders.csv', row: 1204, column: 'InvoiceDate', value: '31/02/2011',
 *                   problem: 'is not a date', expected: 'YYYY-MM-DD, M/D/YYYY H:mm, …' }).message
 *   // "orders.csv row 1,204, column `InvoiceDate`: `31/02/2011` is not a date (expected YYYY-MM-DD, M/D/YYYY H:mm, …)"
 */
export interface DataErrorInfo {
  /** File name as the user knows it. */
  file: string;
  /** 1-based data row (the header is row 0); omitted for whole-file problems. */
  row?: number;
  /** Column name as it appears in the file. */
  column?: string;
  /** The offending value, shown verbatim (trimmed to 60 characters). */
  value?: string;
  /** What is wrong, e.g. "is not a date", "has no column for the customer id role". */
  problem: string;
  /** What would have been accepted. */
  expected?: string;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export class DataError extends Error {
  readonly info: DataErrorInfo;
  constructor(info: DataErrorInfo) {
    const where = [info.file];
    if (info.row !== undefined) where.push(`row ${info.row.toLocaleString('en-US')}`);
    if (info.column !== undefined) where.push(`column \`${info.column}\``);
    const what = info.value !== undefined ? `\`${clip(info.value)}\` ${info.problem}` : info.problem;
    const expected = info.expected ? ` (expected ${info.expected})` : '';
    super(`${where.join(', ')}: ${what}${expected}`);
    this.name = 'DataError';
    this.info = info;
  }
}
