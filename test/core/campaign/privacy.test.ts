import { describe, expect, test } from 'vitest';
import { createHmac } from 'node:crypto';
import { pseudonymise, pseudonymiseColumns, newSecret } from '../../../src/core/campaign/privacy';
import { neutralise, audienceCsv, audienceExport, neutraliseTable } from '../../../src/core/campaign/export';
import { makeTable, strings } from '../../../src/core/table';

describe('pseudonymise (Web Crypto HMAC-SHA-256)', () => {
  test("equals Node's HMAC-SHA-256, cut to the length; stable; null stays null", async () => {
    const ids = ['12346', '12347', null, '12346'];
    const out = await pseudonymise(ids, 'session-key');
    const ref = createHmac('sha256', 'session-key').update('12346').digest('hex');
    expect(out[0]).toBe(ref.slice(0, 16));
    expect(out[3]).toBe(out[0]);
    expect(out[2]).toBeNull();
    expect((await pseudonymise(['12346'], 'session-key', 64))[0]).toBe(ref);
    expect((await pseudonymise(['12346'], 'other-key'))[0]).not.toBe(out[0]);
  });
  test('only the personal columns change', async () => {
    const t = makeTable({ customer: ['a', 'b'], tier: ['High', 'Low'] });
    const p = await pseudonymiseColumns(t, ['customer'], 'k');
    expect(strings(p, 'tier')).toEqual(['High', 'Low']);
    expect(strings(p, 'customer').every((c) => /^[0-9a-f]{16}$/.test(c!))).toBe(true);
    await expect(pseudonymiseColumns(t, ['email'], 'k')).rejects.toThrow(/no column `email`/);
  });
  test('newSecret gives 64 hex digits, different each time', () => {
    const a = newSecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newSecret()).not.toBe(a);
  });
});

describe('formula-injection neutralisation', () => {
  test('cells starting with = + - @ tab CR get a leading apostrophe', () => {
    for (const s of ['=1+1', '+44 20', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['WHITE MUG', '12 = 12', '']) expect(neutralise(s)).toBe(s);
  });
  test('audienceCsv neutralises and quotes text cells, keeps numbers', () => {
    const t = makeTable({ item: ['=HYPERLINK("http://x","y")', 'MUG, WHITE'], score: Float64Array.of(-1.5, 2) });
    expect(audienceCsv(t)).toBe(`item,score\n"'=HYPERLINK(""http://x"",""y"")",-1.5\n"MUG, WHITE",2\n`);
    expect(strings(neutraliseTable(t), 'item')[0]).toBe(`'=HYPERLINK("http://x","y")`);
  });
  test('audienceExport: one tier, ids pseudonymised, text neutralised', async () => {
    const t = makeTable({ customer: ['c1', 'c2', 'c3'], tier: ['High value', 'Low value', 'High value'], note: ['-ok', 'x', 'y'] });
    const e = await audienceExport(t, 'High value', { secret: 'k' });
    expect(e.numRows).toBe(2);
    expect(strings(e, 'customer')[0]).toBe(createHmac('sha256', 'k').update('c1').digest('hex').slice(0, 16));
    expect(strings(e, 'note')).toEqual(["'-ok", 'y']);
  });
});
