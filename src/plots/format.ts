/**
 * Number formats shared by the charts (en-US grouping, so the same figure renders the same text
 * everywhere).
 *
 * @example
 *   formatCount(541909);      // "541,909"
 *   formatPercent(0.4237);    // "42.4%"
 *   formatMoney(1234.5, '£'); // "£1,235"
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Integer with thousands separators; default rounding to whole numbers. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A fraction in [0, 1] as a percentage with `digits` decimals (default 1). */
export function formatPercent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** Money with a currency symbol (default "£"), whole units below 10,000, else with k/M suffix. */
export function formatMoney(x: number, currency = '£'): string {
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (a >= 1e6) return `${sign}${currency}${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${sign}${currency}${(a / 1e3).toFixed(1)}k`;
  return `${sign}${currency}${COUNT.format(a)}`;
}

/** Compact count for axes: 0, 950, 12k, 1.2M. */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
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
