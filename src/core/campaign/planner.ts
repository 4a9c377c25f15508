/**
 * Sample size per arm for a two-proportion test: how many users each variant needs to detect a given
 * lift with a given power.
 */
import { normalCdf, normalQuantile } from './normal';

export interface PlanOptions {
  /** Significance level α (two-sided). Default 0.05. */
  alpha?: number;
  /** Power 1 − β. Default 0.8. */
  power?: number;
  /** `mde` is an absolute difference in rate (default) or relative to the baseline (0.1 = +10%). */
  relative?: boolean;
}

/**
 * Users per arm to detect p₂ = p₁ + δ (δ = the minimum detectable effect) with a two-sided test:
 *
 *   n = ⌈ (z_{1−α/2} √(2 p̄ (1 − p̄)) + z_{1−β} √(p₁(1 − p₁) + p₂(1 − p₂)))² / δ² ⌉,   p̄ = (p₁ + p₂)/2.
 *
 * Defaults: α = 0.05, power = 0.8, absolute MDE.
 * @example sampleSizePerArm(0.1, 0.02); // 3841
 * @example sampleSizePerArm(0.448, 0.1, { relative: true }); // users per arm to see 44.8% → 49.3%
 */
export function sampleSizePerArm(baseline: number, mde: number, opts: PlanOptions = {}): number {
  const alpha = opts.alpha ?? 0.05;
  const power = opts.power ?? 0.8;
  const p1 = baseline;
  const delta = opts.relative ? baseline * mde : mde;
  const p2 = p1 + delta;
  if (!(p1 > 0 && p1 < 1)) throw new RangeError(`sampleSizePerArm: the baseline rate must be in (0, 1), got ${baseline}`);
  if (!(delta !== 0 && p2 > 0 && p2 < 1)) throw new RangeError(`sampleSizePerArm: baseline + effect must be in (0, 1) and the effect non-zero, got ${p2}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`sampleSizePerArm: α must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`sampleSizePerArm: power must be in (0, 1), got ${power}`);
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((num * num) / (delta * delta));
}

/**
 * Power of the two-sided two-proportion test with n users per arm (the inverse of `sampleSizePerArm`):
 *   power = Φ( (|δ| √n − z_{1−α/2} √(2 p̄(1 − p̄))) / √(p₁(1 − p₁) + p₂(1 − p₂)) ).
 * @example powerOf(0.1, 0.02, 3841); // ≈ 0.8
 */
export function powerOf(baseline: number, mde: number, n: number, opts: Omit<PlanOptions, 'power'> = {}): number {
  const alpha = opts.alpha ?? 0.05;
  const p1 = baseline;
  const delta = opts.relative ? baseline * mde : mde;
  const p2 = p1 + delta;
  const pbar = (p1 + p2) / 2;
  const za = normalQuantile(1 - alpha / 2);
  return normalCdf((Math.abs(delta) * Math.sqrt(n) - za * Math.sqrt(2 * pbar * (1 - pbar))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
}
