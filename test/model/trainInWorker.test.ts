/**
 * trainInWorker / backendInfo (src/workers/trainClient.ts, re-exported by client.ts) in Node: `Worker` is replaced by a stand-in whose
 * "inside" is a comlink endpoint on a MessageChannel, serving either the real training service (tfjs cpu,
 * in-process — the same `createTrainApi` the worker exposes) or a hand-made stub. Real-browser behaviour
 * (module worker, bundled wasm, SwiftShader) is for the e2e suite.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import { createTrainApi } from '../../src/model/trainApi';
import { trainLogistic } from '../../src/model/logistic';
import { mulberry32 } from '../../src/model/mulberry32';



type ApiFactory = () => object;
let makeApi: ApiFactory;
const created: FakeWorker[] = [];

class FakeWorker {
  terminated = false;
  private readonly port: MessagePort;
  private readonly inner: MessagePort;
  private readonly errorHandlers: ((e: unknown) => void)[] = [];
  constructor(
    readonly url: URL | string,
    readonly options?: WorkerOptions,
  ) {
    const ch = new MessageChannel();
    this.port = ch.port1;
    this.inner = ch.port2;
    Comlink.expose(makeApi(), ch.port2 as unknown as Comlink.Endpoint);
    created.push(this);
  }
  postMessage(msg: unknown, transfer?: Transferable[]) {
    this.port.postMessage(msg, transfer ?? []);
  }
  addEventListener(type: string, h: (e: unknown) => void) {
    if (type === 'error') this.errorHandlers.push(h);
    else {
      this.port.addEventListener(type, h as EventListener);
      this.port.start();
    }
  }
  removeEventListener(type: string, h: (e: unknown) => void) {
    this.port.removeEventListener(type, h as EventListener);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }
  /** Simulates a script error / failed load inside the worker. */
  crash(message: string) {
    for (const h of this.errorHandlers) h({ message, preventDefault() {} });
  }
}

const realService: ApiFactory = () => createTrainApi(tf);

function synth(n: number, d: number) {
  const rand = mulberry32(3);
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = -0.5;
    for (let j = 0; j < d; j++) {
      const v = rand() * 4 - 2;
      X[i * d + j] = v * 10 + j;
      z += j === 0 ? v : -0.5 * v;
    }
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, y, n, d };
}

let client: typeof import('../../src/workers/trainClient');
const data = synth(600, 3);

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  vi.stubGlobal('Worker', FakeWorker);
  client = await import('../../src/workers/trainClient');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  makeApi = realService;
});

describe('trainInWorker', () => {
  it('trainInWorker(data, opts, {onProgress}) gives the same model as trainLogistic, all progress before it resolves', async () => {
    const seen: number[] = [];
    const model = await client.trainInWorker(data, { iterations: 100, backend: 'cpu' }, { onProgress: (p) => seen.push(p.iteration) });
    const direct = await trainLogistic(data, { iterations: 100 });
    if (model.kind !== 'logistic') throw new Error(`expected a logistic model, got ${model.kind}`);
    expect(model.weights).toEqual(direct.weights);
    expect(model.bias).toBe(direct.bias);
    expect(model.backend).toBe('cpu');
    expect(seen).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // By default X and y are copied before the transfer: the caller can still score with them.
    expect(data.X.length).toBe(600 * 3);
    expect(data.y.length).toBe(600);
    const w = created.at(-1)!;
    expect(String(w.url)).toMatch(/train\.worker\.ts$/);
    expect(w.options).toMatchObject({ type: 'module' });
  });

  it('trainInWorker reuses the idle worker, and {detach: true} transfers X’s own buffer', async () => {
    const before = created.length;
    const X = data.X.slice();
    const y = data.y.slice();
    await client.trainInWorker({ ...data, X, y }, { iterations: 10, backend: 'cpu' }, { detach: true });
    expect(X.byteLength).toBe(0); // transferred, not copied
    expect(y.byteLength).toBe(0);
    expect(created.length).toBe(before); // the warm worker of the previous test was reused
    await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    expect(created.length).toBe(before);
  });

  it('trainInWorker(…, {signal}) on abort terminates the worker, rejects with AbortError; the next call gets a fresh worker', async () => {
    client.shutdownTrainWorker();
    let trainCalled!: () => void;
    const started = new Promise<void>((r) => (trainCalled = r));
    makeApi = () => ({
      init: async () => ({ backend: 'cpu', renderer: null, software: false, probes: [] }),
      train: () => {
        trainCalled();
        return new Promise(() => {}); // never finishes
      },
    });
    const n = created.length;
    const ctl = new AbortController();
    const run = client.trainInWorker(data, {}, { signal: ctl.signal });
    expect(created.length).toBe(n + 1);
    await started;
    ctl.abort();
    const err = await run.catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect(err).toMatchObject({ name: 'AbortError', message: 'cancelled' });
    expect(created[n].terminated).toBe(true);
    // next call: a fresh worker (the real service again)
    makeApi = realService;
    const m = await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    expect(created.length).toBe(n + 2);
    expect(created[n + 1].terminated).toBe(false); // kept warm
    expect(m.iterations).toBe(10);
  });

  it('trainInWorker with an already-aborted signal rejects without starting a worker', async () => {
    client.shutdownTrainWorker();
    const n = created.length;
    const ctl = new AbortController();
    ctl.abort();
    await expect(client.trainInWorker(data, {}, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(created.length).toBe(n);
  });

  it('a worker that fails to load rejects the call with a clear error and is discarded', async () => {
    client.shutdownTrainWorker();
    makeApi = () => ({ init: () => new Promise(() => {}), train: () => new Promise(() => {}) });
    const n = created.length;
    const p = client.trainInWorker(data, {});
    expect(created.length).toBe(n + 1);
    created[n].crash('SyntaxError: Unexpected token');
    await expect(p).rejects.toThrow('training worker failed: SyntaxError: Unexpected token');
    expect(created[n].terminated).toBe(true);
  });

  it('shutdownTrainWorker() terminates the idle worker; the next call starts a fresh one', async () => {
    await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    const warm = created.at(-1)!;
    client.shutdownTrainWorker();
    expect(warm.terminated).toBe(true);
    const n = created.length;
    await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    expect(created.length).toBe(n + 1);
  });

  it('training errors cross the boundary as errors (DataError message intact)', async () => {
    const bad = { X: Float32Array.of(1, NaN), y: Uint8Array.of(0, 1), n: 2, d: 1, featureNames: ['monetary'] };
    await expect(client.trainInWorker(bad, { backend: 'cpu' })).rejects.toThrow(
      'model training data, row 2, column `monetary`: `NaN` is not a finite number',
    );
  });

  it('prewarmTrainWorker() starts a worker and chooses its backend now; the next run takes that worker without a second init', async () => {
    client.shutdownTrainWorker();
    const inits: (string | undefined)[] = [];
    makeApi = () => {
      const real = createTrainApi(tf);
      return { init: (b?: string) => (inits.push(b), real.init(b as 'cpu')), train: real.train };
    };
    const n = created.length;
    client.prewarmTrainWorker('cpu');
    expect(created.length).toBe(n + 1); // started at once, before any run
    client.prewarmTrainWorker('cpu'); // already starting: no second worker
    expect(created.length).toBe(n + 1);
    const model = await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    expect(model.iterations).toBe(10);
    expect(created.length).toBe(n + 1); // the run took the prewarmed worker
    expect(inits).toEqual(['cpu', 'cpu']); // prewarm chose it; the run's init found it cached (same worker)
    expect(created[n].terminated).toBe(false); // kept warm for the next run
  });

  it('a prewarmed worker that fails to start is dropped: the run starts a fresh one and trains', async () => {
    client.shutdownTrainWorker();
    makeApi = () => ({ init: () => new Promise(() => {}), train: () => new Promise(() => {}) });
    const n = created.length;
    client.prewarmTrainWorker();
    makeApi = realService;
    const run = client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    created[n].crash('SyntaxError: Unexpected token');
    const model = await run;
    expect(model.iterations).toBe(10);
    expect(created[n].terminated).toBe(true);
    expect(created.length).toBe(n + 2);
  });

  it('Cancel while the prewarmed worker still starts rejects at once; the worker is kept for the next run', async () => {
    client.shutdownTrainWorker();
    let ready!: () => void;
    const gate = new Promise<void>((r) => (ready = r));
    makeApi = () => {
      const real = createTrainApi(tf);
      return { init: async (b?: string) => (await gate, real.init(b as 'cpu')), train: real.train };
    };
    const n = created.length;
    client.prewarmTrainWorker('cpu');
    const ctl = new AbortController();
    const run = client.trainInWorker(data, { iterations: 10, backend: 'cpu' }, { signal: ctl.signal });
    ctl.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: 'cancelled' });
    ready();
    const model = await client.trainInWorker(data, { iterations: 10, backend: 'cpu' });
    expect(model.iterations).toBe(10);
    expect(created.length).toBe(n + 1);
    expect(created[n].terminated).toBe(false);
  });

  it('backendInfo(preferred) reports the backend the worker uses', async () => {
    const info = await client.backendInfo('cpu');
    expect(info).toEqual({ backend: 'cpu', renderer: null, software: false, probes: [] });
  });
});
