/**
 * Shared chart frame: options every chart accepts, default size, font and the Plot options that give
 * all Tierbook charts the same look (title, subtitle, aria text, inline style).
 *
 * @example
 *   const svg = Plot.plot({
 *     ...frame(opts, { height: 300, title: 'Tier shares', ariaLabel: 'Tier shares', ariaDescription: '…' }),
 *     marks: [...],
 *   });
 */
import type { PlotOptions } from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { INK } from './palette';

/** Options every chart accepts. */
export interface ChartOptions {
  /** Document to render into (default `globalThis.document`); in Node pass `new JSDOM('').window.document`. */
  document?: Document;
  /** Outer width in pixels (default 640). */
  width?: number;
  /** Outer height in pixels (default: chosen per chart). */
  height?: number;
  /** Title above the chart (default: chosen per chart). */
  title?: string;
  /** One-line reading guide under the title (default: chosen per chart, often with totals). */
  subtitle?: string;
}

/** Default outer width of every chart, in pixels. */
export const WIDTH = 640;
/** Font stack of every chart. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Font size of tick and mark labels, in pixels. */
export const FONT_SIZE = 12;

/**
 * The document to render into: `opts.document`, else the global one; throws a clear error in Node
 * when none was given.
 */
export function resolveDocument(opts: ChartOptions, chart: string): Document {
  const doc = opts.document ?? (globalThis as { document?: Document }).document;
  if (!doc) {
    throw new Error(
      `${chart}: no DOM document to render into; pass options.document (e.g. new JSDOM('').window.document) outside a browser`,
    );
  }
  return doc;
}

/** Defaults a chart fills in for the frame. */
export interface FrameDefaults {
  height: number;
  title: string;
  subtitle?: string;
  ariaLabel: string;
  ariaDescription: string;
}

/** Plot options for size, titles, aria text, document and style, with the caller's overrides applied. */
export function frame(opts: ChartOptions, chart: string, d: FrameDefaults): PlotOptions {
  const subtitle = opts.subtitle ?? d.subtitle;
  return {
    document: resolveDocument(opts, chart),
    width: opts.width ?? WIDTH,
    height: opts.height ?? d.height,
    title: opts.title ?? d.title,
    ...(subtitle ? { subtitle } : {}),
    ariaLabel: d.ariaLabel,
    ariaDescription: d.ariaDescription,
    style: { fontFamily: FONT, fontSize: `${FONT_SIZE}px`, color: INK, background: 'white', overflow: 'visible' },
  };
}

/** Axis options shared by every chart: centred labels (no arrows), and their offsets. */
export const X_LABEL = { labelAnchor: 'center', labelOffset: 34 } as const;
export const Y_LABEL = { labelAnchor: 'center', labelOffset: 44 } as const;
/** Bottom margin that fits x tick labels plus a centred x label. */
export const MARGIN_BOTTOM = 42;

/** Throw a clear error naming the chart when the table lacks one of `names`. */
export function requireColumns(table: Table, names: readonly string[], chart: string): void {
  const have = table.schema.fields.map((f) => f.name);
  const missing = names.filter((n) => !have.includes(n));
  if (missing.length) {
    throw new Error(
      `${chart}: table has no column ${missing.map((m) => `\`${m}\``).join(', ')} (columns: ${have.join(', ') || 'none'})`,
    );
  }
}

/** True when the table has a column called `name`. */
export function hasColumn(table: Table, name: string): boolean {
  return table.schema.fields.some((f) => f.name === name);
}
