"""Golden values for the data loaders (test/core/data/inputs.test.ts), computed with pandas.

Writes test/fixtures/data_inputs.json and the GBK input file test/fixtures/inputs/gbk_orders.csv.
Run: /usr/bin/python3 test/golden/data_inputs.py   (from the repository root)

- cdnow_excerpt: test/fixtures/inputs/cdnow_excerpt.txt (the first 21 lines of CDNOW_master.txt:
  header + 20 rows, whitespace-separated, CRLF) read with read_csv(sep=r"\\s+").
- cdnow_sample_excerpt: the first 20 lines of CDNOW_sample.txt (no header, 5 columns).
- cdnow_master: totals over /work/shared/data/CDNOW_master.txt when it is there.
- gbk: a GBK-encoded CSV with Chinese headers and values, read back with encoding="gbk".
- dates: one column per date format, parsed with pandas.to_datetime(format=...), as epoch ms (UTC).
"""
import json
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = os.path.join(ROOT, "test", "fixtures", "inputs")
SHARED = os.path.join(ROOT, "..", "shared", "data")


def ms(series):
    return [None if pd.isna(x) else int(pd.Timestamp(x).value // 1_000_000) for x in series]


def cdnow_rows(df, date_col):
    out = []
    for r in df.itertuples(index=False):
        d = r._asdict()
        d[date_col] = int(pd.Timestamp(pd.to_datetime(str(d[date_col]), format="%Y%m%d")).value // 1_000_000)
        out.append({k: (float(v) if not isinstance(v, str) else v) for k, v in d.items()})
    return out


fixture = {}

ex = pd.read_csv(os.path.join(INPUTS, "cdnow_excerpt.txt"), sep=r"\s+")
fixture["cdnow_excerpt"] = {"columns": list(ex.columns), "rows": cdnow_rows(ex, "date")}

sx = pd.read_csv(os.path.join(INPUTS, "cdnow_sample_excerpt.txt"), sep=r"\s+", header=None)
sx.columns = [f"column_{i + 1}" for i in range(sx.shape[1])]
fixture["cdnow_sample_excerpt"] = {"columns": list(sx.columns), "rows": cdnow_rows(sx, "column_3")}

master = os.path.join(SHARED, "CDNOW_master.txt")
if os.path.exists(master):
    m = pd.read_csv(master, sep=r"\s+")
    d = pd.to_datetime(m["date"].astype(str), format="%Y%m%d")
    fixture["cdnow_master"] = {
        "rows": int(len(m)),
        "customers": int(m["customer_id"].nunique()),
        "cds": float(m["number_of_cds"].sum()),
        "dollars": round(float(m["dollar_value"].sum()), 6),
        "first": ms([d.min()])[0],
        "last": ms([d.max()])[0],
        # orders when each (customer, date) line group is one order
        "orders": int(m.groupby(["customer_id", "date"]).ngroups),
    }

gbk_text = (
    "订单号,客户ID,下单时间,商品名称,数量,单价\n"
    "A001,张三,2024-01-02 10:00,咖啡豆,2,35.5\n"
    "A001,张三,2024-01-02 10:00,绿茶,1,12\n"
    "A002,李四,2024-01-03 09:30,红烧牛肉面,3,8.8\n"
    "A003,王五,2024-01-05 20:15,\"月饼, 礼盒\",1,168\n"
)
with open(os.path.join(INPUTS, "gbk_orders.csv"), "wb") as f:
    f.write(gbk_text.encode("gbk"))
g = pd.read_csv(os.path.join(INPUTS, "gbk_orders.csv"), encoding="gbk")
fixture["gbk"] = {
    "columns": list(g.columns),
    "rows": [
        {**{k: (v if isinstance(v, str) else float(v)) for k, v in r.items() if k != "下单时间"}, "下单时间": ms([pd.to_datetime(r["下单时间"])])[0]}
        for r in g.to_dict("records")
    ],
}

formats = {
    "iso": (["2010-12-01 08:26:00", "2011-02-28 23:59:59"], "%Y-%m-%d %H:%M:%S"),
    "compact": (["20101201", "20110228"], "%Y%m%d"),
    "ymd": (["2010/12/1 8:26", "2011/2/28 23:59"], "%Y/%m/%d %H:%M"),
    "mdy": (["12/1/2010 8:26", "2/28/2011 23:59"], "%m/%d/%Y %H:%M"),
    "dmy": (["1.12.2010", "28.2.2011"], "%d.%m.%Y"),
    "dmyslash": (["1/12/2010", "28/2/2011"], "%d/%m/%Y"),
}
fixture["dates"] = {k: {"text": v, "ms": ms(pd.to_datetime(pd.Series(v), format=f))} for k, (v, f) in formats.items()}
fixture["dates"]["offset"] = {"text": ["2010-12-01T16:26:00+08:00"], "ms": ms(pd.to_datetime(pd.Series(["2010-12-01T16:26:00+08:00"]), utc=True))}

with open(os.path.join(ROOT, "test", "fixtures", "data_inputs.json"), "w") as f:
    json.dump(fixture, f, ensure_ascii=False, indent=1)
print("wrote test/fixtures/data_inputs.json:", ", ".join(fixture))
