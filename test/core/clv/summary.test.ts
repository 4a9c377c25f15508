import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clvSummary } from '../../../src/core/clv/summary';
import { floats, makeTable, strings } from '../../../src/core/table';
import { cdnow } from './cdnow';

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

function tx(rows: [string | null, string, number][]) {
  return makeTable({
    customer: rows.map((r) => r[0]),
    time: { timestampMs: Float64Array.from(rows, (r) => day(r[1]) + 3_600_000) },
    amount: Float64Array.from(rows, (r) => r[2]),
  });
}

describe('clvSummary(tx, {calibrationEnd, observationEnd, unit})', () => {
  const lines = tx([
    ['b', '2020-01-01', 10],
    ['a', '2020-01-01', 5],
    ['a', '2020-01-01', 7], // same day: merged into one purchase of 12
    ['a', '2020-01-15', 20],
    ['a', '2020-01-29', 30],
    ['a', '2020-02-12', 99], // holdout
    ['a', '2020-02-13', 1], // holdout
    ['c', '2020-02-06', 8], // first purchase after the calibration end: left out
    [null, '2020-01-20', 3], // no customer: skipped
  ]);
  const s = clvSummary(lines, { calibrationEnd: '2020-02-05', observationEnd: '2020-02-19' });
  const t = s.table;

  test('merges same-day lines and counts repeat purchases up to the calibration end', () => {
    expect(strings(t, 'customer')).toEqual(['a', 'b']);
    expect(Array.from(floats(t, 'frequency'))).toEqual([2, 0]);
    expect(s.mergedLines).toBe(1);
  });
  test('recency and T are weeks from the first purchase; monetary is the mean of repeat purchases', () => {
    expect(Array.from(floats(t, 'recency'))).toEqual([4, 0]);
    expect(Array.from(floats(t, 'T'))).toEqual([5, 5]);
    expect(Array.from(floats(t, 'monetary'))).toEqual([25, 0]);
  });
  test('holdout counts purchase days after the calibration end; new customers are left out', () => {
    expect(Array.from(floats(t, 'holdout'))).toEqual([2, 0]);
    expect(s.holdoutLength).toBe(2);
    expect(s.newInHoldout).toBe(1);
    expect(s.calibrationEnd).toBe('2020-02-05');
    expect(s.observationEnd).toBe('2020-02-19');
  });
  test('unit days measures recency and T in days', () => {
    const d = clvSummary(lines, { calibrationEnd: '2020-02-05', unit: 'days' });
    expect(Array.from(floats(d.table, 'recency'))).toEqual([28, 0]);
    expect(Array.from(floats(d.table, 'T'))).toEqual([35, 35]);
    expect(d.observationEnd).toBe('2020-02-13');
    expect(d.holdoutLength).toBe(8);
  });
  test('holdout counts back from the observation end; without either the whole span is calibration', () => {
    expect(clvSummary(lines, { holdout: 1, observationEnd: '2020-02-19' }).calibrationEnd).toBe('2020-02-12');
    const all = clvSummary(lines);
    expect(all.holdoutLength).toBe(0);
    expect(Array.from(floats(all.table, 'frequency'))).toEqual([4, 0, 0]);
  });
  test('rejects a bad date and a calibration end after the observation end', () => {
    expect(() => clvSummary(lines, { calibrationEnd: '2020-02-31' })).toThrow(/`2020-02-31` is not a date/);
    expect(() => clvSummary(lines, { calibrationEnd: '2020-03-01' })).toThrow(/after the observation end 2020-02-13/);
  });
});

const SAMPLE = resolve(__dirname, '../../../../shared/data/CDNOW_sample.txt');
const haveSample = existsSync(SAMPLE);
if (!haveSample) console.warn(`skipping the CDNOW raw-log summary test: ${SAMPLE} is absent (../shared/data is not part of the repository)`);

describe.skipIf(!haveSample)('clvSummary on the raw CDNOW 1/10-sample log (../shared/data/CDNOW_sample.txt)', () => {
  test('reproduces Fader & Hardie’s summary (x, t_x, T to 2 decimals) and the holdout counts', () => {
    const rows = readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
    const t = makeTable({
      customer: rows.map((r) => String(Number(r[1]))),
      time: { timestampMs: Float64Array.from(rows, (r) => Date.UTC(+r[2].slice(0, 4), +r[2].slice(4, 6) - 1, +r[2].slice(6, 8))) },
      amount: Float64Array.from(rows, (r) => +r[4]),
    });
    const s = clvSummary(t, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30', unit: 'weeks' });
    expect(s.customers).toBe(cdnow.rawLog.customers);
    expect(s.holdoutLength).toBe(39);
    expect(s.mergedLines).toBe(cdnow.rawLog.sameDayRows);
    // ids sort as strings: map back to the numeric id order of the fixture
    const ids = strings(s.table, 'customer').map(Number);
    const x = floats(s.table, 'frequency');
    const tx = floats(s.table, 'recency');
    const T = floats(s.table, 'T');
    const m = floats(s.table, 'monetary');
    const h = floats(s.table, 'holdout');
    let holdout = 0;
    ids.forEach((id, k) => {
      const i = id - 1;
      expect(x[k]).toBe(cdnow.summary.x[i]);
      expect(Math.round(tx[k] * 100) / 100).toBe(cdnow.summary.t_x[i]);
      expect(Math.round(T[k] * 100) / 100).toBe(cdnow.summary.T[i]);
      expect(Math.abs(m[k] - cdnow.summary.zbar[i])).toBeLessThan(0.006);
      holdout += h[k];
    });
    expect(holdout).toBe(cdnow.rawLog.holdoutTotal);
  });
});
