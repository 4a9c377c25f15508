/**
 * After a file is read: rows whose value cannot serve the role its column was detected for
 * (time, quantity, unit price, amount) are skipped and reported, when they are few.
 *
 * Why here and not in the CSV reader: whether `C536379` is a bad value depends on the column's
 * role — an invoice id column legitimately mixes numbers and text, a quantity column does not.
 *
 * Per role column (at most `MAX_SKIPPED_FRACTION` = 10% of its rows bad, else it is left as it is,
 * and `toTransactions` later names its first bad value as a fatal, located error):
 * - time: text is read in the date format that reads most rows (`bestDateFormat`); a value in
 *   no format, or an empty one, is bad. Timestamp columns: only nulls are bad.
 * - quantity / price / amount: text is read as numbers; `NaN`, `Inf`, `Infinity` (any case,
 *   signed) are bad as "not a finite number"; empty values are bad; numeric columns: null, NaN
 *   and ±Infinity are bad. Negative numbers are fine (returns, refunds).
 *
 * @example
 *   const { table, problems, skippedRows } = dropBadRoleRows(raw, detectRoles(raw), 'orders.csv');
 *   problems[0].toString(); // {row: 1204, column: 'InvoiceDate', value: '31/02/2011', problem: 'is not a date', …}
 */
import { Table, Type, type Vector } from 'apache-arrow';
import { DataError, type DataErrorInfo } from '../errors';
import { ROLE_LABELS, type Role, type RoleMap } from '../schema';
import { codes as tableCodes, takeRows, makeTable, type ColumnInput } from '../table';
import { parseNumber, MAX_SKIPPED_FRACTION, MAX_PROBLEMS, MAX_SKIPPED_TEXT, type SkippedRow } from './csv';
import { csvField } from './csvWrite';
import { DATE_FORMAT_LABELS, bestDateFormat, parseDate } from './dates';
import { numericColumn } from './read';

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const NUMBER_ROLES: Role[] = ['quantity', 'price', 'amount'];

/** What `dropBadRoleRows` returns. */
export interface BadRowsResult {
  /** The table without the bad rows; text role columns that were read are now typed. */
  table: Table;
  /** Number of rows dropped. */
  skipped: number;
  /** Located problems of the first `MAX_PROBLEMS` dropped rows, in row order. */
  problems: DataErrorInfo[];
  /** The first `MAX_SKIPPED_TEXT` dropped rows with their values as CSV text. */
  skippedRows: SkippedRow[];
}

function isText(typeId: number): boolean {
  return typeId === Type.Dictionary || typeId === Type.Utf8 || typeId === Type.LargeUtf8;
}

/**
 * Drop the rows whose time / quantity / price / amount value is unusable (see the module doc).
 * `fileRow(i)` gives the 1-based row number in the file of table row `i` (default `i + 1`).
 *
 * @example
 *   dropBadRoleRows(parseCsv('q,t\n1,2024-01-01\nx,2024-01-02\n…'), { quantity: 'q', time: 't' }, 'a.csv');
 */
export function dropBadRoleRows(table: Table, roles: RoleMap, file: string, fileRow: (i: number) => number = (i) => i + 1): BadRowsResult {
  const n = table.numRows;
  const bad = new Uint8Array(n);
  const why: (DataErrorInfo | undefined)[] = [];
  const replaced: Record<string, ColumnInput> = {};
  const seen = new Set<string>();
  const consider = (role: Role): void => {
    const name = roles[role];
    if (name === undefined || seen.has(name) || !table.getChild(name)) return;
    seen.add(name);
    const result = role === 'time' ? checkTime(table, name) : checkNumber(table, name, role);
    if (!result) return;
    const { badRows, info, column } = result;
    if (badRows.length === 0 || badRows.length > MAX_SKIPPED_FRACTION * n) return;
    for (const i of badRows) {
      if (!bad[i]) {
        bad[i] = 1;
        why[i] = { file, row: fileRow(i), column: name, ...info(i) };
      }
    }
    if (column) replaced[name] = column;
  };
  consider('time');
  for (const r of NUMBER_ROLES) consider(r);

  let skipped = 0;
  for (let i = 0; i < n; i++) skipped += bad[i];
  if (skipped === 0 && Object.keys(replaced).length === 0) return { table, skipped: 0, problems: [], skippedRows: [] };

  const problems: DataErrorInfo[] = [];
  const skippedRows: SkippedRow[] = [];
  const names = table.schema.fields.map((f) => f.name);
  for (let i = 0; i < n && skippedRows.length < MAX_SKIPPED_TEXT; i++) {
    if (!bad[i]) continue;
    const info = why[i]!;
    if (problems.length < MAX_PROBLEMS) problems.push(info);
    const text = names.map((c) => csvField(cellText(table, c, i))).join(',');
    skippedRows.push({ row: info.row!, problem: new DataError(info).message, text });
  }
  // Typed replacements first, then drop the bad rows.
  let out = table;
  if (Object.keys(replaced).length) {
    const cols: Record<string, ColumnInput> = {};
    for (const c of names) cols[c] = replaced[c] ?? table.getChild(c)!;
    out = makeTable(cols);
  }
  if (skipped) {
    const keep = new Int32Array(n - skipped);
    for (let i = 0, k = 0; i < n; i++) if (!bad[i]) keep[k++] = i;
    out = takeRows(out, keep);
  }
  return { table: out, skipped, problems, skippedRows };
}

function cellText(table: Table, name: string, i: number): string {
  const v = table.getChild(name)!.get(i);
  if (v === null || v === undefined) return '';
  const t = table.getChild(name)!.type.typeId;
  if (t === Type.Timestamp && typeof v === 'number') return new Date(v).toISOString();
  return String(v);
}

interface Check {
  badRows: number[];
  info: (i: number) => Omit<DataErrorInfo, 'file' | 'row' | 'column'>;
  column?: ColumnInput;
}

function checkTime(table: Table, name: string): Check | null {
  const col = table.getChild(name)!;
  const typeId = col.type.typeId;
  const expected = 'a timestamp for the time role';
  if (typeId === Type.Timestamp || typeId === Type.Date) {
    const badRows: number[] = [];
    if (col.nullCount > 0) for (let i = 0; i < col.length; i++) if (!col.isValid(i)) badRows.push(i);
    return { badRows, info: () => ({ problem: 'is empty', expected }) };
  }
  if (!isText(typeId)) return null;
  const { codes, dict } = tableCodes(table, name);
  const trimmed = dict.map((s) => s.trim());
  const best = bestDateFormat(trimmed.filter((s) => s !== ''));
  if (!best) return null;
  const ms = new Float64Array(dict.length);
  for (let c = 0; c < dict.length; c++) ms[c] = trimmed[c] === '' ? NaN : parseDate(trimmed[c], best.format);
  const n = codes.length;
  const out = new Float64Array(n);
  const badRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    out[i] = c < 0 ? NaN : ms[c];
    if (out[i] !== out[i]) badRows.push(i);
  }
  const format = DATE_FORMAT_LABELS[best.format];
  return {
    badRows,
    info: (i) => {
      const c = codes[i];
      if (c < 0 || trimmed[c] === '') return { problem: 'is empty', expected };
      return { value: dict[c], problem: 'is not a date', expected: `${format}, like the other values of the column` };
    },
    column: { timestampMs: out },
  };
}

/** The values of a single-chunk Float64 column as they are stored (no copy), else null. */
function float64Values(col: Vector): Float64Array | null {
  if (col.data.length !== 1 || col.type.typeId !== Type.Float) return null;
  const d = col.data[0];
  const v = d.values as unknown;
  // Arrow cuts a slice's values to its first row (its `offset` is for the null bitmap only).
  return v instanceof Float64Array ? v.subarray(0, d.length) : null;
}

function checkNumber(table: Table, name: string, role: Role): Check | null {
  const col = table.getChild(name)!;
  const expected = `a number for the ${ROLE_LABELS[role]} role`;
  const floats = float64Values(col);
  const numeric = floats ?? numericColumn(table, name);
  if (numeric) {
    const badRows: number[] = [];
    const nulls = col.nullCount > 0;
    // `v - v` is 0 for a finite number, NaN for NaN and ±Infinity.
    for (let i = 0; i < numeric.length; i++) if (numeric[i] - numeric[i] !== 0 || (nulls && !col.isValid(i))) badRows.push(i);
    return {
      badRows,
      info: (i) => (col.isValid(i) && numeric[i] === numeric[i] ? { value: String(numeric[i]), problem: 'is not a finite number', expected } : { problem: 'is empty', expected }),
    };
  }
  if (!isText(col.type.typeId)) return null;
  const { codes, dict } = tableCodes(table, name);
  const values = new Float64Array(dict.length);
  for (let c = 0; c < dict.length; c++) values[c] = parseNumber(dict[c]);
  const n = codes.length;
  const out = new Float64Array(n);
  const badRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    out[i] = c < 0 ? NaN : values[c];
    if (out[i] !== out[i]) badRows.push(i);
  }
  return {
    badRows,
    info: (i) => {
      const c = codes[i];
      const s = c < 0 ? '' : dict[c].trim();
      if (s === '') return { problem: 'is empty', expected };
      return { value: dict[c], problem: NON_FINITE.test(s) ? 'is not a finite number' : 'is not a number', expected };
    },
    column: out,
  };
}
