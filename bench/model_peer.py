"""scikit-learn peer of bench/model.ts: fits on the rows marked train in <dir>, times it, scores the test rows.

    /usr/bin/python3 bench/model_peer.py <dir> <sgd_epochs> <runs>

<dir> holds X.f32 (row-major float32), y.u8, split.u8 (1 = test) and shape.json [n, d]. Prints one JSON object:
{sgd_ms: [...], sgd_auc, sgd_epochs_run, lbfgs_ms: [...], lbfgs_auc}. sgd_epochs > 0: SGDClassifier(loss="log_loss",
max_iter=sgd_epochs, tol=None) — exactly that many epochs; sgd_epochs = 0: the purchase-intent reference
SGDClassifier(loss="log_loss", learning_rate="adaptive", eta0=0.01) with its default stopping rule.
"""
import json
import pathlib
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore", ConvergenceWarning)
d = pathlib.Path(sys.argv[1])
epochs, runs = int(sys.argv[2]), int(sys.argv[3])
n, k = json.loads((d / "shape.json").read_text())
X = np.fromfile(d / "X.f32", dtype=np.float32).reshape(n, k).astype(np.float64)
y = np.fromfile(d / "y.u8", dtype=np.uint8)
test = np.fromfile(d / "split.u8", dtype=np.uint8) == 1
scaler = StandardScaler().fit(X[~test])
Xtr, Xte, ytr, yte = scaler.transform(X[~test]), scaler.transform(X[test]), y[~test], y[test]


def timed(make):
    ms, model = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        model = make().fit(Xtr, ytr)
        ms.append((time.perf_counter() - t0) * 1000)
    return ms, model


if epochs > 0:
    sgd = lambda: SGDClassifier(loss="log_loss", max_iter=epochs, tol=None, random_state=0)
else:
    sgd = lambda: SGDClassifier(loss="log_loss", learning_rate="adaptive", eta0=0.01, random_state=0)
sgd_ms, s = timed(sgd)
lbfgs_ms, l = timed(lambda: LogisticRegression(max_iter=1000))
print(json.dumps({
    "sgd_ms": sgd_ms, "sgd_auc": float(roc_auc_score(yte, s.decision_function(Xte))), "sgd_epochs_run": int(s.n_iter_),
    "lbfgs_ms": lbfgs_ms, "lbfgs_auc": float(roc_auc_score(yte, l.decision_function(Xte))),
}))
