/**
 * The language charts are drawn in: one module-level setting read by every chart when it renders,
 * English by default (so the headless runner and the golden figures never change).
 *
 * - `chartText(key, params)`: a chart's text (title, axis label, annotation, aria text) in the
 *   current language, from `i18n/en.ts` / `i18n/zh-CN.ts`.
 * - `chartLabel(value)`: a label value that came with the data (a tier, RFM segment, class, cleaning
 *   step, recommender or policy name) as the chart should *show* it. The data keep their canonical
 *   English values; only the drawn text is translated: first through the labels passed to
 *   `setChartLocale` (the open notebook's own translations), then through the known core labels.
 * - `labelTicks()`: scale options that draw a categorical scale's values through `chartLabel`
 *   (nothing at all in English, so English figures are byte-identical to before).
 *
 * The app calls `setChartLocale` when the UI language changes and then re-runs the cells whose
 * value is a chart; the sandbox, which has its own copy of this module, is sent the same setting.
 *
 * @example
 *   setChartLocale('zh-CN', { 'High value': '高价值' });
 *   chartText('tierShares.title');              // '各层级的用户与收入'
 *   chartText('histogram.threshold', { threshold: '0.50' }); // '阈值 0.50'
 *   chartLabel('Champions');                    // '重要价值客户'
 *   setChartLocale('en');
 *   chartLabel('Champions');                    // 'Champions'
 */
import { en, type ChartCatalogue, type ChartKey } from './i18n/en';
import { zhCN, zhCNLabelPatterns, zhCNLabels } from './i18n/zh-CN';

export type { ChartKey } from './i18n/en';

/** The languages charts can be drawn in. */
export const CHART_LOCALES = ['en', 'zh-CN'] as const;
export type ChartLocale = (typeof CHART_LOCALES)[number];

/** Values for `{name}` placeholders; numbers are printed as given (format them first). */
export type ChartParams = Record<string, string | number>;

interface LocaleData {
  catalogue: ChartCatalogue;
  labels: Readonly<Record<string, string>>;
  patterns: readonly (readonly [RegExp, string])[];
}

const DATA: Record<ChartLocale, LocaleData> = {
  en: { catalogue: en, labels: {}, patterns: [] },
  'zh-CN': { catalogue: zhCN, labels: zhCNLabels, patterns: zhCNLabelPatterns },
};

/** Known labels by lower-cased name, per locale (for the case-insensitive fallback). */
const LOWER = new Map<ChartLocale, Map<string, string>>();

const current: { locale: ChartLocale; labels: Map<string, string> } = { locale: 'en', labels: new Map() };

/** `'zh-CN'`, `'zh'`, `'zh-Hans'` → `'zh-CN'`; `'en'`, `'en-GB'` → `'en'`; anything else → null. */
export function normaliseChartLocale(value: string): ChartLocale | null {
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-cn') || v.startsWith('zh-hans') || v.startsWith('zh-sg')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

/**
 * Draw charts in `locale` from now on. `labels` (English → shown text) translate label values that
 * came with the data — usually the open notebook's own label translations — before the known core
 * labels are tried. Throws for a language charts do not have.
 */
export function setChartLocale(locale: string, labels: Readonly<Record<string, string>> = {}): void {
  const next = normaliseChartLocale(locale);
  if (!next) throw new Error(`unknown chart language \`${locale}\`: use one of ${CHART_LOCALES.join(', ')}`);
  current.locale = next;
  current.labels = new Map(Object.entries(labels));
}

/** The language charts are drawn in now. */
export function chartLocale(): ChartLocale {
  return current.locale;
}

/** The label translations given to `setChartLocale` (plain data, e.g. to send to the sandbox). */
export function chartLabels(): Record<string, string> {
  return Object.fromEntries(current.labels);
}

/** Fill `{name}` placeholders; a missing parameter leaves its placeholder visible. */
function fill(template: string, params: ChartParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    return v === undefined ? all : String(v);
  });
}

/**
 * A chart text in the current language (English when the catalogue has no text for the key).
 *
 * @example chartText('waterfall.ariaItem', { step: 'Cancelled orders', removed: '9,288', left: '532,621' })
 */
export function chartText(key: ChartKey, params?: ChartParams): string {
  const message = DATA[current.locale].catalogue[key] ?? en[key];
  return fill(message, params);
}

/**
 * A data label (tier, segment, class, step, model or policy name) as the chart shows it in the
 * current language: the notebook's translation, else the known core label (exact, then ignoring case
 * and surrounding spaces), else a known pattern ("39 weeks"), else the value itself. English: the value.
 */
export function chartLabel(value: string): string {
  const locale = current.locale;
  if (locale === 'en') return value;
  const own = current.labels.get(value);
  if (own !== undefined) return own;
  const data = DATA[locale];
  const known = data.labels[value];
  if (known !== undefined) return known;
  let lower = LOWER.get(locale);
  if (!lower) {
    lower = new Map(Object.entries(data.labels).map(([k, v]) => [k.toLowerCase(), v]));
    LOWER.set(locale, lower);
  }
  const folded = lower.get(value.trim().toLowerCase());
  if (folded !== undefined) return folded;
  for (const [pattern, template] of data.patterns) {
    const m = pattern.exec(value);
    if (m) return template.replace(/\{(\d)\}/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return value;
}

/**
 * Scale options that show a categorical scale's values through `chartLabel` (axis ticks, legend
 * swatches), leaving the values — and so the colours — canonical. Empty in English.
 *
 * @example Plot.plot({ fy: { domain: tiers, ...labelTicks() }, … })
 */
export function labelTicks(): { tickFormat?: (value: string) => string } {
  return current.locale === 'en' ? {} : { tickFormat: (value: string) => chartLabel(String(value)) };
}

/**
 * Items joined as a list in the current language: ", " in English, "、" in Chinese.
 *
 * @example joinList(['email', 'social']) // 'email, social'
 */
export function joinList(items: readonly string[]): string {
  return items.join(chartText('common.listSeparator'));
}

/** Clauses joined in a sentence: ", " in English, "，" in Chinese. */
export function joinClauses(items: readonly string[]): string {
  return items.join(chartText('common.clauseSeparator'));
}

/** Parts joined by semicolons: "; " in English, "；" in Chinese. */
export function joinParts(items: readonly string[]): string {
  return items.join(chartText('common.partSeparator'));
}

/** Whole sentences one after another: separated by a space in English, run together in Chinese. */
export function joinSentences(items: readonly string[]): string {
  return items.join(chartText('common.sentenceSeparator'));
}
