import { describe, expect, test } from 'vitest';
import { clean } from '../../../src/core/prep/clean';
import { rfm } from '../../../src/core/profile/rfm';
import { defaultAsOf } from '../../../src/core/profile/asOf';
import { rfmScores } from '../../../src/core/tiers/rfmScore';
import { floats, strings } from '../../../src/core/table';
import { retail, retailGolden } from '../prep/retail';

const tx = retail();

describe.skipIf(!tx)('rfm(cleaned Online Retail) against pandas groupby', () => {
  const golden = retailGolden();
  const cleaned = tx ? clean(tx).table : null;

  test('asOf defaults to 00:00 UTC of the day after the last line (2011-12-10)', () => {
    expect(defaultAsOf(cleaned!)).toBe(golden.asOf);
    expect(new Date(golden.asOf).toISOString()).toBe('2011-12-10T00:00:00.000Z');
  });

  test('every customer has the same recency, frequency, monetary, tenure, first and last', () => {
    const p = rfm(cleaned!);
    const g = golden.profile;
    expect(p.numRows).toBe(4338);
    expect(strings(p, 'customer')).toEqual(g.customer);
    expect(Array.from(floats(p, 'recency'))).toEqual(g.recency);
    expect(Array.from(floats(p, 'frequency'))).toEqual(g.frequency);
    expect(Array.from(floats(p, 'tenure'))).toEqual(g.tenure);
    const first = floats(p, 'first');
    const last = floats(p, 'last');
    expect(Array.from(first, (t) => (golden.asOf - t) / 60000)).toEqual(g.firstMinutesBeforeAsOf);
    expect(Array.from(last, (t) => (golden.asOf - t) / 60000)).toEqual(g.lastMinutesBeforeAsOf);
    const m = floats(p, 'monetary');
    const aov = floats(p, 'aov');
    let worst = 0;
    for (let i = 0; i < m.length; i++) {
      worst = Math.max(worst, Math.abs(m[i] - g.monetary[i]) / Math.max(1, Math.abs(g.monetary[i])));
      expect(aov[i]).toBeCloseTo(m[i] / g.frequency[i], 9);
    }
    console.log(`rfm monetary: worst relative difference to pandas ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-9);
  });

  test('rfmScores gives pandas qcut(rank(method="first")) quintiles and segments for every customer', () => {
    const s = rfmScores(rfm(cleaned!));
    const g = golden.profile;
    expect(Array.from(floats(s, 'r'))).toEqual(g.r);
    expect(Array.from(floats(s, 'f'))).toEqual(g.f);
    expect(Array.from(floats(s, 'm'))).toEqual(g.m);
    expect(strings(s, 'segment')).toEqual(g.segment);
    const score = floats(s, 'score');
    for (let i = 0; i < score.length; i += 97) expect(score[i]).toBeCloseTo((g.r[i] + g.f[i] + g.m[i]) / 3, 12);
  });
});
