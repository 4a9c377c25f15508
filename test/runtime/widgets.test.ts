import { describe, expect, it } from 'vitest';
import { checkbox, coerceParam, isWidget, number, select, slider, text, WIDGET } from '../../src/runtime/widgets';

describe('widgets', () => {
  it('slider({…}) defaults, clamps and snaps its value', () => {
    expect(slider()).toMatchObject({ kind: 'slider', min: 0, max: 1, step: undefined, value: 0.5, label: '' });
    expect(slider({ min: 0, max: 1, step: 0.1, value: 0.34 }).value).toBe(0.3);
    expect(slider({ min: 1, max: 10, step: 1, value: 42 }).value).toBe(10);
    expect(isWidget(slider())).toBe(true);
    expect(slider()[WIDGET]).toBe(true);
    expect(() => slider({ min: 2, max: 1 })).toThrow(/greater than min/);
    expect(() => slider({ step: -1 })).toThrow(/positive/);
  });

  it('number, select, checkbox, text descriptors', () => {
    expect(number({ min: 0, value: -5 }).value).toBe(0);
    expect(select({ options: ['a', 'b'] })).toMatchObject({ value: 'a', options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] });
    expect(select({ options: [{ value: 3, label: 'three' }], value: 3 }).options[0].label).toBe('three');
    expect(() => select({ options: ['a'], value: 'z' })).toThrow(/not one of/);
    expect(checkbox().value).toBe(false);
    expect(text({ value: 'GB' }).value).toBe('GB');
    expect(isWidget({ kind: 'slider' })).toBe(false);
  });

  it('coerceParam(widget, raw) converts strings, clamps, snaps and rejects', () => {
    const s = slider({ min: 0, max: 1, step: 0.01 });
    expect(coerceParam(s, '0.734')).toEqual({ ok: true, value: 0.73 });
    expect(coerceParam(s, 0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
    expect(coerceParam(s, -4)).toEqual({ ok: true, value: 0 });
    expect(coerceParam(s, '')).toMatchObject({ ok: false });
    expect(coerceParam(s, NaN)).toMatchObject({ ok: false });
    expect(coerceParam(number({ max: 10 }), 11)).toEqual({ ok: true, value: 10 });
    expect(coerceParam(select({ options: [3, 4, 5] }), '4')).toEqual({ ok: true, value: 4 });
    expect(coerceParam(select({ options: [3, 4, 5] }), 6)).toMatchObject({ ok: false, message: '6 is not one of 3, 4, 5' });
    expect(coerceParam(checkbox(), 'false')).toEqual({ ok: true, value: false });
    expect(coerceParam(checkbox(), 1)).toMatchObject({ ok: false });
    expect(coerceParam(text(), 12)).toEqual({ ok: true, value: '12' });
    expect(coerceParam(text(), { a: 1 })).toMatchObject({ ok: false });
  });
});
