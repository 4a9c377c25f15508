-- Tierbook preprocess + profile, Spark SQL dialect
-- cleaning: missing customer on, cancelled on, quantity<=0 on, price<=0 on, duplicates off
-- run with spark.sql.session.timeZone = 'UTC' (timestamps are UTC wall-clock times)
WITH loaded AS (
  SELECT regexp_replace(CAST(`CustomerID` AS STRING), '[.]0+$', '') AS `customer`,
         regexp_replace(CAST(`InvoiceNo` AS STRING), '[.]0+$', '') AS `order`,
         CAST(`InvoiceDate` AS TIMESTAMP) AS `time`,
         CAST(`Quantity` AS DOUBLE) AS `quantity`,
         CAST(`UnitPrice` AS DOUBLE) AS `price`,
         CAST(`Quantity` AS DOUBLE) * CAST(`UnitPrice` AS DOUBLE) AS `amount`,
         coalesce(upper(CAST(`InvoiceNo` AS STRING)) LIKE 'C%', false) AS `cancelled`,
         CAST(`StockCode` AS STRING) AS `item`,
         CAST(`Country` AS STRING) AS `country`
  FROM raw_lines
),
missing_customer AS (
  SELECT * FROM loaded WHERE `customer` IS NOT NULL AND trim(`customer`) <> ''
),
cancelled AS (
  SELECT * FROM missing_customer WHERE NOT coalesce(`cancelled`, false)
),
non_positive_quantity AS (
  SELECT * FROM cancelled WHERE `quantity` > 0
),
non_positive_price AS (
  SELECT * FROM non_positive_quantity WHERE `price` > 0
),
cleaned AS (
  SELECT * FROM non_positive_price
),
as_of AS (
  SELECT TIMESTAMP '2011-09-01 00:00:00.000' AS as_of
)
SELECT `customer`,
       CAST(floor((unix_millis(a.as_of) - unix_millis(max(`time`))) / 86400000.0) AS INT) AS `recency`,
       CAST(count(DISTINCT `order`) AS INT) AS `frequency`,
       sum(`amount`) AS `monetary`,
       CASE WHEN count(DISTINCT `order`) > 0 THEN sum(`amount`) / count(DISTINCT `order`) ELSE 0 END AS `aov`,
       CAST(floor((unix_millis(a.as_of) - unix_millis(min(`time`))) / 86400000.0) AS INT) AS `tenure`,
       min(`time`) AS `first`,
       max(`time`) AS `last`
  FROM cleaned CROSS JOIN as_of a
 WHERE `customer` IS NOT NULL AND `time` IS NOT NULL AND `time` < a.as_of
 GROUP BY `customer`, a.as_of
 ORDER BY `customer`
