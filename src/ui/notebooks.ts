/**
 * The notebooks that ship with the app: every `notebooks/*.md`, bundled as text at build time (no
 * fetch needed). The default notebook comes first; the others follow by title.
 */
import { parseNotebook } from '../notebook';

export interface ShippedNotebook {
  id: string;
  title: string;
  text: string;
  /** The shipped dataset its front matter names (`dataset:`), if any. */
  dataset?: string;
}

const FILES = import.meta.glob('../../notebooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const DEFAULT_NOTEBOOK = 'value-tiering';

export const NOTEBOOKS: ShippedNotebook[] = Object.entries(FILES)
  .map(([path, text]) => {
    const file = path.split('/').pop()!.replace(/\.md$/, '');
    const meta = parseNotebook(text).meta;
    return { id: meta.id ?? file, title: meta.title ?? file, text, dataset: meta.dataset };
  })
  .sort((a, b) => (a.id === DEFAULT_NOTEBOOK ? -1 : b.id === DEFAULT_NOTEBOOK ? 1 : a.title.localeCompare(b.title)));

export function notebookById(id: string | null): ShippedNotebook {
  return NOTEBOOKS.find((n) => n.id === id) ?? NOTEBOOKS[0];
}
