/**
 * RFM on CDNOW_master against pandas (test/golden/profile_cdnow.py → test/fixtures/profile_cdnow.json).
 * Reads ../shared/data/CDNOW_master.txt and skips, saying so, when it is absent.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeTable, floats, strings } from '../../../src/core/table';
import { rfm } from '../../../src/core/profile/rfm';
import { rfmScores } from '../../../src/core/tiers/rfmScore';

const PATH = fileURLToPath(new URL('../../../../shared/data/CDNOW_master.txt', import.meta.url));
const present = existsSync(PATH);
if (!present) console.warn(`skipping the CDNOW RFM golden test: ${PATH} is absent`);

interface CdnowGolden {
  lines: number;
  asOf: number;
  customer: string[];
  recency: number[];
  frequency: number[];
  tenure: number[];
  monetaryCents: number[];
  r: number[];
  f: number[];
  m: number[];
}

/** CDNOW_master as a canonical transactions table; an order is a customer's purchases on one day. */
function cdnowTransactions() {
  const lines = readFileSync(PATH, 'utf8').split('\n').slice(1).filter((l) => l.trim());
  const n = lines.length;
  const customer: string[] = new Array(n);
  const order: string[] = new Array(n);
  const time = new Float64Array(n);
  const quantity = new Float64Array(n);
  const amount = new Float64Array(n);
  lines.forEach((l, i) => {
    const [c, d, q, a] = l.trim().split(/\s+/);
    customer[i] = c;
    order[i] = `${c}/${d}`;
    time[i] = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8));
    quantity[i] = +q;
    amount[i] = +a;
  });
  return makeTable({
    customer,
    order,
    time: { timestampMs: time },
    quantity,
    price: amount.map((a, i) => (quantity[i] ? a / quantity[i] : a)),
    amount,
    cancelled: { bool: new Uint8Array(n) },
  });
}

describe.skipIf(!present)('rfm(CDNOW_master) equals pandas groupby, customer by customer', () => {
  const golden: CdnowGolden = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/profile_cdnow.json', import.meta.url)), 'utf8'));
  const tx = present ? cdnowTransactions() : null;

  test('recency, frequency (distinct purchase days), monetary and tenure of all 23,570 customers', () => {
    expect(tx!.numRows).toBe(golden.lines);
    const p = rfm(tx!);
    expect(p.numRows).toBe(23570);
    expect(strings(p, 'customer')).toEqual(golden.customer);
    expect(Array.from(floats(p, 'recency'))).toEqual(golden.recency);
    expect(Array.from(floats(p, 'frequency'))).toEqual(golden.frequency);
    expect(Array.from(floats(p, 'tenure'))).toEqual(golden.tenure);
    expect(Array.from(floats(p, 'monetary'), (v) => Math.round(v * 100))).toEqual(golden.monetaryCents);
  });

  test('rfmScores gives the same quintile scores as qcut(rank(method="first"))', () => {
    const s = rfmScores(rfm(tx!));
    expect(Array.from(floats(s, 'r'))).toEqual(golden.r);
    expect(Array.from(floats(s, 'f'))).toEqual(golden.f);
    expect(Array.from(floats(s, 'm'))).toEqual(golden.m);
  });
});
