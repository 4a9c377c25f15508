/**
 * Row-major numeric matrices over Arrow tables: the shape k-means, silhouette and PCA work on.
 */
import type { Table } from 'apache-arrow';
import { floats } from '../table';

/** An n × d row-major matrix: `X[i * d + j]` is row i, column j. */
export interface Matrix {
  X: Float64Array;
  n: number;
  d: number;
  /** Column names, length d. */
  columns: string[];
}

/**
 * The given numeric columns of a table as a row-major matrix (nulls become NaN, which the
 * clustering functions reject with the row and column named).
 *
 * @example
 *   matrixOf(features, ['recency', 'frequency', 'monetary']); // {X, n: 4338, d: 3, columns}
 */
export function matrixOf(table: Table, columns: readonly string[]): Matrix {
  if (columns.length === 0) throw new Error('matrixOf: choose at least one column');
  const n = table.numRows;
  const d = columns.length;
  const X = new Float64Array(n * d);
  columns.forEach((c, j) => {
    const v = floats(table, c);
    for (let i = 0; i < n; i++) X[i * d + j] = v[i];
  });
  return { X, n, d, columns: [...columns] };
}

/** Throw a located error when the matrix holds a NaN or an infinity. */
export function assertFinite(m: Matrix, who: string): void {
  const { X, d } = m;
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i])) {
      const row = Math.floor(i / d);
      throw new Error(`${who}: row ${row + 1}, column \`${m.columns[i % d]}\` is ${X[i]} — every value must be a finite number`);
    }
  }
}

/** Squared Euclidean distance between row i of X and row c of C (both with d columns). */
export function sqDist(X: Float64Array, i: number, C: Float64Array, c: number, d: number): number {
  let s = 0;
  const a = i * d;
  const b = c * d;
  for (let j = 0; j < d; j++) {
    const t = X[a + j] - C[b + j];
    s += t * t;
  }
  return s;
}
