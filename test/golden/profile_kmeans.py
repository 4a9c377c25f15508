"""Golden k-means and silhouette values from scikit-learn on the RFM features of Online Retail.

The matrix is built from the pandas RFM table already committed in
test/fixtures/stages_online_retail.json (written by stages_online_retail.py): per customer
log1p(recency), log1p(frequency), log1p(monetary), each z-scored with the population standard
deviation (StandardScaler). For k = 2..10: KMeans(n_clusters=k, n_init=10, random_state=0).inertia_
and silhouette_score (exact: 4,338 rows, no sampling), and the PCA explained-variance ratio.
Writes test/fixtures/profile_kmeans.json. Run from the repository root:
    /usr/bin/python3 test/golden/profile_kmeans.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, 'test', 'fixtures', 'stages_online_retail.json')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'profile_kmeans.json')

with open(SRC) as fh:
    prof = json.load(fh)['profile']
raw = np.column_stack([prof['recency'], prof['frequency'], prof['monetary']]).astype(float)
X = StandardScaler().fit_transform(np.log1p(np.clip(raw, 0, None)))

rows = []
for k in range(2, 11):
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    rows.append({'k': k, 'inertia': float(km.inertia_), 'silhouette': float(silhouette_score(X, km.labels_))})
    print(rows[-1])
pca = PCA(n_components=2).fit(X)
out = {
    'source': 'stages_online_retail.json profile via scikit-learn ' + sklearn.__version__,
    'columns': ['recency', 'frequency', 'monetary'],
    'n': int(X.shape[0]),
    'columnSums': [float(v) for v in X.sum(axis=0)],
    'columnSumsOfSquares': [float(v) for v in (X ** 2).sum(axis=0)],
    'head': X[:5].tolist(),
    'sweep': rows,
    'pcaVarianceRatio': [float(v) for v in pca.explained_variance_ratio_],
}
with open(OUT, 'w') as fh:
    json.dump(out, fh, indent=1)
print('wrote', OUT)
