import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readTableFile } from '/work/main/src/cli/nodeEnv';
import { designMatrix } from '/work/main/src/core/stats/designMatrix';
import { stratifiedSplit } from '/work/main/src/core/stats/split';
import { rocAuc } from '/work/main/src/core/stats/metrics';
import { trainLogistic } from '/work/main/src/model/logistic';
import { trainMlp } from '/work/main/src/model/mlp';
import { predictProba } from '/work/main/src/model/predict';
import { readFileSync } from 'node:fs';
const fx = JSON.parse(readFileSync('/work/main/test/fixtures/model_online_shoppers.json', 'utf8'));
tf.enableProdMode(); await tf.setBackend('wasm'); await tf.ready();
const t = await readTableFile('/work/main/public/data/online-shoppers.csv.gz');
const dm = designMatrix(t, { label: 'Revenue', categorical: ['Month', 'OperatingSystems', 'Browser', 'Region', 'TrafficType', 'VisitorType'] });
console.log(dm.d, JSON.stringify(dm.featureNames) === JSON.stringify(fx.featureNames));
const split = stratifiedSplit(dm.y, { testFraction: 0.25, seed: 42 });
const ti = []; for (let i = 0; i < split.length; i++) if (split[i]) ti.push(i);
console.log('split same', JSON.stringify(ti) === JSON.stringify(fx.testIndex));
const rows = (w: number) => { const idx = [] as number[]; for (let i = 0; i < split.length; i++) if (split[i] === w) idx.push(i);
  const X = new Float32Array(idx.length * dm.d); idx.forEach((r, k) => X.set(dm.X.subarray(r * dm.d, r * dm.d + dm.d), k * dm.d));
  return { X, y: Uint8Array.from(idx, (r) => dm.y[r]), n: idx.length, d: dm.d }; };
const tr = rows(0), te = rows(1);
const cfgs = JSON.parse(process.argv[2]);
for (const c of cfgs) {
  const m = c.model === 'mlp' ? await trainMlp(tr, c) : await trainLogistic(tr, c);
  const p = predictProba(m, te.X, te.n, te.d);
  console.log(JSON.stringify(c), 'auc', rocAuc(te.y, p).toFixed(4), 'ms', m.ms.toFixed(0), 'it', m.iterations, m.warnings?.length);
}
console.log('lbfgs', fx.auc.lbfgs, 'sgd', fx.auc.sgd);
