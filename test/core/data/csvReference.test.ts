/**
 * The CSV reader's output pinned on realistic inputs (`csvCases.ts`): every buffer of every column
 * (types, values, nulls, dictionary entries and their order) and every report and message must
 * equal `test/fixtures/csv_reference.json`, which the reader wrote before its typed fast path.
 * Each input is read whole, streamed in chunks, and with the typed path switched on after 1 and
 * 16 rows (so a column typed early meets its late text, odd number or bad date) or never.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CsvReader, parseCsv, parseCsvReport, type CsvOptions, type CsvTuning } from '../../../src/core/data/csv';
import { CSV_CASES, CSV_ERROR_CASES, tableDigest, type CsvCase, type TableDigest } from './csvCases';

interface Pinned {
  cases: Record<string, { table: TableDigest; report?: Record<string, unknown> }>;
  errors: Record<string, string>;
}
const REF = JSON.parse(readFileSync(new URL('../../fixtures/csv_reference.json', import.meta.url), 'utf8')) as Pinned;

const opts = (c: CsvCase): CsvOptions => ({ file: `${c.name}.csv`, delimiter: c.delimiter, header: c.header });

/** Read `bytes` through a streaming reader in chunks of `size` bytes. */
function streamed(c: CsvCase, bytes: Uint8Array, size: number, tuning: CsvTuning = {}) {
  const r = new CsvReader({ ...opts(c), badRows: c.via === 'report' ? 'skip' : 'error' }, tuning);
  for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
  const table = r.end();
  return { table, report: r.report };
}

/**
 * Read `bytes` in chunks of `size` that all live in ONE buffer, overwritten by the next chunk (a
 * source that reuses its memory, like the runner's file reads), with the input's size as a hint
 * (`hint` scales it: a wrong hint may cost memory, never change the table).
 */
function streamedReused(c: CsvCase, bytes: Uint8Array, size: number, hint = 1) {
  const r = new CsvReader({ ...opts(c), badRows: c.via === 'report' ? 'skip' : 'error', sizeHint: Math.round(bytes.length * hint) });
  const shared = new Uint8Array(size);
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    shared.fill(0xff); // whatever the reader still pointed at from the last chunk is now garbage
    shared.set(chunk);
    r.push(shared.subarray(0, chunk.length));
  }
  shared.fill(0xff);
  const table = r.end();
  return { table, report: r.report };
}

const plainReport = (r: object) => {
  const o = r as Record<string, unknown>;
  return { ...o, skippedRowNumbers: Array.from(o.skippedRowNumbers as Int32Array) };
};

describe('CSV reader output pinned on realistic inputs', () => {
  for (const c of CSV_CASES) {
    it(`${c.name}: whole and streamed`, () => {
      const ref = REF.cases[c.name];
      const bytes = c.bytes();
      if (c.via === 'report') {
        const { table, report } = parseCsvReport(bytes, opts(c));
        expect(tableDigest(table)).toEqual(ref.table);
        expect(plainReport(report)).toEqual(ref.report);
      } else expect(tableDigest(parseCsv(bytes, opts(c)))).toEqual(ref.table);
      for (const size of [4093, 65_536]) {
        const s = streamed(c, bytes, size);
        expect(tableDigest(s.table)).toEqual(ref.table);
        if (ref.report) expect(plainReport(s.report)).toEqual(ref.report);
      }
    });
    it(`${c.name}: typed after 1 or 16 rows, or never`, () => {
      const ref = REF.cases[c.name];
      const bytes = c.bytes();
      for (const typedAfterRows of [1, 16, Infinity]) {
        const s = streamed(c, bytes, typedAfterRows === 16 ? 4093 : bytes.length, { typedAfterRows });
        expect(tableDigest(s.table)).toEqual(ref.table);
        if (ref.report) expect(plainReport(s.report)).toEqual(ref.report);
      }
    });
  }
  for (const c of CSV_CASES) {
    it(`${c.name}: streamed through one reused chunk buffer, with right and wrong size hints`, () => {
      const ref = REF.cases[c.name];
      const bytes = c.bytes();
      for (const [size, hint] of [[4093, 1], [65_536, 1], [4093, 0.02], [65_536, 40]] as const) {
        const s = streamedReused(c, bytes, size, hint);
        expect(tableDigest(s.table)).toEqual(ref.table);
        if (ref.report) expect(plainReport(s.report)).toEqual(ref.report);
      }
    });
  }
  it('a small input streamed 7 bytes at a time', () => {
    const c = CSV_CASES.find((x) => x.name === 'synth-quoted-crlf-bom')!;
    const all = c.bytes();
    const bytes = all.subarray(0, all.indexOf(10, 40_000) + 1);
    const whole = tableDigest(parseCsv(bytes, opts(c)));
    expect(tableDigest(streamed(c, bytes, 7).table)).toEqual(whole);
    // Chunks shorter than the encoding sniff are held until it is complete: copied, not referenced.
    expect(tableDigest(streamedReused(c, bytes, 7).table)).toEqual(whole);
  });
  for (const c of CSV_ERROR_CASES) {
    it(`${c.name}: the same message`, () => {
      expect(() => parseCsv(c.bytes(), opts(c))).toThrow(REF.errors[c.name]);
      expect(() => streamed(c, c.bytes(), 4093)).toThrow(REF.errors[c.name]);
      expect(() => streamed(c, c.bytes(), 4093, { typedAfterRows: 1 })).toThrow(REF.errors[c.name]);
      expect(() => streamedReused(c, c.bytes(), 4093)).toThrow(REF.errors[c.name]);
    });
  }
});
