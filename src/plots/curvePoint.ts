/**
 * Where the current threshold sits on a curve whose points carry the score threshold they were taken at
 * (ROC, precision–recall): the rule "predicted positive when p > t" is the last point with threshold > t.
 *
 * @example pointAtThreshold(Float64Array.of(Infinity, 0.8, 0.4, 0.1), 0.5); // 1
 */
export function pointAtThreshold(thresholds: ArrayLike<number>, t: number): number {
  let k = 0;
  for (let i = 0; i < thresholds.length; i++) if (thresholds[i] > t) k = i;
  return k;
}
