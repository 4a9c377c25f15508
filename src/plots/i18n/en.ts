/**
 * The English chart catalogue: every text a chart draws or announces (titles, subtitles, axis labels,
 * annotations, aria text), by key. The charts' default language, so the headless runner and the
 * golden figures read exactly these strings. `zh-CN.ts` must have the same keys (its type is
 * `ChartCatalogue`: a missing or extra key is a type error).
 *
 * Conventions:
 * - `{name}` is a parameter filled by `chartText(key, {name})`; numbers are formatted by the chart
 *   (percent, money, decimals) before they are passed, so a template never re-formats them.
 * - Keys are `<chart>.<what>`; `common.*` are shared pieces.
 *
 * @example
 *   en['tierShares.title'] // 'Customers and revenue by tier'
 */
export const en = {
  // shared
  'common.listSeparator': ', ',
  'common.clauseSeparator': ', ',
  'common.partSeparator': '; ',
  'common.sentenceSeparator': ' ',
  'common.customers': 'Customers',
  'common.moveParameter': 'Move the {parameter} to {value}',

  // abIntervals
  'abIntervals.facet': '{metric} (p = {p})',
  'abIntervals.title': 'Conversion rate by variant',
  'abIntervals.subtitle': 'dot: observed rate · bar: Wilson 95% interval',
  'abIntervals.ariaLabel': 'Conversion rates of the two variants with 95% intervals, per metric',
  'abIntervals.ariaItem': '{facet}, {variant}: {rate} [{low}, {high}].',
  'abIntervals.x': 'Conversion rate (%)',

  // allocationBars
  'allocationBars.title': 'Budget plan by tier and channel',
  'allocationBars.subtitle': '{budget} allocated · {conversions} expected conversions · segments: {channels}',
  'allocationBars.ariaLabel': 'Budget per tier stacked by channel',
  'allocationBars.ariaItem': '{tier}: {budget}, {conversions} conversions.',
  'allocationBars.x': 'Budget ({currency})',
  'allocationBars.total': '{budget} → {conversions} conv.',

  // calibrationPlot
  'calibration.title': 'Calibration (reliability)',
  'calibration.subtitle': '{rows} rows in {bins} bins{brier} · dashed: perfectly calibrated',
  'calibration.brier': ' · Brier score {brier}',
  'calibration.ariaLabel': 'Calibration plot',
  'calibration.ariaDescription': 'Observed fraction of buyers against mean predicted probability in {bins} bins of {rows} rows.',
  'calibration.x': 'Mean predicted probability',
  'calibration.y': 'Fraction that bought',

  // clvHoldout
  'clvHoldout.span': 'the holdout period',
  'clvHoldout.actual': 'actual',
  'clvHoldout.predicted': 'BG/NBD',
  'clvHoldout.title': 'Holdout purchases: predicted vs actual',
  'clvHoldout.subtitle': '{customers} customers · {actual} actual vs {predicted} predicted purchases in {span}',
  'clvHoldout.ariaLabel': 'Line chart of mean holdout purchases by calibration frequency, actual and predicted',
  'clvHoldout.ariaDescription':
    'For {groups} calibration-frequency groups ({first} to {last} repeat purchases), the mean number of purchases in {span}: {actual} actual and {predicted} predicted in total.',
  'clvHoldout.x': 'Repeat purchases in the calibration period',
  'clvHoldout.y': 'Mean purchases in {span}',

  // coefficientChart
  'coefficientChart.title': 'Coefficients (per standard deviation)',
  'coefficientChart.subtitle': '{shown} of {total} features with the largest effect · label: odds ratio e^w',
  'coefficientChart.ariaLabel': 'Coefficient chart',
  'coefficientChart.ariaDescription': 'Weights of {shown} features: {items}.',
  'coefficientChart.ariaItem': '{feature} {weight} (odds ×{odds})',
  'coefficientChart.x': 'Change in log-odds per standard deviation',

  // confusionMatrix
  'confusionMatrix.tp': 'True positive',
  'confusionMatrix.fn': 'False negative',
  'confusionMatrix.fp': 'False positive',
  'confusionMatrix.tn': 'True negative',
  'confusionMatrix.cell': '{name}\n{count}\n{pct} of row',
  'confusionMatrix.title': 'Confusion matrix',
  'confusionMatrix.subtitle': '{total} customers{threshold} · accuracy {accuracy} · % of row: share of the actual class',
  'confusionMatrix.threshold': ', threshold {threshold}',
  'confusionMatrix.ariaLabel': 'Confusion matrix',
  'confusionMatrix.ariaDescription': 'Actual versus predicted purchase for {total} customers: {items}.',
  'confusionMatrix.ariaItem': '{name} {count} ({pct} of actual {actual})',
  'confusionMatrix.x': 'Predicted',
  'confusionMatrix.y': 'Actual',

  // correlationHeatmap
  'correlationHeatmap.pair': '{x} and {y} (r = {r})',
  'correlationHeatmap.title': 'Correlation between features',
  'correlationHeatmap.subtitle': 'Pearson r; strongest pair: {pair}',
  'correlationHeatmap.subtitlePlain': 'Pearson r',
  'correlationHeatmap.ariaLabel': 'Correlation heatmap',
  'correlationHeatmap.ariaDescription': 'Pearson correlations among {features} features; strongest pair {pair}.',

  // deliveryHeatmap
  'deliveryHeatmap.unnamed': '(unnamed item)',
  'deliveryHeatmap.title': 'Ad delivery probability by tier',
  'deliveryHeatmap.subtitle': "Mean P(item | customer) over each tier's customers · {items} items, {tiers} tiers",
  'deliveryHeatmap.ariaLabel': 'Heatmap of mean ad delivery probability by tier and item',
  'deliveryHeatmap.ariaDescription': 'Items by tiers; cell = mean delivery probability. {items}',
  'deliveryHeatmap.ariaItem': '{tier}: top item {item} at {p}.',

  // elbowChart
  'elbow.title': 'Elbow: inertia by number of clusters',
  'elbow.subtitle': 'Within-cluster sum of squared distances; pick the k after which it stops falling fast',
  'elbow.ariaLabel': 'Inertia by k',
  'elbow.ariaItem': 'k {k}: {inertia}',
  'elbow.x': 'Number of clusters k',
  'elbow.y': 'Inertia',
  'elbow.chosen': 'k = {k}',

  // gainChart
  'gain.title': 'Cumulative gain',
  'gain.subtitle': 'the top 20% by score hold {gain} of the buyers · dashed: contacting at random',
  'gain.ariaLabel': 'Cumulative gain chart',
  'gain.ariaDescription': 'Share of buyers reached against share of customers contacted, best-scored first; the top 20% hold {gain} of the buyers.',
  'gain.x': 'Customers contacted (best scores first)',
  'gain.y': 'Buyers reached',
  'gain.point': 'contact {contacted} → reach {gain}',

  // probabilityHistogram
  'histogram.title': 'Predicted purchase probability',
  'histogram.subtitle': '{total} customers in {bins} bins{stacked}',
  'histogram.stacked': ', stacked by what they actually did',
  'histogram.ariaLabel': 'Histogram of predicted purchase probabilities',
  'histogram.ariaDescription': 'Histogram of predicted purchase probabilities for {total} customers in {bins} bins{stacked}, with the decision threshold at {threshold}.',
  'histogram.ariaStacked': ', stacked by true class (bought, did not buy)',
  'histogram.x': 'Predicted probability of buying',
  'histogram.threshold': 'threshold {threshold}',

  // liftChart
  'lift.title': 'Cumulative lift',
  'lift.subtitle': 'the top 10% by score buy {lift}× as often as average · dashed: random (1×)',
  'lift.ariaLabel': 'Cumulative lift chart',
  'lift.ariaDescription': 'Lift against share of customers contacted; the top 10% have lift {lift}.',
  'lift.x': 'Customers contacted (best scores first)',
  'lift.y': 'Lift (× random)',
  'lift.point': '{contacted} contacted: {lift}×',

  // lorenzCurve
  'lorenz.top': 'top {top} bring {share} of revenue',
  'lorenz.gini': 'Gini {gini}',
  'lorenz.title': 'Revenue concentration (Lorenz curve)',
  'lorenz.subtitle': 'Share of revenue brought by the poorest share of customers',
  'lorenz.ariaLabel': 'Lorenz curve of revenue',
  'lorenz.ariaDescription': 'Lorenz curve with {points} points. {gini}. {top}.',
  'lorenz.x': 'Share of customers, by spend ascending',
  'lorenz.y': 'Share of revenue',

  // lossCurve
  'loss.label': 'Log loss',
  'loss.last': '{loss} at {iteration}',
  'loss.title': 'Training loss',
  'loss.subtitle': '{label} {first} at iteration {iteration} → {last}',
  'loss.subtitleEmpty': 'Waiting for the first iteration',
  'loss.ariaLabel': 'Training loss by iteration',
  'loss.ariaDescription': 'Line chart of {label} over {recorded} recorded iterations of {iterations}; from {first} to {last}.',
  'loss.ariaEmpty': 'Empty loss chart for {iterations} iterations; training has not reported yet.',
  'loss.x': 'Iteration',
  'loss.empty': 'waiting for the first iteration',
  'loss.recommenderTitle': '{model}: training loss',
  'loss.recommenderMf': 'RMSE on the training ratings per epoch',
  'loss.recommenderAls': 'Weighted squared error per observed pair, per sweep',

  // pAliveHeatmap
  'pAlive.unit': 'weeks',
  'pAlive.title': 'Probability a customer is still active',
  'pAlive.subtitle': 'Customers first seen {age} {unit} ago · P(alive) from {low} to 100%',
  'pAlive.ariaLabel': 'Heatmap of P(alive) by recency and frequency',
  'pAlive.ariaDescription':
    'Grid of recency from 0 to {age} {unit} against 0 to {frequency} repeat purchases; P(alive) is lowest ({low}) for frequent buyers with an early last purchase.',
  'pAlive.x': 'Recency: {unit} from first to last purchase',
  'pAlive.y': 'Repeat purchases',
  'pAlive.legend': 'P(alive)',

  // pcaScatter
  'pca.cluster': 'cluster {cluster}',
  'pca.title': 'Customers on the first two principal components',
  'pca.subtitle': '{customers} customers · the two axes keep {share} of the variance of the scaled features',
  'pca.ariaLabel': 'PCA scatter of customers coloured by cluster',
  'pca.ariaDescription': '{customers} customers in {clusters} clusters on PC1 ({pc1}) and PC2 ({pc2}).',
  'pca.x': 'PC1 ({share} of variance)',
  'pca.y': 'PC2 ({share} of variance)',

  // peekingCurve
  'peeking.title': 'Peeking inflates false positives',
  'peeking.subtitle': 'A/A tests stopped at the first look with p < {alpha}; dashed: the promised {nominal}',
  'peeking.ariaLabel': 'False-positive rate against the number of looks',
  'peeking.ariaItem': '{looks} looks: {rate}.',
  'peeking.x': 'Number of looks',
  'peeking.y': 'False-positive rate (%)',

  // prCurve
  'pr.point': 'p > {threshold}: precision {precision}, recall {recall}',
  'pr.title': 'Precision–recall curve',
  'pr.subtitle': '{ap}{base}the dot: the current threshold',
  'pr.ap': 'average precision {ap} · ',
  'pr.base': 'dashed: base rate {rate} · ',
  'pr.ariaLabel': 'Precision–recall curve',
  'pr.ariaDescription': 'Precision against recall over {n} thresholds; at threshold {threshold} precision is {precision} and recall {recall}.',
  'pr.x': 'Recall (share of buyers reached)',
  'pr.y': 'Precision (buyers among contacted)',

  // profitChart
  'profit.title': 'Expected profit by threshold',
  'profit.subtitle': 'best: threshold {best} → {bestProfit} ({contacted} contacted) · now {now} → {nowProfit}',
  'profit.ariaLabel': 'Profit curve',
  'profit.ariaDescription':
    'Expected profit against threshold over {n} thresholds; the best threshold {best} gives {bestProfit}; the current threshold {now} gives {nowProfit}.',
  'profit.x': 'Threshold (contact when p > threshold)',
  'profit.y': 'Profit ({currency})',
  'profit.best': 'best {threshold}: {profit}',

  // recommendationScores
  'recScores.title': 'Recommendation score by rank',
  'recScores.subtitle': '{customers} customers · box: 25th–75th percentile, line: median, whiskers: 5th–95th',
  'recScores.ariaLabel': 'Recommendation scores by rank',
  'recScores.ariaDescription': 'Box summaries of recommendation scores for ranks 1 to {maxRank}: {items}.',
  'recScores.ariaItem': 'rank {rank} median {median}',
  'recScores.x': 'Rank (1 = top recommendation)',
  'recScores.y': 'Score',

  // recommenderComparison
  'recCompare.na': 'n/a',
  'recCompare.title': 'Recommenders on the same holdout',
  'recCompare.subtitle.one': '{models} model · {metrics} metrics · higher is better',
  'recCompare.subtitle.other': '{models} models · {metrics} metrics · higher is better',
  'recCompare.ariaLabel': 'Recommender comparison',
  'recCompare.ariaDescription': '{items}.',
  'recCompare.ariaMetric': '{metric}: {items}',

  // regretCurves
  'regret.title': 'Cumulative regret by policy',
  'regret.subtitle': 'conversions lost against always showing the best variant (mean over runs; lower is better)',
  'regret.ariaLabel': 'Cumulative regret over rounds for each bandit policy',
  'regret.ariaItem': '{policy}: {regret} after {rounds} rounds.',
  'regret.x': 'Round (impressions)',
  'regret.y': 'Cumulative regret',

  // rfmDistribution
  'rfmDist.recency': 'Recency (days)',
  'rfmDist.recency.aria': 'days since the last order',
  'rfmDist.recency.name': 'recency',
  'rfmDist.frequency': 'Frequency (orders, log)',
  'rfmDist.frequency.aria': 'number of orders, log scale',
  'rfmDist.frequency.name': 'frequency',
  'rfmDist.monetary': 'Monetary ({currency}, log)',
  'rfmDist.monetary.aria': 'total spend in {currency}, log scale',
  'rfmDist.monetary.name': 'monetary',
  'rfmDist.ariaLabel': 'Distributions of recency, frequency and monetary value',
  'rfmDist.title': 'Recency, frequency and monetary value',
  'rfmDist.subtitle': '{customers} customers, one histogram per measure',
  'rfmDist.droppedRecency': '{n} without a recency',
  'rfmDist.droppedFrequency': '{n} with no positive frequency',
  'rfmDist.droppedMonetary': '{n} with spend ≤ 0',
  'rfmDist.caption': 'Left out of the histograms: {parts}.',
  'rfmDist.panelAriaLabel': 'Histogram of {measure}',
  'rfmDist.panelAriaDescription': 'Histogram of {what}: {customers} customers in {bins} bins.',
  'rfmDist.y': '↑ Customers',

  // rfmHeatmap
  'rfmHeatmap.meanScore': 'M {score}',
  'rfmHeatmap.title': 'Customers by recency and frequency score',
  'rfmHeatmap.subtitle': '{total} customers · cell: customers and mean {what}{outside}',
  'rfmHeatmap.spend': 'spend',
  'rfmHeatmap.mScore': 'M score',
  'rfmHeatmap.outside': ' · {n} without scores left out',
  'rfmHeatmap.ariaLabel': 'Heatmap of customers by recency and frequency score',
  'rfmHeatmap.ariaDescription':
    '{levels} by {levels} grid of recency score against frequency score for {total} customers; the busiest cell is R {r}, F {f} with {count} customers.',
  'rfmHeatmap.x': 'Recency score (5 = most recent)',
  'rfmHeatmap.y': 'Frequency score (5 = most orders)',

  // rocCurve
  'roc.point': 'p > {threshold}: TPR {tpr}, FPR {fpr}',
  'roc.title': 'ROC curve',
  'roc.subtitle': '{auc}dashed: a coin flip; the dot: the current threshold',
  'roc.auc': 'AUC {auc} · ',
  'roc.ariaLabel': 'ROC curve',
  'roc.ariaDescription':
    'True-positive rate against false-positive rate over {n} thresholds{area}; at threshold {threshold} the true-positive rate is {tpr} and the false-positive rate {fpr}.',
  'roc.area': ', area {auc}',
  'roc.x': 'False-positive rate (non-buyers contacted)',
  'roc.y': 'True-positive rate (buyers reached)',

  // segmentBars
  'segmentBars.bar': '{count} ({share})',
  'segmentBars.title': 'Customers by RFM segment',
  'segmentBars.subtitle': '{total} customers in {segments} segments',
  'segmentBars.ariaLabel': 'Customers per RFM segment',
  'segmentBars.ariaDescription': 'Bars of customers per RFM segment, largest first: {items}.',
  'segmentBars.ariaItem': '{segment} {text}',

  // selectionRates
  'selection.below': 'below 4/5',
  'selection.ok': 'ok',
  'selection.title': 'Selection rate by group',
  'selection.subtitle': 'dashed: four-fifths of the highest rate ({rate}); red bars fall below it',
  'selection.ariaLabel': 'Selection rate per group with the four-fifths threshold',
  'selection.ariaItem': '{group}: {rate} of {n} ({status}).',
  'selection.x': 'Selection rate (%)',

  // silhouetteChart
  'silhouette.title': 'Silhouette by number of clusters',
  'silhouette.subtitle': 'Mean silhouette, −1…1: higher means tighter, better separated clusters · best k = {k} ({score})',
  'silhouette.ariaLabel': 'Mean silhouette by k',
  'silhouette.ariaItem': 'k {k}: {score}',
  'silhouette.x': 'Number of clusters k',
  'silhouette.y': 'Mean silhouette',

  // spendHistogram
  'spend.what': 'spend',
  'spend.title': 'Distribution of {what} before and after outlier treatment',
  'spend.subtitleCapped': 'bounds {bounds} · {n} customers capped',
  'spend.subtitleDropped': 'bounds {bounds} · {n} customers dropped',
  'spend.noBounds': 'no bounds',
  'spend.ariaLabel': 'Histogram of {what} before and after capping',
  'spend.ariaDescription': '{values} values; {below} below and {above} above the bounds.',
  'spend.x': '{what} (log scale: log10(1 + value))',
  'spend.before': 'before',
  'spend.afterCapping': 'after capping',
  'spend.afterDropping': 'after dropping',

  // tierShares
  'tierShares.customerLabel': '{share} of customers',
  'tierShares.revenueLabel': '{share} of revenue',
  'tierShares.title': 'Customers and revenue by tier',
  'tierShares.subtitle': '{total} customers · light bar: share of customers, solid bar: share of revenue',
  'tierShares.ariaLabel': 'Share of customers and share of revenue per tier',
  'tierShares.ariaDescription': 'Paired horizontal bars for {tiers} tiers. {items}',
  'tierShares.ariaItem': '{tier}: {customers} of customers, {revenue} of revenue.',
  'tierShares.x': 'Share of the total (%)',

  // trueVsFitted
  'trueVsFitted.title': 'True vs fitted coefficients',
  'trueVsFitted.subtitle': '{features} features · largest error: {feature} (true {true}, fitted {fitted}) · dashed: perfect recovery',
  'trueVsFitted.ariaLabel': 'True versus fitted coefficients',
  'trueVsFitted.ariaDescription': '{items}.',
  'trueVsFitted.ariaItem': '{feature}: true {true}, fitted {fitted}',
  'trueVsFitted.x': 'True coefficient (set by the teacher)',
  'trueVsFitted.y': 'Fitted coefficient',

  // waterfall
  'waterfall.unit': 'rows',
  'waterfall.loaded': 'Loaded',
  'waterfall.step': 'step {index}',
  'waterfall.clean': 'Clean data',
  'waterfall.withCustomers': '{text} · {customers} customers',
  'waterfall.removed': '−{removed}',
  'waterfall.noneRemoved': 'none removed',
  'waterfall.titleCustomers': 'Rows and customers left after each cleaning step',
  'waterfall.title': 'Rows left after each cleaning step',
  'waterfall.subtitle': '{start} {unit} loaded → {end} kept ({kept})',
  'waterfall.subtitleCustomers': '; {first} → {last} customers',
  'waterfall.ariaLabel': 'Cleaning waterfall',
  'waterfall.ariaDescription': 'Waterfall from {start} {unit} loaded to {end} kept. {items}',
  'waterfall.ariaItem': '{step}: {removed} removed, {left} left.',
} as const;

/** A chart message key. */
export type ChartKey = keyof typeof en;

/** A chart catalogue: one text per key. */
export type ChartCatalogue = Record<ChartKey, string>;
