/**
 * The app's side of the sandbox: a runtime with the same interface as `Runtime`, whose cells run
 * in an iframe with `sandbox="allow-scripts"` (no same-origin) and a no-network CSP. Used for code
 * that did not ship with the app, once the user chose "Trust and run".
 *
 * States arrive as plain data; tables are rebuilt from Arrow IPC; chart markup is sanitised with
 * DOMPurify before it becomes a DOM node here.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import DOMPurify from 'dompurify';
import type { CellSpec } from '../notebook';
import type { CellState } from '../runtime/cell';
import { WIDGET } from '../runtime/widgets';
import type { TrainStream } from '../stdlib/training';
import { chartLabels, chartLocale } from '../plots/locale';
import { SANDBOX_CSP, type FromSandbox, type ToSandbox, type Wire, type WireState } from './protocol';

type Listener = (id: string, state: CellState) => void;

export interface RemoteOptions {
  /** The sandbox program (an IIFE), inlined into the iframe's document. */
  bundle: string;
  loadDataset: (key: string) => Promise<Table>;
  trainStream: TrainStream;
  setParameter: (name: string, value: unknown) => void;
  /** Where the (hidden) iframe goes; default document.body. */
  host?: HTMLElement;
}

function fromWire(value: Wire): unknown {
  switch (value.k) {
    case 'none':
      return undefined;
    case 'table':
      return tableFromIPC(value.ipc);
    case 'html': {
      const fragment = DOMPurify.sanitize(value.html, { USE_PROFILES: { html: true, svg: true, svgFilters: true }, RETURN_DOM_FRAGMENT: true });
      return fragment.firstElementChild ?? document.createTextNode('');
    }
    case 'data':
      return value.data;
  }
}

export class RemoteRuntime {
  readonly iframe: HTMLIFrameElement;
  #opts: RemoteOptions;
  #ready = false;
  #queue: { message: ToSandbox; transfer: Transferable[] }[] = [];
  #states = new Map<string, CellState>();
  #listeners = new Set<Listener>();
  #params: Record<string, unknown> = {};
  #nextReq = 1;
  #idle = new Map<number, () => void>();
  #training = new Map<number, AsyncGenerator<unknown>>();
  #onMessage: (event: MessageEvent<FromSandbox>) => void;

  constructor(opts: RemoteOptions) {
    this.#opts = opts;
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('title', 'Sandbox for untrusted notebook code');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.style.cssText = 'position:absolute;width:1200px;height:800px;left:-10000px;top:0;border:0;visibility:hidden';
    // The bundle is inlined verbatim: the app's CSP allows exactly this script by its hash.
    iframe.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${opts.bundle}</script></body></html>`;
    this.iframe = iframe;
    this.#onMessage = (event) => {
      if (event.source !== iframe.contentWindow) return;
      void this.#handle(event.data);
    };
    window.addEventListener('message', this.#onMessage);
    (opts.host ?? document.body).append(iframe);
    // Charts in the sandbox are drawn in the app's chart language, set before any cell runs.
    this.setChartLocale(chartLocale(), chartLabels());
  }

  /** Draw the sandbox's charts in `lang` (labels: data label translations); drawn charts are redrawn. */
  setChartLocale(lang: string, labels: Record<string, string>): void {
    this.#send({ t: 'locale', lang, labels: { ...labels } });
  }

  #send(message: ToSandbox, transfer: Transferable[] = []) {
    if (!this.#ready) this.#queue.push({ message, transfer });
    else this.iframe.contentWindow?.postMessage(message, '*', transfer);
  }

  async #handle(msg: FromSandbox) {
    switch (msg.t) {
      case 'ready':
        this.#ready = true;
        for (const { message, transfer } of this.#queue.splice(0)) this.iframe.contentWindow?.postMessage(message, '*', transfer);
        break;
      case 'state': {
        const state = this.#toState(msg.state);
        this.#states.set(msg.id, state);
        for (const l of this.#listeners) l(msg.id, state);
        break;
      }
      case 'paramsResult':
        this.#params = msg.params;
        for (const p of msg.problems) console.warn(`sandbox: parameter ${p.name}: ${p.message}`);
        break;
      case 'idle':
        this.#idle.get(msg.reqId)?.();
        this.#idle.delete(msg.reqId);
        break;
      case 'loadDataset':
        try {
          const { writeArrow } = await import('../core/data/arrow');
          const ipc = writeArrow(await this.#opts.loadDataset(msg.key), 'stream');
          this.#send({ t: 'dataset', reqId: msg.reqId, ipc }, [ipc.buffer as ArrayBuffer]);
        } catch (e) {
          this.#send({ t: 'dataset', reqId: msg.reqId, error: (e as Error).message });
        }
        break;
      case 'train':
        void this.#train(msg.reqId, msg.rows, msg.opts);
        break;
      case 'trainCancel':
        await this.#training.get(msg.reqId)?.return(undefined);
        this.#training.delete(msg.reqId);
        break;
      case 'setParameter':
        this.#opts.setParameter(msg.name, msg.value);
        break;
    }
  }

  async #train(reqId: number, rows: Extract<FromSandbox, { t: 'train' }>['rows'], opts: Record<string, unknown>) {
    const stream = this.#opts.trainStream(rows, opts);
    this.#training.set(reqId, stream);
    let seen = 0;
    try {
      for await (const state of stream) {
        for (const p of state.losses.slice(seen)) this.#send({ t: 'trainProgress', reqId, iteration: p.iteration, loss: p.loss });
        seen = state.losses.length;
        if (state.model) this.#send({ t: 'trainDone', reqId, model: JSON.parse(JSON.stringify(state.model)) });
      }
    } catch (e) {
      this.#send({ t: 'trainDone', reqId, error: (e as Error).message });
    } finally {
      this.#training.delete(reqId);
    }
  }

  #toState(w: WireState): CellState {
    const widget = w.widget ? ({ ...w.widget, [WIDGET]: true } as unknown as CellState['widget']) : undefined;
    return { status: w.status, name: w.name, inputs: w.inputs, version: w.version, ms: w.ms, error: w.error, widget, value: fromWire(w.value) } as CellState;
  }

  setCells(cells: CellSpec[]): void {
    this.#send({ t: 'cells', cells: JSON.parse(JSON.stringify(cells)) });
  }

  setParams(values: Record<string, unknown>): { name: string; message: string }[] {
    Object.assign(this.#params, values);
    this.#send({ t: 'params', reqId: this.#nextReq++, values: JSON.parse(JSON.stringify(values)) });
    return [];
  }

  /** Checked inside the sandbox; problems are reported there and on the console. */
  setParam(name: string, value: unknown): { ok: true; value: unknown } {
    this.setParams({ [name]: value });
    return { ok: true, value };
  }

  params(): Record<string, unknown> {
    return { ...this.#params };
  }

  run(id: string): void {
    this.#send({ t: 'run', id });
  }

  runAll(): void {
    this.#send({ t: 'runAll' });
  }

  cancel(id: string): boolean {
    this.#send({ t: 'cancel', id });
    return true;
  }

  state(id: string): CellState | undefined {
    return this.#states.get(id);
  }

  value(name: string): unknown {
    for (const s of this.#states.values()) if (s.name === name) return s.value;
    return undefined;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const reqId = this.#nextReq++;
      this.#idle.set(reqId, resolve);
      this.#send({ t: 'whenIdle', reqId });
    });
  }

  dispose(): void {
    window.removeEventListener('message', this.#onMessage);
    for (const stream of this.#training.values()) void stream.return(undefined);
    this.iframe.remove();
  }
}
