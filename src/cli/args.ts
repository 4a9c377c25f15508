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
}

export const USAGE = `usage: tierbook run <notebook.md> [--data NAME=PATH]... [--set PARAM=VALUE]... [--out DIR] [--backend auto|wasm|cpu]

Runs every cell of the notebook and writes, for each named cell, DIR/<name>.csv (tables),
DIR/<name>.svg (charts) or DIR/<name>.json (other values), plus DIR/cells.json.
  --data NAME=PATH   load PATH (CSV or Arrow, optionally .gz) as the dataset widget NAME
  --set PARAM=VALUE  set a widget parameter (JSON values: 0.6, true, "text", {"a":1})
  --out DIR          output folder (default: out)
  --backend B        tfjs backend for training (default: auto = wasm, else cpu)`;

function pair(flag: string, text: string | undefined): [string, string] {
  const i = text?.indexOf('=') ?? -1;
  if (!text || i <= 0) throw new Error(`${flag} expects NAME=VALUE, got ${text === undefined ? 'nothing' : `\`${text}\``}`);
  return [text.slice(0, i), text.slice(i + 1)];
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
    } else {
      throw new Error(`unknown option \`${flag}\`\n\n${USAGE}`);
    }
  }
  return args;
}
