/**
 * The sandbox: runs a notebook's code inside an iframe with `sandbox="allow-scripts"` (an opaque
 * origin: no access to the app's storage, DOM or other notebooks' data) and a CSP with no network.
 * It asks the app for datasets and for model training (trusted code in the app does both) and
 * reports every cell state back as plain data.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { Runtime } from '../runtime/runtime';
import { createStdlib } from '../stdlib';
import { progressStream, type TrainStream } from '../stdlib/training';
import type { LogisticModel } from '../model/types';
import type { FromSandbox, ToSandbox } from './protocol';
import { toWire, widgetToWire } from './wire';
import { setChartLocale } from '../plots/locale';

const parentWindow = window.parent;
let nextReq = 1;
const pending = new Map<number, (msg: ToSandbox) => void>();

function send(message: FromSandbox, transfer: Transferable[] = []) {
  parentWindow.postMessage(message, '*', transfer);
}

function ask<T extends ToSandbox>(make: (reqId: number) => FromSandbox, onReply: (msg: T) => boolean | void, transfer: Transferable[] = []) {
  const reqId = nextReq++;
  pending.set(reqId, (msg) => {
    if (onReply(msg as T) !== false) pending.delete(reqId);
  });
  send(make(reqId), transfer);
  return reqId;
}

const loadDataset = (key: string) =>
  new Promise<Table>((resolve, reject) => {
    ask<Extract<ToSandbox, { t: 'dataset' }>>(
      (reqId) => ({ t: 'loadDataset', reqId, key }),
      (msg) => (msg.ipc ? resolve(tableFromIPC(msg.ipc)) : reject(new Error(msg.error ?? `dataset \`${key}\` could not be loaded`))),
    );
  });

const trainStream: TrainStream = (rows, opts = {}) => {
  const iterations = (opts.iterations as number | undefined) ?? 1000;
  return progressStream(iterations, (onProgress, signal) => {
    return new Promise<LogisticModel>((resolve, reject) => {
      const X = rows.X.slice();
      const reqId = ask<Extract<ToSandbox, { t: 'trainProgress' | 'trainDone' }>>(
        (id) => ({ t: 'train', reqId: id, rows: { X, y: rows.y.slice(), n: rows.n, d: rows.d, featureNames: rows.featureNames }, opts: JSON.parse(JSON.stringify(opts)) }),
        (msg) => {
          if (msg.t === 'trainProgress') {
            onProgress({ iteration: msg.iteration, loss: msg.loss });
            return false; // keep listening
          }
          if (msg.error) reject(new Error(msg.error));
          else resolve(msg.model as LogisticModel);
        },
        [X.buffer],
      );
      signal.addEventListener('abort', () => send({ t: 'trainCancel', reqId }));
    });
  });
};

const runtime: Runtime = new Runtime({
  builtins: createStdlib({ loadDataset, trainStream, document, setParameter: (name, value) => send({ t: 'setParameter', name, value }) }),
  globals: (name: string) => name in globalThis,
});

runtime.subscribe((id, state) => {
  const value = toWire(state.value);
  const transfer = value.k === 'table' ? [value.ipc.buffer as ArrayBuffer] : [];
  send(
    {
      t: 'state',
      id,
      state: {
        status: state.status,
        name: state.name,
        inputs: state.inputs,
        version: state.version,
        ms: state.ms,
        error: state.error ? { message: state.error.message, name: state.error.name } : undefined,
        widget: widgetToWire(state.widget as object | undefined),
        value,
      },
    },
    transfer,
  );
});

window.addEventListener('message', (event: MessageEvent<ToSandbox>) => {
  if (event.source !== parentWindow) return;
  const msg = event.data;
  switch (msg.t) {
    case 'cells':
      runtime.setCells(msg.cells);
      break;
    case 'params': {
      const problems = runtime.setParams(msg.values);
      send({ t: 'paramsResult', reqId: msg.reqId, problems, params: JSON.parse(JSON.stringify(runtime.params())) });
      break;
    }
    case 'run':
      runtime.run(msg.id);
      break;
    case 'runAll':
      runtime.runAll();
      break;
    case 'cancel':
      runtime.cancel(msg.id);
      break;
    case 'whenIdle':
      runtime.whenIdle().then(() => send({ t: 'idle', reqId: msg.reqId }));
      break;
    case 'locale':
      // The app's language: charts drawn from now on use it, and the chart cells re-run (cheap
      // cells only; nothing expensive is recomputed).
      setChartLocale(msg.lang, msg.labels);
      runtime.rerunWhere((value) => typeof value === 'object' && value !== null && (value as { nodeType?: unknown }).nodeType === 1);
      break;
    default: {
      const reply = pending.get((msg as { reqId: number }).reqId);
      reply?.(msg);
    }
  }
});

send({ t: 'ready' });
