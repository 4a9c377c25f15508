import { formatInfo } from './info';
import { defaultCellId, ID_PATTERN, type Notebook } from './types';

/**
 * Write a notebook as canonical text: front matter (when there is meta), then the cells separated
 * by one blank line, ending with a newline. `parseNotebook(serializeNotebook(nb))` deep-equals `nb`
 * for every notebook the format can hold, and `serializeNotebook(parseNotebook(text)) === text`
 * when `text` is canonical.
 *
 * What the format can hold: ids unique and (for markdown cells) matching ID_PATTERN; option keys
 * matching OPTION_KEY; meta keys without `:` or line breaks; markdown sources without leading or
 * trailing blank lines, without `<!-- cell -->` lines and ```` ```js ```` fences of their own, and with
 * their other fences closed. Code sources may contain anything (the fence grows past any ```` ``` ```` run).
 * An id is written only when it differs from the default `c<k>`; a markdown cell gets a
 * `<!-- cell -->` marker line when it follows another markdown cell, is empty, or has its own id.
 *
 * @example
 *   serializeNotebook({ meta: { title: 'Tiers' }, cells: [
 *     { id: 'c1', kind: 'markdown', source: '# Hello', options: {} },
 *     { id: 'fit', kind: 'code', source: 'x = 1', options: { expensive: true } } ] })
 *   // '---\ntitle: Tiers\n---\n\n# Hello\n\n```js id=fit expensive\nx = 1\n```\n'
 */
export function serializeNotebook(nb: Notebook): string {
  const blocks: string[] = [];
  const metaEntries = Object.entries(nb.meta);
  const first = nb.cells[0];
  const needsFrontMatter =
    metaEntries.length > 0 || (first !== undefined && first.kind === 'markdown' && first.source.split('\n', 1)[0] === '---');
  if (needsFrontMatter) {
    const lines = ['---'];
    for (const [key, value] of metaEntries) {
      if (!/^[^:\s#][^:\n]*$/.test(key) || key !== key.trim()) throw new Error(`front-matter key \`${key}\` cannot be written`);
      const needsQuotes = value === '' || value !== value.trim() || value.startsWith('"') || /[\r\n]/.test(value);
      lines.push(`${key}: ${needsQuotes ? JSON.stringify(value) : value}`);
    }
    lines.push('---');
    blocks.push(lines.join('\n'));
  }

  nb.cells.forEach((cell, k) => {
    const explicitId = cell.id === defaultCellId(k) ? undefined : cell.id;
    if (cell.kind === 'code') {
      const fence = '`'.repeat(Math.max(3, longestClosingRun(cell.source) + 1));
      const body = cell.source === '' ? '' : `${cell.source}\n`;
      blocks.push(`${fence}${formatInfo(explicitId, cell.options)}\n${body}${fence}`);
      return;
    }
    const prev = nb.cells[k - 1];
    if (explicitId !== undefined && !ID_PATTERN.test(explicitId)) {
      throw new Error(`markdown cell id \`${explicitId}\` cannot be written (expected ${ID_PATTERN})`);
    }
    const marked = cell.source === '' || explicitId !== undefined || (prev !== undefined && prev.kind === 'markdown');
    const marker = explicitId === undefined ? '<!-- cell -->' : `<!-- cell id=${explicitId} -->`;
    if (!marked) blocks.push(cell.source);
    else blocks.push(cell.source === '' ? marker : `${marker}\n\n${cell.source}`);
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** Longest run of backticks that would close a fence inside `source` (0 when none). */
function longestClosingRun(source: string): number {
  let longest = 0;
  for (const line of source.split('\n')) {
    const m = /^ {0,3}(`{3,})[ \t]*$/.exec(line);
    if (m && m[1].length > longest) longest = m[1].length;
  }
  return longest;
}
