/**
 * Number formats shared by the charts, in the chart language (`./locale`): English keeps en-US
 * grouping and k/M suffixes (so the same figure renders the same text everywhere); Chinese groups
 * the same way but counts large numbers in 万 (10⁴) and 亿 (10⁸).
 *
 * @example
 *   formatCount(541909);      // "541,909"
 *   formatPercent(0.4237);    // "42.4%"
 *   formatMoney(1234.5, '£'); // "£1,235"
 *   formatCompact(12000);     // "12k"  (zh-CN: "1.2万")
 */
import { chartLocale } from './locale';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COUNT_ZH = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Integer with thousands separators; default rounding to whole numbers. */
export function formatCount(n: number): string {
  return (chartLocale() === 'zh-CN' ? COUNT_ZH : COUNT).format(n);
}

/** A fraction in [0, 1] as a percentage with `digits` decimals (default 1). */
export function formatPercent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** `a` (≥ 0) in 万 / 亿 with one decimal, or null below 10⁴. */
function chineseUnits(a: number): string | null {
  if (a >= 1e8) return `${+(a / 1e8).toFixed(1)}亿`;
  if (a >= 1e4) return `${+(a / 1e4).toFixed(1)}万`;
  return null;
}

/**
 * Money with a currency symbol (default "£"), whole units below 10,000, else with k/M suffix
 * (Chinese: 万/亿).
 */
export function formatMoney(x: number, currency = '£'): string {
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (chartLocale() === 'zh-CN') return `${sign}${currency}${chineseUnits(a) ?? COUNT_ZH.format(a)}`;
  if (a >= 1e6) return `${sign}${currency}${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${sign}${currency}${(a / 1e3).toFixed(1)}k`;
  return `${sign}${currency}${COUNT.format(a)}`;
}

/** Compact count for axes: 0, 950, 12k, 1.2M (Chinese: 0, 950, 1,200, 1.2万, 120万). */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  if (chartLocale() === 'zh-CN') {
    const units = chineseUnits(a);
    if (units) return `${n < 0 ? '-' : ''}${units}`;
    return a >= 1e3 ? COUNT_ZH.format(n) : `${+n.toFixed(2)}`;
  }
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return `${+n.toFixed(2)}`;
}

/** Clip a label to `max` characters (default 28) with an ellipsis. */
export function clipLabel(s: string, max = 28): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Tick format for a count axis whose largest value is `max`: grouped digits below 10,000 ("1,000"),
 * compact above ("250k"), so one axis never mixes "800" with "1k".
 */
export function countTicks(max: number): (n: number) => string {
  return Math.abs(max) >= 1e4 ? formatCompact : formatCount;
}
