/**
 * Notebook builtins for issue 6 — customer lifetime value (BG/NBD, Gamma-Gamma).
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 *
 * @example (notebook cells)
 *   summary = clvSummary(orders, {calibrationEnd: calibration_end, unit})
 *   bgnbd_fit = fitBgNbd(summary.table, {penalty})
 *   bgnbd = bgnbdReport(bgnbd_fit)          // → bgnbd.json in the runner
 *   clv = customerValue(summary.table, bgnbd_fit.params, gamma_gamma_fit.params, {unit, margin})
 */
import type { StdlibEnv } from './index';
import { chartIn } from './chart';
import { clvSummary, UNIT_DAYS } from '../core/clv/summary';
import { fitBgNbd, pAlive, expectedPurchases, expectedPurchasesNew, type BgNbdFit } from '../core/clv/bgnbd';
import { fitGammaGamma, expectedSpend, spendFrequencyCheck, type GammaGammaFit } from '../core/clv/gammaGamma';
import { customerValue, holdoutComparison, pAliveGrid, clvTiers } from '../core/clv/value';
import type { MleFit } from '../core/clv/optimise';
import { clvHoldout } from '../plots/clvHoldout';
import { pAliveHeatmap } from '../plots/pAliveHeatmap';

/** A fit as plain JSON: parameters, then log_likelihood, converged, standard_errors and the optimiser's record. */
function report(fit: MleFit): Record<string, unknown> {
  return {
    ...fit.params,
    log_likelihood: fit.logLikelihood,
    converged: fit.converged,
    standard_errors: fit.standardErrors,
    n: fit.n,
    penalty: fit.penalty,
    iterations: fit.iterations,
    message: fit.message,
  };
}

/**
 * The BG/NBD fit as the runner's bgnbd.json: r, alpha, a, b, log_likelihood, converged, standard_errors, …
 * @example bgnbdReport(fitBgNbd(summary.table)) // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, log_likelihood: -9582.43, converged: true, … }
 */
export function bgnbdReport(fit: BgNbdFit): Record<string, unknown> {
  return report(fit);
}

/**
 * The Gamma-Gamma fit as the runner's gamma_gamma.json: p, q, v, log_likelihood, converged, standard_errors, …
 * @example gammaGammaReport(fitGammaGamma(summary.table)) // { p: 6.25, q: 3.74, v: 15.45, … }
 */
export function gammaGammaReport(fit: GammaGammaFit): Record<string, unknown> {
  return report(fit);
}

export function lifetimeBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  return {
    UNIT_DAYS,
    clvSummary,
    fitBgNbd,
    fitGammaGamma,
    bgnbdReport,
    gammaGammaReport,
    pAlive,
    expectedPurchases,
    expectedPurchasesNew,
    expectedSpend,
    spendFrequencyCheck,
    customerValue,
    holdoutComparison,
    pAliveGrid,
    clvTiers,
    clvHoldout: chart(clvHoldout),
    pAliveHeatmap: chart(pAliveHeatmap),
  };
}
