/**
 * Golden-figure harness, after observablehq/plot's test/plot.js: each figure is rendered into a fresh
 * jsdom document, then serialised to stable, diff-friendly text:
 *  - one element per line, two-space indent, attributes in the order Plot wrote them; an svg `text`
 *    stays on one line with its tspans (Plot styles text `white-space: pre`, so added whitespace would show);
 *  - Plot's class name (`plot-xxxxxx`) becomes `plot`; clip/marker/pattern ids are renumbered from 1
 *    in order of appearance (Plot's counters are global to the process);
 *  - numbers with more than two decimals in attributes are rounded to two (float noise such as
 *    125.00000000000001 differs by engine, not by chart);
 *  - `xmlns` is set on every svg so a golden opens directly in a browser.
 *
 * @example
 *   const el = render((document) => lossCurve(losses, { document }));
 *   await expect(serialize(el)).toMatchFileSnapshot(goldenPath('lossCurve', el));
 */
import { createRequire } from 'node:module';

// jsdom ships no types and @types/jsdom is not installed: load it untyped, declare the one bit we use.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

/** A fresh, empty jsdom document. */
export function newDocument(): Document {
  return new JSDOM('').window.document;
}

/** Render a figure into a fresh jsdom document. */
export function render(figure: (document: Document) => Element): Element {
  return figure(newDocument());
}

/** Path of the golden file for a figure, relative to this directory (`.svg` for a bare svg, else `.html`). */
export function goldenPath(name: string, root: Element): string {
  const ext = root.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  return `../golden/plots/${name}.${ext}`;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

function roundNumbers(s: string): string {
  return s.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (m) => {
    const v = Math.round(Number(m) * 100) / 100;
    return String(Object.is(v, -0) ? 0 : v);
  });
}

/** An element on one line, with no added whitespace (for svg `text`, whose style keeps white space). */
function inline(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const attrs = Array.from(el.attributes, (a) => ` ${a.name}="${escapeAttr(roundNumbers(a.value))}"`).join('');
  return `<${el.localName}${attrs}>${Array.from(el.childNodes, inline).join('')}</${el.localName}>`;
}

function write(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (node.nodeType === 3) {
    const t = node.textContent ?? '';
    if (t.trim()) out.push(pad + escapeText(t));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toLowerCase() === 'svg' ? 'svg' : el.localName;
  if (tag === 'text') {
    out.push(pad + inline(el));
    return;
  }
  const attrs = Array.from(el.attributes, (a) => ` ${a.name}="${escapeAttr(roundNumbers(a.value))}"`).join('');
  const kids = Array.from(el.childNodes).filter((c) => c.nodeType === 1 || (c.nodeType === 3 && (c.textContent ?? '').trim()));
  if (kids.length === 0) {
    out.push(VOID.has(tag) ? `${pad}<${tag}${attrs}>` : `${pad}<${tag}${attrs}></${tag}>`);
  } else if (kids.length === 1 && kids[0].nodeType === 3 && !(kids[0].textContent ?? '').includes('\n')) {
    out.push(`${pad}<${tag}${attrs}>${escapeText(kids[0].textContent ?? '')}</${tag}>`);
  } else {
    out.push(`${pad}<${tag}${attrs}>`);
    for (const k of kids) {
      if (k.nodeType === 3 && tag === 'style') {
        for (const line of (k.textContent ?? '').split('\n')) out.push(`${pad}  ${escapeText(line)}`);
      } else write(k, depth + 1, out);
    }
    out.push(`${pad}</${tag}>`);
  }
}

/** Renumber `plot-<kind>-<n>` ids (and their references) from 1 in order of first appearance. */
function reindex(text: string, kind: string): string {
  const map = new Map<string, string>();
  return text.replace(new RegExp(`plot-${kind}-\\d+`, 'g'), (id) => {
    let v = map.get(id);
    if (!v) map.set(id, (v = `plot-${kind}-${map.size + 1}`));
    return v;
  });
}

/** Stable text of a rendered figure (see the file comment for the normalisations). */
export function serialize(root: Element): string {
  const svgs = root.tagName.toLowerCase() === 'svg' ? [root] : Array.from(root.querySelectorAll('svg'));
  for (const svg of svgs) {
    svg.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', 'http://www.w3.org/2000/svg');
  }
  const out: string[] = [];
  write(root, 0, out);
  let text = out.join('\n') + '\n';
  text = text.replace(/\bplot-[0-9a-f]{6}\b/g, 'plot');
  for (const kind of ['clip', 'marker', 'pattern']) text = reindex(text, kind);
  return text;
}

/** The first element under `root` with class `label` (charts set `className` on the marks tests look at). */
export function markGroup(root: Element, label: string): Element {
  const g = root.querySelector(`.${label}`);
  if (!g) throw new Error(`no element with class "${label}"`);
  return g;
}
