/**
 * Where the stdlib finds a DuckDB engine. The stdlib is also bundled into the sandbox iframe (one
 * inlined script), so it must not import DuckDB-wasm itself (a lib build would inline the 33 MB wasm):
 * the app registers the lazy browser engine once, the runner passes its native engine in its env.
 *
 * @example
 *   // in the app, once at start-up (src/ui/stdlibLoader.ts):
 *   registerDuckdbWasm(() => import('../engine/duckdbWasm'));
 */
import type { Table } from 'apache-arrow';
import type { EngineResult } from './engineTypes';
import type { ProfileSqlOptions } from './sql';

export type EngineOptions = Omit<ProfileSqlOptions, 'source' | 'dialect' | 'optional'>;

/** What an environment offers the engine builtins. */
export interface EngineHost {
  /** Engine used when a notebook asks for 'auto' (the runner's `--engine duckdb`). */
  preferred?: 'js' | 'duckdb';
  /** Size in bytes of a dataset key's file, when known (decides 'auto' against the threshold). */
  size?: (key: string) => Promise<number | undefined>;
  /** The user's file behind a dataset key, kept on disk, that DuckDB-wasm reads itself (CSV-like). */
  file?: (key: string) => File | undefined;
  /** Run load + preprocess + profile of a dataset key in DuckDB. */
  duckdb?: (key: string, opts: EngineOptions) => Promise<EngineResult>;
}

type WasmModule = { wasmProfile: (input: { table: Table } | { file: File }, opts: EngineOptions) => Promise<EngineResult> };

let wasmLoader: (() => Promise<WasmModule>) | null = null;

/** Register the browser's lazy DuckDB-wasm module (called by the app, never by the sandbox). */
export function registerDuckdbWasm(load: () => Promise<WasmModule>): void {
  wasmLoader = load;
}

/** The registered DuckDB-wasm loader, or null (Node, the sandbox, or not registered). */
export function duckdbWasmLoader(): (() => Promise<WasmModule>) | null {
  return wasmLoader;
}
