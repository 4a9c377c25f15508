/**
 * One open notebook in the browser: its cells, the runtime that runs them, and the reactive
 * state the components read. Components hold no business logic; they call methods here.
 */
import type { Table } from 'apache-arrow';
import { Runtime } from '../runtime/runtime';
import type { CellState } from '../runtime/cell';
import { parseNotebook, serializeNotebook } from '../notebook';
import type { CellSpec, Notebook } from '../notebook';
import { createStdlib } from '../stdlib';
import { browserTrainStream, setPreferredBackend } from './browserTraining';
import { DatasetRegistry } from './datasets';
import { loadDraft, saveDraft, clearDraft } from './drafts';

/** The pipeline stages of the method, in order; cells say which one they belong to. */
export const STAGES = [
  { key: 'load', label: 'Load' },
  { key: 'preprocess', label: 'Preprocess' },
  { key: 'profile', label: 'Profile' },
  { key: 'tiers', label: 'Value tiers' },
  { key: 'model', label: 'Purchase model' },
  { key: 'recommend', label: 'Recommendations' },
  { key: 'strategy', label: 'Ad strategy' },
] as const;

export type StageStatus = 'idle' | 'running' | 'done' | 'error' | 'stale';

const IDLE: CellState = { status: 'idle', name: null, inputs: [], version: 0 } as CellState;

export class CellModel {
  spec: CellSpec = $state.raw({ id: '', kind: 'markdown', source: '', options: {} });
  state: CellState = $state.raw(IDLE);
  edited = $state(false);
  constructor(spec: CellSpec) {
    this.spec = spec;
  }
  get id() {
    return this.spec.id;
  }
  get stage(): string | undefined {
    const s = this.spec.options.stage;
    return typeof s === 'string' ? s : undefined;
  }
}

export class Session {
  notebookId: string;
  meta: Record<string, string> = $state.raw({});
  cells: CellModel[] = $state.raw([]);
  readonly datasets = new DatasetRegistry();
  readonly runtime: Runtime;
  #shipped: string;
  #byId = new Map<string, CellModel>();

  constructor(notebookId: string, shippedText: string) {
    this.notebookId = notebookId;
    this.#shipped = shippedText;
    const builtins = createStdlib({
      loadDataset: (key: string) => this.datasets.load(key),
      trainStream: browserTrainStream,
      document,
      setParameter: (name, value) => this.runtime.setParam(name, value),
    });
    this.runtime = new Runtime({ builtins, globals: (name: string) => name in globalThis });
    this.runtime.subscribe((id: string, state: CellState) => {
      const cell = this.#byId.get(id);
      if (cell) cell.state = state;
    });
    const draft = loadDraft(notebookId);
    this.#open(parseNotebook(draft ?? shippedText), draft !== null);
  }

  #open(nb: Notebook, fromDraft: boolean) {
    this.meta = nb.meta;
    const shipped = parseNotebook(this.#shipped);
    const shippedSource = new Map(shipped.cells.map((c) => [c.id, c.source]));
    this.cells = nb.cells.map((spec) => {
      const cell = new CellModel(spec);
      cell.edited = fromDraft && shippedSource.get(spec.id) !== spec.source;
      return cell;
    });
    this.#byId = new Map(this.cells.map((c) => [c.id, c]));
    this.runtime.setCells(nb.cells);
  }

  /** Current notebook text (what would be saved). */
  text(): string {
    return serializeNotebook({ meta: this.meta, cells: this.cells.map((c) => c.spec) });
  }

  /** Replace a cell's code and re-run it and its dependents; the edit is saved locally at once. */
  edit(id: string, source: string) {
    const cell = this.#byId.get(id);
    if (!cell || cell.spec.source === source) return;
    cell.spec = { ...cell.spec, source };
    cell.edited = true;
    saveDraft(this.notebookId, this.text());
    if (cell.spec.kind === 'code') this.runtime.updateCell(id, source);
  }

  /** Throw away local edits and reopen the shipped notebook. */
  resetToShipped() {
    clearDraft(this.notebookId);
    this.#open(parseNotebook(this.#shipped), false);
  }

  setParam(name: string, value: unknown) {
    this.runtime.setParam(name, value);
  }

  run(id: string) {
    this.runtime.run(id);
  }

  cancel(id: string) {
    this.runtime.cancel(id);
  }

  /** Register a table the user loaded and point the notebook's dataset widget at it. */
  useDataset(key: string, table: Table) {
    this.datasets.add(key, table);
    const widgetCell = this.cells.find((c) => (c.state.widget as { kind?: string } | undefined)?.kind === 'dataset');
    const name = widgetCell?.state.name;
    if (name) this.runtime.setParam(name, key);
  }

  set backend(preference: string) {
    setPreferredBackend(preference);
  }

  /** Status of each pipeline stage: the worst status among its cells. */
  stageStatus(stage: string): StageStatus {
    let any = false;
    let worst: StageStatus = 'idle';
    const rank: Record<StageStatus, number> = { idle: 0, done: 1, stale: 2, running: 3, error: 4 };
    for (const cell of this.cells) {
      if (cell.stage !== stage || cell.spec.kind !== 'code') continue;
      any = true;
      const s = cell.state.status;
      const mapped: StageStatus =
        s === 'error' ? 'error' : s === 'running' || s === 'queued' ? 'running' : s === 'stale' || s === 'cancelled' ? 'stale' : s === 'done' ? 'done' : 'idle';
      if (rank[mapped] > rank[worst]) worst = mapped;
    }
    return any ? worst : 'idle';
  }

  /** The tfjs backend of the most recent finished training run, if any. */
  get trainedOn(): string | null {
    for (const cell of this.cells) {
      const v = cell.state.value as { model?: { backend?: string } | null } | undefined;
      if (cell.state.status === 'done' && v && typeof v === 'object' && v.model?.backend) return v.model.backend;
    }
    return null;
  }

  firstCellOf(stage: string): string | undefined {
    return this.cells.find((c) => c.stage === stage)?.id;
  }

  dispose() {
    this.runtime.dispose();
  }
}
