/**
 * Narrative translation files: the hash, the parser (with located errors), and the lookup rules —
 * a current translation is found by hash even after cells are renumbered; a changed English cell
 * shows the English with a stale mark; widget labels map English → translation.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { marked } from 'marked';
import { textHash, parseNarrative, NarrativeTranslator, coverage } from '../../src/ui/i18n/narrative';

const FILE = `---
notebook: demo
locale: zh-CN
---

<!-- labels -->
\`\`\`json
{ "Weight of recency": "近度权重", "High value": "高价值" }
\`\`\`

<!-- cell c1 ${textHash('# Hello')} -->
# 你好

<!-- cell c3 ${textHash('Old text')} -->
旧的译文
`;

describe('textHash', () => {
  test('is 32-bit FNV-1a over UTF-8 (published test vectors) and ignores CRLF', () => {
    expect(textHash('')).toBe('811c9dc5');
    expect(textHash('a')).toBe('e40c292c');
    expect(textHash('foobar')).toBe('bf9cf968');
    expect(textHash('a\r\nb')).toBe(textHash('a\nb'));
    expect(textHash('价值')).not.toBe(textHash('价格'));
  });
});

describe('parseNarrative', () => {
  test('reads front matter, labels and cells', () => {
    const tr = parseNarrative(FILE);
    expect(tr.notebook).toBe('demo');
    expect(tr.locale).toBe('zh-CN');
    expect(tr.labels).toEqual({ 'Weight of recency': '近度权重', 'High value': '高价值' });
    expect(tr.cells).toEqual([
      { id: 'c1', hash: textHash('# Hello'), text: '# 你好' },
      { id: 'c3', hash: textHash('Old text'), text: '旧的译文' },
    ]);
  });

  test('errors name the file and line', () => {
    expect(() => parseNarrative('<!-- cell c1 -->\nx', 'nb.md')).toThrow(/nb\.md, line 1: a cell marker must be/);
    expect(() => parseNarrative('a\n<!-- labels -->\n```json\n{"a": 1}\n```', 'nb.md')).toThrow(/nb\.md, line 3: the labels block must be an object of strings/);
    expect(() => parseNarrative('<!-- labels -->\n```json\n{oops}\n```', 'nb.md')).toThrow(/nb\.md, line 2: the labels block is not valid JSON/);
    expect(() => parseNarrative('<!-- cell c1 811c9dc5 -->\nx\n<!-- cell c1 811c9dc5 -->\ny', 'nb.md')).toThrow(/line 3: cell `c1` is translated twice \(first on line 1\)/);
    expect(() => parseNarrative('---\nnotebook: x\n', 'nb.md')).toThrow(/never closed/);
  });
});

describe('NarrativeTranslator', () => {
  const tr = new NarrativeTranslator(parseNarrative(FILE));

  test('a current translation is shown, also when the cell has a new id', () => {
    expect(tr.markdown('c1', '# Hello')).toEqual({ source: '# 你好', state: 'translated' });
    expect(tr.markdown('c7', '# Hello')).toEqual({ source: '# 你好', state: 'translated' });
  });

  test('a changed English cell shows the English, marked stale; an untranslated one shows the English', () => {
    expect(tr.markdown('c3', 'New text')).toEqual({ source: 'New text', state: 'stale' });
    expect(tr.markdown('c9', 'Never translated')).toEqual({ source: 'Never translated', state: 'missing' });
  });

  test('labels map English to the translation and leave the rest', () => {
    expect(tr.label('Weight of recency')).toBe('近度权重');
    expect(tr.label('Something else')).toBe('Something else');
    expect(new NarrativeTranslator(null).label('High value')).toBe('High value');
  });

  test('coverage counts translated, stale and missing cells, and orphaned entries', () => {
    const nb = '---\nid: demo\n---\n\n# Hello\n\n```js\nx = 1\n```\n\nNew text\n\n```js\ny = 2\n```\n\nMore\n';
    const r = coverage(nb, parseNarrative(FILE), 'zh-CN');
    expect(r.total).toBe(3);
    expect(r.translated).toBe(1);
    expect(r.stale.map((s) => s.id)).toEqual(['c3']);
    expect(r.missing.map((s) => s.id)).toEqual(['c5']);
    expect(r.orphans).toEqual([`c3 ${textHash('Old text')}`]);
  });
});

describe('shipped translation files', () => {
  const root = 'notebooks/i18n';
  const files = existsSync(root) ? readdirSync(root).flatMap((lang) => readdirSync(`${root}/${lang}`).map((f) => `${root}/${lang}/${f}`)) : [];

  test('there is at least one, and each parses and names its notebook and locale', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const tr = parseNarrative(readFileSync(f, 'utf8'), f);
      expect(tr.locale, f).toBe(f.split('/')[2]);
      expect(existsSync(`notebooks/${tr.notebook}.md`), f).toBe(true);
    }
  });

  test('every translated cell renders as Markdown without stray emphasis markers', () => {
    for (const f of files) {
      for (const c of parseNarrative(readFileSync(f, 'utf8'), f).cells) {
        // Math and code spans are not Markdown; take them out first.
        const text = c.text.replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+\$|`[^`\n]*`/g, 'M');
        const html = marked.parse(text, { async: false }) as string;
        const visible = html.replace(/<[^>]+>/g, '');
        expect(visible.match(/.{0,12}\*.{0,12}/g), `${f} ${c.id}`).toBeNull();
      }
    }
  });
});
