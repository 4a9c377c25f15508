"""Reference values for test/plots/charts.test.ts, computed with numpy.

Run:  /usr/bin/python3 test/golden/plots/numpy_reference.py
Writes test/golden/plots/numpy_reference.json. The inputs repeat the literal fixtures of
test/plots/figures.ts (recsTable, rfmProfile); change both together.
"""
import json
import math
import os

import numpy as np

# recsTable(): 8 customers x 5 ranks, score = round(0.9 / k * (0.6 + 0.05 u), 3)
# JS Math.round is half-up: floor(x + 0.5), not Python round (half-even)
scores = {k: [math.floor((0.9 / k) * (0.6 + 0.05 * u) * 1000 + 0.5) / 1000 for u in range(8)] for k in range(1, 6)}
quantiles = {
    str(k): {str(p): float(np.quantile(np.array(v), p, method="linear")) for p in (0.05, 0.25, 0.5, 0.75, 0.95)}
    for k, v in scores.items()
}

# rfmProfile()
recency = [1, 3, 5, 8, 12, 15, 18, 22, 25, 30, 33, 40, 45, 52, 60, 71, 80, 95, 110, 130, 150, 170, 190, 220, 250, 280, 300, 330, 350, 373]
frequency = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 11, 14, 18, 25, 40, 75, 209]
monetary = [-12, 15, 40, 80, 120, 160, 200, 250, 300, 310, 350, 420, 480, 550, 600, 700, 820, 950, 1100, 1300, 1500, 1800, 2200, 2900, 3600, 4800, 7500, 12000, 52000, 280206]

# Recency: ~20 linear bins from 0 with a "nice" step (1, 2, 2.5, 5 or 10 x a power of ten):
# 373 / 20 = 18.65 -> 20, so edges 0, 20, ..., 380.
raw = max(recency) / 20
p10 = 10 ** math.floor(math.log10(raw))
m = raw / p10
step = (1 if m <= 1 else 2 if m <= 2 else 2.5 if m <= 2.5 else 5 if m <= 5 else 10) * p10
rec_edges = np.arange(0, math.ceil(max(recency) / step) * step + step / 2, step, dtype=float)
rec_counts, _ = np.histogram(recency, bins=rec_edges)


def log_edges(values, per_decade=4):
    pos = [v for v in values if v > 0]
    k0 = math.floor(math.log10(min(pos)) * per_decade + 1e-9)
    k1 = math.ceil(math.log10(max(pos)) * per_decade - 1e-9)
    return np.array([float(f"{10 ** (k / per_decade):.12g}") for k in range(k0, k1 + 1)])


freq_edges = log_edges(frequency)
freq_counts, _ = np.histogram(frequency, bins=freq_edges)
mon_pos = [v for v in monetary if v > 0]
mon_edges = log_edges(monetary)
mon_counts, _ = np.histogram(mon_pos, bins=mon_edges)

out = {
    "recsQuantiles": quantiles,
    "recency": {"edges": rec_edges.tolist(), "counts": rec_counts.tolist()},
    "frequency": {"edges": freq_edges.tolist(), "counts": freq_counts.tolist()},
    "monetary": {"edges": mon_edges.tolist(), "counts": mon_counts.tolist(), "dropped": len(monetary) - len(mon_pos)},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", path)
