/**
 * What the CSV reader detects from a file's first records: the field delimiter and whether the
 * first record is a header.
 *
 * @example
 *   detectDelimiter(new TextEncoder().encode('a;b\n1;2\n')); // ';'
 *   firstRowIsHeader([['id', 'when'], ['1', '2024-01-02']]); // true
 */
import { DATE_FORMATS, parseDate } from './dates';
import { parseNumber } from './csvInfer';

/** Delimiters tried by detection, in tie-break order. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Pick the delimiter from the first complete lines of `buf` (outside quotes): the candidate whose
 * count is the same non-zero number on every sampled line, largest count winning; else, when no
 * candidate occurs on the first line and every line splits into the same number (≥ 2) of
 * whitespace-separated fields, `' '` (runs of spaces/tabs, as in CDNOW_master.txt); else the
 * candidate most frequent on the first line; `,` when none occurs.
 *
 * @example
 *   detectDelimiter(new TextEncoder().encode('a;b;c\n1;2;3\n')); // ';'
 *   detectDelimiter(new TextEncoder().encode(' id  date\n 01 19970101\n')); // ' '
 */
export function detectDelimiter(buf: Uint8Array, start = 0): string {
  const cands = DELIMITERS.map((d) => d.charCodeAt(0));
  const lines: number[][] = [];
  const wsFields: number[] = [];
  let counts = cands.map(() => 0);
  let fields = 0;
  let inField = false;
  let inQ = false;
  let i = start;
  for (; i < buf.length && lines.length < 20; i++) {
    const b = buf[i];
    if (b === QUOTE) inQ = !inQ;
    if (!inQ && b === LF) {
      if (inField || fields > 0) {
        lines.push(counts);
        wsFields.push(fields);
      }
      counts = cands.map(() => 0);
      fields = 0;
      inField = false;
      continue;
    }
    const space = b === 32 || b === 9 || b === CR;
    if (!space && !inField) fields++;
    inField = !space || (inQ && inField);
    if (!inQ) {
      const j = cands.indexOf(b);
      if (j >= 0) counts[j]++;
    }
  }
  if (lines.length === 0 || (i === buf.length && fields > 0)) {
    lines.push(counts);
    wsFields.push(fields);
  }
  let best = -1;
  let bestCount = 0;
  for (let j = 0; j < cands.length; j++) {
    const c0 = lines[0][j];
    if (c0 > 0 && lines.every((l) => l[j] === c0) && c0 > bestCount) {
      best = j;
      bestCount = c0;
    }
  }
  if (best < 0 && lines[0].every((c) => c === 0) && wsFields[0] >= 2 && wsFields.every((f) => f === wsFields[0])) return ' ';
  if (best < 0) {
    for (let j = 0; j < cands.length; j++) {
      if (lines[0][j] > bestCount) {
        best = j;
        bestCount = lines[0][j];
      }
    }
  }
  return best < 0 ? ',' : DELIMITERS[best];
}

function looksTyped(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (!Number.isNaN(parseNumber(t))) return true;
  return DATE_FORMATS.some((f) => !Number.isNaN(parseDate(t, f)));
}

/**
 * Whether the first of `records` is a header: true unless the columns whose other values are all
 * numbers or dates mostly hold a number or date in the first record too. With only text columns
 * (nothing to compare) the first record is taken as a header; a lone record is a header unless
 * every field of it is a number or date.
 *
 * @example
 *   firstRowIsHeader([['customer_id', 'date'], ['00001', '19970101']]); // true
 *   firstRowIsHeader([['00004', '19970101'], ['00021', '19970102']]);   // false
 */
export function firstRowIsHeader(records: readonly (readonly string[])[]): boolean {
  const first = records[0];
  if (!first) return true;
  if (records.length === 1) return !first.every(looksTyped);
  let typed = 0;
  let textFirst = 0;
  for (let j = 0; j < first.length; j++) {
    let any = false;
    let all = true;
    for (let r = 1; r < records.length && all; r++) {
      const v = records[r][j];
      if (v === undefined || v.trim() === '') continue;
      any = true;
      all = looksTyped(v);
    }
    if (!any || !all) continue;
    typed++;
    if (!looksTyped(first[j])) textFirst++;
  }
  return typed === 0 ? true : textFirst * 2 > typed;
}

