/**
 * The typed fast path of the CSV reader: decimals and ISO timestamps read from bytes equal the
 * generic readings and write back to their exact text; and on random files (plain and odd values
 * mixed, quotes, CRLF, ragged and blank rows, any chunking) a reader that types its columns after
 * 1 or 3 rows gives the same table, report and errors as one that never does (pure interning,
 * the reader as it was).
 */
import { describe, expect, it } from 'vitest';
import { CsvReader, parseNumber, type CsvTuning } from '../../../src/core/data/csv';
import { decimalAt, decimalScan, decimalText, isoAt, isoScan, isoText } from '../../../src/core/data/csvTyped';
import { parseDate } from '../../../src/core/data/dates';
import { rng, type Rng } from '../../../src/core/synth/random';
import { tableDigest } from './csvCases';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const v = new Float64Array(1);
const sh = new Uint8Array(1);
const day = () => ({ key: -1, ms: 0 });

describe('typed values from bytes', () => {
  it('decimals: the value of parseNumber, the exact text back, odd forms refused', () => {
    for (const s of ['0', '-0', '7', '007', '-0.50', '12346.0', '0.000001', '123456789012345', '99999.99999', '-17', '3.14']) {
      const b = enc(s);
      const shape = decimalAt(b, 0, b.length, v, sh, 0);
      expect(shape).toBeGreaterThan(0);
      expect(Object.is(v[0], parseNumber(s)) || Object.is(v[0], Number(s))).toBe(true);
      expect(decimalText(v[0], shape)).toBe(s);
    }
    for (const s of ['1e3', ' 7', '+5', '.5', '5.', '-', '1234567890123456', '1.2.3', '12a', 'x', '0x10']) {
      const b = enc(s);
      expect(decimalAt(b, 0, b.length, v, sh, 0)).toBe(-1);
    }
    expect(decimalAt(enc(''), 0, 0, v, sh, 0)).toBe(0);
    expect(v[0]).toBeNaN();
    expect(decimalScan(enc('12.5,x'), 0, 6, v, sh, 0)).toBe(4);
  });
  it('decimals: every value with up to 15 digits round-trips through its shape', () => {
    const r = rng(3);
    for (let i = 0; i < 20_000; i++) {
      const whole = 1 + r.int(10);
      const frac = r.int(Math.min(6, 16 - whole));
      let s = r.next() < 0.3 ? '-' : '';
      for (let k = 0; k < whole; k++) s += String(r.int(10));
      if (frac) s += '.';
      for (let k = 0; k < frac; k++) s += String(r.int(10));
      const b = enc(s);
      const shape = decimalAt(b, 0, b.length, v, sh, 0);
      expect(v[0]).toBe(Number(s));
      expect(decimalText(v[0], shape)).toBe(s);
    }
  });
  it('ISO timestamps: the value of parseDate(…, iso), the exact text back, others refused', () => {
    const r = rng(5);
    for (let i = 0; i < 20_000; i++) {
      const t = new Date(Date.UTC(100, 0, 1) + r.next() * (Date.UTC(9999, 11, 31) - Date.UTC(100, 0, 1)));
      const iso = t.toISOString().slice(0, 19);
      const s = [iso.slice(0, 10), iso.slice(0, 16), iso.slice(0, 16).replace('T', ' '), iso, iso.replace('T', ' ')][r.int(5)];
      const b = enc(s);
      const shape = isoAt(b, 0, b.length, v, sh, 0, day());
      expect(v[0]).toBe(parseDate(s, 'iso'));
      expect(isoText(v[0], shape)).toBe(s);
    }
    for (const s of ['2011-02-29', '2010-12-01 24:00', '2010-12-01 08:60', '2010-12-01 08:26:60', '2010-12-01T08:26:00Z', '2010-12-01 08:26:00.250', '0050-06-01', '2010-12-01 8:26', '20101201', '2010/12/01', 'x', '2010-12-01 08:26:0']) {
      const b = enc(s);
      expect(isoAt(b, 0, b.length, v, sh, 0, day())).toBe(-1);
    }
    // A cached day is reused only for the same day.
    const cache = day();
    isoAt(enc('2024-03-01'), 0, 10, v, sh, 0, cache);
    expect(isoAt(enc('2024-02-30'), 0, 10, v, sh, 0, cache)).toBe(-1);
    expect(isoScan(enc('2024-03-01 10:00,1'), 0, 18, v, sh, 0, cache)).toBe(16);
  });
});

/** One random field of a column of `kind`: mostly plain values, sometimes odd ones. */
function field(r: Rng, kind: number): string {
  const odd = r.next() < 0.04;
  switch (kind) {
    case 0: // decimals
      if (odd) return ['1e3', ' 7 ', '+5', '.5', '5.', '-', '1234567890123456', 'abc', '"12"', '12a', '', '-0'][r.int(12)];
      return r.next() < 0.1 ? '' : (r.next() < 0.5 ? String(r.int(200) - 50) : (r.int(100000) / 100).toFixed(r.int(3)));
    case 1: {
      // ISO timestamps
      if (odd) return ['2024-02-30 10:00:00', '2024-01-02 10:00:00.5', '2024/1/2', '0050-01-01', '', 'x', '20240102', '2024-01-02T10:00:00Z', '"2024-01-02"'][r.int(9)];
      const iso = new Date(Date.UTC(2023, 0, 1) + r.int(400) * 3_600_000 * 7).toISOString();
      return r.next() < 0.05 ? '' : [iso.slice(0, 10), `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, iso.slice(0, 16)][r.int(3)];
    }
    case 2: // 8-digit integers, mostly valid YYYYMMDD
      return odd ? ['20241399', '1234567', ''][r.int(3)] : `2024${String(1 + r.int(12)).padStart(2, '0')}${String(1 + r.int(28)).padStart(2, '0')}`;
    case 3: // text
      return ['a', 'b', 'é中', '"x, y"', '"say ""hi"""', '', 'plain text', '7" frame'][r.int(8)];
    default: // booleans
      return odd ? 'yes' : ['true', 'FALSE', 'True', ''][r.int(4)];
  }
}

/** A random CSV: a header, a few columns of random kinds, maybe CRLF, blank and ragged rows. */
function randomCsv(r: Rng): { text: string; ragged: boolean } {
  const nc = 2 + r.int(4);
  const kinds = Array.from({ length: nc }, () => r.int(5));
  const eol = r.next() < 0.3 ? '\r\n' : '\n';
  const ragged = r.next() < 0.3;
  const lines = [kinds.map((k, j) => `c${j}_${k}`).join(',')];
  const rows = 20 + r.int(120);
  for (let i = 0; i < rows; i++) {
    if (r.next() < 0.02) lines.push('');
    const f = kinds.map((k) => field(r, k));
    if (ragged && r.next() < 0.03) f.push(r.next() < 0.5 ? 'extra' : '');
    if (ragged && r.next() < 0.03) f.pop();
    lines.push(f.join(','));
  }
  return { text: lines.join(eol) + (r.next() < 0.8 ? eol : ''), ragged };
}

/** Table digest + report, or the error message, of reading `bytes` in chunks of `size`. */
function outcome(bytes: Uint8Array, badRows: 'error' | 'skip', size: number, tuning: CsvTuning): unknown {
  try {
    const reader = new CsvReader({ file: 'f.csv', badRows }, tuning);
    for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
    const table = reader.end();
    const rep = reader.report;
    return { table: tableDigest(table), report: { ...rep, skippedRowNumbers: Array.from(rep.skippedRowNumbers) } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('typed fast path = interning reader on random files', () => {
  it('gives the same table, report or error for 300 random files, typed after 1 or 3 rows', () => {
    const r = rng(11);
    let typedTables = 0;
    for (let k = 0; k < 300; k++) {
      const { text, ragged } = randomCsv(r);
      const bytes = enc(text);
      const badRows = ragged && r.next() < 0.7 ? 'skip' : 'error';
      const reference = outcome(bytes, badRows, bytes.length, { typedAfterRows: Infinity });
      for (const typedAfterRows of [1, 3]) {
        const size = r.next() < 0.5 ? bytes.length : 1 + r.int(200);
        expect(outcome(bytes, badRows, size, { typedAfterRows }), `file ${k}, typed after ${typedAfterRows}, chunks of ${size}:\n${text}`).toEqual(reference);
      }
      if ('table' in (reference as object)) typedTables++;
    }
    expect(typedTables).toBeGreaterThan(150);
  });
});
