/**
 * The UI message catalogues and locale formatting: English and Simplified Chinese have the same keys
 * and the same placeholders, counted messages pick the right plural form, numbers and dates follow
 * the locale, and the locale store switches every `t()` at once.
 */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { zhCN } from '../../src/ui/i18n/zh-CN';
import {
  formatDate,
  formatNumber,
  interpolate,
  normaliseLocale,
  resolveLocale,
  splitAround,
  translate,
  translatePlural,
} from '../../src/ui/i18n/messages';
import { locale, setLocale, t, tn, tParts, tOr } from '../../src/ui/i18n/locale.svelte';
import { formatValue } from '../../src/ui/format';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  test('zh-CN has exactly the English keys, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const empty = Object.entries(zhCN).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  test('every zh-CN message has the same placeholders as its English one', () => {
    const differ = (Object.keys(en) as (keyof typeof en)[]).filter((k) => placeholders(en[k]).join() !== placeholders(zhCN[k]).join());
    expect(differ).toEqual([]);
  });

  test('every counted message has both plural forms', () => {
    const bases = new Set(Object.keys(en).filter((k) => /\.(one|other)$/.test(k)).map((k) => k.replace(/\.(one|other)$/, '')));
    for (const b of bases) {
      expect(Object.keys(en), b).toContain(`${b}.one`);
      expect(Object.keys(en), b).toContain(`${b}.other`);
      expect(en[`${b}.other` as keyof typeof en]).toContain('{count}');
    }
  });

  test('Chinese strings use Chinese wording, not the English text, except for names and codes', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === zhCN[k] && /[a-z]{3,}/.test(en[k].replace(/\{\w+\}/g, '')));
    // Brand, technology and format names stay as they are.
    expect(same).toEqual(['side.backend.wasm']);
  });
});

describe('messages', () => {
  test('interpolation formats numbers for the locale and leaves unknown placeholders visible', () => {
    expect(interpolate('{rows} rows × {columns}', { rows: 541909, columns: 10 }, 'en')).toBe('541,909 rows × 10');
    expect(interpolate('{a} and {b}', { a: 'x' }, 'en')).toBe('x and {b}');
    expect(translate('en', 'app.failed', { message: 'boom' })).toBe('Tierbook could not start: boom');
    expect(translate('zh-CN', 'app.failed', { message: 'boom' })).toBe('Tierbook 启动失败：boom');
  });

  test('plural forms: English one/other, Chinese a single form', () => {
    expect(translatePlural('en', 'table.rows', 1)).toBe('1 row');
    expect(translatePlural('en', 'table.rows', 0)).toBe('0 rows');
    expect(translatePlural('en', 'table.rows', 541909)).toBe('541,909 rows');
    expect(translatePlural('zh-CN', 'table.rows', 541909)).toBe('541,909 行');
    expect(translatePlural('zh-CN', 'table.rows', 1)).toBe('1 行');
    expect(translatePlural('en', 'train.done', 1000)).toBe('Trained 1,000 iterations');
    expect(translatePlural('zh-CN', 'train.done', 1000)).toBe('已训练 1,000 次迭代');
  });

  test('a sentence split around its markup slot', () => {
    expect(splitAround('en', 'side.backend.trainedOn', 'backend')).toEqual(['Last model trained on ', '']);
    expect(splitAround('zh-CN', 'side.backend.trainedOn', 'backend')).toEqual(['最近一次模型训练使用 ', '']);
  });

  test('locale resolution: ?lang wins, then the remembered choice, then English', () => {
    expect(resolveLocale('?lang=zh-CN', null)).toBe('zh-CN');
    expect(resolveLocale('?notebook=x&lang=zh', 'en')).toBe('zh-CN');
    expect(resolveLocale('?lang=en', 'zh-CN')).toBe('en');
    expect(resolveLocale('', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('?lang=fr', null)).toBe('en');
    expect(resolveLocale('', 'garbage')).toBe('en');
    expect(normaliseLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(normaliseLocale('en-GB')).toBe('en');
    expect(normaliseLocale('de')).toBeNull();
  });

  test('numbers and dates per locale', () => {
    expect(formatNumber(541909, 'en')).toBe('541,909');
    expect(formatNumber(541909, 'zh-CN')).toBe(new Intl.NumberFormat('zh-CN').format(541909));
    expect(formatNumber(0.123456, 'en')).toBe('0.1235');
    expect(formatNumber(Number.NaN, 'zh-CN')).toBe('NaN');
    const d = new Date(Date.UTC(2011, 11, 9, 12, 50));
    expect(formatDate(d, 'en')).toBe('2011-12-09 12:50');
    expect(formatDate(d, 'zh-CN')).toBe('2011/12/09 12:50');
    expect(formatDate(new Date(Date.UTC(2010, 11, 1, 8, 26, 5)), 'zh-CN')).toBe('2010/12/01 08:26:05');
    expect(formatDate(new Date(Date.UTC(2010, 11, 1, 8, 26, 5)), 'en')).toBe('2010-12-01 08:26:05');
  });
});

describe('locale store', () => {
  test('setLocale switches t(), tn(), tParts(), tOr() and formatValue together', () => {
    const before = locale.value;
    try {
      setLocale('en');
      expect(t('toolbar.share')).toBe('Share');
      expect(tn('inspect.table', 1)).toBe('Table(1 row)');
      expect(tOr('stage.tiers', 'x')).toBe('Value tiers');
      expect(tOr('stage.nope', 'fallback')).toBe('fallback');
      expect(formatValue(new Date(Date.UTC(2011, 0, 2)))).toBe('2011-01-02 00:00');
      setLocale('zh-CN');
      expect(locale.value).toBe('zh-CN');
      expect(t('toolbar.share')).toBe('分享');
      expect(tn('inspect.table', 4338)).toBe('Table（4,338 行）');
      expect(tOr('stage.tiers', 'x')).toBe('价值分层');
      expect(tParts('side.backend.trainedOn', 'backend')[0]).toBe('最近一次模型训练使用 ');
      expect(formatValue(new Date(Date.UTC(2011, 0, 2)))).toBe('2011/01/02 00:00');
      expect(formatValue(1234.56789)).toBe('1,234.5679');
      expect(() => setLocale('fr')).toThrow(/unknown language `fr`/);
    } finally {
      setLocale(before);
    }
  });
});
