/**
 * The headless runner's environment: datasets from disk, training in-process with tfjs (wasm,
 * else cpu), charts rendered into a jsdom document.
 */
import { fileBlob } from './fileBlob';
import { stat } from 'node:fs/promises';
import { basename, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import * as tf from '@tensorflow/tfjs';
import { JSDOM } from 'jsdom';
import { loadBlob } from '../core/data/loadBlob';
import { DataError } from '../core/errors';
import { trainLogistic } from '../model/logistic';
import { trainMlp } from '../model/mlp';
import { progressStream, type TrainStream } from '../stdlib/training';
import type { StdlibEnv } from '../stdlib';
import { SHIPPED_DATASETS } from '../stdlib/shippedData';
import type { EngineHost } from '../engine/host';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Datasets that ship in public/data, by the key notebooks use. */
export const SHIPPED_FILES: Record<string, string> = Object.fromEntries(
  SHIPPED_DATASETS.filter((d) => d.file).map((d) => [d.key, resolve(ROOT, 'public/data', d.file!)]),
);

/**
 * Read a CSV, Arrow or Parquet file (optionally gzip-compressed) into a table, the same way the
 * browser's loader does (streamed from disk in chunks, never held whole); errors name the file, and
 * skipped bad rows are reported on stderr.
 */
export async function readTableFile(path: string): Promise<Table> {
  const file = basename(path);
  const r = await loadBlob(fileBlob(path), file);
  if (r.skipped) process.stderr.write(`${file}: ${r.skipped.toLocaleString('en-US')} rows skipped; first: ${new DataError(r.problems[0]).message}\n`);
  for (const w of r.warnings) process.stderr.write(`${new DataError(w).message}\n`);
  return r.table;
}

const backendReady = new Map<string, Promise<string>>();

/**
 * Make tfjs ready on `wanted` (auto: wasm, else cpu) and make it the active backend. The first start of each
 * choice is cached; later calls only switch back to it, so runs with different `--backend`s in one process
 * (tests) each train where they asked.
 */
export async function initBackend(wanted: 'auto' | 'wasm' | 'cpu'): Promise<string> {
  let ready = backendReady.get(wanted);
  if (!ready) {
    ready = (async () => {
      tf.enableProdMode();
      if (wanted !== 'cpu') {
        try {
          await import('@tensorflow/tfjs-backend-wasm');
          if (await tf.setBackend('wasm')) {
            await tf.ready();
            if (tf.getBackend() === 'wasm') return 'wasm';
          }
        } catch {
          // fall through to cpu
        }
        if (wanted === 'wasm') throw new Error('the wasm backend could not start');
      }
      await tf.setBackend('cpu');
      await tf.ready();
      return tf.getBackend();
    })();
    backendReady.set(wanted, ready);
  }
  const name = await ready;
  if (tf.getBackend() !== name) {
    await tf.setBackend(name);
    await tf.ready();
  }
  return name;
}

export function nodeEnv(opts: {
  data: Record<string, string>;
  backend: 'auto' | 'wasm' | 'cpu';
  cwd?: string;
  /** `--engine`: 'duckdb' makes `runEngine(…, {engine: 'auto'})` use native DuckDB. Default 'js'. */
  engine?: 'js' | 'duckdb';
}): StdlibEnv & { keys: Record<string, string>; engine: EngineHost } {
  const cwd = opts.cwd ?? process.cwd();
  // `--data NAME=PATH`: the file becomes the dataset key its base name; NAME is the widget it sets.
  const keys: Record<string, string> = {};
  const files = new Map<string, string>(Object.entries(SHIPPED_FILES));
  for (const [name, path] of Object.entries(opts.data)) {
    const key = basename(path);
    keys[name] = key;
    files.set(key, resolve(cwd, path));
  }
  const cache = new Map<string, Promise<Table>>();
  const loadDataset = (key: string) => {
    const path = files.get(key);
    if (!path) return Promise.reject(new Error(`dataset \`${key}\` is not available: pass it with --data NAME=PATH`));
    if (!cache.has(key)) cache.set(key, readTableFile(path));
    return cache.get(key)!;
  };
  const trainStream: TrainStream = (rows, trainOpts = {}) => {
    const iterations = trainOpts.iterations ?? 1000;
    return progressStream(iterations, async (onProgress, signal) => {
      const backend = await initBackend(opts.backend);
      const { backend: _wanted, ...modelOpts } = trainOpts;
      void _wanted; // the runner's backend is --backend (wasm or cpu); a notebook's choice applies in the browser
      const train = modelOpts.model === 'mlp' ? trainMlp : trainLogistic;
      const model = await train(
        { X: rows.X, y: rows.y, n: rows.n, d: rows.d },
        {
          ...modelOpts,
          iterations,
          onProgress: (p) => {
            if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
            onProgress(p);
          },
        },
      );
      return { ...model, backend };
    }, 0); // no UI to pace in the runner
  };
  // Native DuckDB reads CSV/Parquet files itself (streamed from disk); Arrow files are read here first.
  const engine: EngineHost = {
    preferred: opts.engine ?? 'js',
    size: async (key) => {
      const path = files.get(key);
      return path ? (await stat(path)).size : undefined;
    },
    duckdb: async (key, engineOpts) => {
      const path = files.get(key);
      if (!path) throw new Error(`dataset \`${key}\` is not available: pass it with --data NAME=PATH`);
      const { duckdbProfile } = await import('../engine/duckdbNode');
      if (!/\.(arrow|feather|ipc)(\.gz)?$/i.test(path)) return duckdbProfile({ path }, engineOpts);
      const { detectRoles } = await import('../core/data/roles');
      const { toTransactions } = await import('../core/data/transactions');
      const raw = await loadDataset(key);
      const tx = toTransactions(raw, engineOpts.roles ?? detectRoles(raw), { file: key });
      return duckdbProfile({ table: tx, file: key }, engineOpts);
    },
  };
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  return { loadDataset, trainStream, document: window.document, keys, engine };
}
