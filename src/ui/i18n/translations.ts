/**
 * The shipped narrative translations (`notebooks/i18n/<locale>/<id>.md`, bundled as text at build
 * time like the notebooks themselves) and the functions the components call to show a notebook in
 * the current language. The session always holds the English notebook; only what is displayed is
 * translated. Format and lookup rules: `narrative.ts`.
 *
 * @example
 *   // in CellView: the Markdown to render for a cell, and whether to show the "out of date" note
 *   const shown = narrativeMarkdown(session.notebookId, cell.id, cell.spec.source);
 *   // in WidgetView: a widget's label
 *   narrativeLabel(session.notebookId, 'Weight of recency') // 'Weight of recency' | '近度权重（R）'
 *   // in TableView: a string cell (a tier or segment name) of the open notebook
 *   dataLabel('High value') // 'High value' in English, '高价值' in zh-CN on value-tiering
 */
import { locale } from './locale.svelte';
import { NarrativeTranslator, parseNarrative, type TranslatedMarkdown } from './narrative';

const FILES = import.meta.glob('../../../notebooks/i18n/*/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const translators = new Map<string, NarrativeTranslator>();
for (const [path, text] of Object.entries(FILES)) {
  const [lang, file] = path.split('/').slice(-2);
  const parsed = parseNarrative(text, path.replace(/^(\.\.\/)+/, ''));
  translators.set(`${lang}/${parsed.notebook || file.replace(/\.md$/, '')}`, new NarrativeTranslator(parsed));
}
const ENGLISH = new NarrativeTranslator(null);

/** The translator for `notebookId` in the current language (English: the identity). */
export function narrativeFor(notebookId: string): NarrativeTranslator {
  const lang = locale.value;
  if (lang === 'en') return ENGLISH;
  return translators.get(`${lang}/${notebookId}`) ?? ENGLISH;
}

/**
 * The label translations of `notebookId` in `lang` (English → shown text); empty in English or when
 * the notebook has no translation file. Charts translate data values with them.
 *
 * @example notebookLabels('value-tiering', 'zh-CN')['High value'] // '高价值'
 */
export function notebookLabels(notebookId: string, lang: string): Record<string, string> {
  return lang === 'en' ? {} : (translators.get(`${lang}/${notebookId}`)?.labels() ?? {});
}

/** The Markdown to show for a cell, in the current language when a current translation exists. */
export function narrativeMarkdown(notebookId: string, cellId: string, source: string): TranslatedMarkdown {
  return narrativeFor(notebookId).markdown(cellId, source);
}

/** A label, option label, title or name from the notebook's code, in the current language. */
export function narrativeLabel(notebookId: string, english: string): string {
  return narrativeFor(notebookId).label(english);
}

/** The notebook the page opened (set by `boot`); tables translate data values through its labels. */
// Set once per page load, before anything renders (opening another notebook reloads the page).
const active: { id: string | null } = { id: null };

/** Record the notebook the page shows, for `dataLabel`. */
export function setActiveNotebook(id: string | null): void {
  active.id = id;
}

/**
 * A string data value (a tier or segment name in a table) in the current language: its entry in
 * the labels map of `notebookId` (default: the open notebook), else the value itself. The data are
 * never changed — only what a table cell displays.
 */
export function dataLabel(value: string, notebookId: string | null = active.id): string {
  return notebookId ? narrativeFor(notebookId).label(value) : value;
}
