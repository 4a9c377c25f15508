/**
 * Compressed sparse rows of an interactions list, by user or by item: `start[r]..start[r+1]` index
 * `col` (the other side's code) and `val` (the rating). Columns within a row are ascending.
 *
 * @example
 *   const byUser = sparseRows(inter.user, inter.item, inter.rating, inter.users.length);
 *   // items of user 3: byUser.col.subarray(byUser.start[3], byUser.start[4])
 */
export interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Rows `row[k]` with columns `col[k]` and values `val[k]`; `nRows` rows; stable (counting sort). */
export function sparseRows(row: Int32Array, col: Int32Array, val: Float64Array, nRows: number): SparseRows {
  const start = new Int32Array(nRows + 1);
  for (let k = 0; k < row.length; k++) start[row[k] + 1]++;
  for (let r = 0; r < nRows; r++) start[r + 1] += start[r];
  const fill = start.slice(0, nRows);
  const outCol = new Int32Array(row.length);
  const outVal = new Float64Array(row.length);
  // visit entries in column order (a counting sort by column) so that each row's columns come out ascending
  let nCols = 0;
  for (let k = 0; k < col.length; k++) if (col[k] >= nCols) nCols = col[k] + 1;
  const cStart = new Int32Array(nCols + 1);
  for (let k = 0; k < col.length; k++) cStart[col[k] + 1]++;
  for (let c = 0; c < nCols; c++) cStart[c + 1] += cStart[c];
  const order = new Int32Array(col.length);
  for (let k = 0; k < col.length; k++) order[cStart[col[k]]++] = k;
  for (let q = 0; q < order.length; q++) {
    const k = order[q];
    const p = fill[row[k]]++;
    outCol[p] = col[k];
    outVal[p] = val[k];
  }
  return { start, col: outCol, val: outVal };
}
