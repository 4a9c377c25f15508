/**
 * Maximum-likelihood fitting for the lifetime-value models: a Nelder–Mead simplex with restarts over
 * log-parameters (so every parameter stays positive), an optional L2 penalty, a convergence report and
 * standard errors from the observed information (the inverse of the negative Hessian of the
 * log-likelihood, by central finite differences in the natural parameters).
 *
 * @example
 *   const fit = maximiseLikelihood((t) => -((t[0] - 2) ** 2) - (t[1] - 3) ** 2, {
 *     names: ['u', 'v'], n: 1,
 *   });
 *   fit.params;    // { u: 2.000…, v: 3.000… }
 *   fit.converged; // true
 */

/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Initial simplex step along each coordinate. Default 0.5 (in log-parameters: ×1.65). */
  step?: number;
  /** Stop when every vertex is within `xTol` (max-norm) of the best one … Default 1e-10. */
  xTol?: number;
  /** … and every vertex value is within `fTol` of the best value. Default 1e-13. */
  fTol?: number;
  /** Most iterations. Default 10,000. */
  maxIterations?: number;
  /** Most function evaluations. Default unlimited. */
  maxEvaluations?: number;
}

/** Result of a minimisation. */
export interface MinimumResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Minimise `f` from `x0` with the Nelder–Mead simplex (reflection 1, expansion 2, contraction ½,
 * shrink ½; Lagarias et al. 1998). Non-finite values count as +∞, so the simplex walks away from them.
 *
 * @example nelderMead(([x]) => (x - 1) ** 2, [0]).x // [1.000…]
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], opts: NelderMeadOptions = {}): MinimumResult {
  const step = opts.step ?? 0.5;
  const xTol = opts.xTol ?? 1e-10;
  const fTol = opts.fTol ?? 1e-13;
  const maxIterations = opts.maxIterations ?? 10_000;
  const maxEvaluations = opts.maxEvaluations ?? Infinity;
  const k = x0.length;
  let evaluations = 0;
  const F = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < k; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  const vals = pts.map(F);
  let iterations = 0;
  let converged = false;
  const order = Array.from({ length: k + 1 }, (_, i) => i);
  while (iterations < maxIterations && evaluations < maxEvaluations) {
    order.sort((i, j) => vals[i] - vals[j]);
    const best = order[0];
    const worst = order[k];
    // convergence: simplex small in x and in f
    let dx = 0;
    let df = 0;
    for (let j = 1; j <= k; j++) {
      const p = pts[order[j]];
      for (let d = 0; d < k; d++) dx = Math.max(dx, Math.abs(p[d] - pts[best][d]));
      df = Math.max(df, Math.abs(vals[order[j]] - vals[best]));
    }
    if (dx <= xTol && df <= fTol) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) for (let d = 0; d < k; d++) centroid[d] += pts[order[j]][d] / k;
    const along = (t: number) => centroid.map((c, d) => c + t * (pts[worst][d] - c));
    const xr = along(-1);
    const fr = F(xr);
    if (fr < vals[best]) {
      const xe = along(-2);
      const fe = F(xe);
      if (fe < fr) {
        pts[worst] = xe;
        vals[worst] = fe;
      } else {
        pts[worst] = xr;
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < vals[order[k - 1]]) {
      pts[worst] = xr;
      vals[worst] = fr;
      continue;
    }
    const outside = fr < vals[worst];
    const xc = along(outside ? -0.5 : 0.5);
    const fc = F(xc);
    if (fc < (outside ? fr : vals[worst])) {
      pts[worst] = xc;
      vals[worst] = fc;
      continue;
    }
    for (let j = 1; j <= k; j++) {
      const i = order[j];
      pts[i] = pts[i].map((v, d) => pts[best][d] + 0.5 * (v - pts[best][d]));
      vals[i] = F(pts[i]);
    }
  }
  let b = 0;
  for (let i = 1; i <= k; i++) if (vals[i] < vals[b]) b = i;
  return { x: pts[b], value: vals[b], iterations, evaluations, converged };
}

/**
 * Central finite-difference Hessian of `f` at `x`, step `rel·|xᵢ|` per coordinate (default rel 1e-4;
 * a zero coordinate gets step `rel`).
 *
 * @example hessian(([u, v]) => u * u * v, [1, 2]) // [[4, 2], [2, 0]]
 */
export function hessian(f: (x: number[]) => number, x: number[], rel = 1e-4): number[][] {
  const k = x.length;
  const h = x.map((v) => rel * (Math.abs(v) || 1));
  const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const at = (i: number, di: number, j: number, dj: number) => {
    const t = x.slice();
    t[i] += di * h[i];
    t[j] += dj * h[j];
    return f(t);
  };
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      H[i][j] = H[j][i] = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
    }
  }
  return H;
}

/**
 * Inverse of a symmetric matrix by Gauss–Jordan elimination with partial pivoting; null when singular.
 *
 * @example invert([[2, 0], [0, 4]]) // [[0.5, 0], [0, 0.25]]
 */
export function invert(A: number[][]): number[][] | null {
  const k = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (!(Math.abs(M[p][c]) > 1e-300)) return null;
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    for (let j = 0; j < 2 * k; j++) M[c][j] /= piv;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const m = M[r][c];
      if (m !== 0) for (let j = 0; j < 2 * k; j++) M[r][j] -= m * M[c][j];
    }
  }
  return M.map((row) => row.slice(k));
}

/** Options of `maximiseLikelihood`. */
export interface MleOptions {
  /** Parameter names, in the order of the vector the log-likelihood takes. */
  names: string[];
  /** Number of observations: the objective is −LL/n + penalty·Σθ² (the scaling lifetimes uses). */
  n: number;
  /** Starting values (natural scale, all > 0). Default: 1 for every parameter. */
  init?: number[];
  /** L2 penalty λ on the natural parameters. Default 0 (plain maximum likelihood). */
  penalty?: number;
  /** Most Nelder–Mead restarts from the best point. Default 20. */
  maxRestarts?: number;
  /** Most log-likelihood evaluations over all restarts. Default 8,000 (the CDNOW sample needs ≈ 700). */
  maxEvaluations?: number;
  /** Options of each Nelder–Mead run. */
  simplex?: NelderMeadOptions;
}

/** A fitted model: parameters, fit quality and how the optimiser got there. */
export interface MleFit {
  /** Parameter estimates by name. */
  params: Record<string, number>;
  /** Log-likelihood at the estimates (without the penalty). */
  logLikelihood: number;
  /** Standard errors by name (NaN when the Hessian is not negative definite, e.g. at a penalised optimum's edge). */
  standardErrors: Record<string, number>;
  /** True when the last simplex converged and a restart no longer improved the objective. */
  converged: boolean;
  /** Nelder–Mead iterations and function evaluations over all restarts. */
  iterations: number;
  evaluations: number;
  restarts: number;
  penalty: number;
  n: number;
  /** One line: how the fit ended. */
  message: string;
}

/**
 * Maximise a log-likelihood over positive parameters θ = exp(φ): Nelder–Mead on φ, restarted from the
 * best point with a fresh simplex until a restart improves the objective by less than 1e-12 (at most
 * `maxRestarts` times). Standard errors: √diag((−∇²LL(θ̂))⁻¹) in the natural parameters.
 *
 * @example
 *   const fit = maximiseLikelihood((t) => bgnbdLogLikelihood(t, data), { names: ['r', 'alpha', 'a', 'b'], n });
 */
export function maximiseLikelihood(logLik: (theta: number[]) => number, opts: MleOptions): MleFit {
  const k = opts.names.length;
  const init = opts.init ?? new Array<number>(k).fill(1);
  const penalty = opts.penalty ?? 0;
  const maxRestarts = opts.maxRestarts ?? 20;
  const budget = opts.maxEvaluations ?? 8000;
  if (init.length !== k || init.some((v) => !(v > 0))) throw new Error(`maximiseLikelihood: init must be ${k} positive numbers, got [${init.join(', ')}]`);
  if (!(penalty >= 0)) throw new Error(`maximiseLikelihood: penalty must be ≥ 0, got ${penalty}`);
  if (!(opts.n > 0)) throw new Error(`maximiseLikelihood: there are no observations to fit (n = ${opts.n})`);
  const objective = (phi: number[]) => {
    let pen = 0;
    const theta = phi.map((p) => {
      const t = Math.exp(p);
      pen += t * t;
      return t;
    });
    return -logLik(theta) / opts.n + penalty * pen;
  };
  let run = nelderMead(objective, init.map(Math.log), { ...opts.simplex, maxEvaluations: budget });
  let iterations = run.iterations;
  let evaluations = run.evaluations;
  let restarts = 0;
  let settled = false;
  while (restarts < maxRestarts && evaluations < budget) {
    const next = nelderMead(objective, run.x, { ...opts.simplex, step: restarts % 2 ? 0.05 : 0.2, maxEvaluations: budget - evaluations });
    restarts++;
    iterations += next.iterations;
    evaluations += next.evaluations;
    const gain = run.value - next.value;
    if (next.value <= run.value) run = next;
    if (gain < 1e-12 && run.converged) {
      settled = true;
      break;
    }
  }
  const theta = run.x.map(Math.exp);
  const ll = logLik(theta);
  const params: Record<string, number> = {};
  const standardErrors: Record<string, number> = {};
  const H = hessian(logLik, theta);
  const cov = invert(H.map((row) => row.map((v) => -v)));
  opts.names.forEach((name, i) => {
    params[name] = theta[i];
    const variance = cov ? cov[i][i] : NaN;
    standardErrors[name] = variance > 0 ? Math.sqrt(variance) : NaN;
  });
  const converged = settled && Number.isFinite(ll);
  const message = !Number.isFinite(ll)
    ? 'the log-likelihood is not finite at the estimates'
    : converged
      ? `converged after ${iterations} iterations (${restarts} restarts)`
      : evaluations >= budget
        ? `stopped at the budget of ${budget} evaluations (${iterations} iterations, ${restarts} restarts) before converging`
        : `stopped after ${iterations} iterations (${restarts} restarts) without meeting the tolerances`;
  return { params, logLikelihood: ll, standardErrors, converged, iterations, evaluations, restarts, penalty, n: opts.n, message };
}
