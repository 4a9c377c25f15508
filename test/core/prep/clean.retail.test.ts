import { describe, expect, test } from 'vitest';
import { clean } from '../../../src/core/prep/clean';
import { strings, floats } from '../../../src/core/table';
import { retail, retailGolden } from './retail';

const tx = retail();

describe.skipIf(!tx)('clean(tx) on Online Retail', () => {
  test('gives the same rows and customers as pandas after every step', () => {
    const t0 = performance.now();
    const { table, steps } = clean(tx!);
    const ms = performance.now() - t0;
    console.log(`clean(Online Retail) ${ms.toFixed(0)} ms`);
    const golden = retailGolden().steps;
    expect(strings(steps, 'step')).toEqual(golden.map((s) => s.step));
    expect(Array.from(floats(steps, 'rows'))).toEqual(golden.map((s) => s.rows));
    expect(Array.from(floats(steps, 'customers'))).toEqual(golden.map((s) => s.customers));
    const rows = golden.map((s) => s.rows);
    expect(Array.from(floats(steps, 'removed'))).toEqual(rows.map((r, i) => (i === 0 ? 0 : rows[i - 1] - r)));
    expect(table.numRows).toBe(392_692);
  });
});
