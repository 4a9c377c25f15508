/**
 * The headless runner's environment: datasets from disk, training in-process with tfjs (wasm,
 * else cpu), charts rendered into a jsdom document.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import * as tf from '@tensorflow/tfjs';
import { JSDOM } from 'jsdom';
import { parseCsv } from '../core/data/csv';
import { loadArrowBytes, isGzip, gunzip } from '../core/data/defaultData';
import { trainLogistic } from '../model/logistic';
import { progressStream, type TrainStream } from '../stdlib/training';
import type { StdlibEnv } from '../stdlib';
import { SHIPPED_DATASETS } from '../stdlib/shippedData';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Datasets that ship in public/data, by the key notebooks use. */
export const SHIPPED_FILES: Record<string, string> = Object.fromEntries(
  SHIPPED_DATASETS.map((d) => [d.key, resolve(ROOT, 'public/data', d.file)]),
);

/** Read a CSV or Arrow file (optionally gzip-compressed) into a table; errors name the file. */
export async function readTableFile(path: string): Promise<Table> {
  let bytes: Uint8Array = new Uint8Array(await readFile(path));
  const file = basename(path);
  if (isGzip(bytes)) bytes = await gunzip(bytes, file);
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  const arrowMagic = bytes.length > 6 && String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
  if (arrowMagic || /\.(arrow|arrows|feather|ipc)$/.test(name)) return loadArrowBytes(bytes, file);
  return parseCsv(bytes, { file });
}

let backendReady: Promise<string> | null = null;

/** Make tfjs ready on `wanted` (auto: wasm, else cpu). */
export function initBackend(wanted: 'auto' | 'wasm' | 'cpu'): Promise<string> {
  backendReady ??= (async () => {
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
  return backendReady;
}

export function nodeEnv(opts: { data: Record<string, string>; backend: 'auto' | 'wasm' | 'cpu'; cwd?: string }): StdlibEnv & { keys: Record<string, string> } {
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
      const model = await trainLogistic(
        { X: rows.X, y: rows.y, n: rows.n, d: rows.d },
        {
          ...trainOpts,
          iterations,
          onProgress: (p) => {
            if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
            onProgress(p);
          },
        },
      );
      return { ...model, backend };
    });
  };
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  return { loadDataset, trainStream, document: window.document, keys };
}
