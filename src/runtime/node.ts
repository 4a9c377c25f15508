/**
 * The runtime's per-cell bookkeeping (`Node`: graph links, run versions, cache, generator) and the
 * small predicates the scheduler uses on cell values and options.
 */
import type { CellError, CellState } from './cell';
import type { CompileResult } from './compile';
import type { Widget } from './widgets';

/** The per-cell bookkeeping; `state` is the public, immutable snapshot. */
export interface Node {
  key: number;
  id: string;
  source: string;
  options: Record<string, string | true>;
  compiled: CompileResult;
  state: CellState;
  // graph
  rank: number;
  deps: Node[];
  dependents: Node[];
  /** One per compiled input: 0 cell, 1 builtin, 2 global, 3 invalidation. */
  argKind: Uint8Array;
  argCell: (Node | undefined)[];
  argName: string[];
  staticError?: string;
  signature: string;
  usesInvalidation: boolean;
  // run bookkeeping
  version: number;
  pending: boolean;
  needsRun: boolean;
  /** 'run' = run(id): run even on a cache hit; 'all' = runAll(): run unless cached. */
  forced: false | 'run' | 'all';
  cancelRequested: boolean;
  inflight: boolean;
  /** execute() was called for the current pending episode and the cell has not settled yet. */
  started: boolean;
  /** The state to return to when a queued cell turns out to need no run. */
  prevState?: CellState;
  gen?: Generator<unknown, unknown, unknown> | AsyncGenerator<unknown, unknown, unknown>;
  genFirst: boolean;
  /** The generator's next() returns promises (an async generator): pull again at once, unpaced. */
  genAsync: boolean;
  resolveInvalidation?: () => void;
  /** The cell's own value (a widget descriptor for widget cells). */
  out: unknown;
  hasValue: boolean;
  widget?: Widget;
  hasRun: boolean;
  cache?: Map<string, unknown>;
  cacheKey?: string;
  t0: number;
  pass: number;
  /** In the current batch: on screen, or read (transitively) by a cell on screen. */
  urgent: boolean;
}

export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** A generator or async generator object (Observable's test): a cell whose value is one streams it. */
export function isGeneratorish(v: unknown): v is Node['gen'] {
  return typeof v === 'object' && v !== null && typeof (v as { next?: unknown }).next === 'function' && typeof (v as { return?: unknown }).return === 'function';
}

export function toCellError(e: unknown): CellError {
  if (e instanceof Error) return { message: e.message, name: e.name };
  return { message: String(e) };
}

export function isExpensive(options: Record<string, string | true>): boolean {
  const v = options.expensive;
  return v === true || (typeof v === 'string' && v !== 'false');
}
