"""Reference for src/core/recommend/coPurchase.ts: item–item co-purchase recommendations,
written as plain Python loops over a small seeded fixture (float64, same summation order).

Writes test/fixtures/stages_recommend.json with the input lines and the expected output.
Run from the repository root:  /usr/bin/python3 test/golden/stages_recommend.py
"""
import json
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'stages_recommend.json')
K, FAV = 5, 4
rng = np.random.default_rng(11)

items = [f'I{n:02d}' for n in range(25)]
popularity = np.linspace(3, 0.3, len(items))
popularity /= popularity.sum()
lines = []  # (customer, item, itemName, quantity)
for c in range(40):
    cust = f'C{(c * 17) % 40:03d}'
    n = int(rng.integers(1, 12))
    for _ in range(n):
        it = items[int(rng.choice(len(items), p=popularity))]
        q = float(rng.choice([1, 2, 3, 6, 12]))
        name = None if rng.random() < 0.1 else f'name of {it}' + (' (v2)' if rng.random() < 0.1 else '')
        lines.append([cust, it, name, q])
    if c == 5:  # a customer who bought almost everything: needs the popularity fill
        for it in items[:-2]:
            lines.append([cust, it, f'name of {it}', 1.0])
lines.append(['C500', 'I99', 'lonely item', 2.0])  # co-bought with nothing: all popular fills
lines.append(['C002', 'I98', None, 1.0])  # an item without any name: shown by its id
lines.append(['C999', None, 'no item', 4.0])  # skipped: null item
lines.append([None, 'I00', 'name of I00', 4.0])  # skipped: null customer

valid = [l for l in lines if l[0] is not None and l[1] is not None]
customers = sorted({l[0] for l in valid})
qty = {u: {} for u in customers}
for u, it, _, q in valid:
    qty[u][it] = qty[u].get(it, 0.0) + q
name_of = {}
for _, it, nm, _ in valid:
    if it not in name_of and nm is not None:
        name_of[it] = nm
item_name = lambda it: name_of.get(it, it)
all_items = sorted({l[1] for l in valid})
buyers = {it: sum(1 for u in customers if it in qty[u]) for it in all_items}
co = {(i, j): sum(1 for u in customers if i in qty[u] and j in qty[u]) for i in all_items for j in all_items}

out = []
for u in customers:
    fav = sorted([it for it in qty[u] if qty[u][it] > 0], key=lambda it: (-qty[u][it], it))[:FAV]
    total = 0.0
    for it in fav:
        total += qty[u][it]
    w = {it: qty[u][it] / total for it in fav}
    scores, because = {}, {}
    for j in all_items:
        if j in qty[u]:
            continue
        s, best, arg = 0.0, 0.0, None
        for i in fav:
            if co[(i, j)] == 0:
                continue
            c = (w[i] / buyers[i]) * co[(i, j)]
            s += c
            if arg is None or c > best:
                best, arg = c, i
        if s > 0:
            scores[j], because[j] = s, arg
    top = sorted(scores, key=lambda j: (-scores[j], j))[:K]
    rows = [(j, scores[j], item_name(because[j])) for j in top]
    for j in sorted(all_items, key=lambda j: (-buyers[j], j)):
        if len(rows) >= K:
            break
        if j in qty[u] or j in top:
            continue
        rows.append((j, buyers[j] / len(customers), 'popular'))
    for r, (j, s, b) in enumerate(rows, 1):
        out.append({'customer': u, 'rank': r, 'item': j, 'itemName': item_name(j), 'score': s, 'because': b})

with open(OUT, 'w') as fh:
    json.dump({'k': K, 'favourites': FAV, 'lines': lines, 'expected': out}, fh, indent=0)
print('wrote', OUT, len(lines), 'lines,', len(out), 'recommendations,',
      sum(1 for r in out if r['because'] == 'popular'), 'popular fills')
