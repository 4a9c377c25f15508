/**
 * Notebook builtins for issue 6 — ad strategy, budget allocation, A/B tests, bandits, fairness, privacy.
 * Each entry is a name notebook cells can use; charts go through `chart` so they render into the
 * environment's document.
 */
import type { Table } from 'apache-arrow';
import type { StdlibEnv } from './index';
import { chartIn } from './chart';
import { abTest, abColumns, abDetails, twoProportionTest, waldInterval, wilsonInterval, probBBeatsA } from '../core/campaign/abtest';
import { sampleSizePerArm, powerOf } from '../core/campaign/planner';
import { peekingSimulation, sequentialBoundary, sequentialDecision, sequentialRejectionRate } from '../core/campaign/sequential';
import { banditSimulation } from '../core/campaign/bandit';
import { fairnessAudit } from '../core/campaign/fairness';
import { newSecret, pseudonymise, pseudonymiseColumns } from '../core/campaign/privacy';
import { neutralise, neutraliseTable, audienceExport, audienceCsv } from '../core/campaign/export';
import { allocateBudget, tierSegments, conversionsAt } from '../core/campaign/allocate';
import { parseStrategy, strategyCaps, strategyWithItems } from '../core/campaign/strategy';
import { simulateCampaign, campaignResponse, responseRates, retier } from '../core/campaign/feedback';
import { audienceTiers, audienceWith, tierSizes, tierValues } from '../core/campaign/audience';
import { syntheticAbTest, SYNTHETIC_AB_KEY } from '../core/campaign/synthAb';
import { abIntervals } from '../plots/abIntervals';
import { regretCurves } from '../plots/regretCurves';
import { peekingCurve } from '../plots/peekingCurve';
import { allocationBars } from '../plots/allocationBars';
import { selectionRates } from '../plots/selectionRates';

export function campaignsBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  return {
    // A/B tests
    SYNTHETIC_AB_KEY,
    syntheticAbTest,
    /** The A/B test file for a dataset key: the built-in synthetic test, or a loaded file. */
    loadAbTest: (key: string): Table | Promise<Table> => (key === SYNTHETIC_AB_KEY ? syntheticAbTest() : env.loadDataset(key)),
    abTest,
    abColumns,
    abDetails,
    twoProportionTest,
    waldInterval,
    wilsonInterval,
    probBBeatsA,
    sampleSizePerArm,
    powerOf,
    peekingSimulation,
    sequentialBoundary,
    sequentialDecision,
    sequentialRejectionRate,
    banditSimulation,
    // strategy and allocation
    parseStrategy,
    strategyCaps,
    strategyWithItems,
    audienceTiers,
    audienceWith,
    tierSizes,
    tierValues,
    tierSegments,
    allocateBudget,
    conversionsAt,
    // feedback loop
    simulateCampaign,
    campaignResponse,
    responseRates,
    retier,
    // fairness and privacy
    fairnessAudit,
    newSecret,
    pseudonymise,
    pseudonymiseColumns,
    neutralise,
    neutraliseTable,
    audienceExport,
    audienceCsv,
    // charts
    abIntervals: chart(abIntervals),
    regretCurves: chart(regretCurves),
    peekingCurve: chart(peekingCurve),
    allocationBars: chart(allocationBars),
    selectionRates: chart(selectionRates),
  };
}
