import { describe, expect, test } from 'vitest';
import { fairnessAudit } from '../../../src/core/campaign/fairness';
import { floats, makeTable, strings } from '../../../src/core/table';

describe('fairnessAudit', () => {
  // UK: 100 rows, 50 selected; FR: 40 rows, 12 selected; DE: 10 rows, 5 selected
  const group = [...Array(100).fill('UK'), ...Array(40).fill('FR'), ...Array(10).fill('DE')];
  const selected = Int32Array.from(group, (g, i) => (g === 'UK' ? (i < 50 ? 1 : 0) : g === 'FR' ? (i < 112 ? 1 : 0) : i < 145 ? 1 : 0));
  const label = Int32Array.from(group, (_, i) => (i % 2 === 0 ? 1 : 0));
  const t = makeTable({ country: group, selected, label });
  test('selection rates, impact ratios and the four-fifths flag', () => {
    const { groups, summary } = fairnessAudit(t, 'country', 'selected', { label: 'label' });
    expect(strings(groups, 'group')).toEqual(['UK', 'FR', 'DE']);
    expect(Array.from(floats(groups, 'selectionRate'))).toEqual([0.5, 0.3, 0.5]);
    expect(Array.from(floats(groups, 'impactRatio'))).toEqual([1, 0.6, 1]);
    expect(strings(groups, 'fourFifths')).toEqual(['ok', 'below 4/5', 'ok']);
    expect(summary.demographicParityDifference).toBeCloseTo(0.2, 12);
    expect(summary.disparateImpactRatio).toBeCloseTo(0.6, 12);
    expect(summary.fourFifthsViolations).toBe(1);
    // TPR among label = 1 (even rows): UK 25/50, FR rows 100..139 even & selected (100..111): 6/20, DE rows 140..149 even & < 145: 3/5
    expect(Array.from(floats(groups, 'truePositiveRate'))).toEqual([0.5, 0.3, 0.6]);
    expect(summary.equalOpportunityDifference).toBeCloseTo(0.3, 12);
  });
  test('small groups pool into Other', () => {
    const { groups } = fairnessAudit(t, 'country', 'selected', { minGroupSize: 20 });
    expect(strings(groups, 'group')).toEqual(['UK', 'FR', 'Other']);
  });
  test('equal-opportunity difference is null without labels', () => {
    expect(fairnessAudit(t, 'country', 'selected').summary.equalOpportunityDifference).toBeNull();
  });
});
