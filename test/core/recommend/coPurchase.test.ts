import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { recommend } from '../../../src/core/recommend/coPurchase';
import { clean } from '../../../src/core/prep/clean';
import { floats, makeTable, strings } from '../../../src/core/table';
import { retail } from '../prep/retail';

interface Rec {
  customer: string;
  rank: number;
  item: string;
  itemName: string;
  score: number;
  because: string;
}
const golden: { k: number; favourites: number; lines: [string | null, string | null, string | null, number][]; expected: Rec[] } = JSON.parse(
  readFileSync(new URL('../../fixtures/stages_recommend.json', import.meta.url), 'utf8'),
);

function txOf(lines: typeof golden.lines) {
  const q = Float64Array.from(lines, (l) => l[3]);
  return makeTable({
    customer: lines.map((l) => l[0]),
    order: lines.map((_, i) => String(i)),
    time: { timestampMs: Float64Array.from(lines, (_, i) => Date.UTC(2011, 0, 1) + i * 60_000) },
    quantity: q,
    price: new Float64Array(lines.length).fill(1),
    amount: q,
    item: lines.map((l) => l[1]),
    itemName: lines.map((l) => l[2]),
    cancelled: { bool: new Uint8Array(lines.length) },
  });
}

function rows(t: ReturnType<typeof recommend>): Rec[] {
  const c = strings(t, 'customer');
  const r = floats(t, 'rank');
  const it = strings(t, 'item');
  const nm = strings(t, 'itemName');
  const s = floats(t, 'score');
  const b = strings(t, 'because');
  return c.map((u, i) => ({ customer: u!, rank: r[i], item: it[i]!, itemName: nm[i]!, score: s[i], because: b[i]! }));
}

describe('recommend(tx, {k, favourites})', () => {
  test('matches the Python reference exactly (items, order, scores, because, popular fill)', () => {
    const got = rows(recommend(txOf(golden.lines), { k: golden.k, favourites: golden.favourites }));
    expect(got.length).toBe(golden.expected.length);
    expect(got).toEqual(golden.expected);
    expect(golden.expected.some((r) => r.because === 'popular')).toBe(true);
  });

  test('never recommends an item the customer bought; ranks run 1..k', () => {
    const lines = golden.lines;
    const t = recommend(txOf(lines), { k: 3, favourites: 2 });
    const bought = new Set(lines.map((l) => `${l[0]}|${l[1]}`));
    const got = rows(t);
    for (const r of got) expect(bought.has(`${r.customer}|${r.item}`)).toBe(false);
    const perCustomer = new Map<string, number[]>();
    for (const r of got) perCustomer.set(r.customer, [...(perCustomer.get(r.customer) ?? []), r.rank]);
    for (const ranks of perCustomer.values()) expect(ranks).toEqual([1, 2, 3].slice(0, ranks.length));
  });

  test('a tiny hand-checked case: P(j|i) weighted by favourite share', () => {
    // u1 bought A×3, B×1; u2 bought A, C; u3 bought A, C, D; u4 bought B, D
    const lines: typeof golden.lines = [
      ['u1', 'A', 'a', 3], ['u1', 'B', 'b', 1], ['u2', 'A', 'a', 1], ['u2', 'C', 'c', 1],
      ['u3', 'A', 'a', 1], ['u3', 'C', 'c', 1], ['u3', 'D', 'd', 1], ['u4', 'B', 'b', 1], ['u4', 'D', 'd', 1],
    ];
    const got = rows(recommend(txOf(lines), { k: 2 })).filter((r) => r.customer === 'u1');
    // C: 0.75 · P(C|A) = 0.75 · 2/3 = 0.5; D: 0.75 · 1/3 + 0.25 · 1/2 = 0.375 (largest term from A)
    expect(got.map((r) => [r.item, r.itemName, r.because])).toEqual([['C', 'c', 'a'], ['D', 'd', 'a']]);
    expect(got[0].score).toBeCloseTo(0.5, 15);
    expect(got[1].score).toBeCloseTo(0.375, 15);
  });

  test('rejects bad options and tables without items', () => {
    const t = txOf(golden.lines);
    expect(() => recommend(t, { k: 0 })).toThrow(/k must be a positive integer/);
    expect(() => recommend(t.select(['customer', 'quantity']))).toThrow(/no `item` column/);
  });
});

const real = retail();
describe.skipIf(!real)('recommend(cleaned Online Retail)', () => {
  test('5 recommendations for each of the 4,338 customers, best first', () => {
    const cleaned = clean(real!).table;
    recommend(cleaned); // warm-up
    const t0 = performance.now();
    const t = recommend(cleaned);
    const ms = performance.now() - t0;
    console.log(`recommend(Online Retail): ${ms.toFixed(0)} ms, ${t.numRows} rows`);
    expect(t.numRows).toBe(4338 * 5);
    const s = floats(t, 'score');
    const r = floats(t, 'rank');
    const b = strings(t, 'because');
    let popular = 0;
    for (let i = 0; i < t.numRows; i++) {
      if (b[i] === 'popular') popular++;
      else if (r[i] > 1) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    }
    console.log(`  ${popular} popular fills`);
  });
});
