import { describe, expect, test } from 'vitest';
import { lgamma, hyp2f1 } from '../../../src/core/clv/special';
import { cdnow } from './cdnow';

describe('lgamma(x)', () => {
  test('matches log of factorials and Γ(½) = √π', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // log(170!) by summation
    let s = 0;
    for (let k = 2; k <= 170; k++) s += Math.log(k);
    expect(Math.abs(lgamma(171) - s) / s).toBeLessThan(1e-14);
  });
  test('is NaN outside x > 0', () => {
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1.5)).toBeNaN();
  });
});

describe('hyp2f1(a, b, c, z)', () => {
  test('matches scipy.special.hyp2f1 to 1e-12 relative', () => {
    for (const [a, b, c, z, want] of cdnow.predictions.hyp2f1) {
      expect(Math.abs(hyp2f1(a, b, c, z) - want) / want).toBeLessThan(1e-12);
    }
  });
  test('₂F₁(1, 1; 2; z) = −log(1 − z) / z', () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 13);
  });
  test('rejects z outside [0, 1)', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be in \[0, 1\)/);
  });
});
