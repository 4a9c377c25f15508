/**
 * Turn a cell value into something that can cross postMessage (inside the sandbox), and back
 * (in the app). Untrusted markup is sanitised on arrival; nothing from the sandbox is ever
 * inserted as live HTML without DOMPurify.
 */
import { Table } from 'apache-arrow';
import { writeArrow } from '../core/data/arrow';
import type { Wire } from './protocol';

function plain(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') return undefined;
    if (typeof value === 'bigint') return value.toString();
    return value;
  }
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value;
  if (value instanceof Table) return `Table(${value.numRows} rows)`;
  if (typeof (value as { nodeType?: unknown }).nodeType === 'number') return '[element]';
  if (value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.slice(0, 10_000).map((v) => plain(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = plain(v, depth + 1, seen);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

/** In the sandbox: encode a value for the parent. */
export function toWire(value: unknown): Wire {
  if (value === undefined) return { k: 'none' };
  if (value instanceof Table) return { k: 'table', ipc: writeArrow(value, 'stream') };
  if (value && typeof value === 'object' && typeof (value as { nodeType?: unknown }).nodeType === 'number') {
    return { k: 'html', html: (value as Element).outerHTML ?? '' };
  }
  return { k: 'data', data: plain(value, 0, new WeakSet()) };
}

/** A widget descriptor without its functions and symbol keys. */
export function widgetToWire(widget: object | undefined): Record<string, unknown> | undefined {
  if (!widget) return undefined;
  return plain(widget, 0, new WeakSet()) as Record<string, unknown>;
}
