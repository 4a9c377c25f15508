/**
 * Error messages in Chinese: every message below is produced by calling the real core, loader,
 * model or runtime code with bad input (none is typed by hand), so a change to a core message makes
 * this test fail until its pattern in src/ui/i18n/errors.ts follows. Each translation keeps the
 * file, row, column and value verbatim; English and unknown messages pass through unchanged.
 */
import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { loadBlob, MAX_FILE_BYTES, type LoadResult } from '../../src/core/data/loadBlob';
import { detectRoles } from '../../src/core/data/roles';
import { toTransactions } from '../../src/core/data/transactions';
import { parseCsv } from '../../src/core/data/csv';
import { readArrow } from '../../src/core/data/arrow';
import { readParquet } from '../../src/core/data/parquet';
import { clean } from '../../src/core/prep/clean';
import { makeTable, strings } from '../../src/core/table';
import { purchaseDataset } from '../../src/core/profile/purchaseDataset';
import { DataError } from '../../src/core/errors';
import { Runtime } from '../../src/runtime/runtime';
import type { CellSpec } from '../../src/notebook/types';
import { localizeError, ORIGINAL_LABEL } from '../../src/ui/i18n/errors';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const load = (content: string | Uint8Array | Blob, name = 'orders.csv'): Promise<LoadResult> =>
  loadBlob(content instanceof Blob ? content : new Blob([content as BlobPart]), name);
const reported = (r: LoadResult): string[] => [...r.problems, ...r.warnings].map((p) => new DataError(p).message);

/** The message of what `f` throws (sync or async). */
async function thrown(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n';
const good = (n: number, from = 1): string =>
  Array.from({ length: n }, (_, i) => `${536000 + from + i},${17000 + ((from + i) % 7)},2011-01-${String(((from + i) % 28) + 1).padStart(2, '0')} 10:00,${(i % 5) + 1},2.5\n`).join('');

/** Runtime error messages: the states of cells that cannot run. */
async function runtimeErrors(): Promise<string[]> {
  const rt = new Runtime({ warn: () => {} });
  const specs: CellSpec[] = ['a = missingName + 1', 'b = c + 1', 'c = b + 1', 'd = 1', 'd = 2', 'e = (() => { throw new Error("boom") })()', 'f = e + 1'].map(
    (source, i) => ({ id: `c${i + 1}`, kind: 'code', source, options: {} }),
  );
  rt.setCells(specs);
  await rt.whenIdle();
  const messages = specs.map((s) => rt.state(s.id)?.error?.message ?? '');
  rt.dispose();
  return [...new Set(messages.filter((m) => m && m !== 'boom'))];
}

/** [what, message, parts the translation must keep verbatim]. */
async function realMessages(): Promise<[string, string, string[]][]> {
  const out: [string, string, string[]][] = [];
  const add = (what: string, message: string, keep: string[]) => out.push([what, message, keep]);

  // Bad rows that are skipped and reported (warnings included).
  for (const m of reported(await load(HEADER + good(12) + '537001,17001,2011-02-01 10:00,abc,1.5\n' + good(12, 40)))) add('text in a number column', m, ['orders.csv', '13', '`Quantity`', '`abc`']);
  for (const m of reported(await load(HEADER + good(15) + '537001,17001,2011-02-01 10:00,1,NaN\n'))) add('NaN', m, ['16', '`UnitPrice`', '`NaN`']);
  const dates = Array.from({ length: 12 }, (_, i) => `${i},${(i % 28) + 1}/0${(i % 9) + 1}/2011,2\n`).join('');
  for (const m of reported(await load('order,InvoiceDate,amount\n' + dates + '99,31/02/2011,3\n100,13/12/2011,4\n'))) add('impossible date', m, ['`31/02/2011`', 'D/M/YYYY[ H:mm]']);
  for (const m of reported(await load(HEADER + good(12) + '537001,17001,,1,1.5\n'))) add('empty timestamp', m, ['`InvoiceDate`']);
  for (const m of reported(await load(HEADER + good(20) + '537000,17001,2011-02-01 10:00,3\n' + good(5, 30)))) add('ragged row', m, ['row 21'.replace('row ', ''), '4', '5']);
  for (const m of reported(await load('Quantity,Price,Quantity\n1,2,3\n'))) add('duplicate header', m, ['`Quantity`', '`Quantity_2`', '3']);
  // Fatal loader errors.
  add('too many ragged rows', await thrown(() => load(HEADER + good(5) + '1,2\n3,4\n')), ['orders.csv', '6', '7', '%']);
  add('unclosed quote', await thrown(() => load('a,b\n1,2\n3,"never\n4,5\n')), ['orders.csv', '2', '`"`']);
  add('empty file', await thrown(() => load('')), ['orders.csv']);
  add('header only', await thrown(() => load('InvoiceNo,Quantity\r\n')), ['orders.csv']);
  const garbage = new Uint8Array(600);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 97 + 13) % 256;
  add('binary garbage', await thrown(() => load(garbage, 'garbage.bin')), ['garbage.bin']);
  add('xlsx', await thrown(() => load(Uint8Array.of(0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0), 'orders.xlsx')), ['orders.xlsx', '.xlsx']);
  add('xls', await thrown(() => load(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'orders.xls')), ['orders.xls']);
  const huge = new Blob(['a,b\n1,2\n']);
  Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 512 * 1024 ** 2 });
  add('over 2 GB', await thrown(() => load(huge, 'huge.csv')), ['huge.csv', '2.5 GB', '2 GB']);
  add('invalid UTF-8', await thrown(() => load(Uint8Array.of(...enc('a,b\n1,x'), 0xff, 0xfe, ...enc('\n')))), ['orders.csv', '0xFF', '7']);
  add('not parquet', await thrown(() => load(Uint8Array.of(0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4), 'orders.parquet')), ['orders.parquet', '`PAR1`']);
  add('not arrow', await thrown(() => load(enc('not arrow at all'), 'orders.arrow')), ['orders.arrow']);
  add('readArrow', await thrown(() => readArrow(enc('nope'), 'x.arrow')), ['x.arrow']);
  add('readParquet', await thrown(() => readParquet(Uint8Array.of(1, 2, 3), 'x.parquet')), ['x.parquet']);
  const badGzip = await thrown(() => load(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 1, 2, 3), 'orders.csv.gz'));
  add('bad gzip', badGzip, ['orders.csv.gz', badGzip.slice(badGzip.indexOf('gzip: ') + 6)]);
  add('gzip given to the CSV parser', await thrown(() => parseCsv(gzipSync(enc('a,b\n1,2\n')), { file: 'a.csv.gz' })), ['a.csv.gz']);
  // Role mapping and transactions.
  const noCustomer = parseCsv('InvoiceNo,InvoiceDate,Quantity,UnitPrice\n1,2011-01-01,1,2\n', { file: 'o.csv' });
  add('missing role', await thrown(() => toTransactions(noCustomer, detectRoles(noCustomer), { file: 'o.csv' })), ['o.csv', 'InvoiceNo, InvoiceDate, Quantity, UnitPrice']);
  const mapped = parseCsv('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,2011-01-01,1,2\n', { file: 'o.csv' });
  add('mapped column missing', await thrown(() => toTransactions(mapped, { ...detectRoles(mapped), price: 'Preis' }, { file: 'o.csv' })), ['o.csv', '`Preis`']);
  const text = parseCsv('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,2011-01-01,x,1\n2,2011-01-01,y,1\n3,2011-01-01,3,1\n', { file: 'orders.csv' });
  add('toTransactions numbers', await thrown(() => toTransactions(text, detectRoles(text), { file: 'orders.csv' })), ['orders.csv', '`Quantity`', '`x`']);
  const badTime = parseCsv('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,5,1,1\n', { file: 'e.csv' });
  add('toTransactions time', await thrown(() => toTransactions(badTime, { ...detectRoles(badTime), time: 'InvoiceDate' }, { file: 'e.csv' })), ['e.csv', '`InvoiceDate`', '`5`']);
  // Cleaning, tables, stages.
  const lines = toTransactions(parseCsv('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,2011-01-01,-1,2\n2,2011-01-02,-2,2\n', { file: 'r.csv' }), { customer: 'CustomerID', time: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' }, { file: 'r.csv' });
  add('0 rows left', await thrown(() => clean(lines)), ['“数量 ≤ 0”', '已加载 2 → 缺少用户 ID 2']);
  add('column not found', await thrown(() => strings(makeTable({ a: ['x'] }), 'tier')), ['`tier`', 'a']);
  const early = toTransactions(parseCsv('CustomerID,InvoiceDate,Quantity,UnitPrice\n1,2011-01-05,1,2\n', { file: 'p.csv' }), { customer: 'CustomerID', time: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' }, { file: 'p.csv' });
  add('no customer before the cutoff', await thrown(() => purchaseDataset(early, { cutoff: Date.UTC(2010, 0, 1), horizonDays: 30 })), ['2010-01-01T00:00:00.000Z']);
  // The runtime.
  for (const m of await runtimeErrors()) add('runtime', m, [m.match(/`[^`]+`|\w+ → \w+/)?.[0] ?? '']);
  return out;
}

describe('localizeError with real messages', async () => {
  const messages = await realMessages();

  test('the list covers the loader, roles, cleaning, tables, stages and the runtime', () => {
    expect(messages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(messages.map((m) => m[1])).size).toBe(messages.length);
  });

  for (const [what, message, keep] of messages) {
    test(`${what}: ${message}`, () => {
      const shown = localizeError(message, 'zh-CN');
      expect(shown.translated).toBe(true);
      expect(shown.original).toBe(message);
      expect(shown.text).not.toBe(message);
      expect(shown.text).toMatch(/[\u4e00-\u9fff]/);
      for (const part of keep) expect(shown.text).toContain(part);
      // No English sentence left over (words of three letters or more outside quotes, names and formats).
      const rest = shown.text
        .replace(/`[^`]*`/g, '')
        .replace(/“[^”]*”/g, '')
        .replace(/（现有列：[^）]*）/g, '')
        .replace(/YYYY[^，）]*/g, '')
        .replace(/gzip 文件：[\s\S]*$/, '');
      const file = message.split(/[:,]/)[0];
      expect(rest.replace(file, '')).not.toMatch(/\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/i);
    });
  }

  test('in English every message is shown as it is', () => {
    for (const [, message] of messages) expect(localizeError(message, 'en')).toEqual({ text: message, original: message, translated: false });
  });
});

describe('localizeError', () => {
  test('a located error keeps file, row, column and value verbatim', async () => {
    const r = await load(HEADER + good(12) + '537001,17001,2011-02-01 10:00,abc,1.5\n' + good(12, 40));
    const [message] = reported(r);
    expect(localizeError(message, 'zh-CN').text).toBe('orders.csv，第 13 行，列 `Quantity`：`abc` 不是数字（应为：「数量」角色的数字）');
  });

  test('a fatal loader error with its compound expectation', async () => {
    const message = await thrown(() => load(HEADER + good(5) + '1,2\n3,4\n'));
    expect(localizeError(message, 'zh-CN').text).toBe(
      'orders.csv，第 6 行：有 2 个字段（应为：5 个，与表头一致；7 行中有 2 行格式错误，超过了可跳过的 10%——请检查分隔符和引号）',
    );
  });

  test('a file name with ": " or ", row " in it', () => {
    const message = new DataError({ file: 'Q3: orders, row data.csv', row: 4, column: 'Qty', value: '??', problem: 'is not a number', expected: 'a number for the quantity role' }).message;
    expect(localizeError(message, 'zh-CN').text).toBe('Q3: orders, row data.csv，第 4 行，列 `Qty`：`??` 不是数字（应为：「数量」角色的数字）');
  });

  test('unknown messages, and located errors with an unknown part, pass through unchanged', () => {
    for (const message of [
      'something went wrong',
      'orders.csv: is haunted',
      new DataError({ file: 'a.csv', row: 2, column: 'x', value: '1', problem: 'is not a number', expected: 'a prime number' }).message,
      new DataError({ file: 'a.csv', problem: 'has no column for the favourite colour role (columns: a)' }).message,
      '',
    ]) {
      expect(localizeError(message, 'zh-CN')).toEqual({ text: message, original: message, translated: false });
    }
  });

  test('the label of the original line exists in both languages', () => {
    expect(ORIGINAL_LABEL.en).toBe('Original message: ');
    expect(ORIGINAL_LABEL['zh-CN']).toBe('英文原文：');
  });
});
