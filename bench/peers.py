"""Peer timings for `npm run bench`: the same workloads in pandas and scikit-learn.

Usage (run by bench/peers.ts; prints one JSON object on the last stdout line):
    python3 bench/peers.py check
    python3 bench/peers.py csv <file.csv> <runs>
    python3 bench/peers.py csv <file> <runs> <warmup>
    python3 bench/peers.py rfm <dir> <runs> <warmup>
    python3 bench/peers.py logistic <dir> <epochs> <runs> <warmup>

Only the work itself is timed (time.perf_counter), not the interpreter start or the imports.
A missing package prints {"missing": "..."} so the caller can carry on with null peers.
"""
import json
import sys
import time

try:
    import numpy as np
    import pandas as pd
    import sklearn
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
except ImportError as e:  # pragma: no cover - depends on the machine
    print(json.dumps({"missing": f"{e} (under {sys.executable})"}))
    sys.exit(0)

DAY_MS = 86_400_000


def timed(fn, runs, warmup=0):
    """Milliseconds of each of `runs` calls of fn after `warmup` untimed calls; returns (times, last result)."""
    out = None
    for _ in range(warmup):
        out = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, out


def check():
    v = sys.version.split()[0]
    return {"versions": f"Python {v}, pandas {pd.__version__}, numpy {np.__version__}, scikit-learn {sklearn.__version__}"}


def csv(path, runs, warmup="1"):
    """pandas.read_csv of the synthetic Online-Retail-shaped file, parsing InvoiceDate as a datetime.
    `cold_ms`: the first call of the process (the first warm-up), timed on its own."""
    read = lambda: pd.read_csv(path, parse_dates=["InvoiceDate"])
    t0 = time.perf_counter()
    read()
    cold = (time.perf_counter() - t0) * 1000
    times, df = timed(read, int(runs), warmup=max(0, int(warmup) - 1))
    return {"ms": times, "cold_ms": cold, "rows": int(len(df)), "columns": int(df.shape[1])}


def load_rfm(d):
    """The canonical table as written by bench/cases/rfm.ts: dictionary codes + dictionaries, time ms, amount."""
    with open(f"{d}/customer.json") as f:
        customers = json.load(f)
    with open(f"{d}/order.json") as f:
        orders = json.load(f)
    return pd.DataFrame(
        {
            # Arrow dictionary columns → pandas categoricals (codes + categories; -1 = missing).
            "customer": pd.Categorical.from_codes(np.fromfile(f"{d}/customer.i32", dtype="<i4"), categories=customers),
            "order": pd.Categorical.from_codes(np.fromfile(f"{d}/order.i32", dtype="<i4"), categories=orders),
            "time": np.fromfile(f"{d}/time.f64", dtype="<f8"),
            "amount": np.fromfile(f"{d}/amount.f64", dtype="<f8"),
        }
    )


def rfm_frame(df):
    """Recency / frequency / monetary (+ aov, tenure, first, last) per customer, as `rfm` defines them."""
    as_of = np.floor(df["time"].max() / DAY_MS) * DAY_MS + DAY_MS
    g = df.groupby("customer", observed=True, sort=True)
    out = g.agg(first=("time", "min"), last=("time", "max"), frequency=("order", "nunique"), monetary=("amount", "sum"))
    out["recency"] = np.floor((as_of - out["last"]) / DAY_MS).astype("int32")
    out["tenure"] = np.floor((as_of - out["first"]) / DAY_MS).astype("int32")
    out["aov"] = out["monetary"] / out["frequency"]
    return out


def rfm(d, runs, warmup):
    df = load_rfm(d)
    times, out = timed(lambda: rfm_frame(df), int(runs), int(warmup))
    return {
        "ms": times,
        "check": {
            "customers": int(len(out)),
            "recency": int(out["recency"].sum()),
            "frequency": int(out["frequency"].sum()),
            "tenure": int(out["tenure"].sum()),
            "monetary": float(out["monetary"].sum()),
        },
    }


def logistic(d, epochs, runs, warmup):
    """SGDClassifier (per-sample SGD, log loss, constant eta0 0.01) and LogisticRegression (lbfgs), each after StandardScaler."""
    with open(f"{d}/shape.json") as f:
        n, dims = json.load(f)
    X = np.fromfile(f"{d}/X.f32", dtype="<f4").reshape(n, dims)
    y = np.fromfile(f"{d}/y.u8", dtype="u1")
    epochs = int(epochs)

    def sgd():
        clf = SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.01, max_iter=epochs, tol=None, random_state=42)
        return make_pipeline(StandardScaler(), clf).fit(X, y)

    def lbfgs():
        return make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y)

    sgd_ms, sgd_model = timed(sgd, int(runs), int(warmup))
    lr_ms, lr_model = timed(lbfgs, int(runs), int(warmup))
    return {
        "sgd_ms": sgd_ms,
        "lr_ms": lr_ms,
        "sgd_accuracy": float(sgd_model.score(X, y)),
        "lr_accuracy": float(lr_model.score(X, y)),
        "samples": epochs * n,
    }


TASKS = {"check": check, "csv": csv, "rfm": rfm, "logistic": logistic}

if __name__ == "__main__":
    task = sys.argv[1] if len(sys.argv) > 1 else ""
    if task not in TASKS:
        print(f"usage: peers.py {{{'|'.join(TASKS)}}} <args>", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(TASKS[task](*sys.argv[2:])))
