/**
 * The UI language: one reactive store, read by every component through `t()` / `tn()` and by the
 * value formatting in `../format.ts`, so switching re-renders text and numbers in place.
 *
 * - Opens in `?lang=` when the URL has it (`?lang=zh-CN`, `?lang=en`), else the remembered choice
 *   (localStorage `tierbook:lang`), else English.
 * - `setLocale` (the EN / 中文 switch) remembers the choice and, when the URL carries `lang`,
 *   rewrites it, so a reload shows what was picked.
 * - `<html lang>` follows the locale (screen readers, fonts, hyphenation).
 * - `onLocaleChange` tells non-reactive code (the chart language, see `charts.ts`) about a switch.
 *
 * @example
 *   t('toolbar.share')                      // 'Share' | '分享'
 *   t('app.failed', {message: 'no data'})   // 'Tierbook could not start: no data'
 *   tn('table.rows', 541909)                // '541,909 rows' | '541,909 行'
 */
import { en as CATALOGUE_KEYS, type MessageKey } from './en';
import {
  formatDate,
  formatNumber,
  normaliseLocale,
  resolveLocale,
  splitAround,
  translate,
  translatePlural,
  type Locale,
  type Params,
  type PluralKey,
} from './messages';

export { LOCALES, type Locale } from './messages';
export type { MessageKey } from './en';

export const LANG_KEY = 'tierbook:lang';

function stored(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null; // storage disabled, or not in a browser
  }
}

function initial(): Locale {
  const search = typeof location === 'undefined' ? '' : location.search;
  return resolveLocale(search, stored());
}

export const locale = $state<{ value: Locale }>({ value: initial() });

function apply(value: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = value;
}
apply(locale.value);

const listeners = new Set<(value: Locale) => void>();

/**
 * Call `listener` after every switch to another language (not at once); returns the function that
 * stops listening.
 *
 * @example const stop = onLocaleChange((lang) => redrawCharts(lang));
 */
export function onLocaleChange(listener: (value: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switch the UI language and remember it (localStorage, and the URL's `lang` when it has one). */
export function setLocale(value: string): void {
  const next = normaliseLocale(value);
  if (!next) throw new Error(`unknown language \`${value}\`: use one of en, zh-CN`);
  const changed = next !== locale.value;
  locale.value = next;
  apply(next);
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // storage disabled: the choice lasts for this page
  }
  if (typeof location !== 'undefined' && typeof history !== 'undefined') {
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next);
      history.replaceState(history.state, '', url);
    }
  }
  if (changed) {
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (e) {
        console.error(e);
      }
    }
  }
}

/** The message `key` in the current language, `{name}` placeholders filled (numbers localised). */
export function t(key: MessageKey, params?: Params): string {
  return translate(locale.value, key, params);
}

/** A counted message (`key.one` / `key.other`) in the current language; `{count}` is `count`. */
export function tn(key: PluralKey, count: number, params?: Params): string {
  return translatePlural(locale.value, key, count, params);
}

/** The current-language message split around `{slot}`: [before, after] (for markup inside a sentence). */
export function tParts(key: MessageKey, slot: string, params?: Params): [string, string] {
  return splitAround(locale.value, key, slot, params);
}

/** A catalogue key built at run time (`stage.${key}`), or `fallback` when the catalogue lacks it. */
export function tOr(key: string, fallback: string, params?: Params): string {
  return key in CATALOGUE_KEYS ? translate(locale.value, key as MessageKey, params) : fallback;
}

/** A number in the current language (grouping, at most 4 decimals unless `options` say otherwise). */
export function fmtNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return formatNumber(n, locale.value, options);
}

/** A timestamp in the current language (UTC). */
export function fmtDate(d: Date): string {
  return formatDate(d, locale.value);
}
