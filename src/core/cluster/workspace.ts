/**
 * The buffers one `kmeans` call shares between its restarts: the seeding and the iterations reuse
 * them, so nothing of size n is allocated inside a restart.
 */

/** Buffers for n rows, d columns, k clusters. */
export interface KMeansWorkspace {
  /**
   * Scratch columns of n values: three, or one more than the k-means++ trials per centre when
   * that is more and d = 3 (where the trials of a step are scored in one pass). The kd-tree build
   * sorts in them; after seeding, bufs[0] holds each row's D² to its nearest seed; the iterations
   * use bufs[0] for distances and Hamerly keeps its bounds in bufs[1] and bufs[2].
   */
  bufs: Float64Array[];
  /** Cluster of each row. */
  labels: Int32Array;
  /** Row numbers Hamerly's passes must measure (made by the first pass that needs it). */
  rows: Int32Array;
  /** Per-cluster column sums (k × d) of the current assignment. */
  sums: Float64Array;
  /** Rows per cluster of the current assignment. */
  sizes: Int32Array;
  /** The updated centres (k × d) before they are copied over the current ones. */
  next: Float64Array;
  /** How far each centre moved in the last update (Euclidean). */
  moves: Float64Array;
  /** Each centre's movements summed over the iterations so far. */
  drift: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
  /** Rows moved into empty clusters by the last relocation (at most k). */
  moved: Int32Array;
}

/** k-means++ local trials per centre for k clusters (scikit-learn's 2 + ⌊ln k⌋). */
export function seedingTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/**
 * Allocate the buffers for an n × d matrix and k clusters.
 *
 * @example const ws = kmeansWorkspace(100_000, 3, 5); ws.labels.length; // 100000
 */
export function kmeansWorkspace(n: number, d: number, k: number): KMeansWorkspace {
  const columns = d === 3 ? Math.max(3, seedingTrials(k) + 1) : 3;
  return {
    bufs: Array.from({ length: columns }, () => new Float64Array(n)),
    labels: new Int32Array(n),
    rows: new Int32Array(0),
    sums: new Float64Array(k * d),
    sizes: new Int32Array(k),
    next: new Float64Array(k * d),
    moves: new Float64Array(k),
    drift: new Float64Array(k),
    half: new Float64Array(k),
    moved: new Int32Array(k),
  };
}
