export { lgamma, hyp2f1 } from './special';
export { nelderMead, hessian, invert, maximiseLikelihood, type MleFit, type MleOptions, type NelderMeadOptions } from './optimise';
export { clvSummary, UNIT_DAYS, type ClvSummary, type ClvSummaryOptions, type ClvUnit } from './summary';
export { fitBgNbd, bgnbdLogLikelihood, pAlive, expectedPurchases, expectedPurchasesNew, repeatData, type BgNbdParams, type BgNbdFit, type RepeatData } from './bgnbd';
export { fitGammaGamma, gammaGammaLogLikelihood, expectedSpend, spendData, spendFrequencyCheck, type GammaGammaParams, type GammaGammaFit, type SpendFrequencyCheck } from './gammaGamma';
export { customerValue, holdoutComparison, pAliveGrid, clvTiers, type CustomerValueOptions } from './value';
