/**
 * Command-line arguments of the headless runner.
 *
 * @example
 *   parseArgs(['run', 'notebooks/value-tiering.md', '--set', 'threshold=0.6', '--out', 'out'])
 *   // { command: 'run', notebook: 'notebooks/value-tiering.md', data: {}, set: { threshold: 0.6 }, out: 'out', backend: 'auto' }
 */
export interface RunArgs {
  command: 'run';
  notebook: string;
  data: Record<string, string>;
  set: Record<string, unknown>;
  out: string;
  backend: 'auto' | 'wasm' | 'cpu';
  /** `--engine js|duckdb` (absent = js): which engine `runEngine` cells use when they say 'auto'. */
  engine?: 'js' | 'duckdb';
  /** `--lang en|zh-CN` (absent = en): the language of chart texts in the SVGs; data stay canonical. */
  lang?: 'en' | 'zh-CN';
}

export const USAGE = `usage: tierbook run <notebook.md> [--data NAME=PATH]... [--set PARAM=VALUE]... [--out DIR] [--backend auto|wasm|cpu] [--engine js|duckdb]

Runs every cell of the notebook and writes, for each named cell, DIR/<name>.csv (tables),
DIR/<name>.svg (charts) or DIR/<name>.json (other values), plus DIR/cells.json.
  --data NAME=PATH   load PATH (CSV or Arrow, optionally .gz) as the dataset widget NAME
  --set PARAM=VALUE  set a widget parameter (JSON values: 0.6, true, "text", {"a":1})
  --set map.ROLE=COL map a column to a role (customer, order, date, quantity, price, amount,
                     item, description, category, country); the other roles stay detected
  --out DIR          output folder (default: out)
  --backend B        tfjs backend for training (default: auto = wasm, else cpu)
  --engine E         load + preprocess + profile in runEngine cells: js (default, in memory) or
                     duckdb (native DuckDB streams CSV/Parquet from disk; for files larger than memory)
  --lang L           chart texts in the SVGs: en (default) or zh-CN (tables and JSON keep their values)`;

function pair(flag: string, text: string | undefined): [string, string] {
  const i = text?.indexOf('=') ?? -1;
  if (!text || i <= 0) throw new Error(`${flag} expects NAME=VALUE, got ${text === undefined ? 'nothing' : `\`${text}\``}`);
  return [text.slice(0, i), text.slice(i + 1)];
}

/** Role names and their aliases accepted by `--set map.ROLE=COLUMN`. */
const ROLE_ALIASES: Record<string, string> = {
  customer: 'customer', customer_id: 'customer', user: 'customer',
  order: 'order', invoice: 'order', order_id: 'order',
  time: 'time', date: 'time', timestamp: 'time',
  quantity: 'quantity', qty: 'quantity',
  price: 'price', unit_price: 'price',
  amount: 'amount', revenue: 'amount', value: 'amount',
  item: 'item', sku: 'item', product: 'item',
  itemName: 'itemName', item_name: 'itemName', description: 'itemName',
  category: 'category', country: 'country',
};

/**
 * Move `map.ROLE=COLUMN` settings into one `roles` parameter (the notebook's column-roles widget),
 * which refines the detected mapping.
 * @example rolesFromSet({'map.date': 'date', 'map.amount': 'dollar_value', threshold: 0.6})
 *   // { set: { threshold: 0.6, roles: { time: 'date', amount: 'dollar_value' } } }
 */
export function rolesFromSet(set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const roles: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(set)) {
    if (!key.startsWith('map.')) {
      out[key] = value;
      continue;
    }
    const role = ROLE_ALIASES[key.slice(4)];
    if (!role) throw new Error(`--set ${key}: unknown role \`${key.slice(4)}\` (roles: ${[...new Set(Object.values(ROLE_ALIASES))].join(', ')})`);
    roles[role] = value === '' || value === null ? null : String(value);
  }
  if (Object.keys(roles).length) out.roles = { ...((out.roles as object) ?? {}), ...roles };
  return out;
}

/** A `--set` value: JSON when it parses as JSON, the raw text otherwise. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function parseArgs(argv: string[]): RunArgs {
  const [command, notebook, ...rest] = argv;
  if (command !== 'run' || !notebook || notebook.startsWith('--')) throw new Error(USAGE);
  const args: RunArgs = { command, notebook, data: {}, set: {}, out: 'out', backend: 'auto' };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[++i];
    if (flag === '--data') {
      const [name, path] = pair(flag, value);
      args.data[name] = path;
    } else if (flag === '--set') {
      const [name, text] = pair(flag, value);
      args.set[name] = parseValue(text);
    } else if (flag === '--out') {
      if (!value) throw new Error('--out expects a folder');
      args.out = value;
    } else if (flag === '--backend') {
      if (value !== 'auto' && value !== 'wasm' && value !== 'cpu') throw new Error('--backend expects auto, wasm or cpu');
      args.backend = value;
    } else if (flag === '--engine') {
      if (value !== 'js' && value !== 'duckdb') throw new Error('--engine expects js or duckdb');
      args.engine = value;
    } else if (flag === '--lang') {
      if (value !== 'en' && value !== 'zh-CN') throw new Error('--lang expects en or zh-CN');
      args.lang = value;
    } else {
      throw new Error(`unknown option \`${flag}\`\n\n${USAGE}`);
    }
  }
  args.set = rolesFromSet(args.set);
  return args;
}
