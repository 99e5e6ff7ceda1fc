-- The lot's clicks, typed, one Parquet folder per day of the click itself (not of the export it came in).
-- Runs as it is on Athena (UNLOAD) and locally on DuckDB; docs/sql-arcs.md lists what both accept.
SELECT session_id,
       url,
       NULLIF(referrer, '') AS referrer,
       CAST(duration_ms AS DOUBLE) / 1000 AS seconds,
       ts,
       CAST(CAST(ts AS DATE) AS VARCHAR) AS day
FROM ${source.main.table}
WHERE ${source.main.lotPredicate}
