/**
 * Run a notebook to completion with a given environment and parameters, and collect its outputs
 * as files: tables → CSV, charts → SVG, other named values → JSON, plus cells.json.
 */
import { Table } from 'apache-arrow';
import { Runtime } from '../runtime/runtime';
import { parseNotebook } from '../notebook';
import { createStdlib, type StdlibEnv } from '../stdlib';
import { tableToCsv } from '../core/data/csvWrite';
import { figureToSvg } from '../stdlib/svg';

export interface CellReport {
  id: string;
  name: string | null;
  status: string;
  ms: number | null;
  error: string | null;
}

export interface RunResult {
  cells: CellReport[];
  files: { name: string; content: string }[];
  runtime: Runtime;
}

/** JSON for a named value: tables and long typed arrays are summarised, functions skipped. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) => {
      if (v instanceof Table) return { table: { rows: v.numRows, columns: v.schema.fields.map((f) => f.name) } };
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        const a = Array.from(v as unknown as ArrayLike<number>);
        return a.length > 1000 ? { length: a.length, head: a.slice(0, 10) } : a;
      }
      if (typeof v === 'function') return undefined;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (v && typeof v === 'object' && typeof (v as { nodeType?: unknown }).nodeType === 'number') return undefined;
      return v;
    },
    2,
  );
}

function isElement(v: unknown): v is Element {
  return !!v && typeof v === 'object' && (v as { nodeType?: number }).nodeType === 1;
}

export async function runNotebook(text: string, env: StdlibEnv, params: Record<string, unknown>): Promise<RunResult> {
  const notebook = parseNotebook(text);
  const runtime: Runtime = new Runtime({
    builtins: createStdlib({ ...env, setParameter: (name, value) => runtime.setParam(name, value) }),
    globals: (name: string) => name in globalThis,
  });
  runtime.setParams(params);
  runtime.setCells(notebook.cells);
  runtime.runAll();
  await runtime.whenIdle();
  const cells: CellReport[] = [];
  const files: { name: string; content: string }[] = [];
  for (const spec of notebook.cells) {
    if (spec.kind !== 'code') continue;
    const state = runtime.state(spec.id);
    if (!state) continue;
    cells.push({ id: spec.id, name: state.name, status: state.status, ms: state.ms ?? null, error: state.error?.message ?? null });
    if (!state.name || state.status !== 'done') continue;
    const value = runtime.value(state.name);
    if (value instanceof Table) files.push({ name: `${state.name}.csv`, content: tableToCsv(value) });
    else if (isElement(value)) files.push({ name: `${state.name}.svg`, content: figureToSvg(value) });
    else if (value !== undefined && typeof value !== 'function') files.push({ name: `${state.name}.json`, content: toJson(value) });
  }
  files.push({ name: 'cells.json', content: JSON.stringify(cells, null, 2) });
  return { cells, files, runtime };
}
