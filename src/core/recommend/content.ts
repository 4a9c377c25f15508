/**
 * Content-based recommender: items described by the words of their name, their category and their
 * price band; a customer's profile is the rating-weighted sum of what they bought.
 */
import type { Interactions } from './interactions';

export interface ContentOptions {
  /** Number of price bands (quantiles of the items' mean unit price). Default 5. */
  priceBands?: number;
}

export interface ContentModel {
  kind: 'content';
  /** Item × token matrix, rows L2-normalised TF-IDF: `tok[start[i]..start[i+1])`, weights `w[…]`. */
  start: Int32Array;
  tok: Int32Array;
  w: Float64Array;
  /** Token strings (`word`, `category:X`, `price:3/5`). */
  tokens: string[];
}

const STOP = new Set(['and', 'the', 'for', 'with', 'set', 'of', 'in', 'a', 'an', 'to', 'on']);

/** Lower-case words of 2+ letters of an item name, stop words removed, each once, in order. */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const m of name.toLowerCase().matchAll(/[\p{L}]{2,}/gu)) if (!STOP.has(m[0]) && !out.includes(m[0])) out.push(m[0]);
  return out;
}

/**
 * Build item vectors: tokens = words of the item name (when it differs from the id), `category:<c>` and
 * `price:<b>/<B>` (b = the item's band among B quantile bands of mean unit price, 1 = cheapest).
 * Weight of a token in an item = idf = ln(N / df) (N items, df items with the token), each row then
 * L2-normalised; an item's similarity to another is the dot product of their rows (cosine).
 * A customer's score for item j = cos(Σ_{i∈I_u} r_ui v_i, v_j). Default priceBands 5.
 * Throws when no item has any content (a plain ratings file): use another model there.
 *
 * @example
 *   const content = trainContent(train); // items of Online Retail described by their Description words
 */
export function trainContent(train: Interactions, opts: ContentOptions = {}): ContentModel {
  const bands = opts.priceBands ?? 5;
  const nI = train.items.length;
  const priced: number[] = [];
  for (let i = 0; i < nI; i++) if (Number.isFinite(train.itemPrice[i])) priced.push(train.itemPrice[i]);
  priced.sort((a, b) => a - b);
  const band = (p: number): number => {
    // 1 + number of band edges (quantiles q/B, q = 1..B-1) at or below p
    let b = 1;
    for (let q = 1; q < bands; q++) if (p >= priced[Math.min(priced.length - 1, Math.floor((q * priced.length) / bands))]) b++;
    return b;
  };
  const index = new Map<string, number>();
  const tokens: string[] = [];
  const rows: number[][] = [];
  const df: number[] = [];
  for (let i = 0; i < nI; i++) {
    const words = train.itemNames[i] !== train.items[i] ? nameTokens(train.itemNames[i]) : [];
    if (train.itemCategory[i]) words.push(`category:${train.itemCategory[i]}`);
    if (Number.isFinite(train.itemPrice[i]) && priced.length > 0) words.push(`price:${band(train.itemPrice[i])}/${bands}`);
    const row: number[] = [];
    for (const w of words) {
      let t = index.get(w);
      if (t === undefined) {
        t = tokens.length;
        index.set(w, t);
        tokens.push(w);
        df.push(0);
      }
      df[t]++;
      row.push(t);
    }
    rows.push(row.sort((a, b) => a - b));
  }
  if (tokens.length === 0) {
    throw new Error(`content: the items of ${train.source} have no names, categories or prices to describe them; choose another model (mf, als, itemknn, popularity)`);
  }
  const start = new Int32Array(nI + 1);
  const tok: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < nI; i++) {
    const idf = rows[i].map((t) => Math.log(nI / df[t]));
    const norm = Math.sqrt(idf.reduce((s, v) => s + v * v, 0));
    rows[i].forEach((t, q) => {
      if (norm > 0 && idf[q] > 0) {
        tok.push(t);
        w.push(idf[q] / norm);
      }
    });
    start[i + 1] = tok.length;
  }
  return { kind: 'content', start, tok: Int32Array.from(tok), w: Float64Array.from(w), tokens };
}
