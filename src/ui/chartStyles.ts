/**
 * Charts on screen share their stylesheets. Observable Plot puts a `<style>` element in every chart
 * it draws (the same few lines each time). Every `<style>` added to or removed from a page makes the
 * browser rebuild the style rules of the whole document: with ~20 charts on the default notebook,
 * replacing one chart cost ~10 ms of style and layout with its `<style>` and ~3 ms without — and the
 * threshold slider replaces three charts per step. So a chart's own `<style>` elements are taken out
 * while it is on screen, and one shared copy of each distinct text lives in `<head>`; exports put them
 * back (`withChartStyles`), so a downloaded SVG is as Plot drew it.
 *
 * @example
 *   hoistChartStyles(chart);  // before putting the chart in the page
 *   host.replaceChildren(chart);
 *   const svg = withChartStyles(chart, () => figureToSvg(chart)); // standalone, with its <style>
 */

/** Where a taken-out `<style>` was, to put it back. */
interface Taken {
  style: Element;
  parent: Node;
  next: Node | null;
}

const taken = new WeakMap<Node, Taken[]>();
const shared = new Map<string, HTMLStyleElement>();

/** The one `<style>` in `<head>` with this text (made on first use). */
function share(text: string, doc: Document): void {
  const have = shared.get(text);
  if (have?.isConnected) return;
  const el = doc.createElement('style');
  el.dataset.sharedChartStyle = '';
  el.textContent = text;
  doc.head.append(el);
  shared.set(text, el);
}

/**
 * Take the `<style>` elements out of a chart about to be shown and make sure the page has one shared
 * copy of each. Idempotent: a chart shown again has nothing left to take out.
 */
export function hoistChartStyles(node: Node): void {
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const styles = el.tagName.toLowerCase() === 'style' ? [] : [...el.querySelectorAll('style')];
  if (styles.length === 0) return;
  const list = taken.get(node) ?? [];
  for (const style of styles) {
    share(style.textContent ?? '', el.ownerDocument);
    list.push({ style, parent: style.parentNode!, next: style.nextSibling });
    style.remove();
  }
  taken.set(node, list);
}

/**
 * Run `fn` (a serialiser) with the chart's own `<style>` elements back in place, then take them out
 * again; a chart that was never hoisted is passed through as it is.
 */
export function withChartStyles<T>(node: Node, fn: () => T): T {
  const list = taken.get(node);
  if (!list?.length) return fn();
  for (let i = list.length - 1; i >= 0; i--) {
    const { style, parent, next } = list[i];
    parent.insertBefore(style, next && next.parentNode === parent ? next : parent.firstChild);
  }
  try {
    return fn();
  } finally {
    for (const { style } of list) style.remove();
  }
}
