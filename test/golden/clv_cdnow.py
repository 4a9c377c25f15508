"""Golden values for src/core/clv: BG/NBD and Gamma-Gamma maximum likelihood on the CDNOW 1/10 sample.

The log-likelihoods are written out exactly as in
  Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), eq. (6), and
  Fader, Hardie & Lee (2005b), "RFM and CLV: using iso-value curves", JMR 42(4), with the Gamma-Gamma
  likelihood of Fader & Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013),
and maximised with scipy.optimize over log-parameters (several starts, best kept). Predictions use
scipy.special.hyp2f1. Standard errors come from a central finite-difference Hessian of the
log-likelihood in the natural parameters (step 1e-4 relative), inverted with numpy.

Input: /work/shared/data/cdnow_customers_summary_with_transactions.csv (ID, x, t_x, T, zbar; weeks,
calibration ends 1997-09-30). The summary is copied into the fixture, so the vitest tests need no
../shared/data. Also checks that the same summary comes out of the raw 1/10-sample transaction log
(CDNOW_sample.txt: same-day purchases merged, T measured to 1997-09-30, days / 7) and writes that
log's calibration/holdout counts for the summary test.

Writes test/fixtures/clv_cdnow.json. Run from the repository root:
    /usr/bin/python3 test/golden/clv_cdnow.py
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), 'shared', 'data')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'clv_cdnow.json')

summary = pd.read_csv(os.path.join(DATA, 'cdnow_customers_summary_with_transactions.csv'))
x = summary['x'].to_numpy(float)
tx = summary['t_x'].to_numpy(float)
T = summary['T'].to_numpy(float)
zbar = summary['zbar'].to_numpy(float)


def bgnbd_ll_terms(params, x, tx, T):
    r, alpha, a, b = params
    ln_a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    ln_a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    ln_a3 = -(r + x) * np.log(alpha + T)
    ln_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return ln_a1 + ln_a2 + np.logaddexp(ln_a3, ln_a4)


def bgnbd_ll(params):
    return float(np.sum(bgnbd_ll_terms(params, x, tx, T)))


rep = x > 0
xs, ms = x[rep], zbar[rep]


def gg_ll_terms(params, x, m):
    p, q, v = params
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
            + p * x * np.log(x) - (p * x + q) * np.log(x * m + v))


def gg_ll(params):
    return float(np.sum(gg_ll_terms(params, xs, ms)))


def fit(ll, k, n, penalty=0.0, starts=None):
    """Maximise ll over log-parameters; objective -ll/n + penalty * sum(theta^2) (lifetimes' scaling)."""
    def objective(phi):
        theta = np.exp(phi)
        v = -ll(theta) / n + penalty * np.sum(theta ** 2)
        return v if np.isfinite(v) else 1e10
    best = None
    for s in (starts or [np.zeros(k), np.full(k, 0.5), np.full(k, -0.5), np.log(np.arange(1, k + 1, dtype=float))]):
        for method in ['Nelder-Mead', 'BFGS']:
            opts = {'xatol': 1e-10, 'fatol': 1e-14, 'maxiter': 20000, 'maxfev': 40000} if method == 'Nelder-Mead' else {'gtol': 1e-10}
            res = minimize(objective, s, method=method, options=opts)
            res2 = minimize(objective, res.x, method='Nelder-Mead', options={'xatol': 1e-11, 'fatol': 1e-15, 'maxiter': 20000, 'maxfev': 40000})
            if best is None or res2.fun < best.fun:
                best = res2
    return np.exp(best.x), best


def hessian(f, theta, rel=1e-4):
    k = len(theta)
    h = rel * np.abs(theta)
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(i, k):
            def at(di, dj):
                t = theta.copy()
                t[i] += di * h[i]
                t[j] += dj * h[j]
                return f(t)
            H[i, j] = H[j, i] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[i] * h[j])
    return H


def std_errors(ll, theta):
    H = hessian(ll, np.asarray(theta, float))
    return np.sqrt(np.diag(np.linalg.inv(-H)))


# --- BG/NBD -------------------------------------------------------------------------------------
n = len(x)
bg, bg_res = fit(bgnbd_ll, 4, n)
bg_se = std_errors(bgnbd_ll, bg)
bg_pen, _ = fit(bgnbd_ll, 4, n, penalty=0.01)

# --- Gamma-Gamma --------------------------------------------------------------------------------
gg, gg_res = fit(gg_ll, 3, len(xs), starts=[np.zeros(3), np.log([1.0, 1.0, 10.0]), np.log([5.0, 3.0, 15.0])])
gg_se = std_errors(gg_ll, gg)


# --- Predictions --------------------------------------------------------------------------------
def p_alive(params, x, tx, T):
    r, alpha, a, b = params
    ratio = np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0)
    return 1.0 / (1.0 + ratio)


def expected_purchases(params, t, x, tx, T):
    """E[Y(t) | x, t_x, T], FHL (2005) eq. (10)."""
    r, alpha, a, b = params
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    num = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp)
    den = 1 + np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0)
    return num / den


def unconditional(params, t):
    """E[X(t)] for a new customer, FHL (2005) eq. (9)."""
    r, alpha, a, b = params
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)))


def expected_spend(params, x, m):
    p, q, v = params
    mean = v * p / (q - 1)
    w = p * x / (p * x + q - 1)
    return np.where(x > 0, (1 - w) * mean + w * m, mean)


def clv(bg, gg, x, tx, T, m, periods=12, period_length=30 / 7, discount=0.01, margin=1.0):
    spend = expected_spend(gg, x, m)
    total = np.zeros_like(x)
    prev = np.zeros_like(x)
    for i in range(1, periods + 1):
        cur = expected_purchases(bg, i * period_length, x, tx, T)
        total += margin * spend * (cur - prev) / (1 + discount) ** i
        prev = cur
    return total


pick = [0, 1, 2, 5, 17, 100, 250, 999, 1500, 2356]
pa = p_alive(bg, x, tx, T)
ep = expected_purchases(bg, 39.0, x, tx, T)
es = expected_spend(gg, x, zbar)
cl = clv(bg, gg, x, tx, T, zbar, margin=0.3)

# --- the summary from the raw 1/10-sample log ------------------------------------------------------
log = pd.read_csv(os.path.join(DATA, 'CDNOW_sample.txt'), sep=r'\s+', header=None,
                  names=['master', 'id', 'date', 'cds', 'dollars'], dtype={'date': str})
log['date'] = pd.to_datetime(log['date'], format='%Y%m%d')
days = log.groupby(['id', 'date'], as_index=False)['dollars'].sum()
cal_end = pd.Timestamp('1997-09-30')
obs_end = pd.Timestamp('1998-06-30')
first = days.groupby('id')['date'].min()
cal = days[days['date'] <= cal_end]
hold = days[(days['date'] > cal_end) & (days['date'] <= obs_end)]
g = cal.groupby('id')
raw = pd.DataFrame({
    'x': g.size() - 1,
    't_x': (g['date'].max() - first).dt.days / 7,
    'T': (cal_end - first).dt.days / 7,
})
raw['holdout'] = hold.groupby('id').size().reindex(raw.index, fill_value=0)
assert len(raw) == n
assert np.array_equal(raw['x'].to_numpy(), x.astype(int)), 'x differs between the raw log and the summary'
assert np.allclose(raw['t_x'].round(2), tx) and np.allclose(raw['T'].round(2), T), 't_x/T differ from the summary'

out = {
    'generator': f'test/golden/clv_cdnow.py (numpy {np.__version__}, scipy {scipy.__version__}, pandas {pd.__version__})',
    'source': 'cdnow_customers_summary_with_transactions.csv (CDNOW 1/10 sample, Fader & Hardie; weeks; calibration ends 1997-09-30)',
    'summary': {'x': x.astype(int).tolist(), 't_x': tx.tolist(), 'T': T.tolist(), 'zbar': zbar.tolist()},
    'rawLog': {
        'customers': int(len(raw)),
        'sumX': int(raw['x'].sum()),
        'holdoutTotal': int(raw['holdout'].sum()),
        'holdoutByX': {str(k): int(v) for k, v in raw.groupby(raw['x'].clip(upper=7))['holdout'].sum().items()},
        'sameDayRows': int(len(log) - len(days)),
    },
    'bgnbd': {
        'r': bg[0], 'alpha': bg[1], 'a': bg[2], 'b': bg[3], 'logLikelihood': bgnbd_ll(bg),
        'se': bg_se.tolist(),
        'llAtPublished': bgnbd_ll(np.array([0.243, 4.414, 0.793, 2.426])),
    },
    'bgnbdPenalised': {'penalty': 0.01, 'r': bg_pen[0], 'alpha': bg_pen[1], 'a': bg_pen[2], 'b': bg_pen[3], 'logLikelihood': bgnbd_ll(bg_pen)},
    'gammaGamma': {'p': gg[0], 'q': gg[1], 'v': gg[2], 'logLikelihood': gg_ll(gg), 'se': gg_se.tolist(), 'n': int(rep.sum())},
    'predictions': {
        'rows': pick,
        'pAlive': pa[pick].tolist(),
        'expectedPurchases39': ep[pick].tolist(),
        'expectedSpend': es[pick].tolist(),
        'clv': cl[pick].tolist(),
        'clvOptions': {'periods': 12, 'periodLength': 30 / 7, 'discountRate': 0.01, 'margin': 0.3},
        'sumExpectedPurchases39': float(ep.sum()),
        'sumClv': float(cl.sum()),
        'unconditional': {'t': [1.0, 39.0, 78.0], 'value': [float(unconditional(bg, t)) for t in [1.0, 39.0, 78.0]]},
        'hyp2f1': [[a_, b_, c_, z_, float(hyp2f1(a_, b_, c_, z_))] for a_, b_, c_, z_ in
                   [(0.243, 2.426, 2.219, 0.3), (2.243, 4.426, 5.219, 0.85), (10.2, 12.4, 21.2, 0.95), (0.5, 0.5, 1.5, 0.99)]],
    },
}
with open(OUT, 'w') as fh:
    json.dump(out, fh, separators=(',', ':'))
    fh.write('\n')
print(f'wrote {OUT}')
print('BG/NBD', bg, bgnbd_ll(bg), 'se', bg_se)
print('penalised', bg_pen)
print('GG', gg, gg_ll(gg), 'se', gg_se)
print('raw log', out['rawLog'])
