/**
 * The headless runner: the same runtime and notebooks as the browser, in Node.
 *
 *   npm run tierbook -- run notebooks/value-tiering.md --set threshold=0.6 --out out
 *
 * Writes each named table as DIR/<name>.csv, each chart as DIR/<name>.svg, each other named value
 * as DIR/<name>.json, and DIR/cells.json (id, name, status, ms, error). Exits 1 naming the failing
 * cell(s) when any cell fails.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs, USAGE } from './args';
import { nodeEnv } from './nodeEnv';
import { runNotebook } from './runNotebook';
import { setChartLocale } from '../plots/locale';
import { parseNarrative } from '../ui/i18n/narrative';
import { parseNotebook } from '../notebook';

/**
 * Draw charts in `lang`, with the notebook's own label translations (tier and segment names…) from
 * `notebooks/i18n/<lang>/<id>.md` beside the notebook file, when there is one.
 */
async function chartLanguage(notebookPath: string, text: string, lang: 'en' | 'zh-CN'): Promise<void> {
  let labels: Record<string, string> = {};
  const id = parseNotebook(text).meta.id;
  if (lang !== 'en' && id) {
    const file = join(dirname(notebookPath), 'i18n', lang, `${id}.md`);
    const translation = await readFile(file, 'utf8').catch(() => null);
    if (translation !== null) labels = parseNarrative(translation, file).labels;
  }
  setChartLocale(lang, labels);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const args = parseArgs(argv);
  const text = await readFile(args.notebook, 'utf8');
  if (args.lang) await chartLanguage(args.notebook, text, args.lang);
  const env = nodeEnv({ data: args.data, backend: args.backend, engine: args.engine });
  const params: Record<string, unknown> = { ...args.set, ...env.keys };
  const started = performance.now();
  const result = await runNotebook(text, env, params);
  await mkdir(args.out, { recursive: true });
  for (const file of result.files) await writeFile(join(args.out, file.name), file.content);
  const failed = result.cells.filter((c) => c.status === 'error');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.cells.length} cells, ${failed.length} failed, ${result.files.length} files written to ${args.out} in ${seconds} s`);
  for (const cell of failed) console.error(`cell ${cell.name ?? cell.id} failed: ${cell.error}`);
  return failed.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
