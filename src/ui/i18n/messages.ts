/**
 * Pure message lookup and locale-aware formatting (no reactive state; `locale.svelte.ts` binds
 * these to the current locale). Usable in Node tests.
 */
import { en, type Catalogue, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const CATALOGUES: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };

/** Keys whose base name has plural forms (`key.one`, `key.other`). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
}[MessageKey];

export type Params = Record<string, string | number>;

/** `'zh-CN'`, `'zh'`, `'zh-Hans'`, `'ZH-cn'` → `'zh-CN'`; `'en-GB'` → `'en'`; anything else → null. */
export function normaliseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-cn') || v.startsWith('zh-hans') || v.startsWith('zh-sg')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

/**
 * The locale a page opens in: `?lang=` in the URL wins, then the remembered choice, then English.
 *
 * @example
 *   resolveLocale('?lang=zh-CN', null) // 'zh-CN'
 *   resolveLocale('', 'zh-CN')         // 'zh-CN'
 *   resolveLocale('?lang=xx', null)    // 'en'
 */
export function resolveLocale(search: string, stored: string | null): Locale {
  return normaliseLocale(new URLSearchParams(search).get('lang')) ?? normaliseLocale(stored) ?? DEFAULT_LOCALE;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number for display in `locale`: grouped integers, at most `maximumFractionDigits` decimals
 * (default 4). Non-finite numbers print as JavaScript does.
 *
 * @example
 *   formatNumber(541909, 'zh-CN') // '541,909'
 *   formatNumber(0.12345, 'en')   // '0.1235'
 */
export function formatNumber(n: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const opts = { maximumFractionDigits: Number.isInteger(n) ? 0 : 4, ...options };
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f.format(n);
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A timestamp for display, in UTC (the data's clock): English keeps ISO 8601 `2011-12-09 12:50`
 * (`:ss` only when seconds are not 0), other locales use their own date order and separators —
 * zh-CN `2011/12/09 12:50`.
 *
 * @example
 *   formatDate(new Date('2011-12-09T12:50:00Z'), 'zh-CN') // '2011/12/09 12:50'
 */
export function formatDate(d: Date, locale: Locale): string {
  if (Number.isNaN(d.getTime())) return String(d);
  if (locale === 'en') return d.toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '');
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(locale, f);
  }
  const s = d.getUTCSeconds();
  return f.format(d) + (s ? `:${String(s).padStart(2, '0')}` : '');
}

/**
 * Fill `{name}` placeholders; numbers are formatted for the locale, a missing parameter leaves its
 * placeholder visible (so it is noticed, never silently blank).
 *
 * @example
 *   interpolate('{rows} rows', {rows: 541909}, 'en') // '541,909 rows'
 */
export function interpolate(message: string, params: Params | undefined, locale: Locale): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

/**
 * The message `key` in `locale` (falling back to English), with parameters filled in.
 *
 * @example
 *   translate('zh-CN', 'toolbar.share') // '分享'
 *   translate('en', 'app.failed', {message: 'boom'}) // 'Tierbook could not start: boom'
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const message = CATALOGUES[locale][key] ?? en[key] ?? key;
  return interpolate(message, params, locale);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * A counted message: picks `key.one` or `key.other` by `Intl.PluralRules` for the locale and passes
 * `{count}` (formatted for the locale) plus any other parameters.
 *
 * @example
 *   translatePlural('en', 'table.rows', 1)      // '1 row'
 *   translatePlural('en', 'table.rows', 541909) // '541,909 rows'
 *   translatePlural('zh-CN', 'table.rows', 541909) // '541,909 行'
 */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params: Params = {}): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count);
  const full = (category === 'one' ? `${key}.one` : `${key}.other`) as MessageKey;
  return translate(locale, full, { ...params, count });
}

/**
 * A message split around one placeholder, for markup in the middle of a sentence
 * (`Last model trained on <strong>wasm</strong>`): returns the text before and after `{slot}`.
 *
 * @example
 *   splitAround('en', 'side.backend.trainedOn', 'backend') // ['Last model trained on ', '']
 */
export function splitAround(locale: Locale, key: MessageKey, slot: string, params?: Params): [string, string] {
  const marker = `\u0000${slot}\u0000`;
  const text = translate(locale, key, { ...params, [slot]: marker });
  const i = text.indexOf(marker);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + marker.length)];
}
