/**
 * Points the tfjs wasm backend at its `.wasm` files bundled by Vite (`?url`), so nothing is fetched from a CDN
 * (STACK.md pitfall 4), and turns threaded wasm off (pitfall 5). Imported ONLY by the training worker: the
 * `?url` imports are a Vite feature, and Node tests use the wasm backend's own files without this.
 *
 * @example
 *   import * as tf from '@tensorflow/tfjs';
 *   import '@tensorflow/tfjs-backend-wasm';
 *   configureWasm(tf); // before chooseBackend / setBackend('wasm')
 */
import type * as TF from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export function configureWasm(tf: typeof TF): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
}
