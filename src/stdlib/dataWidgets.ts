/**
 * Two widgets for the data stage, beside the runtime's slider/number/select/checkbox/text:
 *
 * - `dataset({value, label})` — which dataset the notebook reads: a shipped dataset's key or the
 *   name of a file the user loaded in this tab (the UI's file picker sets it; the runner's
 *   `--data NAME=PATH` too).
 * - `columnRoles(raw, {label})` — which column serves each role (customer id, order id, …): its
 *   default is `detectRoles(raw)`; the UI shows it as the mapping panel, and a share link or
 *   `--set roles={"customer":"Kunde"}` can override it.
 *
 * @example
 *   source = dataset({value: "online-retail"})
 *   roles = columnRoles(raw)   // {customer: "CustomerID", order: "InvoiceNo", …}
 *   // a parameter value refines the detection: {amount: "dollar_value"} keeps the other roles,
 *   // {country: null} removes one.
 */
import type { Table } from 'apache-arrow';
import { WIDGET, type ParamCheck } from '../runtime/widgets';
import { detectRoles } from '../core/data/roles';
import { ROLES, type RoleMap } from '../core/schema';

export interface DatasetWidget {
  [WIDGET]: true;
  kind: 'dataset';
  label: string;
  value: string;
  coerce: (raw: unknown) => ParamCheck;
}

export interface RolesWidget {
  [WIDGET]: true;
  kind: 'roles';
  label: string;
  value: RoleMap;
  /** Column names of the raw table, in file order. */
  columns: string[];
  /** What detection proposed (the UI marks roles still on their detected column). */
  detected: RoleMap;
  coerce: (raw: unknown) => ParamCheck;
}

export function dataset(options: { value: string; label?: string }): DatasetWidget {
  if (typeof options?.value !== 'string' || !options.value) throw new TypeError('dataset needs a value: the key of a dataset');
  return {
    [WIDGET]: true,
    kind: 'dataset',
    label: options.label ?? 'Dataset',
    value: options.value,
    coerce: (raw) => (typeof raw === 'string' && raw !== '' ? { ok: true, value: raw } : { ok: false, message: 'a dataset key must be a non-empty string' }),
  };
}

export function columnRoles(raw: Table, options: { label?: string } = {}): RolesWidget {
  const columns = raw.schema.fields.map((f) => f.name);
  const detected = detectRoles(raw);
  const coerce = (value: unknown): ParamCheck => {
    let v = value;
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch {
        return { ok: false, message: 'roles must be a JSON object like {"customer": "CustomerID"}' };
      }
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, message: 'roles must be an object mapping roles to column names' };
    // A partial mapping refines the detected one; null or '' removes a role.
    const out: RoleMap = { ...detected };
    for (const [role, column] of Object.entries(v as Record<string, unknown>)) {
      if (!(ROLES as readonly string[]).includes(role)) return { ok: false, message: `\`${role}\` is not a role (roles: ${ROLES.join(', ')})` };
      if (column === null || column === '') {
        delete out[role as keyof RoleMap];
        continue;
      }
      if (typeof column !== 'string' || !columns.includes(column)) {
        return { ok: false, message: `role ${role}: \`${String(column)}\` is not a column (columns: ${columns.join(', ')})` };
      }
      out[role as keyof RoleMap] = column;
    }
    return { ok: true, value: out };
  };
  return { [WIDGET]: true, kind: 'roles', label: options.label ?? 'Column roles', value: detected, columns, detected, coerce };
}
