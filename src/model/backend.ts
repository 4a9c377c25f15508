/**
 * Picks the tfjs backend for training: a real-GPU webgl, else wasm, else cpu — by probing, not guessing.
 *
 * wasm set-up (bundled `.wasm` URLs, no threads) is done by `wasmPaths.ts`, which only the worker imports,
 * before this runs; here the multithread flag is also forced off when the wasm backend is registered.
 */
import type * as TF from '@tensorflow/tfjs';
import { trainLogistic } from './logistic';
import { mulberry32 } from './mulberry32';
import type { BackendInfo, BackendName } from './types';
import { isSoftwareRenderer, readWebglRenderer } from './webglRenderer';

export type { BackendInfo, BackendName } from './types';

export interface ChooseBackendOptions {
  /** Use this backend if it initialises (even software webgl); otherwise fall back to probing. Default: probe. */
  preferred?: BackendName;
  /** Override the detected WebGL renderer string (tests, or a renderer read elsewhere). Default: read it. */
  renderer?: string | null;
}

const ORDER: BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Switches to `name`; true only if setBackend succeeded AND getBackend() reports it (a failed set may not). */
async function trySet(tf: typeof TF, name: string): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok || tf.getBackend() !== name) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  }
}

let probeData: { X: Float32Array; y: Uint8Array; n: number; d: number } | null = null;

/** The fixed probe problem: 2,000 × 8, seeded, ~half positives. */
function probeProblem() {
  if (probeData) return probeData;
  const n = 2000;
  const d = 8;
  const rand = mulberry32(2024);
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = rand() * 2 - 1;
      X[i * d + j] = v;
      z += j % 2 ? v : -v;
    }
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return (probeData = { X, y, n, d });
}

/**
 * ms for 20 SGD steps (batch 256) on 2k × 8: the best of two runs after a 5-step warm-up (shader compile,
 * kernel set-up, JIT). Batch 256 is what training runs, so per-op dispatch cost is weighed as it will be paid.
 */
async function probe(): Promise<number> {
  const data = probeProblem();
  await trainLogistic(data, { iterations: 5, progressEvery: 5 });
  const a = await trainLogistic(data, { iterations: 20, progressEvery: 20 });
  const b = await trainLogistic(data, { iterations: 20, progressEvery: 20 });
  return Math.min(a.ms, b.ms);
}

/**
 * Chooses and activates the training backend. Reads the WebGL renderer: a software one (SwiftShader,
 * llvmpipe, …) or none means webgl is skipped. `preferred` wins when it initialises. Otherwise each registered
 * candidate (webgl, wasm, cpu) is probe-timed once on a small fixed workload and the fastest is kept.
 *
 * @example
 *   import * as tf from '@tensorflow/tfjs';
 *   import '@tensorflow/tfjs-backend-wasm';
 *   await chooseBackend(tf);
 *   // { backend: 'wasm', renderer: 'ANGLE (… SwiftShader …)', software: true,
 *   //   probes: [{ backend: 'wasm', ms: 9.1 }, { backend: 'cpu', ms: 31.4 }] }
 */
export async function chooseBackend(tf: typeof TF, opts: ChooseBackendOptions = {}): Promise<BackendInfo> {
  const renderer = opts.renderer !== undefined ? opts.renderer : readWebglRenderer();
  const software = renderer !== null && isSoftwareRenderer(renderer);
  const registered = (name: string) => tf.findBackendFactory(name) != null;
  if (registered('wasm')) {
    // Threaded wasm hangs in a minified build on a cross-origin-isolated page (STACK.md pitfall 5).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }

  if (opts.preferred && registered(opts.preferred) && (await trySet(tf, opts.preferred))) {
    return { backend: opts.preferred, renderer, software, probes: [] };
  }

  const candidates = ORDER.filter((b) => registered(b) && !(b === 'webgl' && (renderer === null || software)));
  const probes: { backend: string; ms: number }[] = [];
  for (const name of candidates) {
    if (!(await trySet(tf, name))) continue;
    try {
      probes.push({ backend: name, ms: await probe() });
    } catch {
      // A backend that initialises but cannot run the workload is not a candidate.
    }
  }
  if (probes.length === 0) {
    throw new Error(`chooseBackend: no tfjs backend could run (tried ${candidates.join(', ') || 'none registered'})`);
  }
  const best = probes.reduce((a, b) => (b.ms < a.ms ? b : a));
  if (!(await trySet(tf, best.backend))) {
    throw new Error(`chooseBackend: backend ${best.backend} probed fine but could not be re-activated`);
  }
  return { backend: best.backend, renderer, software, probes };
}
