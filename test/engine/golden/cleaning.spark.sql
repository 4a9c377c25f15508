-- Tierbook cleaning log, Spark SQL dialect
-- cleaning: missing customer on, cancelled on, quantity<=0 on, price<=0 on, duplicates on
-- run with spark.sql.session.timeZone = 'UTC' (timestamps are UTC wall-clock times)
WITH loaded AS (
  SELECT CAST(`customer` AS STRING) AS `customer`, `order`, CAST(`time` AS TIMESTAMP) AS `time`, `quantity`, `price`, `amount`, `cancelled`, `item`, `itemName`, `category`, `country`
  FROM transactions
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
duplicates AS (
  SELECT DISTINCT * FROM non_positive_price
),
cleaned AS (
  SELECT * FROM duplicates
)
SELECT 0 AS `position`, 'loaded' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM loaded
UNION ALL
SELECT 1 AS `position`, 'missing_customer' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM missing_customer
UNION ALL
SELECT 2 AS `position`, 'cancelled' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM cancelled
UNION ALL
SELECT 3 AS `position`, 'non_positive_quantity' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM non_positive_quantity
UNION ALL
SELECT 4 AS `position`, 'non_positive_price' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM non_positive_price
UNION ALL
SELECT 5 AS `position`, 'duplicates' AS `step`, count(*) AS `rows`, count(DISTINCT `customer`) AS `customers` FROM duplicates
ORDER BY `position`
