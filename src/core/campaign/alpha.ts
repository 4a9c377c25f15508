/**
 * Parse per-item ad weights α written as text.
 */
import { DataError } from '../errors';

/**
 * Parse "ITEM=WEIGHT" pairs separated by commas, semicolons or new lines into a map by item id.
 * Weights must be finite numbers ≥ 0; blank input gives {}; a repeated item keeps the last weight.
 * Throws a DataError naming the bad pair.
 *
 * @example
 *   parseAlpha('85123A=2, 22423=0.5'); // { '85123A': 2, '22423': 0.5 }
 *   parseAlpha('85123A=two');          // DataError: ad weights (α): `85123A=two` has a weight `two` that is not a number (…)
 */
export function parseAlpha(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const raw of text.split(/[,;\n\r]+/)) {
    const pair = raw.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const fail = (problem: string) =>
      new DataError({ file: 'ad weights (α)', value: pair, problem, expected: 'ITEM=WEIGHT pairs such as `85123A=2, 22423=0.5`' });
    if (eq < 0) throw fail('has no `=` between the item id and its weight');
    const id = pair.slice(0, eq).trim();
    const w = pair.slice(eq + 1).trim();
    if (id === '') throw fail('has no item id before `=`');
    const value = w === '' ? NaN : Number(w);
    if (!Number.isFinite(value)) throw fail(`has a weight \`${w}\` that is not a number`);
    if (value < 0) throw fail(`has a negative weight \`${w}\``);
    out[id] = value;
  }
  return out;
}
