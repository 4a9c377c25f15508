"""Golden RFM table on CDNOW_master (Fader & Hardie), computed with pandas.

CDNOW_master.txt is whitespace-separated: customer_id date(YYYYMMDD) number_of_cds dollar_value,
with no order id. An order is a customer's purchases on one day (the usual reading of this data),
so frequency = distinct purchase days. RFM as of 00:00 of the day after the last purchase, exactly as
Tierbook's rfm(): recency / tenure = whole days from the last / first purchase, monetary = Σ dollar_value.
Quintile scores use qcut(rank(method='first')). Reads ../shared/data/CDNOW_master.txt; writes
test/fixtures/profile_cdnow.json. Run from the repository root:
    /usr/bin/python3 test/golden/profile_cdnow.py
"""
import json
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, '..', 'shared', 'data', 'CDNOW_master.txt')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'profile_cdnow.json')
DAY = pd.Timedelta(days=1)

df = pd.read_csv(SRC, sep=r'\s+', dtype={'customer_id': str, 'date': str})
df['time'] = pd.to_datetime(df['date'], format='%Y%m%d')
as_of = df['time'].max().floor('D') + DAY
g = df.groupby('customer_id', sort=True)
prof = pd.DataFrame({
    'first': g['time'].min(),
    'last': g['time'].max(),
    'frequency': g['date'].nunique(),
    'monetary': g['dollar_value'].sum(),
})
prof['recency'] = ((as_of - prof['last']) // DAY).astype(int)
prof['tenure'] = ((as_of - prof['first']) // DAY).astype(int)
prof['r'] = pd.qcut(prof['recency'].rank(method='first'), 5, labels=[5, 4, 3, 2, 1]).astype(int)
prof['f'] = pd.qcut(prof['frequency'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)
prof['m'] = pd.qcut(prof['monetary'].rank(method='first'), 5, labels=[1, 2, 3, 4, 5]).astype(int)

out = {
    'source': 'CDNOW_master.txt via pandas ' + pd.__version__,
    'lines': int(len(df)),
    'asOf': int(as_of.value // 10**6),
    'customer': list(prof.index),
    'recency': [int(v) for v in prof['recency']],
    'frequency': [int(v) for v in prof['frequency']],
    'tenure': [int(v) for v in prof['tenure']],
    # cents, to keep the fixture small and exact (every dollar_value has two decimals)
    'monetaryCents': [int(round(v * 100)) for v in prof['monetary']],
    'r': [int(v) for v in prof['r']],
    'f': [int(v) for v in prof['f']],
    'm': [int(v) for v in prof['m']],
}
with open(OUT, 'w') as fh:
    json.dump(out, fh, separators=(',', ':'))
print('customers', len(prof), 'lines', len(df), 'asOf', as_of)
print('wrote', OUT, os.path.getsize(OUT), 'bytes')
