/**
 * `rfm_1m_transactions`: `rfm` over the canonical 1M-transaction table vs a pandas groupby computing
 * the same columns from the same data (Arrow dictionary columns handed over as codes + dictionaries,
 * which pandas holds as categoricals). Both sides' totals are compared, so the peer does the same work.
 */
import type { Table } from 'apache-arrow';
import { join } from 'node:path';
import { rfm } from '../../src/core/profile/rfm';
import { codes, floats } from '../../src/core/table';
import type { BenchContext } from '../context';
import { RUNS } from '../config';
import { writeJson, writeTyped } from '../files';
import { result, type BenchResult } from '../result';
import { peerMedian, summarise } from '../stats';
import { timeRuns } from '../timing';

/** Order-independent totals of an RFM profile, to check that both sides computed the same thing. */
export interface RfmCheck {
  customers: number;
  recency: number;
  frequency: number;
  tenure: number;
  monetary: number;
}

/**
 * Totals of `rfm`'s output.
 *
 * @example
 *   rfmCheck(rfm(tx)); // { customers: 99_0xx, recency: …, frequency: …, tenure: …, monetary: … }
 */
export function rfmCheck(profile: Table): RfmCheck {
  const sum = (name: string) => floats(profile, name).reduce((a, b) => a + b, 0);
  return {
    customers: profile.numRows,
    recency: sum('recency'),
    frequency: sum('frequency'),
    tenure: sum('tenure'),
    monetary: sum('monetary'),
  };
}

/** True when the integer totals agree exactly and monetary to 1e-9 relative. */
function sameCheck(a: RfmCheck, b: RfmCheck): boolean {
  return (
    a.customers === b.customers &&
    a.recency === b.recency &&
    a.frequency === b.frequency &&
    a.tenure === b.tenure &&
    Math.abs(a.monetary - b.monetary) <= 1e-9 * Math.max(1, Math.abs(a.monetary))
  );
}

/** Writes the columns the peer needs (customer, order, time, amount) under `dir`. */
function writeForPeer(tx: Table, dir: string): void {
  const customer = codes(tx, 'customer');
  const order = codes(tx, 'order');
  writeTyped(join(dir, 'customer.i32'), customer.codes);
  writeJson(join(dir, 'customer.json'), customer.dict);
  writeTyped(join(dir, 'order.i32'), order.codes);
  writeJson(join(dir, 'order.json'), order.dict);
  writeTyped(join(dir, 'time.f64'), floats(tx, 'time'));
  writeTyped(join(dir, 'amount.f64'), floats(tx, 'amount'));
}

/**
 * Times `rfm(tx)` (1 warm-up, median of 5) and the pandas peer on the same rows.
 *
 * @example
 *   await benchRfm(ctx, synthShop(SHOP)); // [{ name: 'rfm_1m_transactions', … }]
 */
export async function benchRfm(ctx: BenchContext, tx: Table): Promise<BenchResult[]> {
  let profile: Table | null = null;
  const ms = await timeRuns(() => (profile = rfm(tx)), RUNS.rfm, RUNS.rfmWarmup);
  const mine = rfmCheck(profile as unknown as Table);
  const { value, unit } = summarise(ms);

  let peerValue: number | null = null;
  let note = `${mine.customers.toLocaleString('en')} customers`;
  if (ctx.peers.available) {
    const dir = ctx.work.sub('rfm');
    writeForPeer(tx, dir);
    const out = ctx.peers.run('rfm', [dir, String(RUNS.rfm), String(RUNS.rfmWarmup)]);
    peerValue = peerMedian(out, 'ms');
    if (out) {
      const theirs = out.check as RfmCheck;
      note += sameCheck(mine, theirs)
        ? '; same totals as pandas'
        : `; MISMATCH with pandas: ours ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`;
    }
  }
  const peer = 'pandas groupby(customer).agg(min, max, nunique, sum) on categoricals (groups ordered by category code; ours sorts by id string), 1 warm-up';
  return [result('rfm_1m_transactions', value, unit, { peer, peerValue, note })];
}
