/**
 * Sparse item–item co-purchase counts: for each chosen item i, the items j bought by at least one
 * customer who also bought i, with the number of such customers, #both(i, j).
 */

/** Compressed rows of co-purchase counts; row r spans `start[r]..start[r+1]` in `item`, `count` and `itemByCount`. */
export interface CoRows {
  /** Row of each item code, -1 when the item has no row. */
  rowOf: Int32Array;
  /** Row offsets (length = rows + 1). */
  start: Int32Array;
  /** Co-bought item codes, ascending within a row (16-bit when every code fits). */
  item: Uint16Array | Int32Array;
  /** #customers who bought both the row's item and `item[e]` (16-bit when every count fits); always > 0. */
  count: Uint16Array | Int32Array;
  /** The same entries re-ordered within each row by count descending (ties: item code ascending). */
  itemByCount: Uint16Array | Int32Array;
  /** Row r's runs of equal count in `itemByCount` are the groups `rowGroups[r]..rowGroups[r+1]`. */
  rowGroups: Int32Array;
  /** The count shared by a group's entries (decreasing along a row). */
  groupCount: Int32Array;
  /** Group g spans `itemByCount[groupBegin[g]..groupBegin[g+1])` (length = groups + 1). */
  groupBegin: Int32Array;
}

/**
 * Co-purchase rows for the items with `wanted[it] = 1`, from customer → distinct items (`custStart`,
 * `custItems`) and item → buyers (`buyerStart`, `buyerList`) in compressed-row form. An item co-occurs
 * with itself (its count is its number of buyers, the largest count of its row). Rows are laid out in
 * item-code order.
 *
 * @example
 *   // customer 0 bought items 0 and 1, customer 1 bought item 1
 *   const rows = coPurchaseRows(Int32Array.of(0, 2, 3), Int32Array.of(0, 1, 1), Int32Array.of(0, 1, 3), Int32Array.of(0, 0, 1), Uint8Array.of(0, 1));
 *   coCount(rows, 1, 0); // 1
 *   coCount(rows, 1, 1); // 2
 *   rows.itemByCount;    // Uint16Array [1, 0]: item 1 (count 2) first, then item 0 (count 1)
 *   rows.groupCount;     // Int32Array [2, 1]
 */
export function coPurchaseRows(
  custStart: Int32Array,
  custItems: Int32Array,
  buyerStart: Int32Array,
  buyerList: Int32Array,
  wanted: Uint8Array,
): CoRows {
  const nItems = wanted.length;
  const nCust = custStart.length - 1;
  const rowOf = new Int32Array(nItems).fill(-1);
  let nRows = 0;
  // room for every row: a row has at most min(#items, Σ basket sizes of the item's buyers) entries, and the
  // compaction below writes up to #items slots past the rows so far
  let capacity = nItems;
  for (let it = 0; it < nItems; it++) {
    if (!wanted[it]) continue;
    rowOf[it] = nRows++;
    let reach = 0;
    for (let b = buyerStart[it]; b < buyerStart[it + 1]; b++) reach += custStart[buyerList[b] + 1] - custStart[buyerList[b]];
    capacity += Math.min(nItems, reach);
  }
  const start = new Int32Array(nRows + 1);
  // 16-bit storage when codes and counts fit (halves memory and bandwidth of the scoring loops)
  const ItemArray = nItems <= 65536 ? Uint16Array : Int32Array;
  const CountArray = nCust < 65536 ? Uint16Array : Int32Array;
  const item = new ItemArray(capacity);
  const count = new CountArray(capacity);
  const acc = new Int32Array(nItems);
  let nnz = 0;
  for (let it = 0; it < nItems; it++) {
    if (!wanted[it]) continue;
    for (let b = buyerStart[it], bEnd = buyerStart[it + 1]; b < bEnd; b++) {
      const v = buyerList[b];
      for (let p = custStart[v], pEnd = custStart[v + 1]; p < pEnd; p++) acc[custItems[p]]++;
    }
    // compact the dense counts without a data-dependent branch: every slot is written, and the cursor
    // only advances past a nonzero count ((-c) >>> 31 is 1 for c > 0, 0 for c = 0)
    for (let j = 0; j < nItems; j++) {
      const c = acc[j];
      item[nnz] = j;
      count[nnz] = c;
      nnz += -c >>> 31;
      acc[j] = 0;
    }
    start[rowOf[it] + 1] = nnz;
  }

  // each row by count descending, in runs of equal count (groups): a counting sort on maxCount - count,
  // the item's own buyers being the row's largest count; a row has at most min(maxCount, length) groups
  let maxGroups = 0;
  for (let it = 0; it < nItems; it++) {
    if (wanted[it]) maxGroups += Math.min(buyerStart[it + 1] - buyerStart[it], start[rowOf[it] + 1] - start[rowOf[it]]);
  }
  const itemByCount = new ItemArray(nnz);
  const rowGroups = new Int32Array(nRows + 1);
  const groupCount = new Int32Array(maxGroups);
  const groupBegin = new Int32Array(maxGroups + 1);
  const slot = new Int32Array(nCust + 1);
  let nGroups = 0;
  for (let it = 0; it < nItems; it++) {
    if (!wanted[it]) continue;
    const row = rowOf[it];
    const from = start[row];
    const to = start[row + 1];
    const maxCount = buyerStart[it + 1] - buyerStart[it];
    slot.fill(0, 0, maxCount + 1);
    for (let e = from; e < to; e++) slot[maxCount - count[e] + 1]++;
    // slot[key + 1] holds how many entries have count maxCount - key; make slot[key] where they start
    let at = from;
    for (let key = 0; key < maxCount; key++) {
      const n = slot[key + 1];
      slot[key] = at;
      if (n > 0) {
        groupCount[nGroups] = maxCount - key;
        groupBegin[nGroups++] = at;
        at += n;
      }
    }
    rowGroups[row + 1] = nGroups;
    for (let e = from; e < to; e++) itemByCount[slot[maxCount - count[e]]++] = item[e];
  }
  groupBegin[nGroups] = nnz;
  return {
    rowOf,
    start,
    item: item.subarray(0, nnz),
    count: count.subarray(0, nnz),
    itemByCount,
    rowGroups,
    groupCount: groupCount.subarray(0, nGroups),
    groupBegin: groupBegin.subarray(0, nGroups + 1),
  };
}

/**
 * #customers who bought both `i` and `j` (0 when none), by binary search in i's row; `i` must have a row.
 *
 * @example coCount(coPurchaseRows(custStart, custItems, buyerStart, buyerList, wanted), 3, 7);
 */
export function coCount(rows: CoRows, i: number, j: number): number {
  const row = rows.rowOf[i];
  const item = rows.item;
  let lo = rows.start[row];
  let hi = rows.start[row + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = item[mid];
    if (x === j) return rows.count[mid];
    if (x < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
