import { describe, expect, test } from 'vitest';
import { nelderMead, hessian, invert, maximiseLikelihood } from '../../../src/core/clv/optimise';

describe('nelderMead(f, x0)', () => {
  test('finds the minimum of the Rosenbrock function from (−1.2, 1)', () => {
    const res = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
  });
  test('walks away from non-finite values', () => {
    const res = nelderMead(([x]) => (x < 0 ? NaN : (x - 2) ** 2), [0.1]);
    expect(res.x[0]).toBeCloseTo(2, 6);
  });
  test('reports no convergence when it runs out of iterations', () => {
    const res = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], { maxIterations: 5 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(5);
  });
});

describe('hessian(f, x) and invert(A)', () => {
  test('hessian of u²v at (1, 2) is [[4, 2], [2, 0]]', () => {
    const H = hessian(([u, v]) => u * u * v, [1, 2]);
    expect(H[0][0]).toBeCloseTo(4, 6);
    expect(H[0][1]).toBeCloseTo(2, 6);
    expect(H[1][0]).toBeCloseTo(2, 6);
    expect(H[1][1]).toBeCloseTo(0, 6);
  });
  test('invert gives A⁻¹ with A·A⁻¹ = I, and null for a singular matrix', () => {
    const A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]];
    const B = invert(A)!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const v = A[i].reduce((s, a, k) => s + a * B[k][j], 0);
      expect(v).toBeCloseTo(i === j ? 1 : 0, 12);
    }
    expect(invert([[1, 2], [2, 4]])).toBeNull();
  });
});

describe('maximiseLikelihood(logLik, {names, n})', () => {
  // Exponential waiting times: λ̂ = n / Σt, SE(λ̂) = λ̂ / √n.
  const t = [0.5, 1.2, 0.3, 2.5, 0.9, 1.1, 0.2, 3.4, 0.7, 1.6];
  const sum = t.reduce((a, b) => a + b, 0);
  const ll = ([lambda]: number[]) => t.length * Math.log(lambda) - lambda * sum;

  test('finds the closed-form MLE and its standard error', () => {
    const fit = maximiseLikelihood(ll, { names: ['lambda'], n: t.length });
    const mle = t.length / sum;
    expect(fit.converged).toBe(true);
    expect(fit.params.lambda).toBeCloseTo(mle, 8);
    expect(fit.logLikelihood).toBeCloseTo(ll([mle]), 10);
    expect(fit.standardErrors.lambda).toBeCloseTo(mle / Math.sqrt(t.length), 6);
    expect(fit.message).toMatch(/^converged after \d+ iterations/);
  });
  test('an L2 penalty λΣθ² on −LL/n shrinks the estimate to the root of n/θ − Σt − 2nλθ = 0', () => {
    const penalty = 0.5;
    const fit = maximiseLikelihood(ll, { names: ['lambda'], n: t.length, penalty });
    const n = t.length;
    // 2nλθ² + Σt·θ − n = 0
    const want = (-sum + Math.sqrt(sum * sum + 8 * n * penalty * n)) / (4 * n * penalty);
    expect(fit.params.lambda).toBeCloseTo(want, 7);
    expect(fit.params.lambda).toBeLessThan(n / sum);
    expect(fit.penalty).toBe(penalty);
  });
  test('stops at the evaluation budget and says so', () => {
    const rosen = ([x, y]: number[]) => -(100 * (y - x * x) ** 2 + (1 - x) ** 2);
    const fit = maximiseLikelihood(rosen, { names: ['x', 'y'], n: 1, init: [0.1, 3], maxEvaluations: 40 });
    expect(fit.converged).toBe(false);
    expect(fit.evaluations).toBeLessThanOrEqual(42);
    expect(fit.message).toMatch(/stopped at the budget of 40 evaluations/);
  });
  test('rejects non-positive starting values and empty data', () => {
    expect(() => maximiseLikelihood(ll, { names: ['lambda'], n: 10, init: [0] })).toThrow(/init must be 1 positive/);
    expect(() => maximiseLikelihood(ll, { names: ['lambda'], n: 0 })).toThrow(/no observations/);
  });
});
