"""Golden fixture for src/model/logistic.ts.

Writes test/fixtures/model_logistic.json: a seeded synthetic purchase dataset (RFM-like features on very
different scales, ~25% positives), a train/test split, and what scikit-learn reaches on it:
  - LogisticRegression (lbfgs, default C=1.0) on standardised features,
  - SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01) on standardised features,
each with its test ROC AUC and coefficients (per standard deviation, i.e. on standardised features).

Run:  /usr/bin/python3 test/golden/model_logistic.py
"""
import json
import pathlib

import numpy as np
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

SEED = 20240611
N_TRAIN, N_TEST = 2000, 1000
FEATURES = ["recency_days", "frequency", "monetary", "tenure_days", "avg_basket", "noise"]
# True coefficients per standard deviation of each feature; "noise" has none.
TRUE_W = np.array([-1.2, 0.9, 0.6, 0.3, -0.4, 0.0])
SCALE = np.array([90.0, 4.0, 800.0, 200.0, 35.0, 1.0])
OFFSET = np.array([120.0, 6.0, 1500.0, 400.0, 60.0, 0.0])

rng = np.random.default_rng(SEED)
n = N_TRAIN + N_TEST
# Correlated standard-normal features (frequency and monetary move together).
cov = np.eye(6)
cov[1, 2] = cov[2, 1] = 0.5
cov[0, 1] = cov[1, 0] = -0.3
z = rng.multivariate_normal(np.zeros(6), cov, size=n)
# Pick the intercept by bisection so the expected positive rate is 25%.
logit_wo_b = z @ TRUE_W
lo, hi = -10.0, 10.0
for _ in range(60):
    mid = (lo + hi) / 2
    if np.mean(1.0 / (1.0 + np.exp(-(logit_wo_b + mid)))) > 0.25:
        hi = mid
    else:
        lo = mid
TRUE_B = (lo + hi) / 2
p = 1.0 / (1.0 + np.exp(-(logit_wo_b + TRUE_B)))
y = (rng.random(n) < p).astype(np.uint8)
# Round to 4 decimals (what the JSON holds) before fitting, so sklearn and the TS test see the same numbers.
X = np.round(z * SCALE + OFFSET, 4)

Xtr, ytr = X[:N_TRAIN], y[:N_TRAIN]
Xte, yte = X[N_TRAIN:], y[N_TRAIN:]

# sklearn's scaler uses the population std (ddof=0), as src/model/logistic.ts does.
scaler = StandardScaler().fit(Xtr)
Str, Ste = scaler.transform(Xtr), scaler.transform(Xte)

lr = LogisticRegression(solver="lbfgs").fit(Str, ytr)
sgd = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01, random_state=0).fit(Str, ytr)


def summary(model):
    scores = model.decision_function(Ste)
    return {
        "auc": float(roc_auc_score(yte, scores)),
        "weights": [float(w) for w in model.coef_[0]],
        "bias": float(model.intercept_[0]),
    }


def r(a):
    return [float(round(float(v), 4)) for v in a]


out = {
    "description": "Seeded synthetic purchase data; sklearn references for trainLogistic (see test/golden/model_logistic.py).",
    "features": FEATURES,
    "d": len(FEATURES),
    "trueWeights": TRUE_W.tolist(),
    "trueBias": TRUE_B,
    "train": {"n": N_TRAIN, "X": r(Xtr.ravel()), "y": ytr.tolist()},
    "test": {"n": N_TEST, "X": r(Xte.ravel()), "y": yte.tolist()},
    "positiveRate": float(y.mean()),
    "scaler": {"mean": scaler.mean_.tolist(), "std": scaler.scale_.tolist()},
    "sklearn": {"lbfgs": summary(lr), "sgd": summary(sgd)},
}
path = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "model_logistic.json"
path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
print(path, "positives", round(out["positiveRate"], 3), "auc lbfgs", round(out["sklearn"]["lbfgs"]["auc"], 4),
      "auc sgd", round(out["sklearn"]["sgd"]["auc"], 4))
print("lbfgs w", np.round(lr.coef_[0], 3), "sgd w", np.round(sgd.coef_[0], 3))
