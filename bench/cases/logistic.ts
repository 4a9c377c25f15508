/**
 * `logistic_sgd_1000_iterations`: `trainLogistic` (lr 0.01, 1000 mini-batch steps of 256) on the tfjs
 * wasm backend in Node vs scikit-learn's per-sample `SGDClassifier` run for as many epochs as visit the
 * same number of samples; plus scikit-learn `LogisticRegression` (lbfgs) as an information row.
 */
import { join } from 'node:path';
import { trainLogistic, predictProba, type LogisticModel } from '../../src/model/logistic';
import type { TrainData } from '../../src/model/types';
import type { BenchContext } from '../context';
import { LOGISTIC, RUNS } from '../config';
import { writeJson, writeTyped } from '../files';
import { logisticData, samplesVisited } from '../logisticData';
import { result, type BenchResult } from '../result';
import { peerMedian, summarise } from '../stats';
import { useWasmBackend } from '../tfBackend';
import { timeRuns } from '../timing';

/** Share of rows whose predicted class (p > 0.5) matches the label. */
function accuracy(model: LogisticModel, data: TrainData): number {
  const p = predictProba(model, data.X, data.n, data.d);
  let hit = 0;
  for (let i = 0; i < data.n; i++) if ((p[i] > 0.5 ? 1 : 0) === data.y[i]) hit++;
  return hit / data.n;
}

/**
 * Times training on both sides (1 warm-up, median of 3 each).
 *
 * @example
 *   await benchLogistic(ctx); // [logistic_sgd_1000_iterations, sklearn_logistic_regression_lbfgs]
 */
export async function benchLogistic(ctx: BenchContext): Promise<BenchResult[]> {
  const { n, d, learningRate, iterations, batchSize, seed } = LOGISTIC;
  const data = logisticData(n, d);
  const { backend, fallback } = await useWasmBackend();
  let model: LogisticModel | null = null;
  const train = async () => (model = await trainLogistic(data, { learningRate, iterations, batchSize, seed }));
  const ms = await timeRuns(train, RUNS.logistic, RUNS.logisticWarmup);
  const acc = accuracy(model as unknown as LogisticModel, data);
  const { value, unit } = summarise(ms);

  const samples = samplesVisited(n, batchSize, iterations);
  const epochs = Math.round(samples / n);
  let out: Record<string, unknown> | null = null;
  if (ctx.peers.available) {
    const dir = ctx.work.sub('logistic');
    writeTyped(join(dir, 'X.f32'), data.X);
    writeTyped(join(dir, 'y.u8'), data.y);
    writeJson(join(dir, 'shape.json'), [n, d]);
    out = ctx.peers.run('logistic', [dir, String(epochs), String(RUNS.logistic), String(RUNS.logisticWarmup)]);
  }
  const fmt = (x: number) => x.toLocaleString('en');
  const name = fallback ? 'logistic_sgd_1000_iterations_cpu_fallback' : 'logistic_sgd_1000_iterations';
  const peer = `scikit-learn SGDClassifier(loss='log_loss', learning_rate='constant', eta0=0.01, max_iter=${epochs}, tol=None) after StandardScaler`;
  let note =
    `${fmt(n)} × ${d}, tfjs ${backend}${fallback ? ' (wasm FAILED, cpu fallback)' : ''}; ` +
    `ours ${fmt(iterations)} steps × ${batchSize} = ${fmt(samples)} samples, sklearn ${epochs} epochs × ${fmt(n)} = ${fmt(epochs * n)} samples (per-sample SGD); ` +
    `train accuracy ours ${acc.toFixed(3)}`;
  if (out) note += `, sklearn ${(out.sgd_accuracy as number).toFixed(3)}`;
  const rows = [result(name, value, `${unit}${fallback ? ', cpu backend' : ''}`, { peer, peerValue: peerMedian(out, 'sgd_ms'), note })];
  const lr = peerMedian(out, 'lr_ms');
  if (lr !== null) {
    rows.push(
      result('sklearn_logistic_regression_lbfgs', lr, `ms (median of ${RUNS.logistic}, info)`, {
        note: `info: scikit-learn LogisticRegression() (lbfgs) after StandardScaler on the same ${fmt(n)} × ${d}; train accuracy ${(out!.lr_accuracy as number).toFixed(3)}`,
      }),
    );
  }
  return rows;
}
