/**
 * The tfjs backend for the Node bench: the wasm backend (single-threaded, as the app runs it), or cpu
 * when wasm cannot start.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/**
 * Activates wasm, falling back to cpu; returns the backend now active and why it is not wasm.
 *
 * @example
 *   await useWasmBackend(); // { backend: 'wasm', fallback: null }
 */
export async function useWasmBackend(): Promise<{ backend: string; fallback: string | null }> {
  tf.enableProdMode();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  let why: string | null = null;
  try {
    const ok = await tf.setBackend('wasm');
    await tf.ready();
    if (ok && tf.getBackend() === 'wasm') return { backend: 'wasm', fallback: null };
    why = 'setBackend("wasm") returned false';
  } catch (e) {
    why = `wasm failed: ${(e as Error).message}`;
  }
  await tf.setBackend('cpu');
  await tf.ready();
  console.log(`logistic: wasm backend unavailable (${why}); FALLING BACK to cpu`);
  return { backend: tf.getBackend(), fallback: why };
}
