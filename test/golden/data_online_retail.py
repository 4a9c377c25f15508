"""Golden facts about the Online Retail source, computed with pandas.

Reads ../shared/data/online_retail.csv.gz (relative to the repo root) and writes
test/fixtures/data_online_retail.json, which test/core/data/defaultData.test.ts compares
with the shipped public/data/online-retail.arrow.gz.

Run: /usr/bin/python3 test/golden/data_online_retail.py
"""
import json
import math
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "..", "shared", "data", "online_retail.csv.gz")
OUT = os.path.join(ROOT, "test", "fixtures", "data_online_retail.json")

df = pd.read_csv(SRC, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str},
                 keep_default_na=False, na_values={"CustomerID": [""], "Description": [""]})
cust = df["CustomerID"].dropna().str.replace(r"\.0+$", "", regex=True)
amount = df["Quantity"].astype(float) * df["UnitPrice"].astype(float)
times = pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S", utc=True)
cancelled = df["InvoiceNo"].str.upper().str.startswith("C")

facts = {
    "rows": int(len(df)),
    "distinctCustomers": int(cust.nunique()),
    "missingCustomers": int(df["CustomerID"].isna().sum()),
    "distinctInvoices": int(df["InvoiceNo"].nunique()),
    "distinctItems": int(df["StockCode"].nunique()),
    "distinctCountries": int(df["Country"].nunique()),
    "cancelledRows": int(cancelled.sum()),
    "sumAmount": math.fsum(amount.tolist()),
    "sumQuantity": int(df["Quantity"].sum()),
    "minTimeMs": int(times.min().value // 1_000_000),
    "maxTimeMs": int(times.max().value // 1_000_000),
    "minTime": times.min().strftime("%Y-%m-%dT%H:%M:%SZ"),
    "maxTime": times.max().strftime("%Y-%m-%dT%H:%M:%SZ"),
    "firstCustomer": cust.iloc[0],
}
with open(OUT, "w") as f:
    json.dump(facts, f, indent=2)
    f.write("\n")
print(json.dumps(facts, indent=2))
