/**
 * Charts follow the UI language. Charts are DOM elements a cell computed, so a language switch
 * cannot re-render them in place: the chart language (`src/plots/locale.ts`) is set, then the cells
 * whose value is a chart are re-run — cheap cells only (the runtime never re-runs expensive ones,
 * so nothing is retrained). A sandboxed runtime has its own copy of the chart library: it is sent the
 * language and the labels, and redraws its charts itself.
 *
 * The labels the charts translate data values with (tier and segment names…) are the open
 * notebook's label translations (`notebooks/i18n/<locale>/<id>.md`), the same ones tables use.
 *
 * @example
 *   // in the Session constructor
 *   this.#stopCharts = followChartLocale(notebookId, () => this.runtime);
 *   // later: setLocale('zh-CN') → charts redraw in Chinese
 */
import { setChartLocale } from '../../plots/locale';
import { notebookLabels } from './translations';
import { locale, onLocaleChange, type Locale } from './locale.svelte';

export { notebookLabels };

/** True for a DOM element (a chart, or any element a cell returns), in a browser or under jsdom. */
export function isElementValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { nodeType?: unknown }).nodeType === 1;
}

/** What `followChartLocale` needs of a runtime: a local one re-runs chart cells, a sandboxed one redraws its own. */
interface LocalRuntime {
  rerunWhere(test: (value: unknown) => boolean): unknown;
}
interface SandboxedRuntime {
  setChartLocale(lang: string, labels: Record<string, string>): void;
}

/**
 * Set the chart language for `notebookId` now, and on every UI language switch set it again and
 * redraw the charts of `runtime()` (the session's current runtime, local or sandboxed). Returns the
 * function that stops following.
 */
export function followChartLocale(notebookId: string, runtime: () => unknown): () => void {
  const apply = (lang: Locale) => {
    const labels = notebookLabels(notebookId, lang);
    setChartLocale(lang, labels);
    return labels;
  };
  apply(locale.value);
  return onLocaleChange((lang) => {
    const labels = apply(lang);
    const rt = runtime() as Partial<LocalRuntime & SandboxedRuntime> | null;
    if (typeof rt?.setChartLocale === 'function') rt.setChartLocale(lang, labels);
    else if (typeof rt?.rerunWhere === 'function') rt.rerunWhere(isElementValue);
  });
}
