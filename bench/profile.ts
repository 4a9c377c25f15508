/**
 * `profile_1m_transactions`: Tierbook's `customerFeatures` (RFM, AOV, tenure, inter-purchase mean and
 * spread, distinct items, return rate) over the 1M-transaction synthetic shop vs a pandas groupby
 * computing the same columns (goal: ≤ 0.3× pandas' time). Totals of both are compared.
 *
 * Call from bench/run.ts, after the synthetic shop is built:  `await step('profile', () => benchProfile(ctx, tx))`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { customerFeatures } from '../src/core/profile/features';
import { codes, floats } from '../src/core/table';
import { bytes, hasColumn } from '../src/core/stats/columns';
import type { BenchContext } from './context';
import { PYTHON } from './config';
import { writeJson, writeTyped } from './files';
import { result, type BenchResult } from './result';
import { summarise } from './stats';
import { median, timeRuns } from './timing';

/** Timed runs (after one warm-up). */
export const PROFILE_RUNS = 5;

/** Columns both sides use; country / category affinity are left out so the work is the same. */
const COLUMNS = ['customer', 'order', 'time', 'quantity', 'price', 'amount', 'item', 'cancelled'];

const PEER = `
import sys, json, time
import numpy as np, pandas as pd
d, runs = sys.argv[1], int(sys.argv[2])
DAY = 86_400_000
cust = np.fromfile(f'{d}/customer.i32', '<i4'); order = np.fromfile(f'{d}/order.i32', '<i4')
item = np.fromfile(f'{d}/item.i32', '<i4'); t = np.fromfile(f'{d}/time.f64', '<f8')
amount = np.fromfile(f'{d}/amount.f64', '<f8'); qty = np.fromfile(f'{d}/quantity.f64', '<f8')
ret = np.fromfile(f'{d}/return.u8', '<u1').astype(bool)
df = pd.DataFrame({'customer': cust, 'order': order, 'item': item, 'time': t, 'amount': amount, 'ret': ret})
df = df[df['customer'] >= 0]
as_of = (np.floor(t.max() / DAY) + 1) * DAY
def profile():
    g = df.groupby('customer', sort=True)
    p = g.agg(first=('time', 'min'), last=('time', 'max'), frequency=('order', 'nunique'),
              monetary=('amount', 'sum'), items=('item', 'nunique'))
    p['recency'] = np.floor((as_of - p['last']) / DAY); p['tenure'] = np.floor((as_of - p['first']) / DAY)
    p['aov'] = p['monetary'] / p['frequency']
    o = df.groupby(['customer', 'order'], sort=False).agg(time=('time', 'min'), ret=('ret', 'max')).reset_index()
    o = o.sort_values(['customer', 'time'])
    o['gap'] = o.groupby('customer')['time'].diff() / DAY
    gaps = o.groupby('customer')['gap']
    p['ipt_mean'] = gaps.mean().fillna(0); p['ipt_std'] = gaps.std().fillna(0)
    p['return_rate'] = o.groupby('customer')['ret'].mean()
    return p
profile()
ms = []
for _ in range(runs):
    t0 = time.perf_counter(); p = profile(); ms.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'ms': ms, 'check': {'customers': int(len(p)), 'frequency': float(p['frequency'].sum()),
  'monetary': float(p['monetary'].sum()), 'items': float(p['items'].sum()), 'ipt_mean': float(p['ipt_mean'].sum()),
  'return_rate': float(p['return_rate'].sum())}}))
`;

function totals(f: Table) {
  const sum = (c: string) => floats(f, c).reduce((a, b) => a + b, 0);
  return { customers: f.numRows, frequency: sum('frequency'), monetary: sum('monetary'), items: sum('items'), ipt_mean: sum('ipt_mean'), return_rate: sum('return_rate') };
}

/**
 * Times `customerFeatures(tx)` (1 warm-up, median of 5) and the pandas peer on the same rows.
 *
 * @example await benchProfile(ctx, synthShop(SHOP)); // [{ name: 'profile_1m_transactions', … }]
 */
export async function benchProfile(ctx: BenchContext, shop: Table): Promise<BenchResult[]> {
  const tx = shop.select(COLUMNS.filter((c) => hasColumn(shop, c)));
  if (!hasColumn(tx, 'item')) throw new Error('benchProfile: the synthetic shop has no `item` column');
  let features: Table | null = null;
  const ms = await timeRuns(() => (features = customerFeatures(tx)), PROFILE_RUNS, 1);
  const mine = totals(features as unknown as Table);
  const { value, unit } = summarise(ms);
  let peerValue: number | null = null;
  let note = `${mine.customers.toLocaleString('en')} customers; goal ≤ 0.3× pandas`;
  if (ctx.peers.available) {
    const dir = ctx.work.sub('profile');
    const q = floats(tx, 'quantity');
    const c = bytes(tx, 'cancelled');
    writeTyped(join(dir, 'customer.i32'), codes(tx, 'customer').codes);
    writeTyped(join(dir, 'order.i32'), codes(tx, 'order').codes);
    writeTyped(join(dir, 'item.i32'), codes(tx, 'item').codes);
    writeTyped(join(dir, 'time.f64'), floats(tx, 'time'));
    writeTyped(join(dir, 'amount.f64'), floats(tx, 'amount'));
    writeTyped(join(dir, 'quantity.f64'), q);
    writeTyped(join(dir, 'return.u8'), Uint8Array.from(q, (v, i) => (c[i] || v < 0 ? 1 : 0)));
    writeJson(join(dir, 'columns.json'), COLUMNS);
    const r = spawnSync(PYTHON, ['-c', PEER, dir, String(PROFILE_RUNS)], { encoding: 'utf8', timeout: 600_000, maxBuffer: 16 << 20 });
    try {
      const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
      peerValue = median(out.ms);
      const theirs = out.check as Record<string, number>;
      const same = Object.entries(mine).every(([key, v]) => Math.abs(v - theirs[key]) <= 1e-6 * Math.max(1, Math.abs(v)));
      note += same ? '; same totals as pandas' : `; MISMATCH with pandas: ours ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`;
    } catch {
      note += `; peer failed: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? r.error?.message}`;
    }
  }
  const peer = 'pandas groupby(customer).agg + per-order groupby for gaps and returns, 1 warm-up';
  return [result('profile_1m_transactions', value, unit, { peer, peerValue, note })];
}
