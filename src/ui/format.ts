/** Locale-aware display of cell values (tables, inspector). */
const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const INTEGER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? INTEGER.format(v) : NUMBER.format(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}
