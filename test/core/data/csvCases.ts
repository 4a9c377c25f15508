/**
 * Realistic CSV inputs whose parse is pinned in `test/fixtures/csv_reference.json`, and the canonical
 * digest of a parsed table that the pin compares (every Arrow buffer: types, values, validity,
 * dictionary entries and order). Shared by `test/golden/csv_reference.ts` (which wrote the fixture
 * with the reader as it was before the typed fast path) and `csvReference.test.ts`.
 *
 * @example
 *   const c = CSV_CASES.find((x) => x.name === 'synth')!;
 *   tableDigest(parseCsv(c.bytes(), { file: c.name })).columns[0].type; // 'Dictionary<Int32, Utf8>'
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Data, Table, Vector } from 'apache-arrow';
import { synthCsv } from '../../../src/core/synth/shop';

/** One pinned input: its bytes, the reader options, and how it is read. */
export interface CsvCase {
  name: string;
  bytes: () => Uint8Array;
  /** `parseCsvReport` (bad rows skipped and reported) or `parseCsv` (the first bad row throws). */
  via: 'report' | 'parse';
  delimiter?: string;
  header?: boolean;
}

/** A column's digest: its type, length, nulls, a few values to read, and SHA-256 of every buffer. */
export interface ColumnDigest {
  name: string;
  type: string;
  length: number;
  nullCount: number;
  head: unknown[];
  sha256: string;
}

/** The digest of a table: its row count and one digest per column. */
export interface TableDigest {
  rows: number;
  columns: ColumnDigest[];
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ROOT = new URL('../../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, ROOT)));

/** The synthetic shop CSV of `n` rows (header + rows, LF line ends). */
const shop = (n: number, seed = 5): string => synthCsv({ customers: Math.max(20, n / 10), transactions: n, items: 80, seed });

/** Replace field `col` (0-based) of data row `row` (1-based) of a simple (unquoted) CSV text. */
function setField(text: string, row: number, col: number, value: string): string {
  const lines = text.split('\n');
  const f = lines[row].split(',');
  f[col] = value;
  lines[row] = f.join(',');
  return lines.join('\n');
}

/** Remove field `col` (0-based) of data row `row` (1-based): a row with one field too few. */
function dropField(text: string, row: number, col: number): string {
  const lines = text.split('\n');
  const f = lines[row].split(',');
  f.splice(col, 1);
  lines[row] = f.join(',');
  return lines.join('\n');
}

/** Apply several `setField` edits. */
const edit = (text: string, edits: [row: number, col: number, value: string][]): string =>
  edits.reduce((t, [r, c, v]) => setField(t, r, c, v), text);

// Columns of the shop CSV.
const INVOICE = 0;
const DESCRIPTION = 2;
const QUANTITY = 3;
const DATE = 4;
const PRICE = 5;
const CUSTOMER = 6;

/** A shop CSV with quoted descriptions (one with an escaped quote and a comma), CRLF line ends and a BOM. */
function quotedCrlf(): Uint8Array {
  const lines = shop(3000, 9).split('\n');
  for (let i = 1; i < lines.length - 1; i++) {
    if (i % 50 !== 7) continue;
    const f = lines[i].split(',');
    f[DESCRIPTION] = i === 557 ? `"${f[DESCRIPTION]} 7"" FRAME, BIG"` : `"${f[DESCRIPTION]}"`;
    lines[i] = f.join(',');
  }
  const body = enc(lines.join('\r\n'));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** customer_id,date,amount with 8-digit dates (CDNOW in commas); `bad` puts an impossible date late. */
function compact(bad: boolean): string {
  const out = ['customer_id,date,amount'];
  for (let i = 0; i < 3000; i++) {
    const d = new Date(Date.UTC(1997, 0, 1) + (i % 500) * 86_400_000);
    const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    out.push(`${String(1 + (i % 977)).padStart(5, '0')},${bad && i === 2500 ? '19971399' : ymd},${((i * 37) % 1000) / 10}`);
  }
  return `${out.join('\n')}\n`;
}

/** Columns with nulls: sparse numbers, a column empty for its first half, an all-empty one, dates and bools with gaps. */
function empties(): string {
  const out = ['id,sparse,late,none,when,flag,label'];
  for (let i = 0; i < 3000; i++) {
    const sparse = i % 3 === 0 ? '' : String((i * 13) % 101);
    const late = i < 1500 ? '' : `${i}.25`;
    const when = i % 7 === 0 ? '' : `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const flag = i % 5 === 0 ? '' : i % 2 ? 'true' : 'FALSE';
    const label = i % 11 === 0 ? '' : `L${i % 17}`;
    out.push(`${i},${sparse},${late},,${when},${flag},${label}`);
  }
  return `${out.join('\n')}\n`;
}

/** Number spellings: leading zeros, -0, trailing zeros, 15 and 16 significant digits, late odd forms. */
function numberForms(): string {
  const forms = ['007', '-0', '-0.50', '0.0', '123456789012345', '12.5', '3', '-17', '0.000001', '99999.99999'];
  const out = ['a,b,c'];
  for (let i = 0; i < 3000; i++) {
    let b = String((i * 7919) % 100000 / 100);
    if (i === 2100) b = '1234567890123456';
    if (i === 2200) b = '+5';
    if (i === 2300) b = '1e3';
    if (i === 2400) b = ' 7 ';
    if (i === 2500) b = '.5';
    if (i === 2600) b = '5.';
    out.push(`${forms[i % forms.length]},${b},${i % 4 === 0 ? '000' : String(i)}`);
  }
  return `${out.join('\n')}\n`;
}

/** ISO timestamps of several shapes; `late` adds a fractional second, a zone and a year 0050. */
function isoShapes(late: boolean): string {
  const out = ['day,minute,second,tee'];
  for (let i = 0; i < 3000; i++) {
    const t = new Date(Date.UTC(2020, 1, 27) + i * 3_600_000 * 7 + i * 1000);
    const iso = t.toISOString(); // 2020-02-27T00:00:00.000Z
    const day = iso.slice(0, 10);
    const minute = `${day} ${iso.slice(11, 16)}`;
    let second = `${day} ${iso.slice(11, 19)}`;
    let tee = `${day}T${iso.slice(11, 19)}`;
    if (late && i === 2500) second = `${day} ${iso.slice(11, 19)}.125`;
    if (late && i === 2600) tee = `${day}T${iso.slice(11, 16)}+05:30`;
    if (late && i === 2700) second = '0050-06-01 00:00:00';
    out.push(`${day},${minute},${second},${tee}`);
  }
  return `${out.join('\n')}\n`;
}

/** The shop CSV with a tab delimiter. */
const tabs = (): string => shop(2000, 3).replace(/,/g, '\t');

/** The pinned inputs. */
export const CSV_CASES: CsvCase[] = [
  { name: 'synth', via: 'parse', bytes: () => enc(shop(3000)) },
  { name: 'synth-quoted-crlf-bom', via: 'parse', bytes: quotedCrlf },
  { name: 'late-text-in-number', via: 'parse', bytes: () => enc(edit(shop(3000), [[2600, QUANTITY, 'n/a']])) },
  { name: 'late-impossible-date', via: 'parse', bytes: () => enc(edit(shop(3000), [[2900, DATE, '2024-02-30 10:00:00']])) },
  { name: 'late-other-date-format', via: 'parse', bytes: () => enc(edit(shop(3000), [[2700, DATE, '2024/3/5 10:00']])) },
  {
    name: 'late-number-forms',
    via: 'parse',
    bytes: () => enc(edit(shop(3000), [[2000, QUANTITY, '1e3'], [2100, QUANTITY, ' 7 '], [2200, QUANTITY, '+5'], [2300, PRICE, '3.1415926535897932'], [2400, CUSTOMER, '.5']])),
  },
  { name: 'late-cancelled-invoice', via: 'parse', bytes: () => enc(edit(shop(3000, 21).replace(/^C/gm, ''), [[2950, INVOICE, 'C999999']])) },
  { name: 'compact-dates', via: 'parse', bytes: () => enc(compact(false)) },
  { name: 'compact-late-invalid', via: 'parse', bytes: () => enc(compact(true)) },
  { name: 'empties', via: 'parse', bytes: () => enc(empties()) },
  { name: 'number-forms', via: 'parse', bytes: () => enc(numberForms()) },
  { name: 'iso-shapes', via: 'parse', bytes: () => enc(isoShapes(false)) },
  { name: 'iso-shapes-late', via: 'parse', bytes: () => enc(isoShapes(true)) },
  { name: 'tabs', via: 'parse', bytes: () => enc(tabs()) },
  {
    name: 'skip-bad-rows',
    via: 'report',
    bytes: () => enc(dropField(edit(shop(3000), [[2222, CUSTOMER, '1,2'], [2400, QUANTITY, 'x']]), 2500, CUSTOMER)),
  },
  { name: 'online-shoppers', via: 'parse', bytes: () => gunzipSync(read('public/data/online-shoppers.csv.gz')) },
  { name: 'gbk-orders', via: 'report', bytes: () => read('test/fixtures/inputs/gbk_orders.csv') },
  { name: 'cdnow-excerpt', via: 'report', bytes: () => read('test/fixtures/inputs/cdnow_excerpt.txt') },
  { name: 'no-header', via: 'parse', header: false, bytes: () => enc(shop(2000, 4).split('\n').slice(1).join('\n')) },
];

/** The cases whose parse throws, pinned by message: a late ragged row, a late unclosed quote. */
export const CSV_ERROR_CASES: CsvCase[] = [
  { name: 'late-ragged-row', via: 'parse', bytes: () => enc(edit(shop(3000), [[2800, CUSTOMER, '1,2']])) },
  { name: 'late-unclosed-quote', via: 'parse', bytes: () => enc(edit(shop(3000), [[2850, DESCRIPTION, '"never closed']])) },
];

/** Every buffer of one Arrow Data, recursively, as JSON-able arrays (int64 words as strings). */
function dataBuffers(d: Data): unknown {
  const arr = (a: ArrayLike<number | bigint> | undefined | null) =>
    a ? Array.from(a as ArrayLike<number | bigint>, (x) => (typeof x === 'bigint' ? x.toString() : Object.is(x, -0) ? '-0' : x)) : null;
  return {
    type: String(d.type),
    length: d.length,
    offset: d.offset,
    nullCount: d.nullCount,
    nullBitmap: d.nullCount ? arr(d.nullBitmap) : null,
    values: arr(d.values as ArrayLike<number>),
    valueOffsets: arr(d.valueOffsets as ArrayLike<number> | undefined),
    dictionary: d.dictionary ? d.dictionary.data.map(dataBuffers) : null,
    children: d.children.map(dataBuffers),
  };
}

/** A few readable values of a column (timestamps and numbers as numbers, -0 spelled out). */
function head(v: Vector): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < Math.min(3, v.length); i++) {
    const x = v.get(i);
    out.push(typeof x === 'bigint' ? Number(x) : Object.is(x, -0) ? '-0' : x);
  }
  return out;
}

/**
 * The canonical digest of a table: per column its type, length, nulls, first values and the
 * SHA-256 of every buffer (values, validity, offsets, dictionary) — equal digests = identical tables.
 *
 * @example
 *   tableDigest(parseCsv('a\n1\n', { file: 'x' })).columns[0].head; // [1]
 */
export function tableDigest(t: Table): TableDigest {
  return {
    rows: t.numRows,
    columns: t.schema.fields.map((f, j) => {
      const v = t.getChildAt(j)!;
      const json = JSON.stringify(v.data.map(dataBuffers));
      return {
        name: f.name,
        type: String(f.type),
        length: v.length,
        nullCount: v.nullCount,
        head: head(v),
        sha256: createHash('sha256').update(json).digest('hex'),
      };
    }),
  };
}
