/**
 * Per-customer frequency / recency / T summary for the BG/NBD and Gamma-Gamma models, with a
 * calibration/holdout split by date.
 *
 * Definitions (unit = 7 days for weeks, 1 for days; all days are UTC calendar days):
 * - same-day lines of a customer merge into one purchase whose value is their summed amount;
 * - the customer's **first purchase** starts her clock; customers whose first purchase falls after the
 *   calibration end are left out (counted in `newInHoldout`);
 * - **frequency** x = calibration purchase days − 1 (repeat purchases);
 * - **recency** t_x = (last calibration purchase day − first day) / unit (0 when x = 0);
 * - **T** = (calibration end day − first day) / unit;
 * - **monetary** = mean value of the repeat purchases (the first is left out; 0 when x = 0);
 * - **holdout** = purchase days after the calibration end, up to and including the observation end.
 *
 * @example
 *   // CDNOW: calibration ends 1997-09-30, observation 1998-06-30, weeks
 *   const s = clvSummary(tx, { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' });
 *   s.table;          // customer, frequency, recency, T, monetary, holdout
 *   s.holdoutLength;  // 39 (weeks)
 */
import type { Table } from 'apache-arrow';
import { DAY_MS } from '../schema';
import { codes, floats, makeTable } from '../table';
import { hasColumn, timeMs } from '../stats/columns';

/** Time unit of the model. */
export type ClvUnit = 'weeks' | 'days';

/** Days per time unit. */
export const UNIT_DAYS: Record<ClvUnit, number> = { weeks: 7, days: 1 };

/** Options of `clvSummary`. */
export interface ClvSummaryOptions {
  /**
   * Last day of the calibration period (inclusive): epoch ms or `YYYY-MM-DD`. Default: `holdout` units
   * before the observation end, or the observation end itself (no holdout) when `holdout` is not given.
   */
  calibrationEnd?: number | string;
  /** Holdout length in units, counted back from the observation end; used when `calibrationEnd` is not given. */
  holdout?: number;
  /** Last day observed (inclusive): epoch ms or `YYYY-MM-DD`. Default: the day of the last line. */
  observationEnd?: number | string;
  /** Time unit of recency, T and the holdout length. Default 'weeks'. */
  unit?: ClvUnit;
}

/** Result of `clvSummary`. */
export interface ClvSummary {
  /** One row per customer (sorted by id): customer, frequency, recency, T, monetary, holdout. */
  table: Table;
  unit: ClvUnit;
  /** Calibration end and observation end as `YYYY-MM-DD`. */
  calibrationEnd: string;
  observationEnd: string;
  /** Observation end − calibration end, in units. */
  holdoutLength: number;
  /** The largest T (age of the earliest customer), in units. */
  maxT: number;
  customers: number;
  /** Customers whose first purchase is after the calibration end (left out). */
  newInHoldout: number;
  /** Order lines merged into another line of the same customer and day. */
  mergedLines: number;
}

function toDay(value: number | string, what: string): number {
  let ms: number;
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
    if (!m || new Date(ms).getUTCDate() !== +m[3]) throw new Error(`clvSummary: ${what} \`${value}\` is not a date (expected YYYY-MM-DD)`);
  } else ms = value;
  if (!Number.isFinite(ms)) throw new Error(`clvSummary: ${what} must be a date, got ${value}`);
  return Math.floor(ms / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Summarise a (cleaned) canonical transactions table — columns customer, time, amount — for the
 * BG/NBD and Gamma-Gamma models. Lines with a null customer or time are skipped. One pass to bucket
 * lines by customer, then each customer's days are sorted and merged.
 *
 * @example clvSummary(orders, { holdout: 39, unit: 'weeks' }).table.numRows
 */
export function clvSummary(tx: Table, opts: ClvSummaryOptions = {}): ClvSummary {
  const unit = opts.unit ?? 'weeks';
  if (!(unit in UNIT_DAYS)) throw new Error(`clvSummary: unit must be 'weeks' or 'days', got \`${String(unit)}\``);
  const u = UNIT_DAYS[unit];
  const { codes: cust, dict } = codes(tx, 'customer');
  const time = timeMs(tx, 'time');
  const amount = hasColumn(tx, 'amount') ? floats(tx, 'amount') : new Float64Array(time.length).fill(NaN);
  const n = time.length;

  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) if (cust[i] >= 0 && Number.isFinite(time[i])) lastDay = Math.max(lastDay, Math.floor(time[i] / DAY_MS));
  if (lastDay === -Infinity) throw new Error('clvSummary: the transactions have no line with both a customer and a time');
  const obsEnd = opts.observationEnd !== undefined ? toDay(opts.observationEnd, 'observationEnd') : lastDay;
  let calEnd: number;
  if (opts.calibrationEnd !== undefined) calEnd = toDay(opts.calibrationEnd, 'calibrationEnd');
  else if (opts.holdout !== undefined) {
    if (!(opts.holdout >= 0)) throw new Error(`clvSummary: holdout must be ≥ 0 ${unit}, got ${opts.holdout}`);
    calEnd = obsEnd - Math.round(opts.holdout * u);
  } else calEnd = obsEnd;
  if (calEnd > obsEnd) throw new Error(`clvSummary: the calibration end ${isoDay(calEnd)} is after the observation end ${isoDay(obsEnd)}`);

  // Bucket line indices by customer code (counting sort).
  const k = dict.length;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) if (cust[i] >= 0 && Number.isFinite(time[i])) start[cust[i] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const fill = start.slice(0, k);
  const lines = new Int32Array(start[k]);
  for (let i = 0; i < n; i++) if (cust[i] >= 0 && Number.isFinite(time[i])) lines[fill[cust[i]]++] = i;

  // Customers in id order (UTF-16 code units, as pandas sorts strings).
  const byId = Array.from({ length: k }, (_, c) => c).sort((p, q) => (dict[p] < dict[q] ? -1 : dict[p] > dict[q] ? 1 : 0));
  const outCustomer: string[] = [];
  const fx: number[] = [];
  const ftx: number[] = [];
  const fT: number[] = [];
  const fm: number[] = [];
  const fh: number[] = [];
  let newInHoldout = 0;
  let mergedLines = 0;
  let keys = new Float64Array(64);
  for (const c of byId) {
    const s = start[c];
    const e = start[c + 1];
    if (e === s) continue;
    const len = e - s;
    if (keys.length < len) keys = new Float64Array(len * 2);
    // key = day · 2^22 + position: sorts by day, keeps the line reachable
    for (let j = 0; j < len; j++) keys[j] = Math.floor(time[lines[s + j]] / DAY_MS) * 4194304 + j;
    const sorted = keys.subarray(0, len).sort();
    const first = Math.floor(sorted[0] / 4194304);
    if (first > calEnd) {
      newInHoldout++;
      continue;
    }
    let x = -1;
    let lastCal = first;
    let repeatSum = 0;
    let holdout = 0;
    let prevDay = NaN;
    let dayValue = 0;
    const close = (day: number) => {
      if (day <= calEnd) {
        x++;
        lastCal = day;
        if (x > 0) repeatSum += dayValue;
      } else if (day <= obsEnd) holdout++;
    };
    for (let j = 0; j < len; j++) {
      const day = Math.floor(sorted[j] / 4194304);
      const line = lines[s + (sorted[j] - day * 4194304)];
      if (day !== prevDay) {
        if (j > 0) close(prevDay);
        prevDay = day;
        dayValue = 0;
      } else mergedLines++;
      dayValue += amount[line];
    }
    close(prevDay);
    outCustomer.push(dict[c]);
    fx.push(x);
    ftx.push((lastCal - first) / u);
    fT.push((calEnd - first) / u);
    fm.push(x > 0 ? repeatSum / x : 0);
    fh.push(holdout);
  }
  const table = makeTable({
    customer: outCustomer,
    frequency: Float64Array.from(fx),
    recency: Float64Array.from(ftx),
    T: Float64Array.from(fT),
    monetary: Float64Array.from(fm),
    holdout: Float64Array.from(fh),
  });
  return {
    table,
    unit,
    calibrationEnd: isoDay(calEnd),
    observationEnd: isoDay(obsEnd),
    holdoutLength: (obsEnd - calEnd) / u,
    maxT: fT.reduce((a, b) => Math.max(a, b), 0),
    customers: outCustomer.length,
    newInHoldout,
    mergedLines,
  };
}
