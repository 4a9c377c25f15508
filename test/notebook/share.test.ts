import { describe, expect, test } from 'vitest';
import { encodeShare, decodeShare, MAX_SHARE_LENGTH } from '../../src/notebook/share';
import { diffLines, diffHunks } from '../../src/notebook/diff';

describe('encodeShare / decodeShare', () => {
  test('round-trips notebook, parameters and code', async () => {
    const state = { notebook: 'value-tiering', params: { threshold: 0.62, roles: { customer: 'Kunde' }, alphaText: '85123A=2' }, code: { c12: 'x = 1' } };
    const hash = await encodeShare(state);
    expect(hash).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${hash}`)).toEqual({ ok: true, state });
  });
  test('leaves out code when there is none, and compresses', async () => {
    const params = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`weight${i}`, 1]));
    const hash = await encodeShare({ notebook: 'value-tiering', params });
    expect(hash.length).toBeLessThan(JSON.stringify(params).length);
    expect(await decodeShare(hash)).toEqual({ ok: true, state: { notebook: 'value-tiering', params, code: {} } });
  });
  test('no share state, damaged, oversized and newer-version links give clear messages', async () => {
    expect(await decodeShare('')).toEqual({ ok: 'none' });
    expect(await decodeShare('#section-2')).toEqual({ ok: 'none' });
    expect(await decodeShare('#s=1.@@@')).toEqual({ ok: false, message: expect.stringMatching(/damaged \(its state is not in the expected form\)/) });
    expect(await decodeShare('#s=1.AAAA')).toEqual({ ok: false, message: expect.stringMatching(/could not be decompressed/) });
    expect(await decodeShare(`#s=1.${'A'.repeat(MAX_SHARE_LENGTH)}`)).toEqual({ ok: false, message: expect.stringMatching(/more than the 32,768 accepted/) });
    expect(await decodeShare('#s=7.AAAA')).toEqual({ ok: false, message: expect.stringMatching(/newer Tierbook \(state version 7/) });
    const notJson = (await encodeShare({ notebook: 'x', params: {} })).replace(/^s=1\./, 's=1.');
    expect((await decodeShare(notJson)).ok).toBe(true);
  });
});

describe('diffLines(before, after)', () => {
  test('marks removed and added lines around the common ones', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
    ]);
    expect(diffLines('a', 'a')).toEqual([{ op: ' ', text: 'a' }]);
    expect(diffLines('a\nb', 'b').map((l) => l.op).join('')).toBe('- ');
  });
  test('diffHunks keeps context and elides the rest', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'L10');
    const hunks = diffHunks(diffLines(before, after), 1);
    expect(hunks).toEqual([{ op: ' ', text: 'l9' }, { op: '-', text: 'l10' }, { op: '+', text: 'L10' }, { op: ' ', text: 'l11' }]);
    const two = diffHunks(diffLines(before, after.replace('l2\n', 'L2\n')), 1);
    expect(two.filter((h) => h === '…')).toHaveLength(1);
  });
});
