/**
 * Share-link failures carry a message key + parameters (`decodeShareDetailed`) that the UI shows in
 * its language: the English catalogue text equals the English `message`, zh-CN has its own text.
 */
import { describe, expect, test } from 'vitest';
import { decodeShare, decodeShareDetailed, MAX_SHARE_LENGTH } from '../../src/notebook/share';
import { translate } from '../../src/ui/i18n/messages';

const BAD = ['#s=1.@@@', '#s=1.AAAA', `#s=1.${'A'.repeat(MAX_SHARE_LENGTH)}`, '#s=7.AAAA'];

describe('share-link messages', () => {
  test.each(BAD)('%s: the English key renders the English message, zh-CN translates it', async (hash) => {
    const r = await decodeShareDetailed(hash);
    if (r.ok !== false) throw new Error(`expected a failure for ${hash.slice(0, 20)}`);
    expect(translate('en', r.reason.key, r.reason.params)).toBe(r.message);
    const zh = translate('zh-CN', r.reason.key, r.reason.params);
    expect(zh).not.toBe(r.message);
    expect(zh).toMatch(/已打开默认设置/);
    expect(await decodeShare(hash)).toEqual({ ok: false, message: r.message });
  });

  test('the oversized link names its length in zh-CN with grouping', async () => {
    const r = await decodeShareDetailed(`#s=1.${'A'.repeat(MAX_SHARE_LENGTH)}`);
    if (r.ok !== false) throw new Error('expected a failure');
    expect(translate('zh-CN', r.reason.key, r.reason.params)).toContain('32,768');
  });
});
