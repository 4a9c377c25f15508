/**
 * The model's coefficients as a readable table: weight per standard deviation of each feature and its
 * odds ratio exp(weight) (the factor on the purchase odds when the feature rises by one standard deviation).
 * Plain JavaScript, no tfjs.
 */
import type { PurchaseModel } from './types';

export interface Coefficient {
  feature: string;
  /** Log-odds change per standard deviation of the feature. */
  weight: number;
  /** exp(weight): odds multiplier per standard deviation. */
  oddsRatio: number;
}

/**
 * @example
 *   coefficients({ weights: [-1.2, 0.7], … } as LogisticModel, ['recency', 'frequency']);
 *   // [{ feature: 'recency', weight: -1.2, oddsRatio: 0.301 }, { feature: 'frequency', weight: 0.7, oddsRatio: 2.014 }]
 */
export function coefficients(model: PurchaseModel, featureNames: string[]): Coefficient[] {
  if (model.kind !== 'logistic') {
    throw new RangeError('coefficients: an MLP has no single weight per feature; odds ratios exist only for the logistic model');
  }
  if (featureNames.length !== model.weights.length) {
    throw new RangeError(
      `coefficients: ${featureNames.length} feature names for a model with ${model.weights.length} weights`,
    );
  }
  return model.weights.map((weight, j) => ({ feature: featureNames[j], weight, oddsRatio: Math.exp(weight) }));
}
