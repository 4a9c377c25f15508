/**
 * The streaming CSV reader: bytes in (any chunking), a single-batch Arrow table out, with a report
 * of what was skipped. It decides the encoding (`csvEncoding.ts`), the delimiter and the header
 * (`csvDetect.ts`), splits records (`csvScan.ts`) and hands each field to its column's builder
 * (`csvColumns.ts`), which types the column (`csvInfer.ts`, `csvTyped.ts`).
 *
 * How it is fast: a record of plain fields is found in one tight pass; values are interned as
 * bytes (no strings), and after the first `typedAfterRows` rows a column of plain decimals or ISO
 * timestamps reads its values straight into a Float64Array instead.
 *
 * @example
 *   const r = new CsvReader({ file: 'orders.csv' });
 *   r.push(new TextEncoder().encode('a,b\n1,x\n'));
 *   r.push(new TextEncoder().encode('2,y\n'));
 *   r.end().getChild('a')?.toArray(); // Float64Array [1, 2]
 */
import { Table, type Vector } from 'apache-arrow';
import { DataError, type DataErrorInfo } from '../errors';
import { CsvColumn } from './csvColumns';
import { detectDelimiter, firstRowIsHeader } from './csvDetect';
import { EncodingError, sniffEncoding, type CsvEncoding } from './csvEncoding';
import { FieldScanner, NEED_MORE, UNCLOSED, hash } from './csvScan';

/** Options of `parseCsv` and `CsvReader`. */
export interface CsvOptions {
  /** File name used in error messages. */
  file: string;
  /** Field delimiter; `' '` = runs of spaces/tabs; default: detected (`,` `;` tab `|`, whitespace). */
  delimiter?: string;
  /** Whether the first record names the columns; default `'auto'` (see `firstRowIsHeader`). */
  header?: boolean | 'auto';
  /** Text encoding; default `'auto'` (BOM, else UTF-8, else GB18030 — see `sniffEncoding`). */
  encoding?: CsvEncoding;
  /** `'error'` (default): the first ragged row throws; `'skip'`: ragged rows are skipped and reported. */
  badRows?: 'error' | 'skip';
  /**
   * Bytes in the whole input, when known (a File's size; not for gzip): sizes the columns' arrays
   * once from the rows read so far instead of doubling them as rows arrive.
   */
  sizeHint?: number;
}

/** How the reader works, not what it gives (tests set it to reach every path on small inputs). */
export interface CsvTuning {
  /** Rows read by interning every value before columns may switch to typed values (default 1000). */
  typedAfterRows?: number;
}

/** Bytes of text sniffed before the encoding, delimiter and binary checks decide (256 KiB). */
export const SNIFF_BYTES = 256 * 1024;
/** Located problems kept in a report (the count of skipped rows is always exact). */
export const MAX_PROBLEMS = 100;
/** Skipped rows whose text is kept for the "download the skipped rows" file. */
export const MAX_SKIPPED_TEXT = 10_000;
/** A record longer than this is refused (it is almost always a quote that is never closed). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** With `badRows: 'skip'`, more than this fraction of bad rows makes the file fail as a whole. */
export const MAX_SKIPPED_FRACTION = 0.1;
/** Records compared with the first one to decide whether it is a header (`header: 'auto'`). */
const HEADER_SAMPLE = 20;
/** Default of `CsvTuning.typedAfterRows`. */
const TYPED_AFTER_ROWS = 1000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A row the reader skipped: its 1-based data row, the located message, and its text as read. */
export interface SkippedRow {
  row: number;
  problem: string;
  text: string;
}

/** What a reader learned about the file besides the table (see `CsvReader.report`). */
export interface CsvReport {
  /** The encoding the bytes were read in. */
  encoding: Exclude<CsvEncoding, 'auto'>;
  /** The field delimiter; `' '` means runs of spaces and tabs. */
  delimiter: string;
  /** Whether the first record named the columns. */
  header: boolean;
  /** Data records read, kept and skipped together. */
  rows: number;
  /** Records skipped (exact count). */
  skipped: number;
  /** Located problems of the first `MAX_PROBLEMS` skipped records. */
  problems: DataErrorInfo[];
  /** The first `MAX_SKIPPED_TEXT` skipped records with their text. */
  skippedRows: SkippedRow[];
  /** 1-based data row numbers of every skipped record, ascending. */
  skippedRowNumbers: Int32Array;
  /** Things changed without losing data (e.g. a duplicate header renamed). */
  warnings: DataErrorInfo[];
}

interface PendingRecord {
  fields: Uint8Array[];
  quoted: boolean[];
  text: Uint8Array;
}

/**
 * Streaming CSV reader: `push` byte chunks as they arrive (any split, even inside a quoted field
 * or a multi-byte character), then `end()` returns the table and `report` says what was skipped.
 *
 * Defaults: encoding `auto` (BOM, else UTF-8, else GB18030, decided on the first 256 KiB), delimiter
 * detected (`,` `;` tab `|` or whitespace runs), header `auto`, `badRows: 'error'` (the first
 * ragged row throws). With `badRows: 'skip'` ragged rows are skipped and reported, unless more
 * than 10% of the rows are bad: then `end()` throws one DataError for the file.
 *
 * @example
 *   const r = new CsvReader({ file: 'orders.csv', badRows: 'skip' });
 *   for await (const chunk of file.stream()) r.push(chunk);
 *   const table = r.end();
 *   r.report.skipped; // 2
 */
export class CsvReader {
  private readonly file: string;
  private readonly sizeHint: number;
  /** Input bytes pushed so far, and those of the chunk being read (for the rows-to-expect estimate). */
  private bytesIn = 0;
  private chunkBytes = 0;
  /** Where a record split across chunks is joined with the next chunk (reused: chunks are not kept). */
  private work = new Uint8Array(0);
  private delim = -1;
  private ws = false;
  private readonly header: boolean | 'auto';
  private headerFound = false;
  private readonly badRows: 'error' | 'skip';
  private carry: Uint8Array | null = null;
  private started = false;
  private names: string[] | null = null;
  private cols: CsvColumn[] = [];
  private dataRows = 0;
  /** Rows kept so far (data rows less the skipped ones): every column holds this many values. */
  private kept = 0;
  private sc: FieldScanner | null = null;
  /** Whether the columns have been offered typed values (after `typedAfterRows` kept rows). */
  private offered = false;
  /** Whether records are read by `FieldScanner.row` first (offered, and a comma-like delimiter). */
  private settled = false;
  /** Per column: 1 when it reads typed values. */
  private typed = new Uint8Array(0);
  private readonly typedAfterRows: number;
  private readonly decoder = new TextDecoder('utf-8');
  private ended = false;
  private enc: Exclude<CsvEncoding, 'auto'> | null = null;
  private sniff: Uint8Array[] = [];
  private sniffLen = 0;
  private transcoder: TextDecoder | null = null;
  private readonly encoder = new TextEncoder();
  private pending: PendingRecord[] = [];
  private skippedNums = new Int32Array(16);
  private readonly rep: Omit<CsvReport, 'skippedRowNumbers' | 'encoding' | 'delimiter' | 'header' | 'rows'> = {
    skipped: 0,
    problems: [],
    skippedRows: [],
    warnings: [],
  };

  constructor(opts: CsvOptions, tuning: CsvTuning = {}) {
    this.file = opts.file;
    this.sizeHint = opts.sizeHint ?? 0;
    this.header = opts.header ?? 'auto';
    this.badRows = opts.badRows ?? 'error';
    this.typedAfterRows = tuning.typedAfterRows ?? TYPED_AFTER_ROWS;
    const enc = opts.encoding ?? 'auto';
    if (enc !== 'auto') this.setEncoding(enc);
    if (opts.delimiter !== undefined) {
      if (opts.delimiter.length !== 1) throw new Error(`delimiter must be one character, got \`${opts.delimiter}\``);
      this.delim = opts.delimiter.charCodeAt(0);
      this.ws = opts.delimiter === ' ';
    }
  }

  /** Data rows read so far (complete records, header excluded, skipped ones included). */
  get rowsRead(): number {
    return this.dataRows;
  }

  /** What was read and skipped; complete after `end()`. */
  get report(): CsvReport {
    return {
      ...this.rep,
      encoding: this.enc ?? 'utf-8',
      delimiter: this.delim < 0 ? ',' : String.fromCharCode(this.delim),
      header: this.headerFound,
      rows: this.dataRows,
      skippedRowNumbers: this.skippedNums.slice(0, this.rep.skipped),
    };
  }

  private setEncoding(enc: Exclude<CsvEncoding, 'auto'>): void {
    this.enc = enc;
    this.transcoder = enc === 'utf-8' ? null : new TextDecoder(enc, { fatal: true });
  }

  /**
   * Feed the next chunk of bytes. The reader keeps no reference to `input` once `push` returns,
   * so a source may read the next chunk into the same memory.
   */
  push(input: Uint8Array): void {
    if (this.ended) throw new Error('CsvReader.push after end()');
    if (input.length === 0) return;
    // A Node Buffer (a Uint8Array subclass) would make the hot loops polymorphic and its
    // `subarray` slow: read every chunk through a plain Uint8Array view.
    const chunk = Object.getPrototypeOf(input) === Uint8Array.prototype ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    this.bytesIn += chunk.length;
    this.chunkBytes = chunk.length;
    if (this.enc === null) {
      this.sniffLen += chunk.length;
      // Kept past this call only while the sniff is short of SNIFF_BYTES: then copied.
      this.sniff.push(this.sniffLen < SNIFF_BYTES ? chunk.slice() : chunk);
      if (this.sniffLen < SNIFF_BYTES) return;
      const all = this.takeSniffed();
      this.setEncoding(sniffEncoding(all.subarray(0, SNIFF_BYTES), this.file, false));
      this.feed(all, false);
      return;
    }
    this.feed(chunk, false);
  }

  private takeSniffed(): Uint8Array {
    const all = this.sniff.length === 1 ? this.sniff[0] : new Uint8Array(this.sniffLen);
    if (this.sniff.length > 1) {
      let o = 0;
      for (const c of this.sniff) {
        all.set(c, o);
        o += c.length;
      }
    }
    this.sniff = [];
    this.sniffLen = 0;
    return all;
  }

  private feed(bytes: Uint8Array, final: boolean): void {
    let buf = bytes;
    if (this.transcoder) {
      try {
        buf = this.encoder.encode(this.transcoder.decode(bytes, { stream: !final }));
      } catch {
        throw new EncodingError({ file: this.file, problem: `is not valid ${this.enc!.toUpperCase()} text`, expected: 'UTF-8, UTF-16 or GBK/GB18030 text' });
      }
    }
    if (buf.length === 0) return;
    const carry = this.carry;
    if (carry && carry.length) {
      // The unfinished record first, then the chunk, in the reused work buffer (no fresh memory per chunk).
      const need = carry.length + buf.length;
      let w = this.work;
      if (w.length < need) {
        w = new Uint8Array(Math.max(need, Math.ceil(need * 1.25)));
        w.set(carry);
        this.work = w;
      } else if (carry.buffer === w.buffer) w.copyWithin(0, carry.byteOffset - w.byteOffset, carry.byteOffset - w.byteOffset + carry.length);
      else w.set(carry);
      w.set(buf, carry.length);
      buf = w.subarray(0, need);
    }
    this.carry = null;
    this.consume(buf, false);
    this.keepCarry();
  }

  /** Copy an unfinished record that is still a view of the caller's chunk into the work buffer. */
  private keepCarry(): void {
    const carry = this.carry;
    if (!carry || carry.buffer === this.work.buffer) return;
    if (this.work.length < carry.length) this.work = new Uint8Array(Math.max(64 * 1024, Math.ceil(carry.length * 1.25)));
    this.work.set(carry);
    this.carry = this.work.subarray(0, carry.length);
  }

  /** Finish reading and return the table. */
  end(): Table {
    if (this.ended) throw new Error('CsvReader.end called twice');
    if (this.enc === null) {
      const all = this.takeSniffed();
      this.setEncoding(sniffEncoding(all.subarray(0, SNIFF_BYTES), this.file, all.length <= SNIFF_BYTES));
      this.feed(all, true);
    } else if (this.transcoder) this.feed(new Uint8Array(0), true);
    const rest = this.carry ?? new Uint8Array(0);
    this.carry = null;
    this.consume(rest, true);
    this.ended = true;
    if (!this.names && this.pending.length) this.resolveHeader();
    if (!this.names) throw new DataError({ file: this.file, problem: 'is empty', expected: 'a header line and data rows' });
    if (this.dataRows === 0 && this.headerFound) {
      throw new DataError({ file: this.file, problem: 'has a header but no data rows' });
    }
    if (this.rep.skipped > 0 && this.rep.skipped > MAX_SKIPPED_FRACTION * this.dataRows) {
      const first = this.rep.problems[0];
      const k = this.rep.skipped;
      throw new DataError({
        ...first,
        expected:
          `${first.expected ? `${first.expected}; ` : ''}${k.toLocaleString('en-US')} of ${this.dataRows.toLocaleString('en-US')} rows ${k === 1 ? 'is' : 'are'} malformed, ` +
          `more than the ${MAX_SKIPPED_FRACTION * 100}% that can be skipped — check the delimiter and the quotes`,
      });
    }
    const vectors: Record<string, Vector> = {};
    for (let j = 0; j < this.names.length; j++) {
      const col = this.cols[j];
      if (this.enc === 'utf-8') {
        const at = col.firstInvalidUtf8Row(this.kept);
        if (at >= 0) {
          throw new EncodingError({
            file: this.file,
            row: this.fileRow(at),
            column: this.names[j],
            problem: 'has bytes that are not valid UTF-8',
            expected: 'UTF-8 or GBK/GB18030 text throughout the file',
          });
        }
      }
      vectors[this.names[j]] = col.toVector(this.kept, this.decoder);
    }
    return new Table(vectors);
  }

  /** The 1-based data row of kept row `i` (0-based), counting skipped rows. */
  fileRow(i: number): number {
    let row = i + 1;
    const nums = this.skippedNums;
    for (let k = 0; k < this.rep.skipped && nums[k] <= row; k++) row++;
    return row;
  }

  /** The data row an error at the current record is reported at (0 = the header is undecided). */
  private errorRow(): number {
    if (!this.names && this.pending.length) this.resolveHeader();
    return this.names || this.header === false ? this.dataRows + 1 : 0;
  }

  private consume(buf: Uint8Array, final: boolean): void {
    let pos = 0;
    const len = buf.length;
    if (!this.started) {
      if (len < 3 && !final) {
        this.carry = buf;
        return;
      }
      if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      if (this.delim < 0) {
        if (!final && buf.indexOf(LF, pos) < 0) {
          this.carry = buf;
          return;
        }
        const d = detectDelimiter(buf, pos);
        this.delim = d.charCodeAt(0);
        this.ws = d === ' ';
      }
      this.sc = new FieldScanner(this.delim, this.ws);
      this.started = true;
    }
    const sc = this.sc!;
    while (pos < len) {
      if (this.settled) {
        // The common record: plain fields, as many as columns, ended by a line break.
        const end = sc.row(buf, pos, this.cols, this.typed, this.kept);
        if (end >= 0) {
          this.dataRows++;
          this.kept++;
          pos = end;
          continue;
        }
      }
      const end = sc.record(buf, pos, final);
      if (end === UNCLOSED) {
        throw new DataError({ file: this.file, row: this.errorRow(), problem: 'has a quoted field that is never closed', expected: 'a closing `"`' });
      }
      if (end === NEED_MORE) {
        this.carry = buf.subarray(pos);
        if (this.carry.length > MAX_RECORD_BYTES) {
          throw new DataError({
            file: this.file,
            row: this.errorRow(),
            problem: `runs on for more than ${MAX_RECORD_BYTES / 1024 / 1024} MB without ending — a quoted field that is never closed`,
            expected: 'a closing `"`',
          });
        }
        return;
      }
      this.commit(buf, pos, end);
      pos = end;
      if (this.settled) this.markTyped(); // a typed column may have met a value it does not take
      else if (!this.offered && this.names && this.kept >= this.typedAfterRows) {
        this.settle(this.expectedRows(pos, len));
      }
    }
  }

  /**
   * Rows to expect in all, were the rest of the input like what has been read up to `pos` of the
   * `len` bytes being read: of the whole input when its size is known, else of this chunk.
   */
  private expectedRows(pos: number, len: number): number {
    const size = this.sizeHint;
    const chunk = this.chunkBytes;
    if (size > 0 && len > 0 && chunk > 0) {
      // Input bytes consumed: earlier chunks, plus this one's share read so far (len counts the
      // carried bytes of the previous chunk too; close enough for a hint).
      const read = this.bytesIn - chunk + Math.min(chunk, (pos / len) * chunk);
      if (read > 0) return Math.ceil(this.kept * 1.02 * Math.max(1, size / read)) + 1024;
    }
    return Math.ceil(this.kept * (1.05 * (len / pos))) + 1024;
  }

  /**
   * Offer every column typed values (`expectedRows`: a hint to size the arrays); the one-pass
   * record scan is used from now on when it can be.
   */
  private settle(expectedRows: number): void {
    this.offered = true;
    for (const c of this.cols) c.settle(this.kept, expectedRows);
    const D = this.delim;
    this.settled = !this.ws && this.cols.length >= 2 && D !== QUOTE && D !== LF && D !== CR && D < 128;
    this.markTyped();
  }

  /** Note which columns read typed values (for `FieldScanner.row`). */
  private markTyped(): void {
    if (this.typed.length !== this.cols.length) this.typed = new Uint8Array(this.cols.length);
    for (let j = 0; j < this.cols.length; j++) this.typed[j] = this.cols[j].typed ? 1 : 0;
  }

  private commit(buf: Uint8Array, rs: number, re: number): void {
    const sc = this.sc!;
    const nf = sc.nf;
    // Blank line (or only spaces): skip.
    if (nf === 1 && sc.fq[0] === 0) {
      let blank = true;
      for (let i = sc.fs[0]; i < sc.fe[0] && blank; i++) blank = buf[i] === 32 || buf[i] === 9;
      if (blank) return;
    }
    if (!this.names) {
      if (this.header === 'auto') {
        const fields: Uint8Array[] = [];
        const quoted: boolean[] = [];
        for (let j = 0; j < nf; j++) {
          fields.push(sc.fieldBytes(buf, j).slice());
          quoted.push(sc.fq[j] === 1);
        }
        this.pending.push({ fields, quoted, text: buf.slice(rs, re) });
        if (this.pending.length > HEADER_SAMPLE) this.resolveHeader();
        return;
      }
      if (this.header) {
        const names: string[] = [];
        for (let j = 0; j < nf; j++) names.push(this.decoder.decode(sc.fieldBytes(buf, j)));
        this.setNames(names);
        return;
      }
      this.setNames(null, nf);
    }
    this.addRow(buf, nf, buf, rs, re);
  }

  /** Decide whether the first pending record is a header, then add the pending records as rows. */
  private resolveHeader(): void {
    const sc = this.sc!;
    const recs = this.pending;
    this.pending = [];
    const texts = recs.map((r) => r.fields.map((f) => this.decoder.decode(f)));
    if (firstRowIsHeader(texts)) {
      this.setNames(texts[0]);
      recs.shift();
    } else this.setNames(null, recs[0].fields.length);
    for (const r of recs) {
      const nf = r.fields.length;
      while (sc.fs.length < nf) sc.growFields();
      let size = 0;
      for (const f of r.fields) size += f.length;
      const tmp = new Uint8Array(size);
      let o = 0;
      for (let j = 0; j < nf; j++) {
        tmp.set(r.fields[j], o);
        sc.fs[j] = o;
        sc.fe[j] = o + r.fields[j].length;
        // An empty unquoted extra field must still look empty to the ragged-row check.
        sc.fq[j] = !r.quoted[j] && r.fields[j].length === 0 ? 0 : 1;
        sc.fh[j] = hash(tmp, o, o + r.fields[j].length);
        o += r.fields[j].length;
      }
      this.addRow(tmp, nf, r.text, 0, r.text.length);
    }
  }

  /** Column names from the header (null = none: column_1…), renaming duplicates with a warning. */
  private setNames(header: string[] | null, nf = 0): void {
    this.headerFound = header !== null;
    if (!header) {
      this.names = Array.from({ length: nf }, (_, j) => `column_${j + 1}`);
    } else {
      const names: string[] = [];
      const seen = new Set<string>();
      for (let j = 0; j < header.length; j++) {
        let name = header[j].trim();
        if (!name) name = `column_${j + 1}`;
        let unique = name;
        for (let k = 2; seen.has(unique); k++) unique = `${name}_${k}`;
        if (unique !== name) {
          this.rep.warnings.push({ file: this.file, column: name, problem: `appears more than once in the header; column ${j + 1} is renamed \`${unique}\`` });
        }
        seen.add(unique);
        names.push(unique);
      }
      this.names = names;
    }
    this.cols = this.names.map(() => new CsvColumn());
  }

  private addRow(buf: Uint8Array, nf: number, raw: Uint8Array, rs: number, re: number): void {
    const sc = this.sc!;
    const expected = this.names!.length;
    this.dataRows++;
    let k = nf;
    if (nf > expected) {
      // Lenient: empty fields after the last column (a trailing delimiter) are dropped.
      k = expected;
      for (let j = expected; j < nf; j++) if (sc.fq[j] !== 0 || sc.fe[j] !== sc.fs[j]) k = nf;
    }
    if (k !== expected) {
      const info: DataErrorInfo = {
        file: this.file,
        row: this.dataRows,
        problem: `has ${nf} field${nf === 1 ? '' : 's'}`,
        expected: this.headerFound ? `${expected}, as in the header` : `${expected}, as in the first row`,
      };
      if (this.badRows === 'error') throw new DataError(info);
      this.skip(info, raw.subarray(rs, re));
      return;
    }
    const cols = this.cols;
    const scratch = sc.scratch;
    const at = this.kept++;
    for (let j = 0; j < k; j++) {
      const s = sc.fs[j];
      const e = sc.fe[j];
      if (sc.fq[j] === 0) cols[j].add(at, buf, s, e, sc.fh[j]);
      else if (s >= 0) cols[j].add(at, buf, s, e, hash(buf, s, e));
      else cols[j].add(at, scratch, -1 - s, e, hash(scratch, -1 - s, e));
    }
  }

  private skip(info: DataErrorInfo, raw: Uint8Array): void {
    const rep = this.rep;
    if (rep.skipped === this.skippedNums.length) {
      const grown = new Int32Array(this.skippedNums.length * 2);
      grown.set(this.skippedNums);
      this.skippedNums = grown;
    }
    this.skippedNums[rep.skipped++] = info.row!;
    if (rep.problems.length < MAX_PROBLEMS) rep.problems.push(info);
    if (rep.skippedRows.length < MAX_SKIPPED_TEXT) {
      rep.skippedRows.push({ row: info.row!, problem: new DataError(info).message, text: this.decoder.decode(raw).replace(/\r?\n$/, '') });
    }
  }
}
