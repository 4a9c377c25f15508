/**
 * Locale-aware display of cell values (tables, inspector), in the UI's current language
 * (`i18n/locale.svelte.ts`): numbers grouped and with at most 4 decimals, timestamps in UTC
 * (English: ISO `2011-12-09 12:50`; zh-CN: `2011/12/09 12:50`). Reading the locale here makes a
 * component that calls `formatValue` re-render when the language changes.
 *
 * @example
 *   formatValue(541909)   // '541,909'
 *   formatValue(null)     // '∅'
 */
import { locale } from './i18n/locale.svelte';
import { formatDate, formatNumber } from './i18n/messages';

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'number') return formatNumber(v, locale.value);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return formatDate(v, locale.value);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}
