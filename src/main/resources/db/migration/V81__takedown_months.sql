-- The takedowns report's months (issue 22, item 5): the day rows of V61 summed per month, school (0: the District)
-- and tenth of an hour, with the shortest and longest, so that a report of twelve months reads twelve months' rows
-- instead of a row per District day and tenth (about one per task done). Kept in the same transaction as each day's
-- roll-up (the day's month summed again from its day rows), so a month's rows always hold exactly its rolled-up days.
-- Keyed by unit first, so that a unit's months are one index range. H2 (MODE=LEGACY) and PostgreSQL 15.
CREATE INDEX ix_report_takedown_day_on_day ON report_takedown_day (on_day);

CREATE TABLE report_takedown_month (
    on_month     DATE     NOT NULL,
    unit_id      BIGINT   NOT NULL,
    tenths       INTEGER  NOT NULL,
    tasks        BIGINT   NOT NULL,
    min_seconds  BIGINT   NOT NULL,
    max_seconds  BIGINT   NOT NULL,
    CONSTRAINT pk_report_takedown_month PRIMARY KEY (unit_id, on_month, tenths)
);
CREATE INDEX ix_report_takedown_month_on_month ON report_takedown_month (on_month);

-- the months of the days rolled up before this migration
INSERT INTO report_takedown_month (on_month, unit_id, tenths, tasks, min_seconds, max_seconds)
SELECT CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, tenths, SUM(tasks),
       MIN(min_seconds), MAX(max_seconds)
FROM report_takedown_day
GROUP BY CAST(CONCAT(SUBSTRING(CAST(on_day AS VARCHAR(10)), 1, 7), '-01') AS DATE), unit_id, tenths;
