-- Tierbook preprocess + profile, DuckDB dialect
-- cleaning: missing customer on, cancelled on, quantity<=0 on, price<=0 on, duplicates on
WITH loaded AS (
  SELECT CAST("customer" AS VARCHAR) AS "customer", "order", CAST("time" AS TIMESTAMP) AS "time", "quantity", "price", "amount", "cancelled", "item", "itemName", "category", "country"
  FROM transactions
),
missing_customer AS (
  SELECT * FROM loaded WHERE "customer" IS NOT NULL AND trim("customer") <> ''
),
cancelled AS (
  SELECT * FROM missing_customer WHERE NOT coalesce("cancelled", false)
),
non_positive_quantity AS (
  SELECT * FROM cancelled WHERE "quantity" > 0
),
non_positive_price AS (
  SELECT * FROM non_positive_quantity WHERE "price" > 0
),
duplicates AS (
  SELECT DISTINCT * FROM non_positive_price
),
cleaned AS (
  SELECT * FROM duplicates
),
as_of AS (
  SELECT date_trunc('day', max("time")) + INTERVAL '1' DAY AS as_of FROM cleaned
)
SELECT "customer",
       CAST(floor((epoch_ms(a.as_of) - epoch_ms(max("time"))) / 86400000.0) AS INT) AS "recency",
       CAST(count(DISTINCT "order") AS INT) AS "frequency",
       sum("amount") AS "monetary",
       CASE WHEN count(DISTINCT "order") > 0 THEN sum("amount") / count(DISTINCT "order") ELSE 0 END AS "aov",
       CAST(floor((epoch_ms(a.as_of) - epoch_ms(min("time"))) / 86400000.0) AS INT) AS "tenure",
       min("time") AS "first",
       max("time") AS "last"
  FROM cleaned CROSS JOIN as_of a
 WHERE "customer" IS NOT NULL AND "time" IS NOT NULL AND "time" < a.as_of
 GROUP BY "customer", a.as_of
 ORDER BY "customer"
