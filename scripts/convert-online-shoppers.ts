/**
 * Convert the UCI Online Shoppers Purchasing Intention CSV into the shipped dataset.
 *
 * Reads `../shared/data/online_shoppers_intention.csv` (path overridable as the first argument). That copy
 * renames three of the UCI headers; this script maps them back to the names of the UCI file and the paper
 * (Sakar et al. 2019) and leaves every value as it is:
 *   `BounceRates in %` → `BounceRates`, `ExitRates in %` → `ExitRates`, `SpecialDay (probability)` → `SpecialDay`
 * (the values are 0–1 fractions, as in the UCI file, whatever the header says); CRLF line ends become LF. It checks the row count
 * (12,330 sessions) and the header, then writes
 *   public/data/online-shoppers.csv.gz   the CSV, gzip -9
 *   public/data/online-shoppers.json     { rows, columns, source, licence, attribution, sha256, renamed }
 *
 * @example
 *   npx tsx scripts/convert-online-shoppers.ts
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = resolve(process.argv[2] ?? resolve(root, '../shared/data/online_shoppers_intention.csv'));
const outDir = resolve(root, 'public/data');

/** Headers of this copy → the UCI names. */
export const RENAMED: Record<string, string> = {
  'BounceRates in %': 'BounceRates',
  'ExitRates in %': 'ExitRates',
  'SpecialDay (probability)': 'SpecialDay',
};

const UCI_COLUMNS = [
  'Administrative', 'Administrative_Duration', 'Informational', 'Informational_Duration', 'ProductRelated',
  'ProductRelated_Duration', 'BounceRates', 'ExitRates', 'PageValues', 'SpecialDay', 'Month', 'OperatingSystems',
  'Browser', 'Region', 'TrafficType', 'VisitorType', 'Weekend', 'Revenue',
];

const bytes = readFileSync(src);
const sha256 = createHash('sha256').update(bytes).digest('hex');
const text = bytes.toString('utf8').replace(/\r\n/g, '\n');
const nl = text.indexOf('\n');
const header = text.slice(0, nl).split(',').map((h) => RENAMED[h] ?? h);
if (header.join(',') !== UCI_COLUMNS.join(',')) {
  throw new Error(`${src}: unexpected header ${header.join(',')}; expected ${UCI_COLUMNS.join(',')}`);
}
const body = text.slice(nl + 1).replace(/\n+$/, '');
const rows = body.split('\n').length;
if (rows !== 12330) throw new Error(`${src}: expected 12,330 sessions, found ${rows}`);
const csv = `${header.join(',')}\n${body}\n`;
mkdirSync(outDir, { recursive: true });
const gz = gzipSync(Buffer.from(csv, 'utf8'), { level: 9 });
writeFileSync(resolve(outDir, 'online-shoppers.csv.gz'), gz);
const meta = {
  file: 'online-shoppers.csv.gz',
  rows,
  columns: header,
  label: 'Revenue',
  source: 'UCI Machine Learning Repository, Online Shoppers Purchasing Intention Dataset (id 468), https://archive.ics.uci.edu/dataset/468; copy from shivangipokhriyal/Online-Shoppers-Intention @ bc7a147',
  licence: 'CC BY 4.0',
  attribution:
    'Sakar, C. O., Polat, S. O., Katircioglu, M. & Kastro, Y. (2019). Real-time prediction of online shoppers’ purchasing intention using multilayer perceptron and LSTM recurrent neural networks. Neural Computing and Applications 31, 6893–6908.',
  renamed: RENAMED,
  sourceSha256: sha256,
  bytes: gz.length,
};
writeFileSync(resolve(outDir, 'online-shoppers.json'), JSON.stringify(meta, null, 2) + '\n');
console.log(`wrote public/data/online-shoppers.csv.gz (${rows} rows, ${gz.length} bytes)`);
