/**
 * Translations of a notebook's narrative — its Markdown cells, title, widget labels and the tier
 * names that appear in its code — kept next to the notebook, never inside it: the notebook file
 * stays the single English source, and every edit goes to it.
 *
 * ## The translation file
 * `notebooks/i18n/<locale>/<notebook-id>.md`, e.g. `notebooks/i18n/zh-CN/value-tiering.md`:
 *
 * ````md
 * ---
 * notebook: value-tiering
 * locale: zh-CN
 * ---
 *
 * <!-- labels -->
 * ```json
 * {
 *   "Customer value tiering and precision marketing": "用户价值分层与精准营销",
 *   "Weight of recency": "近度权重 (R)",
 *   "High value": "高价值"
 * }
 * ```
 *
 * <!-- cell c1 3f1a9c2e -->
 * # 用户价值分层与精准营销
 *
 * <!-- cell c3 0b77d1a4 -->
 * 所有数据都只保留在本浏览器中……
 * ````
 *
 * - Front matter: `notebook` (the notebook's id) and `locale`.
 * - `<!-- labels -->` followed by a ```` ```json ```` block: an object from English text to its
 *   translation. It covers the notebook's title, widget labels, select-option labels and names that
 *   code puts into tables or charts (tier names); an English string without an entry stays English.
 * - `<!-- cell ID HASH -->` starts the translation of the Markdown cell `ID` of the English notebook
 *   (ids as `parseNotebook` gives them: `c<k>` or an explicit `<!-- cell id=… -->`); `HASH` is
 *   `textHash` of that cell's English source *when it was translated*. The translation runs to the
 *   next marker; surrounding blank lines are trimmed.
 *
 * ## Lookup
 * For a Markdown cell with English source `s`: an entry whose hash is `textHash(s)` is current and
 * is shown (matching by hash first means inserting a cell — which renumbers the `c<k>` ids — does not
 * orphan translations); otherwise, an entry with the cell's id but another hash is **stale**: the
 * English is shown with a "translation out of date" note. No entry: the English, no note.
 *
 * ## Keeping translations up to date
 * `test/ui/narrativeCoverage.test.ts` lists, for every shipped notebook and locale, the Markdown
 * cells without a current translation (id, hash and first line of the English) and fails for
 * notebooks in its `TRANSLATED` set. To update a stale cell: translate the new English and put the
 * printed hash in its marker.
 */
import { parseNotebook } from '../../notebook';

export interface NarrativeEntry {
  /** The English cell id when this was translated. */
  id: string;
  /** `textHash` of the English source when this was translated. */
  hash: string;
  /** The translated Markdown. */
  text: string;
}

export interface NarrativeTranslation {
  notebook: string;
  locale: string;
  labels: Record<string, string>;
  cells: NarrativeEntry[];
}

/** What to show for one Markdown cell. */
export interface TranslatedMarkdown {
  source: string;
  /** 'translated': the translation; 'stale': the English, its translation is out of date; 'missing': the English. */
  state: 'translated' | 'stale' | 'missing';
}

/**
 * 32-bit FNV-1a over the UTF-8 bytes of `text` (line endings normalised to `\n`), as 8 hex digits.
 *
 * @example
 *   textHash('') // '811c9dc5'
 */
export function textHash(text: string): string {
  const bytes = new TextEncoder().encode(text.replace(/\r\n?/g, '\n'));
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const CELL_MARKER = /^<!--\s*cell\s+(\S+)\s+([0-9a-f]{8})\s*-->\s*$/;
const LABELS_MARKER = /^<!--\s*labels\s*-->\s*$/;

/**
 * Parse a translation file (format above). Throws an Error naming `file` and the 1-based line for a
 * malformed labels block, a marker without a hash, or a cell id used twice.
 *
 * @example
 *   parseNarrative('---\nnotebook: nb\nlocale: zh-CN\n---\n<!-- cell c1 811c9dc5 -->\n标题\n').cells
 *   // [{ id: 'c1', hash: '811c9dc5', text: '标题' }]
 */
export function parseNarrative(text: string, file = 'translation.md'): NarrativeTranslation {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 0) throw new Error(`${file}, line 1: front matter is never closed with ---`);
    for (let k = 1; k < close; k++) {
      const m = /^(\w[\w-]*)\s*:\s*(.*)$/.exec(lines[k]);
      if (m) meta[m[1]] = m[2].trim();
      else if (lines[k].trim() !== '') throw new Error(`${file}, line ${k + 1}: expected \`key: value\` in the front matter, got \`${lines[k]}\``);
    }
    i = close + 1;
  }
  const out: NarrativeTranslation = { notebook: meta.notebook ?? '', locale: meta.locale ?? '', labels: {}, cells: [] };
  const seen = new Map<string, number>();
  let current: { id: string; hash: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    out.cells.push({ id: current.id, hash: current.hash, text: current.lines.join('\n').trim() });
    current = null;
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    const cell = CELL_MARKER.exec(line);
    if (cell) {
      flush();
      if (seen.has(cell[1])) throw new Error(`${file}, line ${i + 1}: cell \`${cell[1]}\` is translated twice (first on line ${seen.get(cell[1])})`);
      seen.set(cell[1], i + 1);
      current = { id: cell[1], hash: cell[2], lines: [] };
      continue;
    }
    if (/^<!--\s*cell\b/.test(line)) throw new Error(`${file}, line ${i + 1}: a cell marker must be \`<!-- cell ID HASH -->\` with an 8-hex-digit hash, got \`${line}\``);
    if (LABELS_MARKER.test(line)) {
      flush();
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      if (!/^```json\s*$/.test(lines[j] ?? '')) throw new Error(`${file}, line ${i + 1}: <!-- labels --> must be followed by a \`\`\`json block`);
      const end = lines.indexOf('```', j + 1);
      if (end < 0) throw new Error(`${file}, line ${j + 1}: the labels block is never closed with \`\`\``);
      let labels: unknown;
      try {
        labels = JSON.parse(lines.slice(j + 1, end).join('\n'));
      } catch (e) {
        throw new Error(`${file}, line ${j + 1}: the labels block is not valid JSON (${(e as Error).message})`);
      }
      if (!labels || typeof labels !== 'object' || Array.isArray(labels) || Object.values(labels).some((v) => typeof v !== 'string')) {
        throw new Error(`${file}, line ${j + 1}: the labels block must be an object of strings {"English": "translation"}`);
      }
      Object.assign(out.labels, labels);
      i = end;
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return out;
}

/**
 * Looks up translations for one notebook in one locale. With no translation file (or in English)
 * every method returns the English it is given.
 */
export class NarrativeTranslator {
  readonly #byHash = new Map<string, NarrativeEntry>();
  readonly #byId = new Map<string, NarrativeEntry>();
  readonly #labels: Map<string, string>;

  constructor(translation: NarrativeTranslation | null) {
    for (const e of translation?.cells ?? []) {
      if (!this.#byHash.has(e.hash)) this.#byHash.set(e.hash, e);
      this.#byId.set(e.id, e);
    }
    this.#labels = new Map(Object.entries(translation?.labels ?? {}));
  }

  /** What to show for the Markdown cell `id` whose English source is `source`. */
  markdown(id: string, source: string): TranslatedMarkdown {
    const hit = this.#byHash.get(textHash(source));
    if (hit) return { source: hit.text, state: 'translated' };
    if (this.#byId.has(id) && source.trim() !== '') return { source, state: 'stale' };
    return { source, state: 'missing' };
  }

  /** A widget label, option label, title or name in code: its translation, or the English. */
  label(english: string): string {
    return this.#labels.get(english) ?? english;
  }

  /** Every label translation (English → shown text), as a fresh object. */
  labels(): Record<string, string> {
    return Object.fromEntries(this.#labels);
  }

  /** Whether `english` has a label translation. */
  hasLabel(english: string): boolean {
    return this.#labels.has(english);
  }
}

export interface CoverageReport {
  notebook: string;
  locale: string;
  /** Markdown cells with text (empty cells need no translation). */
  total: number;
  translated: number;
  /** Cells whose translation is out of date or absent: id, current hash, first line of the English. */
  stale: { id: string; hash: string; english: string }[];
  missing: { id: string; hash: string; english: string }[];
  /** Entries of the translation file that match no cell (left over from older English). */
  orphans: string[];
}

/**
 * Which Markdown cells of `notebookText` have a current translation in `translation`.
 *
 * @example
 *   coverage(readFileSync('notebooks/value-tiering.md', 'utf8'), parseNarrative(zh), 'zh-CN').missing // []
 */
export function coverage(notebookText: string, translation: NarrativeTranslation | null, locale: string): CoverageReport {
  const nb = parseNotebook(notebookText);
  const tr = new NarrativeTranslator(translation);
  const report: CoverageReport = { notebook: nb.meta.id ?? '', locale, total: 0, translated: 0, stale: [], missing: [], orphans: [] };
  const used = new Set<string>();
  for (const cell of nb.cells) {
    if (cell.kind !== 'markdown' || cell.source.trim() === '') continue;
    report.total++;
    const hash = textHash(cell.source);
    const r = tr.markdown(cell.id, cell.source);
    const row = { id: cell.id, hash, english: cell.source.split('\n')[0].slice(0, 80) };
    if (r.state === 'translated') {
      report.translated++;
      used.add(hash);
    } else if (r.state === 'stale') report.stale.push(row);
    else report.missing.push(row);
  }
  for (const e of translation?.cells ?? []) if (!used.has(e.hash)) report.orphans.push(`${e.id} ${e.hash}`);
  return report;
}
