/**
 * Which cells are on screen: an IntersectionObserver over every `article.cell` (id `cell-<id>`) in a
 * notebook element, kept current by a MutationObserver as cells are added, moved or removed. The
 * runtime reads `has(id)` to run what the reader sees first (`Runtime({visible})`).
 *
 * Until the observer has reported once (or where IntersectionObserver does not exist) every cell
 * counts as visible, so nothing is held back by missing information.
 *
 * @example
 *   const seen = new CellVisibility();
 *   const stop = seen.observe(document.querySelector('main.notebook')!);
 *   new Runtime({ visible: (id) => seen.has(id) });
 */
export class CellVisibility {
  private readonly onScreen = new Set<string>();
  private known = false;

  /** Whether cell `id` is within the viewport (plus a margin of one screen above and below). */
  has(id: string): boolean {
    return !this.known || this.onScreen.has(id);
  }

  /** Start watching the cells under `root`; returns a function that stops watching. */
  observe(root: HTMLElement): () => void {
    if (typeof IntersectionObserver === 'undefined' || typeof MutationObserver === 'undefined') return () => {};
    const watched = new Set<Element>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = cellId(e.target);
          if (id === null) continue;
          if (e.isIntersecting) this.onScreen.add(id);
          else this.onScreen.delete(id);
        }
        this.known = true;
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    const sync = () => {
      const now = new Set(root.querySelectorAll('article.cell[id^="cell-"]'));
      for (const el of now) if (!watched.has(el)) io.observe(el);
      for (const el of watched) {
        if (now.has(el)) continue;
        io.unobserve(el);
        const id = cellId(el);
        if (id !== null) this.onScreen.delete(id);
      }
      watched.clear();
      for (const el of now) watched.add(el);
    };
    // Charts replace their nodes on every redraw: only added or removed cells need a new sync.
    const isCell = (n: Node) => n.nodeType === 1 && ((n as Element).matches('article.cell') || (n as Element).querySelector('article.cell') !== null);
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (isCell(n)) return sync();
        for (const n of r.removedNodes) if (isCell(n)) return sync();
      }
    });
    mo.observe(root, { childList: true, subtree: true });
    sync();
    return () => {
      mo.disconnect();
      io.disconnect();
      this.onScreen.clear();
      this.known = false;
    };
  }
}

function cellId(el: Element): string | null {
  return el.id.startsWith('cell-') ? el.id.slice(5) : null;
}
