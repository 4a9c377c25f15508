/**
 * Which Markdown cells and widget labels of each shipped notebook lack an up-to-date translation.
 * Prints a report for every notebook and locale; fails for the notebooks in `TRANSLATED` (those
 * whose translation is complete and must stay so). To fix a failure: translate the English cell and
 * use the printed id and hash in its `<!-- cell ID HASH -->` marker in notebooks/i18n/<locale>/<id>.md.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseNotebook } from '../../src/notebook';
import { coverage, parseNarrative, NarrativeTranslator } from '../../src/ui/i18n/narrative';

const LOCALES = ['zh-CN'];
/** Notebooks whose translation is complete: a missing or stale cell or label fails the suite. */
const TRANSLATED = new Set(['value-tiering', 'purchase-intent', 'synthetic-shop', 'recommendations', 'clv', 'ad-strategy', 'ab-testing', 'big-data']);

const notebooks = readdirSync('notebooks')
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(`notebooks/${f}`, 'utf8');
    return { file: `notebooks/${f}`, id: parseNotebook(text).meta.id ?? f.replace(/\.md$/, ''), text };
  });

/** Labels the notebook's code shows: widget `label:` strings, option labels and the title. */
function labelsOf(text: string): string[] {
  const nb = parseNotebook(text);
  const out = new Set<string>();
  if (nb.meta.title) out.add(nb.meta.title);
  for (const c of nb.cells) {
    if (c.kind !== 'code') continue;
    for (const m of c.source.matchAll(/\blabel:\s*"((?:[^"\\]|\\.)*)"/g)) out.add(JSON.parse(`"${m[1]}"`));
  }
  return [...out];
}

describe.each(LOCALES)('narrative translations (%s)', (locale) => {
  test.each(notebooks.map((n) => [n.id, n] as const))('%s', (_id, nb) => {
    const path = `notebooks/i18n/${locale}/${nb.id}.md`;
    const translation = existsSync(path) ? parseNarrative(readFileSync(path, 'utf8'), path) : null;
    const report = coverage(nb.text, translation, locale);
    const tr = new NarrativeTranslator(translation);
    const labels = labelsOf(nb.text).filter((l) => !tr.hasLabel(l));
    const lines = [
      `[i18n] ${locale} ${nb.id}: ${report.translated}/${report.total} Markdown cells translated` +
        `, ${report.stale.length} stale, ${report.missing.length} missing, ${labels.length} labels untranslated` +
        (translation ? '' : ` (no ${path})`),
      ...report.stale.map((c) => `  stale    <!-- cell ${c.id} ${c.hash} -->  ${c.english}`),
      ...(TRANSLATED.has(nb.id) ? report.missing.map((c) => `  missing  <!-- cell ${c.id} ${c.hash} -->  ${c.english}`) : []),
      ...(TRANSLATED.has(nb.id) ? labels.map((l) => `  label    ${JSON.stringify(l)}`) : []),
      ...report.orphans.map((o) => `  orphan   ${o} (matches no cell any more)`),
    ];
    console.log(lines.join('\n'));
    if (TRANSLATED.has(nb.id)) {
      expect(translation, `${path} is missing`).not.toBeNull();
      expect(report.stale, `${nb.id}: stale translations`).toEqual([]);
      expect(report.missing, `${nb.id}: untranslated cells`).toEqual([]);
      expect(labels, `${nb.id}: untranslated labels`).toEqual([]);
    }
  });
});
