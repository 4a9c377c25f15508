/**
 * The shared, calm palette of every Tierbook chart: ink and grid greys, the two true classes of the
 * purchase model, a sequential scheme for heatmaps, and tier colours that stay the same for the same
 * tier name in every chart.
 *
 * @example
 *   tierColor('High value');   // "#2f6690" — the same in the shares, delivery and segment charts
 *   tierColor('Champions');    // "#2f6690"
 *   tierColor('My own tier');  // one of CATEGORICAL, picked by a hash of the name (stable across runs)
 */

/** Text and axis colour. */
export const INK = '#1f2933';
/** Secondary text (captions, labels on light marks). */
export const MUTED = '#5f6b7a';
/** Light rules and connectors. */
export const GRID = '#d5dae1';
/** A falling / removed amount (waterfall), and the decision threshold rule. */
export const ACCENT = '#b5525c';
/** Colour of a single-series chart (loss curve, recommendation scores). */
export const PRIMARY = '#3a6ea5';
/** A light, opaque tint of PRIMARY (box fills, so rules behind them stay hidden). */
export const PRIMARY_LIGHT = '#c4d4e6';

/** True-class colours of the purchase model: label 1 and label 0. */
export const CLASS_COLORS = { bought: '#3a6ea5', notBought: '#c3cad4' } as const;
/**
 * Class names in stacking order (bottom first): the legend's values, shown through `chartLabel`
 * (so "did not buy" reads "未购买" in Chinese while the colours stay keyed by these names).
 */
export const CLASS_NAMES = ['did not buy', 'bought'] as const;

/** Plot colour scheme for sequential values (counts, probabilities, shares). */
export const SEQUENTIAL_SCHEME = 'blues';

/**
 * Ten muted categorical colours (a desaturated "deep" set) used for tier names the palette does not know.
 */
export const CATEGORICAL: readonly string[] = [
  '#4c72b0',
  '#55a868',
  '#c44e52',
  '#8172b3',
  '#ccb974',
  '#64b5cd',
  '#dd8452',
  '#937860',
  '#da8bc3',
  '#8c8c8c',
];

/**
 * Known tier and RFM-segment names (lower case) → colour. Value tiers run from deep blue (most valuable)
 * through green and sand to grey (least engaged), so "high" always reads darker than "low".
 */
const KNOWN: Record<string, string> = {
  // value tiers (thresholdTiers defaults and common variants)
  'high value': '#2f6690',
  high: '#2f6690',
  vip: '#2f6690',
  platinum: '#2f6690',
  'medium value': '#6b9f7a',
  medium: '#6b9f7a',
  mid: '#6b9f7a',
  gold: '#c9a24a',
  silver: '#8d99a6',
  bronze: '#a9745b',
  'low value': '#c9b38a',
  low: '#c9b38a',
  // standard R×F segments
  champions: '#2f6690',
  loyal: '#4f86b8',
  'loyal customers': '#4f86b8',
  'potential loyalist': '#6b9f7a',
  new: '#8cc0a0',
  'new customers': '#8cc0a0',
  promising: '#a9cfa9',
  'need attention': '#d9b45f',
  'about to sleep': '#e3c98f',
  'at risk': '#c0605f',
  "can't lose": '#9c3d46',
  'cannot lose': '#9c3d46',
  hibernating: '#a7adb5',
  lost: '#7d848d',
};

/** FNV-1a 32-bit hash of a string (deterministic across runs and platforms). */
function hash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Colour of a tier (or RFM segment) by name: a fixed colour for known names (case-insensitive,
 * trimmed), else a CATEGORICAL colour picked by a hash of the name — stable, but two unknown names
 * may share a colour.
 *
 * @example
 *   tierColor('low value'); // "#c9b38a"
 */
export function tierColor(name: string): string {
  const key = name.trim().toLowerCase();
  return KNOWN[key] ?? CATEGORICAL[hash(key) % CATEGORICAL.length];
}

/**
 * A Plot colour scale for the given tier names: `{domain, range}` with `range[i] = tierColor(domain[i])`.
 *
 * @example
 *   Plot.plot({color: tierScale(['High value', 'Low value']), marks: […]});
 */
export function tierScale(names: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...names], range: names.map(tierColor) };
}
