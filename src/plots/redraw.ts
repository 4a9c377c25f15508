/**
 * Redrawing a chart whose data changed in a few numbers only (a slider being dragged): instead of a
 * full Plot render (scales, axes, facets: 3–5 ms a chart in the browser here), copy a kept drawing of
 * the same shape and set the few attributes and texts that moved. A chart function keeps one drawing
 * per data object it was given (`keep`), under a key of everything else the drawing depends on
 * (options, chart texts in the current language, the data's shape), and patches a copy (`copyOf`;
 * a copy an earlier step handed out that is off the page again is reused, so a drag allocates no DOM).
 * Each chart checks, when it keeps a drawing, that Plot drew it where its patch would put things, and
 * its tests compare the patched markup with a fresh drawing's, byte for byte.
 *
 * @example
 *   const kept = redraws.find(bins, key, opts.document);
 *   if (kept) return patch(copyOf(kept), kept.extra);
 *   const fig = draw(); redraws.keep(bins, key, fig, opts.document, { x: scaleOf(fig, 'x') });
 */

/** A kept drawing: its key, its document, a pristine copy, the figure's own properties, chart extras. */
export interface Kept<T> {
  key: string;
  doc: Document | undefined;
  copy: Element;
  /** Plot's `scale` and `legend` methods (own properties of the figure), given to every copy. */
  props: Record<string, unknown>;
  extra: T;
  /** Copies handed out so far (at most `SPARES + 1`), the latest last. */
  handed: Element[];
}

/** Copies of a drawing handed out and kept for reuse once they are off the page. */
const SPARES = 2;

/** Drawings kept per data object (a WeakMap: dropped with the data), the last `perData` keys of each. */
export class Redraws<T> {
  private readonly kept = new WeakMap<object, Map<string, Kept<T>>>();

  /** `perData`: how many keys to keep per data object (a label that flips sides needs two). */
  constructor(private readonly perData = 4) {}

  /** The drawing kept for `data` under `key` in `doc`, if any. */
  find(data: object, key: string, doc: Document | undefined): Kept<T> | undefined {
    const k = this.kept.get(data)?.get(key);
    return k && k.doc === (doc ?? globalThis.document) ? k : undefined;
  }

  /** Keep a copy of `fig` (untouched by whoever shows `fig`) for later redraws of `data`. */
  keep(data: object, key: string, fig: Element, doc: Document | undefined, extra: T): void {
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(fig)) props[k] = (fig as unknown as Record<string, unknown>)[k];
    let byKey = this.kept.get(data);
    if (!byKey) this.kept.set(data, (byKey = new Map()));
    byKey.delete(key);
    byKey.set(key, { key, doc: doc ?? globalThis.document, copy: fig.cloneNode(true) as Element, props, extra, handed: [] });
    // Oldest first in a Map's order: drop beyond the limit.
    for (const old of byKey.keys()) {
      if (byKey.size <= this.perData) break;
      byKey.delete(old);
    }
  }
}

/**
 * A copy of a kept drawing, with the figure's Plot methods, for the caller to patch completely. While a
 * slider is dragged each step's chart replaces the last one on the page: a copy handed out earlier that
 * is off the page again (not the latest one) is handed out anew instead of cloning the drawing, so a
 * drag allocates no DOM. Every patch sets all that differs between drawings of one key, so a reused
 * copy patched with some values is the same markup as a fresh copy patched with them (tested).
 */
export function copyOf<T>(kept: Kept<T>): Element {
  const { handed } = kept;
  const spare = handed.findIndex((el, i) => i < handed.length - 1 && !el.isConnected);
  let fig: Element;
  if (spare >= 0) {
    fig = handed[spare];
    handed.splice(spare, 1);
  } else {
    fig = kept.copy.cloneNode(true) as Element;
    Object.assign(fig, kept.props);
    if (handed.length > SPARES) handed.shift();
  }
  handed.push(fig);
  return fig;
}

/** The figure's scale `name` as a function (Plot's `figure.scale(name).apply`), or null. */
export function scaleOf<R = number>(fig: Element, name: string): ((v: number) => R) | null {
  const scaled = fig as unknown as { scale?: (name: string) => { apply: (v: number) => R } | undefined };
  const s = typeof scaled.scale === 'function' ? scaled.scale(name) : undefined;
  return s ? (v) => s.apply(v) : null;
}

/**
 * Keep `fig` only if patching a copy of it with the values it was drawn from gives back its exact
 * markup (then a patch with other values gives what Plot would draw; else the chart draws anew).
 */
export function patchesBack(fig: Element, patch: (copy: Element) => void): boolean {
  const probe = fig.cloneNode(true) as Element;
  try {
    patch(probe);
  } catch {
    return false;
  }
  return probe.outerHTML === fig.outerHTML;
}

/** The x and y of a `translate(x,y)` transform attribute (y as written), or null. */
export function translateOf(el: Element | null | undefined): { x: number; y: string } | null {
  const m = /^translate\(([^,]+),([^)]+)\)$/.exec(el?.getAttribute('transform') ?? '');
  return m ? { x: Number(m[1]), y: m[2] } : null;
}
