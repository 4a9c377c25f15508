/**
 * A model-ready design matrix from a table: numbers as they are, booleans as 0/1, categorical columns
 * one-hot encoded, and a 0/1 label.
 */
import { Bool, type Table } from 'apache-arrow';
import { DataError } from '../errors';
import { codes } from '../table';

export interface DesignMatrixOptions {
  /** The label column: boolean, 0/1 numbers, or text true/false/yes/no/1/0 (required). */
  label: string;
  /** Columns to one-hot encode (any type; default none). Text columns not listed here are an error. */
  categorical?: string[];
  /** Columns to leave out (default none). */
  exclude?: string[];
  /** File name used in error messages (default "data"). */
  file?: string;
}

export interface DesignMatrix {
  /** n × d features, row-major, float32. */
  X: Float32Array;
  /** n labels, 0 or 1. */
  y: Uint8Array;
  n: number;
  d: number;
  /** One name per feature column: the column name, or `Column=level` for a one-hot column. */
  featureNames: string[];
}

/** Numbers first, numerically; then text, in code-unit order (pandas' sorted levels). */
function compareLevels(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const an = a.trim() !== '' && Number.isFinite(na);
  const bn = b.trim() !== '' && Number.isFinite(nb);
  if (an && bn) return na - nb;
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', 'f']);

/**
 * Builds X (float32, row-major) and y. Column order follows the table; a categorical column becomes one
 * 0/1 column per distinct value (levels sorted: numbers numerically, then text — the order of pandas'
 * `get_dummies`), named `Column=level`; all levels are kept (no reference level dropped), which is
 * fine for a regularised or standardised model. A missing value (null or NaN) in a feature or the label
 * is a `DataError` naming the row and column.
 *
 * @example
 *   designMatrix(sessions, {label: 'Revenue', categorical: ['Month', 'VisitorType']});
 *   // { X: Float32Array(12330 × d), y: Uint8Array(12330), n: 12330, d, featureNames: ['Administrative', …, 'Month=Aug', …] }
 */
export function designMatrix(table: Table, opts: DesignMatrixOptions): DesignMatrix {
  const file = opts.file ?? 'data';
  const categorical = new Set(opts.categorical ?? []);
  const exclude = new Set(opts.exclude ?? []);
  const names = table.schema.fields.map((f) => f.name);
  for (const c of [opts.label, ...categorical, ...exclude]) {
    if (!names.includes(c)) throw new DataError({ file, column: c, problem: 'is not a column', expected: `one of ${names.join(', ')}` });
  }
  const n = table.numRows;
  const blocks: { names: string[]; fill: (X: Float32Array, d: number, offset: number) => void }[] = [];

  for (const field of table.schema.fields) {
    const name = field.name;
    if (name === opts.label || exclude.has(name)) continue;
    const col = table.getChild(name)!;
    if (categorical.has(name)) {
      const { codes: c, dict } = codes(table, name);
      const firstNull = c.indexOf(-1);
      if (firstNull >= 0) throw new DataError({ file, row: firstNull + 1, column: name, problem: 'is missing', expected: 'a category for every row' });
      const used = new Uint8Array(dict.length);
      for (let i = 0; i < n; i++) used[c[i]] = 1;
      const levels = dict.map((v, k) => ({ v, k })).filter((l) => used[l.k]).sort((a, b) => compareLevels(a.v, b.v));
      const slot = new Int32Array(dict.length);
      levels.forEach((l, j) => (slot[l.k] = j));
      blocks.push({
        names: levels.map((l) => `${name}=${l.v}`),
        fill: (X, d, offset) => {
          for (let i = 0; i < n; i++) X[i * d + offset + slot[c[i]]] = 1;
        },
      });
      continue;
    }
    const values = new Float32Array(n);
    if (field.type instanceof Bool) {
      for (let i = 0; i < n; i++) {
        const v = col.get(i);
        if (v === null || v === undefined) throw new DataError({ file, row: i + 1, column: name, problem: 'is missing', expected: 'true or false' });
        values[i] = v ? 1 : 0;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = col.get(i);
        const x = typeof v === 'bigint' ? Number(v) : v;
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          throw new DataError({
            file, row: i + 1, column: name, value: String(v), problem: 'is not a number',
            expected: `a number in every row; list the column under \`categorical\` or \`exclude\` if it is text`,
          });
        }
        values[i] = x;
      }
    }
    blocks.push({ names: [name], fill: (X, d, offset) => { for (let i = 0; i < n; i++) X[i * d + offset] = values[i]; } });
  }

  const featureNames = blocks.flatMap((b) => b.names);
  const d = featureNames.length;
  if (d === 0) throw new DataError({ file, problem: 'has no feature columns besides the label', expected: 'at least one feature' });
  const X = new Float32Array(n * d);
  let offset = 0;
  for (const b of blocks) {
    b.fill(X, d, offset);
    offset += b.names.length;
  }
  return { X, y: labels(table, opts.label, file), n, d, featureNames };
}

function labels(table: Table, name: string, file: string): Uint8Array {
  const col = table.getChild(name)!;
  const n = table.numRows;
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    let b: number | null = null;
    if (typeof v === 'boolean') b = v ? 1 : 0;
    else if (v === 0 || v === 1) b = v;
    else if (typeof v === 'string') b = TRUE.has(v.trim().toLowerCase()) ? 1 : FALSE.has(v.trim().toLowerCase()) ? 0 : null;
    if (b === null) throw new DataError({ file, row: i + 1, column: name, value: String(v), problem: 'is not a 0/1 label', expected: 'true/false, 1/0 or yes/no' });
    y[i] = b;
  }
  return y;
}
