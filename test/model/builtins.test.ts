/**
 * The notebook builtins of src/stdlib/modeling.ts that are more than a re-export: the profit-optimal button,
 * renameColumns, predictionTable, compareCoefficients.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { modelingBuiltins } from '../../src/stdlib/modeling';
import { makeTable, strings } from '../../src/core/table';
import type { Table } from 'apache-arrow';
import type { LogisticModel } from '../../src/model/types';

const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: Document } } };

const model: LogisticModel = {
  kind: 'logistic', weights: [2, -1], bias: -0.5, mean: [0, 0], std: [1, 1], losses: [], backend: 'cpu', ms: 1, iterations: 1,
};

function builtins(setParameter?: (name: string, value: unknown) => void) {
  return modelingBuiltins({
    loadDataset: () => Promise.reject(new Error('unused')),
    trainStream: () => { throw new Error('unused'); },
    document: new JSDOM('').window.document,
    setParameter,
  }) as Record<string, (...args: never[]) => unknown>;
}

describe('modeling builtins', () => {
  it('parameterButton(value) renders a <button> whose click sets the threshold parameter', () => {
    const calls: [string, unknown][] = [];
    const b = builtins((name, value) => calls.push([name, value]));
    const el = (b.parameterButton as (v: number, o?: object) => HTMLElement)(0.23, { label: 'Move the threshold to 0.23' });
    const button = el.querySelector('button')!;
    expect(button.textContent).toBe('Move the threshold to 0.23');
    button.click();
    expect(calls).toEqual([['threshold', 0.23]]);
    (b.parameterButton as (v: number, o?: object) => HTMLElement)(3, { parameter: 'margin' }).querySelector('button')!.click();
    expect(calls[1]).toEqual(['margin', 3]);
  });
  it('renameColumns(table, mapping) renames the columns it finds and skips the others', () => {
    const t = makeTable({ 'BounceRates in %': Float64Array.of(0.2), Month: ['Feb'] });
    const r = (builtins().renameColumns as (t: Table, m: Record<string, string>) => Table)(t, { 'BounceRates in %': 'BounceRates', 'ExitRates in %': 'ExitRates' });
    expect(r.schema.fields.map((f) => f.name)).toEqual(['BounceRates', 'Month']);
    expect(strings(r, 'Month')).toEqual(['Feb']);
  });
  it('predictionTable(model, data, split) scores every row with its 0-based index, side and label', () => {
    const data = { X: Float32Array.of(0, 0, 1, 0, 0, 1), y: Uint8Array.of(0, 1, 0), featureNames: ['a', 'b'] };
    const t = (builtins().predictionTable as (m: LogisticModel, d: typeof data, s: Uint8Array) => Table)(model, data, Uint8Array.of(0, 1, 1));
    expect(t.schema.fields.map((f) => f.name)).toEqual(['row', 'split', 'label', 'probability']);
    expect(Array.from(t.getChild('row')!.toArray() as Int32Array)).toEqual([0, 1, 2]);
    expect(strings(t, 'split')).toEqual(['train', 'test', 'test']);
    const p = Array.from(t.getChild('probability')!.toArray() as Float64Array);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(0.5)), 6);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 6);
  });
  it('compareCoefficients(model, truth) pairs true and fitted weights by feature', () => {
    const rows = (builtins().compareCoefficients as (m: LogisticModel, t: object) => unknown)(model, { featureNames: ['a', 'b'], trueWeights: [2.1, -0.9] });
    expect(rows).toEqual([{ feature: 'a', true: 2.1, fitted: 2 }, { feature: 'b', true: -0.9, fitted: -1 }]);
  });
});
