/**
 * The notebook model: what a notebook file says, nothing about how its cells last ran.
 *
 * @example
 *   const nb: Notebook = {
 *     meta: { title: 'Tiers', lang: 'en' },
 *     cells: [
 *       { id: 'c1', kind: 'markdown', source: '# Tiers', options: {} },
 *       { id: 'c2', kind: 'code', source: 'threshold = slider({min: 0, max: 1, value: 0.5})', options: {} },
 *       { id: 'fit', kind: 'code', source: 'model = train(orders, threshold)', options: { expensive: true, stage: 'model' } },
 *     ],
 *   };
 */
export type CellKind = 'markdown' | 'code';

/** One cell as written in the file. `options` keeps the info-string order (flags → `true`). */
export interface CellSpec {
  /** Stable id: `c<k>` (1-based position among all cells) unless the file gives `id=…`. */
  id: string;
  kind: CellKind;
  /** Code exactly as written; markdown with the blank lines that separate cells trimmed. */
  source: string;
  /** Info-string options after `js` (code cells); always `{}` for markdown cells. */
  options: Record<string, string | true>;
}

export interface Notebook {
  /** Front-matter `key: value` pairs in file order: title, id, dataset, lang, and any unknown keys. */
  meta: Record<string, string>;
  cells: CellSpec[];
}

/** The id a cell gets when the file does not name one: `c1`, `c2`, … by position among all cells. */
export function defaultCellId(index: number): string {
  return `c${index + 1}`;
}

/** Ids and option keys that the format can write without quoting: `model`, `fit-2`, `stage_a`. */
export const ID_PATTERN = /^[A-Za-z_][\w-]*$/;
