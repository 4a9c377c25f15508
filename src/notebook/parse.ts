import { DataError } from '../core/errors';
import { parseInfo } from './info';
import { defaultCellId, type CellSpec, type Notebook } from './types';

/**
 * Parse a notebook file (Markdown with front matter and ```` ```js ```` code cells).
 *
 * The format, line by line (line endings are normalised to `\n`):
 * - Front matter: the first line is `---`, then `key: value` lines (blank lines and `# comments`
 *   ignored; a value may be a JSON string `"…"`), closed by `---`. Unknown keys are kept.
 * - A code cell is a fence that starts at column 0 (```` ``` ```` or `~~~`, 3 or more) whose info
 *   string's first word is exactly `js` (so ```` ```json ```` is not one); it ends at a line holding
 *   only the same fence character, at least as many. The code between is kept byte for byte.
 * - Everything else is markdown. A markdown region is split into cells by lines that hold only
 *   `<!-- cell -->` (or `<!-- cell id=name -->`, which also names the next cell). Fences of other
 *   languages (```` ```python ````) are markdown content; markers inside them do not count.
 * - Blank lines at the start and end of each markdown cell are trimmed (they separate cells); all
 *   other markdown text is kept exactly. A region that is only blank lines makes no cell; a marker
 *   always makes a cell (possibly empty).
 * - Ids: `id=…` in the info string or marker, else `c<k>` for the k-th cell (1-based, all kinds).
 *
 * Throws a DataError (row = 1-based line) for an unclosed code cell, a bad front-matter line, or a
 * duplicate id.
 *
 * @example
 *   parseNotebook('---\ntitle: Tiers\n---\n\n# Hello\n\n```js expensive\nx = 1\n```\n')
 *   // { meta: { title: 'Tiers' }, cells: [
 *   //   { id: 'c1', kind: 'markdown', source: '# Hello', options: {} },
 *   //   { id: 'c2', kind: 'code', source: 'x = 1', options: { expensive: true } } ] }
 */
export function parseNotebook(text: string, options: { file?: string } = {}): Notebook {
  const file = options.file ?? 'notebook.md';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();

  const meta: Record<string, string> = {};
  let i = 0;
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close > 0) {
      for (let k = 1; k < close; k++) parseMetaLine(lines[k], k + 1, meta, file);
      i = close + 1;
    }
  }

  const raw: { kind: 'markdown' | 'code'; id?: string; source: string; options: Record<string, string | true>; line: number }[] = [];
  // The markdown segment being collected: its lines, whether a marker opened it, its marker id.
  let seg: string[] = [];
  let segMarked = false;
  let segId: string | undefined;
  let segLine = i + 1;
  const flushSegment = () => {
    let a = 0;
    let b = seg.length;
    while (a < b && seg[a].trim() === '') a++;
    while (b > a && seg[b - 1].trim() === '') b--;
    if (segMarked || b > a) raw.push({ kind: 'markdown', id: segId, source: seg.slice(a, b).join('\n'), options: {}, line: segLine + a });
    seg = [];
    segMarked = false;
    segId = undefined;
  };

  let mdFence: { char: string; len: number } | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (mdFence) {
      seg.push(line);
      if (closesFence(line, mdFence)) mdFence = null;
      continue;
    }
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      const fence = { char: open[2][0], len: open[2].length };
      const info = parseInfo(open[3]);
      if (open[1] === '' && info.lang === 'js') {
        flushSegment();
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !closesFence(lines[i], fence); i++) body.push(lines[i]);
        if (i >= lines.length) {
          throw new DataError({ file, row: start + 1, problem: `code cell opened with ${open[2]}js is never closed`, expected: `a line with only ${open[2]}` });
        }
        raw.push({ kind: 'code', id: info.id, source: body.join('\n'), options: info.options, line: start + 1 });
        segLine = i + 2;
        continue;
      }
      mdFence = fence;
      seg.push(line);
      continue;
    }
    const marker = /^<!--\s*cell(?:\s+id=(\S+?))?\s*-->\s*$/.exec(line);
    if (marker) {
      flushSegment();
      segMarked = true;
      segId = marker[1];
      segLine = i + 2;
      continue;
    }
    seg.push(line);
  }
  flushSegment();

  const seen = new Map<string, number>();
  const cells: CellSpec[] = raw.map((c, k) => {
    const id = c.id ?? defaultCellId(k);
    if (seen.has(id)) {
      throw new DataError({ file, row: c.line, problem: `cell id \`${id}\` is used twice (first on line ${seen.get(id)})`, expected: 'unique cell ids' });
    }
    seen.set(id, c.line);
    return { id, kind: c.kind, source: c.source, options: c.options };
  });
  return { meta, cells };
}

function closesFence(line: string, fence: { char: string; len: number }): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1][0] === fence.char && m[1].length >= fence.len;
}

function parseMetaLine(line: string, lineNo: number, meta: Record<string, string>, file: string): void {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return;
  const m = /^([^:\s][^:]*?)\s*:(.*)$/.exec(line);
  if (!m) throw new DataError({ file, row: lineNo, value: line, problem: 'is not a front-matter line', expected: 'key: value' });
  let value = m[2].trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') value = parsed;
    } catch {
      /* keep verbatim */
    }
  }
  meta[m[1]] = value;
}
