import type { CellSpec } from '../notebook/types';
import {
  cancelledCell,
  failedCell,
  fulfilledCell,
  initialCellState,
  paramCell,
  queuedCell,
  staleCell,
  startedCell,
  withDefinition,
  yieldedCell,
  type CellError,
  type CellState,
} from './cell';
import { compileCell, type CompileResult } from './compile';
import { buildGraph, type Resolution } from './graph';
import { hashValues } from './hash';
import { coerceParam, isWidget, widgetBuiltins, type Widget } from './widgets';
import { nextTask, WorkQueue } from './workQueue';
import { isExpensive, isGeneratorish, isThenable, toCellError, type Node } from './node';

export type CellListener = (id: string, state: CellState) => void;

export interface RuntimeOptions {
  /** Values cells may read by name (the notebook's library). Widget builtins are added unless overridden. */
  builtins?: Record<string, unknown>;
  /** Whether a free name is a global the cell may use as is. Default: `name in globalThis`. */
  globals?: (name: string) => boolean;
  /** Receives messages about ignored parameter values. Default: console.warn. */
  warn?: (message: string) => void;
  /** Schedules the next pull of a synchronous generator. Default: `setTimeout(fn, 0)`. */
  pace?: (fn: () => void) => void;
  /** How many results an expensive cell keeps in its cache. Default 8. */
  cacheSize?: number;
  /**
   * Longest stretch (ms) of synchronous cell runs before the runtime yields to the event loop, so
   * the browser can paint what is ready (the first charts appear while later cells still compute).
   * Default 40 in a browser, Infinity elsewhere (the headless runner has nothing to paint).
   */
  frameBudgetMs?: number;
  /**
   * Whether a cell's output is on screen now. In each batch the visible cells, and the cells they
   * read, run first; the runtime then yields once so the browser paints them before the off-screen
   * readers run. Default: every cell is visible (one queue, the order of a plain topological run).
   */
  visible?: (id: string) => boolean;
  /**
   * With `visible`: after a slider's value changes, cells off screen wait this many ms for the
   * next change before they run, so while a slider is dragged only what is on screen keeps up with
   * it (each drag step computes and paints the visible charts, nothing else); they run once the
   * drag pauses. Default `OFFSCREEN_DELAY_MS` (150); 0 runs them right after the visible cells.
   */
  offscreenDelayMs?: number;
}

/** Default of `RuntimeOptions.offscreenDelayMs`. */
export const OFFSCREEN_DELAY_MS = 150;

export type ParamResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * The reactive notebook runtime (after observablehq/runtime): code cells define names, read names,
 * and re-run when what they read changes.
 *
 * Invariants:
 * - a change (edit, param, yield, run) re-runs exactly the changed cells and their transitive
 *   dependents, each at most once per batch, inputs before readers; changes made in the same tick
 *   coalesce into one batch (scheduled with queueMicrotask);
 * - a cell is `pending` while its value for the current batch is not ready; a reader starts only when
 *   none of its inputs is pending (async cells are awaited; a generator is ready at its first yield);
 * - every run has a version; anything that arrives for an older version is dropped;
 * - an expensive cell (`options.expensive`) runs by itself only the first time; later it becomes
 *   `stale` (value kept, readers untouched) unless its source + input values hit its cache;
 * - one failing cell never stops unrelated cells; its readers show "input `x` failed".
 *
 * @example
 *   const rt = new Runtime({ builtins: { orders } });
 *   rt.setCells(parseNotebook(text).cells);
 *   await rt.whenIdle();
 *   rt.value('tiers');                 // the value of the cell `tiers = …`
 *   rt.setParam('threshold', 0.7);     // re-runs the readers of `threshold`
 *   rt.subscribe((id, s) => render(id, s));
 */
export class Runtime {
  private readonly builtins: Record<string, unknown>;
  private readonly isGlobal: (name: string) => boolean;
  private readonly warn: (message: string) => void;
  private readonly pace: (fn: () => void) => void;
  private readonly cacheSize: number;
  private readonly visible: ((id: string) => boolean) | null;
  private readonly offscreenDelayMs: number;
  /** When a widget parameter last changed (`performance.now()`): off-screen work waits after it. */
  private lastParamAt = -Infinity;

  private specs: CellSpec[] = [];
  private readonly nodes = new Map<string, Node>();
  private definers = new Map<string, number[]>();
  private readonly byKey = new Map<number, Node>();
  private serial = 0;
  private readonly overrides = new Map<string, unknown>();
  private readonly listeners = new Set<CellListener>();

  private dirty = new Map<Node, false | 'run' | 'all'>();
  private scheduled = false;
  /** A batch is due in the next macrotask (`scheduleLater`). */
  private scheduledLater = false;
  private readonly pendingSet = new Set<Node>();
  private inflightCount = 0;
  /** Cells to advance: urgent ones (on screen, or read by one) first, then the rest, in paint-sized slices. */
  private readonly queue: WorkQueue<Node>;
  private pass = 0;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;

  constructor(options: RuntimeOptions = {}) {
    this.builtins = { ...widgetBuiltins, ...(options.builtins ?? {}) };
    this.isGlobal = options.globals ?? ((name) => name in globalThis);
    this.warn = options.warn ?? ((m) => console.warn(m));
    this.pace = options.pace ?? ((fn) => void setTimeout(fn, 0));
    this.cacheSize = options.cacheSize ?? 8;
    this.visible = options.visible ?? null;
    this.offscreenDelayMs = this.visible ? (options.offscreenDelayMs ?? OFFSCREEN_DELAY_MS) : 0;
    this.queue = new WorkQueue<Node>({
      budgetMs: options.frameBudgetMs ?? (typeof document !== 'undefined' ? 40 : Infinity),
      prioritised: this.visible !== null,
      advance: (n) => this.advance(n),
      willRun: (n) => n.pending && !n.started,
      resumed: () => this.checkIdle(),
      stopped: () => this.disposed,
      holdRestUntil: () => this.lastParamAt + this.offscreenDelayMs,
    });
  }

  // ---------------------------------------------------------------- cells

  /**
   * Replace all cells. A code cell whose source is unchanged keeps its state and value (matched by
   * id, else by identical source, so renumbered ids do not re-run anything).
   * @example rt.setCells(parseNotebook(text).cells)
   */
  setCells(cells: CellSpec[]): void {
    this.assertAlive();
    const ids = new Set<string>();
    for (const c of cells) {
      if (ids.has(c.id)) throw new Error(`cell id \`${c.id}\` is used twice`);
      ids.add(c.id);
    }
    const old = new Map(this.nodes);
    const next = new Map<string, Node>();
    const unmatched: CellSpec[] = [];
    // 1. same id, same source
    for (const c of cells) {
      if (c.kind !== 'code') continue;
      const n = old.get(c.id);
      if (n && n.source === c.source) {
        next.set(c.id, n);
        old.delete(c.id);
        n.options = c.options;
      } else unmatched.push(c);
    }
    // 2. same source under another id; 3. same id, new source; 4. new cell
    const rest: CellSpec[] = [];
    for (const c of unmatched) {
      const n = [...old.values()].find((o) => o.source === c.source);
      if (n) {
        old.delete(n.id);
        n.id = c.id;
        n.options = c.options;
        next.set(c.id, n);
      } else rest.push(c);
    }
    for (const c of rest) {
      const n = old.get(c.id);
      if (n) {
        old.delete(c.id);
        this.redefine(n, c.source);
        n.options = c.options;
        next.set(c.id, n);
      } else next.set(c.id, this.createNode(c));
    }
    for (const n of old.values()) this.destroyNode(n);
    this.nodes.clear();
    for (const c of cells) {
      const n = next.get(c.id);
      if (n) this.nodes.set(c.id, n);
    }
    this.specs = cells.map((c) => ({ ...c }));
    this.rebuild();
  }

  /** Replace one cell's source; re-runs it and its dependents. @example rt.updateCell('c3', 'x = 2') */
  updateCell(id: string, source: string): void {
    this.assertAlive();
    const i = this.specs.findIndex((c) => c.id === id);
    if (i < 0) throw new Error(`no cell \`${id}\``);
    this.specs[i] = { ...this.specs[i], source };
    const n = this.nodes.get(id);
    if (!n || n.source === source) return;
    this.redefine(n, source);
    this.rebuild();
  }

  /** Insert a cell at `index` (clamped; default: at the end). @example rt.addCell({id: 'k', kind: 'code', source: 'k = 4', options: {}}, 2) */
  addCell(spec: CellSpec, index = this.specs.length): void {
    this.assertAlive();
    if (this.specs.some((c) => c.id === spec.id)) throw new Error(`cell id \`${spec.id}\` is used twice`);
    const at = Math.max(0, Math.min(this.specs.length, index));
    this.specs.splice(at, 0, { ...spec });
    if (spec.kind === 'code') this.nodes.set(spec.id, this.createNode(spec));
    this.reorderNodes();
    this.rebuild();
  }

  /** Remove a cell; its run is invalidated and its readers re-run (and fail if nothing else defines the name). */
  removeCell(id: string): void {
    this.assertAlive();
    const i = this.specs.findIndex((c) => c.id === id);
    if (i < 0) return;
    this.specs.splice(i, 1);
    const n = this.nodes.get(id);
    if (!n) return;
    this.nodes.delete(id);
    this.destroyNode(n);
    this.rebuild();
  }

  /** Move a cell to position `index` among all cells. Order only breaks ties: nothing re-runs. */
  moveCell(id: string, index: number): void {
    this.assertAlive();
    const i = this.specs.findIndex((c) => c.id === id);
    if (i < 0) throw new Error(`no cell \`${id}\``);
    const [spec] = this.specs.splice(i, 1);
    this.specs.splice(Math.max(0, Math.min(this.specs.length, index)), 0, spec);
    this.reorderNodes();
    this.rebuild();
  }

  /** The cells in notebook order, as last set. */
  cells(): CellSpec[] {
    return this.specs.map((c) => ({ ...c }));
  }

  // ---------------------------------------------------------------- running

  /** Run a cell now even if it is an expensive, stale or cached one (bypasses its cache), then its dependents. */
  run(id: string): void {
    this.assertAlive();
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no code cell \`${id}\``);
    // In the browser the run starts in a task of its own: the click that asked for it ends (and
    // paints) first, so a Run never makes one long task of the click and the batch it starts.
    this.markDirty(n, 'run', true);
  }

  /** Re-run every code cell; stale expensive cells run too (a cache hit is still used). */
  runAll(): void {
    this.assertAlive();
    for (const n of this.nodes.values()) this.markDirty(n, 'all');
  }

  /**
   * Re-run the cheap cells whose current value passes `test`, with their dependents — e.g. the
   * cells whose value is a chart, after the chart language changed. Expensive cells, widget cells,
   * cells without a value and generators still streaming are never touched, so nothing is
   * retrained. Returns the ids re-run.
   * @example rt.rerunWhere((v) => v instanceof Element) // ['c12', 'c20']
   */
  rerunWhere(test: (value: unknown) => boolean): string[] {
    this.assertAlive();
    const ids: string[] = [];
    for (const n of this.nodes.values()) {
      if (!n.hasValue || n.widget || isExpensive(n.options) || n.gen) continue;
      if (!test(n.out)) continue;
      ids.push(n.id);
      this.markDirty(n, false);
    }
    return ids;
  }

  /**
   * Stop a cell: resolves its invalidation promise, returns its generator, drops its pending result
   * and marks it `cancelled` (its value stays; readers keep theirs). Returns false if it was not busy.
   */
  cancel(id: string): boolean {
    const n = this.nodes.get(id);
    if (!n || this.disposed) return false;
    if (n.inflight) {
      this.invalidate(n);
      this.setState(n, cancelledCell(n.state, performance.now() - n.t0));
      if (n.pending) this.settle(n, false);
      this.pump();
      this.checkIdle();
      return true;
    }
    if (n.pending) {
      n.cancelRequested = true;
      this.invalidate(n);
      this.setState(n, cancelledCell(n.state));
      this.pump();
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- params

  /**
   * Set a widget parameter: the value is checked against the widget (numbers clamped and snapped,
   * select values must be options); an invalid value is ignored and reported. Re-runs the readers of
   * `name`, not the widget cell. Before the widget cell has run, the value is kept and checked then.
   * @example rt.setParam('threshold', 0.7) // { ok: true, value: 0.7 }
   */
  setParam(name: string, value: unknown): ParamResult {
    this.assertAlive();
    const n = this.definerOf(name);
    if (!n || !n.hasValue) {
      // Not run yet (or not defined yet): keep it; it is checked when the widget appears.
      this.overrides.set(name, value);
      return { ok: true, value };
    }
    if (!n.widget) {
      const message = `\`${name}\` is not a widget parameter; ignored ${JSON.stringify(value)}`;
      this.warn(message);
      return { ok: false, message };
    }
    const check = coerceParam(n.widget, value);
    if (!check.ok) {
      const message = `parameter \`${name}\`: ${check.message}; ignored`;
      this.warn(message);
      return { ok: false, message };
    }
    const before = this.exposed(n);
    this.overrides.set(name, check.value);
    if (!Object.is(before, check.value)) {
      // Only a slider is dragged through many values; a number, select or checkbox change runs at once.
      if (this.offscreenDelayMs > 0 && n.widget.kind === 'slider') this.lastParamAt = performance.now();
      this.setState(n, paramCell(n.state, check.value));
      for (const d of n.dependents) this.markDirty(d, false);
    }
    return { ok: true, value: check.value };
  }

  /** Set many parameters at once (one batch). Returns the problems, empty when all were taken. */
  setParams(values: Record<string, unknown>): { name: string; message: string }[] {
    const problems: { name: string; message: string }[] = [];
    for (const [name, value] of Object.entries(values)) {
      const r = this.setParam(name, value);
      if (!r.ok) problems.push({ name, message: r.message });
    }
    return problems;
  }

  /** The current parameter overrides, e.g. for a share link: `{ threshold: 0.7 }`. */
  params(): Record<string, unknown> {
    return Object.fromEntries(this.overrides);
  }

  // ---------------------------------------------------------------- observing

  /** Listen to every state change; returns the unsubscribe function. */
  subscribe(listener: CellListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A code cell's state, or undefined (unknown id or markdown cell). */
  state(id: string): CellState | undefined {
    return this.nodes.get(id)?.state;
  }

  /** The current value of a name (a widget parameter's current value), or undefined. */
  value(name: string): unknown {
    const n = this.definerOf(name);
    return n && n.hasValue ? this.exposed(n) : undefined;
  }

  /** Resolves when nothing is queued or running (generators included). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stop everything: invalidate every run, return generators, drop listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const n of this.nodes.values()) this.invalidate(n);
    this.nodes.clear();
    this.byKey.clear();
    this.pendingSet.clear();
    this.listeners.clear();
    this.dirty.clear();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------- internals: structure

  private assertAlive(): void {
    if (this.disposed) throw new Error('this runtime was disposed');
  }

  private createNode(spec: CellSpec): Node {
    const compiled = compileCell(spec.source);
    const key = ++this.serial;
    const n: Node = {
      key,
      id: spec.id,
      source: spec.source,
      options: spec.options,
      compiled,
      state: initialCellState(compiled.name, []),
      rank: 0,
      deps: [],
      dependents: [],
      argKind: new Uint8Array(0),
      argCell: [],
      argName: [],
      signature: '',
      usesInvalidation: false,
      version: 0,
      pending: false,
      needsRun: false,
      forced: false,
      cancelRequested: false,
      inflight: false,
      started: false,
      genFirst: false,
      genAsync: false,
      out: undefined,
      hasValue: false,
      hasRun: false,
      t0: 0,
      pass: 0,
      urgent: false,
    };
    this.byKey.set(key, n);
    this.dirty.set(n, false);
    return n;
  }

  private redefine(n: Node, source: string): void {
    n.source = source;
    n.compiled = compileCell(source);
    this.markDirty(n, false);
  }

  private destroyNode(n: Node): void {
    this.invalidate(n);
    if (n.pending) {
      n.pending = false;
      this.pendingSet.delete(n);
    }
    this.dirty.delete(n);
    this.byKey.delete(n.key);
  }

  private reorderNodes(): void {
    const entries = this.specs.filter((c) => this.nodes.has(c.id)).map((c) => [c.id, this.nodes.get(c.id)!] as const);
    this.nodes.clear();
    for (const [id, n] of entries) this.nodes.set(id, n);
  }

  private definerOf(name: string): Node | undefined {
    const keys = this.definers.get(name);
    return keys && keys.length === 1 ? this.byKey.get(keys[0]) : undefined;
  }

  /** Recompute the graph; cells whose name resolution or static error changed re-run. */
  private rebuild(): void {
    const list = [...this.nodes.values()];
    const graph = buildGraph(
      list.map((n) => ({ key: n.key, name: n.compiled.name, refs: n.compiled.inputs, compileError: !n.compiled.ok })),
      (name) => name in this.builtins || name === 'invalidation',
      this.isGlobal,
    );
    this.definers = graph.definers;
    for (const n of list) {
      const g = graph.nodes.get(n.key)!;
      n.rank = g.rank;
      n.deps = g.deps.map((k) => this.byKey.get(k)!);
      n.dependents = g.dependents.map((k) => this.byKey.get(k)!);
      n.staticError = g.error;
      const refs = n.compiled.inputs;
      n.argKind = new Uint8Array(refs.length);
      n.argCell = new Array(refs.length);
      n.argName = refs;
      n.usesInvalidation = false;
      refs.forEach((ref, i) => {
        const r: Resolution = g.resolutions[i];
        if (r.kind === 'cell') {
          n.argKind[i] = 0;
          n.argCell[i] = this.byKey.get(r.key);
        } else if (ref === 'invalidation' && r.kind === 'builtin') {
          n.argKind[i] = 3;
          n.usesInvalidation = true;
        } else n.argKind[i] = r.kind === 'builtin' ? 1 : 2;
      });
      if (n.signature !== g.signature) {
        this.markDirty(n, false);
        n.signature = g.signature;
      }
      this.setState(n, withDefinition(n.state, n.compiled.name, g.inputs));
    }
    this.schedule();
  }

  // ---------------------------------------------------------------- internals: scheduling

  private markDirty(n: Node, forced: false | 'run' | 'all', later = false): void {
    const prev = this.dirty.get(n);
    this.dirty.set(n, prev === 'run' || forced === 'run' ? 'run' : prev || forced);
    if (later && this.visible !== null) this.scheduleLater();
    else this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /**
   * The batch in the next macrotask (a browser UI runtime: a generator's later values, a Run): the task
   * that took the value (and redrew its cell) ends first, then its readers run in a task of their own,
   * so a streaming cell (training's live loss curve) never makes one long task of both.
   */
  private scheduleLater(): void {
    if (this.scheduled || this.scheduledLater || this.disposed) return;
    this.scheduledLater = true;
    nextTask(() => {
      this.scheduledLater = false;
      if (this.dirty.size) this.schedule();
      else this.checkIdle();
    });
  }

  /** One batch: mark the dirty cells and everything downstream pending, then run what is ready. */
  private flush(): void {
    this.scheduled = false;
    if (this.disposed) return;
    const seeds = this.dirty;
    this.dirty = new Map();
    const pass = ++this.pass;
    const affected: Node[] = [];
    const stack: Node[] = [];
    for (const n of seeds.keys()) {
      if (n.pass !== pass && this.byKey.has(n.key)) {
        n.pass = pass;
        stack.push(n);
      }
    }
    while (stack.length) {
      const n = stack.pop()!;
      affected.push(n);
      for (const d of n.dependents) {
        if (d.pass !== pass) {
          d.pass = pass;
          stack.push(d);
        }
      }
    }
    affected.sort((a, b) => a.rank - b.rank);
    // A cell is shown queued when it is a seed or reads a shown cell that will surely change: an
    // expensive cell that already ran may go stale instead, so cells below it wait silently.
    const shown = new Set<Node>();
    for (const n of affected) {
      const forced = seeds.get(n);
      let show = forced !== undefined;
      if (forced !== undefined) {
        n.needsRun = true;
        if (forced === 'run' || (forced === 'all' && n.forced !== 'run')) n.forced = forced;
      } else {
        for (const i of n.deps) {
          if (shown.has(i) && !(isExpensive(i.options) && i.hasRun && !i.forced)) {
            show = true;
            break;
          }
        }
      }
      if (!n.pending) {
        n.pending = true;
        this.pendingSet.add(n);
      }
      if (show) {
        shown.add(n);
        this.requeue(n);
      }
    }
    // Urgent: on screen, or read by an urgent cell of this batch (dependents come later in rank order).
    for (const n of affected) n.urgent = this.isVisible(n);
    for (let j = affected.length - 1; j >= 0; j--) {
      const n = affected[j];
      if (!n.urgent) continue;
      for (const d of n.deps) if (d.pass === pass) d.urgent = true;
    }
    for (const n of affected) this.enqueue(n);
    this.pump();
    this.checkIdle();
  }

  /** A queued cell needs no run after all: back to the state it had (a stopped run reads `cancelled`). */
  private restore(n: Node): void {
    const prev = n.prevState;
    n.prevState = undefined;
    if (!prev) return;
    const s = prev.status === 'running' || prev.status === 'queued' ? cancelledCell(prev) : prev;
    this.setState(n, { ...s, version: n.version });
  }

  /** Show a pending cell as queued, invalidating whatever run it had in flight. */
  private requeue(n: Node): void {
    if (n.state.status !== 'queued') {
      if (n.prevState === undefined) n.prevState = n.state;
      this.invalidate(n);
      this.setState(n, queuedCell(n.state));
    }
  }

  private isVisible(n: Node): boolean {
    if (this.visible === null) return true;
    try {
      return this.visible(n.id);
    } catch {
      return true;
    }
  }

  private enqueue(n: Node): void {
    this.queue.push(n, n.urgent);
  }

  private pump(): void {
    this.queue.drain();
  }

  /** Run (or skip) a pending cell once none of its inputs is pending. */
  private advance(n: Node): void {
    if (!n.pending || n.started || this.disposed) return;
    // A cell with a static error fails without waiting (its inputs may be its own cycle).
    const blocked = !n.compiled.ok || n.staticError !== undefined;
    if (!blocked) for (const d of n.deps) if (d.pending) return;
    if (n.cancelRequested) {
      n.cancelRequested = false;
      n.needsRun = false;
      n.prevState = undefined;
      this.settle(n, false);
      return;
    }
    if (!n.needsRun) {
      this.restore(n);
      this.settle(n, false);
      return;
    }
    n.needsRun = false;
    const forced = n.forced;
    n.forced = false;
    if (!n.compiled.ok) return this.failNow(n, n.compiled.error);
    if (n.staticError) return this.failNow(n, { message: n.staticError, name: 'ReferenceError' });
    const args = new Array(n.argKind.length);
    for (let i = 0; i < n.argKind.length; i++) {
      switch (n.argKind[i]) {
        case 0: {
          const c = n.argCell[i]!;
          if (c.state.status === 'error') return this.failNow(n, { message: `input \`${n.argName[i]}\` failed`, name: 'InputError' });
          if (!c.hasValue) return this.failNow(n, { message: `input \`${n.argName[i]}\` has no value (it was cancelled)`, name: 'InputError' });
          args[i] = this.exposed(c);
          break;
        }
        case 1:
          args[i] = this.builtins[n.argName[i]];
          break;
        case 2:
          args[i] = (globalThis as Record<string, unknown>)[n.argName[i]];
          break;
        case 3:
          args[i] = new Promise<void>((resolve) => (n.resolveInvalidation = resolve));
          break;
      }
    }
    if (isExpensive(n.options)) {
      n.cacheKey = hashValues([n.source, ...args.filter((_, i) => n.argKind[i] !== 3)]);
      const cached = n.cache?.get(n.cacheKey);
      if (n.cache?.has(n.cacheKey) && forced !== 'run') {
        if (n.inflight) this.invalidate(n);
        n.version++;
        n.state = { ...n.state, version: n.version };
        this.accept(n, cached, 0, true);
        this.settle(n, true);
        return;
      }
      if (n.hasRun && !forced) {
        n.resolveInvalidation = undefined;
        if (n.inflight) this.invalidate(n);
        this.restore(n);
        this.setState(n, staleCell(n.state));
        this.settle(n, false);
        return;
      }
      n.hasRun = true;
    }
    this.execute(n, args);
  }

  private failNow(n: Node, error: CellError): void {
    n.prevState = undefined;
    if (n.inflight) this.invalidate(n);
    n.version++;
    n.hasValue = false;
    n.out = undefined;
    n.widget = undefined;
    this.setState(n, failedCell({ ...n.state, version: n.version }, n.version, error, 0));
    this.settle(n, true);
  }

  private execute(n: Node, args: unknown[]): void {
    n.prevState = undefined;
    if (n.inflight) this.invalidate(n);
    n.started = true;
    const version = ++n.version;
    const compiled = n.compiled as Extract<CompileResult, { ok: true }>;
    n.t0 = performance.now();
    this.setState(n, startedCell(n.state, version, Date.now()));
    let out: unknown;
    try {
      out = compiled.fn.apply(undefined, args);
    } catch (e) {
      this.reject(n, e);
      this.settle(n, true);
      return;
    }
    if (compiled.generator || isGeneratorish(out)) {
      n.gen = out as Node['gen'];
      n.genFirst = true;
      n.inflight = true;
      this.inflightCount++;
      this.step(n, version);
      return;
    }
    if (isThenable(out)) {
      n.inflight = true;
      this.inflightCount++;
      out.then(
        (v) => this.landed(n, version, () => this.accept(n, v, performance.now() - n.t0, true)),
        (e) => this.landed(n, version, () => this.reject(n, e)),
      );
      return;
    }
    this.accept(n, out, performance.now() - n.t0, true);
    this.settle(n, true);
  }

  /** An async result arrived: drop it if superseded, else apply it and let readers go. */
  private landed(n: Node, version: number, apply: () => void): void {
    if (version !== n.version || !n.inflight || this.disposed) return;
    n.inflight = false;
    this.inflightCount--;
    apply();
    this.settle(n, true);
    this.pump();
    this.checkIdle();
  }

  /** Pull the next value of a generator cell. */
  private step(n: Node, version: number): void {
    const gen = n.gen;
    if (!gen || version !== n.version) return;
    let r: IteratorResult<unknown> | Promise<IteratorResult<unknown>>;
    try {
      r = gen.next();
    } catch (e) {
      this.genFailed(n, version, e);
      return;
    }
    n.genAsync = isThenable(r);
    if (n.genAsync) {
      (r as Promise<IteratorResult<unknown>>).then(
        (res) => this.stepped(n, version, res),
        (e) => this.genFailed(n, version, e),
      );
    } else this.stepped(n, version, r as IteratorResult<unknown>);
  }

  private stepped(n: Node, version: number, res: IteratorResult<unknown>): void {
    if (version !== n.version || !n.inflight || this.disposed) return;
    if (!res.done && isThenable(res.value)) {
      res.value.then(
        (v) => this.stepped(n, version, { done: false, value: v }),
        (e) => this.genFailed(n, version, e),
      );
      return;
    }
    const ms = performance.now() - n.t0;
    if (res.done) {
      n.gen = undefined;
      n.inflight = false;
      this.inflightCount--;
      if (n.genFirst) {
        n.genFirst = false;
        this.accept(n, res.value, ms, true);
        this.settle(n, true);
      } else {
        this.setState(n, fulfilledCell(n.state, version, n.state.value, ms, n.widget));
        if (n.cacheKey !== undefined && isExpensive(n.options)) this.remember(n, n.out);
      }
      this.pump();
      this.checkIdle();
      return;
    }
    this.accept(n, res.value, ms, false);
    if (n.genFirst) {
      n.genFirst = false;
      this.settle(n, true);
      // In the browser its readers run in a task of their own (see `scheduleLater`).
      if (this.visible !== null) this.queue.drainSoon();
      else this.pump();
    } else {
      for (const d of n.dependents) this.markDirty(d, false, true);
    }
    if (n.genAsync) this.step(n, version);
    else this.pace(() => this.step(n, version));
  }

  private genFailed(n: Node, version: number, e: unknown): void {
    if (version !== n.version || !n.inflight || this.disposed) return;
    n.gen = undefined;
    n.inflight = false;
    this.inflightCount--;
    this.reject(n, e);
    if (n.pending) this.settle(n, true);
    else for (const d of n.dependents) this.markDirty(d, false);
    this.pump();
    this.checkIdle();
  }

  /** Record a value (final when `done`, else a generator's latest). */
  private accept(n: Node, value: unknown, ms: number, done: boolean): void {
    n.out = value;
    n.hasValue = true;
    n.widget = isWidget(value) ? value : undefined;
    if (n.widget && n.state.name !== null) this.recheckParam(n.state.name, n.widget);
    const shown = n.widget ? this.exposed(n) : value;
    if (done) {
      this.setState(n, fulfilledCell(n.state, n.version, shown, ms, n.widget));
      if (isExpensive(n.options)) this.remember(n, value);
    } else this.setState(n, yieldedCell(n.state, n.version, shown, n.widget));
  }

  private remember(n: Node, value: unknown): void {
    if (n.cacheKey === undefined) return;
    n.cache ??= new Map();
    n.cache.delete(n.cacheKey);
    n.cache.set(n.cacheKey, value);
    while (n.cache.size > this.cacheSize) n.cache.delete(n.cache.keys().next().value as string);
  }

  private reject(n: Node, e: unknown): void {
    n.hasValue = false;
    n.out = undefined;
    n.widget = undefined;
    this.setState(n, failedCell(n.state, n.version, toCellError(e), performance.now() - n.t0));
  }

  /** A stored override is checked against the widget that just appeared (clamped, or dropped). */
  private recheckParam(name: string, widget: Widget): void {
    if (!this.overrides.has(name)) return;
    const check = coerceParam(widget, this.overrides.get(name));
    if (check.ok) this.overrides.set(name, check.value);
    else {
      this.overrides.delete(name);
      this.warn(`parameter \`${name}\`: ${check.message}; ignored`);
    }
  }

  private exposed(n: Node): unknown {
    if (n.widget) {
      const name = n.state.name;
      return name !== null && this.overrides.has(name) ? this.overrides.get(name) : n.widget.value;
    }
    return n.out;
  }

  /** The cell's value for this batch is final: readers that need it may go. */
  private settle(n: Node, changed: boolean): void {
    n.started = false;
    if (n.pending) {
      n.pending = false;
      this.pendingSet.delete(n);
    }
    for (const d of n.dependents) {
      if (!d.pending) continue;
      if (changed && !d.needsRun) {
        d.needsRun = true;
        this.requeue(d);
      }
      this.enqueue(d);
    }
  }

  /** Resolve the current run's invalidation, return its generator, drop its in-flight result. */
  private invalidate(n: Node): void {
    n.version++;
    if (n.resolveInvalidation) {
      n.resolveInvalidation();
      n.resolveInvalidation = undefined;
    }
    if (n.gen) {
      const gen = n.gen;
      n.gen = undefined;
      try {
        const r = gen.return(undefined);
        if (isThenable(r)) (r as Promise<unknown>).then(undefined, () => {});
      } catch {
        /* a generator that throws on return: nothing to do */
      }
    }
    if (n.inflight) {
      n.inflight = false;
      this.inflightCount--;
    }
    n.started = false;
    // Keep the state's version in step so a late transition for the old run is ignored.
    n.state = { ...n.state, version: n.version };
  }

  private setState(n: Node, s: CellState): void {
    if (s === n.state) return;
    n.state = s;
    if (this.listeners.size === 0) return;
    for (const l of this.listeners) {
      try {
        l(n.id, s);
      } catch (e) {
        console.error(e);
      }
    }
  }

  private isIdle(): boolean {
    return !this.scheduled && !this.scheduledLater && this.dirty.size === 0 && this.pendingSet.size === 0 && this.inflightCount === 0;
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
