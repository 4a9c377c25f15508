"""Reference for test/core/recommend/reference.test.ts: popularity and item-kNN top-N lists and top-N
metrics on a small seeded ratings fixture, computed densely with numpy (definitions as in
src/core/recommend/{popularity,itemKnn,score,evaluate}.ts).

Run: /usr/bin/python3 test/golden/recommend_reference.py  → test/fixtures/recommend_reference.json
"""
import json
import math
import os
import numpy as np

rng = np.random.default_rng(20240605)
N_USERS, N_ITEMS = 14, 11
users = [f"u{u:02d}" for u in range(N_USERS)]
items = [f"i{i:02d}" for i in range(N_ITEMS)]
R_all = np.where(rng.random((N_USERS, N_ITEMS)) < 0.45, rng.integers(1, 6, (N_USERS, N_ITEMS)), 0).astype(float)
# user 13 has no training pair (cold start): all its pairs go to test
pairs = [(u, i) for u in range(N_USERS) for i in range(N_ITEMS) if R_all[u, i] > 0]
is_test = rng.random(len(pairs)) < 0.25
train = np.zeros_like(R_all)
test = np.zeros_like(R_all)
for (u, i), t in zip(pairs, is_test):
    if t or u == 13:
        test[u, i] = R_all[u, i]
    else:
        train[u, i] = R_all[u, i]

K_LIST = 3
KNN_K = 4
SHRINK = 2.0

count = (train > 0).sum(axis=0).astype(float)
n_train_users = int(((train > 0).sum(axis=1) > 0).sum())
pop_order = sorted([j for j in range(N_ITEMS) if count[j] > 0], key=lambda j: (-count[j], j))


def top_lists(scores_of, dense, fill_score):
    out = []
    for u in range(N_USERS):
        blocked = set(np.nonzero(train[u] > 0)[0]) | {j for j in range(N_ITEMS) if count[j] == 0}
        warm = train[u].sum() > 0
        recs = []
        if warm:
            s = scores_of(u)
            cand = [j for j in range(N_ITEMS) if j not in blocked and (dense or s[j] > 0)]
            cand.sort(key=lambda j: (-s[j], j))
            recs = [(j, float(s[j]), 0) for j in cand[:K_LIST]]
        taken = {j for j, _, _ in recs}
        for j in pop_order:
            if len(recs) >= K_LIST:
                break
            if j in blocked or j in taken:
                continue
            recs.append((j, fill_score(j), 2 if warm else 1))
        out.append([{"user": users[u], "rank": r + 1, "item": items[j], "score": sc, "source": src} for r, (j, sc, src) in enumerate(recs)])
    return out


# popularity: dense scores = count; the fill (cold users) keeps the count as score
popularity = top_lists(lambda u: count, True, lambda j: float(count[j]))
# cold users of the popularity model are scored by the model itself (source 0)
for lst in popularity:
    for r in lst:
        r["source"] = 0

# item-kNN
dot = train.T @ train
B = (train > 0).astype(float)
nboth = B.T @ B
norm = np.sqrt((train ** 2).sum(axis=0))
sim = np.zeros((N_ITEMS, N_ITEMS))
for i in range(N_ITEMS):
    for j in range(N_ITEMS):
        if i == j or nboth[i, j] == 0:
            continue
        den = norm[i] * norm[j]
        v = dot[i, j] / den if den > 0 else 0.0
        v = v * nboth[i, j] / (nboth[i, j] + SHRINK)
        sim[i, j] = v
W = np.zeros_like(sim)
neighbours = []
for i in range(N_ITEMS):
    cand = [j for j in range(N_ITEMS) if sim[i, j] > 0]
    cand.sort(key=lambda j: (-sim[i, j], j))
    neighbours.append([{"item": items[j], "sim": float(sim[i, j])} for j in cand[:KNN_K]])
    for j in cand[:KNN_K]:
        W[i, j] = sim[i, j]
knn_scores = train @ W
itemknn = top_lists(lambda u: knn_scores[u], False, lambda j: float(count[j] / n_train_users))


def metrics(lists):
    P = R = N = M = H = 0.0
    n_eval = 0
    listed = set()
    nov = []
    for u in range(N_USERS):
        rel = {j for j in np.nonzero(test[u] > 0)[0] if train[u, j] == 0}
        if not rel:
            continue
        n_eval += 1
        rec = [items.index(r["item"]) for r in lists[u]]
        hits = 0
        dcg = ap = 0.0
        for r, j in enumerate(rec, start=1):
            listed.add(j)
            nov.append(-math.log2(count[j] / n_train_users))
            if j in rel:
                hits += 1
                dcg += 1 / math.log2(r + 1)
                ap += hits / r
        idcg = sum(1 / math.log2(r + 1) for r in range(1, min(len(rel), K_LIST) + 1))
        P += hits / K_LIST
        R += hits / len(rel)
        N += dcg / idcg
        M += ap / min(len(rel), K_LIST)
        H += hits > 0
    catalogue = int((count > 0).sum())
    return {"users": n_eval, "precision": P / n_eval, "recall": R / n_eval, "ndcg": N / n_eval, "map": M / n_eval,
            "hitRate": H / n_eval, "coverage": len(listed) / catalogue, "novelty": float(np.mean(nov)), "catalogue": catalogue}


def triples(M):
    return [[users[u], items[i], float(M[u, i])] for u in range(N_USERS) for i in range(N_ITEMS) if M[u, i] > 0]


out = {
    "k": K_LIST, "knnK": KNN_K, "shrinkage": SHRINK,
    "train": triples(train), "test": triples(test),
    "popularity": {"lists": popularity, "metrics": metrics(popularity)},
    "itemknn": {"neighbours": neighbours, "lists": itemknn, "metrics": metrics(itemknn)},
}
path = os.path.join(os.path.dirname(__file__), "..", "fixtures", "recommend_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
