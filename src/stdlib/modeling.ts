/**
 * Notebook builtins for issue 4 — purchase models (logistic, MLP), every metric, curves, threshold economics,
 * the synthetic teaching generator. Each entry is a name notebook cells can use; charts go through `chart` so
 * they render into the environment's document.
 *
 * Core computations return plain objects of typed arrays (cheap to recompute on every threshold move); the
 * charts take them as they are.
 */
import { chartText } from '../plots/locale';
import type { Table } from 'apache-arrow';
import type { StdlibEnv } from './index';
import type { TrainingState } from './training';
import { chartIn } from './chart';
import { makeTable, strings } from '../core/table';
import { designMatrix } from '../core/stats/designMatrix';
import { monthNumbers, splitSummary, stratifiedSplit, timeSplit } from '../core/stats/split';
import { brier } from '../core/stats/metrics';
import { binaryMetrics } from '../core/stats/report';
import { precisionRecall, roc } from '../core/stats/curves';
import { calibration } from '../core/stats/calibration';
import { gain } from '../core/stats/gain';
import { bestThreshold, profitCurve } from '../core/stats/profit';
import { predictProba } from '../model/predict';
import { coefficients as coefficientRows } from '../model/coefficients';
import { synthPurchases } from '../model/synthetic';
import type { PurchaseModel } from '../model/types';
import { rocCurve } from '../plots/rocCurve';
import { prCurve } from '../plots/prCurve';
import { calibrationPlot } from '../plots/calibration';
import { gainChart } from '../plots/gainChart';
import { liftChart } from '../plots/liftChart';
import { profitChart } from '../plots/profitCurve';
import { coefficientChart } from '../plots/coefficientChart';
import { trueVsFitted } from '../plots/trueVsFitted';

/** Rows of a design matrix (or purchase dataset) with their labels. */
interface Labelled {
  X: Float32Array;
  y: Uint8Array;
  featureNames: string[];
}

/**
 * A copy of `table` with columns renamed by `mapping` (old → new); names not in the table are skipped, so
 * the same cell works on a file that already has the new names.
 *
 * @example renameColumns(raw, { 'BounceRates in %': 'BounceRates' })
 */
export function renameColumns(table: Table, mapping: Record<string, string>): Table {
  const cols: Record<string, unknown> = {};
  for (const f of table.schema.fields) cols[mapping[f.name] ?? f.name] = table.getChild(f.name)!;
  return makeTable(cols as Parameters<typeof makeTable>[0]);
}

/**
 * Every row scored: a table of row (0-based index in the input), split ('train' | 'test'), label and
 * probability — the runner writes it as predictions.csv.
 *
 * @example predictionTable(model, design, split)
 */
export function predictionTable(model: PurchaseModel, data: Labelled, split: Uint8Array): Table {
  const d = data.featureNames.length;
  const n = data.y.length;
  if (split.length !== n) throw new Error(`predictionTable: ${split.length} split flags for ${n} rows`);
  const p = predictProba(model, data.X, n, d);
  return makeTable({
    row: Int32Array.from({ length: n }, (_, i) => i),
    split: Array.from(split, (s) => (s ? 'test' : 'train')),
    label: Int32Array.from(data.y),
    probability: Float64Array.from(p),
  });
}

/** Fraction of scores above the threshold (the share of customers a campaign at this threshold contacts). */
export function shareAbove(p: ArrayLike<number>, threshold: number): number {
  let k = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > threshold) k++;
  return p.length ? k / p.length : 0;
}

/** Rows {feature, true, fitted} pairing a generator's true weights with a logistic model's fitted ones. */
export function compareCoefficients(model: PurchaseModel, truth: { featureNames: string[]; trueWeights: number[] }) {
  return coefficientRows(model, truth.featureNames).map((c, j) => ({ feature: c.feature, true: truth.trueWeights[j], fitted: c.weight }));
}

function tableRows(t: Table | readonly { feature: string; weight: number; oddsRatio: number }[]) {
  if (Array.isArray(t)) return t as { feature: string; weight: number; oddsRatio: number }[];
  const table = t as Table;
  const names = strings(table, 'feature');
  const w = table.getChild('weight')!;
  const o = table.getChild('oddsRatio')!;
  return names.map((feature, i) => ({ feature: feature ?? '', weight: Number(w.get(i)), oddsRatio: Number(o.get(i)) }));
}

export function modelingBuiltins(env: StdlibEnv): Record<string, unknown> {
  const chart = chartIn(env.document);
  const doc = () => env.document ?? (globalThis as { document?: Document }).document;
  return {
    designMatrix,
    renameColumns,
    monthNumbers,
    /** Month column of a table as 1–12 (for `timeSplit`). */
    monthOrder: (table: Table, column: string) => monthNumbers(strings(table, column)),
    stratifiedSplit,
    timeSplit,
    splitSummary: (split: Uint8Array, y: Uint8Array) => makeTable(splitSummary(split, y)),
    /** The finished model of a training run (logistic or MLP); pending while it still runs. */
    trained: (training: TrainingState) => training.model ?? new Promise<PurchaseModel>(() => {}),
    predictionTable,
    modelMetrics: binaryMetrics,
    brier,
    roc,
    precisionRecall,
    calibration,
    gain,
    profitCurve,
    bestThreshold,
    shareAbove,
    synthPurchases,
    compareCoefficients,
    /**
     * A button that sets a widget parameter (default `threshold`) to `value`: "Move the threshold to 0.23".
     * In the runner it renders and is never clicked.
     */
    parameterButton: (value: number, opts: { parameter?: string; label?: string } = {}) => {
      const d = doc();
      if (!d) throw new Error('parameterButton: no DOM document to render into');
      const parameter = opts.parameter ?? 'threshold';
      const wrap = d.createElement('div');
      wrap.className = 'parameter-button';
      const button = d.createElement('button');
      button.type = 'button';
      button.textContent = opts.label ?? chartText('common.moveParameter', { parameter, value: String(value) });
      button.addEventListener('click', () => env.setParameter?.(parameter, value));
      wrap.appendChild(button);
      return wrap;
    },
    rocCurve: chart(rocCurve),
    prCurve: chart(prCurve),
    calibrationPlot: chart(calibrationPlot),
    gainChart: chart(gainChart),
    liftChart: chart(liftChart),
    profitChart: chart(profitChart),
    coefficientChart: (t: Table | readonly { feature: string; weight: number; oddsRatio: number }[], opts?: { top?: number }) =>
      chart(coefficientChart)(tableRows(t), opts),
    trueVsFitted: chart(trueVsFitted),
  };
}
