/**
 * Audience export: the customers of one tier as a CSV a marketing tool (or a spreadsheet) can import,
 * with personal columns pseudonymised and spreadsheet-formula injection neutralised.
 */
import type { Table } from 'apache-arrow';
import { Bool } from 'apache-arrow';
import { csvField } from '../data/csvWrite';
import { filterRows, makeTable, strings, type ColumnInput } from '../table';
import { pseudonymiseColumns } from './privacy';

/**
 * A text cell made inert for spreadsheets: a value starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula by Excel, LibreOffice or Google Sheets (OWASP "CSV injection"), so
 * it gets a leading apostrophe. Other values are returned unchanged.
 * @example neutralise('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * @example neutralise('WHITE MUG');             // "WHITE MUG"
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A copy of `table` whose text columns are neutralised cell by cell; other columns unchanged. */
export function neutraliseTable(table: Table): Table {
  const out: Record<string, ColumnInput> = {};
  for (const f of table.schema.fields) {
    const typeId = f.type.typeId;
    // Utf8 (5), LargeUtf8 (20) and dictionary-encoded text (-1)
    out[f.name] = typeId === 5 || typeId === 20 || typeId === -1 ? strings(table, f.name).map((v) => (v === null ? null : neutralise(v))) : table.getChild(f.name)!;
  }
  return makeTable(out);
}

export interface AudienceOptions {
  /** Column holding the tier. Default "tier". */
  tierColumn?: string;
  /** Columns marked personal, replaced by HMAC-SHA-256 pseudonyms. Default ["customer"]. */
  personal?: string[];
  /** The secret key for the pseudonyms (keep it; without it nobody can re-identify). Required. */
  secret: string;
  /** Pseudonym length in hex digits. Default 16. */
  length?: number;
}

/**
 * The audience of one tier, ready to export: the rows of `tier` (all rows when `tier` is null), personal
 * columns pseudonymised (keyed HMAC-SHA-256), every text cell neutralised against formula injection.
 * @example const t = await audienceExport(tiers, 'High value', { secret }); audienceCsv(t)
 */
export async function audienceExport(table: Table, tier: string | null, opts: AudienceOptions): Promise<Table> {
  const column = opts.tierColumn ?? 'tier';
  let rows = table;
  if (tier !== null) {
    const t = strings(table, column);
    const mask = Uint8Array.from(t, (v) => (v === tier ? 1 : 0));
    rows = filterRows(table, mask);
  }
  const hashed = await pseudonymiseColumns(rows, opts.personal ?? ['customer'], opts.secret, opts.length ?? 16);
  return neutraliseTable(hashed);
}

/**
 * CSV text (RFC 4180, header line, `\n` line ends) of a table with every text cell neutralised;
 * numbers as JavaScript writes them, booleans as true/false, nulls empty.
 * @example audienceCsv(makeTable({ customer: ['=1+1'] })); // "customer\n'=1+1\n"
 */
export function audienceCsv(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const lines = [names.map((n) => csvField(neutralise(n))).join(',')];
  const cols = names.map((n) => table.getChild(n)!);
  const bool = cols.map((c) => c.type instanceof Bool);
  for (let i = 0; i < table.numRows; i++) {
    lines.push(
      cols
        .map((c, j) => {
          const v = c.get(i) as unknown;
          if (v === null || v === undefined) return '';
          if (bool[j]) return v ? 'true' : 'false';
          if (typeof v === 'number' || typeof v === 'bigint') return String(v);
          return csvField(neutralise(String(v)));
        })
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
