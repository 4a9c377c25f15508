/**
 * One open notebook in the browser: its cells, the runtime that runs them, and the reactive
 * state the components read. Components hold no business logic; they call methods here.
 *
 * Every change to the cells (edit, add, delete, move) goes through `#change`, which records the
 * state before it for undo, re-defines the runtime's cells (unchanged cells keep their values) and
 * saves a draft locally. Parameter changes are saved too, and mirrored into the URL hash.
 */
import type { Table } from 'apache-arrow';
import { Runtime } from '../runtime/runtime';
import type { CellState } from '../runtime/cell';
import { parseNotebook, serializeNotebook, ID_PATTERN } from '../notebook';
import type { CellSpec, Notebook } from '../notebook';
import { stdlibFactory } from './stdlibLoader';
import { browserTrainStream, setPreferredBackend } from './browserTraining';
import { workerCompute, workerRecommendRunner } from '../workers/client';
import { setProfileSource } from './profileSource';
import { DatasetRegistry } from './datasets';
import { History } from './history';
import { saveDraft, deleteDraft, type Draft } from './storage';
import type { RemoteRuntime } from '../sandbox/remote';
import { followChartLocale } from './i18n/charts';
import { CellVisibility } from './visibility';
import { loadFile } from '../workers/loadClient';

/** What the session needs of a runtime: the local one, or the sandboxed one for untrusted code. */
export type NotebookRuntime = Pick<
  Runtime,
  'setCells' | 'setParams' | 'params' | 'run' | 'cancel' | 'state' | 'value' | 'subscribe' | 'whenIdle' | 'dispose'
> & { setParam(name: string, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } };

const IDLE: CellState = { status: 'idle', name: null, inputs: [], version: 0 } as CellState;

export class CellModel {
  spec: CellSpec = $state.raw({ id: '', kind: 'markdown', source: '', options: {} });
  state: CellState = $state.raw(IDLE);
  edited = $state(false);
  constructor(spec: CellSpec, edited = false) {
    this.spec = spec;
    this.edited = edited;
  }
  get id() {
    return this.spec.id;
  }
  get stage(): string | undefined {
    const s = this.spec.options.stage;
    return typeof s === 'string' ? s : undefined;
  }
}

export interface SessionOptions {
  /** A locally saved draft of this notebook (text and parameters). */
  draft?: Draft | null;
  /** Parameters to apply on open (from a share link); they win over the draft's. */
  params?: Record<string, unknown>;
  /** Notebook text that did not ship with the app (an uploaded file, code from a link): not run until trusted. */
  untrustedText?: string | null;
  /**
   * Save drafts from the start (default). A session opened from a share link starts without
   * saving, so opening a link never overwrites the viewer's own draft; their first edit turns it on.
   */
  persist?: boolean;
}

export class Session {
  readonly notebookId: string;
  meta: Record<string, string> = $state.raw({});
  cells: CellModel[] = $state.raw([]);
  /** Set while code that did not ship with the app waits for the user's consent. */
  pendingTrust: { text: string } | null = $state.raw(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped on every parameter change (the share link and the draft follow it). */
  paramsVersion = $state(0);
  readonly datasets = new DatasetRegistry();
  runtime: NotebookRuntime;
  /** True once the notebook runs in the sandbox (code that did not ship with the app, trusted by the user). */
  sandboxed = $state(false);
  #unsubscribe: () => void = () => {};
  readonly shippedText: string;
  #history = new History<CellSpec[]>();
  #byId = new Map<string, CellModel>();
  #shippedSources: Map<string, string>;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Which cells are on screen (Workbench observes its notebook element); the runtime runs them first. */
  readonly visibility = new CellVisibility();
  #nextId = 1;
  #persist = true;
  /** Stops the charts following the UI language (see i18n/charts.ts). */
  #stopCharts: () => void = () => {};

  constructor(notebookId: string, shippedText: string, opts: SessionOptions = {}) {
    this.notebookId = notebookId;
    this.shippedText = shippedText;
    this.#shippedSources = new Map(parseNotebook(shippedText).cells.map((c) => [c.id, c.source]));
    this.#persist = opts.persist ?? true;
    const builtins = stdlibFactory()({
      loadDataset: (key: string) => this.datasets.load(key),
      trainStream: browserTrainStream,
      recommend: workerRecommendRunner,
      compute: workerCompute,
      document,
      setParameter: (name, value) => this.setParam(name, value),
      engine: this.datasets.engineHost(),
    });
    // A large file kept on disk is read into the tab only when a cell needs its raw lines.
    this.datasets.readFile = (file) => loadFile(file).then((r) => r.table);
    this.runtime = new Runtime({
      builtins,
      globals: (name: string) => name in globalThis,
      visible: (id: string) => this.visibility.has(id),
    });
    // Charts are drawn in the UI language; a switch redraws them (chart cells re-run, nothing retrains).
    this.#stopCharts = followChartLocale(notebookId, () => this.runtime);
    // Profile cards read notebook values (profile, tiers, orders) from whichever runtime is current.
    setProfileSource((name) => this.runtime.value(name));
    this.#listen();
    const params = { ...(opts.draft?.params ?? {}), ...(opts.params ?? {}) };
    if (Object.keys(params).length) this.runtime.setParams(params);
    if (opts.untrustedText && opts.untrustedText !== (opts.draft?.text ?? shippedText)) {
      // Show the shipped notebook (running) and hold the foreign code until the user decides.
      this.#open(parseNotebook(opts.draft?.text ?? shippedText));
      this.pendingTrust = { text: opts.untrustedText };
    } else {
      this.#open(parseNotebook(opts.draft?.text ?? shippedText));
    }
  }

  #listen() {
    this.#unsubscribe();
    this.#unsubscribe = this.runtime.subscribe((id: string, state: CellState) => {
      const cell = this.#byId.get(id);
      if (cell) cell.state = state;
    });
  }

  #open(nb: Notebook) {
    this.meta = nb.meta;
    this.#setSpecs(nb.cells);
  }

  #setSpecs(specs: CellSpec[]) {
    const previous = this.#byId;
    this.cells = specs.map((spec) => {
      const old = previous.get(spec.id);
      if (old && old.spec === spec) return old;
      const cell = new CellModel(spec, this.#shippedSources.get(spec.id) !== spec.source);
      if (old) cell.state = old.state;
      return cell;
    });
    this.#byId = new Map(this.cells.map((c) => [c.id, c]));
    this.runtime.setCells(specs);
    for (const cell of this.cells) {
      const state = this.runtime.state(cell.id);
      if (state) cell.state = state;
    }
  }

  /** Apply a change to the cell list: undoable, re-run as needed, saved locally. */
  #change(key: string, next: CellSpec[]) {
    this.#persist = true;
    this.#history.push(this.cells.map((c) => c.spec), key);
    this.#setSpecs(next);
    this.#afterChange();
  }

  #afterChange() {
    this.canUndo = this.#history.canUndo;
    this.canRedo = this.#history.canRedo;
    this.scheduleSave();
  }

  /** Current notebook text (what would be saved or downloaded). */
  text(): string {
    return serializeNotebook({ meta: this.meta, cells: this.cells.map((c) => c.spec) });
  }

  /** Whether the notebook differs from the shipped one. */
  get edited(): boolean {
    return this.text() !== serializeNotebook(parseNotebook(this.shippedText));
  }

  /** Replace a cell's source; a code cell re-runs with its dependents. */
  edit(id: string, source: string) {
    const cell = this.#byId.get(id);
    if (!cell || cell.spec.source === source) return;
    this.#change(
      `edit:${id}`,
      this.cells.map((c) => (c.id === id ? { ...c.spec, source } : c.spec)),
    );
  }

  #freshId(): string {
    let id: string;
    do id = `n${this.#nextId++}`;
    while (this.#byId.has(id));
    return id;
  }

  /** Insert a new empty cell after `afterId` (or at the top); returns its id. */
  addCell(afterId: string | null, kind: 'code' | 'markdown'): string {
    const id = this.#freshId();
    const specs = this.cells.map((c) => c.spec);
    const index = afterId === null ? 0 : specs.findIndex((s) => s.id === afterId) + 1;
    const spec: CellSpec = { id, kind, source: kind === 'code' ? '' : 'New text — double-click to edit.', options: {} };
    if (!ID_PATTERN.test(id)) throw new Error(`bad cell id ${id}`);
    specs.splice(index, 0, spec);
    this.#change(`add:${id}`, specs);
    return id;
  }

  deleteCell(id: string) {
    this.#change(
      `delete:${id}`,
      this.cells.filter((c) => c.id !== id).map((c) => c.spec),
    );
  }

  /** Move a cell up (-1) or down (+1). */
  moveCell(id: string, delta: -1 | 1) {
    const specs = this.cells.map((c) => c.spec);
    const i = specs.findIndex((s) => s.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= specs.length) return;
    [specs[i], specs[j]] = [specs[j], specs[i]];
    this.#change(`move:${id}`, specs);
  }

  undo() {
    const prev = this.#history.undo(this.cells.map((c) => c.spec));
    if (prev) {
      this.#setSpecs(prev);
      this.#afterChange();
    }
  }

  redo() {
    const next = this.#history.redo(this.cells.map((c) => c.spec));
    if (next) {
      this.#setSpecs(next);
      this.#afterChange();
    }
  }

  /** Throw away local edits and reopen the shipped notebook (undoable until the page closes). */
  resetToShipped() {
    this.#change('reset', parseNotebook(this.shippedText).cells);
    void deleteDraft(this.notebookId);
  }

  /**
   * Run code that did not ship with the app, after the user chose "Trust and run": from now on the
   * whole notebook runs in a sandboxed iframe (opaque origin, no network), see src/sandbox/.
   */
  async trustPending() {
    if (!this.pendingTrust) return;
    const nb = parseNotebook(this.pendingTrust.text);
    this.pendingTrust = null;
    if (!this.sandboxed) {
      const [{ default: bundle }, { RemoteRuntime }] = await Promise.all([import('virtual:sandbox-bundle'), import('../sandbox/remote')]);
      const remote: RemoteRuntime = new RemoteRuntime({
        bundle,
        loadDataset: (key) => this.datasets.load(key),
        trainStream: browserTrainStream,
        setParameter: (name, value) => this.setParam(name, value),
      });
      const params = this.runtime.params();
      this.runtime.dispose();
      this.runtime = remote;
      this.sandboxed = true;
      this.#listen();
      // Until the sandbox reports, every code cell is waiting on it.
      for (const cell of this.cells) if (cell.spec.kind === 'code') cell.state = { ...cell.state, status: 'queued' };
      if (Object.keys(params).length) remote.setParams(params);
    }
    this.meta = nb.meta;
    this.#change('trust', nb.cells);
  }

  dismissPending() {
    this.pendingTrust = null;
  }

  /** Offer a notebook file the user uploaded: shown with its diff, run only once trusted. */
  offerNotebook(text: string) {
    parseNotebook(text); // throws a located error for a malformed file
    this.pendingTrust = { text };
  }

  setParam(name: string, value: unknown) {
    const result = this.runtime.setParam(name, value);
    if (result.ok) {
      this.paramsVersion++;
      this.scheduleSave();
    }
    return result;
  }

  run(id: string) {
    this.runtime.run(id);
  }

  cancel(id: string) {
    this.runtime.cancel(id);
  }

  /** Save the draft shortly (edits and parameters); a burst of changes is one write. */
  scheduleSave() {
    if (!this.#persist) return;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      void saveDraft({ notebookId: this.notebookId, text: this.text(), params: this.shareableParams(), savedAt: Date.now() });
    }, 150);
  }

  /** Parameter overrides that can travel in a link or a draft (JSON values only). */
  shareableParams(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.runtime.params())) {
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v) || (typeof v === 'object' && !ArrayBuffer.isView(v))) {
        try {
          out[k] = JSON.parse(JSON.stringify(v));
        } catch {
          // not JSON: stays local
        }
      }
    }
    return out;
  }

  /** Edited code by cell id (for a link that carries the sender's edits). */
  editedCode(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.cells) if (this.#shippedSources.get(c.id) !== c.spec.source) out[c.id] = c.spec.source;
    return out;
  }

  /** Register a table the user loaded and point the notebook's dataset widget at it. */
  useDataset(key: string, table: Table) {
    this.datasets.add(key, table);
    const name = this.datasetWidgetName();
    if (name) this.setParam(name, key);
  }

  /**
   * Register a large file the user chose without reading it (DuckDB-wasm reads it from disk when an
   * engine cell runs) and point the notebook's dataset widget at it.
   */
  useFile(key: string, file: File) {
    this.datasets.addFile(key, file);
    const name = this.datasetWidgetName();
    if (name) this.setParam(name, key);
  }

  /** The name of the notebook's dataset widget, if it has one. */
  datasetWidgetName(): string | null {
    const cell = this.cells.find((c) => (c.state.widget as { kind?: string } | undefined)?.kind === 'dataset');
    return cell?.state.name ?? null;
  }

  set backend(preference: string) {
    setPreferredBackend(preference);
  }

  dispose() {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#stopCharts();
    this.#unsubscribe();
    this.runtime.dispose();
  }
}
