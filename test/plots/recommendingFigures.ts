/**
 * Golden figures of the recommendation charts (issue 5), rendered from fixed literal data; compared by
 * recommending.test.ts with test/golden/plots/<name>.svg|html.
 */
import { makeTable } from '../../src/core/table';
import { recommenderComparison } from '../../src/plots/recommenderComparison';

type Figure = (document: Document) => Element;

/** Five models × four metrics, values as measured on Online Retail (random 20 % holdout, k = 10). */
export function comparisonTable(): ReturnType<typeof makeTable> {
  const models = ['Implicit ALS', 'Item-kNN (cosine)', 'Content-based', 'Popularity', 'Biased MF (SGD)'];
  const metrics = ['precision@10', 'recall@10', 'NDCG@10', 'coverage'];
  const values = [
    [0.121, 0.155, 0.176, 0.343],
    [0.089, 0.111, 0.132, 0.229],
    [0.098, 0.125, 0.151, 0.669],
    [0.043, 0.043, 0.056, 0.01],
    [0.028, 0.021, 0.031, 0.095],
  ];
  const model: string[] = [];
  const metric: string[] = [];
  const value: number[] = [];
  models.forEach((m, a) => metrics.forEach((x, b) => (model.push(m), metric.push(x), value.push(values[a][b]))));
  return makeTable({ model, metric, value: Float64Array.from(value) });
}

export const recommenderComparisonFigure: Figure = (document) => recommenderComparison(comparisonTable(), { document });

export const recommenderComparisonOne: Figure = (document) =>
  recommenderComparison(makeTable({ model: ['Popularity', 'Popularity'], metric: ['NDCG@10', 'coverage'], value: Float64Array.of(0.05, 0.01) }), { document, title: 'Baseline only' });
