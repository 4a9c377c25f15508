"""Golden values for src/core/stats: scikit-learn metrics, numpy histograms and pandas qcut bins.

Writes test/fixtures/stages_metrics.json. Run from the repository root:
    /usr/bin/python3 test/golden/stages_metrics.py
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, log_loss,
                             precision_score, recall_score, roc_auc_score, confusion_matrix)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'stages_metrics.json')
rng = np.random.default_rng(7)

cases = []
for name, n, decimals in [('continuous', 300, None), ('ties', 200, 1), ('small', 12, 2), ('extreme', 50, None)]:
    y = (rng.random(n) < 0.4).astype(int)
    p = 1 / (1 + np.exp(-(1.2 * y - 0.5 + rng.normal(0, 1, n))))
    if decimals is not None:
        p = np.round(p, decimals)
    if name == 'extreme':
        p[:5] = [0.0, 1.0, 1e-300, 1 - 1e-17, 0.5]
    case = {'name': name, 'y': y.tolist(), 'p': p.tolist(),
            'rocAuc': roc_auc_score(y, p), 'prAuc': average_precision_score(y, p), 'logLoss': log_loss(y, p),
            'confusion': {}}
    for t in [0.3, 0.5, 0.7]:
        pred = (p > t).astype(int)
        tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
        case['confusion'][str(t)] = {
            'tp': int(tp), 'fp': int(fp), 'tn': int(tn), 'fn': int(fn),
            'accuracy': accuracy_score(y, pred), 'precision': precision_score(y, pred, zero_division=0),
            'recall': recall_score(y, pred, zero_division=0), 'f1': f1_score(y, pred, zero_division=0)}
    counts, edges = np.histogram(p, bins=20, range=(0, 1))
    case['histogram'] = {'edges': edges.tolist(), 'counts': counts.tolist()}
    c1, _ = np.histogram(p[y == 1], bins=7, range=(0, 1))
    c0, _ = np.histogram(p[y == 0], bins=7, range=(0, 1))
    case['histogram7'] = {'label0': c0.tolist(), 'label1': c1.tolist()}
    cases.append(case)

# pandas qcut(rank(method='first'), 5) bins of ranks 1..n: for each n, the last rank of bins 1-4
qcut = {}
for n in list(range(2, 60)) + [99, 100, 101, 997, 1000, 3370, 4338, 4339, 12345]:
    bins = pd.qcut(pd.Series(np.arange(1, n + 1, dtype=float)), 5, labels=[1, 2, 3, 4, 5]).astype(int).to_numpy()
    qcut[str(n)] = [int(np.flatnonzero(bins == b).max()) + 1 if (bins == b).any() else 0 for b in [1, 2, 3, 4]]
# ties broken by order of appearance
tied = np.array([3, 1, 3, 3, 2, 2, 5, 3, 1, 4, 4, 4, 4], dtype=float)
qcut_tied = pd.qcut(pd.Series(tied).rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int).tolist()

with open(OUT, 'w') as fh:
    json.dump({'sklearn': sklearn.__version__, 'cases': cases, 'qcut': qcut,
               'qcutTied': {'x': tied.tolist(), 'bins': qcut_tied}}, fh)
print('wrote', OUT, os.path.getsize(OUT), 'bytes')
