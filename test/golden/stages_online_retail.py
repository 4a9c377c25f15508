"""Golden values for the method's stages on UCI Online Retail, computed with pandas.

Reads ../shared/data/online_retail.csv.gz (relative to the repository root) and writes
test/fixtures/stages_online_retail.json: the cleaning counts per step, the RFM profile and the
RFM quintile scores of every customer, and the purchase dataset's size, label count and feature
sums. Run from the repository root:  /usr/bin/python3 test/golden/stages_online_retail.py
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, '..', 'shared', 'data', 'online_retail.csv.gz')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'stages_online_retail.json')
DAY = pd.Timedelta(days=1)

df = pd.read_csv(SRC, dtype={'InvoiceNo': str, 'StockCode': str, 'CustomerID': str, 'Description': str})
df['InvoiceDate'] = pd.to_datetime(df['InvoiceDate'])
# canonical roles: customer ids without ".0", amount = quantity × price, cancelled = invoice starts with C
df['customer'] = df['CustomerID'].str.replace(r'\.0$', '', regex=True)
df['amount'] = df['Quantity'] * df['UnitPrice']
df['cancelled'] = df['InvoiceNo'].str.startswith('C')

steps = [('loaded', len(df), df['customer'].nunique())]
df = df[df['customer'].notna()]
steps.append(('missingCustomer', len(df), df['customer'].nunique()))
df = df[~df['cancelled']]
steps.append(('cancelled', len(df), df['customer'].nunique()))
df = df[df['Quantity'] > 0]
steps.append(('nonPositiveQuantity', len(df), df['customer'].nunique()))
df = df[df['UnitPrice'] > 0]
steps.append(('nonPositivePrice', len(df), df['customer'].nunique()))
df = df.drop_duplicates(subset=['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate',
                                'UnitPrice', 'CustomerID', 'Country'], keep='first')
steps.append(('duplicates', len(df), df['customer'].nunique()))

# RFM as of 00:00 of the day after the last line
as_of = df['InvoiceDate'].max().floor('D') + DAY
g = df.groupby('customer', sort=True)
prof = pd.DataFrame({
    'first': g['InvoiceDate'].min(),
    'last': g['InvoiceDate'].max(),
    'frequency': g['InvoiceNo'].nunique(),
    'monetary': g['amount'].sum(),
})
prof['recency'] = ((as_of - prof['last']) // DAY).astype(int)
prof['tenure'] = ((as_of - prof['first']) // DAY).astype(int)
prof['aov'] = prof['monetary'] / prof['frequency']

# RFM quintile scores, ties broken by row order (rank method='first')
prof['r'] = pd.qcut(prof['recency'].rank(method='first'), 5, labels=[5, 4, 3, 2, 1]).astype(int)
prof['f'] = pd.qcut(prof['frequency'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)
prof['m'] = pd.qcut(prof['monetary'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)

def segment(r, f):
    rules = [('Champions', (5, 5), (4, 5)), ('Loyal', (3, 4), (4, 5)), ('Potential loyalist', (4, 5), (2, 3)),
             ('New', (5, 5), (1, 1)), ('Promising', (4, 4), (1, 1)), ('Need attention', (3, 3), (3, 3)),
             ('About to sleep', (3, 3), (1, 2)), ("Can't lose", (1, 2), (5, 5)), ('At risk', (1, 2), (3, 4)),
             ('Lost', (1, 1), (1, 1)), ('Hibernating', (1, 2), (1, 2))]
    for name, (r0, r1), (f0, f1) in rules:
        if r0 <= r <= r1 and f0 <= f <= f1:
            return name
    raise ValueError((r, f))

prof['segment'] = [segment(r, f) for r, f in zip(prof['r'], prof['f'])]

# purchase dataset: horizon [as_of − 90 d, as_of), features from lines before the cutoff
def features(lines, at):
    g = lines.groupby('customer', sort=True)
    first, last = g['InvoiceDate'].min(), g['InvoiceDate'].max()
    freq = g['InvoiceNo'].nunique()
    money = g['amount'].sum().clip(lower=0)
    items = g['StockCode'].nunique()
    span_days = (last - first) / DAY
    return pd.DataFrame({
        'recency_days': ((at - last) // DAY).astype(float),
        'log1p_frequency': np.log1p(freq),
        'log1p_monetary': np.log1p(money),
        'log1p_aov': np.log1p(money / freq),
        'tenure_days': ((at - first) // DAY).astype(float),
        'log1p_items': np.log1p(items),
        'mean_interpurchase_days': np.where(freq > 1, span_days / (freq - 1).clip(lower=1), 0.0),
    })

cutoff = as_of - 90 * DAY
X = features(df[df['InvoiceDate'] < cutoff], cutoff)
buyers = set(df.loc[(df['InvoiceDate'] >= cutoff) & (df['InvoiceDate'] < as_of), 'customer'])
y = np.array([c in buyers for c in X.index], dtype=int)
S = features(df, as_of)

ms = lambda s: [int(v) for v in (s.astype('int64') // 10**6)]
as_ms = int(as_of.value // 10**6)
out = {
    'source': 'online_retail.csv.gz via pandas ' + pd.__version__,
    'steps': [{'step': s, 'rows': r, 'customers': c} for s, r, c in steps],
    'asOf': int(as_of.value // 10**6),
    'profile': {
        'customer': list(prof.index),
        'recency': [int(v) for v in prof['recency']],
        'frequency': [int(v) for v in prof['frequency']],
        'monetary': [float(v) for v in prof['monetary']],
        'tenure': [int(v) for v in prof['tenure']],
        # first / last line times as whole minutes before asOf (the data has minute resolution)
        'firstMinutesBeforeAsOf': [(as_ms - v) // 60000 for v in ms(prof['first'])],
        'lastMinutesBeforeAsOf': [(as_ms - v) // 60000 for v in ms(prof['last'])],
        'r': [int(v) for v in prof['r']],
        'f': [int(v) for v in prof['f']],
        'm': [int(v) for v in prof['m']],
        'segment': list(prof['segment']),
    },
    'purchase': {
        'cutoff': int(cutoff.value // 10**6),
        'n': int(len(X)),
        'positives': int(y.sum()),
        'featureNames': list(X.columns),
        'featureSums': [float(X[c].sum()) for c in X.columns],
        'head': {'customer': list(X.index[:25]), 'X': X.iloc[:25].values.tolist(), 'y': y[:25].tolist()},
    },
    'scoring': {
        'n': int(len(S)),
        'featureSums': [float(S[c].sum()) for c in S.columns],
    },
}
with open(OUT, 'w') as fh:
    json.dump(out, fh, separators=(',', ':'))
print('steps', steps)
print('customers', len(prof), 'purchase n', len(X), 'positives', int(y.sum()), 'scoring n', len(S))
print('wrote', OUT, os.path.getsize(OUT), 'bytes')
