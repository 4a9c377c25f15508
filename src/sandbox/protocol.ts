/**
 * Messages between the app (parent) and the sandboxed iframe that runs untrusted notebook code.
 * Everything crossing is plain, structured-clonable data: tables travel as Arrow IPC bytes, charts
 * as markup the parent sanitises, widgets as their descriptors without functions.
 */
import type { CellSpec } from '../notebook';

export type Wire =
  | { k: 'none' }
  | { k: 'table'; ipc: Uint8Array }
  | { k: 'html'; html: string }
  | { k: 'data'; data: unknown };

export interface WireState {
  status: string;
  name: string | null;
  inputs: string[];
  version: number;
  ms?: number;
  error?: { message: string; name?: string };
  widget?: Record<string, unknown>;
  value: Wire;
}

export type ToSandbox =
  | { t: 'cells'; cells: CellSpec[] }
  | { t: 'params'; reqId: number; values: Record<string, unknown> }
  | { t: 'run'; id: string }
  | { t: 'runAll' }
  | { t: 'cancel'; id: string }
  | { t: 'whenIdle'; reqId: number }
  /** Draw charts in `lang`, translating data labels with `labels`; charts already drawn are redrawn. */
  | { t: 'locale'; lang: string; labels: Record<string, string> }
  | { t: 'dataset'; reqId: number; ipc?: Uint8Array; error?: string }
  | { t: 'trainProgress'; reqId: number; iteration: number; loss: number }
  | { t: 'trainDone'; reqId: number; model?: unknown; error?: string };

export type FromSandbox =
  | { t: 'ready' }
  | { t: 'state'; id: string; state: WireState }
  | { t: 'paramsResult'; reqId: number; problems: { name: string; message: string }[]; params: Record<string, unknown> }
  | { t: 'idle'; reqId: number }
  | { t: 'loadDataset'; reqId: number; key: string }
  | { t: 'train'; reqId: number; rows: { X: Float32Array; y: Uint8Array; n: number; d: number; featureNames: string[] }; opts: Record<string, unknown> }
  | { t: 'trainCancel'; reqId: number }
  | { t: 'setParameter'; name: string; value: unknown };

/** CSP of the sandbox document: scripts inline only, no network of any kind. */
export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";
