/**
 * The pipeline map's view of a notebook: which stages it has, each stage's status, the engine
 * that ran it, and the backend of the last training run — pure functions over the session's cells.
 */
import type { CellModel } from './session.svelte';

/**
 * The pipeline stages of the method, in order; cells say which one they belong to. `label` is the
 * English name; the UI shows the current language's `stage.<key>` message (src/ui/i18n).
 */
export const STAGES = [
  { key: 'load', label: 'Load' },
  { key: 'preprocess', label: 'Preprocess' },
  { key: 'profile', label: 'Profile' },
  { key: 'tiers', label: 'Value tiers' },
  { key: 'model', label: 'Purchase model' },
  { key: 'recommend', label: 'Recommendations' },
  { key: 'strategy', label: 'Ad strategy' },
  { key: 'feedback', label: 'Feedback' },
] as const;

export type StageStatus = 'idle' | 'running' | 'done' | 'error' | 'stale';

/** Status of a pipeline stage: the most pressing status among its code cells. */
export function stageStatus(cells: readonly CellModel[], stage: string): StageStatus {
  const rank: Record<StageStatus, number> = { idle: 0, done: 1, stale: 2, running: 3, error: 4 };
  let any = false;
  let worst: StageStatus = 'idle';
  for (const cell of cells) {
    if (cell.stage !== stage || cell.spec.kind !== 'code') continue;
    any = true;
    const s = cell.state.status;
    const mapped: StageStatus =
      s === 'error' ? 'error' : s === 'running' || s === 'queued' ? 'running' : s === 'stale' || s === 'cancelled' ? 'stale' : s === 'done' ? 'done' : 'idle';
    if (rank[mapped] > rank[worst]) worst = mapped;
  }
  return any ? worst : 'idle';
}

/** Stages the notebook has cells for, in the method's order. */
export function stagesOf(cells: readonly CellModel[]) {
  return STAGES.filter((s) => cells.some((c) => c.stage === s.key));
}

/** The first cell of a stage (where the map jumps to). */
export function firstCellOf(cells: readonly CellModel[], stage: string): string | undefined {
  return cells.find((c) => c.stage === stage)?.id;
}

/**
 * Which engine ran a stage, when the notebook reports it in a table cell named `engine_stages`
 * (columns stage, engine — see notebooks/big-data.md); null otherwise.
 */
export function engineOf(cells: readonly CellModel[], stage: string): string | null {
  const cell = cells.find((c) => c.state.name === 'engine_stages' && c.state.status === 'done');
  const value = cell?.state.value as { numRows?: number; getChild?: (n: string) => { get(i: number): unknown } | null } | undefined;
  const stages = value?.getChild?.('stage');
  const engines = value?.getChild?.('engine');
  if (!stages || !engines || !value?.numRows) return null;
  for (let i = 0; i < value.numRows; i++) if (stages.get(i) === stage) return String(engines.get(i));
  return null;
}

/** The tfjs backend of the most recent finished training run, if any. */
export function trainedOn(cells: readonly CellModel[]): string | null {
  for (const cell of cells) {
    const v = cell.state.value as { model?: { backend?: string } | null } | undefined;
    if (cell.state.status === 'done' && v && typeof v === 'object' && v.model?.backend) return v.model.backend;
  }
  return null;
}
