import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clean } from '../../../src/core/prep/clean';
import { rfm } from '../../../src/core/profile/rfm';
import { scaleFeatures } from '../../../src/core/prep/scale';
import { matrixOf } from '../../../src/core/cluster/matrix';
import { kmeans } from '../../../src/core/cluster/kmeans';
import { silhouette } from '../../../src/core/cluster/silhouette';
import { pca } from '../../../src/core/cluster/pca';
import { retail } from '../prep/retail';

interface KMeansGolden {
  n: number;
  columnSums: number[];
  columnSumsOfSquares: number[];
  head: number[][];
  sweep: { k: number; inertia: number; silhouette: number }[];
  pcaVarianceRatio: number[];
}
const golden: KMeansGolden = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/profile_kmeans.json', import.meta.url)), 'utf8'),
);
const tx = retail();

describe.skipIf(!tx)('kmeans on log1p-z-scored RFM of Online Retail against scikit-learn (test/golden/profile_kmeans.py)', () => {
  const profile = tx ? rfm(clean(tx).table) : null;
  const scaled = profile ? scaleFeatures(profile, { columns: ['recency', 'frequency', 'monetary'] }).table : null;
  const m = scaled ? matrixOf(scaled, ['recency', 'frequency', 'monetary']) : null;

  test('scaleFeatures(log1p-zscore) builds the same matrix as StandardScaler(log1p(x))', () => {
    expect(m!.n).toBe(golden.n);
    for (let j = 0; j < 3; j++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < m!.n; i++) {
        s += m!.X[i * 3 + j];
        s2 += m!.X[i * 3 + j] ** 2;
      }
      expect(s).toBeCloseTo(golden.columnSums[j], 6);
      expect(s2).toBeCloseTo(golden.columnSumsOfSquares[j], 6);
    }
    golden.head.forEach((row, i) => row.forEach((v, j) => expect(m!.X[i * 3 + j]).toBeCloseTo(v, 10)));
  });

  for (const k of [3, 4, 5, 8]) {
    test(`kmeans(m, {k: ${k}, nInit: 10}) inertia is within 1% of KMeans(n_init=10) and silhouette within 0.01`, () => {
      const g = golden.sweep.find((r) => r.k === k)!;
      const r = kmeans(m!, { k, nInit: 10, seed: 42 });
      const s = silhouette(m!, r.labels);
      console.log(`k=${k}: inertia ${r.inertia.toFixed(2)} vs sklearn ${g.inertia.toFixed(2)}; silhouette ${s.toFixed(4)} vs ${g.silhouette.toFixed(4)}`);
      expect(Math.abs(r.inertia - g.inertia) / g.inertia).toBeLessThan(0.01);
      expect(Math.abs(s - g.silhouette)).toBeLessThan(0.01);
    });
  }

  test('pca gives the explained-variance ratio of sklearn PCA(2)', () => {
    const p = pca(m!);
    expect(p.varianceRatio[0]).toBeCloseTo(golden.pcaVarianceRatio[0], 9);
    expect(p.varianceRatio[1]).toBeCloseTo(golden.pcaVarianceRatio[1], 9);
  });
});
