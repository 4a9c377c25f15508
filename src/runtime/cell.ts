import type { Widget } from './widgets';

/**
 * A code cell's run state, kept apart from its code (marimo's split), changed only by the pure
 * transition functions below. Every function returns a new object (or the same one when the
 * transition does not apply), so subscribers can compare states by identity.
 *
 * Status meanings:
 * - `idle`: never ran (or waiting for nothing); `queued`: will run once its inputs are ready;
 * - `running`: started; a generator stays `running` (with its latest value) until it returns;
 * - `done`: has a value; `error`: `error` says why (its own code, a static problem, or an input);
 * - `stale`: an expensive cell whose inputs changed: `value` is the previous result, `run(id)` refreshes it;
 * - `cancelled`: stopped by `cancel(id)`; keeps the value it had.
 *
 * `version` is the number of the run this state belongs to: a transition that carries an older
 * version than the state's is ignored (a late result from a superseded run is dropped).
 *
 * @example
 *   let s = initialCellState('total', ['a', 'b']);   // { status: 'idle', version: 0, … }
 *   s = startedCell(s, 1, Date.now());                // running, version 1
 *   s = fulfilledCell(s, 1, 42, 0.3);                 // done, value 42, ms 0.3
 *   fulfilledCell(s, 0, 7, 1) === s;                  // true: version 0 is stale, dropped
 */
export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'stale' | 'cancelled';

export interface CellError {
  message: string;
  name?: string;
  /** 1-based position inside the cell, for syntax errors. */
  line?: number;
  column?: number;
}

export interface CellState {
  status: CellStatus;
  /** The cell's current value; for a widget cell, the parameter's current value (override or default). */
  value?: unknown;
  error?: CellError;
  /** Wall time of the last finished run, in milliseconds. */
  ms?: number;
  /** `Date.now()` when the current or last run started. */
  startedAt?: number;
  name: string | null;
  /** Names the cell reads that other cells define or builtins provide. */
  inputs: string[];
  /** Present when the cell's value is a widget descriptor. */
  widget?: Widget;
  version: number;
}

/** A fresh cell that has not run. */
export function initialCellState(name: string | null, inputs: string[]): CellState {
  return { status: 'idle', name, inputs, version: 0 };
}

/** New name/inputs after an edit or a graph change; run state unchanged. */
export function withDefinition(s: CellState, name: string | null, inputs: string[]): CellState {
  if (s.name === name && sameList(s.inputs, inputs)) return s;
  return { ...s, name, inputs };
}

/** Waiting for inputs; the previous value stays visible. */
export function queuedCell(s: CellState): CellState {
  return s.status === 'queued' ? s : { ...s, status: 'queued' };
}

/** A run numbered `version` started at `startedAt` (ms since epoch). */
export function startedCell(s: CellState, version: number, startedAt: number): CellState {
  return { ...s, status: 'running', version, startedAt, error: undefined };
}

/** A generator yielded `value`: the cell keeps running with a new current value. */
export function yieldedCell(s: CellState, version: number, value: unknown, widget?: Widget): CellState {
  if (version !== s.version) return s;
  return { ...s, status: 'running', value, widget, error: undefined };
}

/** The run finished with `value` after `ms` milliseconds. */
export function fulfilledCell(s: CellState, version: number, value: unknown, ms: number, widget?: Widget): CellState {
  if (version !== s.version) return s;
  return { ...s, status: 'done', value, widget, error: undefined, ms };
}

/** The run (or a static check, or an input) failed. The value is cleared. */
export function failedCell(s: CellState, version: number, error: CellError, ms?: number): CellState {
  if (version !== s.version) return s;
  return { ...s, status: 'error', value: undefined, widget: undefined, error, ms: ms ?? s.ms };
}

/** An expensive cell whose inputs changed: keeps its previous value until run again. */
export function staleCell(s: CellState): CellState {
  return s.status === 'stale' ? s : { ...s, status: 'stale' };
}

/** Cancelled by the user; keeps the value it had. */
export function cancelledCell(s: CellState, ms?: number): CellState {
  return { ...s, status: 'cancelled', ms: ms ?? s.ms };
}

/** A widget cell's parameter changed: the shown value follows, the status does not. */
export function paramCell(s: CellState, value: unknown): CellState {
  return Object.is(s.value, value) ? s : { ...s, value };
}

/** True while the cell is waiting or computing. */
export function isBusy(s: CellState): boolean {
  return s.status === 'queued' || s.status === 'running';
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
