/**
 * Writes `test/fixtures/csv_reference.json`: the parse of every input of `CSV_CASES` (table digest
 * and, for `report` cases, the reader's report) and the message of every `CSV_ERROR_CASES` input.
 *
 * The fixture was written by the CSV reader as it was BEFORE the typed fast path (interning every
 * field, inferring over distinct values), so `csvReference.test.ts` proves the faster reader gives
 * byte-identical tables. Re-running this script with today's reader only reproduces the same file.
 *
 * @example
 *   npx tsx test/golden/csv_reference.ts
 */
import { writeFileSync } from 'node:fs';
import { parseCsv, parseCsvReport } from '../../src/core/data/csv';
import { CSV_CASES, CSV_ERROR_CASES, tableDigest, type CsvCase } from '../core/data/csvCases';

const OUT = new URL('../fixtures/csv_reference.json', import.meta.url);

const opts = (c: CsvCase) => ({ file: `${c.name}.csv`, delimiter: c.delimiter, header: c.header });

const cases: Record<string, unknown> = {};
for (const c of CSV_CASES) {
  if (c.via === 'report') {
    const { table, report } = parseCsvReport(c.bytes(), opts(c));
    cases[c.name] = { table: tableDigest(table), report: { ...report, skippedRowNumbers: Array.from(report.skippedRowNumbers) } };
  } else cases[c.name] = { table: tableDigest(parseCsv(c.bytes(), opts(c))) };
}
const errors: Record<string, string> = {};
for (const c of CSV_ERROR_CASES) {
  try {
    parseCsv(c.bytes(), opts(c));
    throw new Error(`${c.name}: expected an error`);
  } catch (e) {
    errors[c.name] = (e as Error).message;
  }
}
writeFileSync(OUT, `${JSON.stringify({ cases, errors }, null, 1)}\n`);
console.log(`wrote ${Object.keys(cases).length} cases and ${Object.keys(errors).length} errors to ${OUT.pathname}`);
