/**
 * The info string of a code fence: `js` followed by flags and `key=value` pairs.
 *
 * Grammar (one line): `js` then tokens separated by spaces; a token is `flag` or `key=value`;
 * a value that is empty, contains whitespace or starts with `"` is written as a JSON string.
 * `id=…` names the cell and is kept apart from the options.
 *
 * @example
 *   parseInfo('js id=fit expensive stage=model label="Train the model"')
 *   // { lang: 'js', id: 'fit', options: { expensive: true, stage: 'model', label: 'Train the model' } }
 *   formatInfo('fit', { expensive: true, stage: 'model' }) // 'js id=fit expensive stage=model'
 */
export interface ParsedInfo {
  /** First token, e.g. `js`, `python`, '' for a bare fence. */
  lang: string;
  id?: string;
  options: Record<string, string | true>;
}

/** Keys the format writes bare: letters, digits, `_`, `-`, `.`, not starting with a digit or `-`. */
export const OPTION_KEY = /^[A-Za-z_][\w.-]*$/;

/** Split an info string into tokens, honouring `key="quoted value"` (JSON string syntax). */
function tokenize(info: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  const n = info.length;
  while (i < n) {
    while (i < n && /\s/.test(info[i])) i++;
    if (i >= n) break;
    let token = '';
    while (i < n && !/\s/.test(info[i])) {
      if (info[i] === '"') {
        // A JSON string: copy up to the matching unescaped quote.
        let j = i + 1;
        while (j < n && info[j] !== '"') j += info[j] === '\\' ? 2 : 1;
        token += info.slice(i, Math.min(j + 1, n));
        i = j + 1;
      } else {
        token += info[i++];
      }
    }
    tokens.push(token);
  }
  return tokens;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      /* not JSON: keep it verbatim */
    }
  }
  return value;
}

/** Parse a fence info string (without the fence characters). */
export function parseInfo(info: string): ParsedInfo {
  const tokens = tokenize(info.trim());
  const lang = tokens.length ? tokens[0] : '';
  const options: Record<string, string | true> = {};
  let id: string | undefined;
  for (const token of tokens.slice(1)) {
    const eq = token.indexOf('=');
    if (eq <= 0) {
      options[token] = true;
      continue;
    }
    const key = token.slice(0, eq);
    const value = unquote(token.slice(eq + 1));
    if (key === 'id') id = value;
    else options[key] = value;
  }
  return id === undefined ? { lang, options } : { lang, id, options };
}

function formatValue(value: string): string {
  return value === '' || /\s/.test(value) || value.startsWith('"') ? JSON.stringify(value) : value;
}

/** Write `js [id=…] options…` in option order; throws on keys the format cannot hold. */
export function formatInfo(id: string | undefined, options: Record<string, string | true>): string {
  const parts = ['js'];
  if (id !== undefined) parts.push(`id=${formatValue(id)}`);
  for (const [key, value] of Object.entries(options)) {
    if (!OPTION_KEY.test(key)) throw new Error(`cell option key \`${key}\` cannot be written (expected ${OPTION_KEY})`);
    if (value === true) parts.push(key);
    else if (typeof value === 'string') {
      if (key === 'id') throw new Error('cell option `id` is the cell id: set CellSpec.id instead');
      parts.push(`${key}=${formatValue(value)}`);
    } else throw new Error(`cell option \`${key}\` must be a string or true`);
  }
  return parts.join(' ');
}
