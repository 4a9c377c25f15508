/**
 * Write an Arrow table as RFC 4180 CSV text.
 *
 * Rules: header line of column names; `\n` line ends; fields containing `,`, `"`, CR or LF (or
 * with leading/trailing spaces) are quoted with `"` doubled; nulls are empty fields; numbers
 * use JS shortest round-trip text (`String(x)`, NaN → empty); timestamps are ISO 8601 UTC
 * (`2010-12-01T08:26:00.000Z`); booleans `true`/`false`; dictionaries write their values.
 *
 * @example
 *   tableToCsv(makeTable({ name: ['a,b', null], x: Float64Array.of(0.1, 2) }));
 *   // 'name,x\n"a,b",0.1\n,2\n'
 */
import { Table, Type, type Vector } from 'apache-arrow';
import { codes as tableCodes } from '../table';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Quote one CSV field when needed.
 *
 * @example
 *   csvField('say "hi"'); // '"say ""hi"""'
 */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function timestampScale(col: Vector): number {
  const t = col.type as { typeId: number; unit: number };
  if (t.typeId === Type.Date) return t.unit === 0 ? 86_400_000 : 1;
  return [1000, 1, 1e-3, 1e-6][t.unit];
}

/** One column rendered as CSV field texts. */
function columnTexts(table: Table, name: string): string[] {
  const col = table.getChild(name)!;
  const n = col.length;
  const out = new Array<string>(n);
  const typeId = col.type.typeId;
  if (typeId === Type.Dictionary || typeId === Type.Utf8 || typeId === Type.LargeUtf8) {
    const { codes, dict } = tableCodes(table, name);
    const quoted = dict.map(csvField);
    for (let i = 0; i < n; i++) out[i] = codes[i] < 0 ? '' : quoted[codes[i]];
    return out;
  }
  if (typeId === Type.Timestamp || typeId === Type.Date) {
    const scale = timestampScale(col);
    let k = 0;
    for (const data of col.data) {
      const values = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++, k++) {
        // values start at the chunk's first row (Arrow cuts them on slice); getValid applies the offset
        out[k] = data.nullCount > 0 && !data.getValid(i) ? '' : new Date(Number(values[i]) * scale).toISOString();
      }
    }
    return out;
  }
  if (typeId === Type.Int || typeId === Type.Float) {
    let k = 0;
    for (const data of col.data) {
      const values = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++, k++) {
        if (data.nullCount > 0 && !data.getValid(i)) out[k] = '';
        else {
          const v = Number(values[i]);
          out[k] = v === v ? String(v) : '';
        }
      }
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    out[i] = v === null || v === undefined ? '' : csvField(typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return out;
}

/**
 * The whole table as CSV text (header + one line per row, each ending in `\n`).
 *
 * @example
 *   tableToCsv(t).split('\n')[0]; // 'customer,order,time,…'
 */
export function tableToCsv(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((name) => columnTexts(table, name));
  const lines = new Array<string>(table.numRows + 1);
  lines[0] = names.map(csvField).join(',');
  const m = cols.length;
  for (let i = 0; i < table.numRows; i++) {
    let line = m ? cols[0][i] : '';
    for (let j = 1; j < m; j++) line += `,${cols[j][i]}`;
    lines[i + 1] = line;
  }
  return `${lines.join('\n')}\n`;
}
