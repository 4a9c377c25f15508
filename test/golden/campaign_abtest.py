#!/usr/bin/python3
"""Golden values for src/core/campaign/{normal,abtest,planner,sequential}.ts.

Counts are committed here (Cookie Cats: 90,189 players; Udacity ab_data: 294,478 rows, all rows kept), so
the fixture and the vitest test need no data file. When ../shared/data is present the counts are checked
against the files first. Formulas use numpy/scipy only (no statsmodels):
  z-test p-value: scipy.stats.norm.sf; Wilson: closed form; P(B > A): Evan Miller's sum via scipy.special.betaln;
  sample size: closed form with scipy.stats.norm.ppf; sequential rule: exact DP with numpy.
Run: /usr/bin/python3 test/golden/campaign_abtest.py  → test/fixtures/campaign_abtest.json
"""
import csv, gzip, json, math, os
import numpy as np
from scipy.stats import norm
from scipy.special import betaln

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, '..', 'shared', 'data')

CASES = [
    # name, metric, a, b, n_a, conv_a, n_b, conv_b
    ('cookie_cats', 'retention_1', 'gate_30', 'gate_40', 44700, 20034, 45489, 20119),
    ('cookie_cats', 'retention_7', 'gate_30', 'gate_40', 44700, 8502, 45489, 8279),
    ('ab_data', 'converted', 'control', 'treatment', 147202, 17723, 147276, 17514),
    ('small', 'clicked', 'A', 'B', 20, 0, 25, 3),
]


def check_counts():
    cc = os.path.join(DATA, 'cookie_cats.csv')
    if os.path.exists(cc):
        agg = {}
        with open(cc, newline='') as f:
            for row in csv.DictReader(f):
                for m in ('retention_1', 'retention_7'):
                    e = agg.setdefault((m, row['version']), [0, 0])
                    e[0] += 1
                    e[1] += row[m] == 'TRUE'
        for name, m, a, b, na, ca, nb, cb in CASES[:2]:
            assert agg[(m, a)] == [na, ca] and agg[(m, b)] == [nb, cb], (m, agg)
        print('cookie_cats counts checked')
    ab = os.path.join(DATA, 'ab_data.csv.gz')
    if os.path.exists(ab):
        agg = {}
        with gzip.open(ab, 'rt', newline='') as f:
            for row in csv.DictReader(f):
                e = agg.setdefault(row['group'], [0, 0])
                e[0] += 1
                e[1] += row['converted'] == '1'
        _, m, a, b, na, ca, nb, cb = CASES[2]
        assert agg[a] == [na, ca] and agg[b] == [nb, cb], agg
        print('ab_data counts checked')


def wald(c, n, z):
    p = c / n
    h = z * math.sqrt(p * (1 - p) / n)
    return [p - h, p + h]


def wilson(c, n, z):
    p = c / n
    d = 1 + z * z / n
    centre = p + z * z / (2 * n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [(centre - h) / d, (centre + h) / d]


def prob_b_beats_a(aa, ba, ab, bb):
    i = np.arange(0, ab, dtype=np.float64)
    logs = betaln(aa + i, ba + bb) - np.log(bb + i) - betaln(1 + i, bb) - betaln(aa, ba)
    m = logs.max()
    return float(math.exp(m) * np.exp(logs - m).sum())


def test_case(na, ca, nb, cb, alpha=0.05):
    pa, pb = ca / na, cb / nb
    pool = (ca + cb) / (na + nb)
    se0 = math.sqrt(pool * (1 - pool) * (1 / na + 1 / nb))
    z = (pb - pa) / se0
    zc = norm.ppf(1 - alpha / 2)
    se = math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    return {
        'z': z, 'p_value': float(2 * norm.sf(abs(z))),
        'ci_low': pb - pa - zc * se, 'ci_high': pb - pa + zc * se,
        'wald_a': wald(ca, na, zc), 'wald_b': wald(cb, nb, zc),
        'wilson_a': wilson(ca, na, zc), 'wilson_b': wilson(cb, nb, zc),
        'prob_b_beats_a': prob_b_beats_a(1 + ca, 1 + na - ca, 1 + cb, 1 + nb - cb),
    }


def sample_size(p1, delta, alpha, power):
    p2 = p1 + delta
    pbar = (p1 + p2) / 2
    num = norm.ppf(1 - alpha / 2) * math.sqrt(2 * pbar * (1 - pbar)) + norm.ppf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(num * num / (delta * delta))


def sequential_rate(N, b, q):
    prob = np.zeros(2 * N + 1)
    prob[N] = 1.0
    hit = 0.0
    for _ in range(N):
        nxt = np.zeros_like(prob)
        up = prob * q
        # d + 1 ≥ b stops (index N + d + 1 ≥ N + b)
        idx = np.arange(2 * N + 1) - N
        stop = idx + 1 >= b
        hit += up[stop].sum()
        nxt[1:] += np.where(stop, 0, up)[:-1]
        nxt[:-1] += (prob * (1 - q))[1:]
        prob = nxt
    return float(hit)


def main():
    check_counts()
    out = {'tests': [], 'normal': [], 'sample_size': [], 'sequential': []}
    for name, m, a, b, na, ca, nb, cb in CASES:
        out['tests'].append({'dataset': name, 'metric': m, 'a': a, 'b': b, 'n_a': na, 'conv_a': ca, 'n_b': nb, 'conv_b': cb, **test_case(na, ca, nb, cb)})
    for x in [-8.5, -3.2, -1.96, -0.5, 0.0, 0.3, 1.0, 2.9, 3.1, 6.0]:
        out['normal'].append({'x': x, 'cdf': float(norm.cdf(x)), 'sf': float(norm.sf(x))})
    for p in [1e-12, 0.001, 0.0125, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999]:
        out['normal'].append({'p': p, 'ppf': float(norm.ppf(p))})
    for p1, d, alpha, power in [(0.1, 0.02, 0.05, 0.8), (0.448, 0.01, 0.05, 0.8), (0.19, -0.005, 0.01, 0.9), (0.03, 0.003, 0.1, 0.95)]:
        out['sample_size'].append({'baseline': p1, 'mde': d, 'alpha': alpha, 'power': power, 'n': sample_size(p1, d, alpha, power)})
    for N, alpha in [(100, 0.05), (1000, 0.05), (400, 0.1)]:
        b = math.ceil(norm.ppf(1 - alpha / 2) * math.sqrt(N))
        out['sequential'].append({'N': N, 'alpha': alpha, 'boundary': b, 'fpr': sequential_rate(N, b, 0.5), 'power_q055': sequential_rate(N, b, 0.55)})
    path = os.path.join(ROOT, 'test', 'fixtures', 'campaign_abtest.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
    print('wrote', path)


if __name__ == '__main__':
    main()
